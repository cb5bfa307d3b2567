import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../config.ts';
import { createTestApp } from '../../test/test-app.ts';
import type { TestApp } from '../../test/test-app.ts';
import { createUnit, createUser, loginAs } from '../../test/factories.ts';
import type { TestUser } from '../../test/factories.ts';
import { totpCode } from '../../accounts/totp.ts';
import { prepareStoredSecrets } from '../../accounts/stored-secrets.ts';
import { DEVELOPMENT_SECRET_KEY, openSecret, totpContext } from '../../crypto/secret-box.ts';

// A clock the tests move: sessions expire and TOTP codes change with it.
let now = new Date('2026-11-23T08:00:00Z');
const clock = () => now;
const minutes = (n: number) => n * 60_000;

let t: TestApp;
let unitId: string;
beforeAll(async () => {
  t = await createTestApp({ clock });
  unitId = (await createUnit(t.database.db)).id;
});
afterAll(async () => {
  await t.close();
});
beforeEach(() => {
  now = new Date(now.getTime() + minutes(60)); // each test starts in a fresh TOTP window
});

const session = (cookie: string) =>
  t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie } });
const login = (username: string, password: string, ip = '10.0.0.1') =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress: ip,
    payload: { username, password },
  });
const cookieOf = (res: { headers: Record<string, unknown> }) =>
  String(res.headers['set-cookie']).split(';')[0]!;

async function auditActions() {
  const rows = await t.database.db
    .selectFrom('audit_event')
    .select('action')
    .orderBy('seq')
    .execute();
  return rows.map((r) => r.action);
}

describe('login with a second factor', () => {
  let user: TestUser;
  beforeAll(async () => {
    user = await createUser(t.database.db, { grants: [{ unitId, role: 'adult_caseworker' }] });
  });

  it('asks for the code after the password, and the half-logged-in session can do nothing else', async () => {
    const res = await login(user.username, user.password);
    expect(res.statusCode).toBe(200);
    const info = res.json<{
      stage: string;
      abilities: Record<string, boolean>;
      user: { grants: unknown[] };
    }>();
    expect(info.stage).toBe('second_factor');
    expect(Object.values(info.abilities).every((a) => !a)).toBe(true);
    expect(info.user.grants).toEqual([]);
  });

  it('opens a new session id on the second factor; the first token is dead', async () => {
    const first = await login(user.username, user.password);
    const firstCookie = cookieOf(first);
    const second = await t.app.inject({
      method: 'POST',
      url: '/api/auth/second-factor',
      headers: {
        cookie: firstCookie,
        'x-csrf-token': first.json<{ csrfToken: string }>().csrfToken,
      },
      payload: { code: totpCode(user.totpSecret!, now) },
    });
    expect(second.statusCode).toBe(200);
    const secondCookie = cookieOf(second);
    expect(secondCookie).not.toBe(firstCookie);
    expect(second.json()).toMatchObject({
      stage: 'active',
      abilities: { searchPersons: true, administer: false },
    });
    expect((await session(firstCookie)).statusCode).toBe(401);
    expect((await session(secondCookie)).json()).toMatchObject({ stage: 'active' });
  });

  it('refuses a wrong code, and a code already used', async () => {
    const code = totpCode(user.totpSecret!, now);
    await loginAs(t.app, user, now); // uses the current code
    const again = await login(user.username, user.password);
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/second-factor',
      headers: {
        cookie: cookieOf(again),
        'x-csrf-token': again.json<{ csrfToken: string }>().csrfToken,
      },
      payload: { code: totpCode(user.totpSecret!, new Date(now.getTime() - minutes(10))) },
    });
    expect(wrong.statusCode).toBe(401);
    const replay = await t.app.inject({
      method: 'POST',
      url: '/api/auth/second-factor',
      headers: {
        cookie: cookieOf(again),
        'x-csrf-token': again.json<{ csrfToken: string }>().csrfToken,
      },
      payload: { code },
    });
    expect(replay.statusCode).toBe(401);
    expect(replay.json()).toMatchObject({ error: { code: 'SECOND_FACTOR_INVALID' } });
  });

  it('sets the cookie HttpOnly, SameSite=Strict, for the whole site', async () => {
    const res = await login(user.username, user.password);
    const header = String(res.headers['set-cookie']);
    expect(header).toMatch(/^varn_session=/);
    expect(header).toContain('HttpOnly');
    expect(header).toContain('SameSite=Strict');
    expect(header).toContain('Path=/');
  });
});

describe('a secure deployment', () => {
  it('uses a __Host- cookie with Secure', async () => {
    const secure = await createTestApp({
      clock,
      config: parseConfig({
        NODE_ENV: 'test',
        VARN_DEMO_DATA: 'false',
        VARN_PUBLIC_URL: 'https://varn.example',
      }),
    });
    try {
      const u = await createUser(secure.database.db, { totp: false });
      const res = await secure.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: u.username, password: u.password },
      });
      const header = String(res.headers['set-cookie']);
      expect(header).toMatch(/^__Host-varn_session=/);
      expect(header).toContain('Secure');
    } finally {
      await secure.close();
    }
  });
});

