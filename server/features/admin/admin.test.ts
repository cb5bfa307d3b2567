import type { InjectOptions } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessLogEntry } from '../../../core/contracts/access-log.ts';
import type { AdminRequest, AdminUser } from '../../../core/contracts/admin.ts';
import type { Notice } from '../../../core/contracts/notices.ts';
import { createTestApp } from '../../test/test-app.ts';
import type { TestApp } from '../../test/test-app.ts';
import { createUser, loginAs } from '../../test/factories.ts';
import type { LoggedIn } from '../../test/factories.ts';
import { buildWorld } from '../../test/world.ts';
import type { World } from '../../test/world.ts';

let t: TestApp;
let w: World;
/** A second administrator: the second person of the two-person rule. */
let admin2: LoggedIn;
let admin2Id: string;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
  const second = await createUser(t.database.db, {
    username: 'andra.administratoren',
    totp: false,
    grants: [{ unitId: w.units.management, role: 'administrator' }],
  });
  admin2Id = second.id;
  admin2 = await loginAs(t.app, second);
});
afterAll(async () => {
  await t.close();
});

const admin = () => w.sessions.admin.headers;
/** A one-time password's shape, not part of a UUID. */
const onePassword = /(?<![0-9a-z-])[a-z2-9]{4}(-[a-z2-9]{4}){3}(?![0-9a-z-])/;

/** Every body the requesting administrator received, to prove none carries a password. */
const requesterSaw: string[] = [];
async function asRequester(options: Omit<InjectOptions, 'headers'>) {
  const res = await t.app.inject({ ...options, headers: admin() });
  requesterSaw.push(res.body);
  return res;
}

const approve = (headers: Record<string, string>, request: { id: string; version: number }) =>
  t.app.inject({
    method: 'POST',
    url: `/api/admin/requests/${request.id}/approval`,
    headers,
    payload: { version: request.version },
  });

