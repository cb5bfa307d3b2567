import { execute } from '../../command.ts';
import { caseFacts, loadCase } from '../../case-kernel/case-access.ts';
import { decisionRight, loadDelegations } from '../../case-kernel/delegations.ts';
import { offeredPartnerContactConsents } from '../../case-kernel/partner-contact.ts';
import type { ActionContext } from '../../http/action-context.ts';
import type { ResponseOf } from '../../../core/contracts/contract.ts';
import type { listPartnerContactConsents as listContract } from '../../../core/contracts/partner-contact.ts';
import { can } from '../../../core/policy/policy.ts';
import type { ServiceDeps } from '../../service-deps.ts';

/**
 * The perpetrator's consents a partnerkontakt in the victim's case may be decided on
 * (server/case-kernel/partner-contact.ts), by id and dates only: for whoever works her case, and
 * for whoever may decide partnerkontakt in it (a delegation list may give that to the unit's
 * manager alone). The audit row names her, and each person and case whose register was read.
 */
export function listPartnerContactConsents(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
): Promise<ResponseOf<typeof listContract>> {
  return execute(deps, ctx, {
    action: 'consent.partner_contact.read',
    load: async (trx) => {
      const loaded = await loadCase(trx, ctx.actor, caseId, ctx.now);
      return { ...loaded, delegations: await loadDelegations(trx, loaded.row.unit_id) };
    },
    authorize: (actor, { row, person, delegations }) => {
      const work = can(actor, 'case.work', { person, case: caseFacts(row), now: ctx.now });
      return work.allowed ? work : decisionRight(actor, row, delegations, 'partner_contact');
    },
    run: async (trx, loaded) => {
      const offered = await offeredPartnerContactConsents(trx, ctx, loaded);
      const unique = (ids: string[]) => [...new Set(ids)];
      return {
        result: {
          items: offered.map(({ consent }) => ({
            id: consent.id,
            givenOn: consent.givenOn,
            validUntil: consent.validUntil,
          })),
        },
        audit: {
          personIds: unique([loaded.row.person_id, ...offered.map((o) => o.consent.personId)]),
          caseIds: unique([caseId, ...offered.map((o) => o.caseId)]),
        },
      };
    },
  });
}
