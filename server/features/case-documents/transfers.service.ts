import { randomUUID } from 'node:crypto';
import { packageDigest, sha256Hex } from '../../case-kernel/transfer-packages.ts';
import type { BodyOf } from '../../../core/contracts/contract.ts';
import {
  TRANSFER_PACKAGE_FORMAT,
  TRANSFER_PACKAGE_VERSION,
} from '../../../core/contracts/transfer-package.ts';
import type {
  TransferDocument,
  TransferPackage,
  TransferPackageContent,
} from '../../../core/contracts/transfer-package.ts';
import type {
  Transfer,
  recordTransferAnswer as answerContract,
  requestTransfer as requestContract,
} from '../../../core/contracts/transfers.ts';
import { ageOn, statedAgeBirthDate } from '../../../core/domain/birth-date.ts';
import { currentCounterparts } from '../../../core/domain/counterparts.ts';
import { outcomeLabels } from '../../../core/domain/decisions.ts';
import { riskLevelLabels } from '../../../core/domain/instruments.ts';
import { interventionNames } from '../../../core/domain/intervention-catalogue.ts';
import { legalReference } from '../../../core/domain/legal-references.ts';
import { birthDateOfNormalized } from '../../../core/domain/personal-identity.ts';
import type { IdentityKind } from '../../../core/domain/personal-identity.ts';
import { isProtected } from '../../../core/domain/protection.ts';
import {
  isPending,
  packageLeaks,
  requestRefusal,
  stepRefusal,
  transferStage,
  waitingFor,
} from '../../../core/domain/transfers.ts';
import type { Leak, PackageText, TransferStep } from '../../../core/domain/transfers.ts';
import type { KnownChannel } from '../../../core/domain/counterparts.ts';
import { can } from '../../../core/policy/policy.ts';
import { appendEvents, caseFacts, loadCase } from '../../case-kernel/case-access.ts';
import type { CaseRow } from '../../case-kernel/case-access.ts';
import { takeStep } from '../../case-kernel/case-steps.ts';
import { loadCounterparts, violentParties } from '../../case-kernel/counterparts.ts';
import { othersForExtract } from '../../case-kernel/file-pieces.ts';
import { activeInterventionCatalogue } from '../../case-kernel/intervention-catalogue.ts';
import { activeCatalogue } from '../../case-kernel/legal-catalogue.ts';
import { onCase } from '../../case-kernel/on-case.ts';
import { execute } from '../../command.ts';
import type { Trx } from '../../db/database.ts';
import { renderPdf } from '../../documents/pdf.ts';
import type { PdfDocument } from '../../documents/pdf.ts';
import { AppError } from '../../errors.ts';
import type { ActionContext } from '../../http/action-context.ts';
import type { ServiceDeps } from '../../service-deps.ts';
import { loadDecisions } from './decisions.service.ts';
import { decisionDocument, investigationDocument } from './documents.service.ts';

/**
 * Moving a case to another municipality, the sending side (core/domain/transfers.ts;
 * docs/transfer-package.md): the request and its steps, each a row of its own that rests on the
 * one before; the package built from a fixed list of what the receiving municipality needs (never
 * from the file as a whole), checked by the disclosure guard, stored as the bytes that left. The
 * receiving side is server/features/cases/transfer-import.service.ts.
 */

const refuse = (detail: string) => new AppError('STEP_OUT_OF_ORDER', { detail });
const author = (id: string, displayName: string) => ({ id, displayName });

