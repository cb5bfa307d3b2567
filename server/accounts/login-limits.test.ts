import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestApp } from '../test/test-app.ts';
import type { TestApp } from '../test/test-app.ts';
import { createUnit, createUser, loginAs } from '../test/factories.ts';
import type { LoggedIn, TestUser } from '../test/factories.ts';
import type { Role } from '../../core/policy/roles.ts';
import {
  LOGIN_WINDOW_MS,
  MAX_FAILURES_PER_ACCOUNT,
  MAX_FAILURES_PER_ACCOUNT_AND_IP,
  MAX_FAILURES_PER_IP,
} from './login-limits.ts';
import { verifyPassword } from './passwords.ts';
import type * as Passwords from './passwords.ts';
import { totpCode, verifyTotp } from './totp.ts';
import type * as Totp from './totp.ts';

// Count every argon2 verification and every TOTP check the server makes; both still do the work.
vi.mock('./passwords.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof Passwords>();
  return { ...actual, verifyPassword: vi.fn(actual.verifyPassword) };
});
vi.mock('./totp.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof Totp>();
  return { ...actual, verifyTotp: vi.fn(actual.verifyTotp) };
});

let now = new Date('2026-12-01T08:00:00Z');
const clock = () => now;
const minutes = (n: number) => n * 60_000;

let t: TestApp;
let unitId: string;
let otherUnitId: string;
let staff: Record<'admin' | 'secondAdmin' | 'manager' | 'otherManager' | 'colleague', TestUser>;
beforeAll(async () => {
  t = await createTestApp({ clock });
  const db = t.database.db;
  unitId = (await createUnit(db)).id;
  otherUnitId = (await createUnit(db)).id;
  const management = (await createUnit(db, { kind: 'management' })).id;
  const withRole = (grantUnit: string, role: Role) =>
    createUser(db, { totp: false, grants: [{ unitId: grantUnit, role }] });
  staff = {
    admin: await withRole(management, 'administrator'),
    secondAdmin: await withRole(management, 'administrator'),
    manager: await withRole(unitId, 'unit_manager'),
    otherManager: await withRole(otherUnitId, 'unit_manager'),
    colleague: await withRole(unitId, 'adult_caseworker'),
  };
});
afterAll(async () => {
  await t.close();
});
beforeEach(() => {
  // Each test starts after the previous one's window, in a fresh TOTP step.
  now = new Date(now.getTime() + LOGIN_WINDOW_MS + minutes(1));
  vi.mocked(verifyPassword).mockClear();
  vi.mocked(verifyTotp).mockClear();
});

const login = (username: string, password: string, ip = '10.0.0.1') =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress: ip,
    payload: { username, password },
  });
const cookieOf = (res: { headers: Record<string, unknown> }) =>
  String(res.headers['set-cookie']).split(';')[0]!;
const errorOf = (res: { json: () => unknown }) =>
  (res.json() as { error: { code: string; message: string } }).error;

const staffSession = (who: keyof typeof staff) => loginAs(t.app, staff[who], now);

const unlock = (userId: string, session: LoggedIn) =>
  t.app.inject({
    method: 'POST',
    url: `/api/users/${userId}/login-unlock`,
    headers: session.headers,
  });

describe('parallel wrong passwords', () => {
  it(`check at most ${MAX_FAILURES_PER_ACCOUNT_AND_IP} passwords of 30 sent at once from one address`, async () => {
    const user = await createUser(t.database.db, { totp: false });
    const answers = await Promise.all(
      Array.from({ length: 30 }, () => login(user.username, 'fel-losenord')),
    );
    const statuses = answers.map((a) => a.statusCode);
    expect(vi.mocked(verifyPassword)).toHaveBeenCalledTimes(MAX_FAILURES_PER_ACCOUNT_AND_IP);
    expect(statuses.filter((s) => s === 401)).toHaveLength(MAX_FAILURES_PER_ACCOUNT_AND_IP);
    expect(statuses.filter((s) => s === 429)).toHaveLength(30 - MAX_FAILURES_PER_ACCOUNT_AND_IP);
    const attempts = await t.database.db
      .selectFrom('login_attempt')
      .select('succeeded')
      .where('username', '=', user.username)
      .execute();
    expect(attempts).toHaveLength(MAX_FAILURES_PER_ACCOUNT_AND_IP);
  });

  it(`check at most ${MAX_FAILURES_PER_ACCOUNT} passwords of 60 sent at once from many addresses`, async () => {
    const user = await createUser(t.database.db, { totp: false });
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) => login(user.username, 'fel-losenord', `10.60.0.${i}`)),
    );
    expect(vi.mocked(verifyPassword)).toHaveBeenCalledTimes(MAX_FAILURES_PER_ACCOUNT);
    expect(answers.filter((a) => a.statusCode === 401)).toHaveLength(MAX_FAILURES_PER_ACCOUNT);
    // The right password from yet another address is refused too: the account is locked.
    const locked = await login(user.username, user.password, '10.60.1.1');
    expect(locked.statusCode).toBe(429);
    expect(errorOf(locked).code).toBe('ACCOUNT_LOCKED');
  });
});

