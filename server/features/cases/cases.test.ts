import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/test-app.ts';
import type { TestApp } from '../../test/test-app.ts';
import { intakePayload } from '../../test/factories.ts';
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

const newVictim = (
  familyName: string,
  identity: { kind: string; number: string } | null = null,
  overrides: Parameters<typeof intakePayload>[2] = {},
) =>
  intakePayload(
    w.units.adult,
    {
      existing: false,
      newPerson: { identity, givenName: 'Ny', familyName, protectionLevel: 'none' },
    },
    overrides,
  );

const register = (payload: unknown, as: keyof World['sessions'] = 'colleague') =>
  t.app.inject({
    method: 'POST',
    url: '/api/intakes',
    headers: w.sessions[as].headers,
    payload: payload as object,
  });

describe('my cases', () => {
  it('pages by cursor, oldest first, without gaps or repeats', async () => {
    for (let i = 0; i < 28; i++) {
      const res = await register(newVictim(`Sida${i}`));
      expect(res.statusCode).toBe(201);
    }
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const url: string = `/api/cases/mine?limit=10${after ? `&after=${after}` : ''}`;
      const res = await t.app.inject({ method: 'GET', url, headers: w.sessions.colleague.headers });
      expect(res.statusCode).toBe(200);
      const body = res.json<{
        items: { id: string; openedAt: string }[];
        nextCursor: string | null;
      }>();
      seen.push(...body.items.map((i) => i.id));
      after = body.nextCursor;
      pages++;
    } while (after);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(28);
    expect(new Set(seen).size).toBe(28);
  });

  it('refuses a tampered cursor with a field message', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/cases/mine?after=bm90LWEtY3Vyc29y',
      headers: w.sessions.colleague.headers,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      error: { code: 'VALIDATION', fields: [{ path: 'query.after' }] },
    });
  });
});

describe('registering an aktualisering', () => {
  it('routes the matter to the unit that held the file when the personnummer is already registered', async () => {
    // S has only a closed case: nobody sees S, and a new matter must not change that for its author.
    const before = await t.app.inject({
      method: 'GET',
      url: `/api/persons/${w.persons.s.id}`,
      headers: w.sessions.colleague.headers,
    });
    expect(before.statusCode).toBe(404);
    const res = await register(
      newVictim('Annat namn', { kind: 'personnummer', number: w.persons.s.personnummer }),
    );
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ outcome: 'routed' });
    expect(res.body).not.toContain(w.persons.s.id);
    const file = (as: 'colleague' | 'assigned') =>
      t.app.inject({
        method: 'GET',
        url: `/api/persons/${w.persons.s.id}`,
        headers: w.sessions[as].headers,
      });
    expect((await file('colleague')).statusCode).toBe(404);
    // The unit's other handläggare find it in the queue: the file has a new matter there.
    const other = await file('assigned');
    expect(other.json()).toMatchObject({ familyName: 'Sand', access: 'intake_queue' });
  });

  it('points an invalid personnummer at its field, and saves nothing', async () => {
    const count = async () =>
      (await t.database.db.selectFrom('case').select('id').execute()).length;
    const before = await count();
    const res = await register(newVictim('Fel', { kind: 'personnummer', number: '19920312-2389' }));
    expect(res.statusCode).toBe(400);
    const fields = res.json<{ error: { fields: { path: string; message: string }[] } }>().error
      .fields;
    expect(fields.map((f) => f.path)).toEqual(['body.person.newPerson.identity.number']);
    expect(fields[0]?.message).toContain('Kontrollsiffran');
    expect(await count()).toBe(before);
  });
});

