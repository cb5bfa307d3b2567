/**
 * A child's vårdnadshavare as the child's file shows them (issue 14). A guardian is a parent (or
 * carer) recorded as such by a relation that holds. The child's handläggare calls the guardians —
 * unless a guardian is the one who uses violence and the child is protected from them: then the
 * guardian is masked, so that the file does not lead to the person the child is hidden from, nor
 * invite a call that would tell them where the child is.
 *
 * Pure: the relations come in as arguments.
 */
import { isProtected } from './protection.ts';
import type { ProtectionLevel } from './protection.ts';
import type { StoredRelationKind, StoredViolence } from './relations.ts';

export interface GuardianRelation {
  personId: string;
  relatedPersonId: string;
  kind: StoredRelationKind;
  violence: StoredViolence;
  guardian: boolean;
  status: 'current' | 'ended' | 'wrongly_recorded';
}

export interface GuardianView {
  guardianId: string;
  /** Shown only as "Vårdnadshavare (skyddad uppgift)": no name, no file, no handläggare. */
  masked: boolean;
}

/** Whether `from` uses violence against `to` by this relation, read from either direction. */
export function usesViolenceAgainst(r: GuardianRelation, from: string, to: string): boolean {
  if (r.personId === from && r.relatedPersonId === to) {
    return r.violence === 'person_against_related' || r.violence === 'mutual';
  }
  if (r.personId === to && r.relatedPersonId === from) {
    return r.violence === 'related_against_person' || r.violence === 'mutual';
  }
  return false;
}

/**
 * The child's guardians, in the order recorded, each masked or not. A guardian uses violence in
 * the sense of this rule when a relation that holds records violence by them against the child or
 * against another of the child's parents (the one the child lives with, as a rule). Protection
 * from them is the child's skyddade personuppgifter.
 */
export function guardiansOf(
  childId: string,
  childProtection: ProtectionLevel,
  relations: readonly GuardianRelation[],
): GuardianView[] {
  const holding = relations.filter((r) => r.status === 'current');
  const parentsOf = (id: string) =>
    holding
      .filter((r) => r.kind === 'parent_of' && r.relatedPersonId === id)
      .map((r) => r.personId);
  const guardians = [
    ...new Set(
      holding
        .filter(
          (r) =>
            r.guardian &&
            (r.kind === 'parent_of' || r.kind === 'carer') &&
            r.relatedPersonId === childId &&
            r.personId !== childId,
        )
        .map((r) => r.personId),
    ),
  ];
  const parents = parentsOf(childId);
  return guardians.map((guardianId) => {
    const violent = holding.some(
      (r) =>
        usesViolenceAgainst(r, guardianId, childId) ||
        parents.some((p) => p !== guardianId && usesViolenceAgainst(r, guardianId, p)),
    );
    return { guardianId, masked: violent && isProtected(childProtection) };
  });
}
