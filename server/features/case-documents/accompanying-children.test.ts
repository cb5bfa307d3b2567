import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../../core/contracts/cases.ts';
import { createTestApp } from '../../test/test-app.ts';
import type { TestApp } from '../../test/test-app.ts';
import { createUnit, createUser, intakePayload, loginAs } from '../../test/factories.ts';
import type { LoggedIn, TestUser } from '../../test/factories.ts';

/**
 * Children who follow a parent into skyddat boende (issue 13 item 4; rules in force 2024-04-01):
 * the parent's beslut opens a duty per child until the children's unit records the child's own
 * beslut, and the child's school is a task with a deadline. Through real HTTP on the real
 * database: socialjour places her on Saturday night, the children's unit decides for the child.
 */

const now = new Date('2026-11-07T01:30:00Z');
const today = '2026-11-07';
let t: TestApp;
let adultUnit: string;
let childrenUnit: string;
let worker: TestUser;
let childWorker: TestUser;
let adult: LoggedIn;
let children: LoggedIn;

beforeAll(async () => {
  t = await createTestApp({ clock: () => now });
  adultUnit = (await createUnit(t.database.db)).id;
  childrenUnit = (await createUnit(t.database.db, { kind: 'children' })).id;
  worker = await createUser(t.database.db, {
    grants: [{ unitId: adultUnit, role: 'adult_caseworker' }],
    totp: false,
  });
  childWorker = await createUser(t.database.db, {
    grants: [{ unitId: childrenUnit, role: 'children_caseworker' }],
    totp: false,
  });
  await t.database.db
    .insertInto('delegation')
    .values([
      { unit_id: adultUnit, intervention: 'shelter', role: 'adult_caseworker', granted_by: null },
      {
        unit_id: childrenUnit,
        intervention: 'shelter',
        role: 'children_caseworker',
        granted_by: null,
      },
    ])
    .execute();
  adult = await loginAs(t.app, worker, now);
  children = await loginAs(t.app, childWorker, now);
});
afterAll(async () => {
  await t.close();
});

const send = (as: LoggedIn, method: 'POST' | 'GET', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: as.headers, ...(payload ? { payload } : {}) });
const detail = async (as: LoggedIn, caseId: string) =>
  (await send(as, 'GET', `/api/cases/${caseId}`)).json<CaseDetail>();

const acuteShelter = (version: number) => ({
  intervention: 'shelter',
  requested: 'Skyddat boende i natt för henne och barnet.',
  motivation: 'Hon har misshandlats i kväll och kan inte återvända hem.',
  groundReason: 'Beslutet kan inte vänta på kommunicering.',
  ownView: 'Hon säger att han kommer att leta efter dem.',
  decidedOn: today,
  period: { from: today, to: '2026-11-21' },
  notified: { how: 'in_person', on: today },
  version,
});

describe('children accompanying a parent into skyddat boende', () => {
  it('opens a duty per child until the child’s own beslut, and a school task with a deadline', async () => {
    const payload = intakePayload(
      adultUnit,
      {
        existing: false,
        newPerson: {
          identity: null,
          givenName: 'Mamma',
          familyName: 'Skydd',
          protectionLevel: 'none',
        },
      },
      { acuteNeed: 'yes', receivedAt: '2026-11-07T01:00:00Z' },
    );
    payload.intake.type = 'application_oral';
    const created = await send(adult, 'POST', '/api/intakes', payload);
    expect(created.statusCode, created.body).toBe(201);
    const { caseId } = created.json<{ caseId: string }>();
    const linked = await send(adult, 'POST', `/api/cases/${caseId}/household-children`, {
      child: { identity: null, givenName: 'Barn', familyName: 'Skydd', protectionLevel: 'none' },
    });
    expect(linked.statusCode, linked.body).toBe(201);
    const { childPersonId } = linked.json<{ childPersonId: string }>();

    // No stay, no duty.
    expect((await detail(adult, caseId)).accompanyingChildren).toEqual([]);
    const decided = await send(
      adult,
      'POST',
      `/api/cases/${caseId}/acute-decisions`,
      acuteShelter((await detail(adult, caseId)).version),
    );
    expect(decided.statusCode, decided.body).toBe(201);

    let parent = await detail(adult, caseId);
    expect(parent.accompanyingChildren).toEqual([
      {
        childPersonId,
        since: today,
        status: 'open',
        decidedOn: null,
        // Five working days from Saturday 7 November: Friday 13 November.
        school: { dueOn: '2026-11-13', arrangedOn: null },
      },
    ]);
    expect(parent.deadlines.map((d) => d.kind)).toEqual(
      expect.arrayContaining(['accompanying_child_decision', 'school_arrangement']),
    );

    // The school: only for a child the case has a duty for.
    const stranger = await send(adult, 'POST', `/api/cases/${caseId}/school-arrangements`, {
      childPersonId: caseId,
      arrangement: 'same_school',
      note: 'Går kvar.',
      arrangedOn: today,
    });
    expect(stranger.statusCode).toBe(409);
    expect(stranger.json<{ error: { message: string } }>().error.message).toContain(
      'följer inte med i skyddat boende',
    );
    const school = await send(adult, 'POST', `/api/cases/${caseId}/school-arrangements`, {
      childPersonId,
      arrangement: 'teaching_at_shelter',
      note: 'Pedagogerna undervisar på boendet tills en skolplats finns.',
      arrangedOn: today,
    });
    expect(school.statusCode, school.body).toBe(201);
    parent = await detail(adult, caseId);
    expect(parent.accompanyingChildren[0]?.school.arrangedOn).toBe(today);
    expect(parent.deadlines.map((d) => d.kind)).not.toContain('school_arrangement');

    // The children's unit decides for the child, in the child's own case.
    const report = await send(adult, 'POST', `/api/cases/${caseId}/child-reports`, {
      childPersonId,
      childrenUnitId: childrenUnit,
      content: 'Barnet följer med mamma till skyddat boende i natt.',
    });
    expect(report.statusCode, report.body).toBe(201);
    const { childCaseId } = report.json<{ childCaseId: string }>();
    const childWorkerId = childWorker.id;
    const assigned = await send(children, 'POST', `/api/cases/${childCaseId}/assignment`, {
      userId: childWorkerId,
      version: (await detail(children, childCaseId)).version,
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    const forChild = await send(children, 'POST', `/api/cases/${childCaseId}/acute-decisions`, {
      ...acuteShelter((await detail(children, childCaseId)).version),
      requested: 'Skyddat boende för barnet tillsammans med mamma.',
      ownView: 'Barnet säger att det vill vara med mamma.',
    });
    expect(forChild.statusCode, forChild.body).toBe(201);

    parent = await detail(adult, caseId);
    expect(parent.accompanyingChildren[0]).toMatchObject({ status: 'decided', decidedOn: today });
    expect(parent.deadlines.map((d) => d.kind)).not.toContain('accompanying_child_decision');
  });
});
