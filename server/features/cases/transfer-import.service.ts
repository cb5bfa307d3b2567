import type { BodyOf } from '../../../core/contracts/contract.ts';
import { registerIntake as registerIntakeContract } from '../../../core/contracts/cases.ts';
import type { TransferPackage } from '../../../core/contracts/transfer-package.ts';
import type {
  getTransferImport as getImportContract,
  importTransfer as importContract,
} from '../../../core/contracts/transfers.ts';
import { can } from '../../../core/policy/policy.ts';
import { onCase } from '../../case-kernel/on-case.ts';
import { verifyPackage } from '../../case-kernel/transfer-packages.ts';
import { execute, noFacts } from '../../command.ts';
import { isUniqueViolation } from '../../db/versions.ts';
import type { AuditPart } from '../../command.ts';
import type { Trx } from '../../db/database.ts';
import type { RenderedDocument } from '../../documents/pdf.ts';
import { AppError } from '../../errors.ts';
import type { ActionContext } from '../../http/action-context.ts';
import type { ServiceDeps } from '../../service-deps.ts';
import { openIntake } from './cases.service.ts';

/**
 * The receiving side of moving a case (core/domain/transfers.ts): a package from another
 * municipality read into a new case through the same intake every matter takes — so a person who
 * already has a file here meets the routing rules as at any intake — with where it came from and
 * the documents as they came. Read once; a changed package is refused by its digest.
 */

const isAuditList = (audit: AuditPart | readonly AuditPart[]): audit is readonly AuditPart[] =>
  Array.isArray(audit);
const refuse = (detail: string) => new AppError('STEP_OUT_OF_ORDER', { detail });
const author = (id: string, displayName: string) => ({ id, displayName });

