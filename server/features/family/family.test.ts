import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FamilyMember, FamilyView } from '../../../core/contracts/family.ts';
import { protectionLevels } from '../../../core/domain/protection.ts';
import { parseConfig } from '../../config.ts';
import { createTestApp } from '../../test/test-app.ts';
import type { TestApp } from '../../test/test-app.ts';
import {
  insertFamilyCase,
  insertFamilyCounterpart,
  insertFamilyPerson,
  insertFamilyRelation,
  uniquePersonnummer,
} from '../../test/family.ts';
import { CANARY, buildWorld } from '../../test/world.ts';
import { stockholmDate } from '../../time.ts';
import { getFamily } from './family.service.ts';
import type { ActorName, World } from '../../test/world.ts';

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
}, 120_000);
afterAll(async () => {
  await t.close();
});

const get = (actor: ActorName, url: string) =>
  t.app.inject({ method: 'GET', url, headers: w.sessions[actor].headers });
const family = async (actor: ActorName, caseId: string) => {
  const res = await get(actor, `/api/cases/${caseId}/family`);
  return { status: res.statusCode, body: res.body, view: res.json<FamilyView>() };
};
const named = (view: FamilyView, familyName: string) =>
  view.members.find(
    (m) => m.person && 'familyName' in m.person && m.person.familyName === familyName,
  );
const nameOf = (actor: ActorName) => `Test ${w.users[actor].username}`;
const masked = (view: FamilyView) =>
  view.members.filter((m) => m.person !== null && 'masked' in m.person);

/**
 * The Andersson household: Maria (victim, the adult unit, assigned), Fredrik (who uses violence
 * against her; the adult unit, colleague), their children Cesar (unprotected) and Cilla
 * (skyddad folkbokföring), each with a case in the children's unit (childrenWorker). Maria's file
 * records Fredrik as a counterpart by identity number.
 */
async function andersson(moreChildren = 0) {
  const db = t.database.db;
  const ids = {
    maria: await insertFamilyPerson(db, {
      personnummer: uniquePersonnummer(1985),
      givenName: 'Maria',
      familyName: 'Andersson',
    }),
    fredrikPnr: uniquePersonnummer(1983),
    fredrik: '',
    cesar: await insertFamilyPerson(db, {
      personnummer: uniquePersonnummer(2016),
      givenName: 'Cesar',
      familyName: 'Anderssonbarn',
    }),
    cilla: await insertFamilyPerson(db, {
      personnummer: uniquePersonnummer(2018),
      givenName: 'Cilla',
      familyName: 'Anderssonskyddad',
      protection: 'protected_registration',
    }),
  };
  ids.fredrik = await insertFamilyPerson(db, {
    personnummer: ids.fredrikPnr,
    givenName: 'Fredrik',
    familyName: 'Anderssonfar',
  });
  const author = w.users.assigned.id;
  const cases = {
    maria: await insertFamilyCase(db, {
      personId: ids.maria,
      unitId: w.units.adult,
      assignedUserId: w.users.assigned.id,
      targetGroup: 'victim',
      marker: 'MARIA',
      authorId: author,
    }),
    fredrik: await insertFamilyCase(db, {
      personId: ids.fredrik,
      unitId: w.units.adult,
      assignedUserId: w.users.colleague.id,
      targetGroup: 'perpetrator',
      marker: 'FREDRIK',
      authorId: author,
    }),
    cesar: await insertFamilyCase(db, {
      personId: ids.cesar,
      unitId: w.units.children,
      assignedUserId: w.users.childrenWorker.id,
      targetGroup: 'child',
      marker: 'CESAR',
      authorId: author,
    }),
    cilla: await insertFamilyCase(db, {
      personId: ids.cilla,
      unitId: w.units.children,
      assignedUserId: w.users.childrenWorker.id,
      targetGroup: 'child',
      marker: 'CILLA',
      authorId: author,
    }),
  };
  await insertFamilyRelation(db, {
    from: ids.fredrik,
    to: ids.maria,
    kind: 'partner',
    violence: 'person_against_related',
  });
  const more: string[] = [];
  for (let i = 0; i < moreChildren; i++) {
    const child = await insertFamilyPerson(db, {
      personnummer: uniquePersonnummer(2012),
      givenName: `Barn${String(i)}`,
      familyName: 'Anderssonsyskon',
    });
    await insertFamilyCase(db, {
      personId: child,
      unitId: w.units.children,
      assignedUserId: w.users.childrenWorker.id,
      targetGroup: 'child',
      marker: 'SYSKON',
      authorId: author,
    });
    more.push(child);
  }
  for (const child of [ids.cesar, ids.cilla, ...more]) {
    await insertFamilyRelation(db, {
      from: ids.maria,
      to: child,
      kind: 'parent_of',
      guardian: true,
    });
    await insertFamilyRelation(db, {
      from: ids.fredrik,
      to: child,
      kind: 'parent_of',
      guardian: true,
    });
  }
  await insertFamilyCounterpart(db, {
    personId: ids.maria,
    caseId: cases.maria,
    personnummer: ids.fredrikPnr,
    relation: 'partner',
    usesViolence: true,
    marker: 'MARIA',
    recordedBy: author,
    name: 'Fredrik enligt Maria',
  });
  return { ids, cases };
}