describe('parallel second factors', () => {
  async function halfLoggedIn(user: TestUser, count: number, ip = '10.0.0.2') {
    const sessions = [];
    for (let i = 0; i < count; i++) {
      const res = await login(user.username, user.password, ip);
      expect(res.statusCode).toBe(200);
      sessions.push({ cookie: cookieOf(res), csrf: res.json<{ csrfToken: string }>().csrfToken });
    }
    return sessions;
  }
  const sendCode = (s: { cookie: string; csrf: string }, code: string, ip = '10.0.0.2') =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/second-factor',
      remoteAddress: ip,
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
      payload: { code },
    });

  it('accept one code exactly once when it is sent on several sessions at once', async () => {
    const user = await createUser(t.database.db);
    const sessions = await halfLoggedIn(user, 4);
    const code = totpCode(user.totpSecret!, now);
    const answers = await Promise.all(sessions.map((s) => sendCode(s, code)));
    const statuses = answers.map((a) => a.statusCode).sort();
    expect(statuses).toEqual([200, 401, 401, 401]);
    const active = await t.database.db
      .selectFrom('session')
      .select('id')
      .where('user_id', '=', user.id)
      .where('stage', '=', 'active')
      .execute();
    expect(active).toHaveLength(1);
  });

  it('accept one code once when it is sent twice at once on the same session', async () => {
    const user = await createUser(t.database.db);
    const [session] = await halfLoggedIn(user, 1);
    const code = totpCode(user.totpSecret!, now);
    const answers = await Promise.all([sendCode(session!, code), sendCode(session!, code)]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 401]);
  });

  it(`check at most ${MAX_FAILURES_PER_ACCOUNT_AND_IP} codes of 20 guessed at once`, async () => {
    const user = await createUser(t.database.db);
    const sessions = await halfLoggedIn(user, 20);
    const answers = await Promise.all(sessions.map((s, i) => sendCode(s, String(100_000 + i))));
    expect(vi.mocked(verifyTotp)).toHaveBeenCalledTimes(MAX_FAILURES_PER_ACCOUNT_AND_IP);
    expect(answers.filter((a) => a.statusCode === 429)).toHaveLength(
      20 - MAX_FAILURES_PER_ACCOUNT_AND_IP,
    );
  });
});

describe('lockout', () => {
  it('locks an account at one address after 5 failures, not its owner at another address', async () => {
    const user = await createUser(t.database.db, { totp: false });
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT_AND_IP; i++) {
      expect((await login(user.username, 'fel', '10.2.0.1')).statusCode).toBe(401);
    }
    const locked = await login(user.username, user.password, '10.2.0.1');
    expect(locked.statusCode).toBe(429);
    expect(errorOf(locked).code).toBe('ACCOUNT_LOCKED');
    expect((await login(user.username, user.password, '10.2.0.2')).statusCode).toBe(200);
    // Loggkontroll sees the failure that locked it, and what it locked.
    const failures = await t.database.db
      .selectFrom('audit_event')
      .select('details')
      .where('action', '=', 'auth.login_failed')
      .where('actor_user_id', '=', user.id)
      .orderBy('seq')
      .execute();
    expect(failures.map((f) => f.details)).toEqual([
      ...Array.from({ length: MAX_FAILURES_PER_ACCOUNT_AND_IP - 1 }, () => ({
        reason: 'password',
      })),
      { reason: 'password', locked: 'account_and_address' },
    ]);
    // The lock lasts the window, no longer.
    now = new Date(now.getTime() + LOGIN_WINDOW_MS + 1000);
    expect((await login(user.username, user.password, '10.2.0.1')).statusCode).toBe(200);
  });

  it('no longer locks every account at an address after 20 failures there', async () => {
    for (let i = 0; i < 20; i++) await login(`gissning${i}`, 'fel', '10.3.0.1');
    const user = await createUser(t.database.db, { totp: false });
    expect((await login(user.username, user.password, '10.3.0.1')).statusCode).toBe(200);
  });

  it(`refuses an address that has failed ${MAX_FAILURES_PER_IP} times across accounts`, async () => {
    // Recorded directly: a hundred argon2 checks would only slow the suite.
    await t.database.db
      .insertInto('login_attempt')
      .values(
        Array.from({ length: MAX_FAILURES_PER_IP }, (_, i) => ({
          username: `stuffing${i}`,
          ip: '10.4.0.1',
          succeeded: false,
          at: now,
          cleared_at: null,
        })),
      )
      .execute();
    const user = await createUser(t.database.db, { totp: false });
    const refused = await login(user.username, user.password, '10.4.0.1');
    expect(refused.statusCode).toBe(429);
    expect(errorOf(refused).code).toBe('RATE_LIMITED');
    expect(vi.mocked(verifyPassword)).not.toHaveBeenCalled();
    expect((await login(user.username, user.password, '10.4.0.2')).statusCode).toBe(200);
  });

  it('answers a locked unknown username exactly like a locked account, and says whom to ask', async () => {
    const user = await createUser(t.database.db, { totp: false });
    const fail = async (username: string) => {
      for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
        const ip = `10.5.${i % 4}.${username === user.username ? 1 : 2}`;
        expect((await login(username, 'fel', ip)).statusCode).toBe(401);
      }
      return login(username, 'fel', '10.5.9.9');
    };
    const real = await fail(user.username);
    const unknown = await fail('finns-inte-alls');
    expect(real.statusCode).toBe(429);
    expect(unknown.statusCode).toBe(429);
    expect(errorOf(unknown).code).toBe(errorOf(real).code);
    expect(errorOf(unknown).message).toBe(errorOf(real).message);
    expect(errorOf(real).message).toMatch(/tillfälligt spärrad.*enhetschef.*administratör/);
  });
});

