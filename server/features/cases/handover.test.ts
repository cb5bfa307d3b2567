import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runHandovers } from '../../jobs/handover.ts';
import { startJob } from '../../jobs/schedule.ts';
import { createTestApp } from '../../test/test-app.ts';
import type { TestApp } from '../../test/test-app.ts';
import { createUnit, createUser, intakePayload, loginAs } from '../../test/factories.ts';
import type { TestUser } from '../../test/factories.ts';
import type { ServiceDeps } from '../../service-deps.ts';
import { parseConfig } from '../../config.ts';
import { auditRecordKeys } from '../../../core/audit/events.ts';

/**
 * Socialjour hands over to the day unit (issue 13, item 2), through real HTTP: an intake on a
 * Saturday night is planned for Monday, the job moves it then and not before, the day unit's
 * queue shows it first and marked, and socialjour's hold on the case ends with it.
 */

// Saturday 2026-12-05 23:00 in Stockholm (CET, UTC+1).
const SATURDAY_NIGHT = new Date('2026-12-05T22:00:00Z');
const SUNDAY_NOON = new Date('2026-12-06T11:00:00Z');
const MONDAY_MORNING = new Date('2026-12-07T06:00:00Z'); // 07:00 in Stockholm

let now = SATURDAY_NIGHT;
const clock = () => now;
let t: TestApp;
let deps: ServiceDeps;
const units = { outOfHours: '', adult: '', children: '' };
let socialjour: TestUser;
let dayWorker: TestUser;
let admin: TestUser;
let caseId = '';

// Without a second factor, so one user may log in twice within one code's time step.
const login = (user: TestUser) => loginAs(t.app, user, now);

beforeAll(async () => {
  t = await createTestApp({ clock });
  deps = { db: t.database.db, config: parseConfig({ NODE_ENV: 'test' }), clock };
  const db = t.database.db;
  units.outOfHours = (await createUnit(db, { kind: 'out_of_hours', name: 'Socialjouren' })).id;
  units.adult = (await createUnit(db, { kind: 'adult', name: 'Relationsvåldsteamet' })).id;
  units.children = (await createUnit(db, { kind: 'children', name: 'Barn och unga' })).id;
  socialjour = await createUser(db, {
    grants: [{ unitId: units.outOfHours, role: 'out_of_hours' }],
    totp: false,
  });
  dayWorker = await createUser(db, {
    grants: [{ unitId: units.adult, role: 'adult_caseworker' }],
    totp: false,
  });
  admin = await createUser(db, {
    grants: [{ unitId: units.adult, role: 'administrator' }],
    totp: false,
  });
});
afterAll(async () => {
  await t.close();
});

interface QueueItem {
  id: string;
  handedOver: { on: string } | null;
  acuteNeed: string | null;
}

interface CaseHandover {
  handedOver: { on: string; fromUnitName: string } | null;
  handoverPlanned: { on: string; toUnitName: string } | null;
}

describe('the handover rules', () => {
  it('are set by an administrator and read back', async () => {
    const session = await login(admin);
    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/admin/handover-rules',
      headers: session.headers,
      payload: {
        defaultUnitId: units.adult,
        childUnitId: units.children,
        nightStartsHour: 17,
        nightEndsHour: 8,
        rules: [
          { targetGroup: 'victim', unitId: units.adult },
          { targetGroup: 'perpetrator', unitId: units.adult },
          { targetGroup: 'child', unitId: units.children },
        ],
      },
    });
    expect(put.statusCode).toBe(200);
    const get = await t.app.inject({
      method: 'GET',
      url: '/api/admin/handover-rules',
      headers: session.headers,
    });
    expect(get.statusCode).toBe(200);
    const rules = get.json<{
      defaultUnitId: string;
      childUnitId: string | null;
      rules: { targetGroup: string; unitId: string }[];
    }>();
    expect(rules.defaultUnitId).toBe(units.adult);
    expect(rules.childUnitId).toBe(units.children);
    expect(rules.rules).toContainEqual({ targetGroup: 'victim', unitId: units.adult });
  });

  it('refuse a unit that does not exist', async () => {
    const session = await login(admin);
    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/admin/handover-rules',
      headers: session.headers,
      payload: {
        defaultUnitId: '00000000-0000-4000-8000-000000000000',
        childUnitId: null,
        nightStartsHour: 17,
        nightEndsHour: 8,
        rules: [],
      },
    });
    expect(put.statusCode).toBe(400);
  });

  it('are not for a handläggare', async () => {
    const session = await login(dayWorker);
    const get = await t.app.inject({
      method: 'GET',
      url: '/api/admin/handover-rules',
      headers: session.headers,
    });
    expect(get.statusCode).toBe(403);
  });
});

