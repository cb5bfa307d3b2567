import type { ActionContext } from '../http/action-context.ts';
import { auditOf } from '../http/action-context.ts';
import type { z } from 'zod';
import type { Actor, Decision } from '../../core/policy/policy.ts';
import { recordAudit } from '../audit/audit.ts';
import type { Trx } from '../db/database.ts';
import type { DraftKind } from '../db/schema.ts';
import type { ServiceDeps } from '../service-deps.ts';

/**
 * A writer's unsaved text of a long form, one mechanism for every form (issue 12): a row per
 * writer, case, kind of form and record (`key`). A draft is only its writer's: every query here
 * is by the actor's own user id, so nobody else can read it (it may hold a protected address being
 * typed). Each form's service authorizes a draft by the same policy action as writing the record
 * itself, so a writer who loses access to the case loses her draft with it. Saving the record
 * deletes its draft in the same transaction; a save refused with 409 rolls back and keeps it.
 */

export interface DraftRef {
  caseId: string;
  kind: DraftKind;
  /** The record within the case: a section key, a person id, an entry id; 'new' for a new entry. */
  key: string;
}

/** What the form's own authorization found: who is concerned and by what right. */
export interface DraftAccess {
  personIds: readonly string[];
  decision: Extract<Decision, { allowed: true }>;
}

/** Authorizes the draft as writing its record is authorized; throws 404/403 as that would. */
export type AuthorizeDraft = (
  trx: Trx,
  actor: Actor,
  now: Date,
) => Promise<DraftAccess & { caseId: string }>;

async function withDraftAccess<T>(
  deps: ServiceDeps,
  ctx: ActionContext,
  ref: Omit<DraftRef, 'caseId'>,
  authorize: AuthorizeDraft,
  op: 'save' | 'read' | 'discard',
  act: (trx: Trx, userId: string, caseId: string, now: Date) => Promise<T>,
): Promise<T> {
  const actor = ctx.actor;
  const now = ctx.now;
  return deps.db.transaction().execute(async (trx) => {
    const access = await authorize(trx, actor, now);
    const result = await act(trx, actor.userId, access.caseId, now);
    await recordAudit(trx, auditOf(ctx, access.decision), {
      action: op === 'save' ? 'draft.save' : op === 'read' ? 'draft.read' : 'draft.discard',
      personIds: access.personIds,
      caseIds: [access.caseId],
      purpose: access.decision.via,
      details: { caseId: access.caseId, kind: ref.kind, key: ref.key },
    });
    return result;
  });
}

export function saveDraft(
  deps: ServiceDeps,
  ctx: ActionContext,
  ref: Omit<DraftRef, 'caseId'>,
  authorize: AuthorizeDraft,
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
export function readDraft<S extends z.ZodType>(
  deps: ServiceDeps,
  ctx: ActionContext,
  ref: Omit<DraftRef, 'caseId'>,
  authorize: AuthorizeDraft,
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
export function listDrafts<S extends z.ZodType>(
  deps: ServiceDeps,
  ctx: ActionContext,
  kind: DraftKind,
  authorize: AuthorizeDraft,
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

export function discardDraft(
  deps: ServiceDeps,
  ctx: ActionContext,
  ref: Omit<DraftRef, 'caseId'>,
  authorize: AuthorizeDraft,
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
