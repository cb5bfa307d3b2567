import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { execute } from '../../command.ts';
import type { Command } from '../../command.ts';
import { caseFacts, loadCase } from '../../case-kernel/case-access.ts';
import type { LoadedCase } from '../../case-kernel/case-access.ts';
import type { ActionContext } from '../../http/action-context.ts';
import type {
  FollowUpVersion,
  FollowUps,
  changeFollowUpDue as changeDueContract,
  correctFollowUp as correctContract,
  recordFollowUp as recordContract,
  setFollowUpDue as setDueContract,
} from '../../../core/contracts/follow-ups.ts';
import {
  commissionRefusal,
  followUpDateRefusal,
  followUpProblems,
  followUpRefusal,
} from '../../../core/domain/follow-ups.ts';
import type { FollowUpContent } from '../../../core/domain/follow-ups.ts';
import { can } from '../../../core/policy/policy.ts';
import type { Trx } from '../../db/database.ts';
import { appendVersion } from '../../db/versions.ts';
import { AppError } from '../../errors.ts';
import type { ServiceDeps } from '../../service-deps.ts';

/**
 * Uppföljning of the uppdrag on a case (core/domain/follow-ups.ts). The handläggare working with
 * the case sets the dates by which an uppdrag is followed up and records each uppföljning; a date
 * moved or cancelled, an uppföljning corrected, is a new version naming the version it started
 * from (a stale one, or a lost race for the same version, is a 409), and the earlier versions
 * stay. The dates not yet met show among the case's deadlines (server/case-kernel/case-deadlines.ts).
 */

/** The load and authorize of a command on the case's uppföljning. */
function onFollowUps(
  ctx: ActionContext,
  caseId: string,
  action: 'followUp.read' | 'followUp.write',
): Pick<Command<LoadedCase, never>, 'load' | 'authorize'> {
  return {
    load: (trx) => loadCase(trx, ctx.actor, caseId, ctx.now),
    authorize: (actor, { row, person }) =>
      can(actor, action, { person, case: caseFacts(row), now: ctx.now }),
  };
}

function refuseClosed(row: LoadedCase['row']) {
  if (row.status !== 'open') {
    throw new AppError('STEP_OUT_OF_ORDER', { detail: 'Ärendet är avslutat.' });
  }
}

const invalid = (path: string, message: string) =>
  new AppError('VALIDATION', { fields: [{ path, message }] });

/** The uppdrag, if it is one of this case's; otherwise the body names something the case lacks. */
async function commissionOfCase(trx: Trx, caseId: string, commissionId: string, lock = false) {
  let q = trx
    .selectFrom('commission')
    .select(['id', 'case_id', 'person_id', 'status', 'period_from'])
    .where('id', '=', commissionId)
    .where('case_id', '=', caseId);
  if (lock) q = q.forUpdate();
  const commission = await q.executeTakeFirst();
  if (!commission) throw invalid('body.commissionId', 'Uppdraget finns inte i ärendet.');
  return commission;
}

function refuseContent(content: FollowUpContent, today: string) {
  const problems = followUpProblems(content, today);
  if (problems.length > 0) {
    throw new AppError('VALIDATION', {
      fields: problems.map((p) => ({ path: `body.${p.field}`, message: p.message })),
    });
  }
}

const contentColumns = (c: FollowUpContent) => ({
  followed_up_on: c.followedUpOn,
  method: c.method,
  with_person: c.withPerson,
  with_provider: c.withProvider,
  person_view: c.personView,
  assessment: c.assessment,
  actions: c.actions,
  goal_fulfilment: c.goalFulfilment,
});

const people = (...ids: string[]) => [...new Set(ids)];

