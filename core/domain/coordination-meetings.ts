/**
 * Samråd: a structured meeting of the units and agencies around a person or a family, which
 * decides who investigates what and in which order, documents it and follows it up; anyone
 * involved may call one [002 Samordning och samråd; domain.md §3.6]. Each member of the family
 * has a file of their own, and a samråd must not carry one member's data into another's file
 * [000 3.1.4]. So:
 * - a file is in a samråd only because someone who works it joined it;
 * - every participant from outside a file's own unit is there, for that file, on a ground — the
 *   person's consent or a legal basis with its secrecy test (core/domain/consents.ts) — checked
 *   again on the day the samråd is held, and recorded as a disclosure then;
 * - the minutes are written once, and each point belongs to one file: each file gets only what
 *   concerns its person.
 *
 * Pure: the meeting comes in as arguments; nothing is read.
 */
import { disclosureCovered } from './consents.ts';
import type { Coverage, Ground, InformationCategory, Recipient } from './consents.ts';

export const meetingItemKinds = ['question', 'decision', 'action'] as const;
export type MeetingItemKind = (typeof meetingItemKinds)[number];
export const meetingItemKindLabels: Record<MeetingItemKind, string> = {
  question: 'Fråga',
  decision: 'Beslut vid samrådet',
  action: 'Åtgärd',
};

/** A file in the samråd: whose, and which unit keeps it. */
export interface MeetingFile {
  caseId: string;
  personId: string;
  unitId: string;
  unitName: string;
}

export interface MeetingParticipant {
  id: string;
  recipient: Recipient;
  /** The attendee as the minutes name them: "Eva Ek, kurator". */
  name: string;
}

/** The ground a file's handläggare recorded for one participant's presence. */
export interface PresenceGround {
  caseId: string;
  participantId: string;
  categories: readonly InformationCategory[];
  ground: Ground;
}

/**
 * Whether a participant needs a ground to be present for a file: everyone but the file's own
 * unit, which keeps the file.
 */
export function needsGround(file: MeetingFile, participant: MeetingParticipant): boolean {
  const r = participant.recipient;
  return !(r.kind === 'unit' && r.id === file.unitId);
}

const key = (caseId: string, participantId: string) => `${caseId} ${participantId}`;

/** The ground that counts for each (file, participant): the newest recorded, given newest last. */
export function currentGrounds<G extends PresenceGround>(grounds: readonly G[]): Map<string, G> {
  return new Map(grounds.map((g) => [key(g.caseId, g.participantId), g]));
}

/** The ground comes back as stored, so a caller's own fields on it (its text) come with it. */
export type PresenceStatus<G extends PresenceGround = PresenceGround> =
  | { status: 'own_unit' }
  | { status: 'missing' }
  | { status: 'covered'; ground: G }
  | { status: 'not_covered'; ground: G; reason: string };

/** How one participant's presence for one file stands on a day. */
export function presence<G extends PresenceGround>(
  file: MeetingFile,
  participant: MeetingParticipant,
  grounds: ReadonlyMap<string, G>,
  on: string,
): PresenceStatus<G> {
  if (!needsGround(file, participant)) return { status: 'own_unit' };
  const ground = grounds.get(key(file.caseId, participant.id));
  if (!ground) return { status: 'missing' };
  const coverage: Coverage = disclosureCovered(
    {
      personId: file.personId,
      categories: ground.categories,
      recipient: participant.recipient,
      purpose: 'coordination_meeting',
      on,
    },
    ground.ground,
  );
  return coverage.covered
    ? { status: 'covered', ground }
    : { status: 'not_covered', ground, reason: coverage.reason };
}

/** One point of the minutes as written. */
export interface MinutesItem {
  caseId: string;
  kind: MeetingItemKind;
  text: string;
  owner:
    | { kind: 'handler'; userId: string | null }
    | { kind: 'participant'; participantId: string }
    | null;
  dueOn: string | null;
}

