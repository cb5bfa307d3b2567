import type { AuditEvent } from '../../core/audit/events.ts';
import { can } from '../../core/policy/policy.ts';
import type { Actor, Allowed, Decision } from '../../core/policy/policy.ts';
import { recordAudit } from '../audit/audit.ts';
import type { Trx } from '../db/database.ts';
import { enforce } from '../http/context.ts';
import type { ActionContext } from '../http/action-context.ts';
import type { ServiceDeps } from '../service-deps.ts';
import { caseFacts, loadCase } from './case-access.ts';
import type { LoadedCase } from './case-access.ts';

/**
 * One frame for every act on personal data: load what the rule needs → the policy decides →
 * the domain rule and the write → one audit row; in one transaction, so the act and its record
 * commit together or not at all. A refusal throws (404/403) with what was refused, and the
 * error handler records it once the transaction has rolled back. Whether the row involves a
 * protected person is derived by recordAudit from the ids the act names, never set by hand.
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
  /** The domain rule and the write: the answer, and what the audit row names besides. */
  run(trx: Trx, facts: Facts, allowed: Allowed, ctx: ActionContext): Promise<Done<Result>>;
}

export interface Done<Result> {
  result: Result;
  audit: Pick<AuditEvent, 'personIds' | 'caseIds' | 'details' | 'protectionBefore'>;
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
    await recordAudit(
      trx,
      { ...ctx.audit, role: allowed.role, unitId: allowed.unitId },
      {
        action: command.action,
        purpose: allowed.via,
        emergency: allowed.via === 'emergency_access',
        ...audit,
      },
    );
    return result;
  });
}

/**
 * The load and authorize of a command on one case: the case and its person's facts, and the
 * policy's decision on working it (or reading it). Most commands on a case start here.
 */
export function onCase(
  ctx: ActionContext,
  caseId: string,
  action: 'case.work' | 'case.read' = 'case.work',
): Pick<Command<LoadedCase, never>, 'load' | 'authorize'> {
  return {
    load: (trx) => loadCase(trx, ctx.actor, caseId, ctx.now),
    authorize: (actor, { row, person }) =>
      can(actor, action, { person, case: caseFacts(row), now: ctx.now }),
  };
}