describe('the family view', () => {
  it('shows the victim’s handläggare the family and whom to call, masking the protected child', async () => {
    const { cases } = await andersson();
    const { status, view, body } = await family('assigned', cases.maria);
    expect(status).toBe(200);
    const fredrik = named(view, 'Anderssonfar');
    expect(fredrik?.relation).toBe('partner');
    expect(fredrik?.cases).toEqual([
      expect.objectContaining({
        handlaggare: nameOf('colleague'),
        targetGroup: 'perpetrator',
      }),
    ]);
    const cesar = named(view, 'Anderssonbarn');
    expect(cesar?.cases[0]?.handlaggare).toBe(nameOf('childrenWorker'));
    // Cilla is protected and the victim's handläggare may not open her file.
    expect(body).not.toContain('Anderssonskyddad');
    expect(masked(view)).toEqual([expect.objectContaining({ cases: [], relation: 'parent_of' })]);
    // The counterpart as Maria's file records it, linked to Fredrik's case.
    const told = view.members.find((m) => m.source === 'counterpart');
    expect(told?.name).toBe('Fredrik enligt Maria');
    expect(told?.cases).toHaveLength(1);
    // Nothing of any file's content: not even her own file's whereabouts of him.
    for (const marker of ['FREDRIK', 'CESAR', 'CILLA', 'MARIA-vistelse', 'MARIA-telefon']) {
      expect(body).not.toContain(marker);
    }
    expect(view.abilities.childReport).toBe(true);
    expect(view.openChildReportDuties).toBe(2);
  });

  it('never tells the side of the one who uses violence of her file or the children’s', async () => {
    const { cases } = await andersson();
    const { status, view, body } = await family('colleague', cases.fredrik);
    expect(status).toBe(200);
    // The relation is in his file too: Maria by name, but not her case, unit or handläggare.
    const maria = named(view, 'Andersson');
    expect(maria?.cases).toEqual([]);
    expect(named(view, 'Anderssonbarn')?.cases).toEqual([]);
    expect(body).not.toContain('Anderssonskyddad');
    expect(body).not.toContain(nameOf('childrenWorker'));
    expect(body).not.toContain(nameOf('assigned'));
    // Maria's record of him is hers: not a word of it here.
    expect(body).not.toContain('enligt Maria');
    expect(body).not.toMatch(/MARIA|CESAR|CILLA/);
    expect(view.abilities.childReport).toBe(true);
  });

  it('shows a child’s guardians and their handläggare, masking the one the child is protected from', async () => {
    const { cases } = await andersson();
    const cilla = await family('childrenWorker', cases.cilla);
    expect(cilla.status).toBe(200);
    const guardians = cilla.view.members.filter((m) => m.guardian !== 'no');
    expect(guardians).toHaveLength(2);
    const maria = named(cilla.view, 'Andersson');
    expect(maria?.guardian).toBe('yes');
    expect(maria?.cases[0]?.handlaggare).toBe(nameOf('assigned'));
    // Fredrik uses violence against her mother, and Cilla is protected: masked, no file.
    expect(guardians.find((g) => g.guardian === 'masked')).toMatchObject({
      person: { masked: true },
      cases: [],
    });
    expect(cilla.body).not.toContain('Anderssonfar');
    expect(cilla.body).not.toContain(nameOf('colleague'));
    expect(cilla.view.abilities.childReport).toBe(false);

    // Cesar is not protected: both guardians, with whom to call about each.
    const cesar = await family('childrenWorker', cases.cesar);
    const fredrik = named(cesar.view, 'Anderssonfar');
    expect(fredrik?.guardian).toBe('yes');
    expect(fredrik?.cases[0]?.handlaggare).toBe(nameOf('colleague'));
    expect(cesar.body).not.toMatch(/MARIA|FREDRIK|CILLA/);
  });

  it('names nothing of a file that only names the case’s person', async () => {
    const db = t.database.db;
    const pnr = uniquePersonnummer(1979);
    const him = await insertFamilyPerson(db, {
      personnummer: pnr,
      givenName: 'Hugo',
      familyName: 'Utanrelation',
    });
    const her = await insertFamilyPerson(db, {
      personnummer: uniquePersonnummer(1981),
      givenName: 'Vera',
      familyName: 'Berattade',
    });
    const hisCase = await insertFamilyCase(db, {
      personId: him,
      unitId: w.units.adult,
      assignedUserId: w.users.colleague.id,
      targetGroup: 'perpetrator',
      marker: 'HUGO',
      authorId: w.users.assigned.id,
    });
    const herCase = await insertFamilyCase(db, {
      personId: her,
      unitId: w.units.adult,
      assignedUserId: w.users.assigned.id,
      targetGroup: 'victim',
      marker: 'VERA',
      authorId: w.users.assigned.id,
    });
    await insertFamilyCounterpart(db, {
      personId: her,
      caseId: herCase,
      personnummer: pnr,
      relation: 'former_partner',
      usesViolence: true,
      marker: 'VERA',
      recordedBy: w.users.assigned.id,
    });
    const his = await family('colleague', hisCase);
    expect(his.status).toBe(200);
    expect(his.view.members).toEqual([]);
    expect(his.body).not.toMatch(/Berattade|VERA|Motpart/);
    // Her handläggare, whose file names him, may know of his case and whom to call.
    const hers = await family('assigned', herCase);
    expect(hers.view.members).toEqual([
      expect.objectContaining({
        source: 'counterpart',
        cases: [expect.objectContaining({ handlaggare: nameOf('colleague') })],
      }),
    ]);
    expect(hers.body).not.toContain('HUGO');
  });

  it('gives nödåtkomst the one file, not the family around it', async () => {
    const { ids, cases } = await andersson();
    await t.database.db
      .insertInto('emergency_access')
      .values({
        user_id: w.users.outOfHours.id,
        unit_id: w.units.outOfHours,
        person_id: ids.maria,
        reason: 'Akut hot en lördag natt',
        expires_at: new Date(Date.now() + 30 * 60_000),
      })
      .execute();
    const { status, view } = await family('outOfHours', cases.maria);
    expect(status).toBe(200);
    const persons = view.members.filter((m) => m.source !== 'counterpart');
    expect(persons.length).toBeGreaterThan(0);
    expect(persons.every((m) => m.person && 'masked' in m.person && m.cases.length === 0)).toBe(
      true,
    );
    expect(view.members.every((m) => m.cases.length === 0)).toBe(true);
  });

  it('answers 404 to anyone who may not read the case, and audits every person it names', async () => {
    const { ids, cases } = await andersson();
    for (const actor of [
      'childrenWorker',
      'otherManager',
      'provider',
      'analyst',
      'admin',
    ] as const) {
      expect((await family(actor, cases.maria)).status, actor).toBe(404);
    }
    const res = await get('assigned', `/api/cases/${cases.maria}/family`);
    const row = await t.database.db
      .selectFrom('audit_event')
      .select(['action', 'person_ids', 'case_ids'])
      .where('correlation_id', '=', String(res.headers['x-correlation-id']))
      .executeTakeFirstOrThrow();
    expect(row.action).toBe('family.read');
    expect(new Set(row.person_ids)).toEqual(new Set([ids.maria, ids.fredrik, ids.cesar]));
    expect(row.case_ids).toEqual(expect.arrayContaining([cases.maria, cases.fredrik, cases.cesar]));
    expect(row.case_ids).not.toContain(cases.cilla);
  });
});

