import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from './calendar.ts';
import type { Period } from './decisions.ts';
import {
  birthYear,
  childrenText,
  interventionName,
  commissionPeriodProblem,
  commissionStep,
  consentCategories,
  protectionNotice,
  sharedData,
} from './commissions.ts';
import type { CommissionStatus, CommissionStep, PersonSource } from './commissions.ts';
import { protectionLevels } from './protection.ts';

const FIRST = '2000-01-01';
const LAST = '2060-12-31';
const date = fc.integer({ min: 0, max: daysBetween(FIRST, LAST) }).map((n) => addDays(FIRST, n));
const period: fc.Arbitrary<Period> = fc
  .tuple(date, fc.option(fc.integer({ min: 0, max: 2_000 }), { nil: null }))
  .map(([from, length]) => ({ from, to: length === null ? null : addDays(from, length) }));
const statuses: CommissionStatus[] = ['sent', 'accepted', 'declined', 'ended'];
const steps: CommissionStep[] = ['accept', 'decline', 'end', 'work'];

const source: fc.Arbitrary<PersonSource> = fc.record({
  givenName: fc.string({ minLength: 1, maxLength: 10 }),
  familyName: fc.string({ minLength: 1, maxLength: 10 }),
  identityNumber: fc.option(fc.stringMatching(/^\d{12}$/), { nil: null }),
  protectionLevel: fc.constantFrom(...protectionLevels),
  safePhone: fc.option(fc.stringMatching(/^07\d{8}$/), { nil: null }),
  children: fc.array(
    fc.record({
      givenName: fc.string({ minLength: 1, maxLength: 10 }),
      birthYear: fc.option(fc.integer({ min: 2000, max: 2026 }), { nil: null }),
    }),
    { maxLength: 3 },
  ),
});
const consent = fc.subarray([...consentCategories]);

describe('what an uppdrag shares', () => {
  it('shares nothing the person has not consented to', () => {
    fc.assert(
      fc.property(source, consent, fc.option(fc.string(), { nil: null }), (s, c, language) => {
        const shared = sharedData(s, c, language);
        if (!c.includes('name')) expect(shared.name).toBeNull();
        if (!c.includes('personal_identity_number'))
          expect(shared.personalIdentityNumber).toBeNull();
        if (!c.includes('phone')) expect(shared.phone).toBeNull();
        if (!c.includes('language')) expect(shared.language).toBeNull();
        if (!c.includes('children')) expect(shared.children).toBeNull();
        // No field beyond the closed set: no address, no whereabouts, ever.
        expect(Object.keys(shared).sort()).toEqual(
          ['children', 'language', 'name', 'personalIdentityNumber', 'phone'].sort(),
        );
      }),
    );
  });

  it("never shares a protected person's phone number, whatever the consent", () => {
    fc.assert(
      fc.property(source, consent, (s, c) => {
        const shared = sharedData(s, c, null);
        if (s.protectionLevel !== 'none') expect(shared.phone).toBeNull();
        else expect(shared.phone).toBe(c.includes('phone') ? s.safePhone : null);
      }),
    );
  });

  it('carries the notice exactly for a protected person, naming the contact', () => {
    fc.assert(
      fc.property(fc.constantFrom(...protectionLevels), (level) => {
        const notice = protectionNotice(level, 'Anna Handläggare, 08-123');
        if (level === 'none') expect(notice).toBeNull();
        else expect(notice).toContain('Kontakta Anna Handläggare, 08-123');
      }),
    );
  });

  it('names the children staying along by given name and year of birth only', () => {
    expect(childrenText([])).toBe('Inga');
    expect(
      childrenText([
        { givenName: 'Lea', birthYear: 2018 },
        { givenName: 'Sam', birthYear: null },
      ]),
    ).toBe('Lea (född 2018), Sam');
    expect(interventionName('shelter')).toBe('Skyddat boende');
    expect(interventionName('new_code')).toBe('new_code');
  });

  it('reads the year of birth from a personnummer', () => {
    expect(birthYear('199203122388')).toBe(1992);
    expect(birthYear(null)).toBeNull();
    expect(birthYear('9203122388')).toBeNull();
  });
});

describe("the uppdrag's steps", () => {
  it('answers only sent with accept or decline, and work only on an accepted uppdrag', () => {
    fc.assert(
      fc.property(fc.constantFrom(...statuses), fc.constantFrom(...steps), (status, step) => {
        const r = commissionStep(status, step);
        const allowed =
          step === 'accept' || step === 'decline'
            ? status === 'sent'
            : step === 'end'
              ? status === 'sent' || status === 'accepted'
              : status === 'accepted';
        expect(r.ok).toBe(allowed);
        if (r.ok && step === 'work') expect(r.status).toBe(status);
        if (!r.ok) expect(r.message.length).toBeGreaterThan(10);
      }),
    );
  });

  it('never leaves declined or ended', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<CommissionStatus>('declined', 'ended'),
        fc.constantFrom(...steps),
        (s, step) => {
          expect(commissionStep(s, step).ok).toBe(false);
        },
      ),
    );
  });
});

describe("the uppdrag's period", () => {
  it('is accepted exactly when it lies inside the beslut', () => {
    fc.assert(
      fc.property(period, period, (decision, p) => {
        const inside =
          p.from >= decision.from &&
          (decision.to === null || (p.to !== null && p.to <= decision.to));
        expect(commissionPeriodProblem(decision, p) === null).toBe(inside);
      }),
    );
  });
});
