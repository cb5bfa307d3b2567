import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from './calendar.ts';
import { agencyDisclosureProblems } from './agency-disclosures.ts';
import { informationCategories } from './consents.ts';

const day = fc.integer({ min: -30, max: 30 }).map((n) => addDays('2026-12-03', n));
const categories = fc.subarray([...informationCategories], { minLength: 1 });

describe('a disclosure to an agency as it is recorded', () => {
  it('is refused in the future, and a risk assessment only as information about the violence, made by then', () => {
    fc.assert(
      fc.property(day, categories, fc.option(day, { nil: null }), (disclosedOn, cats, assessed) => {
        const problems = agencyDisclosureProblems({
          disclosedOn,
          today: '2026-12-03',
          categories: cats,
          riskAssessment: assessed === null ? null : { assessedOn: assessed },
        });
        const fields = problems.map((p) => p.field);
        expect(fields.includes('disclosedOn')).toBe(disclosedOn > '2026-12-03');
        expect(fields.includes('categories')).toBe(assessed !== null && !cats.includes('violence'));
        expect(fields.includes('riskAssessmentId')).toBe(
          assessed !== null && assessed > disclosedOn,
        );
        for (const p of problems) expect(p.message).toMatch(/^[A-ZÅÄÖ].*\.$/u);
      }),
    );
  });
});