describe('the intake', () => {
  it('puts an acute case first in the unit’s queue, across pages', async () => {
    const calm = await register(newVictim('Lugn', null, { assignToMe: false, acuteNeed: 'no' }));
    const acute = await register(newVictim('Akut', null, { assignToMe: false, acuteNeed: 'yes' }));
    expect(calm.statusCode).toBe(201);
    const queue = await t.app.inject({
      method: 'GET',
      url: `/api/units/${w.units.adult}/queue?limit=1`,
      headers: w.sessions.manager.headers,
    });
    const first = queue.json<{ items: { id: string; acuteNeed: string }[]; nextCursor: string }>();
    expect(first.items).toEqual([
      expect.objectContaining({ id: acute.json<{ caseId: string }>().caseId, acuteNeed: 'yes' }),
    ]);
    const rest = await t.app.inject({
      method: 'GET',
      url: `/api/units/${w.units.adult}/queue?limit=100&after=${first.nextCursor}`,
      headers: w.sessions.manager.headers,
    });
    const ids = rest.json<{ items: { id: string }[] }>().items.map((i) => i.id);
    expect(ids).toContain(calm.json<{ caseId: string }>().caseId);
    expect(ids).not.toContain(acute.json<{ caseId: string }>().caseId);
  });

  it('records what came in, from whom, how and when, and the screening, in an append-only log', async () => {
    const res = await register(newVictim('Logg', null, { acuteNeed: 'unclear' }));
    const { caseId } = res.json<{ caseId: string }>();
    const events = await t.database.db
      .selectFrom('case_event')
      .select(['seq', 'type', 'payload', 'recorded_by'])
      .where('case_id', '=', caseId)
      .orderBy('seq')
      .execute();
    expect(events.map((e) => e.type)).toEqual(['intake_registered', 'acute_screening']);
    expect(events[0]?.payload).toMatchObject({
      intakeType: 'police_notification',
      from: 'Polisen, region Stockholm',
      channel: 'police',
    });
    expect(events[1]?.payload).toMatchObject({ acuteNeed: 'unclear' });
    expect(events.every((e) => e.recorded_by === w.users.colleague.id)).toBe(true);
    await expect(
      t.database.db
        .updateTable('case_event')
        .set({ recorded_by: null })
        .where('case_id', '=', caseId)
        .execute(),
    ).rejects.toThrow(/append-only/);
  });

  it('refuses a receipt time in the future, on its field', async () => {
    const res = await register(
      newVictim('Framtid', null, { receivedAt: new Date(Date.now() + 86_400_000).toISOString() }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { fields: [{ path: 'body.intake.receivedAt' }] } });
  });
});

describe('assignment', () => {
  it('detects a concurrent change by version: the second writer gets 409, nothing is overwritten', async () => {
    const queued = await t.app.inject({
      method: 'GET',
      url: `/api/units/${w.units.adult}/queue`,
      headers: w.sessions.manager.headers,
    });
    const item = queued
      .json<{ items: { id: string; version: number }[] }>()
      .items.find((i) => i.id === w.persons.r.caseId);
    expect(item).toBeDefined();
    const assign = (userId: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/cases/${w.persons.r.caseId}/assignment`,
        headers: w.sessions.manager.headers,
        payload: { userId, version: item?.version },
      });
    expect((await assign(w.users.colleague.id)).statusCode).toBe(200);
    const second = await assign(w.users.assigned.id);
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ error: { code: 'VERSION_CONFLICT' } });
    const row = await t.database.db
      .selectFrom('case')
      .select('assigned_user_id')
      .where('id', '=', w.persons.r.caseId)
      .executeTakeFirstOrThrow();
    expect(row.assigned_user_id).toBe(w.users.colleague.id);
  });

  it("is an event in the case's log: the history says who was given the case, and by whom", async () => {
    const detail = await t.app.inject({
      method: 'GET',
      url: `/api/cases/${w.persons.r.caseId}`,
      headers: w.sessions.colleague.headers,
    });
    expect(detail.statusCode).toBe(200);
    const history = detail.json<{
      history: { type: string; summary: string; recordedBy: string | null }[];
    }>().history;
    expect(history.filter((h) => h.type === 'case_assigned')).toEqual([
      expect.objectContaining({
        summary: `Ärendet tilldelat Test ${w.users.colleague.username}`,
        recordedBy: `Test ${w.users.manager.username}`,
      }),
    ]);
    const events = await t.database.db
      .selectFrom('case_event')
      .select(['payload', 'recorded_by'])
      .where('case_id', '=', w.persons.r.caseId)
      .where('type', '=', 'case_assigned')
      .execute();
    expect(events).toEqual([
      {
        payload: { userId: w.users.colleague.id, previousUserId: null },
        recorded_by: w.users.manager.id,
      },
    ]);
  });

  it('refuses an assignee who does not handle cases in the unit', async () => {
    const row = await t.database.db
      .selectFrom('case')
      .select('version')
      .where('id', '=', w.persons.p.caseId)
      .executeTakeFirstOrThrow();
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${w.persons.p.caseId}/assignment`,
      headers: w.sessions.manager.headers,
      payload: { userId: w.users.childrenWorker.id, version: row.version },
    });
    expect(res.statusCode).toBe(403);
  });
});