export function listFollowUps(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
): Promise<FollowUps> {
  return execute(deps, ctx, {
    action: 'follow_up.read',
    ...onFollowUps(ctx, caseId, 'followUp.read'),
    run: async (trx, { row, person }) => {
      const [commissions, dues, versions] = await Promise.all([
        trx
          .selectFrom('commission as c')
          .innerJoin('provider as p', 'p.id', 'c.provider_id')
          .select([
            'c.id',
            'c.intervention',
            'c.period_from',
            'c.period_to',
            'c.status',
            'c.created_at',
            'p.name as provider_name',
          ])
          .where('c.case_id', '=', caseId)
          .orderBy('c.period_from')
          .orderBy('c.created_at')
          .execute(),
        trx
          .selectFrom('follow_up_due as d')
          .innerJoin('app_user as u', 'u.id', 'd.recorded_by')
          .selectAll('d')
          .select('u.display_name')
          .where('d.case_id', '=', caseId)
          .orderBy('d.id')
          .orderBy('d.version')
          .execute(),
        trx
          .selectFrom('follow_up as f')
          .innerJoin('app_user as u', 'u.id', 'f.recorded_by')
          .selectAll('f')
          .select('u.display_name')
          .where('f.case_id', '=', caseId)
          .orderBy('f.id')
          .orderBy('f.version')
          .execute(),
      ]);
      const author = (id: string, displayName: string) => ({ id, displayName });
      const followUps = [...Map.groupBy(versions, (v) => v.id).values()].flatMap((series) => {
        const first = series[0];
        if (!first) return [];
        const history: FollowUpVersion[] = series.map((v) => ({
          version: v.version,
          followedUpOn: v.followed_up_on,
          method: v.method,
          withPerson: v.with_person,
          withProvider: v.with_provider,
          personView: v.person_view,
          assessment: v.assessment,
          actions: v.actions,
          goalFulfilment: v.goal_fulfilment,
          correctionReason: v.correction_reason,
          recordedBy: author(v.recorded_by, v.display_name),
          recordedAt: v.recorded_at.toISOString(),
        }));
        const current = history.at(-1);
        if (!current) return [];
        return {
          ...current,
          id: first.id,
          commissionId: first.commission_id,
          dueId: first.due_id,
          createdBy: author(first.recorded_by, first.display_name),
          createdAt: first.recorded_at.toISOString(),
          history,
        };
      });
      followUps.sort(
        (a, b) =>
          b.followedUpOn.localeCompare(a.followedUpOn) || b.createdAt.localeCompare(a.createdAt),
      );
      const answeredBy = new Map(
        followUps.flatMap((f) => (f.dueId ? [[f.dueId, f.id] as const] : [])),
      );
      const dueViews = [...Map.groupBy(dues, (d) => d.id).values()].flatMap((series) => {
        const latest = series.at(-1);
        if (!latest) return [];
        return {
          commissionId: latest.commission_id,
          view: {
            id: latest.id,
            version: latest.version,
            dueOn: latest.due_on,
            cancelled: latest.cancelled,
            answeredBy: answeredBy.get(latest.id) ?? null,
            history: series.map((d) => ({
              version: d.version,
              dueOn: d.due_on,
              cancelled: d.cancelled,
              changeReason: d.change_reason,
              recordedBy: author(d.recorded_by, d.display_name),
              recordedAt: d.recorded_at.toISOString(),
            })),
          },
        };
      });
      const write =
        row.status === 'open' &&
        can(ctx.actor, 'followUp.write', { person, case: caseFacts(row), now: ctx.now }).allowed;
      return {
        result: {
          commissions: commissions.map((c) => ({
            id: c.id,
            intervention: c.intervention,
            providerName: c.provider_name,
            period: { from: c.period_from, to: c.period_to },
            status: c.status,
            dues: dueViews
              .filter((d) => d.commissionId === c.id)
              .map((d) => d.view)
              .sort((a, b) => a.dueOn.localeCompare(b.dueOn)),
          })),
          followUps,
          abilities: { write },
        },
        audit: { personIds: [row.person_id], caseIds: [caseId] },
      };
    },
  });
}

