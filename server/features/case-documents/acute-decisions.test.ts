import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../../core/contracts/cases.ts';
import type { Decision } from '../../../core/contracts/case-documents.ts';
import type { CaseRisk } from '../../../core/contracts/risk.ts';
import { readPdf } from '../../test/pdf-reader.ts';
import { createTestApp } from '../../test/test-app.ts';
import type { TestApp } from '../../test/test-app.ts';
import { createUnit, createUser, intakePayload, loginAs } from '../../test/factories.ts';
import type { LoggedIn, TestUser } from '../../test/factories.ts';

/**
 * The acute beslut (issue 13): socialjour places a woman in skyddat boende at 02:30, before any
 * utredning, and the normal flow goes on from there. Through real HTTP on the real database.
 */

// A clock the test moves: Saturday 7 November 2026, half past two at night in Stockholm.
let now = new Date('2026-11-07T01:30:00Z');
const today = '2026-11-07';
let t: TestApp;
let unitId: string;
let socialjour: TestUser;
let session: LoggedIn;

beforeAll(async () => {
  t = await createTestApp({ clock: () => now });
  unitId = (await createUnit(t.database.db, { kind: 'out_of_hours' })).id;
  socialjour = await createUser(t.database.db, {
    grants: [{ unitId, role: 'out_of_hours' }],
    totp: false,
  });
  // Socialjouren decides on acute housing out of hours, and — to prove the flow refuses what the
  // delegation list would allow — on stödsamtal, which can wait. Not on ekonomiskt bistånd.
  await t.database.db
    .insertInto('delegation')
    .values(
      (['shelter', 'temporary_housing', 'support_sessions'] as const).map((intervention) => ({
        unit_id: unitId,
        intervention,
        role: 'out_of_hours' as const,
        granted_by: null,
      })),
    )
    .execute();
  session = await loginAs(t.app, socialjour, now);
});
afterAll(async () => {
  await t.close();
});

const send = (method: 'POST' | 'GET', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: session.headers, ...(payload ? { payload } : {}) });
const detail = async (caseId: string) =>
  (await send('GET', `/api/cases/${caseId}`)).json<CaseDetail>();
interface ErrorBody {
  error: { code: string; message: string; fields?: { path: string; message: string }[] };
}
const errorOf = (res: { json: () => unknown }) => (res.json() as ErrorBody).error;

/** A night intake by socialjour: she calls, she applies for protection. */
async function nightIntake(familyName: string) {
  const payload = intakePayload(
    unitId,
    {
      existing: false,
      newPerson: { identity: null, givenName: 'Nattis', familyName, protectionLevel: 'none' },
    },
    { acuteNeed: 'yes', receivedAt: '2026-11-07T01:00:00Z' },
  );
  payload.intake.type = 'application_oral';
  const created = await send('POST', '/api/intakes', payload);
  expect(created.statusCode, created.body).toBe(201);
  return created.json<{ caseId: string; personId: string }>();
}

const acuteBody = (version: number, overrides: Record<string, unknown> = {}) => ({
  intervention: 'shelter',
  requested: 'Skyddat boende i natt för henne.',
  motivation: 'Hon har misshandlats i kväll och kan inte återvända hem.',
  groundReason: 'Hon behöver en skyddad plats i natt. Beslutet kan inte vänta på kommunicering.',
  ownView: 'Hon säger att han kommer att döda henne om han hittar henne.',
  decidedOn: today,
  period: { from: today, to: '2026-11-21' },
  notified: { how: 'in_person', on: today },
  version,
  ...overrides,
});

async function countRows(caseId: string) {
  const db = t.database.db;
  const [decisions, assessments] = await Promise.all([
    db.selectFrom('decision').select('id').where('case_id', '=', caseId).execute(),
    db.selectFrom('risk_assessment').select('id').where('case_id', '=', caseId).execute(),
  ]);
  return { decisions: decisions.length, assessments: assessments.length };
}

