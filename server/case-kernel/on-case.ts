import { can } from '../../core/policy/policy.ts';
import type { Command } from '../command.ts';
import type { ActionContext } from '../http/action-context.ts';
import { caseFacts, loadCase } from './case-access.ts';
import type { LoadedCase } from './case-access.ts';

/**
 * The load and authorize of a command on one case: the case and its person's facts, and the
 * policy's decision on working it (or reading it). Most commands on a case start here.
 */
export function onCase(
  ctx: ActionContext,
  caseId: string,
  action: 'case.work' | 'case.read' = 'case.work',
): Pick<Command<LoadedCase, never>, 'load' | 'authorize'> {
  return {
    load: (trx) => loadCase(trx, ctx.actor, caseId, ctx.now),
    authorize: (actor, { row, person }) =>
      can(actor, action, { person, case: caseFacts(row), now: ctx.now }),
  };
}
