import { isProtected } from '../domain/protection.ts';
import type { ProtectionLevel } from '../domain/protection.ts';
import { caseworkerRoles } from './roles.ts';
import type { Role, RoleGrant } from './roles.ts';

/**
 * The one authorization policy. Deny by default: an action is allowed only by a rule below that
 * names it. Services load the facts, call `can` once per operation, and act on the decision; no
 * other code decides who may do what.
 */

export interface Actor {
  userId: string;
  grants: readonly RoleGrant[];
}

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
export type Via = 'assigned' | 'intake_queue' | 'unit_manager' | 'emergency_access' | 'role';

export type Decision =
  | { allowed: true; role: Role; unitId: string; via: Via }
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

interface FactsByAction {
  /** Open a personakt: identity, protection level, relations, cases. */
  'person.read': { person: PersonFacts; now: Date };
  /** Read protected-identity fields: contact channels, whereabouts, school, real identity. */
  'person.readProtected': { person: PersonFacts; now: Date };
  /**
   * Change a person's identity data or contact channels: a handläggare working with the person.
   * Lowering the protection level, or changing a protected person's contact channels, needs the
   * handläggare assigned to one of their open cases.
   */
  'person.update': {
    person: PersonFacts;
    now: Date;
    lowersProtection: boolean;
    touchesProtectedDetails: boolean;
  };
  'person.search': Record<string, never>;
  'person.create': Record<string, never>;
  /** A relation is visible only to those who may see both ends. */
  'relation.read': { from: PersonFacts; to: PersonFacts; now: Date };
  /** Record a relation between two persons: a handläggare working with one end, seeing both. */
  'relation.create': { from: PersonFacts; to: PersonFacts; now: Date };
  'case.read': { person: PersonFacts; case: CaseFacts; now: Date };
  /**
   * Document and take the steps of a case — journal, utredning, förhandsbedömning, orosanmälan,
   * kommunicering: a handläggare working with it (assigned, or from the unit's queue).
   */
  'case.work': { person: PersonFacts; case: CaseFacts; now: Date };
  /**
   * Decide on an insats in a case: someone working with the case, or its unit's manager, who
   * holds delegation for that kind of decision in the unit (`delegatedRole`).
   */
  'decision.make': { case: CaseFacts; delegatedRole: Role | undefined };
  /**
   * Read a safety plan made in a case: whoever may read the case — but where the case's person or
   * the plan's person is protected, only the assigned handläggare (the plan tells where she is safe).
   */
  'safetyPlan.read': {
    person: PersonFacts;
    case: CaseFacts;
    planPersonProtected: boolean;
    now: Date;
  };
  /** Write it: a handläggare working with the case; for a protected person the assigned one. */
  'safetyPlan.write': {
    person: PersonFacts;
    case: CaseFacts;
    planPersonProtected: boolean;
    now: Date;
  };
  /**
   * See a member of the case's household (a child of the person or of a partner) by name in the
   * case: whoever may open the member's own file; otherwise whoever may read the case, but a
   * protected member only the handläggare assigned to the case. Anyone else sees the member
   * masked ("Skyddad person").
   */
  'householdMember.read': { person: PersonFacts; case: CaseFacts; member: PersonFacts; now: Date };
  /** See the risk-assessment instruments in use. */
  'instruments.list': Record<string, never>;
  /** See which units receive orosanmälningar. */
  'childrenUnits.list': Record<string, never>;
  /** The unit's handlingar som inte föranlett åtgärd. */
  'noActionRecords.read': { unitId: string };
  /**
   * One row of that list by name and reason: the unit's staff for an unprotected person; for a
   * protected person only someone who may open the person's file. Anyone else sees it masked.
   */
  'noActionRecord.read': { unitId: string; person: PersonFacts; now: Date };
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
  'emergencyAccess.start': Record<string, never>;
  /**
   * Review a nödåtkomst: a manager of one of the units that review it (the user's unit and every
   * unit responsible for the person), never the one who used it.
   */
  'emergencyAccess.review': { unitIds: readonly string[]; usedByUserId: string };
  'accessLog.review': { unitId: string };
  'admin.manage': Record<string, never>;
  /** Change a user's roles, units or status. Nobody changes their own. */
  'admin.changeUser': { targetUserId: string };
  /**
   * Lift a login lock: an administrator, or the manager of a unit where the user holds a role.
   * It gives nobody a credential, so it needs no second person; nobody lifts their own.
   */
  'auth.unlockLogin': { targetUserId: string; targetUnitIds: readonly string[] };
  /**
   * Ask for a change that gives power over an account — a role, a new one-time password: an
   * administrator, never about their own account. Nothing changes until a second person approves.
   */
  'admin.requestChange': { targetUserId: string };
  /**
   * Approve or reject such a request (the two-person rule): a second administrator, or the
   * manager of a unit the request concerns (never for the administrator role) — never the one
   * who asked, never the affected user.
   */
  'admin.approveRequest': {
    requestedBy: string;
    targetUserId: string;
    unitIds: readonly string[];
    administratorsOnly: boolean;
  };
  /** Withdraw a pending request: only the one who asked. */
  'admin.withdrawRequest': { requestedBy: string };
  /** See the requests that concern a unit: its manager. */
  'admin.listUnitRequests': { unitId: string };
}
export type Action = keyof FactsByAction;