describe('the family view’s cost', () => {
  /** The statements one family view sends, counted by a plugin on the database handle. */
  async function statements(caseId: string) {
    let count = 0;
    const names: string[] = [];
    const db = t.database.db.withPlugin({
      transformQuery: (args) => {
        count++;
        const node = JSON.stringify(args.node);
        names.push(`${args.node.kind}:${/"name":"([a-z_]+)"/.exec(node)?.[1] ?? ''}`);
        return args.node;
      },
      transformResult: (args) => Promise.resolve(args.result),
    });
    const now = new Date();
    await getFamily(
      { db, config: parseConfig({ NODE_ENV: 'test' }), clock: () => now },
      {
        actor: {
          userId: w.users.assigned.id,
          grants: [{ unitId: w.units.adult, role: 'adult_caseworker' }],
        },
        now,
        today: stockholmDate(now),
        audit: { actorUserId: w.users.assigned.id, correlationId: crypto.randomUUID() },
      },
      caseId,
    );
    if (process.env.VARN_FAMILY_SQL) process.stdout.write(`${names.join('\n')}\n`);
    return count;
  }

  it('costs the same statements for a household of four as for one of eight: nothing per member', async () => {
    const four = await statements((await andersson()).cases.maria);
    const eight = await statements((await andersson(4)).cases.maria);
    process.stdout.write(
      `family view: ${String(four)} statements (4 members), ${String(eight)} (8)\n`,
    );
    expect(eight).toBe(four);
    // The case and its person, the links, the household, the persons with their cases, the
    // deadlines of every case it tells of (their safety signals, expiring consents, plans' and
    // samråd's dues, and the risk reassessment's clock among them), the audit row. The counter
    // sees each select of a union: the reassessment's one statement counts as two.
    expect(eight).toBeLessThanOrEqual(37);
  });
});

