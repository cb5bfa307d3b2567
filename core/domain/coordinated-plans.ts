/**
 * SIP (samordnad individuell plan, with the region when health care is involved) and intern
 * samverkansplan (several units of the municipality around one family): a plan of one person's
 * that states the insatser needed, who is responsible for what, what others do, who holds the
 * overall responsibility, and when it is followed up [000 §4; 001 Samverkan; domain.md §3.6].
 * Both rest on the person's consent alone (legalBasesFor in consents.ts): every participant from
 * outside the file's own unit takes part on a consent of the file's register that covers the
 * plan's categories, to that participant, for that kind of plan — checked by the one rule,
 * disclosureCovered, on the day each version is written.
 *
 * Pure: the plan and the consents come in as arguments; nothing is read.
 */
import { disclosureCovered } from './consents.ts';
import type { Consent, DisclosurePurpose, InformationCategory, Recipient } from './consents.ts';

export const planKinds = ['sip', 'internal'] as const;
export type PlanKind = (typeof planKinds)[number];

export const planKindLabels: Record<PlanKind, string> = {
  sip: 'SIP, samordnad individuell plan',
  internal: 'Intern samverkansplan',
};

/** The purpose a consent names for each kind of plan. */
export const planPurpose: Record<PlanKind, DisclosurePurpose> = {
  sip: 'coordinated_plan',
  internal: 'internal_plan',
};

export interface PlanParticipant {
  recipient: Recipient;
  /** The attendee: "Eva Ek, distriktssköterska". */
  name: string;
  role: string;
  /** What this participant is responsible for in the plan. */
  responsibility: string;
  /** The consent this participant takes part on; null for the file's own unit. */
  consentId: string | null;
}

export interface PlanContent {
  /** The insatser the person needs. */
  needs: string;
  participants: readonly PlanParticipant[];
  /** What others do: the person herself, her network, others outside the plan. */
  othersDo: string;
  /** The participant (by position) who holds the overall responsibility. */
  overallResponsible: number;
  followUpOn: string;
  /** What the plan shares with its participants. */
  categories: readonly InformationCategory[];
}

/** Whether a participant takes part on a consent: everyone but the file's own unit. */
export function needsConsent(p: Pick<PlanParticipant, 'recipient'>, ownUnitId: string): boolean {
  return !(p.recipient.kind === 'unit' && p.recipient.id === ownUnitId);
}

/**
 * What stands in the way of writing this version of the plan, as Swedish sentences; none when
 * it may be written. `consents` are the file's own consents by id (those named and found).
 */
export function planProblems(input: {
  kind: PlanKind;
  content: PlanContent;
  personId: string;
  ownUnitId: string;
  consents: ReadonlyMap<string, Consent>;
  today: string;
}): string[] {
  const { kind, content, ownUnitId, today } = input;
  const problems: string[] = [];
  const outside = content.participants.filter((p) => needsConsent(p, ownUnitId));
  if (kind === 'sip' && !outside.some((p) => p.recipient.kind === 'agency')) {
    problems.push(
      'En SIP görs tillsammans med regionen. Lägg till hälso- och sjukvården (regionen) som deltagare.',
    );
  }
  if (kind === 'internal' && !outside.some((p) => p.recipient.kind === 'unit')) {
    problems.push(
      'En intern samverkansplan görs av flera enheter i kommunen. Lägg till minst en enhet till.',
    );
  }
  if (!content.participants[content.overallResponsible]) {
    problems.push('Ange vem som har det övergripande ansvaret för planen.');
  }
  if (content.followUpOn < today) {
    problems.push('Datum för uppföljning av planen kan inte ligga före idag.');
  }
  content.participants.forEach((p, i) => {
    if (!needsConsent(p, ownUnitId)) return;
    const consent = p.consentId ? input.consents.get(p.consentId) : undefined;
    if (!consent) {
      problems.push(
        `${p.recipient.name} (deltagare ${i + 1}) deltar bara med personens samtycke. Välj ett samtycke i ärendets samtyckesregister.`,
      );
      return;
    }
    const coverage = disclosureCovered(
      {
        personId: input.personId,
        categories: content.categories,
        recipient: p.recipient,
        purpose: planPurpose[kind],
        on: today,
      },
      { kind: 'consent', consent },
    );
    if (!coverage.covered) problems.push(coverage.reason);
  });
  return problems;
}

/**
 * The day a plan is to be followed up, while it still is: its latest version sets the day, and a
 * follow-up recorded after that version answers it (the next day is set by revising the plan).
 * Times are compared as instants (ISO strings in UTC order).
 */
export function planFollowUpDue(
  latest: { followUpOn: string; recordedAt: string },
  followUpsRecordedAt: readonly string[],
): string | null {
  return followUpsRecordedAt.some((at) => at > latest.recordedAt) ? null : latest.followUpOn;
}
