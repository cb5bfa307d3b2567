import { z } from 'zod';
import { roles } from '../policy/roles.ts';
import { defineContract } from './contract.ts';

/** The shortest password a user may choose. */
export const MIN_PASSWORD_LENGTH = 12;

/**
 * The server notes a session's activity at most this often (every request would make each read
 * a write), so its idle clock may have started up to this long before the last answer: a minute,
 * but never more than a quarter of the idle timeout, so a session used more often than its idle
 * timeout never ends for idleness. The page counts its timeout warning from that much earlier.
 */
export function sessionTouchIntervalMs(idleTimeoutMs: number): number {
  return Math.min(60_000, Math.floor(idleTimeoutMs / 4));
}

export const SessionStage = z.enum(['second_factor', 'enrollment', 'active']);
export type SessionStage = z.infer<typeof SessionStage>;

export const Grant = z.object({
  unitId: z.uuid(),
  unitName: z.string(),
  role: z.enum(roles),
});
export type Grant = z.infer<typeof Grant>;

/** What the signed-in user may do in general; record-level abilities travel with each record. */
export const Abilities = z.object({
  searchPersons: z.boolean(),
  createPersons: z.boolean(),
  listMyCases: z.boolean(),
  requestEmergencyAccess: z.boolean(),
  reviewAccessLog: z.boolean(),
  administer: z.boolean(),
});
export type Abilities = z.infer<typeof Abilities>;

export const SessionInfo = z.object({
  stage: SessionStage,
  user: z.object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    grants: z.array(Grant),
  }),
  abilities: Abilities,
  /** Sent back in the x-csrf-token header of every state-changing request. */
  csrfToken: z.string(),
  idleTimeoutSeconds: z.number().int(),
  expiresAt: z.iso.datetime(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;

export const login = defineContract({
  method: 'POST',
  path: '/api/auth/login',
  body: z.strictObject({
    username: z.string().trim().min(1, 'Fyll i användarnamn.').max(64),
    password: z.string().min(1, 'Fyll i lösenord.').max(256),
  }),
  response: SessionInfo,
});

export const secondFactor = defineContract({
  method: 'POST',
  path: '/api/auth/second-factor',
  body: z.strictObject({
    code: z
      .string()
      .trim()
      .regex(/^\d{6}$/, 'Koden har sex siffror.'),
  }),
  response: SessionInfo,
});

export const getEnrollment = defineContract({
  method: 'GET',
  path: '/api/auth/enrollment',
  response: z.object({
    mustChangePassword: z.boolean(),
    /** A new authenticator secret to store, when the user has none yet. */
    totp: z.object({ secret: z.string(), uri: z.string() }).nullable(),
  }),
});

export const completeEnrollment = defineContract({
  method: 'POST',
  path: '/api/auth/enrollment',
  body: z.strictObject({
    newPassword: z.string().max(256).optional(),
    code: z
      .string()
      .trim()
      .regex(/^\d{6}$/, 'Koden har sex siffror.')
      .optional(),
  }),
  response: SessionInfo,
});

export const getSession = defineContract({
  method: 'GET',
  path: '/api/session',
  response: SessionInfo,
});

export const logout = defineContract({
  method: 'POST',
  path: '/api/auth/logout',
  response: z.object({ loggedOut: z.literal(true) }),
});

/**
 * Lifts a login lock (too many failed attempts) on another user's account: an administrator, or
 * the manager of a unit where the user holds a role. The user's password and second factor stay
 * as they are, so this gives the one who does it no way in.
 */
export const unlockLogin = defineContract({
  method: 'POST',
  path: '/api/users/:userId/login-unlock',
  params: z.strictObject({ userId: z.uuid() }),
  response: z.object({
    /** How many failed attempts stopped counting; 0 if the account was not locked. */
    clearedFailures: z.number().int(),
  }),
});
