import { forbidden, notFound } from '../decision.ts';
import type { RulesFor } from '../decision.ts';
import { grantsWith, isAdministrator, isManager, roleDecision } from '../relations.ts';

/** Accounts, roles and the catalogues: administration, and the two-person rule over it. */
export interface AdministrationActions {
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

export const administrationRules = {
  'admin.manage': (actor) => roleDecision(actor, isAdministrator),
  'admin.changeUser': (actor, f) =>
    f.targetUserId === actor.userId
      ? forbidden('nobody changes their own roles or status')
      : roleDecision(actor, isAdministrator),
  'auth.unlockLogin': (actor, f) => {
    if (f.targetUserId === actor.userId) return forbidden('nobody lifts their own login lock');
    const admin = roleDecision(actor, isAdministrator);
    if (admin.allowed) return admin;
    const manager = actor.grants.find(
      (g) => isManager(g.role) && f.targetUnitIds.includes(g.unitId),
    );
    return manager
      ? { allowed: true, role: manager.role, unitId: manager.unitId, via: 'role' }
      : forbidden('neither an administrator nor a manager of the user');
  },
  'admin.requestChange': (actor, f) =>
    f.targetUserId === actor.userId
      ? forbidden('nobody asks for changes to their own account')
      : roleDecision(actor, isAdministrator),
  'admin.approveRequest': (actor, f) => {
    const manager = f.administratorsOnly
      ? undefined
      : f.unitIds.map((unitId) => grantsWith(actor, isManager, unitId)[0]).find(Boolean);
    const admin = grantsWith(actor, isAdministrator)[0];
    if (!manager && !admin) return notFound('neither an administrator nor the unit manager');
    if (f.requestedBy === actor.userId) return forbidden('nobody approves their own request');
    if (f.targetUserId === actor.userId)
      return forbidden('nobody approves a request about themselves');
    if (manager)
      return { allowed: true, role: manager.role, unitId: manager.unitId, via: 'unit_manager' };
    return roleDecision(actor, isAdministrator);
  },
  'admin.withdrawRequest': (actor, f) => {
    const decision = roleDecision(actor, isAdministrator);
    if (decision.allowed && f.requestedBy !== actor.userId)
      return forbidden('only the one who asked withdraws a request');
    return decision;
  },
  'admin.listUnitRequests': (actor, f) => roleDecision(actor, isManager, f.unitId),
} satisfies RulesFor<AdministrationActions>;
