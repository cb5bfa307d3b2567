import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail, CaseListItem } from '../core/contracts/cases.ts';
import type { CaseRisk, SafetyPlan } from '../core/contracts/risk.ts';
import { createTestApp } from './test/test-app.ts';
import type { TestApp } from './test/test-app.ts';
import { createUser, intakePayload, loginAs } from './test/factories.ts';
import type { LoggedIn } from './test/factories.ts';
import { CANARY, buildWorld } from './test/world.ts';
import type { ActorName, World } from './test/world.ts';

/**
 * Access is granted, never taken (docs/SECURITY.md). Each finding of the outside security test
 * of issue 11 as a chain of real HTTP requests: a write that would have handed its author a
 * relation the policy then trusts, followed by the reads that relation would have opened.
 */

let t: TestApp;
let w: World;
/** A protected child with an open case in the children's unit, assigned to childrenWorker. */
let protectedChild: { id: string; personnummer: string; caseId: string };

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
  const db = t.database.db;
  const child = await db
    .insertInto('person')
    .values({
      identity_kind: 'personnummer',
      identity_number: '201604122380',
      given_name: 'Skyddat',
      family_name: 'Xbarn',
      protection_level: 'protected_registration',
      created_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('person_protected_detail')
    .values({
      person_id: child.id,
      whereabouts: `${CANARY}-vistelse-Xbarn`,
      school: `${CANARY}-skola-Xbarn`,
      real_identity: null,
    })
    .execute();
  const childCase = await db
    .insertInto('case')
    .values({
      person_id: child.id,
      unit_id: w.units.children,
      target_group: 'child',
      assigned_user_id: w.users.childrenWorker.id,
      created_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  protectedChild = { id: child.id, personnummer: '201604122380', caseId: childCase.id };
});
afterAll(async () => {
  await t.close();
});

type Session = ActorName | LoggedIn;
const headersOf = (as: Session) => (typeof as === 'string' ? w.sessions[as].headers : as.headers);
const post = (url: string, payload: object, as: Session) =>
  t.app.inject({ method: 'POST', url, headers: headersOf(as), payload });
const put = (url: string, payload: object, as: Session) =>
  t.app.inject({ method: 'PUT', url, headers: headersOf(as), payload });
const get = (url: string, as: Session) =>
  t.app.inject({ method: 'GET', url, headers: headersOf(as) });

const newPerson = (
  familyName: string,
  personnummer: string | null,
  protectionLevel = 'none',
  givenName = 'Ny',
) => ({
  existing: false,
  newPerson: {
    identity: personnummer ? { kind: 'personnummer', number: personnummer } : null,
    givenName,
    familyName,
    protectionLevel,
  },
});

async function queue(unitId: string, as: Session): Promise<CaseListItem[]> {
  const res = await get(`/api/units/${unitId}/queue?limit=100`, as);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: CaseListItem[] }>().items;
}

async function ownCase(familyName: string, as: Session, protectionLevel = 'none') {
  const res = await post(
    '/api/intakes',
    intakePayload(w.units.adult, newPerson(familyName, null, protectionLevel)),
    as,
  );
  expect(res.statusCode, res.body).toBe(201);
  const body = res.json<{ outcome: string; caseId: string; personId: string }>();
  expect(body.outcome).toBe('registered');
  return body;
}

describe('1. an intake about a person who already has a file', () => {
  it('is routed to the unit responsible, and the registering handläggare gets nothing of the file', async () => {
    const before = await queue(w.units.adult, 'manager');
    const res = await post(
      '/api/intakes',
      intakePayload(w.units.adult, newPerson('Påhittad', w.persons.q.personnummer), {
        assignToMe: true,
      }),
      'colleague',
    );
    expect(res.statusCode, res.body).toBe(201);
    // Only that it was passed on: no id, no name, no protection level, not even the unit.
    expect(res.json()).toEqual({ outcome: 'routed', unitName: null });
    expect(res.body).not.toContain(w.persons.q.id);
    expect(res.body).not.toContain('Qvist');

    for (const url of [
      `/api/persons/${w.persons.q.id}`,
      `/api/persons/${w.persons.q.id}/protected-details`,
    ]) {
      const read = await get(url, 'colleague');
      expect(read.statusCode, url).toBe(404);
      expect(read.body).not.toContain(CANARY);
    }
    const lower = await post(
      `/api/persons/${w.persons.q.id}/protection-level`,
      { protectionLevel: 'none', version: 1 },
      'colleague',
    );
    expect(lower.statusCode).toBe(404);

    // The unit's manager sees the routed matter in the queue, marked; the registrant does not.
    const after = await queue(w.units.adult, 'manager');
    const routed = after.filter((c) => !before.some((b) => b.id === c.id));
    expect(routed).toHaveLength(1);
    expect(routed[0]).toMatchObject({
      routed: true,
      assignedTo: null,
      person: { id: w.persons.q.id },
    });
    const routedCaseId = routed[0]?.id ?? '';
    expect((await queue(w.units.adult, 'colleague')).map((c) => c.id)).not.toContain(routedCaseId);
    expect((await get(`/api/cases/${routedCaseId}`, 'colleague')).statusCode).toBe(404);
    // Nor can she take it from the queue.
    const take = await post(
      `/api/cases/${routedCaseId}/assignment`,
      { userId: w.users.colleague.id, version: 1 },
      'colleague',
    );
    expect(take.statusCode).toBe(404);
    // Another handläggare of the unit may take it: that is an accountable act.
    expect((await queue(w.units.adult, 'assigned')).map((c) => c.id)).toContain(routedCaseId);
  });

  it('names the responsible unit for an unprotected person, and still gives no access', async () => {
    const res = await post(
      '/api/intakes',
      intakePayload(w.units.adult, newPerson('Annat', w.persons.p.personnummer)),
      'colleague',
    );
    expect(res.statusCode, res.body).toBe(201);
    const unit = await t.database.db
      .selectFrom('unit')
      .select('name')
      .where('id', '=', w.units.adult)
      .executeTakeFirstOrThrow();
    expect(res.json()).toEqual({ outcome: 'routed', unitName: unit.name });
    expect((await get(`/api/persons/${w.persons.p.id}`, 'colleague')).statusCode).toBe(404);
  });

  it('goes from socialjour to the unit responsible for the file, not to socialjour', async () => {
    const before = await queue(w.units.outOfHours, 'outOfHours');
    const res = await post(
      '/api/intakes',
      intakePayload(w.units.outOfHours, newPerson('Natt', w.persons.q.personnummer), {
        acuteNeed: 'yes',
      }),
      'outOfHours',
    );
    expect(res.json()).toEqual({ outcome: 'routed', unitName: null });
    expect(await queue(w.units.outOfHours, 'outOfHours')).toEqual(before);
    const adultQueue = await queue(w.units.adult, 'manager');
    // Acute: first in the responsible unit's queue.
    expect(adultQueue[0]).toMatchObject({
      person: { id: w.persons.q.id },
      acuteNeed: 'yes',
      routed: true,
    });
    expect((await get(`/api/persons/${w.persons.q.id}`, 'outOfHours')).statusCode).toBe(404);
  });

  it('is registered as her own by the handläggare already assigned to the person', async () => {
    const res = await post(
      '/api/intakes',
      intakePayload(w.units.adult, newPerson('Persson', w.persons.p.personnummer)),
      'assigned',
    );
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json<{ outcome: string; caseId: string; personId: string }>();
    expect(body).toMatchObject({ outcome: 'registered', personId: w.persons.p.id });
    expect((await get(`/api/cases/${body.caseId}`, 'assigned')).statusCode).toBe(200);
  });

  it('is routed when picked from the queue by a colleague, who gains no assignment', async () => {
    // R is in the queue: the colleague may read R, but not make herself R's handläggare by a new matter.
    const res = await post(
      '/api/intakes',
      intakePayload(
        w.units.adult,
        { existing: true, personId: w.persons.r.id },
        { assignToMe: true },
      ),
      'colleague',
    );
    expect(res.json()).toMatchObject({ outcome: 'routed' });
    const cases = await t.database.db
      .selectFrom('case')
      .select('assigned_user_id')
      .where('person_id', '=', w.persons.r.id)
      .execute();
    expect(cases.map((c) => c.assigned_user_id)).not.toContain(w.users.colleague.id);
  });
});

describe('2. linking an existing child to a household', () => {
  it('needs read access to the child; otherwise the information is routed and nothing is linked', async () => {
    const mine = await ownCase('Hushåll', 'colleague');
    const res = await post(
      `/api/cases/${mine.caseId}/household-children`,
      {
        child: {
          identity: { kind: 'personnummer', number: protectedChild.personnummer },
          givenName: 'Vem',
          familyName: 'Som',
          protectionLevel: 'none',
        },
      },
      'colleague',
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({ outcome: 'routed' });

    const detail = await get(`/api/cases/${mine.caseId}`, 'colleague');
    expect(detail.json<CaseDetail>().childReportDuties).toEqual([]);
    expect(detail.body).not.toContain(protectedChild.id);
    const plan = `/api/cases/${mine.caseId}/safety-plans/${protectedChild.id}`;
    expect((await get(plan, 'colleague')).statusCode).toBe(404);
    const write = await put(plan, { version: 0, items: [], reviewOn: null }, 'colleague');
    expect(write.statusCode).toBe(404);
    const links = await t.database.db
      .selectFrom('person_relation')
      .select('id')
      .where('related_person_id', '=', protectedChild.id)
      .execute();
    expect(links).toEqual([]);
    // The children's unit, responsible for the child's file, has the information in its queue.
    const childrenQueue = await queue(w.units.children, 'otherManager');
    expect(childrenQueue.some((c) => c.person.id === protectedChild.id && c.routed)).toBe(true);
  });
});

describe('3. a safety plan belongs to the case it was made in', () => {
  it('is neither read nor overwritten through the perpetrator’s case', async () => {
    const victim = await ownCase('Offer', 'assigned');
    const linked = await post(
      `/api/cases/${victim.caseId}/household-children`,
      {
        child: {
          identity: null,
          givenName: 'Gemensamt',
          familyName: 'Barn',
          protectionLevel: 'none',
        },
      },
      'assigned',
    );
    const childId = linked.json<{ childPersonId: string }>().childPersonId;
    const note = 'Hämtas av mormor på förskolan, kodord Blåbär';
    const saved = await put(
      `/api/cases/${victim.caseId}/safety-plans/${childId}`,
      { version: 0, items: [{ key: 'children_pickup', status: 'done', note }], reviewOn: null },
      'assigned',
    );
    expect(saved.statusCode, saved.body).toBe(200);

    // The perpetrator has his own case and handläggare; he is the victim's partner.
    const worker = await createUser(t.database.db, {
      grants: [{ unitId: w.units.adult, role: 'adult_caseworker' }],
      totp: false,
    });
    const session = await loginAs(t.app, worker);
    const perpetrator = await ownCase('Utövare', session);
    await t.database.db
      .insertInto('person_relation')
      .values({
        person_id: perpetrator.personId,
        related_person_id: victim.personId,
        kind: 'partner',
        violence: 'person_against_related',
        created_by: null,
      })
      .execute();

    const url = `/api/cases/${perpetrator.caseId}/safety-plans/${childId}`;
    const read = await get(url, session);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json<SafetyPlan>().version).toBe(0);
    expect(read.body).not.toContain('Blåbär');
    const overwrite = await put(url, { version: 0, items: [], reviewOn: null }, session);
    expect(overwrite.statusCode, overwrite.body).toBe(200);

    const original = await get(`/api/cases/${victim.caseId}/safety-plans/${childId}`, 'assigned');
    expect(original.json<SafetyPlan>()).toMatchObject({ version: 1 });
    expect(original.body).toContain('Blåbär');
    // The victim's handläggare sees her plan marked in the risk tab; the perpetrator's his own.
    const risk = await get(`/api/cases/${victim.caseId}/risk`, 'assigned');
    expect(risk.json<CaseRisk>().persons.find((p) => p.id === childId)?.hasSafetyPlan).toBe(true);
  });
});

describe('6. lists show no one the reader could not open', () => {
  it('masks a protected person among the unit’s handlingar som inte föranlett åtgärd', async () => {
    const shielded = await ownCase('Skyddadsson', 'assigned', 'protected_registration');
    const plain = await ownCase('Öppensson', 'assigned');
    for (const c of [shielded, plain]) {
      const res = await post(
        `/api/cases/${c.caseId}/preliminary-assessment`,
        { outcome: 'no_investigation', reason: `${CANARY}-skäl vill inte ha stöd`, version: 1 },
        'assigned',
      );
      expect(res.statusCode, res.body).toBe(201);
    }
    const res = await get(`/api/units/${w.units.adult}/no-action-records?limit=100`, 'manager');
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json<{
      items: { caseId: string; person: Record<string, unknown>; reason: string | null }[];
    }>().items;
    expect(items.find((i) => i.caseId === shielded.caseId)).toMatchObject({
      person: { id: shielded.personId, masked: true },
      reason: null,
    });
    expect(items.find((i) => i.caseId === plain.caseId)).toMatchObject({
      person: { familyName: 'Öppensson' },
    });
    expect(res.body).not.toContain('Skyddadsson');
  });

  it('masks a protected household child in the case and leaves it out of the risk list for the manager', async () => {
    const victim = await ownCase('Mamma', 'assigned');
    const linked = await post(
      `/api/cases/${victim.caseId}/household-children`,
      {
        child: {
          identity: null,
          givenName: 'Hemligt',
          familyName: 'Zbarn',
          protectionLevel: 'protected_registration',
        },
      },
      'assigned',
    );
    expect(linked.json()).toMatchObject({ outcome: 'linked' });

    const asManager = await get(`/api/cases/${victim.caseId}`, 'manager');
    expect(asManager.statusCode).toBe(200);
    expect(asManager.body).not.toContain('Zbarn');
    const duty = asManager.json<CaseDetail>().childReportDuties[0];
    expect(duty).toMatchObject({ child: { masked: true }, status: 'open' });
    const risk = await get(`/api/cases/${victim.caseId}/risk`, 'manager');
    expect(risk.body).not.toContain('Zbarn');
    expect(risk.json<CaseRisk>().persons.map((p) => p.id)).toEqual([victim.personId]);

    const asAssigned = await get(`/api/cases/${victim.caseId}`, 'assigned');
    expect(asAssigned.body).toContain('Zbarn');
  });
});
