import type { Outcome } from '../../domain/decisions.ts';
import { forbidden, notFound, systemActorId } from '../decision.ts';
import type { Actor, CaseFacts, Decision, PersonFacts, RulesFor } from '../decision.ts';
import type { Role } from '../roles.ts';
import { caseRelation, isCaseworkerOrManager, roleDecision } from '../relations.ts';
import { caseRead, caseWork } from './cases.ts';

/** What is made in a case beyond its steps: beslut, safety plans, the risk instruments used. */
export interface CaseDocumentActions {
  /**
   * Decide on an insats in a case: someone working with the case, or its unit's manager, who
   * holds delegation for that kind of decision in the unit (`delegatedRole`).
   */
  'decision.make': { case: CaseFacts; delegatedRole: Role | undefined };
  /**
   * Read a safety plan made in a case: whoever may read the case — but where the case's person or
   * the plan's person is protected, only the assigned handläggare (the plan tells where she is safe).
   */
  'safetyPlan.read': SafetyPlanFacts;
  /** Write it: a handläggare working with the case; for a protected person the assigned one. */
  'safetyPlan.write': SafetyPlanFacts;
  /** See the risk-assessment instruments in use. */
  'instruments.list': Record<string, never>;
  /**
   * Read the uppföljning of a case's uppdrag (the dates set, the uppföljningar recorded): whoever
   * may read the case. A provider never: it has no work relation to the case, only its uppdrag.
   */
  'followUp.read': { person: PersonFacts; case: CaseFacts; now: Date };
  /** Set the dates and record an uppföljning: a handläggare working with the case. */
  'followUp.write': { person: PersonFacts; case: CaseFacts; now: Date };
  'interventions.list': Record<string, never>;
  /**
   * Review an intyg before it is issued: someone working with the case or its unit's manager
   * who wrote none of its versions (`writers`). The writer's own reading is no review.
   */
  'certificate.review': { case: CaseFacts; writers: readonly string[] };
  /**
   * Approve the extract of a person's own file, with its maskings: a decision that may refuse
   * part of a request to see allmänna handlingar, so taken by the one the delegationsordning
   * gives it — the enhetschef of the case's unit — who drafted none of it.
   */
  'fileExtract.approve': { case: CaseFacts; drafters: readonly string[] };
  'transfer.approve': { case: CaseFacts; drafters: readonly string[] };
  /**
   * Note that the period a beslut granted has run out, which raises the safety signals of an
   * insats ended (core/domain/safety-signals.ts): only the period-end job, once per beslut, the
   * day after its current version's last day — unless its uppdrag was ended first, whose end
   * raised them then. The job gains no access by it: it acts on the beslut as decided, in the
   * role that decided it.
   */
  'decision.notePeriodEnd': {
    case: CaseFacts;
    outcome: Outcome;
    /** The current version's last day, or null for a beslut without a period. */
    periodTo: string | null;
    decidedRole: Role;
    today: string;
    /** Already noted by an earlier run. */
    noted: boolean;
    /** An uppdrag on the beslut was ended (its end raised the signals). */
    uppdragEnded: boolean;
  };
}

interface SafetyPlanFacts {
  person: PersonFacts;
  case: CaseFacts;
  planPersonProtected: boolean;
  now: Date;
}

function safetyPlan(base: Decision, f: SafetyPlanFacts): Decision {
  if (!base.allowed) return base;
  const protectedPlan = f.person.protectionLevel !== 'none' || f.planPersonProtected;
  return protectedPlan && base.via !== 'assigned'
    ? forbidden('the safety plan of a protected person needs the assigned handläggare')
    : base;
}

export const caseDocumentRules = {
  'decision.make': (actor, f) => {
    const relation = caseRelation(actor, f.case);
    if (!relation) return notFound('no work relation to the case');
    if (f.delegatedRole === undefined) return forbidden('no delegation for this decision');
    return { allowed: true, role: f.delegatedRole, unitId: f.case.unitId, via: relation.via };
  },
  'safetyPlan.read': (actor: Actor, f) => safetyPlan(caseRead(actor, f), f),
  'safetyPlan.write': (actor: Actor, f) => safetyPlan(caseWork(actor, f), f),
  'instruments.list': (actor) => roleDecision(actor, isCaseworkerOrManager),
  'followUp.read': caseRead,
  'followUp.write': caseWork,
  'interventions.list': (actor) => roleDecision(actor, isCaseworkerOrManager),
  'certificate.review': (actor, f) => {
    const relation = caseRelation(actor, f.case);
    if (!relation) return notFound('no work relation to the case');
    if (f.writers.includes(actor.userId))
      return forbidden('a writer of the intyg may not review it');
    return relation;
  },
  'fileExtract.approve': (actor, f) =>
    enhetschefDecides(actor, f, 'only the enhetschef decides what of a file is withheld'),
  // The nämnd's decision to ask another municipality to take the case over, by delegation.
  'transfer.approve': (actor, f) =>
    enhetschefDecides(actor, f, 'only the enhetschef decides to request a transfer'),
  'decision.notePeriodEnd': (actor, f) => {
    if (actor.userId !== systemActorId || actor.grants.length > 0) {
      return notFound('only the period-end job notes that a period has run out');
    }
    if (f.outcome === 'refused') return forbidden('an avslag grants no period');
    if (f.periodTo === null || f.periodTo >= f.today) {
      return forbidden('the period has not run out');
    }
    if (f.noted) return forbidden('the end of the period is already noted');
    if (f.uppdragEnded) return forbidden('the uppdrag was ended before the period ran out');
    return { allowed: true, role: f.decidedRole, unitId: f.case.unitId, via: 'period_ended' };
  },
} satisfies RulesFor<CaseDocumentActions>;

/** A decision the enhetschef of the case's unit takes on what others drafted, never on their own. */
function enhetschefDecides(
  actor: Actor,
  f: { case: CaseFacts; drafters: readonly string[] },
  onlyManager: string,
): Decision {
  const relation = caseRelation(actor, f.case);
  if (!relation) return notFound('no work relation to the case');
  if (relation.via !== 'unit_manager') return forbidden(onlyManager);
  if (f.drafters.includes(actor.userId)) return forbidden('a drafter may not decide on it');
  return relation;
}
