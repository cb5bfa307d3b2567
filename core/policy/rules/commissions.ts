import { notFound } from '../decision.ts';
import type { Actor, CaseFacts, Decision, PersonFacts, RulesFor } from '../decision.ts';
import { grantsWith, personalDataRoleDecision } from '../relations.ts';
import type { Role } from '../roles.ts';
import { caseRead, caseWork } from './cases.ts';

/**
 * Uppdrag (commissions) to providers. The handläggare side goes through the case: whoever works
 * the case sends and ends its uppdrag, whoever may read it sees them. The provider side goes
 * through the provider's unit: a user with the role provider in the unit the uppdrag's provider
 * is tied to sees that uppdrag — what it shares and nothing else — and does the provider's work
 * on it. Sending an uppdrag gives its author no relation to the provider's side, and the
 * provider's work gives it none to the case, the person or anything else.
 */
export interface CommissionActions {
  /** Send an uppdrag from a beslut on the case: a handläggare working with the case. */
  'commission.create': CaseSide;
  /** End an uppdrag: a handläggare working with the case. */
  'commission.end': CaseSide;
  /** See the case's uppdrag, their plans, notes and reports: whoever may read the case. */
  'commissions.readForCase': CaseSide;
  /** The provider's inbox: a user with the role provider (the list holds only its own). */
  'commissions.listMine': Record<string, never>;
  /** Read one uppdrag as the provider: a provider user of the uppdrag's provider. */
  'commission.read': ProviderSide;
  /** Accept or decline it. */
  'commission.respond': ProviderSide;
  /** Write a new version of the genomförandeplan. */
  'commission.plan': ProviderSide;
  /** Record a note from a session, or report back (återrapport). */
  'commission.record': ProviderSide;
}

interface CaseSide {
  person: PersonFacts;
  case: CaseFacts;
  now: Date;
}

interface ProviderSide {
  commissionId: string;
  /** The unit the uppdrag's provider is tied to; null for a provider without users in Värn. */
  providerUnitId: string | null;
}

const isProvider = (role: Role) => role === 'provider';

/** A provider user of the uppdrag's provider; anyone else is told it does not exist. */
function providerOfCommission(actor: Actor, f: ProviderSide): Decision {
  if (f.providerUnitId === null) return notFound('the provider has no users in Värn');
  const grant = grantsWith(actor, isProvider, f.providerUnitId)[0];
  return grant
    ? { allowed: true, role: grant.role, unitId: grant.unitId, via: 'role' }
    : notFound('not a user of the uppdrag’s provider');
}

export const commissionRules = {
  'commission.create': caseWork,
  'commission.end': caseWork,
  'commissions.readForCase': caseRead,
  'commissions.listMine': (actor) => personalDataRoleDecision(actor, isProvider),
  'commission.read': providerOfCommission,
  'commission.respond': providerOfCommission,
  'commission.plan': providerOfCommission,
  'commission.record': providerOfCommission,
} satisfies RulesFor<CommissionActions>;
