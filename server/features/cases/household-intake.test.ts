import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { luhnCheckDigit } from '../../../core/domain/personal-identity.ts';
import { createTestApp } from '../../test/test-app.ts';
import type { TestApp } from '../../test/test-app.ts';
import { intakePayload } from '../../test/factories.ts';
import { buildWorld } from '../../test/world.ts';
import { readPdf } from '../../test/pdf-reader.ts';
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

/** A valid personnummer: YYYYMMDD + three digits + the control digit. */
let serial = 100;
const pnr = (date: string) => {
  serial += 2;
  const nine = `${date.slice(2)}${String(serial).padStart(3, '0')}`;
  return `${date}${String(serial).padStart(3, '0')}${String(luhnCheckDigit(nine))}`;
};

const partner = {
  identity: null,
  givenName: 'Erik',
  familyName: 'Berg',
  description: null,
  relation: 'partner',
  usesViolence: true,
  livesTogether: true,
};
const child = (givenName: string, rest: Record<string, unknown> = {}) => ({
  givenName,
  familyName: 'Berg',
  identity: null,
  statedAge: 7,
  guardian: true,
  ...rest,
});

const withHousehold = (
  familyName: string,
  household: unknown,
  person: Record<string, unknown> = {
    existing: false,
    newPerson: { identity: null, givenName: 'Lena', familyName, protectionLevel: 'none' },
  },
) => ({ ...intakePayload(w.units.adult, person), household });

const register = (payload: unknown, as: keyof World['sessions'] = 'colleague') =>
  t.app.inject({
    method: 'POST',
    url: '/api/intakes',
    headers: w.sessions[as].headers,
    payload: payload as object,
  });

const getCase = (caseId: string, as: keyof World['sessions'] = 'colleague') =>
  t.app.inject({ method: 'GET', url: `/api/cases/${caseId}`, headers: w.sessions[as].headers });

/** Rows in the tables an intake with household writes. */
async function counts() {
  const db = t.database.db;
  const n = async (table: 'case' | 'person' | 'counterpart' | 'person_relation' | 'case_event') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    case: await n('case'),
    person: await n('person'),
    counterpart: await n('counterpart'),
    relation: await n('person_relation'),
    event: await n('case_event'),
  };
}

