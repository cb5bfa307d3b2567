import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  correctRelation,
  counterpartProblems,
  guardianKinds,
  livesTogetherFromStore,
  livesTogetherToStore,
  seenDetails,
  statusChangeProblem,
} from './counterpart-records.ts';
import type { StoredRelationState } from './counterpart-records.ts';
import { relationFromSide } from './relations.ts';
import type {
  RelationKindView,
  StoredRelationKind,
  StoredViolence,
  ViolenceView,
} from './relations.ts';
import { recordStatuses } from './counterparts.ts';

const text = fc.option(fc.string({ minLength: 1, maxLength: 20 }), { nil: null });
const storedKinds: StoredRelationKind[] = [
  'partner',
  'former_partner',
  'parent_of',
  'sibling',
  'other_relative',
  'carer',
];
const viewKinds: RelationKindView[] = [...storedKinds, 'child_of'];
const storedViolences: StoredViolence[] = [
  'unknown',
  'none',
  'person_against_related',
  'related_against_person',
  'mutual',
];
const viewViolences: ViolenceView[] = ['unknown', 'none', 'uses_violence', 'subjected', 'mutual'];
const state = fc.record<StoredRelationState>({
  kind: fc.constantFrom(...storedKinds),
  violence: fc.constantFrom(...storedViolences),
  guardian: fc.boolean(),
  status: fc.constantFrom(...recordStatuses),
});

describe('a counterpart as entered', () => {
  it('needs a number, a name or a description, and is never the person herself', () => {
    fc.assert(
      fc.property(text, text, text, text, text, (number, given, family, description, own) => {
        const problems = counterpartProblems(
          { identityNumber: number, givenName: given, familyName: family, description },
          own,
        );
        const anonymous = !number && !given && !family && !description;
        const herself = !!number && !!own && number === own;
        expect(problems.length).toBe(Number(anonymous) + Number(herself));
      }),
    );
  });

  it('stores "bor tillsammans" as yes, no or not known, and reads it back', () => {
    for (const v of ['yes', 'no', 'unknown'] as const) {
      expect(livesTogetherFromStore(livesTogetherToStore(v))).toBe(v);
    }
  });

  it('masks contact details and whereabouts to what exists, never their values', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ kind: fc.constant('phone' as const), value: fc.string() })),
        text,
        (contact, whereabouts) => {
          const masked = seenDetails({ contact, whereabouts }, false);
          expect(masked).toEqual({
            masked: true,
            contactCount: contact.length,
            hasWhereabouts: whereabouts !== null,
          });
          expect(seenDetails({ contact, whereabouts }, true)).toEqual({
            masked: false,
            contact,
            whereabouts,
          });
        },
      ),
    );
  });

  it('ends or marks wrong only what holds now', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...recordStatuses),
        fc.constantFrom(...recordStatuses),
        (from, to) => {
          const problem = statusChangeProblem(from, to);
          expect(problem === undefined).toBe(from === 'current' && to !== 'current');
        },
      ),
    );
  });
});

describe('a relation corrected from either end', () => {
  it('keeps the direction: the other end sees what was entered on this one', () => {
    fc.assert(
      fc.property(
        state,
        fc.boolean(),
        fc.constantFrom(...viewKinds),
        fc.constantFrom(...viewViolences),
        fc.boolean(),
        (current, viewerIsPerson, kind, violence, guardian) => {
          const result = correctRelation(current, viewerIsPerson, { kind, violence, guardian });
          if (!result.ok) return;
          const seen = relationFromSide(
            { personId: 'p', relatedPersonId: 'r', ...result.next },
            viewerIsPerson ? 'p' : 'r',
          );
          expect({ kind: seen.kind, violence: seen.violence }).toEqual({ kind, violence });
          // Vårdnadshavare only of a parent or a carer.
          if (result.next.guardian) expect(guardianKinds).toContain(result.next.kind);
          // Something changed: the relation holds again, or what it says.
          if (current.status === 'current')
            expect(result.next).not.toEqual({
              kind: current.kind,
              violence: current.violence,
              guardian: current.guardian,
            });
        },
      ),
    );
  });

  it('refuses a guardian on a relation that is not a parent’s or a carer’s', () => {
    const result = correctRelation(
      { kind: 'sibling', violence: 'none', guardian: false, status: 'current' },
      true,
      { kind: 'sibling', violence: 'none', guardian: true },
    );
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          field: 'guardian',
          message: 'Vårdnadshavare kan bara anges för en förälder eller en annan vårdnadshavare.',
        },
      ],
    });
  });

  it('refuses turning who is the parent around; restores a relation ended by mistake', () => {
    const parent = {
      kind: 'parent_of',
      violence: 'none',
      guardian: true,
      status: 'current',
    } as const;
    expect(
      correctRelation(parent, true, { kind: 'child_of', violence: 'none', guardian: true }).ok,
    ).toBe(false);
    expect(
      correctRelation(parent, false, { kind: 'parent_of', violence: 'none', guardian: true }).ok,
    ).toBe(false);
    expect(
      correctRelation(parent, false, { kind: 'child_of', violence: 'subjected', guardian: true }),
    ).toEqual({
      ok: true,
      next: { kind: 'parent_of', violence: 'person_against_related', guardian: true },
    });
    expect(
      correctRelation({ ...parent, status: 'ended' }, true, {
        kind: 'parent_of',
        violence: 'none',
        guardian: true,
      }),
    ).toEqual({ ok: true, next: { kind: 'parent_of', violence: 'none', guardian: true } });
  });
});
