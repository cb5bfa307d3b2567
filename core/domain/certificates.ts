/**
 * Intyg [001 Intyg; domain.md §3.7; issue 16, item 1]: a written statement of facts the social
 * services give another body at the person's request — to Skatteverket for skyddade
 * personuppgifter, to the housing queue for förtur, to her lawyer. The sources ask that it state
 * clearly why it was written and what it certifies; hold facts, not new assessments (it may point
 * to assessments already made in the case); say where each statement comes from, so that what
 * another person told is told as such; and say nothing about anyone else unless a secrecy test
 * found it may be said. Before it is issued, someone other than its writers reviews the version
 * that will be issued; an issued intyg is never changed.
 *
 * Pure: the intyg, the people of the file and the reviews come in as arguments.
 */
import { guardDestination, namesPerson } from './disclosure-guard.ts';
import type { ViolentParty } from './disclosure-guard.ts';
import type { KnownChannel } from './counterparts.ts';
import { sourceKindLabels } from './investigation-template.ts';
import type { SourceKind } from './investigation-template.ts';

export const certificatePurposes = [
  'protected_personal_data',
  'housing_priority',
  'legal_proceedings',
  'other',
] as const;
export type CertificatePurpose = (typeof certificatePurposes)[number];

export const certificatePurposeLabels: Record<CertificatePurpose, string> = {
  protected_personal_data: 'Ansökan om skyddade personuppgifter',
  housing_priority: 'Förtur i bostadskön',
  legal_proceedings: 'Rättslig process, till exempel till målsägandebiträde',
  other: 'Annat syfte',
};

/**
 * Where a statement in an intyg comes from: as in the utredning, or an assessment or other
 * record already made in the case, which the intyg may point to but not make anew.
 */
export type CertificateSourceKind = SourceKind | 'case_record';
export const certificateSourceKinds = [
  'person',
  'other_person',
  'agency',
  'own_observation',
  'case_record',
] as const satisfies readonly CertificateSourceKind[];

export const certificateSourceLabels: Record<CertificateSourceKind, string> = {
  ...sourceKindLabels,
  case_record: 'Bedömning eller uppgift som redan finns i ärendet',
};

export interface CertificateStatement {
  text: string;
  source: { kind: CertificateSourceKind; detail: string | null };
  /**
   * The secrecy test that found this statement about another person may be given; null when
   * the statement is about the person alone.
   */
  clearance: string | null;
}

/** "Källa: Personen själv", "Källa: Bedömning … – Riskbedömning 2026-11-02 (FREDA)". */
export function certificateSourceLabel(source: CertificateStatement['source']): string {
  const label = certificateSourceLabels[source.kind];
  return source.detail ? `${label} – ${source.detail}` : label;
}

/** What one version of an intyg says. */
export interface CertificateContent {
  purpose: CertificatePurpose;
  /** Why it was written, in words: "Underlag till ansökan om skyddade personuppgifter". */
  purposeText: string;
  /** Who receives it, and where it is sent if it is not handed to the person herself. */
  recipient: { name: string; channel: KnownChannel | null };
  /** What is certified, in one or a few sentences. */
  certifies: string;
  statements: readonly CertificateStatement[];
}

/** A person of the file other than the one the intyg is about: a counterpart, a relative. */
export interface OtherPerson {
  givenName: string | null;
  familyName: string | null;
}

/**
 * What stands in the way of issuing this content, as Swedish sentences a handläggare can act
 * on; none when it may leave. A statement that names another person of the file needs its
 * secrecy test; the recipient must be nobody who uses violence against the person, nor reached
 * through a channel one of them can reach (the disclosure guard). A sentence never repeats the
 * other person's name.
 */
export function certificateProblems(
  content: CertificateContent,
  people: { others: readonly OtherPerson[]; violent: readonly ViolentParty[] },
): string[] {
  const problems: string[] = [];
  const others = [...people.others, ...people.violent];
  content.statements.forEach((s, i) => {
    if (s.clearance) return;
    const written = [s.text, s.source.detail ?? ''].join(' ');
    if (others.some((o) => namesPerson(written, o))) {
      problems.push(
        `Uppgift ${i + 1} nämner en annan person än den intyget gäller. Ange sekretessprövningen som visar att uppgiften kan lämnas, eller ta bort den.`,
      );
    }
  });
  if (content.statements.length === 0) {
    problems.push('Intyget har inga uppgifter. Skriv vad som intygas och varifrån det kommer.');
  }
  problems.push(
    ...guardDestination(
      {
        names: [content.recipient.name],
        channels: content.recipient.channel ? [content.recipient.channel] : [],
      },
      people.violent,
    ),
  );
  return problems;
}

export const reviewOutcomes = ['approved', 'returned'] as const;
export type ReviewOutcome = (typeof reviewOutcomes)[number];

export interface CertificateReview {
  version: number;
  outcome: ReviewOutcome;
  reviewedBy: string;
}

/**
 * What stands in the way of issuing the intyg at `version`, as sentences: it must be the newest
 * version, not already issued, and approved at that version by someone who wrote none of its
 * versions — the last review of that version decides.
 */
export function issueProblems(input: {
  version: number;
  latestVersion: number;
  issued: boolean;
  writers: readonly string[];
  reviews: readonly CertificateReview[];
}): string[] {
  if (input.issued) return ['Intyget är redan utfärdat. Ett utfärdat intyg ändras inte.'];
  if (input.version !== input.latestVersion) {
    return [
      `Intyget har en nyare version (${input.latestVersion}). Granska och utfärda den senaste versionen.`,
    ];
  }
  const last = input.reviews.filter((r) => r.version === input.version).at(-1);
  if (!last) {
    return [
      `Version ${input.version} av intyget är inte granskad. Någon annan än den som skrev intyget måste granska det innan det utfärdas.`,
    ];
  }
  if (last.outcome === 'returned') {
    return [
      `Granskaren lämnade tillbaka version ${input.version}. Skriv en ny version och låt den granskas.`,
    ];
  }
  if (input.writers.includes(last.reviewedBy)) {
    return ['Intyget är granskat av någon som har skrivit det. Någon annan måste granska det.'];
  }
  return [];
}