describe('a locked account still gets a way in', () => {
  async function lockedUser(grantUnit = unitId) {
    const user = await createUser(t.database.db, {
      totp: false,
      grants: [{ unitId: grantUnit, role: 'adult_caseworker' }],
    });
    await t.database.db
      .insertInto('login_attempt')
      .values(
        Array.from({ length: MAX_FAILURES_PER_ACCOUNT }, (_, i) => ({
          username: user.username,
          ip: `10.7.0.${i}`,
          succeeded: false,
          at: now,
          cleared_at: null,
        })),
      )
      .execute();
    expect(errorOf(await login(user.username, user.password, '10.7.1.1')).code).toBe(
      'ACCOUNT_LOCKED',
    );
    return user;
  }

  it("through an unlock by the manager of the user's unit, which is audited", async () => {
    const user = await lockedUser();
    const res = await unlock(user.id, await staffSession('manager'));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ clearedFailures: MAX_FAILURES_PER_ACCOUNT });
    expect((await login(user.username, user.password, '10.7.1.1')).statusCode).toBe(200);
    const audit = await t.database.db
      .selectFrom('audit_event')
      .select(['action', 'actor_role', 'actor_unit_id', 'details'])
      .where('action', '=', 'auth.login_unlock')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit).toEqual({
      action: 'auth.login_unlock',
      actor_role: 'unit_manager',
      actor_unit_id: unitId,
      details: { userId: user.id, clearedFailures: MAX_FAILURES_PER_ACCOUNT },
    });
    // The failures are kept, marked cleared.
    const kept = await t.database.db
      .selectFrom('login_attempt')
      .select('cleared_at')
      .where('username', '=', user.username)
      .where('succeeded', '=', false)
      .execute();
    expect(kept).toHaveLength(MAX_FAILURES_PER_ACCOUNT);
    expect(kept.every((a) => a.cleared_at !== null)).toBe(true);
  });

  it('through an unlock by an administrator; not by a colleague or another unit’s manager', async () => {
    const user = await lockedUser();
    expect((await unlock(user.id, await staffSession('colleague'))).statusCode).toBe(403);
    expect((await unlock(user.id, await staffSession('otherManager'))).statusCode).toBe(403);
    expect(errorOf(await login(user.username, user.password, '10.7.1.1')).code).toBe(
      'ACCOUNT_LOCKED',
    );
    const adminSession = await staffSession('admin');
    expect((await unlock(user.id, adminSession)).statusCode).toBe(200);
    expect((await login(user.username, user.password, '10.7.1.1')).statusCode).toBe(200);
    // An id that is no user: 404 for one who may unlock, 403 for one who may not.
    const noSuchUser = '00000000-0000-4000-8000-000000000000';
    expect((await unlock(noSuchUser, adminSession)).statusCode).toBe(404);
    expect((await unlock(noSuchUser, await staffSession('colleague'))).statusCode).toBe(403);
  });

  it('through a login reset', async () => {
    const user = await lockedUser(otherUnitId);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/admin/users/${user.id}/login-reset`,
      headers: (await staffSession('admin')).headers,
      payload: { version: 1 },
    });
    // A reset is a request; the one-time password comes with a second person's approval.
    expect(res.statusCode, res.body).toBe(201);
    const request = res.json<{ id: string; version: number }>();
    const approved = await t.app.inject({
      method: 'POST',
      url: `/api/admin/requests/${request.id}/approval`,
      headers: (await staffSession('secondAdmin')).headers,
      payload: { version: request.version },
    });
    expect(approved.statusCode, approved.body).toBe(200);
    const { initialPassword } = approved.json<{ initialPassword: string }>();
    const after = await login(user.username, initialPassword, '10.7.1.1');
    expect(after.statusCode).toBe(200);
    expect(after.json()).toMatchObject({ stage: 'enrollment' });
  });
});
