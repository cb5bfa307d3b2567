import type { z } from 'zod';
import type { recordSchoolArrangement as contract } from '../../../core/contracts/case-documents.ts';
import { execute } from '../../command.ts';
import { onCase } from '../../case-kernel/on-case.ts';
import { loadAccompanying } from '../../case-kernel/accompanying-children.ts';
import { loadDuties } from '../../case-kernel/child-duties.ts';
import { AppError } from '../../errors.ts';
import type { ActionContext } from '../../http/action-context.ts';
import type { ServiceDeps } from '../../service-deps.ts';

/**
 * The school or preschool of a child who follows the parent into skyddat boende: how it was
 * solved, recorded on the parent's case (core/domain/accompanying-children.ts). Only for a child
 * the case has a duty for — a child of the household while the parent's stay is granted.
 */
export function recordSchoolArrangement(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
  body: z.infer<typeof contract.body>,
) {
  if (body.arrangedOn > ctx.today) {
    throw new AppError('VALIDATION', {
      fields: [{ path: 'body.arrangedOn', message: 'Datumet kan inte ligga i framtiden.' }],
    });
  }
  return execute(deps, ctx, {
    action: 'school_arrangement.record',
    ...onCase(ctx, caseId),
    run: async (trx, { row }) => {
      const household = await loadDuties(trx, [row], ctx.today);
      const duties = (await loadAccompanying(trx, [row], household)).get(row.id) ?? [];
      if (!duties.some((d) => d.childPersonId === body.childPersonId)) {
        throw new AppError('STEP_OUT_OF_ORDER', {
          detail:
            'Barnet följer inte med i skyddat boende i det här ärendet. Skolgången registreras för ett barn i hushållet när föräldern har beviljats skyddat boende.',
        });
      }
      const created = await trx
        .insertInto('school_arrangement')
        .values({
          case_id: caseId,
          child_person_id: body.childPersonId,
          arrangement: body.arrangement,
          note: body.note,
          arranged_on: body.arrangedOn,
          recorded_by: ctx.actor.userId,
          recorded_at: ctx.now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return {
        result: { id: created.id },
        audit: {
          personIds: [row.person_id, body.childPersonId],
          caseIds: [caseId],
          details: { arrangementId: created.id, arrangement: body.arrangement },
        },
      };
    },
  });
}