export interface HoldInput {
  files: readonly MeetingFile[];
  participants: readonly MeetingParticipant[];
  grounds: ReadonlyMap<string, PresenceGround>;
  calledOn: string;
  heldOn: string;
  followUpOn: string | null;
  items: readonly MinutesItem[];
  today: string;
  /** The files whose reasons the holder may read; for the others a sentence that tells nothing. */
  readable: ReadonlySet<string>;
}

/**
 * Everything that stands in the way of holding the samråd with these minutes, as Swedish
 * sentences; none when it may be held. A reason from a file's register is given only to a
 * holder who may read that file: to the others the sentence names the participant and the
 * file's unit, and says who can put it right.
 */
export function holdProblems(input: HoldInput): string[] {
  const { files, participants, grounds, heldOn, items } = input;
  const problems: string[] = [];
  if (heldOn > input.today) problems.push('Samrådet kan inte ha hållits i framtiden.');
  if (heldOn < input.calledOn) {
    problems.push(`Samrådet kan inte ha hållits före ${input.calledOn}, då det kallades.`);
  }
  if (input.followUpOn !== null && input.followUpOn < heldOn) {
    problems.push('Det uppföljande samrådet kan inte ligga före samrådet.');
  }
  if (files.length === 0) problems.push('Ingen akt är ansluten till samrådet.');
  for (const file of files) {
    for (const p of participants) {
      const s = presence(file, p, grounds, heldOn);
      if (s.status === 'missing') {
        problems.push(
          `${p.recipient.name} saknar grund för sin närvaro för akten hos ${file.unitName}. Den som handlägger akten registrerar samtycke eller lagstöd.`,
        );
      } else if (s.status === 'not_covered') {
        problems.push(
          input.readable.has(file.caseId)
            ? s.reason
            : `Grunden för ${p.recipient.name}s närvaro för akten hos ${file.unitName} gäller inte längre. Den som handlägger akten registrerar en ny grund.`,
        );
      }
    }
  }
  const joined = new Set(files.map((f) => f.caseId));
  const ids = new Set(participants.map((p) => p.id));
  items.forEach((item, i) => {
    const n = i + 1;
    if (!joined.has(item.caseId)) {
      problems.push(`Punkt ${n} hör till en akt som inte är ansluten till samrådet.`);
    }
    if (item.kind !== 'action') {
      if (item.owner !== null || item.dueOn !== null) {
        problems.push(`Punkt ${n} är ingen åtgärd och har varken ansvarig eller datum.`);
      }
      return;
    }
    if (item.owner === null) problems.push(`Ange vem som ansvarar för åtgärd ${n}.`);
    else if (item.owner.kind === 'handler' && item.owner.userId === null) {
      problems.push(
        `Akten som åtgärd ${n} hör till har ingen handläggare. Välj en deltagare som ansvarig.`,
      );
    } else if (item.owner.kind === 'participant' && !ids.has(item.owner.participantId)) {
      problems.push(`Den ansvariga för åtgärd ${n} deltar inte i samrådet.`);
    }
    if (item.dueOn === null) problems.push(`Ange när åtgärd ${n} ska vara klar.`);
    else if (item.dueOn < heldOn) {
      problems.push(`Datumet för åtgärd ${n} kan inte ligga före samrådet.`);
    }
  });
  return problems;
}

/**
 * The disclosures holding the samråd makes: for each file, each participant present on a ground.
 * Call only when holdProblems found none: every such presence is then covered.
 */
export function meetingDisclosures(
  files: readonly MeetingFile[],
  participants: readonly MeetingParticipant[],
  grounds: ReadonlyMap<string, PresenceGround>,
  heldOn: string,
): { file: MeetingFile; participant: MeetingParticipant; ground: PresenceGround }[] {
  return files.flatMap((file) =>
    participants.flatMap((participant) => {
      const s = presence(file, participant, grounds, heldOn);
      return s.status === 'covered' ? [{ file, participant, ground: s.ground }] : [];
    }),
  );
}

/** What of the minutes goes into one file: its own points, in the order they were written. */
export function minutesFor<T extends { caseId: string }>(caseId: string, items: readonly T[]): T[] {
  return items.filter((i) => i.caseId === caseId);
}
