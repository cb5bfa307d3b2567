import { execute } from '../../command.ts';
import { onCase } from '../../case-kernel/on-case.ts';
import { auditOf } from '../../http/action-context.ts';
import type { ActionContext } from '../../http/action-context.ts';
import { sql } from 'kysely';
import { z } from 'zod';
import { CorrectionDraft, JournalDraft } from '../../../core/contracts/case-documents.ts';
import type {
  JournalEntry,
  correctJournalEntry as correctContract,
  createJournalEntry as createContract,
} from '../../../core/contracts/case-documents.ts';
import { can } from '../../../core/policy/policy.ts';
import type { Actor } from '../../../core/policy/policy.ts';
import { recordAudit } from '../../audit/audit.ts';
import type { Db, Trx } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { cursorId, cursorTime, decodeCursor, encodeCursor } from '../../http/cursor.ts';
import { stockholmDate } from '../../time.ts';
import { authorizeCase, caseFacts, loadCase } from '../../case-kernel/case-access.ts';
import { deleteDraft, discardDraft, readDraft, saveDraft } from '../../case-kernel/drafts.ts';
import type { AuthorizeDraft } from '../../case-kernel/drafts.ts';
import type { ServiceDeps } from '../../service-deps.ts';

/**
 * Journal entries on a case. An entry is a head row and a series of versions: a correction adds a
 * version with its reason and never touches the earlier ones (the table refuses updates). The
 * head row's version number is what concurrent corrections race on.
 */

type Page = { limit: number; after?: string | undefined };

/** The key of a new entry's draft: one per writer and case. */
const NEW_ENTRY = 'new';

/** A page position: the last entry's creation time and id, newest first. */
const JournalCursor = z
  .tuple([cursorTime, cursorId])
  .transform(([createdAt, id]) => ({ createdAt, id }));

function entryQuery(db: Db | Trx) {
  return db
    .selectFrom('journal_entry as e')
    .innerJoin('journal_entry_version as v', (j) =>
      j.onRef('v.entry_id', '=', 'e.id').onRef('v.version', '=', 'e.version'),
    )
    .innerJoin('app_user as author', 'author.id', 'e.created_by')
    .innerJoin('app_user as changer', 'changer.id', 'v.recorded_by')
    .select([
      'e.id',
      'e.case_id',
      'e.version',
      'e.created_at',
      'e.created_by',
      'author.display_name as author_name',
      'v.occurred_on',
      'v.text',
      'v.source_kind',
      'v.source_detail',
      'v.recorded_by',
      'v.recorded_at',
      'changer.display_name as changer_name',
    ]);
}

type EntryRow = Awaited<ReturnType<ReturnType<typeof entryQuery>['execute']>>[number];

const toEntry = (r: EntryRow): JournalEntry => ({
  id: r.id,
  version: r.version,
  occurredOn: r.occurred_on,
  text: r.text,
  source: { kind: r.source_kind, detail: r.source_detail },
  author: { id: r.created_by, displayName: r.author_name },
  createdAt: r.created_at.toISOString(),
  changedBy: { id: r.recorded_by, displayName: r.changer_name },
  changedAt: r.recorded_at.toISOString(),
});

export async function listJournal(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
  page: Page,
) {
  const actor = ctx.actor;
  const now = ctx.now;
  const cursor = decodeCursor(page.after, JournalCursor);
  return deps.db.transaction().execute(async (trx) => {
    const { row, decision } = await authorizeCase(trx, actor, caseId, 'case.read', now);
    let q = entryQuery(trx).where('e.case_id', '=', caseId);
    if (cursor) {
      q = q.where((eb) =>
        eb(eb.refTuple('e.created_at', 'e.id'), '<', eb.tuple(cursor.createdAt, cursor.id)),
      );
    }
    const rows = await q
      .orderBy('e.created_at', 'desc')
      .orderBy('e.id', 'desc')
      .limit(page.limit + 1)
      .execute();
    const pageRows = rows.slice(0, page.limit);
    await recordAudit(trx, auditOf(ctx, decision), {
      action: 'journal.read',
      personIds: [row.person_id],
      caseIds: [caseId],
      purpose: decision.via,
      emergency: decision.via === 'emergency_access',
      details: { entries: pageRows.length },
    });
    const last = pageRows.at(-1);
    return {
      items: pageRows.map(toEntry),
      nextCursor:
        rows.length > page.limit && last ? encodeCursor([last.created_at, last.id]) : null,
    };
  });
}

