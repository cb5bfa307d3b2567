import { forbidden, notFound } from './decision.ts';
import type { Actor, Allowed, CaseFacts, Decision, PersonFacts, Via } from './decision.ts';
import { caseworkerRoles } from './roles.ts';
import type { Role } from './roles.ts';

/**
 * The work relations the rules are built from: to a case, to a person, through a role. Deny by
 * default — each returns a relation only where one exists.
 */

export function grantsWith(actor: Actor, accept: (role: Role) => boolean, unitId?: string) {
  return actor.grants.filter(
    (g) => accept(g.role) && (unitId === undefined || g.unitId === unitId),
  );
}

export const isCaseworker = (role: Role) => caseworkerRoles.has(role);
export const isManager = (role: Role) => role === 'unit_manager';
export const isCaseworkerOrManager = (role: Role) => isCaseworker(role) || isManager(role);
export const isAdministrator = (role: Role) => role === 'administrator';

/** The work relation to one case, if any: the strongest basis first. */
export function caseRelation(actor: Actor, c: CaseFacts): Allowed | undefined {
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
  planned_handover: 5,
  period_ended: 6,
};

/** A work relation to the person through one of their cases, or a running emergency access. */
export function personRead(actor: Actor, person: PersonFacts, now: Date): Decision {
  const relations = person.cases
    .map((c) => caseRelation(actor, c))
    .filter((d): d is Allowed => d !== undefined)
    .sort((a, b) => viaStrength[a.via] - viaStrength[b.via]);
  if (relations[0]) return relations[0];

  if (person.emergencyAccessUntil && person.emergencyAccessUntil > now) {
    const grant = grantsWith(actor, isCaseworkerOrManager)[0];
    if (grant)
      return { allowed: true, role: grant.role, unitId: grant.unitId, via: 'emergency_access' };
  }
  return notFound('no work relation to the person');
}

export function roleDecision(
  actor: Actor,
  accept: (role: Role) => boolean,
  unitId?: string,
): Decision {
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
export function personalDataRoleDecision(
  actor: Actor,
  accept: (role: Role) => boolean,
  unitId?: string,
): Decision {
  if (grantsWith(actor, accept).length === 0) return notFound('no role of the actor uses this');
  return roleDecision(actor, accept, unitId);
}
