import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail, CaseListItem, DeadlineView } from '../../../core/contracts/cases.ts';
import type { FollowUps } from '../../../core/contracts/follow-ups.ts';
import type { Db } from '../../db/database.ts';
import { createTestApp } from '../../test/test-app.ts';
import type { TestApp } from '../../test/test-app.ts';
import { createUnit, createUser, intakePayload, loginAs } from '../../test/factories.ts';
import type { LoggedIn, TestUser } from '../../test/factories.ts';

/**
 * Uppföljning over real HTTP on the real database: dates set on an uppdrag and shown as the
 * case's deadlines, an uppföljning recorded and corrected as a new version (a stale version is a
 * 409), the safety plan's review while she stays in skyddat boende, and the refusals.
 *
 * Uppdrag are made by another feature; here they are rows inserted by a small fixture.
 */

// A clock the test moves: Tuesday 10 November 2026 in Stockholm.
let now = new Date('2026-11-10T09:00:00Z');
let t: TestApp;
let db: Db;
let adultUnit: string;
let worker: TestUser;
let manager: TestUser;
let providerUser: TestUser;
const sessions: Record<'worker' | 'manager' | 'provider', LoggedIn> = {} as never;
let providerId: string;

async function logInAll() {
  sessions.worker = await loginAs(t.app, worker, now);
  sessions.manager = await loginAs(t.app, manager, now);
  sessions.provider = await loginAs(t.app, providerUser, now);
}
async function at(iso: string) {
  now = new Date(iso);
  await logInAll();
}

beforeAll(async () => {
  t = await createTestApp({ clock: () => now });
  db = t.database.db;
  adultUnit = (await createUnit(db, { kind: 'adult' })).id;
  const providerUnit = (await createUnit(db, { kind: 'provider' })).id;
  worker = await createUser(db, {
    grants: [{ unitId: adultUnit, role: 'adult_caseworker' }],
    totp: false,
  });
  manager = await createUser(db, {
    grants: [{ unitId: adultUnit, role: 'unit_manager' }],
    totp: false,
  });
  providerUser = await createUser(db, {
    grants: [{ unitId: providerUnit, role: 'provider' }],
    totp: false,
  });
  await db
    .insertInto('delegation')
    .values({
      unit_id: adultUnit,
      intervention: 'shelter',
      role: 'adult_caseworker',
      granted_by: null,
    })
    .execute();
  providerId = (
    await db
      .insertInto('provider')
      .values({ name: 'Skyddade boendet Fyren', kind: 'external', unit_id: providerUnit })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  await logInAll();
});
afterAll(async () => {
  await t.close();
});

type As = keyof typeof sessions;
const send = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, as: As = 'worker') =>
  t.app.inject({ method, url, headers: sessions[as].headers, ...(payload ? { payload } : {}) });
const detail = async (caseId: string) =>
  (await send('GET', `/api/cases/${caseId}`)).json<CaseDetail>();
const list = async (caseId: string) =>
  (await send('GET', `/api/cases/${caseId}/follow-ups`)).json<FollowUps>();
const deadlinesOf = async (caseId: string, kind: DeadlineView['kind']) =>
  (await detail(caseId)).deadlines.filter((d) => d.kind === kind);
interface ErrorBody {
  error: { code: string; message: string; fields?: { path: string; message: string }[] };
}
const errorOf = (res: { json: () => unknown }) => (res.json() as ErrorBody).error;

/** A woman placed in skyddat boende by an acute beslut today, for the period given. */
async function placed(familyName: string, period = { from: '2026-11-10', to: '2026-12-10' }) {
  const payload = intakePayload(
    adultUnit,
    {
      existing: false,
      newPerson: { identity: null, givenName: 'Ulla', familyName, protectionLevel: 'none' },
    },
    { acuteNeed: 'yes', receivedAt: new Date(now.getTime() - 3_600_000).toISOString() },
  );
  payload.intake.type = 'application_oral';
  const created = await send('POST', '/api/intakes', payload);
  expect(created.statusCode, created.body).toBe(201);
  const { caseId, personId } = created.json<{ caseId: string; personId: string }>();
  const decided = await send('POST', `/api/cases/${caseId}/acute-decisions`, {
    intervention: 'shelter',
    requested: 'Skyddat boende.',
    motivation: 'Hon har misshandlats och kan inte återvända hem.',
    groundReason: 'Hon behöver en skyddad plats i dag. Beslutet kan inte vänta.',
    ownView: 'Hon säger att han letar efter henne.',
    decidedOn: period.from,
    period,
    notified: { how: 'in_person', on: period.from },
    version: (await detail(caseId)).version,
  });
  expect(decided.statusCode, decided.body).toBe(201);
  return { caseId, personId, decisionId: decided.json<{ id: string }>().id, period };
}

