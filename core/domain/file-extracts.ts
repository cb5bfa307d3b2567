/**
 * A person's own file [issue 16, item 3]: the extract made when a person asks to see what the
 * social services have written about them (begäran att ta del av allmän handling). Everything in
 * the file comes in as pieces; every piece about another person is masked by default, each
 * masking with its reason (the sekretessprövning), and the handläggare may lift a masking only
 * with a reason why the piece can be given. Some pieces are never given, whatever anyone chooses:
 * who reported the person, and — in the file of a person who uses violence — what someone else
 * told, and anything that shows where another person of the file is or how they are reached
 * (their address, phone, e-mail, identity number, whereabouts), in whatever entry it was written.
 *
 * Pure: the pieces, the traces of others and the choices come in as arguments.
 */
import { namesPerson } from './disclosure-guard.ts';
import type { OtherPerson } from './certificates.ts';
import type { CertificateSourceKind } from './certificates.ts';

/** One piece of the file: a field of an entry, or one statement of it. */
export interface FilePiece {
  /** Stable across drafts: the entry's kind, id and part ("journal:…:text"). */
  key: string;
  /** The entry as the extract heads it: "Journalanteckning 2026-11-02". */
  heading: string;
  /** The field within it, or null for the entry's one text: "Anmälare", "Motivering". */
  label: string | null;
  text: string;
  /** Whom the piece is about by its place in the file: the person, another, or the reporter. */
  about: 'subject' | 'other' | 'reporter';
  /** Where its content comes from, when the entry records it. */
  source: CertificateSourceKind | null;
}

/**
 * What the rules know of everyone else in the file: their names (a piece naming one is about
 * them) and their traces — addresses, phones, e-mail, identity numbers, whereabouts — which are
 * never given. `usesViolence`: the person has someone they are recorded as using violence against.
 */
export interface OthersOfFile {
  names: readonly OtherPerson[];
  traces: readonly string[];
  usesViolence: boolean;
}

export type PieceClass = 'open' | 'masked' | 'withheld';

/** The secrecy rules the reasons cite, as the legal catalogue in force gives them. */
export interface SecrecyReferences {
  others: string;
  reporter: string;
}

export interface Classified {
  class: PieceClass;
  /** Why it is masked or withheld; null for an open piece. */
  reason: string | null;
}

const fold = (s: string) =>
  s
    .normalize('NFC')
    .toLocaleLowerCase('sv')
    .replace(/[^\p{L}\p{N}@]+/gu, ' ')
    .trim();
const digits = (s: string) => s.replace(/\D+/g, '');

/**
 * Whether a text carries a trace: the same words in order (an address, an e-mail, a place), or
 * — for a trace that is mostly a number (a phone, an identity number) — the same digits within
 * one run of the text's digits and separators, however written ("070-123 45 67", "+46701234567").
 */
export function carriesTrace(text: string, trace: string): boolean {
  const t = fold(trace);
  if (t.length < 4) return false;
  if (` ${fold(text)} `.includes(` ${t} `)) return true;
  const d = digits(trace);
  if (d.length < 6 || d.length < trace.replace(/\s/g, '').length / 2) return false;
  const tail = d.startsWith('46') ? d.slice(2) : d.startsWith('0') ? d.slice(1) : d;
  return (text.match(/[+\d][\d\s\-–()]{4,}\d/g) ?? []).some((run) => digits(run).includes(tail));
}

/** The class of a piece and its reason: the rules above, in their order of strength. */
export function classifyPiece(
  piece: FilePiece,
  others: OthersOfFile,
  refs: SecrecyReferences,
): Classified {
  const written = [piece.label ?? '', piece.text].join(' ');
  if (piece.about === 'reporter') {
    return {
      class: 'withheld',
      reason: `Uppgiften om vem som har gjort anmälan lämnas inte ut (${refs.reporter}).`,
    };
  }
  if (others.traces.some((t) => carriesTrace(written, t))) {
    return {
      class: 'withheld',
      reason: `Uppgiften visar var en annan person finns eller hur hen nås och lämnas inte ut (${refs.others}).`,
    };
  }
  if (others.usesViolence && (piece.source === 'other_person' || piece.about === 'other')) {
    return {
      class: 'withheld',
      reason: `Uppgiften kommer från eller gäller en annan person i ett ärende om våld och lämnas inte ut (${refs.others}).`,
    };
  }
  if (piece.about === 'other' || others.names.some((o) => namesPerson(written, o))) {
    return {
      class: 'masked',
      reason: `Uppgiften rör en annan person och maskeras, eftersom det inte är prövat att den kan lämnas ut utan att personen lider men (${refs.others}).`,
    };
  }
  return { class: 'open', reason: null };
}

/**
 * Every piece of a file classified. In the file of a person who uses violence, what another
 * person told is withheld where it is recorded as theirs — and wherever its sentences are
 * repeated word for word, in a beslut's motivation or an assessment: each sentence of four words
 * or more becomes a trace like an address.
 */
