import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { carriesTrace, classifyPiece, releasedPieces, resolveChoices } from './file-extracts.ts';
import type { FilePiece, OthersOfFile, PieceChoice } from './file-extracts.ts';

const refs = { others: '26 kap. 1 § OSL', reporter: '26 kap. 5 § OSL' };
const address = 'Kanariegatan 7, 123 45 Staden';
const phone = '070-123 45 67';
const others = (usesViolence: boolean): OthersOfFile => ({
  names: [{ givenName: 'Vera', familyName: 'Vinter' }],
  traces: [address, phone, 'vera@example.org', '198001011234', 'Grannen Greta'],
  usesViolence,
});
const word = fc.constantFrom('hon', 'bor', 'på', 'ring', 'i', 'går', 'Anna', '12', 'kl', '8');

const phoneForms = fc.constantFrom(
  '070-123 45 67',
  '0701234567',
  '+46 70 123 45 67',
  '+46701234567',
  '070 - 123 45 67',
  '(070) 123 45 67',
);
const addressForms = fc.constantFrom(
  'Kanariegatan 7, 123 45 Staden',
  'KANARIEGATAN 7 123 45 STADEN',
  'kanariegatan 7, 123 45 staden.',
);

describe('traces of another person', () => {
  it('are found in any text however the phone or address is written, among any words', () => {
    fc.assert(
      fc.property(
        fc.array(word, { maxLength: 5 }),
        fc.array(word, { maxLength: 5 }),
        fc.oneof(phoneForms, addressForms),
        (pre, post, trace) => {
          const text = [...pre, trace, ...post].join(' ');
          expect(others(false).traces.some((t) => carriesTrace(text, t))).toBe(true);
        },
      ),
    );
  });

  it('are not found in texts of other words and numbers', () => {
    fc.assert(
      fc.property(fc.array(word, { maxLength: 12 }), (words) => {
        const text = [...words, '070-999 88 77', 'Storgatan 7'].join(' ');
        expect(others(false).traces.some((t) => carriesTrace(text, t))).toBe(false);
      }),
    );
  });
});

const pieceArb: fc.Arbitrary<FilePiece> = fc.record({
  key: fc.uuid(),
  heading: fc.constantFrom('Journalanteckning 2026-11-02', 'Beslut 2026-11-03', 'Motpart'),
  label: fc.option(fc.constantFrom('Motivering', 'Grannen Greta', 'Vistelseort'), { nil: null }),
  text: fc
    .tuple(
      fc.array(word, { maxLength: 4 }),
      fc.option(fc.constantFrom(address, phone, 'Vera Vinter', '+46 70 123 45 67'), { nil: null }),
    )
    .map(([ws, t]) => [...ws, ...(t ? [t] : []), 'slut'].join(' ')),
  about: fc.constantFrom('subject' as const, 'other' as const, 'reporter' as const),
  source: fc.option(
    fc.constantFrom(
      'person' as const,
      'other_person' as const,
      'agency' as const,
      'own_observation' as const,
    ),
    { nil: null },
  ),
});

const classes = (pieces: readonly FilePiece[], o: OthersOfFile) =>
  new Map(pieces.map((p) => [p.key, classifyPiece(p, o, refs)]));

describe('the extract of a person’s own file', () => {
  it('never gives a reporter, a trace of another, or — in a violent person’s file — what another told, whatever is chosen', () => {
    fc.assert(
      fc.property(
        fc.array(pieceArb, { minLength: 1, maxLength: 12 }),
        fc.boolean(),
        fc.array(
          fc.record({
            pick: fc.nat(),
            mask: fc.boolean(),
            reason: fc.option(fc.constant('Prövat.'), { nil: null }),
          }),
        ),
        (pieces, violent, drawn) => {
          const o = others(violent);
          const cls = classes(pieces, o);
          // Any choices at all, even those the rules refuse: the release still holds.
          const choices: PieceChoice[] = drawn.map((d) => ({
            key: pieces[d.pick % pieces.length]!.key,
            mask: d.mask,
            reason: d.reason,
          }));
          const released = releasedPieces(pieces, cls, choices);
          pieces.forEach((p, i) => {
            const given = released[i]!.text;
            const dangerous =
              p.about === 'reporter' ||
              o.traces.some((t) => carriesTrace(`${p.label ?? ''} ${p.text}`, t)) ||
              (violent && (p.source === 'other_person' || p.about === 'other'));
            if (dangerous) {
              expect(cls.get(p.key)?.class).toBe('withheld');
              expect(given).toBeNull();
              expect(released[i]!.reason).toMatch(/lämnas inte ut/);
            }
          });
          // And the resolved choices never offer a withheld piece.
          const resolved = resolveChoices(pieces, cls, choices);
          const last = [...new Map(choices.map((c) => [c.key, c])).values()];
          const withheldLifted = last.some((c) => !c.mask && cls.get(c.key)?.class === 'withheld');
          if (withheldLifted)
            expect(resolved.problems.some((p) => p.includes('kan inte lämnas ut'))).toBe(true);
        },
      ),
    );
  });

  it('masks a piece about another by default, and lifts it only with a reason', () => {
    const piece: FilePiece = {
      key: 'journal:1',
      heading: 'Journalanteckning 2026-11-02',
      label: null,
      text: 'Vera Vinter ringde och frågade om mötet.',
      about: 'subject',
      source: 'own_observation',
    };
    const cls = classes([piece], others(false));
    expect(cls.get(piece.key)?.class).toBe('masked');
    expect(releasedPieces([piece], cls, [])[0]?.text).toBeNull();
    const lifted = resolveChoices([piece], cls, [{ key: piece.key, mask: false, reason: null }]);
    expect(lifted.problems).toEqual([
      'Uppgift 1 (Journalanteckning 2026-11-02) rör en annan person. Skriv sekretessprövningen som visar att den kan lämnas ut, eller låt den vara maskerad.',
    ]);
    const reasoned = resolveChoices([piece], cls, [
      { key: piece.key, mask: false, reason: 'Uppgiften är känd för honom; inget men.' },
    ]);
    expect(reasoned.problems).toEqual([]);
    expect(releasedPieces([piece], cls, reasoned.choices)[0]?.text).toBe(piece.text);
    // A choice for a piece no longer in the file says so.
    expect(
      resolveChoices([piece], cls, [{ key: 'gone', mask: true, reason: 'x' }]).problems[0],
    ).toMatch(/Akten har ändrats/);
  });
});