describe('an acute beslut at intake', () => {
  it('places her tonight, records ground, period and her own view, and the flow goes on', async () => {
    now = new Date('2026-11-07T01:30:00Z');
    const { caseId, personId } = await nightIntake('Akutsson');
    const before = await detail(caseId);
    expect(before.phase).toBe('preliminary_assessment');
    // The page says the same as the flow: acute yes, ordinary no.
    expect(before.abilities.steps.acute_decision).toEqual({ allowed: true, message: null });
    expect(before.abilities.steps.decision.allowed).toBe(false);

    const res = await send(
      'POST',
      `/api/cases/${caseId}/acute-decisions`,
      acuteBody(before.version),
    );
    expect(res.statusCode, res.body).toBe(201);
    const { id, assessmentId } = res.json<{ id: string; version: number; assessmentId: string }>();

    // The beslut: granted, its period and the ground for deciding without kommunicering.
    const list = (await send('GET', `/api/cases/${caseId}/decisions`)).json<{
      items: Decision[];
    }>();
    expect(list.items).toHaveLength(1);
    const decision = list.items[0];
    expect(decision?.id).toBe(id);
    expect(decision?.current).toMatchObject({
      intervention: 'shelter',
      outcome: 'granted',
      appealInstructions: null,
      decidedOn: today,
      period: { from: today, to: '2026-11-21' },
    });
    expect(decision?.acute).toEqual({
      groundReference: '25 § andra stycket 4 förvaltningslagen (2017:900)',
      groundReason:
        'Hon behöver en skyddad plats i natt. Beslutet kan inte vänta på kommunicering.',
      ownViewAssessmentId: assessmentId,
    });

    // Her own view of the danger is the case's first risk assessment, to be completed.
    const risk = (await send('GET', `/api/cases/${caseId}/risk`)).json<CaseRisk>();
    expect(risk.assessments).toHaveLength(1);
    expect(risk.assessments[0]).toMatchObject({
      id: assessmentId,
      kind: 'own_view',
      person: { id: personId },
      level: null,
      motivation: 'Hon säger att han kommer att döda henne om han hittar henne.',
      assessedOn: today,
    });
    expect(risk.prompts).toContainEqual({ kind: 'own_view_only' });

    // The phase stays; the utredning's clock and the placement's end are on the case.
    const after = await detail(caseId);
    expect(after.phase).toBe('preliminary_assessment');
    expect(after.version).toBe(before.version + 1);
    expect(after.deadlines).toContainEqual({
      kind: 'investigation_after_acute',
      dueOn: '2026-11-14',
      status: 'ok',
    });
    expect(after.deadlines).toContainEqual({
      kind: 'intervention_period',
      dueOn: '2026-11-21',
      status: 'ok',
      intervention: 'shelter',
    });
    expect(after.history.at(-1)).toMatchObject({
      type: 'acute_decision_recorded',
      summary: 'Akut beslut före kommunicering: Skyddat boende 2026-11-07–2026-11-21',
    });
    expect(after.abilities.steps.decision.message).toBe(
      'Gör förhandsbedömningen och inled en utredning först.',
    );

    // One audit row names both records it made.
    const audit = await t.database.db
      .selectFrom('audit_event')
      .select(['details', 'case_ids'])
      .where('action', '=', 'decision.acute')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.details).toMatchObject({ decisionId: id, version: 1, assessmentId });

    // The beslut as a document: the period and the ground.
    const pdf = await send('GET', `/api/decisions/${id}/decision.pdf`);
    expect(pdf.statusCode).toBe(200);
    const text = (await readPdf(pdf.rawPayload)).text;
    expect(text).toContain('Akut beslut – Skyddat boende');
    expect(text).toContain('Från och med 2026-11-07 till och med 2026-11-21');
    expect(text).toContain('Beslut utan föregående kommunicering');
    expect(text).toContain('25 § andra stycket 4 förvaltningslagen (2017:900)');

    // Eight days on, nobody has opened the utredning: overdue.
    now = new Date('2026-11-15T08:00:00Z');
    session = await loginAs(t.app, socialjour, now);
    expect((await detail(caseId)).deadlines).toContainEqual({
      kind: 'investigation_after_acute',
      dueOn: '2026-11-14',
      status: 'overdue',
    });

    // The utredning opens: the deadline is met, the normal flow continues.
    const opened = await send('POST', `/api/cases/${caseId}/preliminary-assessment`, {
      outcome: 'open_investigation',
      template: 'victim',
      reason: 'Hon ansöker om fortsatt skydd och stöd.',
      version: (await detail(caseId)).version,
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const investigating = await detail(caseId);
    expect(investigating.phase).toBe('investigation');
    expect(investigating.deadlines.map((d) => d.kind)).not.toContain('investigation_after_acute');
    expect(investigating.deadlines.map((d) => d.kind)).toContain('investigation');
    // The placement ends in a week or less: ending soon.
    expect(investigating.deadlines).toContainEqual({
      kind: 'intervention_period',
      dueOn: '2026-11-21',
      status: 'due_soon',
      intervention: 'shelter',
    });

    // Kommunicering, then the ordinary beslut extends the stay.
    const communicated = await send('POST', `/api/cases/${caseId}/communications`, {
      what: 'Utredningen',
      communicatedOn: '2026-11-15',
      method: { kind: 'meeting' },
      version: investigating.version,
    });
    expect(communicated.statusCode, communicated.body).toBe(201);
    expect((await detail(caseId)).abilities.steps.acute_decision.message).toBe(
      'Materialet är kommunicerat. Fatta ett ordinarie beslut i stället för ett akut.',
    );
    const ordinary = await send('POST', `/api/cases/${caseId}/decisions`, {
      intervention: 'shelter',
      requested: 'Fortsatt skyddat boende.',
      outcome: 'granted',
      motivation: 'Fortsatt hög risk.',
      decidedOn: '2026-11-15',
      period: { from: '2026-11-22', to: '2027-01-31' },
      notified: null,
      version: (await detail(caseId)).version,
    });
    expect(ordinary.statusCode, ordinary.body).toBe(201);
    const decided = await detail(caseId);
    expect(decided.phase).toBe('decided');
    // The acute placement still runs until the continuation begins.
    expect(decided.deadlines.filter((d) => d.kind === 'intervention_period')).toEqual([
      {
        kind: 'intervention_period',
        dueOn: '2026-11-21',
        status: 'due_soon',
        intervention: 'shelter',
      },
    ]);
    now = new Date('2026-11-23T08:00:00Z');
    session = await loginAs(t.app, socialjour, now);
    expect((await detail(caseId)).deadlines).toContainEqual({
      kind: 'intervention_period',
      dueOn: '2027-01-31',
      status: 'ok',
      intervention: 'shelter',
    });
  });
});

describe('an acute beslut is refused', () => {
  it('without delegation for the insats (403 NO_DELEGATION)', async () => {
    now = new Date('2026-11-07T01:30:00Z');
    session = await loginAs(t.app, socialjour, now);
    const { caseId } = await nightIntake('Delegationslös');
    const res = await send(
      'POST',
      `/api/cases/${caseId}/acute-decisions`,
      acuteBody((await detail(caseId)).version, { intervention: 'financial_assistance' }),
    );
    expect(res.statusCode, res.body).toBe(403);
    expect(errorOf(res).code).toBe('NO_DELEGATION');
    expect(await countRows(caseId)).toEqual({ decisions: 0, assessments: 0 });
  });

  it('on an insats that can wait (409 with the flow’s sentence)', async () => {
    const { caseId } = await nightIntake('Stödsamtalsson');
    const before = await detail(caseId);
    const res = await send(
      'POST',
      `/api/cases/${caseId}/acute-decisions`,
      acuteBody(before.version, { intervention: 'support_sessions' }),
    );
    expect(res.statusCode, res.body).toBe(409);
    expect(errorOf(res).message).toBe(
      'Stödsamtal kan inte beslutas akut före kommunicering. Akut beslut kan fattas om skyddat boende, tillfälligt boende och ekonomiskt bistånd.',
    );
    expect(await countRows(caseId)).toEqual({ decisions: 0, assessments: 0 });
    expect((await detail(caseId)).version).toBe(before.version);
  });

  it('without the ground, with a bad period or an old start (400, Swedish field messages)', async () => {
    const { caseId } = await nightIntake('Fältsson');
    const version = (await detail(caseId)).version;
    const missing = await send(
      'POST',
      `/api/cases/${caseId}/acute-decisions`,
      acuteBody(version, { groundReason: '  ', ownView: '' }),
    );
    expect(missing.statusCode).toBe(400);
    expect(errorOf(missing).fields).toEqual(
      expect.arrayContaining([
        {
          path: 'body.groundReason',
          message: 'Skriv varför beslutet inte kunde vänta på kommunicering.',
        },
        { path: 'body.ownView', message: 'Skriv personens egen bedömning av faran.' },
      ]),
    );
    const backwards = await send(
      'POST',
      `/api/cases/${caseId}/acute-decisions`,
      acuteBody(version, { period: { from: today, to: '2026-11-06' } }),
    );
    expect(backwards.statusCode).toBe(400);
    expect(errorOf(backwards).fields).toEqual([
      {
        path: 'body.period.to',
        message: 'Till och med-datumet kan inte ligga före från och med-datumet.',
      },
    ]);
    const openEnded = await send(
      'POST',
      `/api/cases/${caseId}/acute-decisions`,
      acuteBody(version, { period: { from: today, to: null } }),
    );
    expect(openEnded.statusCode).toBe(400);
    expect(errorOf(openEnded).fields?.[0]?.path).toBe('body.period.to');
    const old = await send(
      'POST',
      `/api/cases/${caseId}/acute-decisions`,
      acuteBody(version, { period: { from: '2026-10-30', to: '2026-11-21' } }),
    );
    expect(old.statusCode).toBe(400);
    expect(errorOf(old).fields).toEqual([
      {
        path: 'body.period.from',
        message:
          'Ett akut beslut kan gälla från högst 3 dagar bakåt. Ange ett senare datum, eller fatta ett ordinarie beslut.',
      },
    ]);
    // Yesterday evening's placement, written down at night, is fine.
    const yesterday = await send(
      'POST',
      `/api/cases/${caseId}/acute-decisions`,
      acuteBody(version, { period: { from: '2026-11-06', to: '2026-11-21' } }),
    );
    expect(yesterday.statusCode, yesterday.body).toBe(201);
    expect(await countRows(caseId)).toEqual({ decisions: 1, assessments: 1 });
  });

  it('on a closed case: nobody works a closed case, so the policy answers first (404)', async () => {
    const { caseId } = await nightIntake('Avslutsson');
    // In förhandsbedömning a matter ends with its decision not to investigate.
    const closed = await send('POST', `/api/cases/${caseId}/preliminary-assessment`, {
      outcome: 'no_investigation',
      reason: 'Hon har flyttat till en annan kommun.',
      version: (await detail(caseId)).version,
    });
    expect(closed.statusCode, closed.body).toBe(201);
    // Like every step on a closed case (case-work.test.ts): no work relation, so not found —
    // a 409 would tell someone without a relation that the case exists. The flow's own sentence
    // for a closed case ('Ärendet är avslutat. …') stands behind it (case-flow.test.ts).
    const res = await send(
      'POST',
      `/api/cases/${caseId}/acute-decisions`,
      acuteBody(closed.json<{ version: number }>().version),
    );
    expect(res.statusCode, res.body).toBe(404);
    expect(await countRows(caseId)).toEqual({ decisions: 0, assessments: 0 });
  });

  it('after kommunicering (409): the ordinary beslut is the one to take', async () => {
    const { caseId } = await nightIntake('Kommunicerad');
    const opened = await send('POST', `/api/cases/${caseId}/preliminary-assessment`, {
      outcome: 'open_investigation',
      template: 'victim',
      reason: 'Hon ansöker om skydd.',
      version: (await detail(caseId)).version,
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const communicated = await send('POST', `/api/cases/${caseId}/communications`, {
      what: 'Utredningen',
      communicatedOn: today,
      method: { kind: 'meeting' },
      version: (await detail(caseId)).version,
    });
    expect(communicated.statusCode, communicated.body).toBe(201);
    const res = await send(
      'POST',
      `/api/cases/${caseId}/acute-decisions`,
      acuteBody((await detail(caseId)).version),
    );
    expect(res.statusCode, res.body).toBe(409);
    expect(errorOf(res).message).toBe(
      'Materialet är kommunicerat. Fatta ett ordinarie beslut i stället för ett akut.',
    );
    expect(await countRows(caseId)).toEqual({ decisions: 0, assessments: 0 });
  });
});

describe('every beslut carries a period', () => {
  it('refuses a granting beslut without one, and an avslag with one', async () => {
    const { caseId } = await nightIntake('Periodsson');
    const body = {
      intervention: 'shelter',
      requested: 'Skyddat boende.',
      outcome: 'granted',
      motivation: 'Hög risk.',
      decidedOn: today,
      period: null,
      notified: null,
      version: (await detail(caseId)).version,
    };
    const granted = await send('POST', `/api/cases/${caseId}/decisions`, body);
    expect(granted.statusCode).toBe(400);
    expect(errorOf(granted).fields).toEqual([
      { path: 'body.period.from', message: 'Ange från och med vilket datum beslutet gäller.' },
    ]);
    const refused = await send('POST', `/api/cases/${caseId}/decisions`, {
      ...body,
      outcome: 'refused',
      period: { from: today, to: '2026-11-30' },
    });
    expect(refused.statusCode).toBe(400);
    expect(errorOf(refused).fields?.[0]?.path).toBe('body.period');
  });
});
