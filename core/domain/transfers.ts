/**
 * Moving a case to another municipality (2 a kap. 10 § SoL) [issue 16, item 4]. The municipality
 * responsible may ask another to take a case over when the person has the strongest connection
 * there and it is fitting, given the person's wishes, how long the need lasts and the
 * circumstances; the receiving municipality decides. Here: the handläggare writes the request
 * with those three grounds, the enhetschef decides to make it, the answer is recorded as the
 * receiving municipality gave it, and on acceptance a package is produced
 * (core/contracts/transfer-package.ts) — refused while anything in it would leak — and the case
 * is closed here once it is sent. A refusal ends the request; the municipality may ask
 * Inspektionen för vård och omsorg to decide instead (2 a kap. 11 § SoL), outside Värn.
 *
 * Pure: the facts come in as arguments.
 */
import type { KnownChannel } from './counterparts.ts';
import { guardDestination } from './disclosure-guard.ts';
import type { ViolentParty } from './disclosure-guard.ts';
import { carriesTrace } from './file-extracts.ts';

export type TransferStage =
  'requested' | 'approved' | 'refused' | 'accepted' | 'packaged' | 'completed';

export interface TransferFacts {
  approved: boolean;
  answer: 'accepted' | 'refused' | null;
  packaged: boolean;
  completed: boolean;
}

/** Where the request stands; each step rests on the one before it (the tables say so too). */
export function transferStage(f: TransferFacts): TransferStage {
  if (!f.approved) return 'requested';
  if (f.answer === null) return 'approved';
  if (f.answer === 'refused') return 'refused';
  if (!f.packaged) return 'accepted';
  return f.completed ? 'completed' : 'packaged';
}

/**
 * Whether the case is where a transfer can be asked for: past the förhandsbedömning, which ends
 * a matter on its own (and a case in it is not closed otherwise). Null when it may be.
 */
export function requestRefusal(phase: string): string | null {
  return phase === 'preliminary_assessment'
    ? 'Gör förhandsbedömningen först. Ett ärende som inte utreds avslutas med förhandsbedömningen, och personen kan vända sig till den andra kommunen.'
    : null;
}

/** A request still under way: while one is, no second is written for the same case. */
export const isPending = (stage: TransferStage) => stage !== 'refused' && stage !== 'completed';

const order: readonly TransferStage[] = [
  'requested',
  'approved',
  'accepted',
  'packaged',
  'completed',
];

export type TransferStep = 'approve' | 'answer' | 'package' | 'complete';
const stepStage: Record<TransferStep, TransferStage> = {
  approve: 'requested',
  answer: 'approved',
  package: 'accepted',
  complete: 'packaged',
};
/** What the step waits for, said from where the request stands. */
const missing: Partial<Record<TransferStage, string>> = {
  requested: 'Enhetschefen har inte beslutat att begära överflyttningen.',
  approved: 'Den mottagande kommunens svar är inte registrerat.',
  accepted: 'Överflyttningspaketet är inte framtaget.',
};
const alreadyTaken: Record<TransferStep, string> = {
  approve: 'Beslutet att begära överflyttningen är redan fattat.',
  answer: 'Den mottagande kommunens svar är redan registrerat.',
  package: 'Överflyttningspaketet är redan framtaget.',
  complete: 'Ärendet är redan överflyttat.',
};

const refusedSentence =
  'Den mottagande kommunen har avslagit begäran. Skriv en ny begäran, eller ansök om överflyttning hos Inspektionen för vård och omsorg.';

/** What the request waits for where it stands, for the list; null when nothing (or the guard). */
export function waitingFor(stage: TransferStage): string | null {
  if (stage === 'refused') return refusedSentence;
  return stage === 'accepted' ? null : (missing[stage] ?? null);
}

/** Why a step may not be taken now, as the sentence a 409 carries; null when it may. */
export function stepRefusal(stage: TransferStage, step: TransferStep): string | null {
  if (stage === 'refused') return refusedSentence;
  const at = order.indexOf(stage);
  const wanted = order.indexOf(stepStage[step]);
  if (at === wanted) return null;
  return at < wanted ? (missing[stage] ?? alreadyTaken[step]) : alreadyTaken[step];
}

/** One text that would go in the package, and where it stands, as a handläggare knows it. */
export interface PackageText {
  where: string;
  text: string;
  /** The document's file name when the text is a document's: it can be left out. */
  document: string | null;
}

/** One leak: the sentence, and the document it stands in (null: the request's own words). */
export interface Leak {
  sentence: string;
  document: string | null;
}

const channelNouns: Record<KnownChannel['kind'], string> = {
  phone: 'telefonnummer',
  email: 'e-postadress',
  address: 'adress',
  digital_mailbox: 'digitala brevlåda',
};

/**
 * What stands in the way of the package leaving, as sentences: where it is sent reaches someone
 * who uses violence against the person (the disclosure guard); for a person with skyddade
 * personuppgifter, a text in it carries one of her own addresses or phones, which never leave in
 * a document; and from the file of a person who uses violence, a text carries where someone else
 * of the file is or how they are reached (`others`, as the extract of his own file withholds
 * them): her whereabouts never follow him to the new municipality. A sentence names where the
 * text stands and what kind of data, never the data.
 */
export function packageLeaks(input: {
  destination: KnownChannel;
  receiver: string;
  parties: readonly ViolentParty[];
  protectedPerson: boolean;
  ownChannels: readonly KnownChannel[];
  /** The traces of everyone else in the file, and whether the person uses violence. */
  others: { traces: readonly string[]; usesViolence: boolean };
  texts: readonly PackageText[];
}): Leak[] {
  const leaks: Leak[] = guardDestination(
    { names: [input.receiver], channels: [input.destination] },
    input.parties,
  ).map((sentence) => ({ sentence, document: null }));
  const fix = (t: PackageText) =>
    t.document ? 'rätta dokumentet eller lämna det utanför paketet' : 'skriv om texten';
  if (input.others.usesViolence) {
    for (const t of input.texts) {
      if (input.others.traces.some((trace) => carriesTrace(t.text, trace))) {
        leaks.push({
          sentence: `${t.where} visar var en annan person i ärendet finns eller hur hen nås. Det följer inte med paketet: ${fix(t)}.`,
          document: t.document,
        });
      }
    }
  }
  if (!input.protectedPerson) return leaks;
  for (const t of input.texts) {
    for (const kind of new Set(
      input.ownChannels.filter((c) => carriesTrace(t.text, c.value)).map((c) => c.kind),
    )) {
      leaks.push({
        sentence: `${t.where} innehåller personens ${channelNouns[kind]}. Skyddade personuppgifter följer aldrig med paketet: ${fix(t)}.`,
        document: t.document,
      });
    }
  }
  return leaks;
}

/**
 * JSON with every object's keys sorted: the same content gives the same bytes on any system, so
 * the package's digest can be checked by the receiver whatever order it parsed the keys in.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
        )
      : v,
  );
}
