import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  consentCovers,
  disclosureCovered,
  disclosurePurposes,
  informationCategories,
  legalBases,
  legalBasesFor,
  sameRecipient,
  SECRECY_TEST_MIN,
} from './consents.ts';
import type { Consent, Disclosure, Recipient } from './consents.ts';
import { addDays } from './calendar.ts';

const day = fc.integer({ min: 0, max: 3 * 365 }).map((n) => addDays('2025-01-01', n));
const person = fc.constantFrom('p1', 'p2');
const recipient: fc.Arbitrary<Recipient> = fc.oneof(
  fc.record({
    kind: fc.constantFrom('unit' as const, 'provider' as const),
    id: fc.constantFrom('a', 'b'),
    name: fc.constantFrom('Fristad', 'Relationsvåldsteamet'),
  }),
  fc.record({
    kind: fc.constantFrom('agency' as const, 'person' as const),
    name: fc.constantFrom('Kvarnbyskolan', 'kvarnbyskolan ', 'Region Uppsala', 'Lisa Berg'),
  }),
);
const categories = fc.subarray([...informationCategories]);
const purposes = fc.subarray([...disclosurePurposes]);

const consent: fc.Arbitrary<Consent> = fc
  .record({
    personId: person,
    categories,
    recipient,
    purposes,
    givenOn: day,
    length: fc.integer({ min: 0, max: 400 }),
    way: fc.constantFrom('oral' as const, 'written' as const),
    revokedAfter: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }),
  })
  .map(({ length, revokedAfter, ...c }) => ({
    ...c,
    id: 'c1',
    validUntil: addDays(c.givenOn, length),
    revokedOn: revokedAfter === null ? null : addDays(c.givenOn, revokedAfter),
  }));

const disclosure: fc.Arbitrary<Disclosure> = fc.record({
  personId: person,
  categories,
  recipient,
  purpose: fc.constantFrom(...disclosurePurposes),
  on: day,
});

/** A disclosure the consent is meant to cover: its person, recipient, a purpose, a day inside. */
const coveredPair = consent
  .filter((c) => c.purposes.length > 0)
  .chain((c) =>
    fc.record({
      consent: fc.constant({ ...c, revokedOn: null }),
      disclosure: fc.record({
        personId: fc.constant(c.personId),
        categories: fc.subarray([...c.categories]),
        recipient: fc.constant(c.recipient),
        purpose: fc.constantFrom(...c.purposes),
        on: fc
          .integer({ min: 0, max: Math.max(0, dayCount(c.givenOn, c.validUntil)) })
          .map((n) => addDays(c.givenOn, n)),
      }),
    }),
  );

function dayCount(from: string, to: string) {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}

