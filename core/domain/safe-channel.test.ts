import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCommunicationChannel, normalizeChannel } from './safe-channel.ts';
import type { ChannelKind } from './safe-channel.ts';

const mobile = fc
  .array(fc.integer({ min: 0, max: 9 }), { minLength: 8, maxLength: 8 })
  .map((d) => `7${d.join('')}`);

/** Ways people write the same Swedish mobile number. */
const writings = (national: string) => [
  `0${national}`,
  `+46${national}`,
  `0046 ${national}`,
  `0${national.slice(0, 2)}-${national.slice(2, 5)} ${national.slice(5, 7)} ${national.slice(7)}`,
  `+46 (0)${national.slice(0, 2)} ${national.slice(2)}`,
];

describe('normalizeChannel', () => {
  it('makes every common writing of a phone number equal', () => {
    fc.assert(
      fc.property(mobile, (national) => {
        const forms = new Set(writings(national).map((w) => normalizeChannel('phone', w)));
        expect(forms.size).toBe(1);
      }),
    );
  });

  it('ignores case and surrounding space in e-mail and addresses', () => {
    expect(normalizeChannel('email', ' Familjen@Example.SE ')).toBe('familjen@example.se');
    expect(normalizeChannel('address', 'Storgatan 1,  123 45 Västerås')).toBe(
      normalizeChannel('address', 'storgatan 1 123 45 västerås'),
    );
  });
});

describe('checkCommunicationChannel', () => {
  const kinds: ChannelKind[] = ['phone', 'email', 'address', 'digital_mailbox'];

  it('always refuses a channel marked unsafe', () => {
    fc.assert(
      fc.property(fc.constantFrom(...kinds), fc.string({ minLength: 1 }), (kind, value) => {
        const result = checkCommunicationChannel({ kind, value, safeForContact: false }, []);
        expect(result).toMatchObject({ ok: false, reason: 'marked_unsafe' });
      }),
    );
  });

  it('refuses a number the person using violence has, however it is written', () => {
    fc.assert(
      fc.property(mobile, fc.nat(4), fc.nat(4), (national, a, b) => {
        const forms = writings(national);
        const result = checkCommunicationChannel(
          { kind: 'phone', value: forms[a] ?? '', safeForContact: true },
          [{ kind: 'phone', value: forms[b] ?? '' }],
        );
        expect(result).toMatchObject({ ok: false, reason: 'shared_with_perpetrator' });
      }),
    );
  });

  it('allows a safe channel that no person using violence shares', () => {
    fc.assert(
      fc.property(mobile, mobile, (own, theirs) => {
        fc.pre(own !== theirs);
        const result = checkCommunicationChannel(
          { kind: 'phone', value: `0${own}`, safeForContact: true },
          [
            { kind: 'phone', value: `0${theirs}` },
            // The same digits as another kind of channel are not the same channel.
            { kind: 'digital_mailbox', value: `0${own}` },
          ],
        );
        expect(result).toEqual({ ok: true });
      }),
    );
  });
});