function refuseFutureDate(occurredOn: string, now: Date) {
  if (occurredOn > stockholmDate(now)) {
    throw new AppError('VALIDATION', {
      fields: [{ path: 'body.occurredOn', message: 'Datumet kan inte ligga i framtiden.' }],
    });
  }
}

export function createJournalEntry(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
  body: z.infer<typeof createContract.body>,
) {
  refuseFutureDate(body.occurredOn, ctx.now);
  return execute(deps, ctx, {
    action: 'journal.write',
    ...onCase(ctx, caseId),
    run: async (trx, { row }) => {
      const entry = await trx
        .insertInto('journal_entry')
        .values({ case_id: caseId, created_by: ctx.actor.userId, created_at: ctx.now })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('journal_entry_version')
        .values({
          entry_id: entry.id,
          version: 1,
          occurred_on: body.occurredOn,
          text: body.text,
          source_kind: body.source.kind,
          source_detail: body.source.detail || null,
          correction_reason: null,
          recorded_by: ctx.actor.userId,
          recorded_at: ctx.now,
        })
        .execute();
      // The draft this entry was written from is done.
      await deleteDraft(trx, ctx.actor.userId, { caseId, kind: 'journal', key: NEW_ENTRY });
      return {
        result: { id: entry.id, version: 1 },
        audit: {
          personIds: [row.person_id],
          caseIds: [caseId],
          details: { entryId: entry.id, version: 1 },
        },
      };
    },
  });
}

/** The entry's case, authorized for the action; a missing or hidden entry answers 404. */
async function authorizeEntry(
  trx: Trx,
  actor: Actor,
  entryId: string,
  action: 'case.read' | 'case.work',
  now: Date,
) {
  const entry = await trx
    .selectFrom('journal_entry')
    .select(['id', 'case_id', 'version'])
    .where('id', '=', entryId)
    .executeTakeFirst();
  if (!entry) throw new AppError('NOT_FOUND');
  return { entry, ...(await authorizeCase(trx, actor, entry.case_id, action, now)) };
}

export function correctJournalEntry(
  deps: ServiceDeps,
  ctx: ActionContext,
  entryId: string,
  body: z.infer<typeof correctContract.body>,
) {
  refuseFutureDate(body.occurredOn, ctx.now);
  return execute(deps, ctx, {
    action: 'journal.correct',
    load: async (trx) => {
      const entry = await trx
        .selectFrom('journal_entry')
        .select(['id', 'case_id', 'version'])
        .where('id', '=', entryId)
        .executeTakeFirst();
      if (!entry) throw new AppError('NOT_FOUND');
      return { entry, ...(await loadCase(trx, ctx.actor, entry.case_id, ctx.now)) };
    },
    authorize: (actor, { row, person }) =>
      can(actor, 'case.work', { person, case: caseFacts(row), now: ctx.now }),
    run: async (trx, { entry, row }) => {
      const bumped = await trx
        .updateTable('journal_entry')
        .set({ version: sql`version + 1` })
        .where('id', '=', entryId)
        .where('version', '=', body.version)
        .returning('version')
        .executeTakeFirst();
      // Refused: the transaction rolls back and the writer's draft of the correction stays.
      if (!bumped) throw new AppError('VERSION_CONFLICT');
      await deleteDraft(trx, ctx.actor.userId, {
        caseId: entry.case_id,
        kind: 'journal_correction',
        key: entryId,
      });
      await trx
        .insertInto('journal_entry_version')
        .values({
          entry_id: entryId,
          version: bumped.version,
          occurred_on: body.occurredOn,
          text: body.text,
          source_kind: body.source.kind,
          source_detail: body.source.detail || null,
          correction_reason: body.reason,
          recorded_by: ctx.actor.userId,
          recorded_at: ctx.now,
        })
        .execute();
      return {
        result: { id: entryId, version: bumped.version },
        audit: {
          personIds: [row.person_id],
          caseIds: [entry.case_id],
          details: { entryId, version: bumped.version },
        },
      };
    },
  });
}

