import type { z } from 'zod';
import type { AuditEvent } from '../../core/audit/events.ts';
import { execute } from '../command.ts';
import type { Command } from '../command.ts';
import type { Trx } from '../db/database.ts';
import type { DraftKind } from '../db/schema.ts';
import type { ActionContext } from '../http/action-context.ts';
import type { ServiceDeps } from '../service-deps.ts';

/**
 * A writer's unsaved text of a long form, one mechanism for every form (issue 12): a row per
 * writer, case, kind of form and record (`key`). A draft is only its writer's: every query here
 * is by the actor's own user id, so nobody else can read it (it may hold a protected address being
 * typed). Each form's service authorizes a draft by the same load and policy decision as writing
 * the record itself, so a writer who loses access to the case loses her draft with it. Saving the
 * record deletes its draft in the same transaction; a save refused with 409 rolls back and keeps
 * it.
 */

export interface DraftRef {
  caseId: string;
  kind: DraftKind;
  /** The record within the case: a section key, a person id, an entry id; 'new' for a new entry. */
  key: string;
}

/** Whom a draft concerns: the case it is kept in and the persons its audit rows name. */
export interface DraftSubject {
  caseId: string;
  personIds: readonly string[];
}

/**
 * A draft authorized as writing its record is: that command's own `load` and `authorize` (an
 * `onCase(ctx, caseId)`), and whom the loaded facts say the draft concerns.
 */
export interface DraftAuthorizer<Facts> extends Pick<Command<Facts, never>, 'load' | 'authorize'> {
  subject: (facts: Facts) => DraftSubject;
}

const actions = {
  save: 'draft.save',
  read: 'draft.read',
  discard: 'draft.discard',
} as const satisfies Record<string, AuditEvent['action']>;

type DraftAct<T> = (trx: Trx, userId: string, caseId: string, now: Date) => Promise<T>;

/** A draft's act through the command frame: the record's own authorization, one audit row. */
function withDraftAccess<Facts, T>(
  deps: ServiceDeps,
  ctx: ActionContext,
  ref: Omit<DraftRef, 'caseId'>,
  { load, authorize, subject }: DraftAuthorizer<Facts>,
  op: keyof typeof actions,
  act: DraftAct<T>,
): Promise<T> {
  return execute(deps, ctx, {
    action: actions[op],
    load,
    authorize,
    run: async (trx, facts) => {
      const { caseId, personIds } = subject(facts);
      const result = await act(trx, ctx.actor.userId, caseId, ctx.now);
      return {
        result,
        audit: {
          personIds,
          caseIds: [caseId],
          details: { caseId, kind: ref.kind, key: ref.key },
        },
      };
    },
  });
}

export function saveDraft<Facts>(
  deps: ServiceDeps,
  ctx: ActionContext,
  ref: Omit<DraftRef, 'caseId'>,
  authorize: DraftAuthorizer<Facts>,
  draft: unknown,
): Promise<{ savedAt: string }> {
  return withDraftAccess(deps, ctx, ref, authorize, 'save', async (trx, userId, caseId, now) => {
    const payload = JSON.stringify(draft);
    await trx
      .insertInto('draft')
      .values({
        user_id: userId,
        case_id: caseId,
        kind: ref.kind,
        key: ref.key,
        payload,
        saved_at: now,
      })
      .onConflict((oc) =>
        oc.columns(['user_id', 'case_id', 'kind', 'key']).doUpdateSet({ payload, saved_at: now }),
      )
      .execute();
    return { savedAt: now.toISOString() };
  });
}

/**
 * Reads a stored payload as the form's draft. It was checked against the same schema when saved;
 * one stored before the form changed shape is left out rather than answered as a 500.
 */
function asDraft<S extends z.ZodType>(schema: S, payload: unknown): z.infer<S> | null {
  const parsed = schema.safeParse(payload);
  return parsed.success ? parsed.data : null;
}

/** The writer's draft, in the shape of the form's contract. */
export function readDraft<S extends z.ZodType, Facts>(
  deps: ServiceDeps,
  ctx: ActionContext,
  ref: Omit<DraftRef, 'caseId'>,
  authorize: DraftAuthorizer<Facts>,
  schema: S,
): Promise<{ draft: z.infer<S> | null; savedAt: string | null }> {
  return withDraftAccess(deps, ctx, ref, authorize, 'read', async (trx, userId, caseId) => {
    const row = await trx
      .selectFrom('draft')
      .select(['payload', 'saved_at'])
      .where('user_id', '=', userId)
      .where('case_id', '=', caseId)
      .where('kind', '=', ref.kind)
      .where('key', '=', ref.key)
      .executeTakeFirst();
    const draft = row ? asDraft(schema, row.payload) : null;
    return { draft, savedAt: draft === null ? null : (row?.saved_at.toISOString() ?? null) };
  });
}

/** Every draft of one kind the writer has on the case (all sections of an utredning at once). */
export function listDrafts<S extends z.ZodType, Facts>(
  deps: ServiceDeps,
  ctx: ActionContext,
  kind: DraftKind,
  authorize: DraftAuthorizer<Facts>,
  schema: S,
): Promise<{ key: string; draft: z.infer<S>; savedAt: string }[]> {
  return withDraftAccess(
    deps,
    ctx,
    { kind, key: 'all' },
    authorize,
    'read',
    async (trx, userId, caseId) => {
      const rows = await trx
        .selectFrom('draft')
        .select(['key', 'payload', 'saved_at'])
        .where('user_id', '=', userId)
        .where('case_id', '=', caseId)
        .where('kind', '=', kind)
        .orderBy('key')
        .execute();
      return rows.flatMap((r) => {
        const draft = asDraft(schema, r.payload);
        return draft === null ? [] : [{ key: r.key, draft, savedAt: r.saved_at.toISOString() }];
      });
    },
  );
}

export function discardDraft<Facts>(
  deps: ServiceDeps,
  ctx: ActionContext,
  ref: Omit<DraftRef, 'caseId'>,
  authorize: DraftAuthorizer<Facts>,
): Promise<{ discarded: boolean }> {
  return withDraftAccess(deps, ctx, ref, authorize, 'discard', async (trx, userId, caseId) => ({
    discarded: await deleteDraft(trx, userId, { caseId, kind: ref.kind, key: ref.key }),
  }));
}

/** The record is saved: its writer's draft is done. Called in the record's own transaction. */
export async function deleteDraft(trx: Trx, userId: string, ref: DraftRef): Promise<boolean> {
  const deleted = await trx
    .deleteFrom('draft')
    .where('user_id', '=', userId)
    .where('case_id', '=', ref.caseId)
    .where('kind', '=', ref.kind)
    .where('key', '=', ref.key)
    .executeTakeFirst();
  return deleted.numDeletedRows > 0n;
}
