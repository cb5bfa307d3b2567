import type { RiskLevel } from '../../core/domain/instruments.ts';
import type { Db, Trx } from '../db/database.ts';

/** The latest assessed level of each case's own person, for case headers and work lists. */
export async function loadRiskLevels(
  db: Db | Trx,
  cases: readonly { id: string; person_id: string }[],
): Promise<Map<string, RiskLevel>> {
  if (cases.length === 0) return new Map();
  const rows = await db
    .selectFrom('risk_assessment as a')
    .innerJoin('case as c', (j) =>
      j.onRef('c.id', '=', 'a.case_id').onRef('c.person_id', '=', 'a.person_id'),
    )
    .distinctOn('a.case_id')
    .select(['a.case_id', 'a.level'])
    .where(
      'a.case_id',
      'in',
      cases.map((c) => c.id),
    )
    .where('a.level', 'is not', null)
    .orderBy('a.case_id')
    .orderBy('a.assessed_on', 'desc')
    .orderBy('a.recorded_at', 'desc')
    .execute();
  return new Map(rows.flatMap((r) => (r.level ? [[r.case_id, r.level] as const] : [])));
}
