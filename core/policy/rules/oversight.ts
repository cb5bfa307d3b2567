import { forbidden, notFound } from '../decision.ts';
import type { RulesFor } from '../decision.ts';
import { isCaseworkerOrManager, isManager, personalDataRoleDecision } from '../relations.ts';

/** Nödåtkomst and loggkontroll: the exceptional access, and the manager who reviews it. */
export interface OversightActions {
  'emergencyAccess.start': Record<string, never>;
  /**
   * Review a nödåtkomst: a manager of one of the units that review it (the user's unit and every
   * unit responsible for the person), never the one who used it.
   */
  'emergencyAccess.review': { unitIds: readonly string[]; usedByUserId: string };
  'accessLog.review': { unitId: string };
}

export const oversightRules = {
  'emergencyAccess.start': (actor) => personalDataRoleDecision(actor, isCaseworkerOrManager),
  'emergencyAccess.review': (actor, f) => {
    const grant = actor.grants.find((g) => isManager(g.role) && f.unitIds.includes(g.unitId));
    if (!grant) return notFound('not a manager of a unit that reviews it');
    if (f.usedByUserId === actor.userId)
      return forbidden('nobody reviews their own emergency access');
    return { allowed: true, role: grant.role, unitId: grant.unitId, via: 'role' };
  },
  'accessLog.review': (actor, f) => personalDataRoleDecision(actor, isManager, f.unitId),
} satisfies RulesFor<OversightActions>;