const notFound = (reason: string): Decision => ({ allowed: false, denial: 'not_found', reason });
const forbidden = (reason: string): Decision => ({ allowed: false, denial: 'forbidden', reason });

function grantsWith(actor: Actor, accept: (role: Role) => boolean, unitId?: string) {
  return actor.grants.filter(
    (g) => accept(g.role) && (unitId === undefined || g.unitId === unitId),
  );
}

const isCaseworker = (role: Role) => caseworkerRoles.has(role);
const isManager = (role: Role) => role === 'unit_manager';

/** The work relation to one case, if any: the strongest basis first. */
function caseRelation(actor: Actor, c: CaseFacts): Decision | undefined {
  if (c.status !== 'open') return undefined;
  const caseworker = grantsWith(actor, isCaseworker, c.unitId)[0];
  if (caseworker && c.assignedUserId === actor.userId) {
    return { allowed: true, role: caseworker.role, unitId: c.unitId, via: 'assigned' };
  }
  if (caseworker && c.assignedUserId === null && c.routedBy !== actor.userId) {
    return { allowed: true, role: caseworker.role, unitId: c.unitId, via: 'intake_queue' };
  }
  const manager = grantsWith(actor, isManager, c.unitId)[0];
  if (manager) return { allowed: true, role: manager.role, unitId: c.unitId, via: 'unit_manager' };
  return undefined;
}

const viaStrength: Record<Via, number> = {
  assigned: 0,
  intake_queue: 1,
  unit_manager: 2,
  emergency_access: 3,
  role: 4,
};

function personRead(actor: Actor, person: PersonFacts, now: Date): Decision {
  const relations = person.cases
    .map((c) => caseRelation(actor, c))
    .filter((d): d is Extract<Decision, { allowed: true }> => d?.allowed === true)
    .sort((a, b) => viaStrength[a.via] - viaStrength[b.via]);
  if (relations[0]) return relations[0];

  if (person.emergencyAccessUntil && person.emergencyAccessUntil > now) {
    const grant = grantsWith(actor, (r) => isCaseworker(r) || isManager(r))[0];
    if (grant)
      return { allowed: true, role: grant.role, unitId: grant.unitId, via: 'emergency_access' };
  }
  return notFound('no work relation to the person');
}

function roleDecision(actor: Actor, accept: (role: Role) => boolean, unitId?: string): Decision {
  const grant = grantsWith(actor, accept, unitId)[0];
  return grant
    ? { allowed: true, role: grant.role, unitId: grant.unitId, via: 'role' }
    : forbidden('role does not allow this');
}

/**
 * A route to personal data that none of the actor's roles may ever use answers as if it did not
 * exist (404): the analyst, the provider and the administrator learn nothing from it. A role that
 * uses it, held in another unit than the one asked about, is refused (403).
 */
function personalDataRoleDecision(
  actor: Actor,
  accept: (role: Role) => boolean,
  unitId?: string,
): Decision {
  if (grantsWith(actor, accept).length === 0) return notFound('no role of the actor uses this');
  return roleDecision(actor, accept, unitId);
}

