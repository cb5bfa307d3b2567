import type { ActionContext } from '../../http/action-context.ts';
import { randomBytes, randomInt } from 'node:crypto';
import { sql } from 'kysely';
import type { AdminRequest } from '../../../core/contracts/admin.ts';
import type { Actor } from '../../../core/policy/policy.ts';
import { can } from '../../../core/policy/policy.ts';
import type { Role } from '../../../core/policy/roles.ts';
import { execute } from '../../command.ts';
import type { AuditPart } from '../../command.ts';
import type { Db, Trx } from '../../db/database.ts';
import { isUniqueViolation } from '../../db/versions.ts';
import type { AdminRequestKind, UserNoticeKind } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { enforce } from '../../http/context.ts';
import { hashPassword } from '../../accounts/passwords.ts';
import { clearFailures } from '../../accounts/login-limits.ts';
import { endAllSessions } from '../../accounts/sessions.ts';
import type { ServiceDeps } from '../../service-deps.ts';

/**
 * The two-person rule. A change that gives power over an account — a role, a one-time password —
 * is a request; a second person (another administrator, or the manager of a unit it concerns)
 * approves it, and the change is made in the approving transaction. The one who asked never
 * sees a one-time password: it is generated on approval and returned to the approver only.
 */

/** Easy to read aloud and type: no 0/O or 1/l/I. */
const passwordAlphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
function initialPassword(): string {
  const groups = Array.from({ length: 4 }, () =>
    Array.from({ length: 4 }, () => passwordAlphabet[randomInt(passwordAlphabet.length)]).join(''),
  );
  return groups.join('-');
}

/** A password hash nobody knows the password of: an account that cannot log in yet. */
export function unusablePasswordHash(): Promise<string> {
  return hashPassword(randomBytes(32).toString('base64url'));
}

const PENDING_INDEX = 'admin_request_one_pending';
/** Asking for a change already waiting: the unique index on pending requests refused it. */
export function isDuplicatePending(error: unknown) {
  return isUniqueViolation(error, PENDING_INDEX);
}

export async function addNotice(
  trx: Trx,
  notice: {
    userId: string;
    kind: UserNoticeKind;
    requestId?: string | null;
    unitId?: string | null;
    role?: Role | null;
    actorUserId: string | null;
  },
) {
  await trx
    .insertInto('user_notice')
    .values({
      user_id: notice.userId,
      kind: notice.kind,
      request_id: notice.requestId ?? null,
      unit_id: notice.unitId ?? null,
      role: notice.role ?? null,
      actor_user_id: notice.actorUserId,
      read_at: null,
    })
    .execute();
}

function requestQuery(db: Db | Trx) {
  return db
    .selectFrom('admin_request as r')
    .innerJoin('app_user as target', 'target.id', 'r.target_user_id')
    .innerJoin('app_user as requester', 'requester.id', 'r.requested_by')
    .leftJoin('app_user as decider', 'decider.id', 'r.decided_by')
    .leftJoin('unit', 'unit.id', 'r.unit_id')
    .select([
      'r.id',
      'r.kind',
      'r.target_user_id',
      'target.display_name as target_name',
      'target.username as target_username',
      'r.unit_id',
      'unit.name as unit_name',
      'r.role',
      'r.requested_by',
      'requester.display_name as requester_name',
      'r.requested_at',
      'r.status',
      'r.decided_by',
      'decider.display_name as decider_name',
      'r.decided_at',
      'r.decision_note',
      'r.version',
    ]);
}
type RequestRow = Awaited<ReturnType<ReturnType<typeof requestQuery>['execute']>>[number];

/** What the policy needs to decide on a request: whom it concerns and which units. */
interface RequestFacts {
  requestedBy: string;
  targetUserId: string;
  unitIds: string[];
  administratorsOnly: boolean;
}

