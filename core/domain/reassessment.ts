import { addDays, daysBetween } from './calendar.ts';
import type { RiskLevel } from './instruments.ts';

/**
 * When the risk should be assessed again, as prompts on the case and in the work lists: a victim
 * case open longer than the interval (30 days by default) since the last assessment — or since it
 * opened, if there is none —, a new incident registered after the last assessment, a high
 * level without a safety plan, and a person's own view of the danger not yet completed with a
 * structured assessment.
 *
 * Pure: dates ('YYYY-MM-DD') and the interval come in as arguments.
 */
export interface ReassessmentFacts {
  isVictimCase: boolean;
  caseOpenedOn: string;
  /** The latest assessment: the day it concerns and when it was registered (ISO instant). */
  lastAssessment: { on: string; registeredAt: string } | null;
  currentLevel: RiskLevel | null;
  /**
   * Incidents registered on the case (new violence, threats, police reports): when they happened
   * and when they were registered — one registered after the last assessment asks for a new one,
   * even if it happened the same day.
   */
  incidents: readonly { on: string; registeredAt: string }[];
  hasSafetyPlan: boolean;
  /**
   * The person's own view of the danger is all there is so far: a valid first assessment (after
   * an acute beslut), to be completed with a structured one [000 3.1.3.2].
   */
  ownViewOnly?: boolean;
}

export type Prompt =
  | { kind: 'interval'; since: string; days: number }
  | { kind: 'new_incident'; on: string }
  | { kind: 'high_without_safety_plan' }
  | { kind: 'own_view_only' };

export const DEFAULT_REASSESSMENT_DAYS = 30;

/** What the clock of the next assessment runs from. */
export type ReassessmentClock = Pick<
  ReassessmentFacts,
  'isVictimCase' | 'caseOpenedOn' | 'lastAssessment' | 'incidents'
>;

/** Target groups whose cases are reassessed on an interval; the others only on new incidents. */
export const reassessedOnInterval: ReadonlySet<string> = new Set([
  'victim',
  'honour_violence',
  'sexual_violence',
  'prostitution',
  'trafficking',
]);

/** The newest incident registered after the last assessment: it asks for a new one. */
function newerIncident(facts: ReassessmentClock): string | undefined {
  const last = facts.lastAssessment;
  return facts.incidents
    .filter((i) => last === null || i.registeredAt > last.registeredAt)
    .map((i) => i.on)
    .sort()
    .at(-1);
}

/**
 * The clock of the next assessment, for the deadline engine (deadlines.ts): the day the interval
 * since the last assessment (or the case's opening) ends on a victim case, or — sooner — the day
 * of an incident registered after it. Null when nothing asks for one.
 */
export function reassessmentDue(
  facts: ReassessmentClock,
  intervalDays = DEFAULT_REASSESSMENT_DAYS,
): string | null {
  const interval = facts.isVictimCase
    ? addDays(facts.lastAssessment?.on ?? facts.caseOpenedOn, intervalDays)
    : null;
  const incident = newerIncident(facts) ?? null;
  if (interval === null) return incident;
  if (incident === null) return interval;
  return incident < interval ? incident : interval;
}

export function reassessmentPrompts(
  facts: ReassessmentFacts,
  today: string,
  intervalDays = DEFAULT_REASSESSMENT_DAYS,
): Prompt[] {
  const prompts: Prompt[] = [];
  if (facts.isVictimCase) {
    const since = facts.lastAssessment?.on ?? facts.caseOpenedOn;
    const days = daysBetween(since, today);
    if (days >= intervalDays) prompts.push({ kind: 'interval', since, days });
  }
  const newer = newerIncident(facts);
  if (newer !== undefined) prompts.push({ kind: 'new_incident', on: newer });
  if (facts.currentLevel === 'high' && !facts.hasSafetyPlan) {
    prompts.push({ kind: 'high_without_safety_plan' });
  }
  if (facts.ownViewOnly === true) prompts.push({ kind: 'own_view_only' });
  return prompts;
}
