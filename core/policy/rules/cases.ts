import { isHandoverDue } from '../../domain/handover.ts';
import { isProtected } from '../../domain/protection.ts';
import { forbidden, notFound, systemActorId } from '../decision.ts';
import type { Actor, CaseFacts, Decision, PersonFacts, RulesFor } from '../decision.ts';
import {
  caseRelation,
  grantsWith,
  isCaseworker,
  isCaseworkerOrManager,
  isManager,
  personRead,
  personalDataRoleDecision,
  roleDecision,
} from '../relations.ts';

/** A case: opening, assigning, reading and working it, and what is seen through it. */
export interface CaseActions {
  'case.read': { person: PersonFacts; case: CaseFacts; now: Date };
  /**
   * Document and take the steps of a case — journal, utredning, förhandsbedömning, orosanmälan,
   * kommunicering: a handläggare working with it (assigned, or from the unit's queue).
   */
  'case.work': { person: PersonFacts; case: CaseFacts; now: Date };
  /** Open a case in a unit: a handläggare of that unit. */
  'case.open': { unitId: string };
  /**
   * Open a case about a person who already has a file, in the registering user's own hands: only
   * the handläggare already assigned to one of the person's open cases, who gains nothing by it.
   * Anyone else's matter is routed to the unit responsible for the file (core/domain/routing.ts),
   * and they learn only that it was passed on.
   */
  'case.openForExisting': { unitId: string; person: PersonFacts; now: Date };
  /**
   * Assign a case: the unit's manager to anyone who handles cases in the unit; a handläggare only
   * an unassigned case, only to themselves.
   */
  'case.assign': { case: CaseFacts; assigneeUserId: string; assigneeHandlesCasesInUnit: boolean };
  /** See the unit's intake queue. */
  'unitQueue.read': { unitId: string };
  'cases.listMine': Record<string, never>;
  /**
   * See a member of the case's household (a child of the person or of a partner) by name in the
   * case: whoever may open the member's own file; otherwise whoever may read the case, but a
   * protected member only the handläggare assigned to the case. Anyone else sees the member
   * masked ("Skyddad person").
   */
  'householdMember.read': { person: PersonFacts; case: CaseFacts; member: PersonFacts; now: Date };
  /** The unit's handlingar som inte föranlett åtgärd. */
  'noActionRecords.read': { unitId: string };
  /**
   * One row of that list by name and reason: the unit's staff for an unprotected person; for a
   * protected person only someone who may open the person's file. Anyone else sees it masked.
   */
  'noActionRecord.read': { unitId: string; person: PersonFacts; now: Date };
  /** See which units receive orosanmälningar. */
  'childrenUnits.list': Record<string, never>;
  /**
   * Hand socialjour's matter over to the day unit (core/domain/handover.ts): only the handover
   * job, and only what socialjour planned at intake, once it is due and not yet done. The job
   * gains no access by it: it acts on socialjour's recorded plan, in socialjour's name.
   */
  'case.handover': {
    case: CaseFacts;
    /** The case's planned handover not yet carried out, by its log. */
    planned: { toUnitId: string; on: string } | null;
    /** The Stockholm date now. */
    today: string;
  };
}

/** A work relation to the case, or emergency access to its person. */
export function caseRead(actor: Actor, f: CaseActions['case.read']): Decision {
  const direct = caseRelation(actor, f.case);
  if (direct) return direct;
  const read = personRead(actor, f.person, f.now);
  return read.allowed && read.via === 'emergency_access'
    ? read
    : notFound('no work relation to the case');
}

/** Working the case: the assigned handläggare or one taking it from the unit's queue. */
export function caseWork(actor: Actor, f: CaseActions['case.work']): Decision {
  const direct = caseRelation(actor, f.case);
  if (!direct) {
    const read = caseRead(actor, f);
    return read.allowed ? forbidden('only a handläggare working with the case') : read;
  }
  return direct.via === 'assigned' || direct.via === 'intake_queue'
    ? direct
    : forbidden('only a handläggare working with the case');
}

function noActionRecords(actor: Actor, f: CaseActions['noActionRecords.read']): Decision {
  const decision = roleDecision(actor, isCaseworkerOrManager, f.unitId);
  return decision.allowed ? decision : notFound('not in the unit');
}

export const caseRules = {
  'case.read': caseRead,
  'case.work': caseWork,
  'case.open': (actor, f) => personalDataRoleDecision(actor, isCaseworker, f.unitId),
  'case.openForExisting': (actor, f) => {
    const open = roleDecision(actor, isCaseworker, f.unitId);
    if (!open.allowed) return open;
    const read = personRead(actor, f.person, f.now);
    return read.allowed && read.via === 'assigned'
      ? { ...open, via: 'assigned' }
      : forbidden('the person has a file: the matter is routed to the unit responsible for it');
  },
  'case.assign': (actor, f) => {
    const manager = grantsWith(actor, isManager, f.case.unitId)[0];
    const relation = caseRelation(actor, f.case);
    // Whoever cannot see the case is told it does not exist, before any other reason.
    if (!manager && !relation) return notFound('no work relation to the case');
    if (f.case.status !== 'open') return forbidden('a closed case is not assigned');
    if (!f.assigneeHandlesCasesInUnit)
      return forbidden('the assignee does not handle cases in the unit');
    if (manager)
      return { allowed: true, role: manager.role, unitId: f.case.unitId, via: 'unit_manager' };
    if (relation?.via === 'intake_queue' && f.assigneeUserId === actor.userId) return relation;
    return forbidden('only the unit manager assigns this case');
  },
  'unitQueue.read': (actor, f) => personalDataRoleDecision(actor, isCaseworkerOrManager, f.unitId),
  'cases.listMine': (actor) => personalDataRoleDecision(actor, isCaseworker),
  'householdMember.read': (actor, f) => {
    const own = personRead(actor, f.member, f.now);
    if (own.allowed) return own;
    const viaCase = caseRead(actor, f);
    if (!viaCase.allowed) return viaCase;
    return isProtected(f.member.protectionLevel) && viaCase.via !== 'assigned'
      ? notFound('a protected household member needs the assigned handläggare')
      : viaCase;
  },
  'noActionRecords.read': noActionRecords,
  'noActionRecord.read': (actor, f) => {
    const own = personRead(actor, f.person, f.now);
    if (own.allowed) return own;
    const list = noActionRecords(actor, f);
    if (!list.allowed) return list;
    return isProtected(f.person.protectionLevel)
      ? notFound('a protected person needs a work relation to the person')
      : list;
  },
  'childrenUnits.list': (actor) => roleDecision(actor, isCaseworkerOrManager),
  'case.handover': (actor, f) => {
    if (actor.userId !== systemActorId || actor.grants.length > 0) {
      return notFound('only the handover job hands a case over');
    }
    if (f.case.status !== 'open') return forbidden('a closed case is not handed over');
    if (!f.planned) return forbidden('no handover is planned, or it is done');
    if (!isHandoverDue(f.planned.on, f.today)) return forbidden('the handover is not yet due');
    return { allowed: true, role: 'out_of_hours', unitId: f.case.unitId, via: 'planned_handover' };
  },
} satisfies RulesFor<CaseActions>;