/** The ids a refusal is about, read from the facts the service loaded. */
function refusalOf(action: Action, facts: object): Refusal {
  const f = facts as Partial<{
    person: PersonFacts;
    from: PersonFacts;
    to: PersonFacts;
    case: CaseFacts;
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
  const decision = decide(actor, action, facts);
  return decision.allowed ? decision : { ...decision, refused: refusalOf(action, facts) };
}

function decide<A extends Action>(actor: Actor, action: A, facts: FactsByAction[A]): Decision {
  // Each case narrows `facts` by the action name; the casts restate what the map guarantees.
  switch (action) {
    case 'person.read': {
      const f = facts as FactsByAction['person.read'];
      return personRead(actor, f.person, f.now);
    }
    case 'person.readProtected': {
      const f = facts as FactsByAction['person.readProtected'];
      const read = personRead(actor, f.person, f.now);
      if (!read.allowed) return read;
      // Protected details of a protected person: only the handläggare assigned to one of their
      // open cases. Not the intake queue, not the manager, not emergency access.
      if (f.person.protectionLevel !== 'none' && read.via !== 'assigned') {
        return forbidden('protected details need an assigned case');
      }
      return read;
    }
    case 'relation.read': {
      const f = facts as FactsByAction['relation.read'];
      const from = personRead(actor, f.from, f.now);
      if (!from.allowed) return from;
      const to = personRead(actor, f.to, f.now);
      return to.allowed ? from : notFound('no work relation to the other person');
    }
    case 'person.update': {
      const f = facts as FactsByAction['person.update'];
      const read = personRead(actor, f.person, f.now);
      if (!read.allowed) return read;
      if (read.via !== 'assigned' && read.via !== 'intake_queue') {
        return forbidden('only a handläggare working with the person changes their file');
      }
      const needsAssigned =
        f.lowersProtection || (f.touchesProtectedDetails && f.person.protectionLevel !== 'none');
      return needsAssigned && read.via !== 'assigned'
        ? forbidden('needs the assigned handläggare')
        : read;
    }
    case 'relation.create': {
      const f = facts as FactsByAction['relation.create'];
      const read = can(actor, 'relation.read', f);
      if (!read.allowed) return read;
      return read.via === 'assigned' || read.via === 'intake_queue'
        ? read
        : forbidden('only a handläggare working with the person records relations');
    }
    case 'case.open': {
      const f = facts as FactsByAction['case.open'];
      return personalDataRoleDecision(actor, isCaseworker, f.unitId);
    }
    case 'case.openForExisting': {
      const f = facts as FactsByAction['case.openForExisting'];
      const open = roleDecision(actor, isCaseworker, f.unitId);
      if (!open.allowed) return open;
      const read = personRead(actor, f.person, f.now);
      return read.allowed && read.via === 'assigned'
        ? { ...open, via: 'assigned' }
        : forbidden('the person has a file: the matter is routed to the unit responsible for it');
    }
    case 'case.assign': {
      const f = facts as FactsByAction['case.assign'];
      const manager = grantsWith(actor, isManager, f.case.unitId)[0];
      const relation = caseRelation(actor, f.case);
      // Whoever cannot see the case is told it does not exist, before any other reason.
      if (!manager && !relation) return notFound('no work relation to the case');
      if (f.case.status !== 'open') return forbidden('a closed case is not assigned');
      if (!f.assigneeHandlesCasesInUnit)
        return forbidden('the assignee does not handle cases in the unit');
      if (manager)
        return { allowed: true, role: manager.role, unitId: f.case.unitId, via: 'unit_manager' };
      if (
        relation?.allowed &&
        relation.via === 'intake_queue' &&
        f.assigneeUserId === actor.userId
      ) {
        return relation;
      }
      return forbidden('only the unit manager assigns this case');
    }
    case 'unitQueue.read': {
      const f = facts as FactsByAction['unitQueue.read'];
      return personalDataRoleDecision(actor, (r) => isCaseworker(r) || isManager(r), f.unitId);
    }
    case 'case.read': {
      const f = facts as FactsByAction['case.read'];
      const direct = caseRelation(actor, f.case);
      if (direct?.allowed) return direct;
      const read = personRead(actor, f.person, f.now);
      return read.allowed && read.via === 'emergency_access'
        ? read
        : notFound('no work relation to the case');
    }
    case 'case.work': {
      const f = facts as FactsByAction['case.work'];
      const direct = caseRelation(actor, f.case);
      if (!direct?.allowed) {
        const read = can(actor, 'case.read', f);
        return read.allowed ? forbidden('only a handläggare working with the case') : read;
      }
      return direct.via === 'assigned' || direct.via === 'intake_queue'
        ? direct
        : forbidden('only a handläggare working with the case');
    }
    case 'decision.make': {
      const f = facts as FactsByAction['decision.make'];
      const relation = caseRelation(actor, f.case);
      if (!relation?.allowed) return notFound('no work relation to the case');
      if (f.delegatedRole === undefined) return forbidden('no delegation for this decision');
      return { allowed: true, role: f.delegatedRole, unitId: f.case.unitId, via: relation.via };
    }
    case 'safetyPlan.read':
    case 'safetyPlan.write': {
      const f = facts as FactsByAction['safetyPlan.read'];
      const base = can(actor, action === 'safetyPlan.read' ? 'case.read' : 'case.work', f);
      if (!base.allowed) return base;
      const protectedPlan = f.person.protectionLevel !== 'none' || f.planPersonProtected;
      return protectedPlan && base.via !== 'assigned'
        ? forbidden('the safety plan of a protected person needs the assigned handläggare')
        : base;
    }
    case 'householdMember.read': {
      const f = facts as FactsByAction['householdMember.read'];
      const own = personRead(actor, f.member, f.now);
      if (own.allowed) return own;
      const viaCase = can(actor, 'case.read', f);
      if (!viaCase.allowed) return viaCase;
      return isProtected(f.member.protectionLevel) && viaCase.via !== 'assigned'
        ? notFound('a protected household member needs the assigned handläggare')
        : viaCase;
    }
    case 'noActionRecord.read': {
      const f = facts as FactsByAction['noActionRecord.read'];
      const own = personRead(actor, f.person, f.now);
      if (own.allowed) return own;
      const list = can(actor, 'noActionRecords.read', f);
      if (!list.allowed) return list;
      return isProtected(f.person.protectionLevel)
        ? notFound('a protected person needs a work relation to the person')
        : list;
    }
    case 'noActionRecords.read': {
      const f = facts as FactsByAction['noActionRecords.read'];
      const decision = roleDecision(actor, (r) => isCaseworker(r) || isManager(r), f.unitId);
      return decision.allowed ? decision : notFound('not in the unit');
    }
    case 'childrenUnits.list':
    case 'instruments.list':
      return roleDecision(actor, (r) => isCaseworker(r) || isManager(r));
    case 'person.search':
    case 'emergencyAccess.start':
      return personalDataRoleDecision(actor, (r) => isCaseworker(r) || isManager(r));
    case 'person.create':
    case 'cases.listMine':
      return personalDataRoleDecision(actor, isCaseworker);
    case 'accessLog.review': {
      const f = facts as FactsByAction['accessLog.review'];
      return personalDataRoleDecision(actor, isManager, f.unitId);
    }
    case 'emergencyAccess.review': {
      const f = facts as FactsByAction['emergencyAccess.review'];
      const grant = actor.grants.find((g) => isManager(g.role) && f.unitIds.includes(g.unitId));
      if (!grant) return notFound('not a manager of a unit that reviews it');
      if (f.usedByUserId === actor.userId)
        return forbidden('nobody reviews their own emergency access');
      return { allowed: true, role: grant.role, unitId: grant.unitId, via: 'role' };
    }
    case 'admin.manage':
      return roleDecision(actor, (r) => r === 'administrator');
    case 'admin.changeUser': {
      const f = facts as FactsByAction['admin.changeUser'];
      if (f.targetUserId === actor.userId)
        return forbidden('nobody changes their own roles or status');
      return roleDecision(actor, (r) => r === 'administrator');
    }
    case 'auth.unlockLogin': {
      const f = facts as FactsByAction['auth.unlockLogin'];
      if (f.targetUserId === actor.userId) return forbidden('nobody lifts their own login lock');
      const admin = roleDecision(actor, (r) => r === 'administrator');
      if (admin.allowed) return admin;
      const manager = actor.grants.find(
        (g) => isManager(g.role) && f.targetUnitIds.includes(g.unitId),
      );
      return manager
        ? { allowed: true, role: manager.role, unitId: manager.unitId, via: 'role' }
        : forbidden('neither an administrator nor a manager of the user');
    }
    case 'admin.requestChange': {
      const f = facts as FactsByAction['admin.requestChange'];
      if (f.targetUserId === actor.userId)
        return forbidden('nobody asks for changes to their own account');
      return roleDecision(actor, (r) => r === 'administrator');
    }
    case 'admin.approveRequest': {
      const f = facts as FactsByAction['admin.approveRequest'];
      const manager = f.administratorsOnly
        ? undefined
        : f.unitIds.map((unitId) => grantsWith(actor, isManager, unitId)[0]).find(Boolean);
      const admin = grantsWith(actor, (r) => r === 'administrator')[0];
      if (!manager && !admin) return notFound('neither an administrator nor the unit manager');
      if (f.requestedBy === actor.userId) return forbidden('nobody approves their own request');
      if (f.targetUserId === actor.userId)
        return forbidden('nobody approves a request about themselves');
      if (manager)
        return { allowed: true, role: manager.role, unitId: manager.unitId, via: 'unit_manager' };
      return roleDecision(actor, (r) => r === 'administrator');
    }
    case 'admin.withdrawRequest': {
      const f = facts as FactsByAction['admin.withdrawRequest'];
      const decision = roleDecision(actor, (r) => r === 'administrator');
      if (decision.allowed && f.requestedBy !== actor.userId)
        return forbidden('only the one who asked withdraws a request');
      return decision;
    }
    case 'admin.listUnitRequests': {
      const f = facts as FactsByAction['admin.listUnitRequests'];
      return roleDecision(actor, isManager, f.unitId);
    }
    default:
      return forbidden('unknown action');
  }
}
