import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from './calendar.ts';
import { interventions } from './intervention-catalogue.ts';
import {
  conditionLines,
  interventionRuleProblems,
  meansTestProblems,
  partnerContactProblems,
  perpetratorHousingProblems,
  RECENT_ASSESSMENT_DAYS,
  relevantConditions,
} from './intervention-rules.ts';
import type { AssessmentFact, DecisionConditions } from './intervention-rules.ts';

const day = fc.integer({ min: 0, max: 3_000 }).map((n) => addDays('2024-01-01', n));
const text = fc.string({ minLength: 1, maxLength: 20 });
const assessment = (decidedOn: string) =>
  fc.record({
    id: fc.constant('a1'),
    kind: fc.constantFrom<AssessmentFact['kind']>('structured', 'police', 'own_view'),
    level: fc.constantFrom<AssessmentFact['level']>('low', 'medium', 'high', null),
    assessedOn: fc.integer({ min: -60, max: 5 }).map((n) => addDays(decidedOn, n)),
  });

describe('perpetratorHousingProblems', () => {
  it('allows exactly a recorded wish and a recent structured or police assessment that is not high', () => {
    fc.assert(
      fc.property(
        day.chain((decidedOn) =>
          fc.record({
            decidedOn: fc.constant(decidedOn),
            wish: fc.option(
              fc.record({
                learntOn: fc.integer({ min: -10, max: 2 }).map((n) => addDays(decidedOn, n)),
                how: text,
              }),
              { nil: undefined },
            ),
            support: fc.option(fc.record({ assessmentId: fc.constant('a1'), conclusion: text }), {
              nil: undefined,
            }),
            assessment: fc.option(assessment(decidedOn), { nil: null }),
          }),
        ),
        ({ decidedOn, wish, support, assessment }) => {
          const conditions: DecisionConditions = {
            ...(wish ? { victimWish: wish } : {}),
            ...(support ? { riskSupport: support } : {}),
          };
          const problems = perpetratorHousingProblems({ conditions, assessment, decidedOn });
          const ok =
            wish !== undefined &&
            wish.learntOn <= decidedOn &&
            support !== undefined &&
            assessment !== null &&
            assessment.kind !== 'own_view' &&
            assessment.level !== 'high' &&
            assessment.assessedOn <= decidedOn &&
            assessment.assessedOn >= addDays(decidedOn, -RECENT_ASSESSMENT_DAYS);
          expect(problems.length === 0).toBe(ok);
          for (const p of problems) expect(p).toMatch(/[.]$/);
        },
      ),
    );
  });

  it('names the missing wish when it is missing', () => {
    const problems = perpetratorHousingProblems({
      conditions: {},
      assessment: null,
      decidedOn: '2026-11-09',
    });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain('önskan att bo kvar');
    expect(problems[1]).toContain('riskbedömning');
  });
});

describe('partnerContactProblems', () => {
  it('needs the partnerkontakt recorded with a contact person who is not his therapist', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('Anna Berg', 'Bo Ek', ' anna  berg '),
        fc.constantFrom('Anna Berg', 'Bo Ek'),
        fc.boolean(),
        (contactPerson, perpetratorTherapist, given) => {
          const problems = partnerContactProblems({
            conditions: given ? { partnerContact: { contactPerson, perpetratorTherapist } } : {},
          });
          const same =
            contactPerson.trim().replace(/\s+/g, ' ').toLowerCase() ===
            perpetratorTherapist.toLowerCase();
          expect(problems.length === 0).toBe(given && !same);
        },
      ),
    );
  });
});

describe('meansTestProblems', () => {
  it('lets only an acute ekonomiskt bistånd skip the means test', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...interventions),
        fc.boolean(),
        fc.boolean(),
        (intervention, acute, waived) => {
          const problems = meansTestProblems({
            intervention,
            acute,
            conditions: waived ? { meansTestWaived: { reason: 'Akut skyddsbehov.' } } : {},
          });
          expect(problems.length === 0).toBe(
            !waived || (intervention === 'financial_assistance' && acute),
          );
        },
      ),
    );
  });
});

describe('interventionRuleProblems', () => {
  it('asks nothing of an avslag but the means test, and nothing of insatser without rules', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...interventions),
        fc.constantFrom('victim', 'perpetrator', 'child'),
        fc.constantFrom('granted' as const, 'partly_granted' as const, 'refused' as const),
        (intervention, targetGroup, outcome) => {
          const problems = interventionRuleProblems({
            intervention,
            targetGroup,
            outcome,
            acute: false,
            conditions: {},
            assessment: null,
            decidedOn: '2026-11-09',
          });
          const ruled =
            outcome !== 'refused' &&
            ((intervention === 'temporary_housing' && targetGroup === 'perpetrator') ||
              intervention === 'partner_contact');
          expect(problems.length > 0).toBe(ruled);
        },
      ),
    );
  });

  it('keeps only the conditions the insats asks for', () => {
    const all: DecisionConditions = {
      victimWish: { learntOn: '2026-11-01', how: 'Hon sa det själv.' },
      riskSupport: { assessmentId: 'a1', conclusion: 'Låg risk.' },
      partnerContact: { consentOn: '2026-11-01', contactPerson: 'A', perpetratorTherapist: 'B' },
      meansTestWaived: { reason: 'Akut.' },
    };
    fc.assert(
      fc.property(
        fc.constantFrom(...interventions),
        fc.constantFrom('victim', 'perpetrator'),
        fc.boolean(),
        (intervention, targetGroup, acute) => {
          const kept = relevantConditions({ intervention, targetGroup, acute, conditions: all });
          const keys = Object.keys(kept ?? {}).sort();
          const expected =
            intervention === 'temporary_housing' && targetGroup === 'perpetrator'
              ? ['riskSupport', 'victimWish']
              : intervention === 'partner_contact'
                ? ['partnerContact']
                : intervention === 'financial_assistance' && acute
                  ? ['meansTestWaived']
                  : [];
          expect(keys).toEqual(expected);
        },
      ),
    );
  });
});

describe('conditionLines', () => {
  it('says when he consented, whether the beslut names the register’s consent or only the day', () => {
    const people = { contactPerson: 'Sara Lind', perpetratorTherapist: 'Per Ek' };
    for (const partnerContact of [
      { consentId: 'c1', consentOn: '2026-11-02', ...people },
      { consentOn: '2026-11-02', ...people },
    ]) {
      expect(conditionLines({ partnerContact })).toEqual([
        {
          label: 'Partnerkontakt',
          text: 'Våldsutövaren samtyckte 2026-11-02. Kontaktperson: Sara Lind. Våldsutövarens behandlare: Per Ek.',
        },
      ]);
    }
  });
});