async function factsOf(db: Db | Trx, rows: readonly RequestRow[]) {
  const targets = [...new Set(rows.map((r) => r.target_user_id))];
  const grants =
    targets.length === 0
      ? []
      : await db
          .selectFrom('user_role')
          .select(['user_id', 'unit_id', 'role'])
          .where('user_id', 'in', targets)
          .execute();
  const grantsOf = Map.groupBy(grants, (g) => g.user_id);
  return new Map(
    rows.map((r): [string, RequestFacts] => {
      const held = grantsOf.get(r.target_user_id) ?? [];
      // A role concerns its unit; a login concerns every unit where the user holds a role.
      const unitIds =
        r.kind === 'role_grant' && r.unit_id
          ? [r.unit_id]
          : [...new Set(held.map((g) => g.unit_id))];
      // Power over an administrator's account is for administrators to check, not a unit manager.
      const administratorsOnly =
        r.kind === 'role_grant'
          ? r.role === 'administrator'
          : held.some((g) => g.role === 'administrator');
      return [
        r.id,
        {
          requestedBy: r.requested_by,
          targetUserId: r.target_user_id,
          unitIds,
          administratorsOnly,
        },
      ];
    }),
  );
}

function toRequest(actor: Actor, r: RequestRow, facts: RequestFacts): AdminRequest {
  const pending = r.status === 'pending';
  return {
    id: r.id,
    kind: r.kind,
    targetUser: { id: r.target_user_id, displayName: r.target_name, username: r.target_username },
    unit: r.unit_id && r.unit_name ? { id: r.unit_id, name: r.unit_name } : null,
    role: r.role,
    requestedBy: { id: r.requested_by, displayName: r.requester_name },
    requestedAt: r.requested_at.toISOString(),
    status: r.status,
    decidedBy:
      r.decided_by && r.decider_name ? { id: r.decided_by, displayName: r.decider_name } : null,
    decidedAt: r.decided_at?.toISOString() ?? null,
    decisionNote: r.decision_note,
    version: r.version,
    abilities: {
      decide: pending && can(actor, 'admin.approveRequest', facts).allowed,
      withdraw:
        pending && can(actor, 'admin.withdrawRequest', { requestedBy: r.requested_by }).allowed,
    },
  };
}

async function toRequests(db: Db | Trx, actor: Actor, rows: readonly RequestRow[]) {
  const facts = await factsOf(db, rows);
  return rows.map((r) => {
    const f = facts.get(r.id);
    if (!f) throw new Error('request facts missing');
    return toRequest(actor, r, f);
  });
}

async function loadRequest(db: Db | Trx, actor: Actor, requestId: string) {
  const row = await requestQuery(db).where('r.id', '=', requestId).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  const [request] = await toRequests(db, actor, [row]);
  if (!request) throw new AppError('NOT_FOUND');
  return request;
}

/** Pending first (oldest first, so nothing waits forever), then the latest decided. */
const DECIDED_SHOWN = 50;

export async function listRequests(deps: ServiceDeps, ctx: ActionContext) {
  const actor = ctx.actor;
  enforce(can(actor, 'admin.manage', {}));
  const pending = await requestQuery(deps.db)
    .where('r.status', '=', 'pending')
    .orderBy('r.requested_at')
    .execute();
  const decided = await requestQuery(deps.db)
    .where('r.status', '<>', 'pending')
    .orderBy('r.decided_at', 'desc')
    .limit(DECIDED_SHOWN)
    .execute();
  return { items: await toRequests(deps.db, actor, [...pending, ...decided]) };
}

/** For the unit's manager: requests for roles in the unit and for logins of its staff. */
export async function listUnitRequests(deps: ServiceDeps, ctx: ActionContext, unitId: string) {
  const actor = ctx.actor;
  enforce(can(actor, 'admin.listUnitRequests', { unitId }));
  const concerning = () =>
    requestQuery(deps.db).where((eb) =>
      eb.or([
        eb('r.unit_id', '=', unitId),
        eb.and([
          eb('r.kind', '=', 'login_reset'),
          eb('r.target_user_id', 'in', (sub) =>
            sub.selectFrom('user_role').select('user_id').where('unit_id', '=', unitId),
          ),
        ]),
      ]),
    );
  const pending = await concerning()
    .where('r.status', '=', 'pending')
    .orderBy('r.requested_at')
    .execute();
  const decided = await concerning()
    .where('r.status', '<>', 'pending')
    .orderBy('r.decided_at', 'desc')
    .limit(DECIDED_SHOWN)
    .execute();
  return { items: await toRequests(deps.db, actor, [...pending, ...decided]) };
}

