import { execute } from '../../command.ts';
import type { Command } from '../../command.ts';
import { onCase } from '../../case-kernel/on-case.ts';
import type { ActionContext } from '../../http/action-context.ts';
import { sql } from 'kysely';
import { z } from 'zod';
import { CorrectionDraft, JournalDraft } from '../../../core/contracts/case-documents.ts';
import type {
  JournalEntry,
  correctJournalEntry as correctContract,
  createJournalEntry as createContract,
} from '../../../core/contracts/case-documents.ts';
import type { Db, Trx } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { cursorId, cursorTime, decodeCursor, encodeCursor } from '../../http/cursor.ts';
import { stockholmDate } from '../../time.ts';
import type { LoadedCase } from '../../case-kernel/case-access.ts';
import { deleteDraft, discardDraft, readDraft, saveDraft } from '../../case-kernel/drafts.ts';
import type { DraftAuthorizer } from '../../case-kernel/drafts.ts';
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

export function listJournal(deps: ServiceDeps, ctx: ActionContext, caseId: string, page: Page) {
  const cursor = decodeCursor(page.after, JournalCursor);
  return execute(deps, ctx, {
    action: 'journal.read',
    ...onCase(ctx, caseId, 'case.read'),
    run: async (trx, { row }) => {
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
      const last = pageRows.at(-1);
      return {
        result: {
          items: pageRows.map(toEntry),
          nextCursor:
            rows.length > page.limit && last ? encodeCursor([last.created_at, last.id]) : null,
        },
        audit: {
          personIds: [row.person_id],
          caseIds: [caseId],
          details: { entries: pageRows.length },
        },
      };
    },
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

/**
 * The load and authorize of a command on one entry: the entry and its case, and the policy's
 * decision on its case. A missing or hidden entry answers 404.
 */
function onEntry(
  ctx: ActionContext,
  entryId: string,
  action: 'case.work' | 'case.read' = 'case.work',
): Pick<Command<LoadedEntry, never>, 'load' | 'authorize'> {
  return {
    load: async (trx) => {
      const entry = await trx
        .selectFrom('journal_entry')
        .select(['id', 'case_id', 'version'])
        .where('id', '=', entryId)
        .executeTakeFirst();
      if (!entry) throw new AppError('NOT_FOUND');
      return { entry, ...(await onCase(ctx, entry.case_id, action).load(trx, ctx)) };
    },
    authorize: (actor, facts) => onCase(ctx, facts.entry.case_id, action).authorize(actor, facts),
  };
}

interface LoadedEntry extends LoadedCase {
  entry: { id: string; case_id: string; version: number };
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
    ...onEntry(ctx, entryId),
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

export function getJournalHistory(deps: ServiceDeps, ctx: ActionContext, entryId: string) {
  return execute(deps, ctx, {
    action: 'journal.read',
    ...onEntry(ctx, entryId, 'case.read'),
    run: async (trx, { entry, row }) => {
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
      return {
        result: {
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
        },
        audit: {
          personIds: [row.person_id],
          caseIds: [entry.case_id],
          details: { history: true },
        },
      };
    },
  });
}

/** A new entry's draft is authorized like writing the entry: by case.work on the case. */
const caseWork = (ctx: ActionContext, caseId: string): DraftAuthorizer<LoadedCase> => ({
  ...onCase(ctx, caseId),
  subject: ({ row }) => ({ caseId, personIds: [row.person_id] }),
});

/** A correction's draft is authorized like the correction: case.work on the entry's case. */
const entryWork = (ctx: ActionContext, entryId: string): DraftAuthorizer<LoadedEntry> => ({
  ...onEntry(ctx, entryId),
  subject: ({ entry, row }) => ({ caseId: entry.case_id, personIds: [row.person_id] }),
});

export function saveJournalDraft(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
  draft: z.infer<typeof JournalDraft>,
) {
  return saveDraft(deps, ctx, { kind: 'journal', key: NEW_ENTRY }, caseWork(ctx, caseId), draft);
}

export function getJournalDraft(deps: ServiceDeps, ctx: ActionContext, caseId: string) {
  return readDraft(
    deps,
    ctx,
    { kind: 'journal', key: NEW_ENTRY },
    caseWork(ctx, caseId),
    JournalDraft,
  );
}

export function discardJournalDraft(deps: ServiceDeps, ctx: ActionContext, caseId: string) {
  return discardDraft(deps, ctx, { kind: 'journal', key: NEW_ENTRY }, caseWork(ctx, caseId));
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
    entryWork(ctx, entryId),
    draft,
  );
}

export function getCorrectionDraft(deps: ServiceDeps, ctx: ActionContext, entryId: string) {
  return readDraft(
    deps,
    ctx,
    { kind: 'journal_correction', key: entryId },
    entryWork(ctx, entryId),
    CorrectionDraft,
  );
}

export function discardCorrectionDraft(deps: ServiceDeps, ctx: ActionContext, entryId: string) {
  return discardDraft(
    deps,
    ctx,
    { kind: 'journal_correction', key: entryId },
    entryWork(ctx, entryId),
  );
}
