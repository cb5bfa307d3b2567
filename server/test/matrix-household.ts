import type { Db } from '../db/database.ts';
import { appendEvents, openCase } from '../case-kernel/case-access.ts';
import { intakePayload } from './factories.ts';
import type { Scenario } from './matrix.ts';
import { actorNames } from './world.ts';
import type { ActorName, World } from './world.ts';
import type { Outcome } from './matrix.ts';

/**
 * The authorization matrix's rows for the household at intake (issue 14): the intake with its
 * household, one orosanmälan for siblings, the orosanmälan's PDF. Spliced into `scenarios` in
 * ./matrix.ts, at the end: these write state the rows before them must not see.
 */

const outcomes = (rest: Outcome, except: Partial<Record<ActorName, Outcome>>) =>
  Object.fromEntries(actorNames.map((a) => [a, except[a] ?? rest])) as Record<ActorName, Outcome>;

/** A child of `parentId` with no number, in the household: a duty to report opens for it. */
async function childOf(db: Db, parentId: string, givenName: string) {
  const child = await db
    .insertInto('person')
    .values({
      identity_kind: null,
      identity_number: null,
      given_name: givenName,
      family_name: 'Syskon',
      protection_level: 'none',
      stated_age: 6,
      stated_age_on: '2026-01-01',
      created_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('person_relation')
    .values({
      person_id: parentId,
      related_person_id: child.id,
      kind: 'parent_of',
      created_by: null,
    })
    .execute();
  return child.id;
}

/** A child of P reported to the children's unit from P's case: the report's child case. */
async function reportedChild(db: Db, w: World) {
  const childId = await childOf(db, w.persons.p.id, 'Anmäld');
  const now = new Date();
  return db.transaction().execute(async (trx) => {
    const childCaseId = await openCase(
      trx,
      {
        person_id: childId,
        unit_id: w.units.children,
        target_group: 'child',
        assigned_user_id: null,
        received_at: now,
        created_by: w.users.assigned.id,
        origin_case_id: w.persons.p.caseId,
      },
      [
        {
          type: 'intake_registered',
          payload: {
            intakeType: 'report',
            from: 'Socialtjänsten',
            channel: 'other',
            receivedAt: now.toISOString(),
            content: 'Barnet har upplevt våld mellan vuxna.',
          },
        },
      ],
      w.users.assigned.id,
      now,
    );
    await appendEvents(
      trx,
      w.persons.p.caseId,
      [
        {
          type: 'child_report_registered',
          payload: {
            childPersonId: childId,
            childCaseId,
            childrenUnitId: w.units.children,
            reportedOn: now.toISOString().slice(0, 10),
            content: 'Barnet har upplevt våld mellan vuxna.',
          },
        },
      ],
      w.users.assigned.id,
      now,
    );
    return childCaseId;
  });
}

const household = (childNumber: string | null) => ({
  adults: [
    {
      identity: null,
      givenName: 'Våld',
      familyName: 'Utövare',
      description: null,
      relation: 'partner',
      usesViolence: true,
      livesTogether: true,
    },
  ],
  children: [
    {
      givenName: 'Ett',
      familyName: 'Barn',
      identity: childNumber ? { kind: 'personnummer', number: childNumber } : null,
      statedAge: childNumber ? null : 7,
      guardian: true,
    },
  ],
});

export const householdScenarios: Scenario[] = [
  {
    name: 'register an aktualisering with the household (the person who uses violence, a child)',
    audited: true,
    request: (w) => ({
      method: 'POST',
      url: '/api/intakes',
      payload: {
        ...intakePayload(w.units.adult, {
          existing: false,
          newPerson: {
            identity: null,
            givenName: 'Ny',
            familyName: 'Hushåll',
            protectionLevel: 'none',
          },
        }),
        household: household(null),
      },
    }),
    expect: outcomes(404, { assigned: 201, colleague: 201, childrenWorker: 403, outOfHours: 403 }),
  },
  {
    name: "register an aktualisering whose household names a person with a file (R's number as the counterpart's)",
    audited: true,
    request: (w) => ({
      method: 'POST',
      url: '/api/intakes',
      payload: {
        ...intakePayload(w.units.adult, {
          existing: false,
          newPerson: {
            identity: null,
            givenName: 'Ny',
            familyName: 'Länk',
            protectionLevel: 'none',
          },
        }),
        household: {
          ...household(null),
          adults: [
            {
              ...household(null).adults[0],
              identity: { kind: 'personnummer', number: w.persons.r.personnummer },
            },
          ],
        },
      },
    }),
    expect: outcomes(404, { assigned: 201, colleague: 201, childrenWorker: 403, outOfHours: 403 }),
  },
  {
    name: 'register one orosanmälan for two siblings in the household of an assigned case',
    audited: true,
    request: async (w, _actor, db) => ({
      method: 'POST',
      url: `/api/cases/${w.persons.p.caseId}/joint-child-reports`,
      payload: {
        childPersonIds: [
          await childOf(db, w.persons.p.id, 'Första'),
          await childOf(db, w.persons.p.id, 'Andra'),
        ],
        childrenUnitId: w.units.children,
        content: 'Barnen har upplevt våld mellan vuxna.',
      },
    }),
    expect: outcomes(404, { assigned: 201, manager: 403 }),
  },
  {
    name: 'print an orosanmälan from an assigned case (PDF)',
    audited: true,
    request: async (w, _actor, db) => ({
      method: 'GET',
      url: `/api/cases/${w.persons.p.caseId}/child-reports/${await reportedChild(db, w)}/orosanmalan.pdf`,
    }),
    expect: outcomes(404, { assigned: 200, manager: 200 }),
  },
];
