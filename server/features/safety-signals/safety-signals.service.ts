import { execute } from '../../command.ts';
import { onCase } from '../../case-kernel/on-case.ts';
import { caseFacts } from '../../case-kernel/case-access.ts';
import type { LoadedCase } from '../../case-kernel/case-access.ts';
import { loadSignals } from '../../case-kernel/safety-signals.ts';
import type { ActionContext } from '../../http/action-context.ts';
import type { CaseSafetySignals } from '../../../core/contracts/safety-signals.ts';
import {
  handledPrompts,
  openPrompts,
  signalsHandledBy,
} from '../../../core/domain/safety-signals.ts';
import { can } from '../../../core/policy/policy.ts';
import type { Trx } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import type { ServiceDeps } from '../../service-deps.ts';

/**
 * The safety signals of a receiving case (core/domain/safety-signals.ts): read with the case,
 * marked reviewed by whoever works it. Every answer is built from the subject, the days and the
 * receiving case's own users only.
 */

async function view(trx: Trx, ctx: ActionContext, loaded: LoadedCase): Promise<CaseSafetySignals> {
  const signals = (await loadSignals(trx, [loaded.row.id])).get(loaded.row.id) ?? [];
  return {
    open: openPrompts(signals),
    handled: handledPrompts(signals),
    mayHandle:
      loaded.row.status === 'open' &&
      can(ctx.actor, 'case.work', {
        person: loaded.person,
        case: caseFacts(loaded.row),
        now: ctx.now,
      }).allowed,
  };
}

export function getCaseSafetySignals(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
): Promise<CaseSafetySignals> {
  return execute(deps, ctx, {
    action: 'safety_signal.read',
    ...onCase(ctx, caseId, 'case.read'),
    run: async (trx, loaded) => ({
      result: await view(trx, ctx, loaded),
      audit: { personIds: [loaded.row.person_id], caseIds: [caseId] },
    }),
  });
}

export function handleSafetySignal(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
  signalId: string,
): Promise<CaseSafetySignals> {
  return execute(deps, ctx, {
    action: 'safety_signal.handle',
    ...onCase(ctx, caseId, 'case.work'),
    run: async (trx, loaded) => {
      if (loaded.row.status !== 'open') {
        throw new AppError('STEP_OUT_OF_ORDER', { detail: 'Ärendet är avslutat.' });
      }
      // The case's signals, locked against a concurrent marking of the same ones.
      await trx
        .selectFrom('safety_signal')
        .select('id')
        .where('target_case_id', '=', caseId)
        .forUpdate()
        .execute();
      const signals = (await loadSignals(trx, [caseId])).get(caseId) ?? [];
      if (!signals.some((s) => s.id === signalId)) throw new AppError('NOT_FOUND');
      const handled = signalsHandledBy(signals, signalId);
      if (handled === null) {
        throw new AppError('STEP_OUT_OF_ORDER', {
          detail: 'Signalen är redan markerad som översedd. Ladda om sidan.',
        });
      }
      await trx
        .insertInto('safety_signal_handled')
        .values(
          handled.map((s) => ({
            signal_id: s.id,
            handled_on: ctx.today,
            handled_by: ctx.actor.userId,
            handled_at: ctx.now,
          })),
        )
        .execute();
      return {
        result: await view(trx, ctx, loaded),
        audit: {
          personIds: [loaded.row.person_id],
          caseIds: [caseId],
          details: { signalId },
        },
      };
    },
  });
}
