import type { RulesFor } from '../decision.ts';
import { isCaseworkerOrManager, isManager, roleDecision } from '../relations.ts';
import { caseWork } from './cases.ts';
import type { CaseActions } from './cases.ts';

/**
 * Providers and their places, seen from case work. The registry itself is administration
 * (`admin.manage`); these are what a handläggare does with it on a case.
 */
export interface ProviderActions {
  /**
   * See which active providers carry out which insatser, to name a beslut's place: whoever
   * handles or leads case work. Names only, no personal data, no occupancy.
   */
  'providers.list': Record<string, never>;
  /**
   * Search the shelters for a place for the case's person (what she needs tells about her): a
   * handläggare working with the case. Never the provider, the analyst or the administrator.
   */
  'shelter.search': CaseActions['case.work'];
  /** Record on the case that no place could be arranged: the same handläggare. */
  'shelter.turnedAway': CaseActions['case.work'];
  /**
   * Count, per reason, who the unit could not place: its manager. Numbers only, no persons.
   */
  'shelter.turnedAwayCount': { unitId: string };
}

export const providerRules = {
  'providers.list': (actor) => roleDecision(actor, isCaseworkerOrManager),
  'shelter.search': caseWork,
  'shelter.turnedAway': caseWork,
  'shelter.turnedAwayCount': (actor, f) => roleDecision(actor, isManager, f.unitId),
} satisfies RulesFor<ProviderActions>;
