import { randomUUID } from 'node:crypto';
import type { Db } from '../db/database.ts';
import type { Scenario } from './matrix.ts';
import { outcomes } from './matrix-outcomes.ts';
import type { World } from './world.ts';

/**
 * The authorization matrix's rows for counterparts and relation corrections (issue 14), spliced
 * into `scenarios` in matrix.ts. The record scenario writes Q's identity number — a protected
 * person whose every protected field is a canary — as a counterpart in P's file, so that the
 * lists after it prove the link shows nothing of Q's file (server/canary-and-audit.test.ts).
 */

const counterpart = (w: World, over: object = {}) => ({
  identity: { kind: 'personnummer', number: w.persons.q.personnummer },
  givenName: null,
  familyName: null,
  description: 'Partnern, enligt henne.',
  relation: 'partner',
  usesViolence: true,
  livesTogether: 'unknown',
  contact: [{ kind: 'phone', value: '070-900 00 01' }],
  whereabouts: 'Okänt var han bor.',
  ...over,
});

/** A counterpart in P's file at version 1, for one actor's attempt to change it. */
async function counterpartInP(db: Db, w: World) {
  const id = randomUUID();
  await db
    .insertInto('counterpart')
    .values({
      id,
      version: 1,
      person_id: w.persons.p.id,
      case_id: w.persons.p.caseId,
      given_name: 'Matris',
      family_name: 'Motpart',
      relation: 'former_partner',
      uses_violence: true,
      lives_together: false,
      contact: JSON.stringify([]),
      recorded_by: w.users.assigned.id,
    })
    .execute();
  return id;
}

/** P's and R's sibling relation as it is now, to correct from P's file. */
async function siblingRelation(db: Db, w: World) {
  return db
    .selectFrom('person_relation')
    .select(['id', 'violence', 'version'])
    .where('person_id', '=', w.persons.p.id)
    .where('related_person_id', '=', w.persons.r.id)
    .where('kind', '=', 'sibling')
    .executeTakeFirstOrThrow();
}

export const counterpartScenarios: Scenario[] = [
  {
    name: 'record the person who uses violence in the file of an assigned case',
    audited: true,
    request: (w) => ({
      method: 'POST',
      url: `/api/cases/${w.persons.p.caseId}/counterparts`,
      payload: counterpart(w),
    }),
    expect: outcomes(404, { assigned: 201, manager: 403 }),
  },
  {
    name: 'record a counterpart nobody can be identified by',
    request: (w) => ({
      method: 'POST',
      url: `/api/cases/${w.persons.p.caseId}/counterparts`,
      payload: counterpart(w, { identity: null, description: null }),
    }),
    expect: outcomes(404, { assigned: 400, manager: 403 }),
  },
  {
    name: 'list the counterparts in the file of an assigned case',
    audited: true,
    request: (w) => ({ method: 'GET', url: `/api/cases/${w.persons.p.caseId}/counterparts` }),
    expect: outcomes(404, { assigned: 200, manager: 200 }),
  },
  {
    name: 'list the counterparts in the file of a protected person',
    audited: true,
    request: (w) => ({ method: 'GET', url: `/api/cases/${w.persons.q.caseId}/counterparts` }),
    expect: outcomes(404, { assigned: 200, manager: 200 }),
  },
  {
    name: 'list the counterparts in the file of a case in the intake queue',
    audited: true,
    request: (w) => ({ method: 'GET', url: `/api/cases/${w.persons.r.caseId}/counterparts` }),
    expect: outcomes(404, { assigned: 200, colleague: 200, manager: 200 }),
  },
  {
    name: 'correct a counterpart in the file of an assigned case',
    audited: true,
    request: async (w, _actor, db) => ({
      method: 'POST',
      url: `/api/cases/${w.persons.p.caseId}/counterparts/${await counterpartInP(db, w)}/versions`,
      payload: {
        change: 'correction',
        ...counterpart(w, { identity: null, givenName: 'Matris', familyName: 'Motpart' }),
        reason: 'Hon berättade mer.',
        version: 1,
      },
    }),
    expect: outcomes(404, { assigned: 201, manager: 403 }),
  },
  {
    name: 'mark a counterpart in the file of an assigned case wrongly recorded',
    audited: true,
    request: async (w, _actor, db) => ({
      method: 'POST',
      url: `/api/cases/${w.persons.p.caseId}/counterparts/${await counterpartInP(db, w)}/versions`,
      payload: {
        change: 'status',
        status: 'wrongly_recorded',
        reason: 'Förväxling.',
        version: 1,
      },
    }),
    expect: outcomes(404, { assigned: 201, manager: 403 }),
  },
  {
    name: 'correct a relation between a person with an assigned case and a person in the queue',
    audited: true,
    request: async (w, _actor, db) => {
      const relation = await siblingRelation(db, w);
      return {
        method: 'POST',
        url: `/api/persons/${w.persons.p.id}/relations/${relation.id}/versions`,
        payload: {
          change: 'correction',
          kind: 'sibling',
          violence: relation.violence === 'none' ? 'unknown' : 'none',
          guardian: false,
          reason: 'Rättad uppgift om våld.',
          version: relation.version,
        },
      };
    },
    expect: outcomes(404, { assigned: 201, manager: 403 }),
  },
];