export function classifyFile(
  pieces: readonly FilePiece[],
  others: OthersOfFile,
  refs: SecrecyReferences,
): Map<string, Classified> {
  const told = others.usesViolence
    ? pieces
        .filter((p) => p.source === 'other_person')
        .flatMap((p) => p.text.split(/[.!?]+\s+|[.!?]*\n+|[.!?]+$/))
        .map((s) => s.trim())
        .filter((s) => s.split(/\s+/).length >= 4)
    : [];
  const all = { ...others, traces: [...others.traces, ...told] };
  return new Map(pieces.map((p) => [p.key, classifyPiece(p, all, refs)]));
}

/**
 * Where the extract is sent must be nobody else's of the file: a phone, e-mail or address that
 * carries another person's trace would carry the extract to them (the disclosure guard's
 * comparison of channels covers those who use violence against the person; this covers
 * everyone the file names — in a violent person's file, the one he uses violence against).
 */
export function deliveryProblems(
  channel: { value: string } | null,
  others: OthersOfFile,
): string[] {
  if (!channel) return [];
  return others.traces.some((t) => carriesTrace(channel.value, t) || carriesTrace(t, channel.value))
    ? [
        `Uppgiften ${channel.value} är registrerad för en annan person i akten. Utdraget skickas inte dit; välj en annan väg.`,
      ]
    : [];
}

/** The handläggare's choice for one piece: masked or given, and why. */
export interface PieceChoice {
  key: string;
  mask: boolean;
  /** The sekretessprövning: why masked, or why it can be given though it was masked by default. */
  reason: string | null;
}

/**
 * A piece as it stood, for comparing the file a draft saw with the file now: an approval holds
 * only for the file it saw. The server stores a hash of it.
 */
export const pieceFingerprint = (piece: FilePiece): string =>
  JSON.stringify([piece.key, piece.heading, piece.label, piece.text]);

/** A piece as the extract gives it: its text, or the masking with its reason. */
export interface ReleasedPiece {
  key: string;
  heading: string;
  label: string | null;
  text: string | null;
  reason: string | null;
}

/**
 * The choices in force for every piece: the handläggare's where one was made, else the
 * default (masked or withheld with its reason, open as is). What stands in the way is given as
 * sentences: a withheld piece chosen to be given, a masking lifted without a reason, a choice for
 * a piece that is not in the file.
 */
export function resolveChoices(
  pieces: readonly FilePiece[],
  classes: ReadonlyMap<string, Classified>,
  choices: readonly PieceChoice[],
): { choices: PieceChoice[]; problems: string[] } {
  const byKey = new Map(choices.map((c) => [c.key, c]));
  const known = new Set(pieces.map((p) => p.key));
  const problems: string[] = [];
  for (const c of choices) {
    if (!known.has(c.key)) {
      problems.push(
        'Akten har ändrats sedan utdraget öppnades. Ladda om utdraget och gör om valen.',
      );
      break;
    }
  }
  const resolved = pieces.map((p, i): PieceChoice => {
    const cls = classes.get(p.key) ?? { class: 'open', reason: null };
    const chosen = byKey.get(p.key);
    const where = `Uppgift ${i + 1} (${p.heading}${p.label ? `, ${p.label}` : ''})`;
    if (!chosen) {
      return { key: p.key, mask: cls.class !== 'open', reason: cls.reason };
    }
    if (!chosen.mask && cls.class === 'withheld') {
      problems.push(`${where} kan inte lämnas ut: ${cls.reason ?? ''}`);
    } else if (!chosen.mask && cls.class === 'masked' && !chosen.reason) {
      problems.push(
        `${where} rör en annan person. Skriv sekretessprövningen som visar att den kan lämnas ut, eller låt den vara maskerad.`,
      );
    } else if (chosen.mask && !chosen.reason && !cls.reason) {
      problems.push(`${where} maskeras. Skriv skälet till att den inte lämnas ut.`);
    }
    return { key: p.key, mask: chosen.mask, reason: chosen.reason ?? cls.reason };
  });
  return { choices: resolved, problems };
}

/**
 * The extract as it is given, from the pieces and the choices resolved for them. A withheld
 * piece is masked whatever the choice says: the last line of the rule, not only the first.
 */
export function releasedPieces(
  pieces: readonly FilePiece[],
  classes: ReadonlyMap<string, Classified>,
  choices: readonly PieceChoice[],
): ReleasedPiece[] {
  const byKey = new Map(choices.map((c) => [c.key, c]));
  return pieces.map((p) => {
    const cls = classes.get(p.key);
    const choice = byKey.get(p.key);
    const masked = cls?.class === 'withheld' || (choice ? choice.mask : cls?.class !== 'open');
    return {
      key: p.key,
      heading: p.heading,
      label: p.label,
      text: masked ? null : p.text,
      reason: masked
        ? cls?.class === 'withheld'
          ? cls.reason
          : (choice?.reason ?? cls?.reason ?? null)
        : null,
    };
  });
}
