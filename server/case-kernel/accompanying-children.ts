import { accompanyingChildDuties } from '../../core/domain/accompanying-children.ts';
import type { AccompanyingChildDuty } from '../../core/domain/accompanying-children.ts';
import type { Db, Trx } from '../db/database.ts';
import type { HouseholdDuty } from './child-duties.ts';

interface AccompanyingCase {
  id: string;
  target_group: string;
  status: 'open' | 'closed';
}

/**
 * The duties for children accompanying a parent into skyddat boende
 * (core/domain/accompanying-children.ts), for a page of cases in three queries: the parents'
 * granted skyddat boende, the children's own beslut on it (in the children's cases — that one
 * exists and when, nothing of its content), and the school arrangements recorded. The household
 * children come from the duty to report's load, which knows them already.
 */
export async function loadAccompanying(
  db: Db | Trx,
  cases: readonly AccompanyingCase[],
  household: ReadonlyMap<string, readonly HouseholdDuty[]>,
): Promise<Map<string, AccompanyingChildDuty[]>> {
  const result = new Map<string, AccompanyingChildDuty[]>();
  const parents = cases.filter(
    (c) =>
      c.status === 'open' && c.target_group !== 'child' && (household.get(c.id) ?? []).length > 0,
  );
  if (parents.length === 0) return result;
  const parentIds = parents.map((c) => c.id);
  const childIds = [
    ...new Set(parents.flatMap((c) => (household.get(c.id) ?? []).map((d) => d.childPersonId))),
  ];
  const [grants, childDecisions, arrangements] = await Promise.all([
    db
      .selectFrom('decision as d')
      .innerJoin('decision_version as v', (j) =>
        j.onRef('v.decision_id', '=', 'd.id').onRef('v.version', '=', 'd.version'),
      )
      .select(['d.case_id', 'v.period_from'])
      .where('d.case_id', 'in', parentIds)
      .where('v.intervention', '=', 'shelter')
      .where('v.outcome', '<>', 'refused')
      .where('v.period_from', 'is not', null)
      .execute(),
    db
      .selectFrom('decision as d')
      .innerJoin('decision_version as v', (j) =>
        j.onRef('v.decision_id', '=', 'd.id').onRef('v.version', '=', 'd.version'),
      )
      .innerJoin('case as c', 'c.id', 'd.case_id')
      .select(['c.person_id', 'v.decided_on'])
      .where('c.person_id', 'in', childIds)
      .where('c.target_group', '=', 'child')
      .where('v.intervention', '=', 'shelter')
      .execute(),
    db
      .selectFrom('school_arrangement')
      .select(['case_id', 'child_person_id', 'arranged_on'])
      .where('case_id', 'in', parentIds)
      .execute(),
  ]);
  for (const c of parents) {
    const duties = accompanyingChildDuties({
      grants: grants.flatMap((g) =>
        g.case_id === c.id && g.period_from !== null ? [{ from: g.period_from }] : [],
      ),
      children: (household.get(c.id) ?? []).map((d) => ({ personId: d.childPersonId, via: d.via })),
      childDecisions: childDecisions.map((d) => ({
        childPersonId: d.person_id,
        decidedOn: d.decided_on,
      })),
      arrangements: arrangements
        .filter((a) => a.case_id === c.id)
        .map((a) => ({ childPersonId: a.child_person_id, arrangedOn: a.arranged_on })),
    });
    if (duties.length > 0) result.set(c.id, duties);
  }
  return result;
}
