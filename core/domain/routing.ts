/**
 * Where a matter about a person who already has a file goes: to the unit responsible for that
 * file, never into the registering user's hands (docs/SECURITY.md, "Access is granted, never
 * taken"). Pure: the caller loads the person's cases.
 */

export interface RoutingCase {
  unitId: string;
  status: 'open' | 'closed';
  openedAt: Date;
}

/**
 * The units responsible for a person's file: every unit with an open case about the person, the
 * most recently opened first; without an open case, the unit of the most recent case; without
 * any case, none.
 */
export function responsibleUnits(cases: readonly RoutingCase[]): string[] {
  const newestFirst = [...cases].sort((a, b) => b.openedAt.getTime() - a.openedAt.getTime());
  const open = newestFirst.filter((c) => c.status === 'open').map((c) => c.unitId);
  if (open.length > 0) return [...new Set(open)];
  const latest = newestFirst[0];
  return latest ? [latest.unitId] : [];
}

/**
 * The unit a routed matter is filed in: the unit the user chose if it is responsible for the
 * file, else the responsible unit with the most recent open case; a person with no case at all
 * has no unit responsible, and the matter goes to the chosen unit.
 */
export function routedUnit(chosenUnitId: string, responsible: readonly string[]): string {
  if (responsible.includes(chosenUnitId)) return chosenUnitId;
  return responsible[0] ?? chosenUnitId;
}
