import { z } from 'zod';
import { int32 } from '../contracts/input.ts';

/**
 * Risk-assessment instruments are data, not code. An instrument is a versioned definition —
 * sections, items, answer scales, guidance, target groups — with either a scoring (weights, a sum,
 * thresholds to a level) or structured professional judgement (no score: the assessor rates the
 * risk per scenario and motivates it). A municipality loads the official texts it licenses (FREDA,
 * PATRIARK …) as such definitions; Värn ships only examples written for the project.
 *
 * Pure: the schema, the scoring and the level rules; no I/O.
 */

export const riskLevels = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof riskLevels)[number];
export const riskLevelRank: Record<RiskLevel, number> = { low: 0, medium: 1, high: 2 };

export const riskLevelLabels: Record<RiskLevel, string> = {
  low: 'Låg risk',
  medium: 'Förhöjd risk',
  high: 'Hög risk',
};

export const targetGroups = ['adult_victim', 'child', 'perpetrator', 'honour_context'] as const;
export type InstrumentTargetGroup = (typeof targetGroups)[number];

/** The violence forms of the glossary, for the mapping instruments' violence calendar. */
export const violenceForms = [
  'physical',
  'psychological',
  'sexual',
  'material',
  'economic',
  'neglect',
  'honour',
  'digital',
] as const;

const key = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,59}$/, 'Nyckeln får bara ha små bokstäver a–z, siffror och _.');
const text = (max: number) => z.string().trim().min(1).max(max);

const AnswerScale = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('yes_no_unknown') }),
  z.strictObject({
    kind: z.literal('ordinal'),
    options: z
      .array(z.strictObject({ value: z.number().int().min(0).max(100), label: text(200) }))
      .min(2)
      .max(10),
  }),
  z.strictObject({ kind: z.literal('text') }),
  /** Incidents over time: date, violence form, description — the mapping of the violence. */
  z.strictObject({ kind: z.literal('violence_calendar') }),
]);
export type AnswerScale = z.infer<typeof AnswerScale>;

const Item = z.strictObject({
  key,
  text: text(1_000),
  guidance: text(2_000).optional(),
  answer: AnswerScale,
  /** Points for "yes", or multiplied by the chosen option's value; only with sum scoring. */
  weight: z.number().int().min(0).max(100).optional(),
});

const Section = z.strictObject({
  key,
  title: text(200),
  guidance: text(2_000).optional(),
  items: z.array(Item).min(1).max(100),
});

const Scoring = z.discriminatedUnion('kind', [
  /** No level: a detection or mapping instrument. */
  z.strictObject({ kind: z.literal('none') }),
  /** The sum of the weights of the answers; the highest threshold reached gives the level. */
  z.strictObject({
    kind: z.literal('sum'),
    thresholds: z
      .array(z.strictObject({ min: int32({ min: 0 }), level: z.enum(riskLevels) }))
      .min(1)
      .max(3),
  }),
  /** Structured professional judgement: per scenario a level and a motivation, no score. */
  z.strictObject({
    kind: z.literal('judgement'),
    scenarios: z
      .array(z.strictObject({ key, title: text(200), guidance: text(2_000).optional() }))
      .min(1)
      .max(10),
  }),
]);