async function loadTransfers(trx: Trx, caseId: string, only?: string) {
  let q = trx
    .selectFrom('case_transfer as t')
    .innerJoin('app_user as ru', 'ru.id', 't.requested_by')
    .leftJoin('case_transfer_approval as ap', 'ap.transfer_id', 't.id')
    .leftJoin('app_user as apu', 'apu.id', 'ap.approved_by')
    .leftJoin('case_transfer_answer as an', 'an.transfer_id', 't.id')
    .leftJoin('app_user as anu', 'anu.id', 'an.recorded_by')
    .leftJoin('case_transfer_package as pk', 'pk.transfer_id', 't.id')
    .leftJoin('app_user as pku', 'pku.id', 'pk.created_by')
    .leftJoin('case_transfer_completion as co', 'co.transfer_id', 't.id')
    .leftJoin('app_user as cou', 'cou.id', 'co.completed_by')
    .selectAll('t')
    .select([
      'ru.display_name as requested_by_name',
      'ap.approved_by',
      'ap.approved_at',
      'apu.display_name as approved_by_name',
      'an.id as answer_id',
      'an.outcome',
      'an.decided_on',
      'an.reference',
      'an.comment',
      'an.recorded_by as answered_by',
      'anu.display_name as answered_by_name',
      'pk.package_id',
      'pk.sha256',
      'pk.documents',
      'pk.created_by as packaged_by',
      'pk.created_at as packaged_at',
      'pku.display_name as packaged_by_name',
      'co.sent_on',
      'co.completed_by',
      'co.completed_at',
      'cou.display_name as completed_by_name',
    ])
    .where('t.case_id', '=', caseId)
    .orderBy('t.requested_at', 'desc')
    .orderBy('t.id');
  if (only) q = q.where('t.id', '=', only);
  return (await q.execute()).map((r) => ({
    ...r,
    stage: transferStage({
      approved: r.approved_at !== null,
      answer: r.outcome,
      packaged: r.package_id !== null,
      completed: r.completed_at !== null,
    }),
  }));
}
type LoadedTransfer = Awaited<ReturnType<typeof loadTransfers>>[number];

/**
 * The request, locked, then read: the read is a statement of its own after the lock, so it sees
 * the step a concurrent writer committed while this one waited (and refuses to take it twice).
 */
async function lockedTransfer(trx: Trx, caseId: string, transferId: string) {
  const locked = await trx
    .selectFrom('case_transfer')
    .select('id')
    .where('id', '=', transferId)
    .where('case_id', '=', caseId)
    .forUpdate()
    .executeTakeFirst();
  const [found] = locked ? await loadTransfers(trx, caseId, transferId) : [];
  if (!found) throw new AppError('NOT_FOUND');
  return found;
}

function checkStage(transfer: LoadedTransfer, step: TransferStep) {
  const refusal = stepRefusal(transfer.stage, step);
  if (refusal) throw refuse(refusal);
}

// ---------------------------------------------------------------------------------------------
// The package

/**
 * What the package carries, drafted from the file: a fixed list — the person's identity, those
 * who use violence against her (for the receiving guard), the children of the household, the
 * newest structured risk assessment, the beslut, the utredning's and the beslut's documents —
 * and every text in it, for the guard. The documents are drafted, not rendered: the guard reads
 * exactly the words the PDFs will print.
 */
