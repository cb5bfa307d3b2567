import { sql } from 'kysely';
import type { Expression, RawBuilder } from 'kysely';
import type { Trx } from '../db/database.ts';

/**
 * The units responsible for a person: every unit with an open case about them, or — when none is
 * open — the unit of their most recent case. A subquery of unit ids, for `x in (...)`; nödåtkomst
 * and refused attempts about the person are reviewed by these units' managers. The same rule as
 * `responsibleUnits` in core/domain/routing.ts, which routes a matter; responsible-units.test.ts
 * proves the two forms agree.
 */
export function responsibleUnitsOf(personId: Expression<string>): RawBuilder<string> {
  return sql<string>`(
    select rc.unit_id from "case" rc
    where rc.person_id = ${personId}
      and (rc.status = 'open'
        or (not exists (
              select 1 from "case" ro where ro.person_id = rc.person_id and ro.status = 'open')
            and rc.id = (
              select rl.id from "case" rl where rl.person_id = rc.person_id
              order by rl.opened_at desc, rl.id limit 1))))`;
}

/** The units responsible for any of these persons, and the units of these cases. */
export async function unitsResponsibleFor(
  trx: Trx,
  personIds: readonly string[],
  caseIds: readonly string[],
): Promise<string[]> {
  if (personIds.length === 0 && caseIds.length === 0) return [];
  const result = await sql<{ unit_id: string }>`
    select c.unit_id from "case" c where c.id = any(${[...caseIds]}::uuid[])
    union
    select u.unit_id from unnest(${[...personIds]}::uuid[]) as p(id)
      cross join lateral ${responsibleUnitsOf(sql.ref('p.id'))} as u`.execute(trx);
  return result.rows.map((r) => r.unit_id);
}