export const InstrumentDefinition = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9-]{3,60}$/, 'Id får bara ha små bokstäver, siffror och -.'),
    version: int32({ min: 1 }),
    name: text(200),
    description: text(2_000),
    /** Written for Värn as an example, not an official instrument text. */
    example: z.boolean(),
    /** What the instrument is for, used to count methods in the follow-up statistics. */
    method: z.enum(['detection', 'mapping', 'danger', 'honour_judgement', 'other']),
    targetGroups: z.array(z.enum(targetGroups)).min(1),
    sections: z.array(Section).min(1).max(30),
    scoring: Scoring,
  })
  .superRefine((def, ctx) => {
    const seen = new Set<string>();
    def.sections.forEach((section, s) => {
      section.items.forEach((item, i) => {
        const path = ['sections', s, 'items', i];
        if (seen.has(item.key)) {
          ctx.addIssue({
            code: 'custom',
            path: [...path, 'key'],
            message: `Nyckeln ${item.key} används redan.`,
          });
        }
        seen.add(item.key);
        const scorable = item.answer.kind === 'yes_no_unknown' || item.answer.kind === 'ordinal';
        if (item.weight !== undefined && (def.scoring.kind !== 'sum' || !scorable)) {
          ctx.addIssue({
            code: 'custom',
            path: [...path, 'weight'],
            message: 'Vikt passar bara på ja/nej- och skalfrågor i ett instrument med poängsumma.',
          });
        }
      });
    });
    if (def.scoring.kind === 'sum') {
      const mins = def.scoring.thresholds.map((t) => t.min);
      const ranks = def.scoring.thresholds.map((t) => riskLevelRank[t.level]);
      const ascending = (xs: number[]) => xs.every((x, i) => i === 0 || x > (xs[i - 1] ?? 0));
      if (!ascending(mins) || !ascending(ranks)) {
        ctx.addIssue({
          code: 'custom',
          path: ['scoring', 'thresholds'],
          message: 'Gränserna ska stiga, och nivåerna med dem (låg, förhöjd, hög).',
        });
      }
      if (!def.sections.some((s) => s.items.some((i) => i.weight !== undefined))) {
        ctx.addIssue({
          code: 'custom',
          path: ['scoring'],
          message: 'Ett instrument med poängsumma behöver minst en fråga med vikt.',
        });
      }
    }
  });
export type InstrumentDefinition = z.infer<typeof InstrumentDefinition>;

/** An answer to one item, by the item's scale. */
export type Answer =
  | { kind: 'yes_no_unknown'; value: 'yes' | 'no' | 'unknown' }
  | { kind: 'ordinal'; value: number }
  | { kind: 'text'; value: string }
  | {
      kind: 'violence_calendar';
      incidents: { on: string; form: (typeof violenceForms)[number]; description: string }[];
    };

/**
 * The score of the answers: a "yes" gives the item's weight, an ordinal answer its value times
 * the weight; "no", "unknown", unanswered and unweighted items give nothing.
 */
export function score(def: InstrumentDefinition, answers: ReadonlyMap<string, Answer>): number {
  let sum = 0;
  for (const section of def.sections) {
    for (const item of section.items) {
      const answer = answers.get(item.key);
      if (item.weight === undefined || answer === undefined) continue;
      if (answer.kind === 'yes_no_unknown' && answer.value === 'yes') sum += item.weight;
      if (answer.kind === 'ordinal') sum += answer.value * item.weight;
    }
  }
  return sum;
}

/** The level of a score: the highest threshold reached; below every threshold, low. */
export function levelFor(
  thresholds: readonly { min: number; level: RiskLevel }[],
  points: number,
): RiskLevel {
  let level: RiskLevel = 'low';
  for (const t of thresholds) if (points >= t.min) level = t.level;
  return level;
}

/** The overall level of a structured professional judgement: its most serious scenario. */
export function judgementLevel(ratings: readonly RiskLevel[]): RiskLevel | null {
  if (ratings.length === 0) return null;
  return ratings.reduce((a, b) => (riskLevelRank[b] > riskLevelRank[a] ? b : a));
}

/**
 * Checks answers against the definition: every key an item of the instrument, each answer of the
 * item's kind, an ordinal value one of its options. Returns the problems (path and Swedish text).
 */
export function answerProblems(
  def: InstrumentDefinition,
  answers: ReadonlyMap<string, Answer>,
): { key: string; message: string }[] {
  const items = new Map(def.sections.flatMap((s) => s.items.map((i) => [i.key, i] as const)));
  const problems: { key: string; message: string }[] = [];
  for (const [itemKey, answer] of answers) {
    const item = items.get(itemKey);
    if (!item) {
      problems.push({ key: itemKey, message: 'Frågan finns inte i instrumentets version.' });
      continue;
    }
    if (item.answer.kind !== answer.kind) {
      problems.push({ key: itemKey, message: 'Svaret passar inte frågans svarsskala.' });
      continue;
    }
    if (
      item.answer.kind === 'ordinal' &&
      answer.kind === 'ordinal' &&
      !item.answer.options.some((o) => o.value === answer.value)
    ) {
      problems.push({ key: itemKey, message: 'Välj ett av frågans svarsalternativ.' });
    }
  }
  return problems;
}
