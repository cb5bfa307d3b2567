import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageOrNumber, isBlankChild, newChild, sentIndexes } from './intake-form.ts';

describe('the age-or-personnummer field', () => {
  it('reads one or two digits as an age in years, anything else as a number', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99 }), fc.constantFrom('', ' '), (age, pad) => {
        expect(ageOrNumber(`${pad}${String(age)}${pad}`)).toEqual({ statedAge: age, number: null });
      }),
    );
    expect(ageOrNumber('20180305-1234')).toEqual({ statedAge: null, number: '20180305-1234' });
    expect(ageOrNumber('7 år')).toEqual({ statedAge: null, number: '7 år' });
    expect(ageOrNumber('  ')).toEqual({ statedAge: null, number: null });
  });
});

describe('the rows sent', () => {
  it('skips the blank rows and numbers the rest in order', () => {
    const typed = { ...newChild(), givenName: 'Alva' };
    const rows = [typed, newChild(), typed, newChild()];
    expect(sentIndexes(rows, isBlankChild)).toEqual([0, null, 1, null]);
  });
});
