/**
 * The disclosure guard [issue 16, item 5]: before anything leaves Värn, where it goes is checked
 * against the people recorded as using violence against the person — their names and the phones,
 * e-mail addresses, addresses and mailboxes Värn knows of them. An output addressed to one of
 * them, or sent to a channel one of them can reach, is refused with what would leak, before it
 * is issued. The same comparison of channels as the safe-channel check (safe-channel.ts).
 *
 * Pure: the output and the people come in as arguments.
 */
import type { KnownChannel } from './counterparts.ts';
import { normalizeChannel } from './safe-channel.ts';

/** One person recorded as using violence against the person whose data leaves. */
export interface ViolentParty {
  /** Given and family name as recorded, when both are known; a lone first name is too common. */
  givenName: string | null;
  familyName: string | null;
  channels: readonly KnownChannel[];
}

/** Where an output goes: to whom, written as the handläggare wrote it, and through which channels. */
export interface Destination {
  /** Every name on it: the recipient, a person at the recipient, a c/o. */
  names: readonly string[];
  channels: readonly KnownChannel[];
}

const words = (s: string) =>
  s
    .normalize('NFC')
    .toLocaleLowerCase('sv')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/** Whether a written text names this person: both their names, as whole words, in order. */
export function namesPerson(
  written: string,
  party: Pick<ViolentParty, 'givenName' | 'familyName'>,
): boolean {
  if (!party.givenName || !party.familyName) return false;
  const full = [...words(party.givenName), ...words(party.familyName)];
  const text = words(written);
  return text.some((_, i) => full.every((w, j) => text[i + j] === w));
}

/** The channel as the sentence names it, and the participle that agrees with it. */
const channelWords: Record<KnownChannel['kind'], [string, string]> = {
  phone: ['Telefonnumret', 'registrerat'],
  email: ['E-postadressen', 'registrerad'],
  address: ['Adressen', 'registrerad'],
  digital_mailbox: ['Den digitala brevlådan', 'registrerad'],
};

/**
 * What would leak, as Swedish sentences a handläggare can act on; none when the destination is
 * nobody's who uses violence against the person. A sentence never repeats the violent person's
 * name: it says which of the destination's own entries matched.
 */
export function guardDestination(
  destination: Destination,
  parties: readonly ViolentParty[],
): string[] {
  const leaks: string[] = [];
  for (const written of destination.names) {
    if (parties.some((p) => namesPerson(written, p))) {
      leaks.push(
        `Mottagaren "${written}" har samma namn som en person som är registrerad som våldsutövare mot personen. Kontrollera mottagaren.`,
      );
    }
  }
  for (const c of destination.channels) {
    const own = normalizeChannel(c.kind, c.value);
    const reachable = parties.some((p) =>
      p.channels.some((o) => o.kind === c.kind && normalizeChannel(o.kind, o.value) === own),
    );
    if (reachable) {
      const [noun, recorded] = channelWords[c.kind];
      leaks.push(
        `${noun} ${c.value} är ${recorded} för en person som utövar våld mot personen. Välj en annan väg.`,
      );
    }
  }
  return leaks;
}
