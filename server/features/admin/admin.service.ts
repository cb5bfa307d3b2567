import type { ActionContext } from '../../http/action-context.ts';
import { sql } from 'kysely';
import type { AdminRequest, AdminUser, Unit } from '../../../core/contracts/admin.ts';
import { can } from '../../../core/policy/policy.ts';
import type { Role } from '../../../core/policy/roles.ts';
import { execute, noFacts } from '../../command.ts';
import type { Db, Trx } from '../../db/database.ts';
import { isUniqueViolation } from '../../db/versions.ts';
import type { UnitKind } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { enforce } from '../../http/context.ts';
import { endAllSessions } from '../../accounts/sessions.ts';
import {
  addNotice,
  fileRequest,
  refusingDuplicates,
  unusablePasswordHash,
} from './admin-requests.service.ts';
import type { ServiceDeps } from '../../service-deps.ts';

export async function listUnits(deps: ServiceDeps, ctx: ActionContext): Promise<{ items: Unit[] }> {
  enforce(can(ctx.actor, 'admin.manage', {}));
  const rows = await deps.db
    .selectFrom('unit')
    .select(['id', 'name', 'kind'])
    .orderBy('name')
    .execute();
  return { items: rows };
}

export async function createUnit(
  deps: ServiceDeps,
  ctx: ActionContext,
  body: { name: string; kind: UnitKind },
): Promise<Unit> {
  try {
    return await execute(deps, ctx, {
      action: 'admin.unit.create',
      load: noFacts,
      authorize: (actor) => can(actor, 'admin.manage', {}),
      run: async (trx) => {
        const unit = await trx
          .insertInto('unit')
          .values(body)
          .returning(['id', 'name', 'kind'])
          .executeTakeFirstOrThrow();
        return {
          result: unit,
          audit: { purpose: 'administration', details: { unitId: unit.id } },
        };
      },
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError('VALIDATION', {
        fields: [{ path: 'body.name', message: 'Det finns redan en enhet med det namnet.' }],
      });
    }
    throw error;
  }
}

async function loadAdminUsers(db: Db | Trx, userIds?: readonly string[]): Promise<AdminUser[]> {
  let q = db
    .selectFrom('app_user')
    .select([
      'id',
      'username',
      'display_name',
      'disabled_at',
      'totp_required',
      'totp_secret',
      'version',
    ])
    .orderBy('display_name');
  if (userIds) q = q.where('id', 'in', [...userIds]);
  const users = await q.execute();
  if (users.length === 0) return [];
  const grants = await db
    .selectFrom('user_role')
    .innerJoin('unit', 'unit.id', 'user_role.unit_id')
    .select(['user_role.user_id', 'user_role.unit_id', 'unit.name', 'user_role.role'])
    .where(
      'user_role.user_id',
      'in',
      users.map((u) => u.id),
    )
    .orderBy('unit.name')
    .execute();
  const grantsOf = Map.groupBy(grants, (g) => g.user_id);
  return users.map((u) => ({
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    disabled: u.disabled_at !== null,
    secondFactor: !u.totp_required ? 'not_required' : u.totp_secret ? 'enrolled' : 'pending',
    grants: (grantsOf.get(u.id) ?? []).map((g) => ({
      unitId: g.unit_id,
      unitName: g.name,
      role: g.role,
    })),
    version: u.version,
  }));
}

async function loadAdminUser(db: Db | Trx, userId: string): Promise<AdminUser> {
  const [user] = await loadAdminUsers(db, [userId]);
  if (!user) throw new AppError('NOT_FOUND');
  return user;
}

export async function listUsers(deps: ServiceDeps, ctx: ActionContext) {
  enforce(can(ctx.actor, 'admin.manage', {}));
  return { items: await loadAdminUsers(deps.db) };
}

/**
 * A new account without a usable login and without roles. Its first one-time password is a
 * request filed in the same transaction: a second person approves it and hands the password
 * over, so the administrator who created the account never holds a way into it.
 */
export async function createUser(
  deps: ServiceDeps,
  ctx: ActionContext,
  body: { username: string; displayName: string },
): Promise<{ user: AdminUser; request: AdminRequest }> {
  // argon2 is slow: hash before the transaction.
  const passwordHash = await unusablePasswordHash();
  try {
    return await execute(deps, ctx, {
      action: 'admin.user.create',
      load: noFacts,
      authorize: (actor) => can(actor, 'admin.manage', {}),
      run: async (trx) => {
        const row = await trx
          .insertInto('app_user')
          .values({
            username: body.username,
            display_name: body.displayName,
            password_hash: passwordHash,
            must_change_password: true,
            totp_required: true,
            totp_secret: null,
            totp_last_step: null,
            disabled_at: null,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const user = await loadAdminUser(trx, row.id);
        const login = await fileRequest(trx, ctx, {
          kind: 'login_reset',
          targetUserId: row.id,
          notify: false,
        });
        return {
          result: { user, request: login.request },
          // The account, then the request for its first login.
          audit: [{ purpose: 'administration', details: { userId: row.id } }, login.audit],
        };
      },
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError('VALIDATION', {
        fields: [{ path: 'body.username', message: 'Användarnamnet är upptaget.' }],
      });
    }
    throw error;
  }
}

/** After an update matched no row: a stale version (409), or no such user (404). */
async function refuseStaleOrMissing(trx: Trx, userId: string): Promise<never> {
  const exists = await trx
    .selectFrom('app_user')
    .select('id')
    .where('id', '=', userId)
    .executeTakeFirst();
  throw new AppError(exists ? 'VERSION_CONFLICT' : 'NOT_FOUND');
}

export async function setUserStatus(
  deps: ServiceDeps,
  ctx: ActionContext,
  userId: string,
  body: { disabled: boolean; version: number },
): Promise<AdminUser> {
  const now = ctx.now;
  return execute(deps, ctx, {
    action: body.disabled ? 'admin.user.disable' : 'admin.user.enable',
    load: noFacts,
    authorize: (actor) => can(actor, 'admin.changeUser', { targetUserId: userId }),
    run: async (trx) => {
      const updated = await trx
        .updateTable('app_user')
        .set({ disabled_at: body.disabled ? now : null, version: sql`version + 1` })
        .where('id', '=', userId)
        .where('version', '=', body.version)
        .returning(['id', 'version'])
        .executeTakeFirst();
      if (!updated) return refuseStaleOrMissing(trx, userId);
      // A disabled user is out at once: every session ends in the same transaction.
      if (body.disabled) await endAllSessions(trx, userId, 'user_disabled', now);
      return {
        result: await loadAdminUser(trx, userId),
        audit: { purpose: 'administration', details: { userId, version: updated.version } },
      };
    },
  });
}

/**
 * Asks for a new one-time password (the second factor enrolled again, every session ended) for
 * a forgotten password or a lost phone. Nothing changes until a second person approves; nobody
 * asks for their own.
 */
export async function resetLogin(
  deps: ServiceDeps,
  ctx: ActionContext,
  userId: string,
  body: { version: number },
): Promise<AdminRequest> {
  return refusingDuplicates(() =>
    execute(deps, ctx, {
      action: 'admin.request.create',
      load: noFacts,
      authorize: (actor) => can(actor, 'admin.requestChange', { targetUserId: userId }),
      run: async (trx) => {
        const user = await trx
          .selectFrom('app_user')
          .select('version')
          .where('id', '=', userId)
          .executeTakeFirst();
        if (!user) throw new AppError('NOT_FOUND');
        if (user.version !== body.version) throw new AppError('VERSION_CONFLICT');
        const filed = await fileRequest(trx, ctx, {
          kind: 'login_reset',
          targetUserId: userId,
          notify: true,
        });
        return { result: filed.request, audit: filed.audit };
      },
    }),
  );
}

/** Asks for a role: given when a second person approves (admin-requests.service.ts). */
export async function requestRole(
  deps: ServiceDeps,
  ctx: ActionContext,
  change: { userId: string; unitId: string; role: Role },
): Promise<AdminRequest> {
  return refusingDuplicates(() =>
    execute(deps, ctx, {
      action: 'admin.request.create',
      load: noFacts,
      authorize: (actor) => can(actor, 'admin.requestChange', { targetUserId: change.userId }),
      run: async (trx) => {
        const user = await trx
          .selectFrom('app_user')
          .select('id')
          .where('id', '=', change.userId)
          .executeTakeFirst();
        if (!user) throw new AppError('NOT_FOUND');
        const unit = await trx
          .selectFrom('unit')
          .select('id')
          .where('id', '=', change.unitId)
          .executeTakeFirst();
        if (!unit)
          throw new AppError('VALIDATION', {
            fields: [{ path: 'body.unitId', message: 'Enheten finns inte.' }],
          });
        const held = await trx
          .selectFrom('user_role')
          .select('role')
          .where('user_id', '=', change.userId)
          .where('unit_id', '=', change.unitId)
          .where('role', '=', change.role)
          .executeTakeFirst();
        if (held)
          throw new AppError('VALIDATION', {
            fields: [{ path: 'body.role', message: 'Användaren har redan rollen i enheten.' }],
          });
        const filed = await fileRequest(trx, ctx, {
          kind: 'role_grant',
          targetUserId: change.userId,
          unitId: change.unitId,
          role: change.role,
          notify: true,
        });
        return { result: filed.request, audit: filed.audit };
      },
    }),
  );
}

/** Takes a role away at once: less power needs no second person. The user is told. */
export async function revokeRole(
  deps: ServiceDeps,
  ctx: ActionContext,
  change: { userId: string; unitId: string; role: Role },
): Promise<AdminUser> {
  return execute(deps, ctx, {
    action: 'admin.role.revoke',
    load: noFacts,
    authorize: (actor) => can(actor, 'admin.changeUser', { targetUserId: change.userId }),
    run: async (trx) => {
      const user = await trx
        .selectFrom('app_user')
        .select('id')
        .where('id', '=', change.userId)
        .executeTakeFirst();
      if (!user) throw new AppError('NOT_FOUND');
      const removed = await trx
        .deleteFrom('user_role')
        .where('user_id', '=', change.userId)
        .where('unit_id', '=', change.unitId)
        .where('role', '=', change.role)
        .returning('role')
        .executeTakeFirst();
      if (removed) {
        await addNotice(trx, {
          userId: change.userId,
          kind: 'role_revoked',
          unitId: change.unitId,
          role: change.role,
          actorUserId: ctx.actor.userId,
        });
      }
      return {
        result: await loadAdminUser(trx, change.userId),
        audit: {
          purpose: 'administration',
          details: { userId: change.userId, unitId: change.unitId, role: change.role },
        },
      };
    },
  });
}