async function draftPackage(
  trx: Trx,
  deps: ServiceDeps,
  ctx: ActionContext,
  row: CaseRow,
  t: LoadedTransfer,
) {
  const [person, parties, counterparts, children, risk, decisions, investigation, catalogue] =
    await Promise.all([
      trx
        .selectFrom('person')
        .select(['identity_kind', 'identity_number', 'given_name', 'family_name'])
        .select('protection_level')
        .where('id', '=', row.person_id)
        .executeTakeFirstOrThrow(),
      violentParties(trx, row.person_id),
      loadCounterparts(trx, [row.person_id]),
      trx
        .selectFrom('person_relation as r')
        .innerJoin('person as c', 'c.id', 'r.related_person_id')
        .select([
          'c.given_name',
          'c.family_name',
          'c.identity_kind',
          'c.identity_number',
          'c.stated_age',
          'c.stated_age_on',
          'r.guardian',
        ])
        .where('r.person_id', '=', row.person_id)
        .where('r.kind', '=', 'parent_of')
        .where('r.status', '=', 'current')
        .orderBy('c.family_name')
        .orderBy('c.given_name')
        .execute(),
      trx
        .selectFrom('risk_assessment')
        .select(['level', 'assessed_on', 'method'])
        .where('case_id', '=', row.id)
        .where('person_id', '=', row.person_id)
        .where('kind', '=', 'structured')
        .where('level', 'is not', null)
        .orderBy('assessed_on', 'desc')
        .orderBy('recorded_at', 'desc')
        .limit(1)
        .executeTakeFirst(),
      // Where a skyddat boende is stays here: the beslut leave without their place.
      loadDecisions(trx, row.id, false),
      trx
        .selectFrom('investigation')
        .select('case_id')
        .where('case_id', '=', row.id)
        .executeTakeFirst(),
      activeCatalogue(trx),
    ]);
  const interventions = interventionNames(await activeInterventionCatalogue(trx));
  const numbered = (kind: IdentityKind | null, number: string | null) =>
    (kind === 'personnummer' || kind === 'samordningsnummer') && number ? { kind, number } : null;
  const documents: { kind: TransferDocument['kind']; filename: string; doc: PdfDocument }[] = [];
  if (investigation) {
    documents.push({
      kind: 'investigation',
      filename: 'utredning.pdf',
      doc: await investigationDocument(trx, row, ctx.now),
    });
  }
  for (const [i, d] of decisions.entries()) {
    documents.push({
      kind: 'decision',
      filename: `beslut-${String(i + 1)}.pdf`,
      doc: await decisionDocument(trx, row, d.id, ctx.now, false),
    });
  }
  const relationOf = new Map(
    currentCounterparts(counterparts)
      .filter((c) => c.usesViolence && c.givenName && c.familyName)
      .map((c) => [`${c.givenName ?? ''} ${c.familyName ?? ''}`, c.relation]),
  );
  const content: Omit<
    TransferPackageContent,
    'packageId' | 'createdAt' | 'documents' | 'documentsLeftOut'
  > = {
    format: TRANSFER_PACKAGE_FORMAT,
    version: TRANSFER_PACKAGE_VERSION,
    legalBasis: legalReference(catalogue, 'caseTransfer'),
    sender: {
      municipality: deps.config.municipality,
      unit: row.unit_name,
      handlaggare: row.assignee_name ?? t.requested_by_name,
    },
    receiver: { municipality: t.receiving_municipality },
    request: {
      grounds: t.grounds,
      wishes: t.wishes,
      duration: t.duration,
      requestedOn: t.requested_at.toISOString().slice(0, 10),
    },
    answer: { decidedOn: t.decided_on ?? ctx.today, reference: t.reference },
    person: {
      identity: numbered(person.identity_kind, person.identity_number),
      givenName: person.given_name,
      familyName: person.family_name,
      protectionLevel: person.protection_level,
      targetGroup: row.target_group,
    },
    violentParties: parties.map((p) => ({
      givenName: p.givenName,
      familyName: p.familyName,
      relation: relationOf.get(`${p.givenName ?? ''} ${p.familyName ?? ''}`) ?? null,
      knownChannels: p.channels.map((c) => ({ kind: c.kind, value: c.value })),
    })),
    children: children.flatMap((c) => {
      const identity = numbered(c.identity_kind, c.identity_number);
      const born = identity
        ? birthDateOfNormalized(identity.number, identity.kind)
        : c.stated_age !== null && c.stated_age_on
          ? statedAgeBirthDate(c.stated_age, c.stated_age_on)
          : null;
      if (born === null || ageOn(born, ctx.today) >= 18) return [];
      return [
        {
          givenName: c.given_name,
          familyName: c.family_name,
          identity,
          statedAge: identity ? null : ageOn(born, ctx.today),
          guardian: c.guardian,
        },
      ];
    }),
    risk: risk?.level
      ? {
          level: riskLevelLabels[risk.level],
          assessedOn: risk.assessed_on,
          instrument: risk.method,
        }
      : null,
    decisions: decisions.map((d) => ({
      intervention: interventions[d.current.intervention],
      outcome: outcomeLabels[d.current.outcome],
      decidedOn: d.current.decidedOn,
      from: d.current.period?.from ?? null,
      to: d.current.period?.to ?? null,
    })),
  };
  const texts: PackageText[] = [
    ...requestTexts(t),
    ...documents.map((d) => ({
      where: `Dokumentet "${d.doc.title}"`,
      text: documentText(d.doc),
      document: d.filename,
    })),
  ];
  return { content, documents, texts };
}

