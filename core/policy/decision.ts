import type { ProtectionLevel } from '../domain/protection.ts';
import type { Action } from './policy.ts';
import type { Role, RoleGrant } from './roles.ts';

/** The facts a rule reads and the decision it gives: shared by every rule in rules/. */

export interface Actor {
  userId: string;
  grants: readonly RoleGrant[];
}

/**
 * The actor of a scheduled job (server/http/action-context.ts `systemContext`): it holds no
 * grant, so it may do only what a rule names for it, on facts that show a user's act asked for it.
 */
export const systemActorId = 'system';

export interface CaseFacts {
  caseId: string;
  unitId: string;
  assignedUserId: string | null;
  status: 'open' | 'closed';
  /**
   * Who registered this matter when it was routed here because the person already had a file.
   * The registering user never reaches the file through it: access is granted, never taken.
   */
  routedBy: string | null;
}

export interface PersonFacts {
  personId: string;
  protectionLevel: ProtectionLevel;
  cases: readonly CaseFacts[];
  /** Until when the actor holds emergency access to this person, if they do. */
  emergencyAccessUntil: Date | undefined;
}

/** How an allowed access is justified; recorded as the purpose of the audit row. */
export type Via =
  | 'assigned'
  | 'intake_queue'
  | 'unit_manager'
  | 'emergency_access'
  | 'role'
  /** A scheduled job carrying out what a user planned (socialjour's handover). */
  | 'planned_handover'
  /** A scheduled job noting that the period a beslut granted has run out. */
  | 'period_ended';

export type Allowed = { allowed: true; role: Role; unitId: string; via: Via };

export type Decision =
  | Allowed
  | {
      allowed: false;
      denial: 'not_found' | 'forbidden';
      reason: string;
      /** What was refused, and about which records: `can` fills it in, for the audit row. */
      refused?: Refusal;
    };

/** A refused attempt as the audit log records it: ids and the policy's reason, never content. */
export interface Refusal {
  action: Action;
  personIds: string[];
  caseIds: string[];
  unitId?: string;
  targetUserId?: string;
}

/** One action's rule: pure, from the actor and the facts the service loaded. */
export type Rule<F> = (actor: Actor, facts: F) => Decision;

/** The rules of a group of actions, one per action: the compiler refuses a missing one. */
export type RulesFor<FactsByAction> = { [A in keyof FactsByAction]: Rule<FactsByAction[A]> };

export const notFound = (reason: string): Decision => ({
  allowed: false,
  denial: 'not_found',
  reason,
});
export const forbidden = (reason: string): Decision => ({
  allowed: false,
  denial: 'forbidden',
  reason,
});
