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

  it('records the list and the review as nödåtkomst rows, for review, in the unit of the manager', async () => {
    const list = await t.app.inject({
      method: 'GET',
      url: `/api/units/${w.units.adult}/emergency-access`,
      headers: w.sessions.manager.headers,
    });
    expect(list.statusCode).toBe(200);
    const rows = await t.database.db
      .selectFrom('audit_event')
      .select(['action', 'purpose', 'emergency', 'actor_unit_id', 'person_ids'])
      .where((eb) =>
        eb.or([
          eb('correlation_id', '=', String(list.headers['x-correlation-id'])),
          eb('action', '=', 'emergency_access.review'),
        ]),
      )
      .orderBy('seq')
      .execute();
    const common = { purpose: 'review', emergency: true, actor_unit_id: w.units.adult };
    expect(rows).toEqual([
      { action: 'emergency_access.review', ...common, person_ids: [w.persons.s.id] },
      { action: 'access_log.read', ...common, person_ids: [w.persons.s.id] },
    ]);
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

interface Log {
  flagged: AccessLogEntry[];
  entries: AccessLogEntry[];
}

describe('refused attempts in loggkontroll', () => {
  it("shows a staff member's refused attempt to the unit's manager, and to the manager of the unit responsible for the person", async () => {
    // A children's handläggare tries the protected person Q, whose case is in the adult unit.
    const refused = await t.app.inject({
      method: 'GET',
      url: `/api/persons/${w.persons.q.id}`,
      headers: w.sessions.childrenWorker.headers,
    });
    expect(refused.statusCode).toBe(404);
    const correlationId = String(refused.headers['x-correlation-id']);

    const responsible = (await search({ securityOnly: true })).json<Log>();
    const seen = responsible.flagged.find((e) => e.correlationId === correlationId);
    expect(seen).toMatchObject({
      action: 'security.refused',
      actor: { id: w.users.childrenWorker.id },
      involvesProtected: true,
      persons: [{ id: w.persons.q.id, displayName: 'Testa Qvist' }],
      refusal: { route: 'GET /api/persons/:personId', status: 404 },
    });
    expect([...responsible.flagged, ...responsible.entries].map((e) => e.action)).not.toContain(
      'person.read',
    );

    // The children's manager sees what their handläggare tried, but not whom: Q is not theirs.
    const own = (
      await search({ unitId: w.units.children, securityOnly: true }, w.sessions.otherManager)
    ).json<Log>();
    expect(own.flagged.find((e) => e.correlationId === correlationId)).toMatchObject({
      persons: [{ id: w.persons.q.id, displayName: 'Person utanför enheten' }],
    });
    expect(JSON.stringify(own)).not.toContain('Qvist');
  });

  it('records UUID probing and role changes on oneself, filterable as security events', async () => {
    const probe = await t.app.inject({
      method: 'GET',
      url: '/api/cases/0b8f3c1e-7d2a-4f5b-9c6d-1e2f3a4b5c6d',
      headers: w.sessions.colleague.headers,
    });
    expect(probe.statusCode).toBe(404);
    const self = await t.app.inject({
      method: 'POST',
      url: `/api/admin/users/${w.users.manager.id}/roles`,
      headers: w.sessions.manager.headers,
      payload: { unitId: w.units.adult, role: 'adult_caseworker' },
    });
    expect(self.statusCode).toBe(403);

    const log = (await search({ securityOnly: true })).json<Log>();
    const all = [...log.flagged, ...log.entries];
    expect(
      all.every((e) => e.action === 'security.refused' || e.action === 'auth.login_failed'),
    ).toBe(true);
    expect(
      all.find((e) => e.correlationId === String(probe.headers['x-correlation-id'])),
    ).toMatchObject({
      actor: { id: w.users.colleague.id },
      caseIds: ['0b8f3c1e-7d2a-4f5b-9c6d-1e2f3a4b5c6d'],
      refusal: { route: 'GET /api/cases/:caseId', status: 404, reason: 'no such record' },
    });
    expect(
      all.find((e) => e.correlationId === String(self.headers['x-correlation-id'])),
    ).toMatchObject({
      actor: { id: w.users.manager.id },
      refusal: { status: 403, reason: 'nobody asks for changes to their own account' },
    });
  });
});

describe('nödåtkomst from another unit', () => {
  it("is reviewed by the unit responsible for the person as well as the user's own, once", async () => {
    // The children's handläggare (unit B) opens P, whose open case is in the adult unit (A).
    const started = await t.app.inject({
      method: 'POST',
      url: '/api/emergency-access',
      headers: w.sessions.childrenWorker.headers,
      payload: {
        kind: 'personnummer',
        number: w.persons.p.personnummer,
        reason: 'Skolan larmar om akut fara för barnet.',
      },
    });
    expect(started.statusCode).toBe(201);
    const id = (
      await t.database.db
        .selectFrom('emergency_access')
        .select('id')
        .where('user_id', '=', w.users.childrenWorker.id)
        .where('person_id', '=', w.persons.p.id)
        .executeTakeFirstOrThrow()
    ).id;

    const listed = async (unitId: string, as: typeof w.sessions.manager) => {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/units/${unitId}/emergency-access`,
        headers: as.headers,
      });
      expect(res.statusCode).toBe(200);
      return res.json<{ items: { id: string; reviewedAt: string | null }[] }>().items;
    };
    expect(
      (await listed(w.units.adult, w.sessions.manager)).find((i) => i.id === id),
    ).toMatchObject({ reviewedAt: null });
    expect(
      (await listed(w.units.children, w.sessions.otherManager)).find((i) => i.id === id),
    ).toMatchObject({ reviewedAt: null });

    const review = (as: typeof w.sessions.manager) =>
      t.app.inject({
        method: 'POST',
        url: `/api/emergency-access/${id}/review`,
        headers: as.headers,
        payload: { note: 'Kontrollerat: skolans larm.' },
      });
    expect((await review(w.sessions.manager)).statusCode).toBe(200);
    // One review closes it for every unit.
    expect((await review(w.sessions.otherManager)).statusCode).toBe(409);
    expect(
      (await listed(w.units.children, w.sessions.otherManager)).find((i) => i.id === id),
    ).toMatchObject({ reviewedBy: { id: w.users.manager.id } });
  });
});

describe('nödåtkomst to a person whose cases are all closed', () => {
  it('is reviewed by the unit of the most recent case', async () => {
    const started = await t.app.inject({
      method: 'POST',
      url: '/api/emergency-access',
      headers: w.sessions.outOfHours.headers,
      payload: {
        kind: 'personnummer',
        number: w.persons.s.personnummer,
        reason: 'Socialjouren: polisen begär uppgifter i natt.',
      },
    });
    expect(started.statusCode).toBe(201);
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/units/${w.units.adult}/emergency-access`,
      headers: w.sessions.manager.headers,
    });
    const items = res.json<{ items: { user: { id: string }; person: { id: string } }[] }>().items;
    expect(items.map((i) => [i.user.id, i.person.id])).toContainEqual([
      w.users.outOfHours.id,
      w.persons.s.id,
    ]);
  });
});
