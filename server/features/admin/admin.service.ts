import { randomInt } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import type { AdminUser, Unit } from '../../../core/contracts/admin.ts';
import { can } from '../../../core/policy/policy.ts';
import type { Role } from '../../../core/policy/roles.ts';
import { recordAudit } from '../../audit/audit.ts';
import type { AppConfig } from '../../config.ts';
import type { Db, Trx } from '../../db/database.ts';
import type { UnitKind } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { auditContext, enforce, requireActor } from '../../http/context.ts';
import { clearFailures } from '../auth/login-limits.ts';
import { hashPassword } from '../auth/passwords.ts';
import { endAllSessions } from '../auth/sessions.ts';

/**
 * Administration of units, users and roles. It never touches persons or cases: an administrator
 * cannot read case content by virtue of the role. Nobody changes their own roles or status.
 */
export interface AdminDeps {
  db: Db;
  config: AppConfig;
  clock: () => Date;
}

const UNIQUE_VIOLATION = '23505';
const isUniqueViolation = (error: unknown) =>
  (error as { code?: string }).code === UNIQUE_VIOLATION;

export async function listUnits(
  deps: AdminDeps,
  request: FastifyRequest,
): Promise<{ items: Unit[] }> {
  enforce(can(requireActor(request), 'admin.manage', {}));
  const rows = await deps.db
    .selectFrom('unit')
    .select(['id', 'name', 'kind'])
    .orderBy('name')
    .execute();
  return { items: rows };
}

export async function createUnit(
  deps: AdminDeps,
  request: FastifyRequest,
  body: { name: string; kind: UnitKind },
): Promise<Unit> {
  const decision = enforce(can(requireActor(request), 'admin.manage', {}));
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const unit = await trx
        .insertInto('unit')
        .values(body)
        .returning(['id', 'name', 'kind'])
        .executeTakeFirstOrThrow();
      await recordAudit(trx, auditContext(request, decision), {
        action: 'admin.unit.create',
        purpose: 'administration',
        details: { unitId: unit.id },
      });
      return unit;
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

export async function listUsers(deps: AdminDeps, request: FastifyRequest) {
  enforce(can(requireActor(request), 'admin.manage', {}));
  return { items: await loadAdminUsers(deps.db) };
}

/** Easy to read aloud and type: no 0/O or 1/l/I. */
const passwordAlphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
function initialPassword(): string {
  const groups = Array.from({ length: 4 }, () =>
    Array.from({ length: 4 }, () => passwordAlphabet[randomInt(passwordAlphabet.length)]).join(''),
  );
  return groups.join('-');
}

export async function createUser(
  deps: AdminDeps,
  request: FastifyRequest,
  body: { username: string; displayName: string },
): Promise<{ user: AdminUser; initialPassword: string }> {
  const decision = enforce(can(requireActor(request), 'admin.manage', {}));
  const password = initialPassword();
  const passwordHash = await hashPassword(password);
  try {
    return await deps.db.transaction().execute(async (trx) => {
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
      await recordAudit(trx, auditContext(request, decision), {
        action: 'admin.user.create',
        purpose: 'administration',
        details: { userId: row.id },
      });
      return { user: await loadAdminUser(trx, row.id), initialPassword: password };
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
  deps: AdminDeps,
  request: FastifyRequest,
  userId: string,
  body: { disabled: boolean; version: number },
): Promise<AdminUser> {
  const decision = enforce(
    can(requireActor(request), 'admin.changeUser', { targetUserId: userId }),
  );
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('app_user')
      .set({ disabled_at: body.disabled ? now : null, version: sql`version + 1` })
      .where('id', '=', userId)
      .where('version', '=', body.version)
      .returning('id')
      .executeTakeFirst();
    if (!updated) await refuseStaleOrMissing(trx, userId);
    // A disabled user is out at once: every session ends in the same transaction.
    if (body.disabled) await endAllSessions(trx, userId, 'user_disabled', now);
    await recordAudit(trx, auditContext(request, decision), {
      action: body.disabled ? 'admin.user.disable' : 'admin.user.enable',
      purpose: 'administration',
      details: { userId },
    });
    return loadAdminUser(trx, userId);
  });
}

/**
 * A new one-time password, the second factor to be enrolled again, and every session ended — in
 * one transaction. For a forgotten password or a lost phone; nobody resets their own login.
 */
export async function resetLogin(
  deps: AdminDeps,
  request: FastifyRequest,
  userId: string,
  body: { version: number },
): Promise<{ user: AdminUser; initialPassword: string }> {
  const decision = enforce(
    can(requireActor(request), 'admin.changeUser', { targetUserId: userId }),
  );
  const now = deps.clock();
  const password = initialPassword();
  const passwordHash = await hashPassword(password);
  return deps.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('app_user')
      .set({
        password_hash: passwordHash,
        must_change_password: true,
        totp_secret: null,
        totp_last_step: null,
        version: sql`version + 1`,
      })
      .where('id', '=', userId)
      .where('version', '=', body.version)
      .returning('id')
      .executeTakeFirst();
    if (!updated) await refuseStaleOrMissing(trx, userId);
    await endAllSessions(trx, userId, 'login_reset', now);
    // The new password is a way in: a lock from earlier failures no longer holds.
    await clearFailures(trx, userId, now);
    const user = await loadAdminUser(trx, userId);
    await recordAudit(trx, auditContext(request, decision), {
      action: 'admin.user.login_reset',
      purpose: 'administration',
      details: { userId },
    });
    return { user, initialPassword: password };
  });
}

export async function changeRole(
  deps: AdminDeps,
  request: FastifyRequest,
  change: { userId: string; unitId: string; role: Role; grant: boolean },
): Promise<AdminUser> {
  const actor = requireActor(request);
  const decision = enforce(can(actor, 'admin.changeUser', { targetUserId: change.userId }));
  return deps.db.transaction().execute(async (trx) => {
    const user = await trx
      .selectFrom('app_user')
      .select('id')
      .where('id', '=', change.userId)
      .executeTakeFirst();
    if (!user) throw new AppError('NOT_FOUND');
    if (change.grant) {
      const unit = await trx
        .selectFrom('unit')
        .select('id')
        .where('id', '=', change.unitId)
        .executeTakeFirst();
      if (!unit)
        throw new AppError('VALIDATION', {
          fields: [{ path: 'body.unitId', message: 'Enheten finns inte.' }],
        });
      await trx
        .insertInto('user_role')
        .values({
          user_id: change.userId,
          unit_id: change.unitId,
          role: change.role,
          granted_by: actor.userId,
        })
        .onConflict((oc) => oc.doNothing())
        .execute();
    } else {
      await trx
        .deleteFrom('user_role')
        .where('user_id', '=', change.userId)
        .where('unit_id', '=', change.unitId)
        .where('role', '=', change.role)
        .execute();
    }
    await recordAudit(trx, auditContext(request, decision), {
      action: change.grant ? 'admin.role.grant' : 'admin.role.revoke',
      purpose: 'administration',
      details: { userId: change.userId, unitId: change.unitId, role: change.role },
    });
    return loadAdminUser(trx, change.userId);
  });
}
