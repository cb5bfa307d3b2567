import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dangerExample, exampleInstruments, honourExample } from '../instruments/examples.ts';
import {
  InstrumentDefinition,
  answerProblems,
  judgementLevel,
  levelFor,
  riskLevelRank,
  riskLevels,
  score,
} from './instruments.ts';
import type { Answer, RiskLevel } from './instruments.ts';

const problemsOf = (input: unknown) => {
  const result = InstrumentDefinition.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
};

describe('instrument definitions', () => {
  it('accepts every shipped example, each labelled as one', () => {
    for (const def of exampleInstruments) {
      expect(problemsOf(def), def.id).toEqual([]);
      expect(def.example).toBe(true);
      expect(def.name.startsWith('Exempel:')).toBe(true);
    }
  });

  it('rejects a malformed definition with the path of the error', () => {
    const first = dangerExample.sections[0];
    if (!first) throw new Error('no section');
    expect(
      problemsOf({
        ...dangerExample,
        sections: [{ ...first, items: [{ ...first.items[0], answer: { kind: 'stars' } }] }],
      }),
    ).toContain('sections.0.items.0.answer.kind');
    expect(problemsOf({ ...dangerExample, id: 'Versaler Och Mellanslag' })).toEqual(['id']);
    expect(
      problemsOf({
        ...dangerExample,
        scoring: {
          kind: 'sum',
          thresholds: [
            { min: 10, level: 'medium' },
            { min: 5, level: 'high' },
          ],
        },
      }),
    ).toEqual(['scoring.thresholds']);
    // A weight in an instrument without a score, and a repeated item key.
    const weighted = {
      ...honourExample,
      sections: [
        {
          key: 'a',
          title: 'A',
          items: [
            { key: 'x', text: 'X', answer: { kind: 'yes_no_unknown' }, weight: 2 },
            { key: 'x', text: 'Y', answer: { kind: 'yes_no_unknown' } },
          ],
        },
      ],
    };
    expect(problemsOf(weighted).sort()).toEqual([
      'sections.0.items.0.weight',
      'sections.0.items.1.key',
    ]);
    expect(problemsOf({ ...dangerExample, extra: true })).toEqual(['']);
  });
});

const yesNoItems = dangerExample.sections.flatMap((s) =>
  s.items.filter((i) => i.weight !== undefined).map((i) => i.key),
);
const answerArb = fc.dictionary(
  fc.constantFrom(...yesNoItems),
  fc.constantFrom<'yes' | 'no' | 'unknown'>('yes', 'no', 'unknown'),
);
const toAnswers = (d: Record<string, 'yes' | 'no' | 'unknown'>) =>
  new Map<string, Answer>(
    Object.entries(d).map(([k, value]) => [k, { kind: 'yes_no_unknown', value }]),
  );

describe('scoring', () => {
  it('adding a "yes" to a weighted item never lowers the score or the level', () => {
    fc.assert(
      fc.property(answerArb, fc.constantFrom(...yesNoItems), (answers, item) => {
        const before = toAnswers(answers);
        const after = new Map(before).set(item, { kind: 'yes_no_unknown', value: 'yes' });
        expect(score(dangerExample, after)).toBeGreaterThanOrEqual(score(dangerExample, before));
        if (dangerExample.scoring.kind !== 'sum') throw new Error('sum scoring expected');
        const t = dangerExample.scoring.thresholds;
        expect(riskLevelRank[levelFor(t, score(dangerExample, after))]).toBeGreaterThanOrEqual(
          riskLevelRank[levelFor(t, score(dangerExample, before))],
        );
      }),
    );
  });

  it('maps thresholds to levels monotonically', () => {
    const thresholdsArb = fc
      .uniqueArray(fc.nat(50), { minLength: 1, maxLength: 3 })
      .map((mins) => [...mins].sort((a, b) => a - b))
      .map((mins) =>
        mins.map((min, i) => ({ min, level: riskLevels[3 - mins.length + i] as RiskLevel })),
      );
    fc.assert(
      fc.property(thresholdsArb, fc.nat(80), fc.nat(80), (thresholds, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(riskLevelRank[levelFor(thresholds, hi)]).toBeGreaterThanOrEqual(
          riskLevelRank[levelFor(thresholds, lo)],
        );
        expect(problemsOf({ ...dangerExample, scoring: { kind: 'sum', thresholds } })).toEqual([]);
      }),
    );
  });

  it('counts the example’s weights: unknown and no give nothing', () => {
    expect(
      score(dangerExample, toAnswers({ strypt: 'yes', dodshot: 'yes', vapen: 'unknown' })),
    ).toBe(6);
    expect(score(dangerExample, toAnswers({ okat: 'no' }))).toBe(0);
  });

  it('takes the most serious scenario as the judgement’s level', () => {
    expect(judgementLevel([])).toBeNull();
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...riskLevels), { minLength: 1 }), (ratings) => {
        const level = judgementLevel(ratings);
        expect(ratings).toContain(level);
        for (const r of ratings)
          expect(riskLevelRank[level ?? 'low']).toBeGreaterThanOrEqual(riskLevelRank[r]);
      }),
    );
  });

  it('names answers that do not fit the instrument', () => {
    const problems = answerProblems(
      dangerExample,
      new Map<string, Answer>([
        ['finns_inte', { kind: 'text', value: 'x' }],
        ['strypt', { kind: 'text', value: 'ja' }],
        ['okat', { kind: 'yes_no_unknown', value: 'yes' }],
      ]),
    );
    expect(problems.map((p) => p.key)).toEqual(['finns_inte', 'strypt']);
  });
});
