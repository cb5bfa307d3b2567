import { sql } from 'kysely';
import type { AuditEvent } from '../../core/audit/events.ts';
import type { Db, Trx } from '../db/database.ts';

/** Who acted, in which role and unit, and which request it was. */
export interface AuditContext {
  actorUserId: string | null;
  role: string | null;
  unitId: string | null;
  correlationId: string;
}

/**
 * Whether a row names a person with skyddade personuppgifter, directly or through a case: read
 * in the operation's own transaction, so it sees what the operation wrote. One place decides it,
 * so no caller can forget it or set it by hand.
 */
async function involvesProtected(trx: Trx, event: AuditEvent): Promise<boolean> {
  if (event.protectionBefore?.some((level) => level !== 'none')) return true;
  const personIds = [...new Set(event.personIds ?? [])];
  const caseIds = [...new Set(event.caseIds ?? [])];
  if (personIds.length === 0 && caseIds.length === 0) return false;
  const result = await sql<{ protected: boolean | null }>`
    select bool_or(p.protection_level <> 'none') as protected
    from person p
    where p.id = any(${personIds}::uuid[])
       or p.id in (select c.person_id from "case" c where c.id = any(${caseIds}::uuid[]))`.execute(
    trx,
  );
  return result.rows[0]?.protected === true;
}

/**
 * Writes one audit row. It takes a transaction, never a plain connection, so the compiler
 * guarantees the row commits or rolls back with the operation it records. The insert trigger
 * chains it to the previous row.
 */
export async function recordAudit(trx: Trx, ctx: AuditContext, event: AuditEvent): Promise<void> {
  // Before the insert: the insert takes the chain's lock until commit.
  const flagged = await involvesProtected(trx, event);
  await trx
    .insertInto('audit_event')
    .values({
      actor_user_id: ctx.actorUserId,
      actor_role: ctx.role,
      actor_unit_id: ctx.unitId,
      correlation_id: ctx.correlationId,
      action: event.action,
      person_ids: [...new Set(event.personIds ?? [])],
      case_ids: [...new Set(event.caseIds ?? [])],
      purpose: event.purpose ?? null,
      involves_protected: flagged,
      emergency: event.emergency ?? false,
      details: JSON.stringify(event.details ?? {}),
    })
    .execute();
}

export interface ChainVerification {
  ok: boolean;
  checked: number;
  /** The first row whose content or link does not match, if any. */
  firstBrokenSeq: number | undefined;
}

/**
 * Recomputes every row's hash and checks every link. A row edited, deleted or inserted out of
 * band (with the triggers bypassed) breaks the chain at that row.
 */
export async function verifyAuditChain(db: Db): Promise<ChainVerification> {
  const result = await sql<{ checked: number; first_broken: number | null }>`
    select count(*)::int as checked,
           min(seq) filter (where hash <> recomputed or prev_hash <> expected_prev) as first_broken
    from (
      select a.seq, a.hash, a.prev_hash, audit_event_digest(a) as recomputed,
             coalesce(lag(a.hash) over (order by a.seq), 'genesis') as expected_prev
      from audit_event a
    ) chain`.execute(db);
  const row = result.rows[0];
  const firstBroken = row?.first_broken ?? undefined;
  return { ok: firstBroken === undefined, checked: row?.checked ?? 0, firstBrokenSeq: firstBroken };
}
