/**
 * The order of a work list (issue 17, item 2): "Mina ärenden" and the unit's inbox show first
 * what cannot wait. One rule for both: the queue's own priority (what socialjour handed over in
 * the night, then a case screened as acute — case-flow.ts queuePriorities), then a case with a
 * deadline already passed, then the higher assessed risk, then the nearest deadline, then the
 * oldest. The deadlines are the engine's (deadlines.ts); nothing here computes one.
 *
 * Pure: the items and today come in as arguments.
 */
import type { DeadlineKind } from './deadlines.ts';
import type { RiskLevel } from './instruments.ts';

export interface WorkItem {
  id: string;
  /** case-flow.ts queuePriorities: 0 handed over and awaiting the day unit, 1 acute, 2 the rest. */
  queuePriority: number;
  riskLevel: RiskLevel | null;
  deadlines: readonly {
    kind: DeadlineKind;
    dueOn: string;
    status: 'ok' | 'due_soon' | 'overdue';
  }[];
  /** ISO instant the case opened. */
  openedAt: string;
}

const riskRank: Record<RiskLevel, number> = { high: 0, medium: 1, low: 2 };
const NO_DUE = '9999-12-31';

const nearestDue = (item: WorkItem) =>
  item.deadlines.reduce((min, d) => (d.dueOn < min ? d.dueOn : min), NO_DUE);
const overdue = (item: WorkItem) => item.deadlines.some((d) => d.status === 'overdue');

/**
 * Where an item stands in the work list, as a tuple that sorts the way the list does: the page
 * cursor of a work list is the last item's key, never a position.
 */
export type UrgencyKey = readonly [number, number, number, string, string, string];

export function urgencyKey(item: WorkItem): UrgencyKey {
  return [
    item.queuePriority,
    overdue(item) ? 0 : 1,
    item.riskLevel ? riskRank[item.riskLevel] : 3,
    nearestDue(item),
    item.openedAt,
    item.id,
  ];
}

export function compareKeys(a: UrgencyKey, b: UrgencyKey): number {
  for (const [i, x] of a.entries()) {
    const y = b[i] ?? x;
    if (x < y) return -1;
    if (x > y) return 1;
  }
  return 0;
}

/** Negative when `a` comes before `b` in the work list. A total order: ties end on the id. */
export const compareUrgency = (a: WorkItem, b: WorkItem): number =>
  compareKeys(urgencyKey(a), urgencyKey(b));

export interface WorkFilter {
  /** Only cases with a running deadline of this kind. */
  kind?: DeadlineKind;
  risk?: RiskLevel;
  /** "Idag": only cases with something due today or already overdue. */
  today?: boolean;
}

export function matchesFilter(item: WorkItem, filter: WorkFilter, today: string): boolean {
  if (filter.kind && !item.deadlines.some((d) => d.kind === filter.kind)) return false;
  if (filter.risk && item.riskLevel !== filter.risk) return false;
  if (filter.today && !item.deadlines.some((d) => d.dueOn <= today)) return false;
  return true;
}

/** The work list: what the filter keeps, most urgent first; after a key, what comes after it. */
export function workList<T extends WorkItem>(
  items: readonly T[],
  filter: WorkFilter,
  today: string,
  after?: UrgencyKey,
): T[] {
  return items
    .filter((i) => matchesFilter(i, filter, today))
    .filter((i) => !after || compareKeys(urgencyKey(i), after) > 0)
    .sort(compareUrgency);
}