describe('wrong credentials', () => {
  it('answer the same for an unknown user and a wrong password', async () => {
    const user = await createUser(t.database.db, {});
    const unknown = await login('finns-inte', 'vad-som-helst', '10.1.0.1');
    const wrong = await login(user.username, 'fel-losenord', '10.1.0.2');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json<{ error: { message: string } }>().error.message).toBe(
      wrong.json<{ error: { message: string } }>().error.message,
    );
  });

  it('refuse a disabled account with the same answer', async () => {
    const user = await createUser(t.database.db, { disabled: true });
    const res = await login(user.username, user.password, '10.1.0.3');
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ error: { code: 'INVALID_CREDENTIALS' } });
  });
});

describe('timeouts', () => {
  it('ends a session after 30 idle minutes', async () => {
    const user = await createUser(t.database.db, { totp: false });
    const { cookie } = await loginAs(t.app, user, now);
    now = new Date(now.getTime() + minutes(29));
    expect((await session(cookie)).statusCode).toBe(200);
    now = new Date(now.getTime() + minutes(31));
    expect((await session(cookie)).statusCode).toBe(401);
    // Once ended, it stays ended.
    now = new Date(now.getTime() - minutes(30));
    expect((await session(cookie)).statusCode).toBe(401);
  });

  it('ends an active session 10 hours after login', async () => {
    const user = await createUser(t.database.db, { totp: false });
    const { cookie } = await loginAs(t.app, user, now);
    // Active every 25 minutes (never idle) until 9 h 55 min after login.
    for (let elapsed = 25; elapsed <= 575; elapsed += 25) {
      now = new Date(now.getTime() + minutes(25));
      expect((await session(cookie)).statusCode, `after ${elapsed} min`).toBe(200);
    }
    now = new Date(now.getTime() + minutes(20));
    expect((await session(cookie)).statusCode).toBe(200);
    now = new Date(now.getTime() + minutes(10)); // 10 h 5 min, idle only 10 min
    expect((await session(cookie)).statusCode).toBe(401);
  });
});

describe('a short idle timeout', () => {
  it('keeps a session used every 40 s for 10 minutes with VARN_SESSION_IDLE_MINUTES=1, and ends one idle for 61 s', async () => {
    const short = await createTestApp({
      clock,
      config: parseConfig({
        NODE_ENV: 'test',
        VARN_DEMO_DATA: 'false',
        VARN_SESSION_IDLE_MINUTES: '1',
      }),
    });
    try {
      const get = (cookie: string) =>
        short.app.inject({ method: 'GET', url: '/api/session', headers: { cookie } });
      const user = await createUser(short.database.db, { totp: false });
      const active = await loginAs(short.app, user, now);
      const idle = await loginAs(short.app, user, now);
      const start = now.getTime();
      for (let elapsed = 40_000; elapsed <= minutes(10); elapsed += 40_000) {
        now = new Date(start + elapsed);
        expect((await get(active.cookie)).statusCode, `after ${elapsed / 1000} s`).toBe(200);
        if (elapsed === 40_000) {
          // The other session's last request was at the start.
          now = new Date(start + 61_000);
          expect((await get(idle.cookie)).statusCode).toBe(401);
        }
      }
      const ended = await short.database.db
        .selectFrom('session')
        .select('ended_reason')
        .where('user_id', '=', user.id)
        .where('ended_at', 'is not', null)
        .execute();
      expect(ended.map((s) => s.ended_reason)).toEqual(['idle']);
    } finally {
      await short.close();
    }
  });
});

describe('logout', () => {
  it('ends every session of the user at once and is audited', async () => {
    const user = await createUser(t.database.db, { totp: false });
    const a = await loginAs(t.app, user, now);
    const b = await loginAs(t.app, user, now);
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: a.headers });
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['set-cookie'])).toMatch(/varn_session=;/);
    expect((await session(a.cookie)).statusCode).toBe(401);
    expect((await session(b.cookie)).statusCode).toBe(401);
    expect(await auditActions()).toContain('auth.logout');
  });
});

