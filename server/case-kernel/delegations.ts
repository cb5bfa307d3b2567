import { delegatedRole } from '../../core/domain/decisions.ts';
import type { DelegationRow, Intervention } from '../../core/domain/decisions.ts';
import { can } from '../../core/policy/policy.ts';
import type { Actor, Decision } from '../../core/policy/policy.ts';
import type { Db, Trx } from '../db/database.ts';
import type { CaseRow } from './case-access.ts';
import { caseFacts } from './case-access.ts';
import { delegableFor } from '../../core/domain/intervention-catalogue.ts';
import { activeInterventionCatalogue } from './intervention-catalogue.ts';

/**
 * The delegationsordning of a case's unit, and what the policy makes of it: the one place that
 * loads delegations, for deciding (decision.make) and for the case page's `abilities.decide`.
 * Only rows the insatser catalogue in force allows count: a role the catalogue no longer names
 * for an insats (or a service, which is never decided) decides nothing, whatever the unit's list.
 */
export async function loadDelegations(db: Db | Trx, unitId: string): Promise<DelegationRow[]> {
  const [rows, catalogue] = await Promise.all([
    db
      .selectFrom('delegation')
      .select(['unit_id', 'intervention', 'role'])
      .where('unit_id', '=', unitId)
      .execute(),
    activeInterventionCatalogue(db),
  ]);
  return rows
    .filter((d) => delegableFor(catalogue, d.intervention, d.role))
    .map((d) => ({ unitId: d.unit_id, intervention: d.intervention, role: d.role }));
}

/** The policy's decision on deciding this insats in this case, with the role delegated. */
export function decisionRight(
  actor: Actor,
  row: CaseRow,
  delegations: readonly DelegationRow[],
  intervention: Intervention,
): Decision {
  return can(actor, 'decision.make', {
    case: caseFacts(row),
    delegatedRole: delegatedRole(actor.grants, delegations, row.unit_id, intervention),
  });
}
