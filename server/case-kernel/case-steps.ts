import { caseState, checkStep } from '../../core/domain/case-flow.ts';
import type { CaseState, Step } from '../../core/domain/case-flow.ts';
import { hasOpenDuty } from '../../core/domain/child-report-duty.ts';
import type { Db, Trx } from '../db/database.ts';
import { AppError } from '../errors.ts';
import type { ActionContext } from '../http/action-context.ts';
import { can } from '../../core/policy/policy.ts';
import type { ServiceDeps } from '../service-deps.ts';
import { caseFacts, loadCase, loadEvents, toFlowEvents } from './case-access.ts';
import { execute } from '../command.ts';
import type { CaseRow } from './case-access.ts';
import { loadDuties } from './child-duties.ts';
import type { HouseholdDuty } from './child-duties.ts';

/** The duties of one case (see child-duties.ts). */
async function dutiesOf(db: Db | Trx, row: CaseRow, today: string): Promise<HouseholdDuty[]> {
  return (await loadDuties(db, [row], today)).get(row.id) ?? [];
}

/** What a step's own work gets: the loaded case, its log's state and its children's duties. */
export interface StepScope {
  trx: Trx;
  row: CaseRow;
  state: CaseState;
  duties: HouseholdDuty[];
  now: Date;
  today: string;
  actorId: string;
}

/**
 * A step on a case, as a command (command.ts): authorized as work on the case; the step is
 * checked against the case flow (409 with the flow's sentence naming what is missing) before
 * `act` writes; audited with the case's id and what the step adds.
 */
export function takeStep<T>(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
  step: Step | undefined,
  act: (scope: StepScope) => Promise<
    T & {
      audit: {
        personIds?: string[];
        caseIds?: string[];
        details?: Record<string, string | number | boolean | null>;
      };
    }
  >,
  action:
    'case.step' | 'case.child_report' | 'communication.record' | 'transfer.complete' = 'case.step',
): Promise<T> {
  return execute(deps, ctx, {
    action,
    load: async (trx) => {
      const loaded = await loadCase(trx, ctx.actor, caseId, ctx.now);
      const events = await loadEvents(trx, caseId);
      const duties = await dutiesOf(trx, loaded.row, ctx.today);
      return { ...loaded, state: caseState(toFlowEvents(events)), duties };
    },
    authorize: (actor, { row, person }) =>
      can(actor, 'case.work', { person, case: caseFacts(row), now: ctx.now }),
    run: async (trx, { row, state, duties }) => {
      if (step) {
        const check = checkStep(state, step, {
          subjectIsAdult: row.target_group !== 'child',
          openChildReportDuty: hasOpenDuty(duties),
        });
        if (!check.ok) throw new AppError('STEP_OUT_OF_ORDER', { detail: check.message });
      }
      const { audit, ...result } = await act({
        trx,
        row,
        state,
        duties,
        now: ctx.now,
        today: ctx.today,
        actorId: ctx.actor.userId,
      });
      return {
        result: result as T,
        audit: {
          personIds: audit.personIds ?? [row.person_id],
          caseIds: audit.caseIds ?? [caseId],
          // Every step names the case it changed; the step's own details add what else it made.
          details: { caseId, ...audit.details },
        },
      };
    },
  });
}
