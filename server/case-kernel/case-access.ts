import { sql } from 'kysely';
import { parseCaseEvent } from '../../core/domain/case-events.ts';
import type { CaseEventRecord } from '../../core/domain/case-events.ts';
import type { CaseEvent } from '../../core/domain/case-flow.ts';
import { can } from '../../core/policy/policy.ts';
import type { Actor, CaseFacts, PersonFacts } from '../../core/policy/policy.ts';
import type { Db, Trx } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { enforce } from '../http/context.ts';
import { loadPersonFacts } from './persons.repository.ts';

type Reader = Db | Trx;

export async function loadCaseRow(db: Reader, caseId: string) {
  return db
    .selectFrom('case')
    .innerJoin('unit', 'unit.id', 'case.unit_id')
    .leftJoin('app_user', 'app_user.id', 'case.assigned_user_id')
    .select([
      'case.id',
      'case.person_id',
      'case.unit_id',
      'case.target_group',
      'case.status',
      'case.phase',
      'case.assigned_user_id',
      'case.opened_at',
      'case.received_at',
      'case.closed_at',
      'case.version',
      'case.acute_need',
      'case.routed_by',
      'unit.name as unit_name',
      'app_user.display_name as assignee_name',
    ])
    .where('case.id', '=', caseId)
    .executeTakeFirst();
}
export type CaseRow = NonNullable<Awaited<ReturnType<typeof loadCaseRow>>>;

export const caseFacts = (row: CaseRow): CaseFacts => ({
  caseId: row.id,
  unitId: row.unit_id,
  assignedUserId: row.assigned_user_id,
  status: row.status,
  routedBy: row.routed_by,
});

/**
 * The one way into a case: load it and its person's facts, and let the policy decide. A case the
 * actor may not read answers 404 whether or not it exists.
 */
export async function authorizeCase(
  db: Reader,
  actor: Actor,
  caseId: string,
  action: 'case.read' | 'case.work',
  now: Date,
): Promise<{
  row: CaseRow;
  person: PersonFacts;
  decision: ReturnType<typeof enforce>;
}> {
  const row = await loadCaseRow(db, caseId);
  if (!row) throw new AppError('NOT_FOUND');
  const person = (await loadPersonFacts(db, [row.person_id], actor.userId, now)).get(row.person_id);
  if (!person) throw new AppError('NOT_FOUND');
  const decision = enforce(can(actor, action, { person, case: caseFacts(row), now }));
  return { row, person, decision };
}

/** One row of the case's log, its payload checked against its type (core/domain/case-events.ts). */
export type StoredEvent = CaseEventRecord & {
  seq: number;
  recorded_at: Date;
  recorded_by_name: string | null;
};

export async function loadEvents(db: Reader, caseId: string): Promise<StoredEvent[]> {
  const rows = await db
    .selectFrom('case_event')
    .leftJoin('app_user', 'app_user.id', 'case_event.recorded_by')
    .select([
      'case_event.seq',
      'case_event.type',
      'case_event.payload',
      'case_event.recorded_at',
      'app_user.display_name as recorded_by_name',
    ])
    .where('case_event.case_id', '=', caseId)
    .orderBy('case_event.seq')
    .execute();
  return rows.map((r) => ({
    ...parseCaseEvent(r.type, r.payload),
    seq: r.seq,
    recorded_at: r.recorded_at,
    recorded_by_name: r.recorded_by_name,
  }));
}

/** The stored log in the shape the pure case-flow rules read. */
export function toFlowEvents(events: readonly StoredEvent[]): CaseEvent[] {
  return events.map((e): CaseEvent => {
    const at = e.recorded_at.toISOString();
    switch (e.type) {
      case 'intake_registered':
        return { type: e.type, at, intakeType: e.payload.intakeType };
      case 'acute_screening':
        return { type: e.type, at, acuteNeed: e.payload.acuteNeed };
      case 'preliminary_assessment':
        return { type: e.type, at, outcome: e.payload.outcome };
      default:
        return { type: e.type, at };
    }
  });
}

/**
 * Appends events to the case's log and bumps the case's version, in the caller's transaction. When
 * `expectedVersion` is given, a case changed since the caller read it is refused (409).
 */
export async function appendEvents(
  trx: Trx,
  caseId: string,
  events: readonly CaseEventRecord[],
  by: string,
  now: Date,
  expectedVersion?: number,
  caseChanges: {
    phase?: CaseRow['phase'];
    acute_need?: CaseRow['acute_need'];
    queue_priority?: number;
    status?: 'open' | 'closed';
    closed_at?: Date;
  } = {},
): Promise<number> {
  let update = trx
    .updateTable('case')
    .set({ ...caseChanges, version: sql`version + 1` })
    .where('id', '=', caseId);
  if (expectedVersion !== undefined) update = update.where('version', '=', expectedVersion);
  const updated = await update.returning('version').executeTakeFirst();
  if (!updated) throw new AppError('VERSION_CONFLICT');
  const last = await trx
    .selectFrom('case_event')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  const start = (last?.seq ?? 0) + 1;
  await trx
    .insertInto('case_event')
    .values(
      events.map((e, i) => ({
        case_id: caseId,
        seq: start + i,
        type: e.type,
        // Checked on the way in as on the way out: a payload that does not fit its type is a bug.
        payload: JSON.stringify(parseCaseEvent(e.type, e.payload).payload),
        recorded_at: now,
        recorded_by: by,
      })),
    )
    .execute();
  return updated.version;
}
