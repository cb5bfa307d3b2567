import { riskLevels } from './instruments.ts';
import type { RiskLevel } from './instruments.ts';

/**
 * Structured professional judgement asks for a level in every scenario of the instrument version
 * and in none it does not have. The form asks for the missing ones before it sends; the server
 * refuses a body that skipped one. One rule, so the two cannot come to disagree.
 */
export interface ScenarioRatingGaps {
  /** Keys of the scenarios without a level, in the instrument's order. */
  unrated: string[];
  /** Ratings of scenarios the instrument version does not have. */
  unknown: string[];
}

const isLevel = (level: unknown): level is RiskLevel =>
  typeof level === 'string' && (riskLevels as readonly string[]).includes(level);

export function scenarioRatingGaps(
  scenarios: readonly { key: string }[],
  ratings: readonly { scenario: string; level?: string | null }[],
): ScenarioRatingGaps {
  const keys = new Set(scenarios.map((s) => s.key));
  const rated = new Set(ratings.filter((r) => isLevel(r.level)).map((r) => r.scenario));
  return {
    unrated: scenarios.filter((s) => !rated.has(s.key)).map((s) => s.key),
    unknown: ratings.filter((r) => !keys.has(r.scenario)).map((r) => r.scenario),
  };
}

/** Every scenario rated, and nothing besides. */
export const everyScenarioRated = (
  scenarios: readonly { key: string }[],
  ratings: readonly { scenario: string; level?: string | null }[],
) => {
  const gaps = scenarioRatingGaps(scenarios, ratings);
  return gaps.unrated.length === 0 && gaps.unknown.length === 0;
};
