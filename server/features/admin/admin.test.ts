import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminUser } from '../../../core/contracts/admin.ts';
import { createTestApp } from '../../test/test-app.ts';
import type { TestApp } from '../../test/test-app.ts';
import { createUser, loginAs } from '../../test/factories.ts';
import { buildWorld } from '../../test/world.ts';
import type { World } from '../../test/world.ts';

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
});
afterAll(async () => {
  await t.close();
});

const admin = () => w.sessions.admin.headers;

describe('administration', () => {
  it('creates a user whose one-time password leads to first-login enrollment', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/admin/users',
      headers: admin(),
      payload: { username: 'Nya.Kollegan', displayName: 'Nya Kollegan' },
    });
    expect(res.statusCode).toBe(201);
    const { user, initialPassword } = res.json<{ user: AdminUser; initialPassword: string }>();
    expect(user).toMatchObject({ username: 'nya.kollegan', secondFactor: 'pending', grants: [] });
    expect(initialPassword).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'nya.kollegan', password: initialPassword },
    });
    expect(login.json()).toMatchObject({ stage: 'enrollment' });

    const again = await t.app.inject({
      method: 'POST',
      url: '/api/admin/users',
      headers: admin(),
      payload: { username: 'nya.kollegan', displayName: 'X' },
    });
    expect(again.statusCode).toBe(400);
    expect(again.json()).toMatchObject({
      error: { fields: [{ path: 'body.username', message: 'Användarnamnet är upptaget.' }] },
    });
  });

  it('refuses fields a client has no business setting (mass assignment)', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/admin/users',
      headers: admin(),
      payload: {
        username: 'smyg',
        displayName: 'Smyg',
        grants: [{ unitId: w.units.adult, role: 'unit_manager' }],
      },
    });
    expect(res.statusCode).toBe(400);
    const status = await t.app.inject({
      method: 'POST',
      url: `/api/admin/users/${w.users.colleague.id}/status`,
      headers: admin(),
      payload: { disabled: false, version: 1, role: 'administrator' },
    });
    expect(status.statusCode).toBe(400);
  });

  it('disabling a user ends their sessions at once; enabling lets them log in again', async () => {
    const before = await t.app.inject({
      method: 'GET',
      url: '/api/session',
      headers: w.sessions.colleague.headers,
    });
    expect(before.statusCode).toBe(200);
    const users = (
      await t.app.inject({ method: 'GET', url: '/api/admin/users', headers: admin() })
    ).json<{ items: AdminUser[] }>().items;
    const colleague = users.find((u) => u.id === w.users.colleague.id);
    const disable = await t.app.inject({
      method: 'POST',
      url: `/api/admin/users/${w.users.colleague.id}/status`,
      headers: admin(),
      payload: { disabled: true, version: colleague?.version },
    });
    expect(disable.json()).toMatchObject({ disabled: true });
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/session',
          headers: w.sessions.colleague.headers,
        })
      ).statusCode,
    ).toBe(401);

    const stale = await t.app.inject({
      method: 'POST',
      url: `/api/admin/users/${w.users.colleague.id}/status`,
      headers: admin(),
      payload: { disabled: false, version: colleague?.version },
    });
    expect(stale.statusCode).toBe(409);
    await t.app.inject({
      method: 'POST',
      url: `/api/admin/users/${w.users.colleague.id}/status`,
      headers: admin(),
      payload: { disabled: false, version: disable.json<AdminUser>().version },
    });
    await expect(loginAs(t.app, w.users.colleague)).resolves.toBeDefined();
  });

  it('gives a role that takes effect on the next request, and takes it away', async () => {
    const grant = await t.app.inject({
      method: 'POST',
      url: `/api/admin/users/${w.users.childrenWorker.id}/roles`,
      headers: admin(),
      payload: { unitId: w.units.adult, role: 'adult_caseworker' },
    });
    expect(grant.statusCode).toBe(200);
    const queue = () =>
      t.app.inject({
        method: 'GET',
        url: `/api/units/${w.units.adult}/queue`,
        headers: w.sessions.childrenWorker.headers,
      });
    expect((await queue()).statusCode).toBe(200);
    const revoke = await t.app.inject({
      method: 'DELETE',
      url: `/api/admin/users/${w.users.childrenWorker.id}/roles/${w.units.adult}/adult_caseworker`,
      headers: admin(),
    });
    expect(revoke.statusCode).toBe(200);
    expect((await queue()).statusCode).toBe(403);
  });

  it('resets a login: old password and sessions dead, a one-time password, the second factor enrolled again', async () => {
    const target = await createUser(t.database.db, { username: 'tappade.telefonen' });
    const session = await loginAs(t.app, target);
    const reset = await t.app.inject({
      method: 'POST',
      url: `/api/admin/users/${target.id}/login-reset`,
      headers: admin(),
      payload: { version: 1 },
    });
    expect(reset.statusCode).toBe(200);
    const { user, initialPassword } = reset.json<{ user: AdminUser; initialPassword: string }>();
    expect(user).toMatchObject({ id: target.id, secondFactor: 'pending', version: 2 });
    expect(initialPassword).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);

    // The session that was open is over, and says why.
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/session', headers: session.headers }))
        .statusCode,
    ).toBe(401);
    const ended = await t.database.db
      .selectFrom('session')
      .select('ended_reason')
      .where('user_id', '=', target.id)
      .execute();
    // (The password step's session was replaced at the second factor; the full one was open.)
    expect(ended.map((e) => e.ended_reason).sort()).toEqual(['login_reset', 'replaced']);

    const old = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: target.username, password: target.password },
    });
    expect(old.statusCode).toBe(401);
    const fresh = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: target.username, password: initialPassword },
    });
    expect(fresh.json()).toMatchObject({ stage: 'enrollment' });
    const enrollment = await t.app.inject({
      method: 'GET',
      url: '/api/auth/enrollment',
      headers: { cookie: String(fresh.headers['set-cookie']).split(';')[0] },
    });
    const enrolment = enrollment.json<{
      mustChangePassword: boolean;
      totp: { uri: string } | null;
    }>();
    expect(enrolment.mustChangePassword).toBe(true);
    expect(enrolment.totp?.uri).toMatch(/^otpauth:\/\/totp\//);

    // A second reset with the version already used is a conflict, not a silent overwrite.
    const stale = await t.app.inject({
      method: 'POST',
      url: `/api/admin/users/${target.id}/login-reset`,
      headers: admin(),
      payload: { version: 1 },
    });
    expect(stale.statusCode).toBe(409);
    const audit = await t.database.db
      .selectFrom('audit_event')
      .select(['action', 'details'])
      .where('action', '=', 'admin.user.login_reset')
      .execute();
    expect(audit).toEqual([{ action: 'admin.user.login_reset', details: { userId: target.id } }]);
  });

  it('does not let the administrator disable themselves', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/admin/users/${w.users.admin.id}/status`,
      headers: admin(),
      payload: { disabled: true, version: 1 },
    });
    expect(res.statusCode).toBe(403);
  });
});
