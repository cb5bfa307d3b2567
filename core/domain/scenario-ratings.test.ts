import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { riskLevels } from './instruments.ts';
import { everyScenarioRated, scenarioRatingGaps } from './scenario-ratings.ts';

const keys = fc.uniqueArray(fc.stringMatching(/^[a-z]{1,8}$/), { minLength: 1, maxLength: 10 });
const level = fc.constantFrom(...riskLevels);
const noLevel = fc.constantFrom('', null, undefined, 'severe');

describe('scenarioRatingGaps', () => {
  it('finds no gap when each scenario has a level, in any order', () => {
    fc.assert(
      fc.property(
        keys.chain((ks) =>
          fc.tuple(
            fc.constant(ks),
            fc
              .shuffledSubarray(ks, { minLength: ks.length })
              .chain((order) =>
                fc.tuple(...order.map((k) => level.map((l) => ({ scenario: k, level: l })))),
              ),
          ),
        ),
        ([ks, ratings]) => {
          const scenarios = ks.map((key) => ({ key }));
          expect(scenarioRatingGaps(scenarios, ratings)).toEqual({ unrated: [], unknown: [] });
          expect(everyScenarioRated(scenarios, ratings)).toBe(true);
        },
      ),
    );
  });

  it('names exactly the scenarios left without a level, in the instrument order', () => {
    fc.assert(
      fc.property(
        keys.chain((ks) =>
          fc.tuple(
            fc.constant(ks),
            fc.array(fc.oneof(level, noLevel), { minLength: ks.length, maxLength: ks.length }),
          ),
        ),
        ([ks, levels]) => {
          const scenarios = ks.map((key) => ({ key }));
          const ratings = ks.map((k, i) => ({ scenario: k, level: levels[i] }));
          const expected = ks.filter((_k, i) => !riskLevels.some((l) => l === levels[i]));
          const gaps = scenarioRatingGaps(scenarios, ratings);
          expect(gaps.unrated).toEqual(expected);
          expect(gaps.unknown).toEqual([]);
          expect(everyScenarioRated(scenarios, ratings)).toBe(expected.length === 0);
        },
      ),
    );
  });

  it('refuses a rating of a scenario the instrument does not have', () => {
    fc.assert(
      fc.property(keys, fc.stringMatching(/^[A-Z]{1,8}$/), level, (ks, stranger, l) => {
        const scenarios = ks.map((key) => ({ key }));
        const ratings = [...ks, stranger].map((k) => ({ scenario: k, level: l }));
        expect(scenarioRatingGaps(scenarios, ratings).unknown).toEqual([stranger]);
        expect(everyScenarioRated(scenarios, ratings)).toBe(false);
      }),
    );
  });

  it('counts nothing as rated when no rating is given', () => {
    expect(scenarioRatingGaps([{ key: 'a' }, { key: 'b' }], [])).toEqual({
      unrated: ['a', 'b'],
      unknown: [],
    });
  });
});
