/**
 * Skyddade personuppgifter. Ordered from none to strongest; the person's file shows the current
 * level wherever the person appears.
 */
export const protectionLevels = [
  'none',
  'confidentiality_marking',
  'protected_registration',
  'fictitious_identity',
] as const;
export type ProtectionLevel = (typeof protectionLevels)[number];

export const protectionLabels: Record<ProtectionLevel, string> = {
  none: 'Inga skyddade personuppgifter',
  confidentiality_marking: 'Sekretessmarkering',
  protected_registration: 'Skyddad folkbokföring',
  fictitious_identity: 'Fingerade personuppgifter',
};

export function isProtected(level: ProtectionLevel): boolean {
  return level !== 'none';
}

/** A change that makes the person less protected: more people could then see their details. */
export function lowersProtection(from: ProtectionLevel, to: ProtectionLevel): boolean {
  return protectionLevels.indexOf(to) < protectionLevels.indexOf(from);
}
