/**
 * Kommunicering must go through a channel that is safe: never to an address or device the person
 * who uses violence can reach. A channel is refused when it is marked unsafe on the person's file,
 * or when the same phone number, e-mail, address or mailbox is registered for a person recorded
 * as using violence against them — written differently or not.
 *
 * Pure: the channels come in as arguments.
 */

export type ChannelKind = 'phone' | 'email' | 'address' | 'digital_mailbox';

export interface Channel {
  kind: ChannelKind;
  value: string;
  safeForContact: boolean;
}

/** The form in which two ways of writing the same channel compare equal. */
export function normalizeChannel(kind: ChannelKind, value: string): string {
  const text = value.normalize('NFC').trim().toLowerCase();
  switch (kind) {
    case 'phone': {
      const digits = text.replace(/[^\d+]/g, '');
      // +46 70…, 0046 70… and 070… are the same Swedish number.
      if (digits.startsWith('+46')) return `0${digits.slice(3).replace(/^0/, '')}`;
      if (digits.startsWith('0046')) return `0${digits.slice(4).replace(/^0/, '')}`;
      return digits.replace(/\+/g, '');
    }
    case 'email':
    case 'digital_mailbox':
      return text.replace(/\s+/g, '');
    case 'address':
      return text
        .replace(/[.,;:]/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
  }
}

export type ChannelCheck =
  | { ok: true }
  | { ok: false; reason: 'marked_unsafe' | 'shared_with_perpetrator'; message: string };

export function checkCommunicationChannel(
  channel: Channel,
  perpetratorChannels: readonly Omit<Channel, 'safeForContact'>[],
): ChannelCheck {
  if (!channel.safeForContact) {
    return {
      ok: false,
      reason: 'marked_unsafe',
      message:
        'Kontaktvägen är markerad som osäker: den som utövar våld kan nå den. Välj en annan kontaktväg eller kommunicera vid ett möte.',
    };
  }
  const own = normalizeChannel(channel.kind, channel.value);
  const shared = perpetratorChannels.some(
    (c) => c.kind === channel.kind && normalizeChannel(c.kind, c.value) === own,
  );
  return shared
    ? {
        ok: false,
        reason: 'shared_with_perpetrator',
        message:
          'Kontaktvägen delas med en person som är registrerad som våldsutövare mot personen. Välj en annan kontaktväg eller kommunicera vid ett möte.',
      }
    : { ok: true };
}
