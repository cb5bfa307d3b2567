import { createHash } from 'node:crypto';
import { execute } from '../../command.ts';
import { onCase } from '../../case-kernel/on-case.ts';
import { caseFacts } from '../../case-kernel/case-access.ts';
import {
  consentRecipient,
  consentRows,
  consentStatus,
  toConsent,
} from '../../case-kernel/disclosures.ts';
import type { ActionContext } from '../../http/action-context.ts';
import type { BodyOf } from '../../../core/contracts/contract.ts';
import type {
  attachConsentDocument as attachContract,
  CaseConsents,
  recordConsent as recordContract,
  revokeConsent as revokeContract,
} from '../../../core/contracts/consents.ts';
import { consentRecordProblem } from '../../../core/domain/consents.ts';
import {
  CONSENT_DOCUMENT_MAX_BYTES,
  consentDocumentDownloadName,
  consentDocumentType,
} from '../../../core/domain/consent-documents.ts';
import type { ConsentDocumentType } from '../../../core/domain/consent-documents.ts';
import { can } from '../../../core/policy/policy.ts';
import type { Trx } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { namedOrganisations } from '../../case-kernel/organisations.ts';
import type { ServiceDeps } from '../../service-deps.ts';

/**
 * The case's consent register (core/domain/consents.ts): consents recorded where they were given,
 * revoked effective at once, and the disclosures made in the case with their grounds. Read by
 * whoever may read the case; written by whoever works it. A consent is never changed: a new one
 * is recorded, and the old one revoked or left to expire.
 */

const refuse = (detail: string) => new AppError('STEP_OUT_OF_ORDER', { detail });
const author = (id: string, name: string) => ({ id, displayName: name });

async function recipientOptions(trx: Trx) {
  const [units, providers] = await Promise.all([
    trx.selectFrom('unit').select(['id', 'name']).orderBy('name').execute(),
    trx
      .selectFrom('provider')
      .select(['id', 'name'])
      .where('active', '=', true)
      .orderBy('name')
      .execute(),
  ]);
  return { units, providers };
}

export function listConsents(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
): Promise<CaseConsents> {
  return execute(deps, ctx, {
    action: 'consent.read',
    ...onCase(ctx, caseId, 'case.read'),
    run: async (trx, { row, person }) => {
      const [consents, documents, disclosures] = await Promise.all([
        consentRows(trx)
          .innerJoin('app_user as ru', 'ru.id', 'c.recorded_by')
          .leftJoin('app_user as vu', 'vu.id', 'r.recorded_by')
          .select(['ru.display_name as recorded_name', 'vu.display_name as revoked_name'])
          .where('c.case_id', '=', caseId)
          .orderBy('c.given_on', 'desc')
          .orderBy('c.recorded_at', 'desc')
          .execute(),
        // What each document is, never its bytes: those are fetched one at a time, audited.
        trx
          .selectFrom('consent_document as d')
          .innerJoin('consent as c', 'c.id', 'd.consent_id')
          .innerJoin('app_user as u', 'u.id', 'd.attached_by')
          .select([
            'd.id',
            'd.consent_id',
            'd.filename',
            'd.media_type',
            'd.size_bytes',
            'd.attached_by',
            'd.attached_at',
            'u.display_name',
          ])
          .where('c.case_id', '=', caseId)
          .orderBy('d.attached_at')
          .execute(),
        trx
          .selectFrom('disclosure as d')
          .innerJoin('app_user as u', 'u.id', 'd.decided_by')
          .selectAll('d')
          .select('u.display_name')
          .where('d.case_id', '=', caseId)
          .orderBy('d.decided_at', 'desc')
          .execute(),
      ]);
      const write =
        row.status === 'open' &&
        can(ctx.actor, 'case.work', { person, case: caseFacts(row), now: ctx.now }).allowed;
      return {
        result: {
          consents: consents.map((c) => ({
            id: c.id,
            categories: c.categories,
            purposes: c.purposes,
            purposeText: c.purpose_text,
            recipient: withId(consentRecipient(c)),
            givenOn: c.given_on,
            validUntil: c.valid_until,
            way: c.way,
            documentReference: c.document_reference,
            documents: documents
              .filter((d) => d.consent_id === c.id)
              .map((d) => ({
                id: d.id,
                filename: d.filename,
                mediaType: d.media_type,
                sizeBytes: d.size_bytes,
                attachedBy: author(d.attached_by, d.display_name),
                attachedAt: d.attached_at.toISOString(),
              })),
            status: consentStatus(toConsent(c), ctx.today),
            recordedBy: author(c.recorded_by, c.recorded_name),
            recordedAt: c.recorded_at.toISOString(),
            revocation:
              c.revoked_on !== null && c.revoked_by !== null && c.revoked_at !== null
                ? {
                    revokedOn: c.revoked_on,
                    how: c.revoked_how ?? '',
                    recordedBy: author(c.revoked_by, c.revoked_name ?? ''),
                    recordedAt: c.revoked_at.toISOString(),
                  }
                : null,
          })),
          disclosures: disclosures.map((d) => ({
            id: d.id,
            purpose: d.purpose,
            categories: d.categories,
            recipient: { kind: d.recipient_kind, id: d.recipient_id, name: d.recipient_name },
            consentId: d.consent_id,
            legalReference: d.legal_reference,
            secrecyTest: d.secrecy_test,
            decidedBy: author(d.decided_by, d.display_name),
            decidedAt: d.decided_at.toISOString(),
          })),
          options: write ? await recipientOptions(trx) : null,
        },
        audit: { personIds: [row.person_id], caseIds: [caseId] },
      };
    },
  });
}

