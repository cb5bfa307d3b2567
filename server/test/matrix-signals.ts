import type { Db } from '../db/database.ts';
import { signalDueOn } from '../../core/domain/safety-signals.ts';
import { stockholmDate } from '../time.ts';
import type { World } from './world.ts';
import type { Scenario } from './matrix.ts';
import { outcomes } from './matrix-outcomes.ts';

/**
 * The authorization matrix's rows for safety signals (core/domain/safety-signals.ts): reading a
 * case's signals is reading the case; marking one reviewed is working it. Spliced into
 * `scenarios` in matrix.ts.
 */

/** An open signal in P's case as an event in Q's would raise it, fresh for each attempt. */
async function signalInP(db: Db, w: World): Promise<string> {
  const now = new Date();
  const raisedOn = stockholmDate(now);
  const row = await db
    .insertInto('safety_signal')
    .values({
      kind: 'incident_registered',
      review: 'risk_assessment',
      target_case_id: w.persons.p.caseId,
      target_person_id: w.persons.p.id,
      raised_at: now,
      raised_on: raisedOn,
      due_on: signalDueOn('risk_assessment', raisedOn),
      source_case_id: w.persons.q.caseId,
      source_record_id: w.persons.q.caseId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export const signalScenarios: Scenario[] = [
  {
    name: 'read the safety signals of an assigned case',
    audited: true,
    request: (w) => ({ method: 'GET', url: `/api/cases/${w.persons.p.caseId}/safety-signals` }),
    expect: outcomes(404, { assigned: 200, manager: 200 }),
  },
  {
    name: 'read the safety signals of a case in the intake queue',
    audited: true,
    request: (w) => ({ method: 'GET', url: `/api/cases/${w.persons.r.caseId}/safety-signals` }),
    expect: outcomes(404, { assigned: 200, colleague: 200, manager: 200 }),
  },
  {
    name: 'read the safety signals of a closed case nobody works',
    request: (w) => ({ method: 'GET', url: `/api/cases/${w.persons.s.caseId}/safety-signals` }),
    expect: outcomes(404, {}),
  },
  {
    name: 'mark a safety signal of an assigned case reviewed',
    audited: true,
    request: async (w, _actor, db) => ({
      method: 'POST',
      url: `/api/cases/${w.persons.p.caseId}/safety-signals/${await signalInP(db, w)}/handled`,
    }),
    expect: outcomes(404, { assigned: 200, manager: 403 }),
  },
  {
    name: "mark a safety signal reviewed through another case (P's signal through Q's case)",
    request: async (w, _actor, db) => ({
      method: 'POST',
      url: `/api/cases/${w.persons.q.caseId}/safety-signals/${await signalInP(db, w)}/handled`,
    }),
    expect: outcomes(404, { manager: 403 }),
  },
];
