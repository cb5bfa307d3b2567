import type { Actor, Decision, Refusal, Rule, RulesFor } from './decision.ts';
import { administrationRules } from './rules/administration.ts';
import type { AdministrationActions } from './rules/administration.ts';
import { caseDocumentRules } from './rules/case-documents.ts';
import type { CaseDocumentActions } from './rules/case-documents.ts';
import { caseRules } from './rules/cases.ts';
import { commissionRules } from './rules/commissions.ts';
import { familyRules } from './rules/family.ts';
import type { FamilyActions } from './rules/family.ts';
import type { CommissionActions } from './rules/commissions.ts';
import { counterpartRules } from './rules/counterparts.ts';
import type { CounterpartActions } from './rules/counterparts.ts';
import type { CaseActions } from './rules/cases.ts';
import { meetingRules } from './rules/meetings.ts';
import type { MeetingActions } from './rules/meetings.ts';
import { oversightRules } from './rules/oversight.ts';
import type { OversightActions } from './rules/oversight.ts';
import { personRules } from './rules/persons.ts';
import type { PersonActions } from './rules/persons.ts';
import { providerRules } from './rules/providers.ts';
import type { ProviderActions } from './rules/providers.ts';

/**
 * The one authorization policy. Deny by default: an action is allowed only by its rule, and
 * every action has exactly one (rules/*.ts, one file per resource; the map below `satisfies` a
 * type that demands a rule for every action, so a missing one does not compile). Services load
 * the facts, call `can` once per operation, and act on the decision; no other code decides who
 * may do what.
 */

export type { Actor, Allowed, CaseFacts, Decision, PersonFacts, Refusal, Via } from './decision.ts';

/** Every action and the facts its rule reads. */
export type FactsByAction = PersonActions &
  CaseActions &
  CaseDocumentActions &
  CommissionActions &
  CounterpartActions &
  FamilyActions &
  MeetingActions &
  OversightActions &
  AdministrationActions &
  ProviderActions;
export type Action = keyof FactsByAction;

const rules = {
  ...personRules,
  ...caseRules,
  ...caseDocumentRules,
  ...commissionRules,
  ...counterpartRules,
  ...familyRules,
  ...meetingRules,
  ...oversightRules,
  ...administrationRules,
  ...providerRules,
} satisfies RulesFor<FactsByAction>;

/** Every action the policy has a rule for: the same list as the type, for tests. */
export const actions = Object.keys(rules) as Action[];

/** The ids a refusal is about, read from the facts the service loaded. */
function refusalOf(action: Action, facts: object): Refusal {
  const f = facts as Partial<{
    person: { personId: string };
    from: { personId: string };
    to: { personId: string };
    case: { caseId: string };
    unitId: string;
    targetUserId: string;
  }>;
  const personIds = [f.person, f.from, f.to].flatMap((p) => (p ? [p.personId] : []));
  return {
    action,
    personIds: [...new Set(personIds)],
    caseIds: f.case ? [f.case.caseId] : [],
    ...(f.unitId !== undefined ? { unitId: f.unitId } : {}),
    ...(f.targetUserId !== undefined ? { targetUserId: f.targetUserId } : {}),
  };
}

export function can<A extends Action>(actor: Actor, action: A, facts: FactsByAction[A]): Decision {
  // Indexing the map by a generic key loses the pairing the mapped type states; restate it.
  const rule = (rules as RulesFor<FactsByAction>)[action] as Rule<FactsByAction[A]>;
  const decision = rule(actor, facts);
  return decision.allowed ? decision : { ...decision, refused: refusalOf(action, facts) };
}