export function setFollowUpDue(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
  body: z.infer<typeof setDueContract.body>,
) {
  if (body.dueOn < ctx.today) throw invalid('body.dueOn', 'Välj ett datum från och med i dag.');
  return execute(deps, ctx, {
    action: 'follow_up_due.set',
    ...onFollowUps(ctx, caseId, 'followUp.write'),
    run: async (trx, { row }) => {
      refuseClosed(row);
      const commission = await commissionOfCase(trx, caseId, body.commissionId);
      const refused = commissionRefusal(commission.status);
      if (refused) throw new AppError('STEP_OUT_OF_ORDER', { detail: refused });
      const id = randomUUID();
      await trx
        .insertInto('follow_up_due')
        .values({
          id,
          version: 1,
          case_id: caseId,
          commission_id: commission.id,
          due_on: body.dueOn,
          change_reason: null,
          recorded_by: ctx.actor.userId,
          recorded_at: ctx.now,
        })
        .execute();
      return {
        result: { id, version: 1 },
        audit: {
          personIds: people(row.person_id, commission.person_id),
          caseIds: [caseId],
          details: { dueId: id, version: 1, commissionId: commission.id },
        },
      };
    },
  });
}

export function changeFollowUpDue(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
  dueId: string,
  body: z.infer<typeof changeDueContract.body>,
) {
  return execute(deps, ctx, {
    action: 'follow_up_due.change',
    ...onFollowUps(ctx, caseId, 'followUp.write'),
    run: async (trx, { row }) => {
      refuseClosed(row);
      const latest = await trx
        .selectFrom('follow_up_due as d')
        .innerJoin('commission as c', 'c.id', 'd.commission_id')
        .select(['d.version', 'd.due_on', 'd.cancelled', 'd.commission_id', 'c.person_id'])
        .where('d.id', '=', dueId)
        .where('d.case_id', '=', caseId)
        .orderBy('d.version', 'desc')
        .limit(1)
        .executeTakeFirst();
      if (!latest) throw new AppError('NOT_FOUND');
      // Locked as recording an uppföljning locks it: a date is not moved while it is answered.
      await commissionOfCase(trx, caseId, latest.commission_id, true);
      if (latest.cancelled) {
        throw new AppError('STEP_OUT_OF_ORDER', {
          detail: 'Uppföljningen är redan inställd. Sätt ett nytt datum i stället.',
        });
      }
      const answered = await trx
        .selectFrom('follow_up')
        .select('id')
        .where('due_id', '=', dueId)
        .executeTakeFirst();
      if (answered) {
        throw new AppError('STEP_OUT_OF_ORDER', {
          detail: 'Uppföljningen för datumet är redan gjord. Sätt ett nytt datum i stället.',
        });
      }
      if (!body.cancelled && body.dueOn === latest.due_on) {
        throw invalid('body.dueOn', 'Välj ett annat datum, eller ställ in uppföljningen.');
      }
      if (!body.cancelled && body.dueOn < ctx.today) {
        throw invalid('body.dueOn', 'Välj ett datum från och med i dag.');
      }
      const version = await appendVersion(latest.version, body.version, (next) =>
        trx
          .insertInto('follow_up_due')
          .values({
            id: dueId,
            version: next,
            case_id: caseId,
            commission_id: latest.commission_id,
            // A cancelled date keeps the day it had.
            due_on: body.cancelled ? latest.due_on : body.dueOn,
            cancelled: body.cancelled,
            change_reason: body.reason,
            recorded_by: ctx.actor.userId,
            recorded_at: ctx.now,
          })
          .execute(),
      );
      return {
        result: { id: dueId, version },
        audit: {
          personIds: people(row.person_id, latest.person_id),
          caseIds: [caseId],
          details: { dueId, version, cancelled: body.cancelled },
        },
      };
    },
  });
}

