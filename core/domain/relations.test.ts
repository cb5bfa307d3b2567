import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { relationFromSide, relationToStore } from './relations.ts';
import type { RelationKindView, ViolenceView } from './relations.ts';

const kinds: RelationKindView[] = [
  'partner',
  'former_partner',
  'parent_of',
  'child_of',
  'sibling',
  'other_relative',
  'carer',
];
const violences: ViolenceView[] = ['unknown', 'none', 'uses_violence', 'subjected', 'mutual'];

describe('relations seen from each side', () => {
  it('shows what was entered, from the side it was entered on', () => {
    fc.assert(
      fc.property(
        fc.uuid(),
        fc.uuid(),
        fc.constantFrom(...kinds),
        fc.constantFrom(...violences),
        (me, other, kind, violence) => {
          fc.pre(me !== other);
          const stored = relationToStore(me, { otherPersonId: other, kind, violence });
          expect(relationFromSide(stored, me)).toEqual({ otherPersonId: other, kind, violence });
        },
      ),
    );
  });

  it('shows the mirror image from the other side', () => {
    fc.assert(
      fc.property(
        fc.uuid(),
        fc.uuid(),
        fc.constantFrom(...kinds),
        fc.constantFrom(...violences),
        (me, other, kind, violence) => {
          fc.pre(me !== other);
          const seen = relationFromSide(
            relationToStore(me, { otherPersonId: other, kind, violence }),
            other,
          );
          expect(seen.otherPersonId).toBe(me);
          const mirrorKind =
            kind === 'parent_of' ? 'child_of' : kind === 'child_of' ? 'parent_of' : kind;
          const mirrorViolence =
            violence === 'uses_violence'
              ? 'subjected'
              : violence === 'subjected'
                ? 'uses_violence'
                : violence;
          expect(seen).toEqual({ otherPersonId: me, kind: mirrorKind, violence: mirrorViolence });
        },
      ),
    );
  });

  it('stores a parent–child relation from the parent’s side', () => {
    const stored = relationToStore('child', {
      otherPersonId: 'mother',
      kind: 'child_of',
      violence: 'subjected',
    });
    expect(stored).toEqual({
      personId: 'mother',
      relatedPersonId: 'child',
      kind: 'parent_of',
      violence: 'person_against_related',
    });
  });
});