describe('CSRF', () => {
  it('refuses a state change without the session token, with a wrong one, or from another origin', async () => {
    const user = await createUser(t.database.db, { totp: false });
    const s = await loginAs(t.app, user, now);
    const attempts = [
      { cookie: s.cookie },
      { cookie: s.cookie, 'x-csrf-token': 'fel' },
      { ...s.headers, origin: 'https://angripare.example' },
    ];
    for (const headers of attempts) {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers });
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ error: { code: 'CSRF_REJECTED' } });
    }
    expect((await session(s.cookie)).statusCode).toBe(200);
  });

  it('refuses a login posted from another origin', async () => {
    const user = await createUser(t.database.db, { totp: false });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { origin: 'https://angripare.example' },
      payload: { username: user.username, password: user.password },
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('first login: new password and second factor', () => {
  it('requires both before anything else, then logs in', async () => {
    const user = await createUser(t.database.db, { totp: false, mustChangePassword: true });
    await t.database.db
      .updateTable('app_user')
      .set({ totp_required: true })
      .where('id', '=', user.id)
      .execute();
    const res = await login(user.username, user.password);
    expect(res.json()).toMatchObject({ stage: 'enrollment' });
    const headers = {
      cookie: cookieOf(res),
      'x-csrf-token': res.json<{ csrfToken: string }>().csrfToken,
    };

    const enrollment = await t.app.inject({ method: 'GET', url: '/api/auth/enrollment', headers });
    const { totp, mustChangePassword } = enrollment.json<{
      totp: { secret: string; uri: string };
      mustChangePassword: boolean;
    }>();
    expect(mustChangePassword).toBe(true);
    expect(totp.uri).toMatch(/^otpauth:\/\/totp\/V%C3%A4rn:/);

    const weak = await t.app.inject({
      method: 'POST',
      url: '/api/auth/enrollment',
      headers,
      payload: { newPassword: 'kort', code: '000000' },
    });
    expect(weak.statusCode).toBe(400);
    expect(
      weak
        .json<{ error: { fields: { path: string }[] } }>()
        .error.fields.map((f) => f.path)
        .sort(),
    ).toEqual(['body.code', 'body.newPassword']);

    const done = await t.app.inject({
      method: 'POST',
      url: '/api/auth/enrollment',
      headers,
      payload: { newPassword: 'ett-nytt-langt-losenord', code: totpCode(totp.secret, now) },
    });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ stage: 'active' });
    const stored = await t.database.db
      .selectFrom('app_user')
      .select(['must_change_password', 'totp_secret', 'password_hash'])
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(stored.must_change_password).toBe(false);
    expect(stored.password_hash).toMatch(/^\$argon2id\$/);
    // The seed is stored sealed: not in plain text, and it opens only for this user.
    expect(stored.totp_secret).not.toContain(totp.secret);
    expect(openSecret(DEVELOPMENT_SECRET_KEY, stored.totp_secret ?? '', totpContext(user.id))).toBe(
      totp.secret,
    );
    const pending = await t.database.db
      .selectFrom('session')
      .select('pending_totp_secret')
      .where('user_id', '=', user.id)
      .execute();
    expect(pending.every((p) => !p.pending_totp_secret?.includes(totp.secret))).toBe(true);
  });
});

describe('stored TOTP seeds', () => {
  it('seals a seed stored in plain text at start, and the user still logs in with it', async () => {
    const user = await createUser(t.database.db);
    // As stored before seeds were sealed.
    await t.database.db
      .updateTable('app_user')
      .set({ totp_secret: user.totpSecret })
      .where('id', '=', user.id)
      .execute();
    const result = await prepareStoredSecrets(t.database.db, DEVELOPMENT_SECRET_KEY);
    expect(result).toEqual({ sealed: 1, keyOpensStored: true });
    const row = await t.database.db
      .selectFrom('app_user')
      .select('totp_secret')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(row.totp_secret).toMatch(/^v1\./);
    expect(row.totp_secret).not.toContain(user.totpSecret);
    await loginAs(t.app, user, now);
    expect((await prepareStoredSecrets(t.database.db, DEVELOPMENT_SECRET_KEY)).sealed).toBe(0);
  });

  it('reports a key that does not open the stored seeds, so start-up can refuse it', async () => {
    await createUser(t.database.db);
    const other = Buffer.alloc(32, 7);
    expect(await prepareStoredSecrets(t.database.db, other)).toEqual({
      sealed: 0,
      keyOpensStored: false,
    });
  });

  it("refuses a second factor whose stored seed was copied from another user's row", async () => {
    const victim = await createUser(t.database.db);
    const intruder = await createUser(t.database.db);
    const victimRow = await t.database.db
      .selectFrom('app_user')
      .select('totp_secret')
      .where('id', '=', victim.id)
      .executeTakeFirstOrThrow();
    await t.database.db
      .updateTable('app_user')
      .set({ totp_secret: victimRow.totp_secret })
      .where('id', '=', intruder.id)
      .execute();
    const first = await login(intruder.username, intruder.password);
    expect(first.statusCode).toBe(200);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/second-factor',
      headers: {
        cookie: cookieOf(first),
        'x-csrf-token': first.json<{ csrfToken: string }>().csrfToken,
      },
      payload: { code: totpCode(victim.totpSecret ?? '', now) },
    });
    expect(res.statusCode).toBe(401);
  });
});

describe('audit', () => {
  it('records logins and failed logins', async () => {
    const user = await createUser(t.database.db, { totp: false });
    await login(user.username, 'fel', '10.9.0.1');
    await loginAs(t.app, user, now);
    const actions = await auditActions();
    expect(actions).toContain('auth.login_failed');
    expect(actions).toContain('auth.login');
  });
});