describe('an intake with the household', () => {
  it('records the person who uses violence as a counterpart and opens the duty for each child at once', async () => {
    const number = pnr('20180305');
    const res = await register(
      withHousehold('Berg', {
        adults: [partner],
        children: [
          child('Maja'),
          child('Olle', { statedAge: null, identity: { kind: 'personnummer', number } }),
        ],
      }),
    );
    expect(res.statusCode).toBe(201);
    const body = res.json<{ outcome: string; caseId: string; personId: string }>();
    expect(body).toMatchObject({ outcome: 'registered', childrenRouted: 0 });

    const counterparts = await t.database.db
      .selectFrom('counterpart')
      .selectAll()
      .where('case_id', '=', body.caseId)
      .execute();
    expect(counterparts).toMatchObject([
      {
        person_id: body.personId,
        given_name: 'Erik',
        family_name: 'Berg',
        relation: 'partner',
        uses_violence: true,
        lives_together: true,
        identity_number: null,
      },
    ]);

    const page = await getCase(body.caseId);
    expect(page.statusCode).toBe(200);
    const duties = page.json<{
      childReportDuties: { child: { givenName?: string }; age: string | null; status: string }[];
    }>().childReportDuties;
    expect(duties.map((d) => [d.child.givenName, d.age, d.status])).toEqual([
      ['Maja', 'ca 7 år', 'open'],
      ['Olle', expect.stringMatching(/^\d+ år$/), 'open'],
    ]);

    const relations = await t.database.db
      .selectFrom('person_relation')
      .select(['kind', 'guardian'])
      .where('person_id', '=', body.personId)
      .execute();
    expect(relations).toEqual([
      { kind: 'parent_of', guardian: true },
      { kind: 'parent_of', guardian: true },
    ]);
    const maja = await t.database.db
      .selectFrom('person')
      .select(['stated_age', 'stated_age_on', 'identity_number'])
      .where('given_name', '=', 'Maja')
      .where('family_name', '=', 'Berg')
      .executeTakeFirstOrThrow();
    expect(maja).toMatchObject({ stated_age: 7, identity_number: null });
    expect(maja.stated_age_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('takes a counterpart known only by a description', async () => {
    const res = await register(
      withHousehold('Ek', {
        adults: [{ ...partner, givenName: null, familyName: null, description: 'Hennes bror' }],
        children: [],
      }),
    );
    expect(res.statusCode).toBe(201);
  });

  it.each([
    [
      'a child with neither age nor number',
      { adults: [], children: [child('Noa', { statedAge: null })] },
      'body.household.children.0.statedAge',
    ],
    [
      'a child said to be 18',
      { adults: [], children: [child('Noa', { statedAge: 18 })] },
      'body.household.children.0.statedAge',
    ],
    [
      'an adult with no name, number or description',
      { adults: [{ ...partner, givenName: null, familyName: null }], children: [] },
      'body.household.adults.0.givenName',
    ],
    [
      'a wrong control digit on the second child',
      {
        adults: [partner],
        children: [
          child('Maja'),
          child('Olle', {
            statedAge: null,
            identity: { kind: 'personnummer', number: '20180305-1231' },
          }),
        ],
      },
      'body.household.children.1.identity.number',
    ],
  ])('refuses %s on its field, and writes nothing', async (_what, household, path) => {
    const before = await counts();
    const res = await register(withHousehold('Fel', household));
    expect(res.statusCode).toBe(400);
    const fields = res.json<{ error: { fields: { path: string; message: string }[] } }>().error
      .fields;
    expect(fields.map((f) => f.path)).toContain(path);
    expect(fields.every((f) => /[åäöÅÄÖ]|[a-z]/.test(f.message))).toBe(true);
    expect(await counts()).toEqual(before);
  });

  it("refuses the person's own number as a child's, or the same child twice, and writes nothing", async () => {
    const own = pnr('19900101');
    const kid = pnr('20170101');
    const before = await counts();
    const asOwn = await register(
      withHousehold(
        'Egen',
        {
          adults: [],
          children: [
            child('Ida', { statedAge: null, identity: { kind: 'personnummer', number: own } }),
          ],
        },
        {
          existing: false,
          newPerson: {
            identity: { kind: 'personnummer', number: own },
            givenName: 'Lena',
            familyName: 'Egen',
            protectionLevel: 'none',
          },
        },
      ),
    );
    expect(asOwn.statusCode).toBe(400);
    const twice = await register(
      withHousehold('Dubbel', {
        adults: [],
        children: [
          child('Ida', { statedAge: null, identity: { kind: 'personnummer', number: kid } }),
          child('Ida', { statedAge: null, identity: { kind: 'personnummer', number: kid } }),
        ],
      }),
    );
    expect(twice.statusCode).toBe(400);
    expect(twice.json()).toMatchObject({
      error: { fields: [{ path: 'body.household.children.1.identity.number' }] },
    });
    expect(await counts()).toEqual(before);
  });

  it('neither links nor shows a known child the registrar may not open: the information is routed to its unit', async () => {
    // A child with a file in the children's unit, which the adult unit's handläggare cannot open.
    const number = pnr('20150610');
    const childIntake = await register(
      {
        ...intakePayload(w.units.children, {
          existing: false,
          newPerson: {
            identity: { kind: 'personnummer', number },
            givenName: 'Hemlig',
            familyName: 'Barnsdotter',
            protectionLevel: 'none',
          },
        }),
        targetGroup: 'child',
      },
      'childrenWorker',
    );
    expect(childIntake.statusCode).toBe(201);
    const childId = childIntake.json<{ personId: string }>().personId;

    const res = await register(
      withHousehold('Lind', {
        adults: [partner],
        children: [
          child('Egen'),
          child('Annan', { statedAge: null, identity: { kind: 'personnummer', number } }),
        ],
      }),
    );
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ outcome: 'registered', childrenRouted: 1 });
    expect(res.body).not.toContain(childId);
    expect(res.body).not.toContain('Hemlig');
    const { caseId, personId } = res.json<{ caseId: string; personId: string }>();

    // Not linked: only her own new child is in the household, and the page names no other.
    const relations = await t.database.db
      .selectFrom('person_relation')
      .select('related_person_id')
      .where('person_id', '=', personId)
      .execute();
    expect(relations.map((r) => r.related_person_id)).not.toContain(childId);
    expect(relations).toHaveLength(1);
    const page = await getCase(caseId);
    expect(page.body).not.toContain(childId);
    expect(page.body).not.toContain('Hemlig');
    expect(page.json<{ childReportDuties: unknown[] }>().childReportDuties).toHaveLength(1);
    // Still not readable to her.
    const file = await t.app.inject({
      method: 'GET',
      url: `/api/persons/${childId}`,
      headers: w.sessions.colleague.headers,
    });
    expect(file.statusCode).toBe(404);
    // The children's unit got a routed matter about its child.
    const routed = await t.database.db
      .selectFrom('case')
      .select(['unit_id', 'routed_by'])
      .where('person_id', '=', childId)
      .where('routed_by', 'is not', null)
      .execute();
    expect(routed).toEqual([{ unit_id: w.units.children, routed_by: w.users.colleague.id }]);
  });

  it('records a counterpart with the number of someone with a file here, and gives no access to that file', async () => {
    const res = await register(
      withHousehold('Holm', {
        adults: [
          {
            ...partner,
            givenName: 'Vem',
            familyName: 'Som',
            identity: { kind: 'personnummer', number: w.persons.s.personnummer },
          },
        ],
        children: [],
      }),
    );
    expect(res.statusCode).toBe(201);
    expect(res.body).not.toContain(w.persons.s.id);
    const file = await t.app.inject({
      method: 'GET',
      url: `/api/persons/${w.persons.s.id}`,
      headers: w.sessions.colleague.headers,
    });
    expect(file.statusCode).toBe(404);
  });

  it('sends the household with a routed matter, and the registrar learns no more than before', async () => {
    // S has a file (a closed case): a new matter about S is routed.
    const res = await register(
      withHousehold(
        'Sand',
        { adults: [partner], children: [child('Sigge')] },
        {
          existing: false,
          newPerson: {
            identity: { kind: 'personnummer', number: w.persons.s.personnummer },
            givenName: 'Testa',
            familyName: 'Sand',
            protectionLevel: 'none',
          },
        },
      ),
    );
    expect(res.statusCode).toBe(201);
    expect(Object.keys(res.json<object>()).sort()).toEqual(['outcome', 'unitName']);
    expect(res.json()).toMatchObject({ outcome: 'routed' });
    const routedCase = await t.database.db
      .selectFrom('case')
      .select(['id', 'assigned_user_id'])
      .where('person_id', '=', w.persons.s.id)
      .where('routed_by', '=', w.users.colleague.id)
      .executeTakeFirstOrThrow();
    expect(routedCase.assigned_user_id).toBeNull();
    const counterparts = await t.database.db
      .selectFrom('counterpart')
      .select(['person_id', 'given_name'])
      .where('case_id', '=', routedCase.id)
      .execute();
    expect(counterparts).toEqual([{ person_id: w.persons.s.id, given_name: 'Erik' }]);
    // The unit that takes the matter sees the child's duty open; the registrar sees nothing.
    expect((await getCase(routedCase.id)).statusCode).toBe(404);
    const theirs = await getCase(routedCase.id, 'assigned');
    expect(theirs.statusCode).toBe(200);
    expect(
      theirs.json<{ childReportDuties: { status: string }[] }>().childReportDuties,
    ).toMatchObject([{ status: 'open' }]);
  });
});

describe('one orosanmälan for siblings', () => {
  it('opens one intake per child in the children’s unit with the same text, in one act, and prints it', async () => {
    const res = await register(
      withHousehold('Syskon', {
        adults: [partner],
        children: [child('Alva'), child('Melker', { statedAge: 4 })],
      }),
    );
    expect(res.statusCode).toBe(201);
    const { caseId } = res.json<{ caseId: string }>();
    const page = await getCase(caseId);
    const duties = page.json<{ childReportDuties: { child: { id: string } }[] }>()
      .childReportDuties;
    const childPersonIds = duties.map((d) => d.child.id);
    expect(childPersonIds).toHaveLength(2);

    const send = (payload: unknown, as: keyof World['sessions'] = 'colleague') =>
      t.app.inject({
        method: 'POST',
        url: `/api/cases/${caseId}/joint-child-reports`,
        headers: w.sessions[as].headers,
        payload: payload as object,
      });
    // Someone else's child, or no text: refused, and nothing is written.
    const before = await counts();
    const bad = await send({
      childPersonIds: [...childPersonIds, w.persons.r.id],
      childrenUnitId: w.units.children,
      content: 'Barnen har upplevt våld.',
    });
    expect(bad.statusCode).toBe(404);
    const empty = await send({ childPersonIds, childrenUnitId: w.units.children, content: ' ' });
    expect(empty.statusCode).toBe(400);
    expect(await counts()).toEqual(before);

    const text = 'Mamman berättar att pappan slår henne när barnen är hemma. Barnen har sett det.';
    const ok = await send({ childPersonIds, childrenUnitId: w.units.children, content: text });
    expect(ok.statusCode).toBe(201);
    const { childCaseIds } = ok.json<{ childCaseIds: string[] }>();
    expect(childCaseIds).toHaveLength(2);
    const intakes = await t.database.db
      .selectFrom('case')
      .select(['person_id', 'unit_id', 'target_group', 'origin_case_id'])
      .where('id', 'in', childCaseIds)
      .execute();
    expect(intakes.map((c) => c.person_id).sort()).toEqual([...childPersonIds].sort());
    expect(
      intakes.every((c) => c.unit_id === w.units.children && c.origin_case_id === caseId),
    ).toBe(true);
    const after = await getCase(caseId);
    expect(
      after
        .json<{ childReportDuties: { status: string }[] }>()
        .childReportDuties.map((d) => d.status),
    ).toEqual(['reported', 'reported']);
    // Reported twice: refused.
    expect(
      (await send({ childPersonIds, childrenUnitId: w.units.children, content: text })).statusCode,
    ).toBe(409);

    const pdf = await t.app.inject({
      method: 'GET',
      url: `/api/cases/${caseId}/child-reports/${childCaseIds[0] ?? ''}/orosanmalan.pdf`,
      headers: w.sessions.colleague.headers,
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const printed = (await readPdf(pdf.rawPayload)).text.replace(/\s+/g, ' ');
    expect(printed).toContain('Orosanmälan');
    expect(printed).toContain('Alva Berg');
    expect(printed).toContain('Melker Berg');
    expect(printed).toContain('ca 4 år');
    expect(printed).toContain('pappan slår henne');
    const audited = await t.database.db
      .selectFrom('audit_event')
      .select(['action', 'details'])
      .where('action', '=', 'document.export')
      .where('actor_user_id', '=', w.users.colleague.id)
      .orderBy('occurred_at', 'desc')
      .executeTakeFirst();
    expect(audited?.details).toMatchObject({ document: 'child_report' });
    // Another unit's handläggare gets nothing, not even whether it exists.
    const other = await t.app.inject({
      method: 'GET',
      url: `/api/cases/${caseId}/child-reports/${childCaseIds[0] ?? ''}/orosanmalan.pdf`,
      headers: w.sessions.childrenWorker.headers,
    });
    expect(other.statusCode).toBe(404);
  });
});
