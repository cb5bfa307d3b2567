import type { AuditEvent, AuditPurpose } from '../core/audit/events.ts';
import type { Actor, Allowed, Decision } from '../core/policy/policy.ts';
import { recordAudit } from './audit/audit.ts';
import type { Trx } from './db/database.ts';
import { enforce } from './http/context.ts';
import type { ActionContext } from './http/action-context.ts';
import type { ServiceDeps } from './service-deps.ts';

/**
 * One frame for every act on personal data or on who may reach it: load what the rule needs →
 * the policy decides → the domain rule and the write (or the read) → its audit rows; in one
 * transaction, so the act and its record commit together or not at all. A refusal throws
 * (404/403) with what was refused, and the error handler records it once the transaction has
 * rolled back. Whether a row involves a protected person is derived by recordAudit from the ids
 * the act names, never set by hand.
 *
 * Nothing else writes audit rows (ESLint refuses `recordAudit` elsewhere), except what happens
 * before there is an actor to authorize: logging in and out (auth), a replayed answer
 * (http/idempotency) and a refusal (audit/refusals).
 */
export interface Command<Facts, Result> {
  /** The audit row's action. */
  action: AuditEvent['action'];
  /** Loads what the rule needs, in the command's transaction (and 404s what does not exist). */
  load(trx: Trx, ctx: ActionContext): Promise<Facts>;
  /** The policy's decision on those facts: `can(actor, …)`, or a delegation-style rule. */
  authorize(actor: Actor, facts: Facts): Decision;
  /** How a refusal on a visible record answers, where FORBIDDEN says too little. */
  forbidden?: 'NO_DELEGATION';
  /** The domain rule and the write: the answer, and what its audit rows name. */
  run(trx: Trx, facts: Facts, allowed: Allowed, ctx: ActionContext): Promise<Done<Result>>;
}

/** What one audit row of the act names besides the command's action and decision. */
export interface AuditPart extends Pick<
  AuditEvent,
  'personIds' | 'caseIds' | 'details' | 'protectionBefore'
> {
  /** Where the outcome is another act than the command's (an intake routed, not opened). */
  action?: AuditEvent['action'];
  /** Where the purpose is not how the policy allowed it (administration, oversight). */
  purpose?: AuditPurpose;
  /**
   * Where the outcome was allowed by another decision than the command's (an intake for a
   * person who has a file: opened directly only when the policy allows that too).
   */
  allowed?: Allowed;
  /**
   * Where the row concerns nödåtkomst though the act was not allowed by it (a manager reviewing
   * the unit's nödåtkomst): so that Loggkontroll lists it with the nödåtkomst it shows.
   */
  emergency?: boolean;
}

export interface Done<Result> {
  result: Result;
  /** One row, or several when one act is recorded as more (a request approved, and its change). */
  audit: AuditPart | readonly AuditPart[];
}

export async function execute<Facts, Result>(
  deps: ServiceDeps,
  ctx: ActionContext,
  command: Command<Facts, Result>,
): Promise<Result> {
  return deps.db.transaction().execute(async (trx) => {
    const facts = await command.load(trx, ctx);
    const allowed = enforce(command.authorize(ctx.actor, facts), command.forbidden);
    const { result, audit } = await command.run(trx, facts, allowed, ctx);
    // Last: the audit row takes the chain's lock until commit (see audit_event_chain).
    for (const { action, purpose, allowed: as = allowed, emergency, ...names } of [audit].flat()) {
      await recordAudit(
        trx,
        { ...ctx.audit, role: as.role, unitId: as.unitId },
        {
          action: action ?? command.action,
          purpose: purpose ?? as.via,
          emergency: emergency ?? as.via === 'emergency_access',
          ...names,
        },
      );
    }
    return result;
  });
}

/** For a command whose rule needs no loaded facts (`admin.manage`, a search). */
export const noFacts = (): Promise<Record<string, never>> => Promise.resolve({});