/**
 * Files a request inside the caller's command: the row and the notice to the affected user; the
 * request's audit row is returned for the command to write (last). The caller's command has
 * checked `admin.requestChange` (or `admin.manage`) and that the user exists.
 */
export async function fileRequest(
  trx: Trx,
  ctx: ActionContext,
  change: {
    kind: AdminRequestKind;
    targetUserId: string;
    unitId?: string;
    role?: Role;
    /** A brand-new account is not told of its first login: it cannot read notices yet. */
    notify: boolean;
  },
): Promise<{ request: AdminRequest; audit: AuditPart }> {
  const actor = ctx.actor;
  const row = await trx
    .insertInto('admin_request')
    .values({
      kind: change.kind,
      target_user_id: change.targetUserId,
      unit_id: change.unitId ?? null,
      role: change.role ?? null,
      requested_by: actor.userId,
      decided_by: null,
      decided_at: null,
      decision_note: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (change.notify) {
    await addNotice(trx, {
      userId: change.targetUserId,
      kind: change.kind === 'role_grant' ? 'role_requested' : 'login_reset_requested',
      requestId: row.id,
      unitId: change.unitId,
      role: change.role,
      actorUserId: actor.userId,
    });
  }
  const filed = await loadRequest(trx, actor, row.id);
  return {
    request: filed,
    audit: {
      action: 'admin.request.create',
      purpose: 'administration',
      details: {
        requestId: row.id,
        version: filed.version,
        kind: change.kind,
        userId: change.targetUserId,
        unitId: change.unitId ?? null,
        role: change.role ?? null,
      },
    },
  };
}

/** Runs a command that files a request; a second identical pending request is a 409. */
export async function refusingDuplicates<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isDuplicatePending(error)) throw new AppError('REQUEST_PENDING');
    throw error;
  }
}

async function loadForDecision(trx: Trx, requestId: string) {
  const row = await requestQuery(trx).where('r.id', '=', requestId).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  const facts = (await factsOf(trx, [row])).get(row.id);
  if (!facts) throw new AppError('NOT_FOUND');
  return { row, facts };
}

/**
 * Marks a pending request decided — only if it is still pending at the version the decider saw.
 * Two approvals at once, or an approval of a withdrawn request: the second matches no row (409).
 */
async function decide(
  trx: Trx,
  requestId: string,
  change: {
    status: 'approved' | 'rejected' | 'withdrawn';
    by: string;
    at: Date;
    version: number;
    note?: string;
  },
) {
  const updated = await trx
    .updateTable('admin_request')
    .set({
      status: change.status,
      decided_by: change.by,
      decided_at: change.at,
      decision_note: change.note ?? null,
      version: sql`version + 1`,
    })
    .where('id', '=', requestId)
    .where('version', '=', change.version)
    .where('status', '=', 'pending')
    .returning('id')
    .executeTakeFirst();
  if (!updated) throw new AppError('VERSION_CONFLICT');
}

/** What a decided request's rows say: its id and new version, and what it asked for. */
const requestDetails = (row: RequestRow, decided: AdminRequest) => ({
  requestId: row.id,
  version: decided.version,
  kind: row.kind,
  userId: row.target_user_id,
  unitId: row.unit_id,
  role: row.role,
  requestedBy: row.requested_by,
});

