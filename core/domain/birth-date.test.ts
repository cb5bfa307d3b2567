import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageOn, ageRangeOn, earliestBirthDay, formatAge, latestBirthDay } from './birth-date.ts';

const iso = fc
  .integer({ min: Date.UTC(1900, 0, 1) / 86_400_000, max: Date.UTC(2100, 11, 31) / 86_400_000 })
  .map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10));

describe('ageOn', () => {
  it('counts whole years, the birthday included, leap days too', () => {
    expect(ageOn('2008-11-22', '2026-11-22')).toBe(18);
    expect(ageOn('2008-11-23', '2026-11-22')).toBe(17);
    expect(ageOn('2012-02-29', '2026-02-28')).toBe(13);
    expect(ageOn('2012-02-29', '2026-03-01')).toBe(14);
  });

  it('gives the youngest age a partly known birth date allows', () => {
    // Born some day in 2008: on 2026-12-01 she may still be 17.
    expect(ageOn('2008', '2026-12-01')).toBe(17);
    expect(ageOn('2008', '2026-12-31')).toBe(18);
    // Born some day in November 2008: 18 from 30 November.
    expect(ageOn('2008-11', '2026-11-29')).toBe(17);
    expect(ageOn('2008-11', '2026-11-30')).toBe(18);
    expect(ageOn('2008-02', '2026-02-28')).toBe(17); // 2008 was a leap year: 29 February
  });
});

describe('properties', () => {
  it('a partial date spans the ages of every whole date it can be', () => {
    fc.assert(
      fc.property(iso, iso, fc.constantFrom(4, 7), (born, on, keep) => {
        const partial = born.slice(0, keep);
        const { youngest, oldest } = ageRangeOn(partial, on);
        const whole = ageOn(born, on);
        expect(youngest).toBeLessThanOrEqual(whole);
        expect(whole).toBeLessThanOrEqual(oldest);
        expect(oldest - youngest).toBeLessThanOrEqual(1);
        expect(earliestBirthDay(partial) <= born && born <= latestBirthDay(partial)).toBe(true);
      }),
    );
  });

  it('a whole date has one age', () => {
    fc.assert(
      fc.property(iso, iso, (born, on) => {
        const { youngest, oldest } = ageRangeOn(born, on);
        expect(youngest).toBe(oldest);
      }),
    );
  });
});

describe('formatting', () => {
  it('gives one age, or the two a partial date allows', () => {
    expect(formatAge('2019-03-02', '2026-12-01')).toBe('7 år');
    expect(formatAge('2019', '2026-06-01')).toBe('6–7 år');
  });
});