describe('socialjour on a Saturday night', () => {
  it('registers the intake, planned for Monday with the adult unit', async () => {
    const session = await login(socialjour);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/intakes',
      headers: session.headers,
      payload: intakePayload(
        units.outOfHours,
        {
          existing: false,
          newPerson: {
            identity: null,
            givenName: 'Natt',
            familyName: 'Lördag',
            protectionLevel: 'none',
          },
        },
        { acuteNeed: 'yes', assignToMe: true, receivedAt: SATURDAY_NIGHT.toISOString() },
      ),
    });
    expect(res.statusCode).toBe(201);
    caseId = res.json<{ caseId: string }>().caseId;
    const planned = await t.database.db
      .selectFrom('case_event')
      .select('payload')
      .where('case_id', '=', caseId)
      .where('type', '=', 'handover_planned')
      .executeTakeFirstOrThrow();
    expect(planned.payload).toEqual({ toUnitId: units.adult, on: '2026-12-07' });
    const detail = await t.app.inject({
      method: 'GET',
      url: `/api/cases/${caseId}`,
      headers: session.headers,
    });
    expect(detail.statusCode).toBe(200);
  });

  it('shows socialjour on the case page where and when it will be handed over', async () => {
    const session = await login(socialjour);
    const detail = await t.app.inject({
      method: 'GET',
      url: `/api/cases/${caseId}`,
      headers: session.headers,
    });
    expect(detail.statusCode).toBe(200);
    expect(detail.json<CaseHandover>()).toMatchObject({
      handoverPlanned: { on: '2026-12-07', toUnitName: 'Relationsvåldsteamet' },
      handedOver: null,
    });
  });

  it('is not moved on Sunday', async () => {
    now = SUNDAY_NOON;
    expect(await runHandovers(deps, clock)).toEqual([]);
    const row = await t.database.db
      .selectFrom('case')
      .select(['unit_id', 'assigned_user_id'])
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ unit_id: units.outOfHours, assigned_user_id: socialjour.id });
  });

  it('is moved on Monday at 07:00, once', async () => {
    now = MONDAY_MORNING;
    expect(await runHandovers(deps, clock)).toEqual([caseId]);
    expect(await runHandovers(deps, clock)).toEqual([]);
    const row = await t.database.db
      .selectFrom('case')
      .select(['unit_id', 'assigned_user_id', 'queue_priority'])
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ unit_id: units.adult, assigned_user_id: null, queue_priority: 0 });
    const events = await t.database.db
      .selectFrom('case_event')
      .select(['payload', 'recorded_by'])
      .where('case_id', '=', caseId)
      .where('type', '=', 'case_handed_over')
      .execute();
    expect(events).toEqual([
      { payload: { fromUnitId: units.outOfHours, toUnitId: units.adult }, recorded_by: null },
    ]);
  });

  it('leaves an audit row naming no user and the case, once', async () => {
    const rows = await t.database.db
      .selectFrom('audit_event')
      .select(['actor_user_id', 'actor_role', 'actor_unit_id', 'case_ids', 'purpose', 'details'])
      .where('action', '=', 'case.handover')
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actor_user_id: null,
      actor_role: 'out_of_hours',
      actor_unit_id: units.outOfHours,
      case_ids: [caseId],
      purpose: 'planned_handover',
      details: { caseId, fromUnitId: units.outOfHours, toUnitId: units.adult },
    });
    // Named by the keys core/audit/events.ts gives its action.
    for (const key of auditRecordKeys['case.handover']) {
      expect((rows[0]?.details as Record<string, unknown>)[key]).toBeDefined();
    }
  });

  it("is first in the adult unit's queue, marked as handed over from socialjour", async () => {
    const session = await login(dayWorker);
    // An older, non-acute matter in the queue, registered by the day unit itself.
    const older = await t.app.inject({
      method: 'POST',
      url: '/api/intakes',
      headers: session.headers,
      payload: intakePayload(
        units.adult,
        {
          existing: false,
          newPerson: {
            identity: null,
            givenName: 'Dag',
            familyName: 'Kö',
            protectionLevel: 'none',
          },
        },
        { acuteNeed: 'no', assignToMe: false, receivedAt: SUNDAY_NOON.toISOString() },
      ),
    });
    expect(older.statusCode).toBe(201);
    // And an acute one opened before socialjour's night: the night's handover still goes first.
    const acute = await t.app.inject({
      method: 'POST',
      url: '/api/intakes',
      headers: session.headers,
      payload: intakePayload(
        units.adult,
        {
          existing: false,
          newPerson: {
            identity: null,
            givenName: 'Akut',
            familyName: 'Tidigare',
            protectionLevel: 'none',
          },
        },
        { acuteNeed: 'yes', assignToMe: false, receivedAt: SUNDAY_NOON.toISOString() },
      ),
    });
    expect(acute.statusCode).toBe(201);
    // The row's opening never changes in the application; the test moves it back by hand.
    const acuteId = acute.json<{ caseId: string }>().caseId;
    const friday = new Date(SATURDAY_NIGHT.getTime() - 86_400_000);
    await sql`update "case" set opened_at = ${friday} where id = ${acuteId}`.execute(t.database.db);
    const queue = await t.app.inject({
      method: 'GET',
      url: `/api/units/${units.adult}/queue`,
      headers: session.headers,
    });
    expect(queue.statusCode).toBe(200);
    const items = queue.json<{ items: QueueItem[] }>().items;
    expect(items[0]).toMatchObject({ id: caseId, handedOver: { on: '2026-12-07' } });
    expect(items.map((i) => i.acuteNeed).slice(1, 3)).toEqual(['yes', 'no']);
    expect(items.find((i) => i.id !== caseId)?.handedOver).toBeNull();
  });

  it('is no longer reached by socialjour, and is by the day unit', async () => {
    const night = await login(socialjour);
    const denied = await t.app.inject({
      method: 'GET',
      url: `/api/cases/${caseId}`,
      headers: night.headers,
    });
    expect(denied.statusCode).toBe(404);
    const day = await login(dayWorker);
    const allowed = await t.app.inject({
      method: 'GET',
      url: `/api/cases/${caseId}`,
      headers: day.headers,
    });
    expect(allowed.statusCode).toBe(200);
    const history = allowed.json<{ history: { type: string; summary: string }[] }>().history;
    expect(history.map((h) => h.summary)).toContain(
      'Överlämnat från socialjouren till Relationsvåldsteamet',
    );
    // The case page says when it came from socialjour, and no longer that it is planned.
    expect(allowed.json<CaseHandover>()).toMatchObject({
      handedOver: { on: '2026-12-07', fromUnitName: 'Socialjouren' },
      handoverPlanned: null,
    });
    const take = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/assignment`,
      headers: day.headers,
      payload: { userId: dayWorker.id, version: allowed.json<{ version: number }>().version },
    });
    expect(take.statusCode).toBe(200);
    const row = await t.database.db
      .selectFrom('case')
      .select(['unit_id', 'assigned_user_id'])
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ unit_id: units.adult, assigned_user_id: dayWorker.id });
  });
});

describe('socialjour on a weekday', () => {
  it('hands a daytime intake over the same day, a child to the children’s unit', async () => {
    now = new Date('2026-12-08T10:00:00Z'); // Tuesday 11:00
    const session = await login(socialjour);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/intakes',
      headers: session.headers,
      payload: {
        ...intakePayload(
          units.outOfHours,
          {
            existing: false,
            newPerson: {
              identity: null,
              givenName: 'Dag',
              familyName: 'Barn',
              protectionLevel: 'none',
            },
          },
          { receivedAt: new Date('2026-12-08T09:30:00Z').toISOString() },
        ),
        targetGroup: 'child',
      },
    });
    expect(res.statusCode).toBe(201);
    const id = res.json<{ caseId: string }>().caseId;
    expect(await runHandovers(deps, clock)).toEqual([id]);
    const row = await t.database.db
      .selectFrom('case')
      .select('unit_id')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.unit_id).toBe(units.children);
  });

  it('plans nothing for an intake by the day unit', async () => {
    const session = await login(dayWorker);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/intakes',
      headers: session.headers,
      payload: intakePayload(units.adult, {
        existing: false,
        newPerson: {
          identity: null,
          givenName: 'Dag',
          familyName: 'Egen',
          protectionLevel: 'none',
        },
      }),
    });
    expect(res.statusCode).toBe(201);
    const planned = await t.database.db
      .selectFrom('case_event')
      .select('seq')
      .where('case_id', '=', res.json<{ caseId: string }>().caseId)
      .where('type', '=', 'handover_planned')
      .execute();
    expect(planned).toEqual([]);
  });
});

describe('the job on its interval', () => {
  it('runs at once and on every tick until stopped, and stops cleanly', async () => {
    const session = await login(socialjour);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/intakes',
      headers: session.headers,
      payload: intakePayload(
        units.outOfHours,
        {
          existing: false,
          newPerson: {
            identity: null,
            givenName: 'Tick',
            familyName: 'Jobb',
            protectionLevel: 'none',
          },
        },
        { receivedAt: new Date(now.getTime() - 60_000).toISOString() },
      ),
    });
    expect(res.statusCode).toBe(201);
    const id = res.json<{ caseId: string }>().caseId;
    const moved: string[] = [];
    const errors: unknown[] = [];
    const job = startJob(() => runHandovers(deps, deps.clock), {
      everyMs: 20,
      onError: (error) => errors.push(error),
      onDone: (ids) => moved.push(...ids),
    });
    await vi.waitFor(() => {
      expect(moved).toEqual([id]);
    });
    await job.stop();
    expect(errors).toEqual([]);
  });
});