describe('is this disclosure covered', () => {
  it('a consent covers what it names: its person, a subset of its categories, its recipient, its purpose, inside its days', () => {
    fc.assert(
      fc.property(coveredPair, ({ consent: c, disclosure: d }) => {
        expect(consentCovers(c, d)).toEqual({ covered: true });
      }),
    );
  });

  it('a revoked consent never covers, whatever else matches', () => {
    fc.assert(
      fc.property(coveredPair, fc.integer({ min: 0, max: 400 }), (pair, after) => {
        const revoked = { ...pair.consent, revokedOn: addDays(pair.consent.givenOn, after) };
        const result = consentCovers(revoked, pair.disclosure);
        expect(result.covered).toBe(false);
        if (!result.covered) expect(result.reason).toContain('återkallades');
      }),
    );
  });

  it('an expired consent, or one not yet given, never covers', () => {
    fc.assert(
      fc.property(consent, disclosure, (c, d) => {
        fc.pre(d.on > c.validUntil || d.on < c.givenOn);
        expect(consentCovers(c, d).covered).toBe(false);
      }),
    );
  });

  it('a narrower consent never covers a wider disclosure', () => {
    fc.assert(
      fc.property(coveredPair, fc.constantFrom(...informationCategories), (pair, extra) => {
        fc.pre(!pair.consent.categories.includes(extra));
        const wider = { ...pair.disclosure, categories: [...pair.disclosure.categories, extra] };
        expect(consentCovers(pair.consent, wider).covered).toBe(false);
      }),
    );
  });

  it('a consent for one recipient never covers another, nor another purpose or person', () => {
    fc.assert(
      fc.property(consent, disclosure, (c, d) => {
        const covered = consentCovers(c, d).covered;
        if (!sameRecipient(c.recipient, d.recipient)) expect(covered).toBe(false);
        if (!c.purposes.includes(d.purpose)) expect(covered).toBe(false);
        if (c.personId !== d.personId) expect(covered).toBe(false);
      }),
    );
  });

  it('covers exactly when every condition holds', () => {
    fc.assert(
      fc.property(consent, disclosure, (c, d) => {
        const expected =
          c.personId === d.personId &&
          c.revokedOn === null &&
          d.on >= c.givenOn &&
          d.on <= c.validUntil &&
          c.purposes.includes(d.purpose) &&
          sameRecipient(c.recipient, d.recipient) &&
          d.categories.every((k) => c.categories.includes(k));
        expect(disclosureCovered(d, { kind: 'consent', consent: c }).covered).toBe(expected);
      }),
    );
  });

  it('a named recipient is the same whatever the case or spacing of the name; a unit is its id', () => {
    expect(
      sameRecipient(
        { kind: 'agency', name: 'Kvarnbyskolan' },
        { kind: 'agency', name: ' kvarnbyskolan' },
      ),
    ).toBe(true);
    expect(
      sameRecipient(
        { kind: 'agency', name: 'Kvarnbyskolan' },
        { kind: 'person', name: 'Kvarnbyskolan' },
      ),
    ).toBe(false);
    expect(
      sameRecipient({ kind: 'unit', id: 'a', name: 'X' }, { kind: 'unit', id: 'b', name: 'X' }),
    ).toBe(false);
  });

  it('a legal basis covers only the purposes it may serve, and only with a secrecy test written', () => {
    fc.assert(
      fc.property(
        disclosure,
        fc.constantFrom(...legalBases),
        fc.string({ maxLength: 60 }),
        (d, basis, secrecyTest) => {
          const result = disclosureCovered(d, {
            kind: 'legal',
            basis,
            reference: 'x kap. y § OSL',
            secrecyTest,
          });
          const expected =
            legalBasesFor[d.purpose].includes(basis) &&
            secrecyTest.trim().length >= SECRECY_TEST_MIN;
          expect(result.covered).toBe(expected);
        },
      ),
    );
  });

  it('a SIP, an intern samverkansplan and a partnerkontakt rest on consent alone', () => {
    for (const purpose of ['coordinated_plan', 'internal_plan', 'partner_contact'] as const) {
      expect(legalBasesFor[purpose]).toEqual([]);
    }
  });

  it('nothing covers a disclosure without a ground', () => {
    fc.assert(
      fc.property(disclosure, (d) => {
        expect(disclosureCovered(d, null).covered).toBe(false);
      }),
    );
  });

  it('the refusal names the consent', () => {
    const c: Consent = {
      id: 'c1',
      personId: 'p1',
      categories: ['name'],
      recipient: { kind: 'provider', id: 'a', name: 'Skyddat boende Fristad' },
      purposes: ['commission'],
      givenOn: '2026-11-30',
      validUntil: '2027-05-30',
      way: 'oral',
      revokedOn: '2026-12-02',
    };
    const result = consentCovers(c, {
      personId: 'p1',
      categories: ['name'],
      recipient: c.recipient,
      purpose: 'commission',
      on: '2026-12-02',
    });
    expect(result).toEqual({
      covered: false,
      reason:
        'Samtycket den 2026-11-30 till Skyddat boende Fristad återkallades 2026-12-02. Uppgifterna får inte lämnas ut med stöd av det.',
    });
  });
});
