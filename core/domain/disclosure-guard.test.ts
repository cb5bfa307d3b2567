import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { guardDestination } from './disclosure-guard.ts';
import type { ViolentParty } from './disclosure-guard.ts';

const name = fc.constantFrom('Kalle', 'Anna', 'Sven-Erik', 'Åsa', 'Mohammed', 'Öberg', 'Li');
const him: ViolentParty = {
  givenName: 'Kalle',
  familyName: 'Våldsson',
  channels: [
    { kind: 'phone', value: '070-555 66 77' },
    { kind: 'email', value: 'kalle@example.org' },
    { kind: 'address', value: 'Storgatan 1, 123 45 Staden' },
  ],
};

describe('the disclosure guard', () => {
  it('finds his full name in any written recipient, whatever the case and the words around it', () => {
    fc.assert(
      fc.property(
        fc.array(name, { maxLength: 3 }),
        fc.array(name, { maxLength: 3 }),
        (pre, post) => {
          const written = [...pre, 'KALLE', 'våldsson', ...post].join(' ');
          expect(guardDestination({ names: [written], channels: [] }, [him])).toHaveLength(1);
        },
      ),
    );
  });

  it('never matches on a first name alone, nor on the names apart or out of order', () => {
    fc.assert(
      fc.property(fc.array(name, { maxLength: 4 }), (others) => {
        const destinations = [
          [...others, 'Kalle'].join(' '),
          ['Våldsson', 'Kalle', ...others].join(' '),
          ['Kalle', 'Berg', 'Våldsson'].join(' '),
        ];
        expect(guardDestination({ names: destinations, channels: [] }, [him])).toEqual([]);
        // A party known by one name only cannot be told from others by name.
        const partial = { ...him, familyName: null };
        expect(guardDestination({ names: ['Kalle Våldsson'], channels: [] }, [partial])).toEqual(
          [],
        );
      }),
    );
  });

  it('finds his channels written differently, and only his', () => {
    const leaks = guardDestination(
      {
        names: [],
        channels: [
          { kind: 'phone', value: '+46 70 555 66 77' },
          { kind: 'email', value: ' KALLE@example.org' },
          { kind: 'address', value: 'storgatan 1 123 45 staden' },
          { kind: 'phone', value: '070-111 22 33' },
          // The same text as another kind is not the same channel.
          { kind: 'email', value: '070-555 66 77' },
        ],
      },
      [him],
    );
    expect(leaks).toHaveLength(3);
    expect(leaks[0]).toBe(
      'Telefonnumret +46 70 555 66 77 är registrerat för en person som utövar våld mot personen. Välj en annan väg.',
    );
  });

  it('lets everything through when nobody is recorded as using violence', () => {
    fc.assert(
      fc.property(fc.array(fc.string()), (names) => {
        expect(guardDestination({ names, channels: [] }, [])).toEqual([]);
      }),
    );
  });
});