/**
 * No view reachable from one member's file carries text from another member's file: over
 * generated households, every member's case content carries a marker of its own — intake text
 * and sender, a journal entry, what the member's counterparts' records say — and the family view
 * and the case page of each member, as every case-working actor sees them, carry no other
 * member's marker.
 */
describe('the family view, over generated households', () => {
  const readers: ActorName[] = [
    'assigned',
    'colleague',
    'childrenWorker',
    'outOfHours',
    'manager',
    'otherManager',
  ];
  const assignees = ['assigned', 'colleague', 'childrenWorker', null] as const;
  const memberArb = fc.record({
    adult: fc.boolean(),
    // Most people are unprotected, as in life; then the views tell of other members' cases.
    protection: fc.oneof(
      { arbitrary: fc.constant('none' as const), weight: 3 },
      { arbitrary: fc.constantFrom(...protectionLevels), weight: 1 },
    ),
    hasCase: fc.oneof(
      { arbitrary: fc.constant(true), weight: 3 },
      { arbitrary: fc.constant(false), weight: 1 },
    ),
    unit: fc.constantFrom<'adult' | 'children'>('adult', 'children'),
    assignee: fc.constantFrom(...assignees),
    perpetrator: fc.boolean(),
  });
  const linkArb = fc.record({
    from: fc.nat(5),
    to: fc.nat(5),
    kind: fc.constantFrom('partner' as const, 'parent_of' as const, 'sibling' as const),
    violence: fc.constantFrom(
      'none' as const,
      'person_against_related' as const,
      'related_against_person' as const,
    ),
    guardian: fc.boolean(),
    counterpart: fc.boolean(),
  });
  const householdArb = fc.record({
    members: fc.array(memberArb, { minLength: 2, maxLength: 6 }),
    links: fc.array(linkArb, { maxLength: 8 }),
  });
  let run = 0;
  let shownCases = 0;

  it('never carries one member’s text into another member’s views', async () => {
    await fc.assert(
      fc.asyncProperty(householdArb, async (h) => {
        const db = t.database.db;
        const tag = `MRK${++run}X`;
        const marker = (i: number) => `${tag}${i}Y`;
        const people: { id: string; pnr: string; caseId: string | null }[] = [];
        for (const [i, m] of h.members.entries()) {
          const pnr = uniquePersonnummer(m.adult ? 1975 : 2014);
          const id = await insertFamilyPerson(db, {
            personnummer: pnr,
            givenName: 'Gen',
            familyName: `Hushall${run}n${i}`,
            protection: m.protection,
          });
          const assignee = m.assignee ? w.users[m.assignee].id : null;
          const unitId = m.unit === 'adult' ? w.units.adult : w.units.children;
          const caseId = m.hasCase
            ? await insertFamilyCase(db, {
                personId: id,
                unitId,
                assignedUserId: assignee,
                targetGroup: !m.adult ? 'child' : m.perpetrator ? 'perpetrator' : 'victim',
                marker: marker(i),
                authorId: w.users.assigned.id,
              })
            : null;
          people.push({ id, pnr, caseId });
        }
        const recorded = new Set<string>();
        for (const l of h.links) {
          const from = people[l.from % people.length];
          const to = people[l.to % people.length];
          if (!from || !to || from === to) continue;
          // One relation of a kind between two persons (a unique key), one counterpart each.
          const asCounterpart = l.counterpart && from.caseId !== null;
          const key = `${from.id}|${to.id}|${asCounterpart ? 'counterpart' : l.kind}`;
          if (recorded.has(key)) continue;
          recorded.add(key);
          if (asCounterpart && from.caseId) {
            await insertFamilyCounterpart(db, {
              personId: from.id,
              caseId: from.caseId,
              personnummer: to.pnr,
              relation: 'partner',
              usesViolence: l.violence !== 'none',
              marker: marker(people.indexOf(from)),
              recordedBy: w.users.assigned.id,
              name: `Motpart${marker(people.indexOf(from))}`,
            });
          } else {
            await insertFamilyRelation(db, {
              from: from.id,
              to: to.id,
              kind: l.kind,
              violence: l.violence,
              guardian: l.kind === 'parent_of' && l.guardian,
            });
          }
        }
        for (const [i, p] of people.entries()) {
          if (!p.caseId) continue;
          const others = people.map((_, j) => j).filter((j) => j !== i);
          for (const actor of readers) {
            for (const url of [`/api/cases/${p.caseId}/family`, `/api/cases/${p.caseId}`]) {
              const res = await get(actor, url);
              expect(res.statusCode).toBeLessThan(500);
              if (res.statusCode !== 200) continue;
              for (const j of others) {
                expect(res.body, `${actor} ${url}: member ${j}'s text`).not.toContain(marker(j));
              }
              expect(res.body).not.toContain(CANARY);
              if (url.endsWith('/family')) {
                shownCases += res
                  .json<FamilyView>()
                  .members.reduce((n: number, m: FamilyMember) => n + m.cases.length, 0);
              }
            }
          }
        }
      }),
      { numRuns: Number(process.env.VARN_FAMILY_RUNS ?? 12), seed: 20261214, endOnFailure: true },
    );
    // The property is not vacuous: the views did tell of other members' cases.
    expect(shownCases).toBeGreaterThan(0);
  }, 600_000);
});
