import type { FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import type { Abilities, SessionInfo } from '../../../core/contracts/auth.ts';
import { can } from '../../../core/policy/policy.ts';
import { recordAudit } from '../../audit/audit.ts';
import type { AuditContext } from '../../audit/audit.ts';
import type { AppConfig } from '../../config.ts';
import { SecretBoxError, openSecret, sealSecret, totpContext } from '../../crypto/secret-box.ts';
import type { Db, Trx } from '../../db/database.ts';
import type { SessionStage } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { actorOf, auditContext, enforce, requireActor } from '../../http/context.ts';
import {
  MIN_PASSWORD_LENGTH,
  dummyHash,
  hashPassword,
  verifyPassword,
} from '../../accounts/passwords.ts';
import {
  clearFailures,
  markAttemptSucceeded,
  reserveAttempt,
} from '../../accounts/login-limits.ts';
import type { Reservation } from '../../accounts/login-limits.ts';
import { createSession, endAllSessions, endSession } from '../../accounts/sessions.ts';
import type { LoadedSession } from '../../accounts/sessions.ts';
import { newTotpSecret, totpUri, verifyTotp } from '../../accounts/totp.ts';
import type { ServiceDeps } from '../../service-deps.ts';

interface Caller {
  ip: string;
  correlationId: string;
}

export function abilitiesOf(session: LoadedSession): Abilities {
  const actor = actorOf(session);
  return {
    searchPersons: can(actor, 'person.search', {}).allowed,
    createPersons: can(actor, 'person.create', {}).allowed,
    listMyCases: can(actor, 'cases.listMine', {}).allowed,
    requestEmergencyAccess: can(actor, 'emergencyAccess.start', {}).allowed,
    reviewAccessLog: actor.grants.some(
      (g) => can(actor, 'accessLog.review', { unitId: g.unitId }).allowed,
    ),
    administer: can(actor, 'admin.manage', {}).allowed,
  };
}

export function sessionInfo(session: LoadedSession, config: AppConfig): SessionInfo {
  const active = session.stage === 'active';
  return {
    stage: session.stage,
    user: {
      id: session.userId,
      username: session.username,
      displayName: session.displayName,
      grants: active ? session.grants : [],
    },
    abilities: active
      ? abilitiesOf(session)
      : {
          searchPersons: false,
          createPersons: false,
          listMyCases: false,
          requestEmergencyAccess: false,
          reviewAccessLog: false,
          administer: false,
        },
    csrfToken: session.csrfToken,
    idleTimeoutSeconds: Math.round(config.sessionIdleMs / 1000),
    expiresAt: session.expiresAt.toISOString(),
  };
}

function auditCtx(userId: string | null, caller: Caller): AuditContext {
  return { actorUserId: userId, role: null, unitId: null, correlationId: caller.correlationId };
}

/**
 * Audits a failure in its own transaction (the caller's work is not committed) and refuses. The
 * attempt itself was counted as failed before the password or code was checked.
 */
async function refuse(
  deps: ServiceDeps,
  input: {
    userId: string | null;
    caller: Caller;
    reason: string;
    reservation: Reservation;
  },
  code: 'INVALID_CREDENTIALS' | 'SECOND_FACTOR_INVALID',
): Promise<never> {
  await deps.db.transaction().execute(async (trx) => {
    await recordAudit(trx, auditCtx(input.userId, input.caller), {
      action: 'auth.login_failed',
      purpose: 'own_account',
      details: {
        reason: input.reason,
        // Loggkontroll shows when a user's login became locked, and where.
        ...(input.reservation.lockedIfFailed ? { locked: input.reservation.lockedIfFailed } : {}),
      },
    });
  });
  throw new AppError(code);
}

function stageAfterPassword(user: {
  must_change_password: boolean;
  totp_required: boolean;
  totp_secret: string | null;
}): SessionStage {
  if (user.must_change_password || (user.totp_required && !user.totp_secret)) return 'enrollment';
  return user.totp_required ? 'second_factor' : 'active';
}

export async function login(
  deps: ServiceDeps,
  input: { username: string; password: string },
  caller: Caller,
): Promise<{ token: string; stage: SessionStage }> {
  const username = input.username.trim().toLowerCase();
  const now = deps.clock();
  // Counted before the password is checked: parallel guesses cannot outrun the limit.
  const reservation = await reserveAttempt(deps.db, { username, ip: caller.ip, now });

  const user = await deps.db
    .selectFrom('app_user')
    .select([
      'id',
      'password_hash',
      'disabled_at',
      'must_change_password',
      'totp_required',
      'totp_secret',
    ])
    .where('username', '=', username)
    .executeTakeFirst();
  const passwordOk = await verifyPassword(
    user?.password_hash ?? (await dummyHash()),
    input.password,
  );
  if (!user || !passwordOk || user.disabled_at !== null) {
    return refuse(
      deps,
      {
        userId: user?.id ?? null,
        caller,
        reservation,
        reason: !user ? 'unknown_user' : !passwordOk ? 'password' : 'disabled',
      },
      'INVALID_CREDENTIALS',
    );
  }

  const stage = stageAfterPassword(user);
  return deps.db.transaction().execute(async (trx) => {
    await markAttemptSucceeded(trx, reservation.attemptId);
    const { token } = await createSession(trx, {
      userId: user.id,
      stage,
      now,
      maxMs: deps.config.sessionMaxMs,
    });
    if (stage === 'active') {
      await recordAudit(trx, auditCtx(user.id, caller), {
        action: 'auth.login',
        purpose: 'own_account',
      });
    }
    return { token, stage };
  });
}

/** Ends the half-finished session and opens a fully logged-in one under a new id. */
async function promote(
  trx: Trx,
  deps: ServiceDeps,
  session: LoadedSession,
  caller: Caller,
  now: Date,
) {
  // A half-finished session is promoted once: a second request on it finds it ended.
  if (!(await endSession(trx, session.id, 'replaced', now))) throw new AppError('UNAUTHENTICATED');
  const { token } = await createSession(trx, {
    userId: session.userId,
    stage: 'active',
    now,
    // The absolute limit counts from the password step, not from the second factor.
    maxMs: session.expiresAt.getTime() - now.getTime(),
  });
  await recordAudit(trx, auditCtx(session.userId, caller), {
    action: 'auth.login',
    purpose: 'own_account',
  });
  return token;
}

export async function completeSecondFactor(
  deps: ServiceDeps,
  session: LoadedSession,
  code: string,
  caller: Caller,
): Promise<{ token: string }> {
  if (session.stage !== 'second_factor') throw new AppError('LOGIN_INCOMPLETE');
  const now = deps.clock();
  const reservation = await reserveAttempt(deps.db, {
    username: session.username,
    ip: caller.ip,
    now,
  });
  const user = await deps.db
    .selectFrom('app_user')
    .select(['totp_secret'])
    .where('id', '=', session.userId)
    .executeTakeFirstOrThrow();
  const secret = user.totp_secret ? openTotpSecret(deps, user.totp_secret, session.userId) : null;
  const step = secret ? verifyTotp(secret, code, now) : undefined;
  const refusal = { userId: session.userId, caller, reason: 'second_factor', reservation };
  if (step === undefined) return refuse(deps, refusal, 'SECOND_FACTOR_INVALID');
  const token = await deps.db.transaction().execute(async (trx) => {
    // A code is used once: only the request that moves the last used step forward gets in, however
    // many sessions send the same code at once (the row lock orders them; the others see the step).
    const accepted = await trx
      .updateTable('app_user')
      .set({ totp_last_step: step })
      .where('id', '=', session.userId)
      .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
      .returning('id')
      .executeTakeFirst();
    if (!accepted) return undefined;
    await markAttemptSucceeded(trx, reservation.attemptId);
    return promote(trx, deps, session, caller, now);
  });
  if (token === undefined) return refuse(deps, refusal, 'SECOND_FACTOR_INVALID');
  return { token };
}

const sealTotpSecret = (deps: ServiceDeps, secret: string, userId: string) =>
  sealSecret(deps.config.secretKey, secret, totpContext(userId));

/**
 * A stored seed in plain text, or null if it does not open: altered, or sealed under another key
 * (start-up refuses a key that opens none of them, see stored-secrets.ts), which then counts as
 * a wrong code rather than a server error.
 */
function openTotpSecret(deps: ServiceDeps, sealed: string, userId: string): string | null {
  try {
    return openSecret(deps.config.secretKey, sealed, totpContext(userId));
  } catch (error) {
    if (error instanceof SecretBoxError) return null;
    throw error;
  }
}

async function enrollmentNeeds(db: Db, userId: string) {
  const user = await db
    .selectFrom('app_user')
    .select(['must_change_password', 'totp_required', 'totp_secret', 'username'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  return { ...user, needsTotp: user.totp_required && !user.totp_secret };
}

export async function getEnrollment(deps: ServiceDeps, session: LoadedSession) {
  if (session.stage !== 'enrollment') throw new AppError('LOGIN_INCOMPLETE');
  const needs = await enrollmentNeeds(deps.db, session.userId);
  let secret = session.pendingTotpSecret
    ? openTotpSecret(deps, session.pendingTotpSecret, session.userId)
    : null;
  if (needs.needsTotp && !secret) {
    secret = newTotpSecret();
    await deps.db
      .updateTable('session')
      .set({ pending_totp_secret: sealTotpSecret(deps, secret, session.userId) })
      .where('id', '=', session.id)
      .execute();
  }
  return {
    mustChangePassword: needs.must_change_password,
    totp: needs.needsTotp && secret ? { secret, uri: totpUri(secret, needs.username) } : null,
  };
}

export async function completeEnrollment(
  deps: ServiceDeps,
  session: LoadedSession,
  input: { newPassword?: string | undefined; code?: string | undefined },
  caller: Caller,
): Promise<{ token: string }> {
  if (session.stage !== 'enrollment') throw new AppError('LOGIN_INCOMPLETE');
  const now = deps.clock();
  const needs = await enrollmentNeeds(deps.db, session.userId);
  const fields: { path: string; message: string }[] = [];

  let passwordHash: string | undefined;
  if (needs.must_change_password) {
    const password = input.newPassword ?? '';
    if (password.length < MIN_PASSWORD_LENGTH) {
      fields.push({
        path: 'body.newPassword',
        message: `Lösenordet ska ha minst ${MIN_PASSWORD_LENGTH} tecken.`,
      });
    } else if (password.toLowerCase().includes(needs.username)) {
      fields.push({
        path: 'body.newPassword',
        message: 'Lösenordet får inte innehålla ditt användarnamn.',
      });
    } else {
      passwordHash = await hashPassword(password);
    }
  }
  let step: number | undefined;
  if (needs.needsTotp) {
    const secret = session.pendingTotpSecret
      ? openTotpSecret(deps, session.pendingTotpSecret, session.userId)
      : null;
    step = secret && input.code ? verifyTotp(secret, input.code, now) : undefined;
    if (step === undefined) {
      fields.push({
        path: 'body.code',
        message: 'Koden stämmer inte. Skriv koden som appen visar just nu.',
      });
    }
  }
  if (fields.length > 0) throw new AppError('VALIDATION', { fields });

  const token = await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('app_user')
      .set({
        ...(passwordHash ? { password_hash: passwordHash, must_change_password: false } : {}),
        ...(step !== undefined
          ? // Sealed for this user already: the pending seed moves as it is.
            { totp_secret: session.pendingTotpSecret, totp_last_step: step }
          : {}),
        version: sql`version + 1`,
      })
      .where('id', '=', session.userId)
      .execute();
    return promote(trx, deps, session, caller, now);
  });
  return { token };
}

export async function logout(deps: ServiceDeps, session: LoadedSession, caller: Caller) {
  const now = deps.clock();
  await deps.db.transaction().execute(async (trx) => {
    await endAllSessions(trx, session.userId, 'logout', now);
    await recordAudit(trx, auditCtx(session.userId, caller), {
      action: 'auth.logout',
      purpose: 'own_account',
    });
  });
}

/**
 * Lifts a login lock on another user's account, for an administrator or the manager of one of the
 * user's units. The failures stay recorded, marked cleared; the act is audited.
 */
export async function unlockLogin(
  deps: ServiceDeps,
  request: FastifyRequest,
  userId: string,
): Promise<{ clearedFailures: number }> {
  const actor = requireActor(request);
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    const target = await trx
      .selectFrom('app_user')
      .select((eb) => [
        'id',
        eb
          .selectFrom('user_role')
          .select(sql<string[]>`coalesce(array_agg(distinct unit_id), '{}')`.as('units'))
          .whereRef('user_role.user_id', '=', 'app_user.id')
          .as('unitIds'),
      ])
      .where('id', '=', userId)
      .executeTakeFirst();
    if (!target) {
      // Only those who may unlock someone learn whether an id is a user.
      enforce(can(actor, 'auth.unlockLogin', { targetUserId: userId, targetUnitIds: [] }));
      throw new AppError('NOT_FOUND');
    }
    const decision = enforce(
      can(actor, 'auth.unlockLogin', { targetUserId: userId, targetUnitIds: target.unitIds ?? [] }),
    );
    const clearedFailures = await clearFailures(trx, userId, now);
    await recordAudit(trx, auditContext(request, decision), {
      action: 'auth.login_unlock',
      purpose: 'administration',
      details: { userId, clearedFailures },
    });
    return { clearedFailures };
  });
}