export async function approveRequest(
  deps: ServiceDeps,
  ctx: ActionContext,
  requestId: string,
  body: { version: number },
): Promise<{ request: AdminRequest; initialPassword: string | null }> {
  // argon2 is slow: hash before the transaction, for a login request only.
  const kind = await deps.db
    .selectFrom('admin_request')
    .select('kind')
    .where('id', '=', requestId)
    .executeTakeFirst();
  if (!kind) throw new AppError('NOT_FOUND');
  const password = kind.kind === 'login_reset' ? initialPassword() : null;
  const passwordHash = password ? await hashPassword(password) : null;
  const now = ctx.now;
  return execute(deps, ctx, {
    action: 'admin.request.approve',
    load: (trx) => loadForDecision(trx, requestId),
    authorize: (actor, { facts }) => can(actor, 'admin.approveRequest', facts),
    run: async (trx, { row }) => {
      const actor = ctx.actor;
      await decide(trx, requestId, { status: 'approved', by: actor.userId, at: now, ...body });
      if (row.kind === 'role_grant' && row.unit_id && row.role) {
        await trx
          .insertInto('user_role')
          .values({
            user_id: row.target_user_id,
            unit_id: row.unit_id,
            role: row.role,
            granted_by: actor.userId,
          })
          .onConflict((oc) => oc.doNothing())
          .execute();
        await addNotice(trx, {
          userId: row.target_user_id,
          kind: 'role_granted',
          requestId,
          unitId: row.unit_id,
          role: row.role,
          actorUserId: actor.userId,
        });
      } else {
        if (!passwordHash) throw new Error('a login request without a password');
        const everLoggedIn = await trx
          .selectFrom('session')
          .select('id')
          .where('user_id', '=', row.target_user_id)
          .limit(1)
          .executeTakeFirst();
        await trx
          .updateTable('app_user')
          .set({
            password_hash: passwordHash,
            must_change_password: true,
            totp_secret: null,
            totp_last_step: null,
            version: sql`version + 1`,
          })
          .where('id', '=', row.target_user_id)
          .execute();
        await endAllSessions(trx, row.target_user_id, 'login_reset', now);
        // The new password is a way in: a lock from earlier failures no longer holds.
        await clearFailures(trx, row.target_user_id, now);
        await addNotice(trx, {
          userId: row.target_user_id,
          kind: everLoggedIn ? 'login_reset_done' : 'account_created',
          requestId,
          actorUserId: actor.userId,
        });
      }
      const approved = await loadRequest(trx, actor, requestId);
      return {
        result: { request: approved, initialPassword: password },
        audit: [
          { purpose: 'administration', details: requestDetails(row, approved) },
          // The change itself, as it would be recorded had it been made directly.
          {
            action: row.kind === 'role_grant' ? 'admin.role.grant' : 'admin.user.login_reset',
            purpose: 'administration',
            details: {
              userId: row.target_user_id,
              unitId: row.unit_id,
              role: row.role,
              requestId,
            },
          },
        ],
      };
    },
  });
}

export function rejectRequest(
  deps: ServiceDeps,
  ctx: ActionContext,
  requestId: string,
  body: { version: number; note?: string | undefined },
): Promise<AdminRequest> {
  const now = ctx.now;
  return execute(deps, ctx, {
    action: 'admin.request.reject',
    load: (trx) => loadForDecision(trx, requestId),
    authorize: (actor, { facts }) => can(actor, 'admin.approveRequest', facts),
    run: async (trx, { row }) => {
      const actor = ctx.actor;
      await decide(trx, requestId, {
        status: 'rejected',
        by: actor.userId,
        at: now,
        version: body.version,
        note: body.note || undefined,
      });
      await addNotice(trx, {
        userId: row.target_user_id,
        kind: row.kind === 'role_grant' ? 'role_rejected' : 'login_reset_rejected',
        requestId,
        unitId: row.unit_id,
        role: row.role,
        actorUserId: actor.userId,
      });
      const rejected = await loadRequest(trx, actor, requestId);
      return {
        result: rejected,
        audit: { purpose: 'administration', details: requestDetails(row, rejected) },
      };
    },
  });
}

export function withdrawRequest(
  deps: ServiceDeps,
  ctx: ActionContext,
  requestId: string,
  body: { version: number },
): Promise<AdminRequest> {
  const now = ctx.now;
  return execute(deps, ctx, {
    action: 'admin.request.withdraw',
    load: (trx) => loadForDecision(trx, requestId),
    authorize: (actor, { row }) =>
      can(actor, 'admin.withdrawRequest', { requestedBy: row.requested_by }),
    run: async (trx, { row }) => {
      const actor = ctx.actor;
      await decide(trx, requestId, { status: 'withdrawn', by: actor.userId, at: now, ...body });
      await addNotice(trx, {
        userId: row.target_user_id,
        kind: 'request_withdrawn',
        requestId,
        unitId: row.unit_id,
        role: row.role,
        actorUserId: actor.userId,
      });
      const withdrawn = await loadRequest(trx, actor, requestId);
      return {
        result: withdrawn,
        audit: { purpose: 'administration', details: requestDetails(row, withdrawn) },
      };
    },
  });
}