const login = (username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

async function noticesOf(headers: Record<string, string>) {
  const res = await t.app.inject({ method: 'GET', url: '/api/notices', headers });
  expect(res.statusCode).toBe(200);
  return res.json<{ items: Notice[] }>().items;
}

describe('administration', () => {
  it('creates a user with no usable login until a second administrator approves one', async () => {
    const res = await asRequester({
      method: 'POST',
      url: '/api/admin/users',
      payload: { username: 'Nya.Kollegan', displayName: 'Nya Kollegan' },
    });
    expect(res.statusCode).toBe(201);
    const { user, request } = res.json<{ user: AdminUser; request: AdminRequest }>();
    expect(user).toMatchObject({ username: 'nya.kollegan', secondFactor: 'pending', grants: [] });
    expect(request).toMatchObject({
      kind: 'login_reset',
      status: 'pending',
      targetUser: { id: user.id },
      requestedBy: { id: w.users.admin.id },
      abilities: { decide: false, withdraw: true },
    });
    expect(res.body).not.toMatch(onePassword);

    // The one who asked cannot approve it.
    const own = await asRequester({
      method: 'POST',
      url: `/api/admin/requests/${request.id}/approval`,
      payload: { version: request.version },
    });
    expect(own.statusCode).toBe(403);

    const approved = await approve(admin2.headers, request);
    expect(approved.statusCode).toBe(200);
    const { initialPassword } = approved.json<{ initialPassword: string }>();
    expect(initialPassword).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    expect((await login('nya.kollegan', initialPassword)).json()).toMatchObject({
      stage: 'enrollment',
    });

    // Approving again is a conflict: the first approval stands, no second password.
    const twice = await approve(admin2.headers, request);
    expect(twice.statusCode).toBe(409);

    const again = await asRequester({
      method: 'POST',
      url: '/api/admin/users',
      payload: { username: 'nya.kollegan', displayName: 'X' },
    });
    expect(again.statusCode).toBe(400);
    expect(again.json()).toMatchObject({
      error: { fields: [{ path: 'body.username', message: 'Användarnamnet är upptaget.' }] },
    });

    // Nothing the requester can read afterwards carries the password either.
    await asRequester({ method: 'GET', url: '/api/admin/requests' });
    await asRequester({ method: 'GET', url: '/api/admin/users' });
    for (const body of requesterSaw) expect(body).not.toContain(initialPassword);
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
    const approval = await t.app.inject({
      method: 'POST',
      url: `/api/admin/requests/3f1f0c4e-2b7a-4d3e-9a51-7c0d2e8b6a10/approval`,
      headers: admin2.headers,
      payload: { version: 1, initialPassword: 'mitt-eget-val' },
    });
    expect(approval.statusCode).toBe(400);
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
    w.sessions.colleague = await loginAs(t.app, w.users.colleague);
  });

  it('gives a role only when a second person approves, tells the user, and takes it away', async () => {
    const queue = () =>
      t.app.inject({
        method: 'GET',
        url: `/api/units/${w.units.adult}/queue`,
        headers: w.sessions.childrenWorker.headers,
      });
    const asked = await asRequester({
      method: 'POST',
      url: `/api/admin/users/${w.users.childrenWorker.id}/roles`,
      payload: { unitId: w.units.adult, role: 'adult_caseworker' },
    });
    expect(asked.statusCode).toBe(201);
    const request = asked.json<AdminRequest>();
    expect(request).toMatchObject({
      kind: 'role_grant',
      status: 'pending',
      role: 'adult_caseworker',
    });
    // Asked for is not given.
    expect((await queue()).statusCode).toBe(403);
    const duplicate = await asRequester({
      method: 'POST',
      url: `/api/admin/users/${w.users.childrenWorker.id}/roles`,
      payload: { unitId: w.units.adult, role: 'adult_caseworker' },
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json()).toMatchObject({ error: { code: 'REQUEST_PENDING' } });

    // The user is told at once, and cannot approve it themselves.
    expect((await noticesOf(w.sessions.childrenWorker.headers))[0]).toMatchObject({
      kind: 'role_requested',
      read: false,
    });
    expect((await approve(w.sessions.childrenWorker.headers, request)).statusCode).toBe(404);
    // Not the manager of another unit, not the requester.
    expect((await approve(w.sessions.otherManager.headers, request)).statusCode).toBe(404);
    expect((await approve(admin(), request)).statusCode).toBe(403);

    // The manager of the unit sees it, and approves.
    const forUnit = await t.app.inject({
      method: 'GET',
      url: `/api/units/${w.units.adult}/admin-requests`,
      headers: w.sessions.manager.headers,
    });
    expect(forUnit.json<{ items: AdminRequest[] }>().items).toContainEqual(
      expect.objectContaining({ id: request.id, abilities: { decide: true, withdraw: false } }),
    );
    const approved = await approve(w.sessions.manager.headers, request);
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({
      request: { status: 'approved', decidedBy: { id: w.users.manager.id } },
      initialPassword: null,
    });
    expect((await queue()).statusCode).toBe(200);
    expect((await approve(admin2.headers, request)).statusCode).toBe(409);
    const notices = await noticesOf(w.sessions.childrenWorker.headers);
    expect(notices[0]?.text).toMatch(
      /^Du har fått rollen Handläggare vuxen i .+\. .+ godkände det\./,
    );

    // The manager finds all of it in loggkontroll.
    const log = await t.app.inject({
      method: 'POST',
      url: '/api/access-log/search',
      headers: w.sessions.manager.headers,
      payload: { unitId: w.units.adult, userId: w.users.admin.id },
    });
    const actions = log.json<{ entries: { action: string }[] }>().entries.map((e) => e.action);
    expect(actions).toContain('admin.request.create');
    const mine = await t.app.inject({
      method: 'POST',
      url: '/api/access-log/search',
      headers: w.sessions.manager.headers,
      payload: { unitId: w.units.adult, action: 'admin.role.grant' },
    });
    const granted = mine.json<{ entries: AccessLogEntry[] }>().entries;
    expect(granted).toHaveLength(1);
    expect(granted[0]?.actor?.id).toBe(w.users.manager.id);
    expect(granted[0]?.account).toMatchObject({
      user: { id: w.users.childrenWorker.id },
      role: 'adult_caseworker',
    });
    expect(granted[0]?.account?.unitName).toBeTruthy();
    // …and so does the manager of the unit where the user works today: it is about their staff.
    const other = await t.app.inject({
      method: 'POST',
      url: '/api/access-log/search',
      headers: w.sessions.otherManager.headers,
      payload: { unitId: w.units.children, action: 'admin.request.approve' },
    });
    expect(other.json<{ entries: unknown[] }>().entries).toHaveLength(1);

    // Taking a role away needs no second person; the user is told.
    const revoke = await t.app.inject({
      method: 'DELETE',
      url: `/api/admin/users/${w.users.childrenWorker.id}/roles/${w.units.adult}/adult_caseworker`,
      headers: admin(),
    });
    expect(revoke.statusCode).toBe(200);
    expect((await queue()).statusCode).toBe(403);
    expect((await noticesOf(w.sessions.childrenWorker.headers))[0]).toMatchObject({
      kind: 'role_revoked',
    });
  });

  it('never lets an administrator approve a request about themselves', async () => {
    const asked = await asRequester({
      method: 'POST',
      url: `/api/admin/users/${admin2Id}/roles`,
      payload: { unitId: w.units.adult, role: 'unit_manager' },
    });
    const request = asked.json<AdminRequest>();
    expect((await approve(admin2.headers, request)).statusCode).toBe(403);
    expect((await approve(admin(), request)).statusCode).toBe(403);
    // The administrator role is for administrators to check: not the unit manager.
    const adminRole = await t.app.inject({
      method: 'POST',
      url: `/api/admin/users/${w.users.colleague.id}/roles`,
      headers: admin2.headers,
      payload: { unitId: w.units.adult, role: 'administrator' },
    });
    expect((await approve(w.sessions.manager.headers, adminRole.json())).statusCode).toBe(404);
    // A rejected request is told to the user and changes nothing.
    const rejected = await t.app.inject({
      method: 'POST',
      url: `/api/admin/requests/${adminRole.json<AdminRequest>().id}/rejection`,
      headers: admin(),
      payload: { version: 1, note: 'Inte beställt av enhetschefen.' },
    });
    expect(rejected.json()).toMatchObject({
      status: 'rejected',
      decisionNote: 'Inte beställt av enhetschefen.',
    });
    expect((await noticesOf(w.sessions.colleague.headers))[0]).toMatchObject({
      kind: 'role_rejected',
    });
  });

  it('resets a login only on approval: the requester never holds a way in', async () => {
    const target = await createUser(t.database.db, {
      username: 'tappade.telefonen',
      grants: [{ unitId: w.units.adult, role: 'adult_caseworker' }],
    });
    const session = await loginAs(t.app, target);
    const asked = await asRequester({
      method: 'POST',
      url: `/api/admin/users/${target.id}/login-reset`,
      payload: { version: 1 },
    });
    expect(asked.statusCode).toBe(201);
    const request = asked.json<AdminRequest>();
    expect(asked.body).not.toMatch(onePassword);
    // Asked for is not done: the old login and the session still work.
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/session', headers: session.headers }))
        .statusCode,
    ).toBe(200);
    expect((await noticesOf(session.headers))[0]).toMatchObject({ kind: 'login_reset_requested' });
    // Neither the requester nor the user approves it.
    expect((await approve(admin(), request)).statusCode).toBe(403);
    expect((await approve(session.headers, request)).statusCode).toBe(404);

    const approved = await approve(admin2.headers, request);
    expect(approved.statusCode).toBe(200);
    const { initialPassword } = approved.json<{ initialPassword: string }>();
    expect(initialPassword).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);

    // The session that was open is over, and says why; the old password is dead.
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/session', headers: session.headers }))
        .statusCode,
    ).toBe(401);
    const ended = await t.database.db
      .selectFrom('session')
      .select('ended_reason')
      .where('user_id', '=', target.id)
      .execute();
    expect(ended.map((e) => e.ended_reason).sort()).toEqual(['login_reset', 'replaced']);
    expect((await login(target.username, target.password)).statusCode).toBe(401);
    const fresh = await login(target.username, initialPassword);
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

    // A withdrawn or decided request cannot be approved or withdrawn again.
    const withdraw = await asRequester({
      method: 'POST',
      url: `/api/admin/requests/${request.id}/withdrawal`,
      payload: { version: request.version },
    });
    expect(withdraw.statusCode).toBe(409);

    const audit = await t.database.db
      .selectFrom('audit_event')
      .select(['action', 'actor_user_id'])
      .where('action', 'in', ['admin.user.login_reset', 'admin.request.approve'])
      .where(sql<string>`details ->> 'userId'`, '=', target.id)
      .orderBy('seq')
      .execute();
    expect(audit).toEqual([
      { action: 'admin.request.approve', actor_user_id: admin2Id },
      { action: 'admin.user.login_reset', actor_user_id: admin2Id },
    ]);
    // Both rows are administration, in the approver's role.
    const purposes = await t.database.db
      .selectFrom('audit_event')
      .select(['purpose', 'actor_role'])
      .where('action', 'in', ['admin.user.login_reset', 'admin.request.approve'])
      .where(sql<string>`details ->> 'userId'`, '=', target.id)
      .execute();
    expect(purposes).toEqual([
      { purpose: 'administration', actor_role: 'administrator' },
      { purpose: 'administration', actor_role: 'administrator' },
    ]);
    for (const body of requesterSaw) expect(body).not.toContain(initialPassword);
  });

  it('a withdrawn request cannot be approved; a stale version is a conflict', async () => {
    const target = await createUser(t.database.db, { username: 'angrad.begaran' });
    const asked = await asRequester({
      method: 'POST',
      url: `/api/admin/users/${target.id}/login-reset`,
      payload: { version: 1 },
    });
    const request = asked.json<AdminRequest>();
    const staleUser = await asRequester({
      method: 'POST',
      url: `/api/admin/users/${target.id}/login-reset`,
      payload: { version: 7 },
    });
    expect(staleUser.statusCode).toBe(409);
    // Only the one who asked withdraws it.
    const notMine = await t.app.inject({
      method: 'POST',
      url: `/api/admin/requests/${request.id}/withdrawal`,
      headers: admin2.headers,
      payload: { version: request.version },
    });
    expect(notMine.statusCode).toBe(403);
    const withdrawn = await asRequester({
      method: 'POST',
      url: `/api/admin/requests/${request.id}/withdrawal`,
      payload: { version: request.version },
    });
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn', version: 2 });
    expect((await approve(admin2.headers, request)).statusCode).toBe(409);
    expect((await approve(admin2.headers, withdrawn.json())).statusCode).toBe(409);
    expect((await login(target.username, target.password)).statusCode).toBe(200);
  });

  it('two approvals at once: one wins, the other is a conflict', async () => {
    const target = await createUser(t.database.db, { username: 'samtidig.begaran' });
    const request = (
      await asRequester({
        method: 'POST',
        url: `/api/admin/users/${target.id}/roles`,
        payload: { unitId: w.units.adult, role: 'adult_caseworker' },
      })
    ).json<AdminRequest>();
    const grantsSeenByChildrenUnit = async () =>
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/access-log/search',
          headers: w.sessions.otherManager.headers,
          payload: { unitId: w.units.children, action: 'admin.role.grant' },
        })
      ).json<{ entries: unknown[] }>().entries.length;
    const seenBefore = await grantsSeenByChildrenUnit();
    const results = await Promise.all([
      approve(admin2.headers, request),
      approve(w.sessions.manager.headers, request),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const roles = await t.database.db
      .selectFrom('user_role')
      .select('role')
      .where('user_id', '=', target.id)
      .execute();
    expect(roles).toEqual([{ role: 'adult_caseworker' }]);
    // A unit it does not concern does not see it in loggkontroll.
    expect(await grantsSeenByChildrenUnit()).toBe(seenBefore);
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

  it('marks a notice read, and only one of the user’s own', async () => {
    const [first] = await noticesOf(w.sessions.childrenWorker.headers);
    expect(first).toBeDefined();
    const read = await t.app.inject({
      method: 'POST',
      url: `/api/notices/${first?.id}/read`,
      headers: w.sessions.childrenWorker.headers,
    });
    expect(read.json()).toMatchObject({ id: first?.id, read: true });
    const foreign = await t.app.inject({
      method: 'POST',
      url: `/api/notices/${first?.id}/read`,
      headers: w.sessions.colleague.headers,
    });
    expect(foreign.statusCode).toBe(404);
  });
});
