/**
 * A relation is stored once, directed from `person` to `related`; each file shows it from its own
 * side. "parent_of" seen from the child is "child_of"; violence "person_against_related" seen from
 * the related person is "subjected" (to violence by the other).
 */
export type StoredRelationKind =
  'partner' | 'former_partner' | 'parent_of' | 'sibling' | 'other_relative' | 'carer';
export type StoredViolence =
  'unknown' | 'none' | 'person_against_related' | 'related_against_person' | 'mutual';

export type RelationKindView = StoredRelationKind | 'child_of';
export type ViolenceView = 'unknown' | 'none' | 'uses_violence' | 'subjected' | 'mutual';

export interface StoredRelation {
  personId: string;
  relatedPersonId: string;
  kind: StoredRelationKind;
  violence: StoredViolence;
}

export interface RelationFromSide {
  otherPersonId: string;
  kind: RelationKindView;
  violence: ViolenceView;
}

const violenceFromPerson: Record<StoredViolence, ViolenceView> = {
  unknown: 'unknown',
  none: 'none',
  mutual: 'mutual',
  person_against_related: 'uses_violence',
  related_against_person: 'subjected',
};
const violenceFromRelated: Record<StoredViolence, ViolenceView> = {
  ...violenceFromPerson,
  person_against_related: 'subjected',
  related_against_person: 'uses_violence',
};

/** The relation as the file of `viewerPersonId` shows it. */
export function relationFromSide(
  relation: StoredRelation,
  viewerPersonId: string,
): RelationFromSide {
  if (viewerPersonId === relation.personId) {
    return {
      otherPersonId: relation.relatedPersonId,
      kind: relation.kind,
      violence: violenceFromPerson[relation.violence],
    };
  }
  if (viewerPersonId !== relation.relatedPersonId) {
    throw new Error('The viewer is not an end of this relation');
  }
  return {
    otherPersonId: relation.personId,
    kind: relation.kind === 'parent_of' ? 'child_of' : relation.kind,
    violence: violenceFromRelated[relation.violence],
  };
}

const storedViolence: Record<ViolenceView, StoredViolence> = {
  unknown: 'unknown',
  none: 'none',
  mutual: 'mutual',
  uses_violence: 'person_against_related',
  subjected: 'related_against_person',
};

const mirroredViolence: Record<ViolenceView, ViolenceView> = {
  unknown: 'unknown',
  none: 'none',
  mutual: 'mutual',
  uses_violence: 'subjected',
  subjected: 'uses_violence',
};

/** How to store a relation entered on `viewerPersonId`'s file. */
export function relationToStore(viewerPersonId: string, entered: RelationFromSide): StoredRelation {
  if (entered.kind === 'child_of') {
    // Stored from the parent's side: the direction flips, and the violence with it.
    return {
      personId: entered.otherPersonId,
      relatedPersonId: viewerPersonId,
      kind: 'parent_of',
      violence: storedViolence[mirroredViolence[entered.violence]],
    };
  }
  return {
    personId: viewerPersonId,
    relatedPersonId: entered.otherPersonId,
    kind: entered.kind,
    violence: storedViolence[entered.violence],
  };
}
