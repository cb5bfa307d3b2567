/**
 * The signed consent attached to a written consent in the register (core/domain/consents.ts).
 * What a file is, Värn decides from its first bytes: its name and the type the browser claims
 * are the sender's to choose, and a page of HTML named samtycke.pdf is not a consent.
 */

export const consentDocumentTypes = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type ConsentDocumentType = (typeof consentDocumentTypes)[number];

/** A scanned page or two; a phone's photo of a signed form fits too. */
export const CONSENT_DOCUMENT_MAX_BYTES = 4 * 1024 * 1024;

const signatures: readonly (readonly [ConsentDocumentType, readonly number[]])[] = [
  ['application/pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
  ['image/jpeg', [0xff, 0xd8, 0xff]],
  ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
];

/** The kind of file these bytes begin as, or null when it is none that a consent may be. */
export function consentDocumentType(bytes: Uint8Array): ConsentDocumentType | null {
  const match = signatures.find(([, sig]) => sig.every((b, i) => bytes[i] === b));
  return match ? match[0] : null;
}

/** The name a downloaded document is given: its kind only, since the name it came with is free text. */
export function consentDocumentDownloadName(type: ConsentDocumentType): string {
  return `samtycke.${type === 'application/pdf' ? 'pdf' : type === 'image/png' ? 'png' : 'jpg'}`;
}
