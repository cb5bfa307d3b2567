import { sql } from 'kysely';
import { parseCaseEvent } from '../../core/domain/case-events.ts';
import type { CaseEventRecord } from '../../core/domain/case-events.ts';
import { caseProjection, caseState, queuePriorities } from '../../core/domain/case-flow.ts';
import type { CaseEvent, QueuePriority } from '../../core/domain/case-flow.ts';
import type { Actor, CaseFacts, PersonFacts } from '../../core/policy/policy.ts';
import type { Db, Trx } from '../db/database.ts';
import type { CaseTable } from '../db/schema.ts';
import { AppError } from '../errors.ts';
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

export const caseFacts = (
  row: Pick<CaseRow, 'id' | 'unit_id' | 'assigned_user_id' | 'status' | 'routed_by'>,
): CaseFacts => ({
  caseId: row.id,
  unitId: row.unit_id,
  assignedUserId: row.assigned_user_id,
  status: row.status,
  routedBy: row.routed_by,
});

/** A case and its person's facts as the policy reads them; 404 when either does not exist. */
export interface LoadedCase {
  row: CaseRow;
  person: PersonFacts;
}

export async function loadCase(
  db: Reader,
  actor: Actor,
  caseId: string,
  now: Date,
): Promise<LoadedCase> {
  const row = await loadCaseRow(db, caseId);
  if (!row) throw new AppError('NOT_FOUND');
  const person = (await loadPersonFacts(db, [row.person_id], actor.userId, now)).get(row.person_id);
  if (!person) throw new AppError('NOT_FOUND');
  return { row, person };
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
  return toFlow(events.map((e) => ({ ...e, at: e.recorded_at })));
}

function toFlow(events: readonly (CaseEventRecord & { at: Date })[]): CaseEvent[] {
  return events.map((e): CaseEvent => {
    const at = e.at.toISOString();
    switch (e.type) {
      case 'intake_registered':
        return { type: e.type, at, intakeType: e.payload.intakeType };
      case 'acute_screening':
        return { type: e.type, at, acuteNeed: e.payload.acuteNeed };
      case 'preliminary_assessment':
        return { type: e.type, at, outcome: e.payload.outcome };
      case 'case_assigned':
        return { type: e.type, at, userId: e.payload.userId };
      case 'handover_planned':
        return { type: e.type, at, toUnitId: e.payload.toUnitId, on: e.payload.on };
      case 'case_handed_over':
        return { type: e.type, at, toUnitId: e.payload.toUnitId };
      default:
        return { type: e.type, at };
    }
  });
}

/**
 * Appends events to the case's log and bumps the case's version, in the caller's transaction,
 * and writes the case row's projection of the whole log (`caseProjection`), so the row can never
 * say what the log does not. When `expectedVersion` is given, a case changed since the caller
 * read it is refused (409).
 */
export async function appendEvents(
  trx: Trx,
  caseId: string,
  events: readonly CaseEventRecord[],
  by: string | null,
  now: Date,
  expectedVersion?: number,
): Promise<number> {
  // The row lock first: concurrent appends to one case take turns, so each sees the whole log.
  const current = await trx
    .selectFrom('case')
    .select('version')
    .where('id', '=', caseId)
    .forUpdate()
    .executeTakeFirst();
  if (!current || (expectedVersion !== undefined && current.version !== expectedVersion)) {
    throw new AppError('VERSION_CONFLICT');
  }
  const stored = await trx
    .selectFrom('case_event')
    .select(['seq', 'type', 'payload', 'recorded_at'])
    .where('case_id', '=', caseId)
    .orderBy('seq')
    .execute();
  const log = [
    ...stored.map((r) => ({ ...parseCaseEvent(r.type, r.payload), at: r.recorded_at })),
    ...events.map((e) => ({ ...e, at: now })),
  ];
  const updated = await trx
    .updateTable('case')
    .set({ ...projectionColumns(log), version: sql`version + 1` })
    .where('id', '=', caseId)
    .returning('version')
    .executeTakeFirstOrThrow();
  await insertEvents(trx, caseId, (stored.at(-1)?.seq ?? 0) + 1, events, by, now);
  return updated.version;
}

/** A new case, as the one who registers it gives it; everything else comes from its log. */
export interface NewCase {
  person_id: string;
  unit_id: string;
  target_group: CaseTable['target_group'];
  assigned_user_id: string | null;
  routed_by?: string | null;
  received_at: Date;
  created_by: string | null;
  origin_case_id?: string | null;
}

/**
 * Opens a case with its first events: the only way a case comes into being, so its row is the
 * projection of its log from the first moment. `queuePriority` places a case whose log does not
 * yet say (no acute screening: a child's orosanmälan goes first until screened).
 */
export async function openCase(
  trx: Trx,
  values: NewCase,
  events: readonly [CaseEventRecord, ...CaseEventRecord[]],
  by: string | null,
  now: Date,
  queuePriority: QueuePriority = queuePriorities.ordinary,
): Promise<string> {
  const projected = projectionColumns(events.map((e) => ({ ...e, at: now })));
  const created = await trx
    .insertInto('case')
    .values({
      ...values,
      opened_at: now,
      phase: projected.phase ?? 'preliminary_assessment',
      status: projected.status ?? 'open',
      closed_at: projected.closed_at ?? null,
      acute_need: projected.acute_need ?? null,
      queue_priority: projected.queue_priority ?? queuePriority,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await insertEvents(trx, created.id, 1, events, by, now);
  return created.id;
}

/** The row's columns for a log; a field the log does not settle is left out, keeping the row's. */
function projectionColumns(log: readonly (CaseEventRecord & { at: Date })[]) {
  const projection = caseProjection(caseState(toFlow(log)));
  return {
    ...(projection.phase !== null ? { phase: projection.phase } : {}),
    ...(projection.status !== null ? { status: projection.status } : {}),
    ...(projection.closedAt !== null ? { closed_at: new Date(projection.closedAt) } : {}),
    ...(projection.acuteNeed !== null ? { acute_need: projection.acuteNeed } : {}),
    ...(projection.queuePriority !== null ? { queue_priority: projection.queuePriority } : {}),
    ...(projection.assignedUserId !== null ? { assigned_user_id: projection.assignedUserId } : {}),
    ...(projection.unassigned ? { assigned_user_id: null } : {}),
    ...(projection.unitId !== null ? { unit_id: projection.unitId } : {}),
  };
}

async function insertEvents(
  trx: Trx,
  caseId: string,
  firstSeq: number,
  events: readonly CaseEventRecord[],
  by: string | null,
  now: Date,
) {
  await trx
    .insertInto('case_event')
    .values(
      events.map((e, i) => ({
        case_id: caseId,
        seq: firstSeq + i,
        type: e.type,
        // Checked on the way in as on the way out: a payload that does not fit its type is a bug.
        payload: JSON.stringify(parseCaseEvent(e.type, e.payload).payload),
        recorded_at: now,
        recorded_by: by,
      })),
    )
    .execute();
}
