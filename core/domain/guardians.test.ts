import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { guardiansOf, usesViolenceAgainst } from './guardians.ts';
import type { GuardianRelation } from './guardians.ts';
import { isProtected, protectionLevels } from './protection.ts';

const people = ['child', 'mother', 'father', 'uncle', 'sibling'];
const relationArb: fc.Arbitrary<GuardianRelation> = fc.record({
  personId: fc.constantFrom(...people),
  relatedPersonId: fc.constantFrom(...people),
  kind: fc.constantFrom(
    'partner' as const,
    'former_partner' as const,
    'parent_of' as const,
    'sibling' as const,
    'other_relative' as const,
    'carer' as const,
  ),
  violence: fc.constantFrom(
    'unknown' as const,
    'none' as const,
    'person_against_related' as const,
    'related_against_person' as const,
    'mutual' as const,
  ),
  guardian: fc.boolean(),
  status: fc.constantFrom('current' as const, 'ended' as const, 'wrongly_recorded' as const),
});
const relationsArb = fc.array(relationArb, { maxLength: 8 });
const protectionArb = fc.constantFrom(...protectionLevels);

describe('guardiansOf', () => {
  it('lists exactly the persons a holding relation records as the child’s guardian, once each', () => {
    fc.assert(
      fc.property(protectionArb, relationsArb, (level, relations) => {
        const ids = guardiansOf('child', level, relations).map((g) => g.guardianId);
        const expected = new Set(
          relations
            .filter(
              (r) =>
                r.status === 'current' &&
                r.guardian &&
                ['parent_of', 'carer'].includes(r.kind) &&
                r.relatedPersonId === 'child' &&
                r.personId !== 'child',
            )
            .map((r) => r.personId),
        );
        expect(new Set(ids)).toEqual(expected);
        expect(ids.length).toBe(expected.size);
      }),
    );
  });

  it('never masks a guardian of a child without skyddade personuppgifter', () => {
    fc.assert(
      fc.property(relationsArb, (relations) => {
        expect(guardiansOf('child', 'none', relations).every((g) => !g.masked)).toBe(true);
      }),
    );
  });

  it('masks only a guardian recorded as using violence against the child or a parent', () => {
    fc.assert(
      fc.property(protectionArb, relationsArb, (level, relations) => {
        const holding = relations.filter((r) => r.status === 'current');
        for (const g of guardiansOf('child', level, relations)) {
          const violent = holding.some((r) =>
            people.some((to) => to !== g.guardianId && usesViolenceAgainst(r, g.guardianId, to)),
          );
          if (g.masked) {
            expect(isProtected(level)).toBe(true);
            expect(violent).toBe(true);
          }
        }
      }),
    );
  });

  it('masks a violent guardian of a protected child, whichever way the relation was recorded', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...protectionLevels.filter((l) => l !== 'none')),
        fc.boolean(),
        relationsArb,
        (level, fromChild, others) => {
          const relations: GuardianRelation[] = [
            ...others,
            {
              personId: 'father',
              relatedPersonId: 'child',
              kind: 'parent_of',
              violence: 'none',
              guardian: true,
              status: 'current',
            },
            fromChild
              ? {
                  personId: 'child',
                  relatedPersonId: 'father',
                  kind: 'other_relative',
                  violence: 'related_against_person',
                  guardian: false,
                  status: 'current',
                }
              : {
                  personId: 'father',
                  relatedPersonId: 'child',
                  kind: 'other_relative',
                  violence: 'person_against_related',
                  guardian: false,
                  status: 'current',
                },
          ];
          const father = guardiansOf('child', level, relations).find(
            (g) => g.guardianId === 'father',
          );
          expect(father?.masked).toBe(true);
        },
      ),
    );
  });

  it('counts violence against the other parent, but not an ended relation', () => {
    const base: GuardianRelation[] = [
      {
        personId: 'father',
        relatedPersonId: 'child',
        kind: 'parent_of',
        violence: 'none',
        guardian: true,
        status: 'current',
      },
      {
        personId: 'mother',
        relatedPersonId: 'child',
        kind: 'parent_of',
        violence: 'none',
        guardian: true,
        status: 'current',
      },
    ];
    const partner = (status: GuardianRelation['status']): GuardianRelation => ({
      personId: 'father',
      relatedPersonId: 'mother',
      kind: 'partner',
      violence: 'person_against_related',
      guardian: false,
      status,
    });
    expect(guardiansOf('child', 'protected_registration', [...base, partner('current')])).toEqual([
      { guardianId: 'father', masked: true },
      { guardianId: 'mother', masked: false },
    ]);
    expect(
      guardiansOf('child', 'protected_registration', [...base, partner('wrongly_recorded')]),
    ).toEqual([
      { guardianId: 'father', masked: false },
      { guardianId: 'mother', masked: false },
    ]);
  });
});
