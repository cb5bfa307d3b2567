/**
 * The rules of recording and correcting what a file says about the people around the person:
 * counterparts (core/domain/counterparts.ts) and relations between two persons in Värn
 * (core/domain/relations.ts). Nothing is erased: a correction, an ending or a mistake is a new
 * version with its reason.
 *
 * Pure: everything comes in as arguments.
 */
import type { KnownChannel, RecordStatus } from './counterparts.ts';
import type {
  RelationKindView,
  StoredRelationKind,
  StoredViolence,
  ViolenceView,
} from './relations.ts';

export interface Problem {
  field: string;
  message: string;
}

/** What is asked of a counterpart beyond its form: how to know who he is. */
export interface CounterpartIdentifying {
  identityNumber: string | null;
  givenName: string | null;
  familyName: string | null;
  description: string | null;
}

/**
 * Problems with a counterpart as entered: someone must be identifiable (by number, name or a
 * description), and not the person herself.
 */
export function counterpartProblems(
  c: CounterpartIdentifying,
  ownIdentityNumber: string | null,
): Problem[] {
  const problems: Problem[] = [];
  if (!c.identityNumber && !c.givenName && !c.familyName && !c.description) {
    problems.push({
      field: 'givenName',
      message: 'Ange personnummer, namn eller en beskrivning av personen.',
    });
  }
  if (c.identityNumber && ownIdentityNumber && c.identityNumber === ownIdentityNumber) {
    problems.push({
      field: 'identity.number',
      message: 'Personnumret är personens eget. Ange den andra personens nummer.',
    });
  }
  return problems;
}

export type LivesTogether = 'yes' | 'no' | 'unknown';
export const livesTogetherToStore = (v: LivesTogether): boolean | null =>
  v === 'unknown' ? null : v === 'yes';
export const livesTogetherFromStore = (v: boolean | null): LivesTogether =>
  v === null ? 'unknown' : v ? 'yes' : 'no';

/** Contact details and whereabouts as a reader sees them: in full, or only that they exist. */
export type SeenDetails =
  | { masked: false; contact: KnownChannel[]; whereabouts: string | null }
  | { masked: true; contactCount: number; hasWhereabouts: boolean };

/**
 * Where her file is protected, what it records of his contact details and whereabouts could
 * point to her (a shared address, a number that reaches her too): only a reader who may see her
 * protected details sees them; others see that they exist.
 */
export function seenDetails(
  d: { contact: readonly KnownChannel[]; whereabouts: string | null },
  mayReadDetails: boolean,
): SeenDetails {
  return mayReadDetails
    ? { masked: false, contact: [...d.contact], whereabouts: d.whereabouts }
    : { masked: true, contactCount: d.contact.length, hasWhereabouts: d.whereabouts !== null };
}

/** A status change needs a status that changes something: only a current record ends. */
export function statusChangeProblem(from: RecordStatus, to: RecordStatus): string | undefined {
  if (from !== 'current') {
    return from === 'ended'
      ? 'Uppgiften är redan avslutad. Den finns kvar i historiken.'
      : 'Uppgiften är redan markerad som felregistrerad. Den finns kvar i historiken.';
  }
  if (to === 'current') return 'Välj om uppgiften har upphört eller var felregistrerad.';
  return undefined;
}

/** The kinds of relation for which "vårdnadshavare" means something. */
export const guardianKinds: readonly StoredRelationKind[] = ['parent_of', 'carer'];

export interface StoredRelationState {
  kind: StoredRelationKind;
  violence: StoredViolence;
  guardian: boolean;
  status: RecordStatus;
}

const toStoredViolence: Record<ViolenceView, StoredViolence> = {
  unknown: 'unknown',
  none: 'none',
  mutual: 'mutual',
  uses_violence: 'person_against_related',
  subjected: 'related_against_person',
};
const mirrored: Record<StoredViolence, StoredViolence> = {
  unknown: 'unknown',
  none: 'none',
  mutual: 'mutual',
  person_against_related: 'related_against_person',
  related_against_person: 'person_against_related',
};

export type RelationCorrection =
  { ok: true; next: Omit<StoredRelationState, 'status'> } | { ok: false; problems: Problem[] };

/**
 * A relation corrected from the file of one of its ends: kind and violence as that file shows
 * them, and whether the parent or carer is the child's vårdnadshavare; a relation ended or marked
 * wrongly recorded by mistake holds again once corrected. The relation keeps its
 * direction (who is the parent is not corrected: that is another relation, recorded anew once
 * this one is marked wrongly recorded). A correction that changes nothing is refused.
 */
export function correctRelation(
  current: StoredRelationState,
  viewerIsPerson: boolean,
  entered: { kind: RelationKindView; violence: ViolenceView; guardian: boolean },
): RelationCorrection {
  const problems: Problem[] = [];
  let kind: StoredRelationKind | undefined;
  if (entered.kind === 'child_of') {
    if (viewerIsPerson) {
      problems.push({
        field: 'kind',
        message:
          'Vem som är förälder kan inte rättas. Markera relationen som felregistrerad och registrera en ny.',
      });
    } else kind = 'parent_of';
  } else if (entered.kind === 'parent_of' && !viewerIsPerson) {
    problems.push({
      field: 'kind',
      message:
        'Vem som är förälder kan inte rättas. Markera relationen som felregistrerad och registrera en ny.',
    });
  } else {
    kind = entered.kind;
  }
  if (kind && entered.guardian && !guardianKinds.includes(kind)) {
    problems.push({
      field: 'guardian',
      message: 'Vårdnadshavare kan bara anges för en förälder eller en annan vårdnadshavare.',
    });
  }
  if (problems.length > 0 || !kind) return { ok: false, problems };
  const stored = toStoredViolence[entered.violence];
  const next = {
    kind,
    violence: viewerIsPerson ? stored : mirrored[stored],
    guardian: entered.guardian,
  };
  if (
    current.status === 'current' &&
    next.kind === current.kind &&
    next.violence === current.violence &&
    next.guardian === current.guardian
  ) {
    return {
      ok: false,
      problems: [
        { field: 'kind', message: 'Inget är ändrat. Ändra något, eller avsluta relationen.' },
      ],
    };
  }
  return { ok: true, next };
}
