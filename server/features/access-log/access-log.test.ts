import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessLogEntry } from '../../../core/contracts/access-log.ts';
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
  // Activity to review: the assigned handläggare reads an unprotected and a protected file.
  await t.app.inject({
    method: 'GET',
    url: `/api/persons/${w.persons.p.id}`,
    headers: w.sessions.assigned.headers,
  });
  await t.app.inject({
    method: 'GET',
    url: `/api/persons/${w.persons.q.id}/protected-details`,
    headers: w.sessions.assigned.headers,
  });
});
afterAll(async () => {
  await t.close();
});

const search = (payload: Record<string, unknown>, as = w.sessions.manager) =>
  t.app.inject({
    method: 'POST',
    url: '/api/access-log/search',
    headers: as.headers,
    payload: { unitId: w.units.adult, ...payload },
  });

describe('loggkontroll', () => {
  it('lists accesses to protected persons first, with who, what, whom and why', async () => {
    const res = await search({});
    expect(res.statusCode).toBe(200);
    const { flagged, entries } = res.json<{
      flagged: AccessLogEntry[];
      entries: AccessLogEntry[];
    }>();
    const protectedRead = flagged.find((e) => e.action === 'person.protected.read');
    expect(protectedRead).toMatchObject({
      actor: { id: w.users.assigned.id },
      purpose: 'assigned',
      involvesProtected: true,
      persons: [{ id: w.persons.q.id, displayName: 'Testa Qvist' }],
    });
    expect(entries.every((e) => !e.involvesProtected && !e.emergency)).toBe(true);
  });

  it('filters by person, by user and by action', async () => {
    const byPerson = (await search({ personId: w.persons.q.id })).json<{
      flagged: AccessLogEntry[];
      entries: AccessLogEntry[];
    }>();
    const all = [...byPerson.flagged, ...byPerson.entries];
    expect(all.length).toBeGreaterThan(0);
    expect(all.every((e) => e.persons.some((p) => p.id === w.persons.q.id))).toBe(true);

    const byUser = (await search({ userId: w.users.colleague.id, action: 'person.read' })).json<{
      flagged: AccessLogEntry[];
      entries: AccessLogEntry[];
    }>();
    expect([...byUser.flagged, ...byUser.entries]).toEqual([]);
  });

  it("keeps a former member's accesses in the unit's log after their role is taken away", async () => {
    const leaver = await createUser(t.database.db, {
      username: 'slutat.nyss',
      grants: [{ unitId: w.units.adult, role: 'adult_caseworker' }],
    });
    const session = await loginAs(t.app, leaver);
    const read = await t.app.inject({
      method: 'GET',
      url: `/api/persons/${w.persons.r.id}`,
      headers: session.headers,
    });
    expect(read.statusCode).toBe(200);
    const revoke = await t.app.inject({
      method: 'DELETE',
      url: `/api/admin/users/${leaver.id}/roles/${w.units.adult}/adult_caseworker`,
      headers: w.sessions.admin.headers,
    });
    expect(revoke.statusCode).toBe(200);

    const log = (await search({ userId: leaver.id })).json<{
      flagged: AccessLogEntry[];
      entries: AccessLogEntry[];
    }>();
    expect(log.entries.map((e) => [e.action, e.persons.map((p) => p.id)])).toContainEqual([
      'person.read',
      [w.persons.r.id],
    ]);
    // Another unit's manager does not see it: it was done in this unit's name.
    const elsewhere = await t.app.inject({
      method: 'POST',
      url: '/api/access-log/search',
      headers: w.sessions.otherManager.headers,
      payload: { unitId: w.units.children, userId: leaver.id },
    });
    expect(elsewhere.json<{ entries: AccessLogEntry[] }>().entries).toEqual([]);
  });

  it('is itself audited', async () => {
    const res = await search({});
    const row = await t.database.db
      .selectFrom('audit_event')
      .select(['action', 'actor_user_id'])
      .where('correlation_id', '=', String(res.headers['x-correlation-id']))
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ action: 'access_log.read', actor_user_id: w.users.manager.id });
  });
});

describe('nödåtkomst review', () => {
  it('shows a nödåtkomst to the manager at once, and records one review', async () => {
    const started = await t.app.inject({
      method: 'POST',
      url: '/api/emergency-access',
      headers: w.sessions.colleague.headers,
      payload: {
        kind: 'personnummer',
        number: w.persons.s.personnummer,
        reason: 'Polisen larmar om hot i natt.',
      },
    });
    expect(started.statusCode).toBe(201);

    const list = await t.app.inject({
      method: 'GET',
      url: `/api/units/${w.units.adult}/emergency-access`,
      headers: w.sessions.manager.headers,
    });
    const item = list.json<{
      items: { id: string; reason: string; reviewedAt: string | null; person: { id: string } }[];
    }>().items[0];
    expect(item).toMatchObject({
      reason: 'Polisen larmar om hot i natt.',
      reviewedAt: null,
      person: { id: w.persons.s.id },
    });

    const review = (note: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/emergency-access/${item?.id}/review`,
        headers: w.sessions.manager.headers,
        payload: { note },
      });
    const first = await review('Rimligt, akut läge.');
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      reviewedBy: { id: w.users.manager.id },
      reviewNote: 'Rimligt, akut läge.',
    });
    expect((await review('En gång till')).statusCode).toBe(409);
  });

  it('does not let a manager review their own nödåtkomst', async () => {
    const started = await t.app.inject({
      method: 'POST',
      url: '/api/emergency-access',
      headers: w.sessions.manager.headers,
      payload: {
        kind: 'personnummer',
        number: w.persons.s.personnummer,
        reason: 'Behöver se akten inför samråd.',
      },
    });
    expect(started.statusCode).toBe(201);
    const own = await t.database.db
      .selectFrom('emergency_access')
      .select('id')
      .where('user_id', '=', w.users.manager.id)
      .executeTakeFirstOrThrow();
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/emergency-access/${own.id}/review`,
      headers: w.sessions.manager.headers,
      payload: { note: 'Godkänner mig själv' },
    });
    expect(res.statusCode).toBe(403);
  });

  it('refuses a nödåtkomst without a real reason, and for a number nobody has, records the attempt', async () => {
    const short = await t.app.inject({
      method: 'POST',
      url: '/api/emergency-access',
      headers: w.sessions.colleague.headers,
      payload: { kind: 'personnummer', number: w.persons.s.personnummer, reason: 'behövs' },
    });
    expect(short.statusCode).toBe(400);
    expect(short.json()).toMatchObject({ error: { fields: [{ path: 'body.reason' }] } });

    const nobody = await t.app.inject({
      method: 'POST',
      url: '/api/emergency-access',
      headers: w.sessions.colleague.headers,
      payload: {
        kind: 'personnummer',
        number: '201901022382',
        reason: 'Orosanmälan från skolan om akut fara.',
      },
    });
    expect(nobody.statusCode).toBe(404);
    const row = await t.database.db
      .selectFrom('audit_event')
      .select(['action', 'emergency'])
      .where('correlation_id', '=', String(nobody.headers['x-correlation-id']))
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ action: 'emergency_access.start', emergency: true });
  });
});