/** The request's own words, as the guard reads them. */
const requestTexts = (t: { grounds: string; wishes: string; duration: string }): PackageText[] => [
  { where: 'Anknytningen', text: t.grounds, document: null },
  { where: 'Önskemålen', text: t.wishes, document: null },
  { where: 'Varaktigheten', text: t.duration, document: null },
];

/** Every word a document prints. */
const documentText = (doc: PdfDocument) =>
  [
    doc.title,
    doc.subtitle ?? '',
    ...doc.meta.map((m) => `${m.label} ${m.value}`),
    ...doc.sections.flatMap((s) => [
      s.heading,
      ...s.paragraphs.flatMap((p) => [p.text, p.note ?? '']),
    ]),
  ].join('\n');

/** What would leak if these texts left for this destination now (the disclosure guard). */
async function leaksOf(
  trx: Trx,
  row: CaseRow,
  to: { channel: KnownChannel; receiver: string },
  texts: readonly PackageText[],
): Promise<Leak[]> {
  const [person, own, protectedDetail, parties, others] = await Promise.all([
    trx
      .selectFrom('person')
      .select('protection_level')
      .where('id', '=', row.person_id)
      .executeTakeFirstOrThrow(),
    trx
      .selectFrom('contact_channel')
      .select(['kind', 'value'])
      .where('person_id', '=', row.person_id)
      .execute(),
    trx
      .selectFrom('person_protected_detail')
      .select('whereabouts')
      .where('person_id', '=', row.person_id)
      .executeTakeFirst(),
    violentParties(trx, row.person_id),
    othersForExtract(trx, row),
  ]);
  return packageLeaks({
    destination: to.channel,
    receiver: to.receiver,
    parties,
    protectedPerson: isProtected(person.protection_level),
    ownChannels: [
      ...own,
      ...(protectedDetail?.whereabouts
        ? [{ kind: 'address' as const, value: protectedDetail.whereabouts }]
        : []),
    ],
    others,
    texts,
  });
}

