import { responsibleUnits, routedUnit } from '../../core/domain/routing.ts';
import type { IntakeBody } from '../../core/contracts/cases.ts';
import type { CaseEventRecord } from '../../core/domain/case-events.ts';
import type { Trx } from '../db/database.ts';
import { openCase } from './case-access.ts';

/**
 * Routing a matter about a person who already has a file to the unit responsible for it
 * (core/domain/routing.ts decides which). The case is unassigned and carries `routed_by`, so the
 * policy never lets the registering user reach the file through it; the unit's queue shows it,
 * marked as routed, to its handläggare and its manager.
 */

type IntakePart = Pick<IntakeBody, 'unitId' | 'targetGroup' | 'intake' | 'acuteScreening'>;

export async function routeMatter(
  trx: Trx,
  body: IntakePart,
  personId: string,
  actorId: string,
  now: Date,
  fallbackUnitId?: string,
): Promise<{ caseId: string; unitId: string; unitName: string }> {
  const cases = await trx
    .selectFrom('case')
    .select(['unit_id', 'status', 'opened_at'])
    .where('person_id', '=', personId)
    .execute();
  const responsible = responsibleUnits(
    cases.map((c) => ({ unitId: c.unit_id, status: c.status, openedAt: c.opened_at })),
  );
  const unitId = routedUnit(
    body.unitId,
    responsible.length > 0 || fallbackUnitId === undefined ? responsible : [fallbackUnitId],
  );
  const caseId = await insertIntakeCase(trx, { ...body, unitId }, personId, actorId, now, {
    assignedUserId: null,
    routedBy: actorId,
  });
  const unit = await trx
    .selectFrom('unit')
    .select('name')
    .where('id', '=', unitId)
    .executeTakeFirstOrThrow();
  return { caseId, unitId, unitName: unit.name };
}

/** The case and the first two events of its log: what came in, and the screening of acute need. */
export async function insertIntakeCase(
  trx: Trx,
  body: IntakePart,
  personId: string,
  actorId: string,
  now: Date,
  hands: { assignedUserId: string | null; routedBy: string | null },
  /** Events the intake records besides the first two (socialjour's planned handover). */
  more: readonly CaseEventRecord[] = [],
): Promise<string> {
  return openCase(
    trx,
    {
      person_id: personId,
      unit_id: body.unitId,
      target_group: body.targetGroup,
      assigned_user_id: hands.assignedUserId,
      routed_by: hands.routedBy,
      received_at: new Date(body.intake.receivedAt),
      created_by: actorId,
    },
    [
      {
        type: 'intake_registered',
        payload: {
          ...body.intake,
          intakeType: body.intake.type,
          ...(hands.routedBy ? { routed: true } : {}),
        },
      },
      { type: 'acute_screening', payload: body.acuteScreening },
      ...more,
    ],
    actorId,
    now,
  );
}