export function recordFollowUp(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
  body: z.infer<typeof recordContract.body>,
) {
  refuseContent(body, ctx.today);
  return execute(deps, ctx, {
    action: 'follow_up.record',
    ...onFollowUps(ctx, caseId, 'followUp.write'),
    run: async (trx, { row }) => {
      refuseClosed(row);
      // Locked, so that two uppföljningar cannot both answer the same date.
      const commission = await commissionOfCase(trx, caseId, body.commissionId, true);
      const refused = followUpRefusal(
        { status: commission.status, periodFrom: commission.period_from },
        body.followedUpOn,
      );
      if (refused) throw new AppError('STEP_OUT_OF_ORDER', { detail: refused });
      if (body.dueId !== null) {
        const due = await trx
          .selectFrom('follow_up_due')
          .select(['version', 'cancelled'])
          .where('id', '=', body.dueId)
          .where('commission_id', '=', commission.id)
          .orderBy('version', 'desc')
          .limit(1)
          .executeTakeFirst();
        if (!due) throw invalid('body.dueId', 'Datumet hör inte till uppdraget.');
        const answered = await trx
          .selectFrom('follow_up')
          .select('id')
          .where('due_id', '=', body.dueId)
          .executeTakeFirst();
        if (due.cancelled || answered) {
          throw new AppError('STEP_OUT_OF_ORDER', {
            detail: due.cancelled
              ? 'Uppföljningen för datumet är inställd. Välj ett annat datum eller inget.'
              : 'Uppföljningen för datumet är redan gjord. Välj ett annat datum eller inget.',
          });
        }
      }
      const id = randomUUID();
      await trx
        .insertInto('follow_up')
        .values({
          id,
          version: 1,
          case_id: caseId,
          person_id: commission.person_id,
          commission_id: commission.id,
          due_id: body.dueId,
          ...contentColumns(body),
          correction_reason: null,
          recorded_by: ctx.actor.userId,
          recorded_at: ctx.now,
        })
        .execute();
      return {
        result: { id, version: 1 },
        audit: {
          personIds: people(row.person_id, commission.person_id),
          caseIds: [caseId],
          details: {
            followUpId: id,
            version: 1,
            commissionId: commission.id,
            goalFulfilment: body.goalFulfilment,
          },
        },
      };
    },
  });
}

export function correctFollowUp(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
  followUpId: string,
  body: z.infer<typeof correctContract.body>,
) {
  refuseContent(body, ctx.today);
  return execute(deps, ctx, {
    action: 'follow_up.correct',
    ...onFollowUps(ctx, caseId, 'followUp.write'),
    run: async (trx, { row }) => {
      refuseClosed(row);
      const latest = await trx
        .selectFrom('follow_up as f')
        .innerJoin('commission as c', 'c.id', 'f.commission_id')
        .select(['f.version', 'f.person_id', 'f.commission_id', 'f.due_id', 'c.period_from'])
        .where('f.id', '=', followUpId)
        .where('f.case_id', '=', caseId)
        .orderBy('f.version', 'desc')
        .limit(1)
        .executeTakeFirst();
      if (!latest) throw new AppError('NOT_FOUND');
      // A correction says what happened; the uppdrag may since have ended or been declined.
      const refused = followUpDateRefusal(latest.period_from, body.followedUpOn);
      if (refused) throw new AppError('STEP_OUT_OF_ORDER', { detail: refused });
      const version = await appendVersion(latest.version, body.version, (next) =>
        trx
          .insertInto('follow_up')
          .values({
            id: followUpId,
            version: next,
            case_id: caseId,
            person_id: latest.person_id,
            commission_id: latest.commission_id,
            due_id: latest.due_id,
            ...contentColumns(body),
            correction_reason: body.reason,
            recorded_by: ctx.actor.userId,
            recorded_at: ctx.now,
          })
          .execute(),
      );
      return {
        result: { id: followUpId, version },
        audit: {
          personIds: people(row.person_id, latest.person_id),
          caseIds: [caseId],
          details: { followUpId, version, goalFulfilment: body.goalFulfilment },
        },
      };
    },
  });
}
