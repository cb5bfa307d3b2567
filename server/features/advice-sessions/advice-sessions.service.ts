import { execute } from '../../command.ts';
import { onCase } from '../../case-kernel/on-case.ts';
import { caseFacts } from '../../case-kernel/case-access.ts';
import type { ActionContext } from '../../http/action-context.ts';
import type { AdviceSessions } from '../../../core/contracts/advice-sessions.ts';
import {
  SESSIONS_WITHOUT_DECISION,
  maySessionBeHeld,
} from '../../../core/domain/advice-and-support.ts';
import { periodCovers } from '../../../core/domain/decisions.ts';
import type { Period } from '../../../core/domain/decisions.ts';
import { can } from '../../../core/policy/policy.ts';
import type { Trx } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import type { ServiceDeps } from '../../service-deps.ts';

/**
 * Råd och stöd on a case: a service, so each session is recorded without a beslut — up to the
 * limit, after which a granted beslut on stödsamtal must run on the session's day
 * (core/domain/advice-and-support.ts). The count and the beslut are read in the transaction that
 * records the session, with the case locked, so two sessions registered at once cannot both be
 * the fifth.
 */

/**
 * The beslut on stödsamtal that grant it (wholly or in part), as their current versions say,
 * with the period each grants. A beslut from before beslut carried periods (migration 018) runs
 * from the day it was taken, open-ended.
 */
async function grantedSupportDecisions(
  trx: Trx,
  caseId: string,
): Promise<{ decisionId: string; period: Period }[]> {
  const rows = await trx
    .selectFrom('decision as d')
    .innerJoin('decision_version as v', (j) =>
      j.onRef('v.decision_id', '=', 'd.id').onRef('v.version', '=', 'd.version'),
    )
    .select(['d.id', 'v.decided_on', 'v.period_from', 'v.period_to'])
    .where('d.case_id', '=', caseId)
    .where('v.intervention', '=', 'support_sessions')
    .where('v.outcome', 'in', ['granted', 'partly_granted'])
    .orderBy('v.decided_on')
    .execute();
  return rows.map((r) => ({
    decisionId: r.id,
    period: { from: r.period_from ?? r.decided_on, to: r.period_to },
  }));
}

async function countSessions(trx: Trx, caseId: string): Promise<number> {
  const row = await trx
    .selectFrom('advice_session')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('case_id', '=', caseId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function listAdviceSessions(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
): Promise<AdviceSessions> {
  return execute(deps, ctx, {
    action: 'advice_session.read',
    ...onCase(ctx, caseId, 'case.read'),
    run: async (trx, { row, person }) => {
      const [sessions, decisions] = await Promise.all([
        trx
          .selectFrom('advice_session as s')
          .innerJoin('app_user as u', 'u.id', 's.held_by')
          .select(['s.id', 's.held_on', 's.held_by', 's.note', 's.recorded_at', 'u.display_name'])
          .where('s.case_id', '=', caseId)
          .orderBy('s.held_on')
          .orderBy('s.recorded_at')
          .execute(),
        grantedSupportDecisions(trx, caseId),
      ]);
      const running = decisions.find((d) => periodCovers(d.period, ctx.today));
      const check = maySessionBeHeld({
        sessionsHeld: sessions.length,
        grantedSupportPeriods: decisions.map((d) => d.period),
        on: ctx.today,
      });
      const write =
        row.status === 'open' &&
        can(ctx.actor, 'case.work', { person, case: caseFacts(row), now: ctx.now }).allowed;
      return {
        result: {
          sessions: sessions.map((s) => ({
            id: s.id,
            heldOn: s.held_on,
            heldBy: { id: s.held_by, displayName: s.display_name },
            note: s.note,
            recordedAt: s.recorded_at.toISOString(),
          })),
          limit: SESSIONS_WITHOUT_DECISION,
          supportDecision: running
            ? { decisionId: running.decisionId, from: running.period.from, to: running.period.to }
            : null,
          refusal: check.ok ? null : check.message,
          abilities: { write },
        },
        audit: { personIds: [row.person_id], caseIds: [caseId] },
      };
    },
  });
}

export function recordAdviceSession(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
  body: { heldOn: string; note: string },
): Promise<{ id: string }> {
  if (body.heldOn > ctx.today) {
    throw new AppError('VALIDATION', {
      fields: [{ path: 'body.heldOn', message: 'Datumet kan inte ligga i framtiden.' }],
    });
  }
  return execute(deps, ctx, {
    action: 'advice_session.record',
    ...onCase(ctx, caseId),
    run: async (trx, { row }) => {
      if (row.status !== 'open') {
        throw new AppError('STEP_OUT_OF_ORDER', { detail: 'Ärendet är avslutat.' });
      }
      // One session at a time per case: the count below stays true until this one commits.
      await trx.selectFrom('case').select('id').where('id', '=', caseId).forUpdate().execute();
      const [sessionsHeld, decisions] = await Promise.all([
        countSessions(trx, caseId),
        grantedSupportDecisions(trx, caseId),
      ]);
      const check = maySessionBeHeld({
        sessionsHeld,
        grantedSupportPeriods: decisions.map((d) => d.period),
        on: body.heldOn,
      });
      if (!check.ok) throw new AppError('STEP_OUT_OF_ORDER', { detail: check.message });
      const created = await trx
        .insertInto('advice_session')
        .values({
          case_id: caseId,
          person_id: row.person_id,
          held_on: body.heldOn,
          held_by: ctx.actor.userId,
          note: body.note,
          recorded_at: ctx.now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return {
        result: { id: created.id },
        audit: {
          personIds: [row.person_id],
          caseIds: [caseId],
          details: { sessionId: created.id },
        },
      };
    },
  });
}
