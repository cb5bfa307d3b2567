import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import personnummer from '../../../shared/testdata/skatteverket-test-personnummer.json' with { type: 'json' };
import samordningsnummer from '../../../shared/testdata/skatteverket-test-samordningsnummer.json' with { type: 'json' };
import { birthDateOfNormalized, luhnCheckDigit, parseIdentityNumber } from './personal-identity.ts';

/**
 * The parser against outside data: every test number Skatteverket publishes (../shared/testdata,
 * its README says where they come from), in all four written forms, on a fixed day. The expected
 * birth date is worked out here from the digits, as Skatteverket describes them, not by the parser.
 */

const TODAY = '2026-12-01';

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The birth date the digits give: the whole date, or as much of it as Skatteverket knows. */
function expectedBirthDate(normalized: string, coordination: boolean): string {
  const year = normalized.slice(0, 4);
  const month = Number(normalized.slice(4, 6));
  const day = Number(normalized.slice(6, 8)) - (coordination ? 60 : 0);
  if (month === 0) return year; // month 00: only the year
  const mm = String(month).padStart(2, '0');
  if (day === 0 || day > daysIn(Number(year), month)) return `${year}-${mm}`; // day unknown
  return `${year}-${mm}-${String(day).padStart(2, '0')}`;
}

/** The forms a person writes the number in on TODAY: the separator by the year rule. */
function writtenForms(normalized: string): string[] {
  const short = normalized.slice(2);
  const hundredThisYear = Number(TODAY.slice(0, 4)) - Number(normalized.slice(0, 4)) >= 100;
  const separated = `${short.slice(0, 6)}${hundredThisYear ? '+' : '-'}${short.slice(6)}`;
  const forms = [normalized, `${normalized.slice(0, 8)}-${normalized.slice(8)}`, separated];
  // Ten digits without a separator read as the dash: only for someone under 100 this year.
  if (!hundredThisYear) forms.push(short);
  return forms;
}

describe.each([
  { numbers: personnummer, kind: 'personnummer' as const },
  { numbers: samordningsnummer, kind: 'samordningsnummer' as const },
])("Skatteverket's test numbers: $kind", ({ numbers, kind }) => {
  it('are all there', () => {
    expect(numbers.length).toBeGreaterThan(kind === 'personnummer' ? 41_000 : 2_200);
  });

  it('are each accepted in all four written forms, with the right 12 digits and birth date', () => {
    const wrong: string[] = [];
    let forms = 0;
    for (const normalized of numbers) {
      const birthDate = expectedBirthDate(normalized, kind === 'samordningsnummer');
      for (const written of writtenForms(normalized)) {
        forms++;
        const result = parseIdentityNumber(written, kind, TODAY);
        if (!result.ok) {
          wrong.push(`${written}: ${result.message}`);
        } else if (
          result.value.normalized !== normalized ||
          !('birthDate' in result.value) ||
          result.value.birthDate !== birthDate
        ) {
          wrong.push(`${written}: ${JSON.stringify(result.value)}, expected ${birthDate}`);
        }
      }
      expect(birthDateOfNormalized(normalized, kind)).toBe(birthDate);
    }
    expect(wrong.slice(0, 20)).toEqual([]);
    expect(forms).toBeGreaterThan(numbers.length * 3);
  });

  if (kind === 'samordningsnummer') {
    it('include the partly unknown birth dates the parser used to refuse', () => {
      const partial = numbers.filter((n) => expectedBirthDate(n, true).length < 10);
      expect(partial.length).toBeGreaterThan(150);
    });
  }
});

describe('the separator goes by the year (18 § folkbokföringslagen)', () => {
  const birth = fc
    .record({
      year: fc.integer({ min: 1850, max: 2025 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 28 }),
      serial: fc.integer({ min: 1, max: 999 }),
    })
    .map(({ year, month, day, serial }) => {
      const nine = `${String(year % 100).padStart(2, '0')}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${String(serial).padStart(3, '0')}`;
      return { year, normalized: `${String(year).slice(0, 2)}${nine}${luhnCheckDigit(nine)}` };
    });
  const dayOfYear = fc.record({
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
  });

  it("'+' and the 12 digits agree on every day from the year a person turns 100 until 199", () => {
    fc.assert(
      fc.property(birth, fc.integer({ min: 100, max: 199 }), dayOfYear, (b, age, d) => {
        const today = `${b.year + age}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
        const plus = `${b.normalized.slice(2, 8)}+${b.normalized.slice(8)}`;
        const result = parseIdentityNumber(plus, 'personnummer', today);
        expect(result.ok && result.value.normalized).toBe(b.normalized);
      }),
    );
  });

  it("'-' and the 12 digits agree on every day up to the year a person turns 100", () => {
    fc.assert(
      fc.property(birth, fc.integer({ min: 0, max: 99 }), dayOfYear, (b, age, d) => {
        const today = `${b.year + age}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
        // Born later in the year than today: not yet born in the year of birth itself.
        fc.pre(age > 0 || b.normalized.slice(4, 8) <= today.slice(5).replace('-', ''));
        const minus = `${b.normalized.slice(2, 8)}-${b.normalized.slice(8)}`;
        const result = parseIdentityNumber(minus, 'personnummer', today);
        expect(result.ok && result.value.normalized).toBe(b.normalized);
      }),
    );
  });
});
