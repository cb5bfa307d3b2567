import type { FastifyRequest } from 'fastify';
import { caseState, checkStep } from '../../core/domain/case-flow.ts';
import type { CaseState, Step } from '../../core/domain/case-flow.ts';
import { hasOpenDuty } from '../../core/domain/child-report-duty.ts';
import { recordAudit } from '../audit/audit.ts';
import type { Db, Trx } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { auditContext, requireActor } from '../http/context.ts';
import type { ServiceDeps } from '../service-deps.ts';
import { stockholmDate } from '../time.ts';
import { authorizeCase, loadEvents, toFlowEvents } from './case-access.ts';
import type { CaseRow } from './case-access.ts';
import { loadDuties } from './child-duties.ts';
import type { HouseholdDuty } from './child-duties.ts';

/** The duties of one case (see child-duties.ts). */
async function dutiesOf(db: Db | Trx, row: CaseRow, today: string): Promise<HouseholdDuty[]> {
  return (await loadDuties(db, [row], today)).get(row.id) ?? [];
}

/**
 * The common frame of a step on a case: authorize as work on it, load its log and duties, check
 * the step against the case flow (409 naming what is missing), then let `act` write — all in one
 * transaction, audited.
 */
export async function takeStep<T>(
  deps: ServiceDeps,
  request: FastifyRequest,
  caseId: string,
  step: Step | undefined,
  act: (ctx: {
    trx: Trx;
    row: CaseRow;
    state: CaseState;
    duties: HouseholdDuty[];
    now: Date;
    today: string;
    actorId: string;
  }) => Promise<
    T & {
      audit: {
        personIds?: string[];
        caseIds?: string[];
        details?: Record<string, string | number | boolean | null>;
      };
    }
  >,
  action: 'case.step' | 'case.child_report' | 'communication.record' = 'case.step',
): Promise<T> {
  const actor = requireActor(request);
  const now = deps.clock();
  const today = stockholmDate(now);
  return deps.db.transaction().execute(async (trx) => {
    const { row, decision } = await authorizeCase(trx, actor, caseId, 'case.work', now);
    const events = await loadEvents(trx, caseId);
    const state = caseState(toFlowEvents(events));
    const duties = await dutiesOf(trx, row, today);
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
      now,
      today,
      actorId: actor.userId,
    });
    await recordAudit(trx, auditContext(request, decision), {
      action,
      personIds: audit.personIds ?? [row.person_id],
      caseIds: audit.caseIds ?? [caseId],
      purpose: decision.via,
      // Every step names the case it changed; the step's own details add what else it made.
      details: { caseId, ...audit.details },
    });
    return result as T;
  });
}
