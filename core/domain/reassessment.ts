import { daysBetween } from './calendar.ts';
import type { RiskLevel } from './instruments.ts';

/**
 * When the risk should be assessed again, as prompts on the case and in the work lists: a victim
 * case open longer than the interval (30 days by default) since the last assessment — or since it
 * opened, if there is none —, a new incident registered after the last assessment, and a high
 * level without a safety plan.
 *
 * Pure: dates ('YYYY-MM-DD') and the interval come in as arguments.
 */
export interface ReassessmentFacts {
  isVictimCase: boolean;
  caseOpenedOn: string;
  lastAssessedOn: string | null;
  currentLevel: RiskLevel | null;
  /** Dates of incidents registered on the case (new violence, threats, police reports). */
  incidentsOn: readonly string[];
  hasSafetyPlan: boolean;
}

export type Prompt =
  | { kind: 'interval'; since: string; days: number }
  | { kind: 'new_incident'; on: string }
  | { kind: 'high_without_safety_plan' };

export const DEFAULT_REASSESSMENT_DAYS = 30;

export function reassessmentPrompts(
  facts: ReassessmentFacts,
  today: string,
  intervalDays = DEFAULT_REASSESSMENT_DAYS,
): Prompt[] {
  const prompts: Prompt[] = [];
  if (facts.isVictimCase) {
    const since = facts.lastAssessedOn ?? facts.caseOpenedOn;
    const days = daysBetween(since, today);
    if (days >= intervalDays) prompts.push({ kind: 'interval', since, days });
  }
  const newest = [...facts.incidentsOn].sort().at(-1);
  if (newest !== undefined && (facts.lastAssessedOn === null || newest > facts.lastAssessedOn)) {
    prompts.push({ kind: 'new_incident', on: newest });
  }
  if (facts.currentLevel === 'high' && !facts.hasSafetyPlan) {
    prompts.push({ kind: 'high_without_safety_plan' });
  }
  return prompts;
}