/** The package as it would leave with these documents left out: what stops it, and the candidates. */
async function packageStanding(
  trx: Trx,
  deps: ServiceDeps,
  ctx: ActionContext,
  row: CaseRow,
  t: LoadedTransfer,
  leaveOut: readonly string[],
) {
  const draft = await draftPackage(trx, deps, ctx, row, t);
  const all = await leaksOf(
    trx,
    row,
    { channel: t.channel, receiver: t.receiving_municipality },
    draft.texts,
  );
  const unknown = leaveOut.filter((f) => !draft.documents.some((d) => d.filename === f));
  const leaks = all.filter((l) => l.document === null || !leaveOut.includes(l.document));
  return {
    draft,
    problems: [
      ...unknown.map((f) => `Dokumentet ${f} finns inte i paketet.`),
      ...new Set(leaks.map((l) => l.sentence)),
    ],
    candidates: draft.documents.map((d) => ({
      filename: d.filename,
      title: d.doc.title,
      leaks: all.some((l) => l.document === d.filename),
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// The sending side

function toTransfer(
  t: LoadedTransfer,
  problems: string[],
  mayApprove: boolean,
  candidates: Transfer['candidates'] = [],
): Transfer {
  return {
    id: t.id,
    candidates,
    stage: t.stage,
    receivingMunicipality: t.receiving_municipality,
    channel: t.channel,
    grounds: t.grounds,
    wishes: t.wishes,
    duration: t.duration,
    requestedBy: author(t.requested_by, t.requested_by_name),
    requestedAt: t.requested_at.toISOString(),
    approval:
      t.approved_by && t.approved_at
        ? {
            approvedBy: author(t.approved_by, t.approved_by_name ?? ''),
            approvedAt: t.approved_at.toISOString(),
          }
        : null,
    answer:
      t.outcome && t.decided_on && t.answered_by
        ? {
            outcome: t.outcome,
            decidedOn: t.decided_on,
            reference: t.reference,
            comment: t.comment,
            recordedBy: author(t.answered_by, t.answered_by_name ?? ''),
          }
        : null,
    package:
      t.package_id && t.sha256 && t.packaged_by && t.packaged_at
        ? {
            packageId: t.package_id,
            sha256: t.sha256,
            documents: t.documents ?? [],
            createdBy: author(t.packaged_by, t.packaged_by_name ?? ''),
            createdAt: t.packaged_at.toISOString(),
          }
        : null,
    completion:
      t.sent_on && t.completed_by && t.completed_at
        ? {
            sentOn: t.sent_on,
            completedBy: author(t.completed_by, t.completed_by_name ?? ''),
            completedAt: t.completed_at.toISOString(),
          }
        : null,
    problems,
    mayApprove,
  };
}

export function listTransfers(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
): Promise<{ canWrite: boolean; transfers: Transfer[] }> {
  return execute(deps, ctx, {
    action: 'transfer.read',
    ...onCase(ctx, caseId, 'case.read'),
    run: async (trx, { row, person }) => {
      const canWrite =
        row.status === 'open' &&
        can(ctx.actor, 'case.work', { person, case: caseFacts(row), now: ctx.now }).allowed;
      const transfers: Transfer[] = [];
      for (const t of await loadTransfers(trx, caseId)) {
        // The guard speaks before the package is asked for: what would leak, now.
        const mayApprove =
          t.stage === 'requested' &&
          can(ctx.actor, 'transfer.approve', { case: caseFacts(row), drafters: [t.requested_by] })
            .allowed;
        if (t.stage === 'accepted') {
          // The guard speaks before the package is asked for: what would leak, and where.
          const standing = await packageStanding(trx, deps, ctx, row, t, []);
          transfers.push(toTransfer(t, standing.problems, mayApprove, standing.candidates));
        } else {
          const waiting = waitingFor(t.stage);
          transfers.push(toTransfer(t, waiting ? [waiting] : [], mayApprove));
        }
      }
      return {
        result: { canWrite, transfers },
        audit: { personIds: [row.person_id], caseIds: [caseId] },
      };
    },
  });
}

export function requestTransfer(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
  body: BodyOf<typeof requestContract>,
): Promise<{ id: string }> {
  return execute(deps, ctx, {
    action: 'transfer.request',
    ...onCase(ctx, caseId),
    run: async (trx, { row }) => {
      if (row.status !== 'open') throw refuse('Ärendet är avslutat.');
      const early = requestRefusal(row.phase);
      if (early) throw refuse(early);
      // One request at a time: the case row is locked so two cannot both find none.
      await trx.selectFrom('case').select('id').where('id', '=', caseId).forUpdate().execute();
      const pending = (await loadTransfers(trx, caseId)).find((t) => isPending(t.stage));
      if (pending) {
        throw refuse(
          `Det finns redan en begäran om överflyttning till ${pending.receiving_municipality}. Den avslutas eller avslås innan en ny skrivs.`,
        );
      }
      // Where the request goes, and its own words, are checked now: they cannot change later.
      const leaks = await leaksOf(
        trx,
        row,
        { channel: body.channel, receiver: body.receivingMunicipality },
        requestTexts(body),
      );
      if (leaks.length > 0) throw refuse(leaks.map((l) => l.sentence).join(' '));
      const created = await trx
        .insertInto('case_transfer')
        .values({
          case_id: caseId,
          person_id: row.person_id,
          receiving_municipality: body.receivingMunicipality,
          channel: JSON.stringify(body.channel),
          grounds: body.grounds,
          wishes: body.wishes,
          duration: body.duration,
          requested_by: ctx.actor.userId,
          requested_at: ctx.now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return {
        result: { id: created.id },
        audit: {
          personIds: [row.person_id],
          caseIds: [caseId],
          details: { transferId: created.id },
        },
      };
    },
  });
}

export function approveTransfer(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
  transferId: string,
): Promise<{ id: string }> {
  return execute(deps, ctx, {
    action: 'transfer.approve',
    forbidden: 'NO_DELEGATION',
    load: async (trx) => {
      const loaded = await loadCase(trx, ctx.actor, caseId, ctx.now);
      const [transfer] = await loadTransfers(trx, caseId, transferId);
      if (!transfer) throw new AppError('NOT_FOUND');
      return { ...loaded, transfer };
    },
    authorize: (actor, { row, transfer }) =>
      can(actor, 'transfer.approve', { case: caseFacts(row), drafters: [transfer.requested_by] }),
    run: async (trx, { row }) => {
      if (row.status !== 'open') throw refuse('Ärendet är avslutat.');
      // Locked only once the policy has allowed it: a refused caller holds no lock.
      checkStage(await lockedTransfer(trx, caseId, transferId), 'approve');
      const created = await trx
        .insertInto('case_transfer_approval')
        .values({ transfer_id: transferId, approved_by: ctx.actor.userId, approved_at: ctx.now })
        .returning('id')
        .executeTakeFirstOrThrow();
      return {
        result: { id: created.id },
        audit: {
          personIds: [row.person_id],
          caseIds: [caseId],
          details: { transferId, approvalId: created.id },
        },
      };
    },
  });
}

export function recordTransferAnswer(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
  transferId: string,
  body: BodyOf<typeof answerContract>,
): Promise<{ id: string }> {
  if (body.decidedOn > ctx.today) {
    throw new AppError('VALIDATION', {
      fields: [{ path: 'body.decidedOn', message: 'Datumet kan inte ligga i framtiden.' }],
    });
  }
  return execute(deps, ctx, {
    action: 'transfer.answer',
    ...onCase(ctx, caseId),
    run: async (trx, { row }) => {
      if (row.status !== 'open') throw refuse('Ärendet är avslutat.');
      const transfer = await lockedTransfer(trx, caseId, transferId);
      checkStage(transfer, 'answer');
      if (body.decidedOn < transfer.requested_at.toISOString().slice(0, 10)) {
        throw new AppError('VALIDATION', {
          fields: [
            {
              path: 'body.decidedOn',
              message: 'Kommunen kan inte ha beslutat innan begäran skrevs.',
            },
          ],
        });
      }
      const created = await trx
        .insertInto('case_transfer_answer')
        .values({
          transfer_id: transferId,
          outcome: body.outcome,
          decided_on: body.decidedOn,
          reference: body.reference,
          comment: body.comment,
          recorded_by: ctx.actor.userId,
          recorded_at: ctx.now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return {
        result: { id: created.id },
        audit: {
          personIds: [row.person_id],
          caseIds: [caseId],
          details: { transferId, answerId: created.id, outcome: body.outcome },
        },
      };
    },
  });
}

export function produceTransferPackage(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
  transferId: string,
  body: { leaveOut: string[] },
): Promise<{ packageId: string; sha256: string }> {
  return execute(deps, ctx, {
    action: 'transfer.package',
    ...onCase(ctx, caseId),
    run: async (trx, { row }) => {
      if (row.status !== 'open') throw refuse('Ärendet är avslutat.');
      const transfer = await lockedTransfer(trx, caseId, transferId);
      checkStage(transfer, 'package');
      const { draft, problems } = await packageStanding(
        trx,
        deps,
        ctx,
        row,
        transfer,
        body.leaveOut,
      );
      if (problems.length > 0) throw refuse(problems.join(' '));
      const documents: TransferDocument[] = [];
      for (const d of draft.documents.filter((x) => !body.leaveOut.includes(x.filename))) {
        const pdf = await renderPdf(d.doc);
        documents.push({
          kind: d.kind,
          title: d.doc.title,
          filename: d.filename,
          sha256: sha256Hex(pdf),
          pdf: pdf.toString('base64'),
        });
      }
      const content: TransferPackageContent = {
        ...draft.content,
        packageId: randomUUID(),
        createdAt: ctx.now.toISOString(),
        documents,
        documentsLeftOut: draft.documents
          .filter((d) => body.leaveOut.includes(d.filename))
          .map((d) => ({ title: d.doc.title })),
      };
      const pkg: TransferPackage = { ...content, digest: packageDigest(content) };
      const bytes = Buffer.from(JSON.stringify(pkg), 'utf8');
      await trx
        .insertInto('case_transfer_package')
        .values({
          transfer_id: transferId,
          package_id: content.packageId,
          content: bytes,
          sha256: sha256Hex(bytes),
          documents: JSON.stringify(
            documents.map((d) => ({ title: d.title, filename: d.filename })),
          ),
          created_by: ctx.actor.userId,
          created_at: ctx.now,
        })
        .execute();
      return {
        result: { packageId: content.packageId, sha256: sha256Hex(bytes) },
        audit: {
          personIds: [row.person_id],
          caseIds: [caseId],
          details: { transferId, packageId: content.packageId, documents: documents.length },
        },
      };
    },
  });
}

/** The package as produced: the bytes that left, each download audited. */
export function transferPackageFile(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
  transferId: string,
): Promise<{ filename: string; mediaType: string; content: Buffer }> {
  return execute(deps, ctx, {
    action: 'document.export',
    ...onCase(ctx, caseId, 'case.read'),
    run: async (trx, { row }) => {
      const [transfer] = await loadTransfers(trx, caseId, transferId);
      if (!transfer) throw new AppError('NOT_FOUND');
      const stored = await trx
        .selectFrom('case_transfer_package')
        .select('content')
        .where('transfer_id', '=', transferId)
        .executeTakeFirst();
      if (!stored) throw refuse('Överflyttningspaketet är inte framtaget.');
      return {
        result: {
          filename: 'overflyttningspaket.json',
          mediaType: 'application/json',
          content: Buffer.from(stored.content),
        },
        audit: {
          personIds: [row.person_id],
          caseIds: [caseId],
          details: { document: 'transfer_package', transferId },
        },
      };
    },
  });
}

/** The package has been sent: the case closes here, as any case closes, with the transfer named. */
export function completeTransfer(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
  transferId: string,
  body: { sentOn: string; version: number },
): Promise<{ caseId: string; version: number }> {
  if (body.sentOn > ctx.today) {
    throw new AppError('VALIDATION', {
      fields: [{ path: 'body.sentOn', message: 'Datumet kan inte ligga i framtiden.' }],
    });
  }
  return takeStep(
    deps,
    ctx,
    caseId,
    'close',
    async ({ trx, now, actorId }) => {
      const transfer = await lockedTransfer(trx, caseId, transferId);
      checkStage(transfer, 'complete');
      if (transfer.packaged_at && body.sentOn < transfer.packaged_at.toISOString().slice(0, 10)) {
        throw new AppError('VALIDATION', {
          fields: [
            { path: 'body.sentOn', message: 'Paketet kan inte ha skickats innan det togs fram.' },
          ],
        });
      }
      await trx
        .insertInto('case_transfer_completion')
        .values({
          transfer_id: transferId,
          sent_on: body.sentOn,
          completed_by: actorId,
          completed_at: now,
        })
        .execute();
      const reason = `Ärendet är överflyttat till ${transfer.receiving_municipality}, som beslutade att ta emot det ${transfer.decided_on ?? ''}. Överflyttningspaketet skickades ${body.sentOn}.`;
      const version = await appendEvents(
        trx,
        caseId,
        [{ type: 'case_closed', payload: { reason, filedAsNoAction: false } }],
        actorId,
        now,
        body.version,
      );
      await trx
        .updateTable('investigation')
        .set({ closed_at: now })
        .where('case_id', '=', caseId)
        .where('closed_at', 'is', null)
        .execute();
      return { caseId, version, audit: { details: { transferId, version } } };
    },
    'transfer.complete',
  );
}
