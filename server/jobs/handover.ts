import { sql } from 'kysely';
import { caseState } from '../../core/domain/case-flow.ts';
import { can } from '../../core/policy/policy.ts';
import { execute } from '../command.ts';
import { appendEvents, caseFacts, loadEvents, toFlowEvents } from '../case-kernel/case-access.ts';
import { AppError } from '../errors.ts';
import { systemContext } from '../http/action-context.ts';
import type { ServiceDeps } from '../service-deps.ts';
import { eachDue } from './schedule.ts';

/**
 * The handover job (issue 13, item 2): on the working day socialjour planned at intake
 * (core/domain/handover.ts), each open case it registered moves to the day unit — unassigned,
 * first in the unit's queue. It acts as the system actor, whose only right is this one
 * (`case.handover`): it carries out socialjour's recorded plan, and gains no access by it.
 * Socialjour's own access ends with it, since access is granted, never taken: the case is no
 * longer in socialjour's unit nor assigned to anyone there (docs/SECURITY.md).
 */

/** Cases whose planned handover is due by `today` and not yet carried out. */
async function dueCases(deps: Pick<ServiceDeps, 'db'>, today: string): Promise<string[]> {
  const rows = await deps.db
    .selectFrom('case_event as planned')
    .innerJoin('case', 'case.id', 'planned.case_id')
    .select('planned.case_id')
    .where('planned.type', '=', 'handover_planned')
    .where('case.status', '=', 'open')
    .where(sql<string>`planned.payload ->> 'on'`, '<=', today)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('case_event as done')
            .select('done.seq')
            .whereRef('done.case_id', '=', 'planned.case_id')
            .where('done.type', '=', 'case_handed_over')
            .whereRef('done.seq', '>', 'planned.seq'),
        ),
      ),
    )
    .orderBy('planned.case_id')
    .execute();
  return [...new Set(rows.map((r) => r.case_id))];
}

/** Hands over every due case, each in its own command; returns the ids of the cases moved. */
export async function runHandovers(deps: ServiceDeps, clock: () => Date): Promise<string[]> {
  const ctx = systemContext('handover', clock);
  // Another run took a case first, or it was closed meanwhile: the next run finds it done.
  return eachDue(await dueCases(deps, ctx.today), (caseId) => handOver(deps, ctx, caseId));
}

function handOver(deps: ServiceDeps, ctx: ReturnType<typeof systemContext>, caseId: string) {
  return execute(deps, ctx, {
    action: 'case.handover',
    load: async (trx) => {
      // The row lock first: a concurrent run waits, then finds the handover done.
      const row = await trx
        .selectFrom('case')
        .select(['id', 'person_id', 'unit_id', 'assigned_user_id', 'status', 'routed_by'])
        .where('id', '=', caseId)
        .forUpdate()
        .executeTakeFirst();
      if (!row) throw new AppError('NOT_FOUND');
      const state = caseState(toFlowEvents(await loadEvents(trx, caseId)));
      return { row, planned: state.plannedHandover };
    },
    authorize: (actor, { row, planned }) =>
      can(actor, 'case.handover', { case: caseFacts(row), planned, today: ctx.today }),
    run: async (trx, { row, planned }) => {
      const toUnitId = planned?.toUnitId ?? row.unit_id;
      const version = await appendEvents(
        trx,
        caseId,
        [{ type: 'case_handed_over', payload: { fromUnitId: row.unit_id, toUnitId } }],
        null,
        ctx.now,
      );
      return {
        result: version,
        audit: {
          personIds: [row.person_id],
          caseIds: [caseId],
          details: { caseId, version, fromUnitId: row.unit_id, toUnitId },
        },
      };
    },
  });
}
