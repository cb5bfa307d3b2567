import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { certificateProblems, issueProblems, reviewOutcomes } from './certificates.ts';
import type { CertificateContent, CertificateReview, OtherPerson } from './certificates.ts';
import type { ViolentParty } from './disclosure-guard.ts';

const him: ViolentParty = {
  givenName: 'Kalle',
  familyName: 'Våldsson',
  channels: [{ kind: 'email', value: 'kalle@example.org' }],
};
const sister: OtherPerson = { givenName: 'Siv', familyName: 'Syster' };
const word = fc.constantFrom(
  'hon',
  'berättade',
  'att',
  'Anna',
  'Kalle',
  'Siv',
  'den',
  '2026-11-02',
);

const content = (statements: CertificateContent['statements']): CertificateContent => ({
  purpose: 'legal_proceedings',
  purposeText: 'Underlag till målsägandebiträdet.',
  recipient: { name: 'Advokat Maria Lind', channel: null },
  certifies: 'Att hon har kontakt med socialtjänsten.',
  statements,
});

describe('what an intyg may say', () => {
  it('refuses exactly the statements that name another person of the file without a secrecy test', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            words: fc.array(word, { maxLength: 6 }),
            names: fc.constantFrom(null, 'Kalle Våldsson', 'SIV syster'),
            inDetail: fc.boolean(),
            cleared: fc.boolean(),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        (drawn) => {
          const statements = drawn.map((d) => {
            const named = d.names ? [d.names] : [];
            return {
              text: [...d.words, ...(d.inDetail ? [] : named), 'slut'].join(' '),
              source: {
                kind: 'other_person' as const,
                detail: d.inDetail && d.names ? d.names : 'grannen',
              },
              clearance: d.cleared ? 'Prövat: kan lämnas utan hinder av sekretess.' : null,
            };
          });
          const problems = certificateProblems(content(statements), {
            others: [sister],
            violent: [him],
          });
          const expected = drawn.flatMap((d, i) => (d.names && !d.cleared ? [i + 1] : []));
          expect(problems).toEqual(
            expected.map(
              (n) =>
                `Uppgift ${n} nämner en annan person än den intyget gäller. Ange sekretessprövningen som visar att uppgiften kan lämnas, eller ta bort den.`,
            ),
          );
          // The sentences never repeat the other person's name.
          for (const p of problems) expect(p).not.toMatch(/Våldsson|Syster/i);
        },
      ),
    );
  });

  it('refuses a recipient who uses violence against her, or a channel he can reach', () => {
    const byName = certificateProblems(
      { ...content([]), recipient: { name: 'Kalle Våldsson', channel: null } },
      { others: [], violent: [him] },
    );
    expect(byName.some((p) => p.startsWith('Mottagaren "Kalle Våldsson"'))).toBe(true);
    const byChannel = certificateProblems(
      {
        ...content([]),
        recipient: {
          name: 'Advokat Maria Lind',
          channel: { kind: 'email', value: 'KALLE@example.org' },
        },
      },
      { others: [], violent: [him] },
    );
    expect(byChannel.some((p) => p.startsWith('E-postadressen'))).toBe(true);
    expect(
      certificateProblems(
        content([
          {
            text: 'Hon bor i skyddat boende.',
            source: { kind: 'person', detail: null },
            clearance: null,
          },
        ]),
        { others: [sister], violent: [him] },
      ),
    ).toEqual([]);
  });
});

describe('when an intyg may be issued', () => {
  const reviewArb = fc.record({
    version: fc.integer({ min: 1, max: 3 }),
    outcome: fc.constantFrom(...reviewOutcomes),
    reviewedBy: fc.constantFrom('writer', 'colleague', 'manager'),
  });

  it('only at its newest version, not issued, whose last review approved it and was made by a non-writer', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 3 }),
        fc.boolean(),
        fc.subarray(['writer', 'colleague']),
        fc.array(reviewArb, { maxLength: 5 }),
        (version, latestVersion, issued, writers, reviews: CertificateReview[]) => {
          const problems = issueProblems({ version, latestVersion, issued, writers, reviews });
          const last = reviews.filter((r) => r.version === version).at(-1);
          const may =
            !issued &&
            version === latestVersion &&
            last?.outcome === 'approved' &&
            !writers.includes(last.reviewedBy);
          expect(problems.length === 0).toBe(may);
          expect(problems.length).toBeLessThanOrEqual(1);
        },
      ),
    );
  });

  it('names what is missing', () => {
    expect(
      issueProblems({ version: 2, latestVersion: 2, issued: false, writers: ['a'], reviews: [] }),
    ).toEqual([
      'Version 2 av intyget är inte granskad. Någon annan än den som skrev intyget måste granska det innan det utfärdas.',
    ]);
    // An approval of an earlier version does not carry over to a new one.
    expect(
      issueProblems({
        version: 2,
        latestVersion: 2,
        issued: false,
        writers: ['a'],
        reviews: [{ version: 1, outcome: 'approved', reviewedBy: 'b' }],
      })[0],
    ).toMatch(/inte granskad/);
  });
});