export async function getJournalHistory(deps: ServiceDeps, ctx: ActionContext, entryId: string) {
  const actor = ctx.actor;
  const now = ctx.now;
  return deps.db.transaction().execute(async (trx) => {
    const { entry, row, decision } = await authorizeEntry(trx, actor, entryId, 'case.read', now);
    const versions = await trx
      .selectFrom('journal_entry_version as v')
      .innerJoin('app_user as u', 'u.id', 'v.recorded_by')
      .select([
        'v.version',
        'v.occurred_on',
        'v.text',
        'v.source_kind',
        'v.source_detail',
        'v.recorded_by',
        'v.recorded_at',
        'v.correction_reason',
        'u.display_name',
      ])
      .where('v.entry_id', '=', entryId)
      .orderBy('v.version')
      .execute();
    await recordAudit(trx, auditOf(ctx, decision), {
      action: 'journal.read',
      personIds: [row.person_id],
      caseIds: [entry.case_id],
      purpose: decision.via,
      emergency: decision.via === 'emergency_access',
      details: { history: true },
    });
    return {
      entryId,
      versions: versions.map((v) => ({
        version: v.version,
        occurredOn: v.occurred_on,
        text: v.text,
        source: { kind: v.source_kind, detail: v.source_detail },
        recordedBy: { id: v.recorded_by, displayName: v.display_name },
        recordedAt: v.recorded_at.toISOString(),
        correctionReason: v.correction_reason,
      })),
    };
  });
}

/** A new entry's draft is authorized like writing the entry: by case.work on the case. */
const caseWork =
  (caseId: string): AuthorizeDraft =>
  async (trx, actor, now) => {
    const { row, decision } = await authorizeCase(trx, actor, caseId, 'case.work', now);
    return { caseId, personIds: [row.person_id], decision };
  };

/** A correction's draft is authorized like the correction: case.work on the entry's case. */
const entryWork =
  (entryId: string): AuthorizeDraft =>
  async (trx, actor, now) => {
    const { entry, row, decision } = await authorizeEntry(trx, actor, entryId, 'case.work', now);
    return { caseId: entry.case_id, personIds: [row.person_id], decision };
  };

export function saveJournalDraft(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
  draft: z.infer<typeof JournalDraft>,
) {
  return saveDraft(deps, ctx, { kind: 'journal', key: NEW_ENTRY }, caseWork(caseId), draft);
}

export function getJournalDraft(deps: ServiceDeps, ctx: ActionContext, caseId: string) {
  return readDraft(deps, ctx, { kind: 'journal', key: NEW_ENTRY }, caseWork(caseId), JournalDraft);
}

export function discardJournalDraft(deps: ServiceDeps, ctx: ActionContext, caseId: string) {
  return discardDraft(deps, ctx, { kind: 'journal', key: NEW_ENTRY }, caseWork(caseId));
}

export function saveCorrectionDraft(
  deps: ServiceDeps,
  ctx: ActionContext,
  entryId: string,
  draft: z.infer<typeof CorrectionDraft>,
) {
  return saveDraft(
    deps,
    ctx,
    { kind: 'journal_correction', key: entryId },
    entryWork(entryId),
    draft,
  );
}

export function getCorrectionDraft(deps: ServiceDeps, ctx: ActionContext, entryId: string) {
  return readDraft(
    deps,
    ctx,
    { kind: 'journal_correction', key: entryId },
    entryWork(entryId),
    CorrectionDraft,
  );
}

export function discardCorrectionDraft(deps: ServiceDeps, ctx: ActionContext, entryId: string) {
  return discardDraft(deps, ctx, { kind: 'journal_correction', key: entryId }, entryWork(entryId));
}