export function importTransfer(
  deps: ServiceDeps,
  ctx: ActionContext,
  body: BodyOf<typeof importContract>,
) {
  const pkg = body.package;
  verifyPackage(pkg);
  return execute(deps, ctx, {
    action: 'case.open',
    load: noFacts,
    authorize: (who) => can(who, 'case.open', { unitId: body.unitId }),
    run: async (trx) => {
      const seen = await trx
        .selectFrom('transfer_import')
        .select('id')
        .where('package_id', '=', pkg.packageId)
        .executeTakeFirst();
      if (seen) throw refuse('Paketet är redan inläst.');
      const summary = [
        `Överflyttat ärende från ${pkg.sender.municipality} (${pkg.legalBasis}), som ${pkg.receiver.municipality} beslutade att ta emot ${pkg.answer.decidedOn}.`,
        `Anknytning: ${pkg.request.grounds}`,
        `Personens önskemål: ${pkg.request.wishes}`,
        `Hjälpbehovets varaktighet: ${pkg.request.duration}`,
      ].join('\n');
      const intake = registerIntakeContract.body.safeParse({
        unitId: body.unitId,
        targetGroup: pkg.person.targetGroup,
        person: {
          existing: false,
          newPerson: {
            identity: pkg.person.identity
              ? { kind: pkg.person.identity.kind, number: pkg.person.identity.number }
              : null,
            givenName: pkg.person.givenName,
            familyName: pkg.person.familyName,
            protectionLevel: pkg.person.protectionLevel,
          },
        },
        intake: {
          type: 'referral',
          from: `Socialtjänsten i ${pkg.sender.municipality}, ${pkg.sender.unit}`.slice(0, 200),
          channel: 'digital',
          receivedAt: ctx.now.toISOString(),
          content: summary.slice(0, 20_000),
        },
        acuteScreening: body.acuteScreening,
        assignToMe: body.assignToMe,
        household: householdOf(pkg),
      });
      // The package's words become an intake's: what an intake may not hold is refused by name.
      if (!intake.success) {
        throw new AppError('VALIDATION', {
          fields: intake.error.issues.map((i) => ({
            path: 'body.package',
            message: `Paketet kan inte läsas in som en aktualisering: ${i.path.join('.')}: ${i.message}`,
          })),
        });
      }
      const opened = await openIntake(
        trx,
        ctx,
        intake.data,
        pkg.violentParties.map((p) => p.knownChannels),
      );
      const insert = trx
        .insertInto('transfer_import')
        .values({
          package_id: pkg.packageId,
          package_sha256: pkg.digest,
          case_id: opened.caseId,
          person_id: opened.personId,
          from_municipality: pkg.sender.municipality,
          from_unit: pkg.sender.unit,
          from_handlaggare: pkg.sender.handlaggare,
          legal_basis: pkg.legalBasis,
          grounds: pkg.request.grounds,
          wishes: pkg.request.wishes,
          duration: pkg.request.duration,
          risk: pkg.risk ? JSON.stringify(pkg.risk) : null,
          decisions: JSON.stringify(pkg.decisions),
          imported_by: ctx.actor.userId,
          imported_at: ctx.now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      // Two readers at once: the unique package id lets one in, the other hears it was read.
      const created = await insert.catch((error: unknown) => {
        if (isUniqueViolation(error)) throw refuse('Paketet är redan inläst.');
        throw error;
      });
      for (const [position, d] of pkg.documents.entries()) {
        await trx
          .insertInto('transfer_import_document')
          .values({
            import_id: created.id,
            position,
            kind: d.kind,
            title: d.title,
            filename: d.filename,
            pdf: Buffer.from(d.pdf, 'base64'),
            sha256: d.sha256,
          })
          .execute();
      }
      const { done } = opened;
      const [intakePart] = isAuditList(done.audit) ? done.audit : [done.audit];
      if (!intakePart) throw new Error('an intake leaves its audit row');
      const result =
        done.result.outcome === 'registered'
          ? {
              outcome: 'registered' as const,
              caseId: done.result.caseId,
              personId: done.result.personId,
            }
          : done.result;
      return {
        result,
        // One act, one row: the intake's, named as the import, with where the package is kept.
        audit: {
          ...intakePart,
          action: 'transfer.import' as const,
          details: {
            ...intakePart.details,
            routed: done.result.outcome === 'routed',
            importId: created.id,
            packageId: pkg.packageId,
          },
        },
      };
    },
  });
}

/**
 * Those who use violence against her, as counterparts of the new file (with their known channels,
 * so the guard here refuses them too), and the children, so the duty to report opens here; none
 * when the package names nobody.
 */
function householdOf(pkg: TransferPackage) {
  if (pkg.violentParties.length === 0 && pkg.children.length === 0) return undefined;
  return {
    adults: pkg.violentParties.map((p) => ({
      identity: null,
      givenName: p.givenName,
      familyName: p.familyName,
      description:
        p.givenName || p.familyName ? null : `Utövar våld enligt ${pkg.sender.municipality}.`,
      relation: p.relation ?? 'other',
      usesViolence: true,
      livesTogether: null,
    })),
    children: pkg.children.map((c) => ({
      givenName: c.givenName,
      familyName: c.familyName,
      identity: c.identity,
      statedAge: c.identity ? null : c.statedAge,
      guardian: c.guardian,
    })),
  };
}

async function loadImport(trx: Trx, caseId: string) {
  return trx
    .selectFrom('transfer_import as i')
    .innerJoin('app_user as u', 'u.id', 'i.imported_by')
    .selectAll('i')
    .select('u.display_name')
    .where('i.case_id', '=', caseId)
    .executeTakeFirst();
}

export function getTransferImport(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
): Promise<(typeof getImportContract)['response']['_output']> {
  return execute(deps, ctx, {
    action: 'transfer.import.read',
    ...onCase(ctx, caseId, 'case.read'),
    run: async (trx, { row }) => {
      const found = await loadImport(trx, caseId);
      const documents = found
        ? await trx
            .selectFrom('transfer_import_document')
            .select(['id', 'title', 'filename'])
            .where('import_id', '=', found.id)
            .orderBy('position')
            .execute()
        : [];
      return {
        result: {
          import: found
            ? {
                id: found.id,
                packageId: found.package_id,
                fromMunicipality: found.from_municipality,
                fromUnit: found.from_unit,
                fromHandlaggare: found.from_handlaggare,
                legalBasis: found.legal_basis,
                grounds: found.grounds,
                wishes: found.wishes,
                duration: found.duration,
                risk: found.risk,
                decisions: found.decisions,
                documents,
                importedBy: author(found.imported_by, found.display_name),
                importedAt: found.imported_at.toISOString(),
              }
            : null,
        },
        audit: { personIds: [row.person_id], caseIds: [caseId] },
      };
    },
  });
}

/** A document that came with the package, the bytes as they came. */
export function transferDocumentPdf(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
  documentId: string,
): Promise<RenderedDocument> {
  return execute(deps, ctx, {
    action: 'document.export',
    ...onCase(ctx, caseId, 'case.read'),
    run: async (trx, { row }) => {
      const doc = await trx
        .selectFrom('transfer_import_document as d')
        .innerJoin('transfer_import as i', 'i.id', 'd.import_id')
        .select(['d.pdf', 'd.filename'])
        .where('d.id', '=', documentId)
        .where('i.case_id', '=', caseId)
        .executeTakeFirst();
      if (!doc) throw new AppError('NOT_FOUND');
      return {
        result: { filename: doc.filename, pdf: Buffer.from(doc.pdf) },
        audit: {
          personIds: [row.person_id],
          caseIds: [caseId],
          details: { document: 'transfer_document', documentId },
        },
      };
    },
  });
}
