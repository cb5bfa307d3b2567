import { createHash, randomBytes } from 'node:crypto';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Db, Trx } from '../db/database.ts';
import type { SessionEndReason, SessionStage } from '../db/schema.ts';
import type { Grant } from '../../core/contracts/auth.ts';

/**
 * Server-side sessions. The cookie holds a random token; the database holds only its SHA-256, so
 * a copy of the session table cannot be used to log in. A session in stage `second_factor` or
 * `enrollment` can do nothing but finish logging in.
 */

export interface LoadedSession {
  id: string;
  userId: string;
  username: string;
  displayName: string;
  stage: SessionStage;
  csrfToken: string;
  pendingTotpSecret: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  grants: Grant[];
}

export function sessionCookieName(secure: boolean): string {
  // __Host- binds the cookie to this exact origin over https; browsers refuse it over http.
  return secure ? '__Host-varn_session' : 'varn_session';
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const randomToken = () => randomBytes(32).toString('base64url');

export async function createSession(
  trx: Trx,
  input: { userId: string; stage: SessionStage; now: Date; maxMs: number },
): Promise<{ token: string; id: string }> {
  const token = randomToken();
  const id = hashToken(token);
  await trx
    .insertInto('session')
    .values({
      id,
      user_id: input.userId,
      stage: input.stage,
      csrf_token: randomToken(),
      pending_totp_secret: null,
      created_at: input.now,
      last_seen_at: input.now,
      expires_at: new Date(input.now.getTime() + input.maxMs),
      ended_at: null,
      ended_reason: null,
    })
    .execute();
  return { token, id };
}

/** An open session by its cookie token, with its user's grants; undefined if none. */
export async function findOpenSession(
  db: Db | Trx,
  token: string,
): Promise<LoadedSession | undefined> {
  // One round trip for the session and its grants: this runs before every API request.
  const row = await db
    .selectFrom('session')
    .innerJoin('app_user', 'app_user.id', 'session.user_id')
    .select((eb) => [
      'session.id',
      'session.user_id',
      'session.stage',
      'session.csrf_token',
      'session.pending_totp_secret',
      'session.created_at',
      'session.last_seen_at',
      'session.expires_at',
      'app_user.username',
      'app_user.display_name',
      jsonArrayFrom(
        eb
          .selectFrom('user_role')
          .innerJoin('unit', 'unit.id', 'user_role.unit_id')
          .select(['user_role.unit_id', 'unit.name', 'user_role.role'])
          .whereRef('user_role.user_id', '=', 'session.user_id')
          .orderBy('unit.name')
          .orderBy('user_role.role'),
      ).as('grants'),
    ])
    .where('session.id', '=', hashToken(token))
    .where('session.ended_at', 'is', null)
    .where('app_user.disabled_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  const grants = row.grants;
  return {
    id: row.id,
    userId: row.user_id,
    username: row.username,
    displayName: row.display_name,
    stage: row.stage,
    csrfToken: row.csrf_token,
    pendingTotpSecret: row.pending_totp_secret,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    expiresAt: row.expires_at,
    grants: grants.map((g) => ({ unitId: g.unit_id, unitName: g.name, role: g.role })),
  };
}

/** Ends an open session; false if it had already ended. */
export async function endSession(
  db: Db | Trx,
  id: string,
  reason: SessionEndReason,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('session')
    .set({ ended_at: now, ended_reason: reason })
    .where('id', '=', id)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Logout and disabling a user both end every session the user has, at once. */
export async function endAllSessions(
  db: Db | Trx,
  userId: string,
  reason: SessionEndReason,
  now: Date,
) {
  await db
    .updateTable('session')
    .set({ ended_at: now, ended_reason: reason })
    .where('user_id', '=', userId)
    .where('ended_at', 'is', null)
    .execute();
}

export async function touchSession(db: Db, id: string, now: Date) {
  await db.updateTable('session').set({ last_seen_at: now }).where('id', '=', id).execute();
}