const withId = (r: ReturnType<typeof consentRecipient>) => ({
  kind: r.kind,
  id: 'id' in r ? r.id : null,
  name: r.name,
});

export function recordConsent(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
  body: BodyOf<typeof recordContract>,
): Promise<{ id: string }> {
  const fields: { path: string; message: string }[] = [];
  const problem = consentRecordProblem(body, ctx.today);
  if (problem) {
    const path = body.givenOn > ctx.today ? 'body.givenOn' : 'body.validUntil';
    fields.push({ path, message: problem });
  }
  if (new Set(body.categories).size !== body.categories.length) {
    fields.push({ path: 'body.categories', message: 'Välj varje uppgift en gång.' });
  }
  if (new Set(body.purposes).size !== body.purposes.length) {
    fields.push({ path: 'body.purposes', message: 'Välj varje syfte en gång.' });
  }
  if (body.way === 'written' && !body.documentReference && !body.document) {
    fields.push({
      path: 'body.documentReference',
      message:
        'Bifoga det undertecknade samtycket eller ange var det finns, till exempel dess diarienummer.',
    });
  }
  if (body.way === 'oral' && body.document) {
    fields.push({
      path: 'body.document.content',
      message: 'Ett muntligt samtycke har inget dokument. Välj skriftligt om det är undertecknat.',
    });
  }
  const document = body.document ? readDocument(body.document, 'body.document', fields) : null;
  if (fields.length > 0) throw new AppError('VALIDATION', { fields });
  return execute(deps, ctx, {
    action: 'consent.record',
    ...onCase(ctx, caseId),
    run: async (trx, { row }) => {
      if (row.status !== 'open') throw refuse('Ärendet är avslutat.');
      const r = body.recipient;
      await namedOrganisations(trx, {
        units: r.kind === 'unit' ? [r.unitId] : [],
        providers: r.kind === 'provider' ? [r.providerId] : [],
      });
      const created = await trx
        .insertInto('consent')
        .values({
          person_id: row.person_id,
          case_id: caseId,
          categories: [...body.categories],
          purposes: [...body.purposes],
          purpose_text: body.purposeText,
          recipient_kind: r.kind,
          recipient_unit_id: r.kind === 'unit' ? r.unitId : null,
          recipient_provider_id: r.kind === 'provider' ? r.providerId : null,
          recipient_name: r.kind === 'agency' || r.kind === 'person' ? r.name : null,
          given_on: body.givenOn,
          valid_until: body.validUntil,
          way: body.way,
          document_reference: body.documentReference || null,
          recorded_by: ctx.actor.userId,
          recorded_at: ctx.now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const documentId = document ? await insertDocument(trx, ctx, created.id, document) : null;
      return {
        result: { id: created.id },
        audit: {
          personIds: [row.person_id],
          caseIds: [caseId],
          details: { consentId: created.id, ...(documentId ? { documentId } : {}) },
        },
      };
    },
  });
}

// ---------------------------------------------------------------------------------------------
// The signed consent, attached

interface ReadDocument {
  filename: string;
  type: ConsentDocumentType;
  bytes: Buffer;
}

/** The file as sent, decoded and recognised; its problems added to `fields` under `at`. */
function readDocument(
  doc: BodyOf<typeof attachContract>,
  at: string,
  fields: { path: string; message: string }[],
): ReadDocument | null {
  const bytes = Buffer.from(doc.content, 'base64');
  const type = consentDocumentType(bytes);
  if (bytes.length > CONSENT_DOCUMENT_MAX_BYTES || type === null) {
    fields.push({
      path: `${at}.content`,
      message:
        type === null ? 'Bifoga samtycket som PDF, JPEG eller PNG.' : 'Filen får vara högst 4 MB.',
    });
    return null;
  }
  return { filename: doc.filename, type, bytes };
}

async function insertDocument(
  trx: Trx,
  ctx: ActionContext,
  consentId: string,
  doc: ReadDocument,
): Promise<string> {
  const created = await trx
    .insertInto('consent_document')
    .values({
      consent_id: consentId,
      media_type: doc.type,
      filename: doc.filename,
      size_bytes: doc.bytes.length,
      sha256: createHash('sha256').update(doc.bytes).digest('hex'),
      content: doc.bytes,
      attached_by: ctx.actor.userId,
      attached_at: ctx.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return created.id;
}

/**
 * A signed form attached to a written consent already in the register: it came by post, or was
 * scanned later. Only to a written consent; a revoked one too, since its record is still kept.
 */
export function attachConsentDocument(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
  consentId: string,
  body: BodyOf<typeof attachContract>,
): Promise<{ id: string }> {
  const fields: { path: string; message: string }[] = [];
  const document = readDocument(body, 'body', fields);
  if (!document) throw new AppError('VALIDATION', { fields });
  return execute(deps, ctx, {
    action: 'consent.document.attach',
    ...onCase(ctx, caseId),
    run: async (trx, { row }) => {
      if (row.status !== 'open') throw refuse('Ärendet är avslutat.');
      const consent = await trx
        .selectFrom('consent')
        .select('way')
        .where('id', '=', consentId)
        .where('case_id', '=', caseId)
        .executeTakeFirst();
      if (!consent) throw new AppError('NOT_FOUND');
      if (consent.way !== 'written') {
        throw refuse('Samtycket lämnades muntligt och har inget dokument att bifoga.');
      }
      const documentId = await insertDocument(trx, ctx, consentId, document);
      return {
        result: { id: documentId },
        audit: {
          personIds: [row.person_id],
          caseIds: [caseId],
          details: { consentId, documentId },
        },
      };
    },
  });
}

/** The attached file, for whoever may read the case; the read is audited like the register's. */
export function consentDocument(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
  consentId: string,
  documentId: string,
): Promise<{ filename: string; mediaType: ConsentDocumentType; content: Buffer }> {
  return execute(deps, ctx, {
    action: 'consent.document.read',
    ...onCase(ctx, caseId, 'case.read'),
    run: async (trx, { row }) => {
      const doc = await trx
        .selectFrom('consent_document as d')
        .innerJoin('consent as c', 'c.id', 'd.consent_id')
        .select(['d.media_type', 'd.content'])
        .where('d.id', '=', documentId)
        .where('c.id', '=', consentId)
        .where('c.case_id', '=', caseId)
        .executeTakeFirst();
      if (!doc) throw new AppError('NOT_FOUND');
      return {
        result: {
          filename: consentDocumentDownloadName(doc.media_type),
          mediaType: doc.media_type,
          content: Buffer.from(doc.content),
        },
        audit: {
          personIds: [row.person_id],
          caseIds: [caseId],
          details: { consentId, documentId },
        },
      };
    },
  });
}

export function revokeConsent(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
  consentId: string,
  body: BodyOf<typeof revokeContract>,
): Promise<{ id: string }> {
  if (body.revokedOn > ctx.today) {
    throw new AppError('VALIDATION', {
      fields: [{ path: 'body.revokedOn', message: 'Datumet kan inte ligga i framtiden.' }],
    });
  }
  return execute(deps, ctx, {
    action: 'consent.revoke',
    ...onCase(ctx, caseId),
    run: async (trx, { row }) => {
      // Locked as a disclosure locks it: the two are in one order.
      const consent = await consentRows(trx)
        .where('c.id', '=', consentId)
        .where('c.case_id', '=', caseId)
        .forUpdate('c')
        .executeTakeFirst();
      if (!consent) throw new AppError('NOT_FOUND');
      if (consent.revoked_on !== null) {
        throw refuse(`Samtycket återkallades redan ${consent.revoked_on}.`);
      }
      if (body.revokedOn < consent.given_on) {
        throw new AppError('VALIDATION', {
          fields: [
            {
              path: 'body.revokedOn',
              message: 'Samtycket kan inte återkallas före den dag det lämnades.',
            },
          ],
        });
      }
      // A revocation takes effect now, whatever day it was said: what is shared from now on
      // is checked against it, and what the provider reads of an uppdrag is withheld.
      await trx
        .insertInto('consent_revocation')
        .values({
          consent_id: consentId,
          revoked_on: body.revokedOn,
          how: body.how,
          recorded_by: ctx.actor.userId,
          recorded_at: ctx.now,
        })
        .execute();
      return {
        result: { id: consentId },
        audit: {
          personIds: [row.person_id],
          caseIds: [caseId],
          details: { consentId },
        },
      };
    },
  });
}
