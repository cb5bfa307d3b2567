/**
 * A counterpart is what a person's file records about someone related to them: above all the
 * person who uses violence against them, or another member of the household — known by identity
 * number or only by name or description, whether or not that someone has a file here [000 3.1.4;
 * 001 Intern samverkan]. What she told about him is part of *her* file.
 *
 * A counterpart with a known identity number is linked to the person in Värn with the same
 * number, but **for the rules only**: the safe-channel check refuses a channel found in either
 * file, the risk work can reach the facts it needs. Neither handläggare sees the other file's
 * content through the link, nor whether it exists, unless the policy allows it.
 *
 * Pure: rows come in as arguments.
 */
import type { ChannelKind } from './safe-channel.ts';

export const counterpartRelations = [
  'partner',
  'former_partner',
  'parent',
  'child',
  'sibling',
  'other_relative',
  'other',
] as const;
export type CounterpartRelation = (typeof counterpartRelations)[number];

export const recordStatuses = ['current', 'ended', 'wrongly_recorded'] as const;
/** 'ended': held once and no longer (they separated). 'wrongly_recorded': never held. */
export type RecordStatus = (typeof recordStatuses)[number];

export interface KnownChannel {
  kind: ChannelKind;
  value: string;
}

export interface CounterpartVersion {
  id: string;
  version: number;
  /** Whose file it belongs to. */
  personId: string;
  caseId: string;
  identity: { kind: 'personnummer' | 'samordningsnummer'; normalized: string } | null;
  givenName: string | null;
  familyName: string | null;
  description: string | null;
  relation: CounterpartRelation;
  usesViolence: boolean;
  /** null: not known. */
  livesTogether: boolean | null;
  contact: KnownChannel[];
  whereabouts: string | null;
  status: RecordStatus;
  changeReason: string | null;
  recordedBy: string;
  recordedAt: Date;
}

/** The latest version of each counterpart, in the order they were first recorded. */
export function latestVersions<T extends { id: string; version: number }>(
  versions: readonly T[],
): T[] {
  const latest = new Map<string, T>();
  for (const v of versions) {
    const seen = latest.get(v.id);
    if (!seen || v.version > seen.version) latest.set(v.id, v);
  }
  return [...latest.values()];
}

/** The counterparts that hold now: not ended, not recorded by mistake. */
export const currentCounterparts = <T extends { status: RecordStatus }>(all: readonly T[]) =>
  all.filter((c) => c.status === 'current');

/**
 * The channels a safe-channel check must treat as reachable by those who use violence against
 * the person: what her file records of their contact details, and — through the link — the
 * channels registered on their own files. Only counterparts that hold now and use violence.
 */
export function channelsOfThoseUsingViolence(
  counterparts: readonly Pick<CounterpartVersion, 'usesViolence' | 'status' | 'contact'>[],
  linkedFilesChannels: readonly KnownChannel[],
): KnownChannel[] {
  return [
    ...currentCounterparts(counterparts)
      .filter((c) => c.usesViolence)
      .flatMap((c) => c.contact),
    ...linkedFilesChannels,
  ];
}

/** How a counterpart is named in her file: the name if known, else the description. */
export function counterpartName(
  c: Pick<CounterpartVersion, 'givenName' | 'familyName' | 'description'>,
): string {
  const name = [c.givenName, c.familyName].filter(Boolean).join(' ');
  return name || c.description || 'Okänd person';
}