/** The uppdrag to the shelter for that beslut: a fixture, as the uppdrag feature would make it. */
async function commissionFor(
  c: Awaited<ReturnType<typeof placed>>,
  status: 'sent' | 'accepted' | 'declined' | 'ended' = 'accepted',
  period = c.period,
) {
  const row = await db
    .insertInto('commission')
    .values({
      case_id: c.caseId,
      decision_id: c.decisionId,
      person_id: c.personId,
      provider_id: providerId,
      intervention: 'shelter',
      period_from: period.from,
      period_to: period.to,
      status,
      created_by: worker.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const followUpBody = (commissionId: string, dueId: string | null, over: object = {}) => ({
  commissionId,
  dueId,
  followedUpOn: '2026-11-19',
  method: 'meeting',
  withPerson: true,
  withProvider: true,
  personView: 'Jag sover bättre här, men jag är rädd när jag går till affären.',
  assessment: 'Placeringen ger skydd. Hon behöver stöd i kontakten med skolan.',
  actions: 'Säkerhetsplanen ses över med boendet. Kontakt med skolan bokas.',
  goalFulfilment: 'partly',
  ...over,
});

describe('uppföljning of an uppdrag', () => {
  it('sets dates shown as deadlines, records an uppföljning, and corrects it as a new version', async () => {
    await at('2026-11-10T09:00:00Z');
    const c = await placed('Fyrsson');
    const commissionId = await commissionFor(c);

    // A date for the uppföljning, then moved: a new version, the first kept.
    const set = await send('POST', `/api/cases/${c.caseId}/follow-up-dues`, {
      commissionId,
      dueOn: '2026-11-20',
    });
    expect(set.statusCode, set.body).toBe(201);
    const due = set.json<{ id: string; version: number }>();
    expect(due.version).toBe(1);
    expect(await deadlinesOf(c.caseId, 'follow_up')).toEqual([
      { kind: 'follow_up', dueOn: '2026-11-20', status: 'ok', intervention: 'shelter' },
    ]);
    const moved = await send('POST', `/api/cases/${c.caseId}/follow-up-dues/${due.id}/versions`, {
      dueOn: '2026-11-18',
      cancelled: false,
      reason: 'Boendet kan bara träffas på onsdag.',
      version: 1,
    });
    expect(moved.statusCode, moved.body).toBe(201);
    expect(moved.json()).toEqual({ id: due.id, version: 2 });
    const stale = await send('POST', `/api/cases/${c.caseId}/follow-up-dues/${due.id}/versions`, {
      dueOn: '2026-11-25',
      cancelled: false,
      reason: 'Annat datum.',
      version: 1,
    });
    expect(stale.statusCode, stale.body).toBe(409);
    expect(errorOf(stale).code).toBe('VERSION_CONFLICT');
    const afterMove = await list(c.caseId);
    expect(afterMove.commissions).toHaveLength(1);
    expect(afterMove.commissions[0]).toMatchObject({
      id: commissionId,
      intervention: 'shelter',
      providerName: 'Skyddade boendet Fyren',
      status: 'accepted',
    });
    expect(afterMove.commissions[0]?.dues[0]).toMatchObject({
      id: due.id,
      version: 2,
      dueOn: '2026-11-18',
      cancelled: false,
      answeredBy: null,
    });
    expect(afterMove.commissions[0]?.dues[0]?.history.map((h) => h.dueOn)).toEqual([
      '2026-11-20',
      '2026-11-18',
    ]);
    expect(afterMove.abilities.write).toBe(true);

    // The day after, the date is overdue — on the case, and in her list of cases.
    await at('2026-11-19T09:00:00Z');
    const overdue = {
      kind: 'follow_up',
      dueOn: '2026-11-18',
      status: 'overdue',
      intervention: 'shelter',
    };
    expect(await deadlinesOf(c.caseId, 'follow_up')).toEqual([overdue]);
    const mine = (await send('GET', '/api/cases/mine?limit=100')).json<{ items: CaseListItem[] }>();
    expect(mine.items.find((i) => i.id === c.caseId)?.deadlines).toContainEqual(overdue);

    // Goals partly met, and no action named: refused on the field, nothing saved.
    const incomplete = await send(
      'POST',
      `/api/cases/${c.caseId}/follow-ups`,
      followUpBody(commissionId, due.id, { actions: '  ' }),
    );
    expect(incomplete.statusCode, incomplete.body).toBe(400);
    expect(errorOf(incomplete).fields?.map((f) => f.path)).toEqual(['body.actions']);
    const recorded = await send(
      'POST',
      `/api/cases/${c.caseId}/follow-ups`,
      followUpBody(commissionId, due.id),
    );
    expect(recorded.statusCode, recorded.body).toBe(201);
    const followUp = recorded.json<{ id: string; version: number }>();
    expect(followUp.version).toBe(1);
    // The date is met: no longer a deadline.
    expect(await deadlinesOf(c.caseId, 'follow_up')).toEqual([]);
    // A second uppföljning cannot answer the same date.
    const again = await send(
      'POST',
      `/api/cases/${c.caseId}/follow-ups`,
      followUpBody(commissionId, due.id),
    );
    expect(again.statusCode, again.body).toBe(409);
    expect(errorOf(again).message).toBe(
      'Uppföljningen för datumet är redan gjord. Välj ett annat datum eller inget.',
    );

    // Corrected: a new version with its reason; the first stays as it was.
    const url = `/api/cases/${c.caseId}/follow-ups/${followUp.id}/versions`;
    const corrected = await send('POST', url, {
      ...followUpBody(commissionId, null, { goalFulfilment: 'fully', actions: '' }),
      reason: 'Fel måluppfyllelse angavs.',
      version: 1,
      commissionId: undefined,
      dueId: undefined,
    });
    expect(corrected.statusCode, corrected.body).toBe(201);
    expect(corrected.json()).toEqual({ id: followUp.id, version: 2 });
    const staleCorrection = await send('POST', url, {
      ...followUpBody(commissionId, null),
      reason: 'Ändrar igen.',
      version: 1,
      commissionId: undefined,
      dueId: undefined,
    });
    expect(staleCorrection.statusCode, staleCorrection.body).toBe(409);
    expect(errorOf(staleCorrection).code).toBe('VERSION_CONFLICT');

    const shown = await list(c.caseId);
    expect(shown.followUps).toHaveLength(1);
    const view = shown.followUps[0]!;
    expect(view).toMatchObject({
      id: followUp.id,
      version: 2,
      commissionId,
      dueId: due.id,
      goalFulfilment: 'fully',
      correctionReason: 'Fel måluppfyllelse angavs.',
      createdBy: { id: worker.id },
    });
    expect(view.history.map((h) => [h.version, h.goalFulfilment])).toEqual([
      [1, 'partly'],
      [2, 'fully'],
    ]);
    expect(view.history[0]?.personView).toBe(
      'Jag sover bättre här, men jag är rädd när jag går till affären.',
    );
    expect(shown.commissions[0]?.dues[0]?.answeredBy).toBe(followUp.id);

    // The table refuses changing what is written.
    await expect(
      db
        .updateTable('follow_up')
        .set({ goal_fulfilment: 'not_met' })
        .where('id', '=', followUp.id)
        .execute(),
    ).rejects.toThrow();

    // Every write was audited, naming the record.
    const rows = await db
      .selectFrom('audit_event')
      .select(['action', 'case_ids'])
      .where('action', 'in', ['follow_up.record', 'follow_up.correct', 'follow_up_due.change'])
      .orderBy('seq')
      .execute();
    expect(rows.filter((r) => r.case_ids.includes(c.caseId)).map((r) => r.action)).toEqual([
      'follow_up_due.change',
      'follow_up.record',
      'follow_up.correct',
    ]);
  });

  it('lets one of two corrections from the same version in, and a cancelled date stops being a deadline', async () => {
    await at('2026-11-10T09:00:00Z');
    const c = await placed('Samtidigsson');
    const commissionId = await commissionFor(c);
    const recorded = await send(
      'POST',
      `/api/cases/${c.caseId}/follow-ups`,
      followUpBody(commissionId, null, { followedUpOn: '2026-11-10' }),
    );
    expect(recorded.statusCode, recorded.body).toBe(201);
    const { id } = recorded.json<{ id: string }>();
    const correction = (goalFulfilment: string, reason: string) =>
      send('POST', `/api/cases/${c.caseId}/follow-ups/${id}/versions`, {
        ...followUpBody(commissionId, null, { followedUpOn: '2026-11-10', goalFulfilment }),
        reason,
        version: 1,
        commissionId: undefined,
        dueId: undefined,
      });
    const both = await Promise.all([
      correction('not_met', 'Målen är inte nådda.'),
      correction('fully', 'Målen är nådda.'),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const [shown] = (await list(c.caseId)).followUps;
    expect(shown?.history).toHaveLength(2);

    const set = await send('POST', `/api/cases/${c.caseId}/follow-up-dues`, {
      commissionId,
      dueOn: '2026-11-30',
    });
    const due = set.json<{ id: string }>();
    expect(await deadlinesOf(c.caseId, 'follow_up')).toHaveLength(1);
    const cancelled = await send(
      'POST',
      `/api/cases/${c.caseId}/follow-up-dues/${due.id}/versions`,
      { dueOn: '2026-11-30', cancelled: true, reason: 'Insatsen avslutas tidigare.', version: 1 },
    );
    expect(cancelled.statusCode, cancelled.body).toBe(201);
    expect(await deadlinesOf(c.caseId, 'follow_up')).toEqual([]);
    const [dueView] = (await list(c.caseId)).commissions[0]?.dues ?? [];
    expect(dueView).toMatchObject({ cancelled: true, version: 2, dueOn: '2026-11-30' });
    const again = await send('POST', `/api/cases/${c.caseId}/follow-up-dues/${due.id}/versions`, {
      dueOn: '2026-12-02',
      cancelled: false,
      reason: 'Ändå.',
      version: 2,
    });
    expect(again.statusCode, again.body).toBe(409);
  });

  it("asks for the safety plan's review while she stays in skyddat boende, until it is revised", async () => {
    await at('2026-11-10T09:00:00Z');
    const c = await placed('Planström');
    // The granted beslut alone runs a stay: the review is due two weeks after it began.
    expect(await deadlinesOf(c.caseId, 'safety_plan_review')).toEqual([
      { kind: 'safety_plan_review', dueOn: '2026-11-24', status: 'ok' },
    ]);
    await at('2026-11-25T09:00:00Z');
    expect(await deadlinesOf(c.caseId, 'safety_plan_review')).toEqual([
      { kind: 'safety_plan_review', dueOn: '2026-11-24', status: 'overdue' },
    ]);
    // The plan is revised: the overdue review goes away, the next is two weeks on.
    const saved = await send('PUT', `/api/cases/${c.caseId}/safety-plans/${c.personId}`, {
      version: 0,
      items: [{ key: 'it_location', status: 'done', note: 'Platstjänsterna avstängda.' }],
      reviewOn: null,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(await deadlinesOf(c.caseId, 'safety_plan_review')).toEqual([
      { kind: 'safety_plan_review', dueOn: '2026-12-09', status: 'ok' },
    ]);
    // The stay is over: no review is asked for.
    await at('2026-12-11T09:00:00Z');
    expect(await deadlinesOf(c.caseId, 'safety_plan_review')).toEqual([]);
  });

  it('counts a running uppdrag at a shelter as a stay, and not a declined one', async () => {
    await at('2026-11-10T09:00:00Z');
    const c = await placed('Uppdragsson', { from: '2026-11-10', to: '2026-11-12' });
    // The beslut ended; the uppdrag, prolonged at the shelter, still runs.
    await commissionFor(c, 'sent', { from: '2026-11-10', to: '2026-12-31' });
    await at('2026-11-20T09:00:00Z');
    expect(await deadlinesOf(c.caseId, 'safety_plan_review')).toEqual([
      { kind: 'safety_plan_review', dueOn: '2026-11-24', status: 'ok' },
    ]);
    const declined = await placed('Avböjd', { from: '2026-11-20', to: '2026-11-21' });
    await commissionFor(declined, 'declined', { from: '2026-11-20', to: '2026-12-31' });
    await at('2026-11-25T09:00:00Z');
    expect(await deadlinesOf(declined.caseId, 'safety_plan_review')).toEqual([]);
  });
});

describe('refusals', () => {
  it('refuses an uppdrag of another case, a declined uppdrag and a date before the insats', async () => {
    await at('2026-11-10T09:00:00Z');
    const a = await placed('Aström');
    const b = await placed('Bström');
    const ofB = await commissionFor(b);
    for (const [url, body] of [
      [`/api/cases/${a.caseId}/follow-up-dues`, { commissionId: ofB, dueOn: '2026-11-20' }],
      [
        `/api/cases/${a.caseId}/follow-ups`,
        followUpBody(ofB, null, { followedUpOn: '2026-11-10' }),
      ],
    ] as const) {
      const res = await send('POST', url, body);
      expect(res.statusCode, res.body).toBe(400);
      expect(errorOf(res).fields).toEqual([
        { path: 'body.commissionId', message: 'Uppdraget finns inte i ärendet.' },
      ]);
    }
    const declined = await commissionFor(a, 'declined');
    const onDeclined = await send('POST', `/api/cases/${a.caseId}/follow-up-dues`, {
      commissionId: declined,
      dueOn: '2026-11-20',
    });
    expect(onDeclined.statusCode, onDeclined.body).toBe(409);
    expect(errorOf(onDeclined)).toMatchObject({
      code: 'STEP_OUT_OF_ORDER',
      message: 'Utföraren har tackat nej till uppdraget. Det finns ingen insats att följa upp.',
    });
    const ofA = await commissionFor(a);
    const early = await send(
      'POST',
      `/api/cases/${a.caseId}/follow-ups`,
      followUpBody(ofA, null, { followedUpOn: '2026-11-09' }),
    );
    expect(early.statusCode, early.body).toBe(409);
    expect(errorOf(early).message).toBe(
      'Insatsen började 2026-11-10. En uppföljning kan inte göras innan dess.',
    );
    const past = await send('POST', `/api/cases/${a.caseId}/follow-up-dues`, {
      commissionId: ofA,
      dueOn: '2026-11-09',
    });
    expect(past.statusCode, past.body).toBe(400);
    // A date of another uppdrag cannot be answered here.
    const dueOfB = (
      await send('POST', `/api/cases/${b.caseId}/follow-up-dues`, {
        commissionId: ofB,
        dueOn: '2026-11-20',
      })
    ).json<{ id: string }>().id;
    const crossed = await send(
      'POST',
      `/api/cases/${a.caseId}/follow-ups`,
      followUpBody(ofA, dueOfB, { followedUpOn: '2026-11-10' }),
    );
    expect(crossed.statusCode, crossed.body).toBe(400);
    expect(errorOf(crossed).fields?.[0]?.path).toBe('body.dueId');
    const crossedChange = await send(
      'POST',
      `/api/cases/${a.caseId}/follow-up-dues/${dueOfB}/versions`,
      { dueOn: '2026-11-22', cancelled: false, reason: 'Flyttas.', version: 1 },
    );
    expect(crossedChange.statusCode, crossedChange.body).toBe(404);
    expect(
      await db.selectFrom('follow_up').select('id').where('case_id', '=', a.caseId).execute(),
    ).toEqual([]);
  });

  it('lets the manager read but not write, and the provider neither', async () => {
    await at('2026-11-10T09:00:00Z');
    const c = await placed('Rollsson');
    const commissionId = await commissionFor(c);
    const managerRead = await send(
      'GET',
      `/api/cases/${c.caseId}/follow-ups`,
      undefined,
      'manager',
    );
    expect(managerRead.statusCode, managerRead.body).toBe(200);
    expect(managerRead.json<FollowUps>().abilities.write).toBe(false);
    const managerWrite = await send(
      'POST',
      `/api/cases/${c.caseId}/follow-up-dues`,
      { commissionId, dueOn: '2026-11-20' },
      'manager',
    );
    expect(managerWrite.statusCode, managerWrite.body).toBe(403);
    for (const [method, url, body] of [
      ['GET', `/api/cases/${c.caseId}/follow-ups`, undefined],
      ['POST', `/api/cases/${c.caseId}/follow-up-dues`, { commissionId, dueOn: '2026-11-20' }],
      [
        'POST',
        `/api/cases/${c.caseId}/follow-ups`,
        followUpBody(commissionId, null, { followedUpOn: '2026-11-10' }),
      ],
    ] as const) {
      const res = await send(method, url, body, 'provider');
      expect(res.statusCode, res.body).toBe(404);
    }
  });

  it('refuses a closed case', async () => {
    await at('2026-11-10T09:00:00Z');
    const c = await placed('Stängd');
    const commissionId = await commissionFor(c);
    const closed = await send('POST', `/api/cases/${c.caseId}/preliminary-assessment`, {
      outcome: 'no_investigation',
      reason: 'Hon vill inte ansöka om mer; hon har flyttat till en annan kommun.',
      version: (await detail(c.caseId)).version,
    });
    expect(closed.statusCode, closed.body).toBe(201);
    // A closed case has no work relation: it answers as if there were none.
    for (const [url, body] of [
      [`/api/cases/${c.caseId}/follow-up-dues`, { commissionId, dueOn: '2026-11-20' }],
      [
        `/api/cases/${c.caseId}/follow-ups`,
        followUpBody(commissionId, null, { followedUpOn: '2026-11-10' }),
      ],
    ] as const) {
      const res = await send('POST', url, body);
      expect(res.statusCode, res.body).toBe(404);
    }
    expect(
      await db.selectFrom('follow_up_due').select('id').where('case_id', '=', c.caseId).execute(),
    ).toEqual([]);
  });
});
