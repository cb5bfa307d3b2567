import type { Db } from '../db/database.ts';
import { stockholmDate } from '../time.ts';

/**
 * A structured risk assessment of the case's person, made today, for tests that share one with
 * the police (making one through the API is risk.test.ts's).
 */
export async function structuredAssessment(
  db: Db,
  input: { caseId: string; assessedBy: string },
): Promise<string> {
  const { person_id } = await db
    .selectFrom('case')
    .select('person_id')
    .where('id', '=', input.caseId)
    .executeTakeFirstOrThrow();
  const instrument = await db
    .selectFrom('instrument_version')
    .select(['id', 'version', 'method'])
    .orderBy('id')
    .orderBy('version')
    .executeTakeFirstOrThrow();
  const row = await db
    .insertInto('risk_assessment')
    .values({
      case_id: input.caseId,
      person_id,
      kind: 'structured',
      instrument_id: instrument.id,
      instrument_version: instrument.version,
      method: instrument.method,
      answers: JSON.stringify({}),
      score: 12,
      level: 'high',
      scenario_ratings: null,
      motivation: 'Hot om att döda, eskalerande våld.',
      police_reference: null,
      consent_reference: null,
      assessed_on: stockholmDate(new Date()),
      recorded_by: input.assessedBy,
      recorded_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
