import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageOn, formatStatedAge, statedAgeBirthDate, statedAgeBirthRange } from './birth-date.ts';
import { ADULT_AGE, householdChildren } from './child-report-duty.ts';

const DAY = 86_400_000;
const dayNumber = fc.integer({
  min: Date.UTC(1950, 0, 1) / DAY,
  max: Date.UTC(2090, 11, 31) / DAY,
});
const iso = (n: number) => new Date(n * DAY).toISOString().slice(0, 10);
const toNumber = (d: string) => Date.parse(`${d}T00:00:00Z`) / DAY;
const age = fc.integer({ min: 0, max: 17 });

describe('statedAgeBirthRange', () => {
  it('holds exactly the birth days that give the stated age on the day', () => {
    fc.assert(
      fc.property(dayNumber, age, fc.integer({ min: -400, max: 800 }), (on, a, offset) => {
        const statedOn = iso(on);
        const { earliest, latest } = statedAgeBirthRange(a, statedOn);
        expect(ageOn(earliest, statedOn)).toBe(a);
        expect(ageOn(latest, statedOn)).toBe(a);
        // A day around the range: inside it gives the age, outside it does not.
        const born = iso(toNumber(latest) - offset);
        const inside = born >= earliest && born <= latest;
        expect(ageOn(born, statedOn) === a).toBe(inside);
      }),
    );
  });

  it('handles leap days', () => {
    expect(statedAgeBirthRange(7, '2024-02-29')).toEqual({
      earliest: '2016-03-01',
      latest: '2017-02-28',
    });
    expect(statedAgeBirthRange(1, '2025-02-28')).toEqual({
      earliest: '2023-03-01',
      latest: '2024-02-28',
    });
  });
});

describe('a stated age in the duty to report', () => {
  it('counts the child until she must be an adult, and not a day longer', () => {
    fc.assert(
      fc.property(dayNumber, age, fc.integer({ min: 0, max: 20 * 366 }), (on, a, later) => {
        const statedOn = iso(on);
        const today = iso(on + later);
        const births = new Map([['barn', statedAgeBirthDate(a, statedOn)]]);
        const counted =
          householdChildren(
            'maria',
            [{ personId: 'maria', relatedPersonId: 'barn', kind: 'parent_of' }],
            births,
            today,
          ).length === 1;
        // She must be 18 when even the latest birth day the statement allows gives 18.
        const { latest } = statedAgeBirthRange(a, statedOn);
        expect(counted).toBe(ageOn(latest, today) < ADULT_AGE);
      }),
    );
  });

  it('stops a child stated 17 on a day a year later', () => {
    const births = new Map([['barn', statedAgeBirthDate(17, '2026-03-10')]]);
    const rel = [{ personId: 'maria', relatedPersonId: 'barn', kind: 'parent_of' as const }];
    expect(householdChildren('maria', rel, births, '2027-03-09')).toHaveLength(1);
    expect(householdChildren('maria', rel, births, '2027-03-10')).toHaveLength(0);
  });
});

describe('formatStatedAge', () => {
  it('says "ca" and grows with the years since', () => {
    expect(formatStatedAge(7, '2026-12-01', '2026-12-01')).toBe('ca 7 år');
    expect(formatStatedAge(7, '2026-12-01', '2027-11-30')).toBe('ca 7 år');
    expect(formatStatedAge(7, '2026-12-01', '2027-12-01')).toBe('ca 8 år');
  });
});
