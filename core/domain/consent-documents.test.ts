import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  consentDocumentDownloadName,
  consentDocumentType,
  consentDocumentTypes,
} from './consent-documents.ts';

const starts: Record<(typeof consentDocumentTypes)[number], number[]> = {
  'application/pdf': [...Buffer.from('%PDF-')],
  'image/jpeg': [0xff, 0xd8, 0xff],
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
};
const bytes = fc.uint8Array({ maxLength: 64 });

describe('what a consent document is', () => {
  it('is known by its first bytes, whatever follows', () => {
    fc.assert(
      fc.property(fc.constantFrom(...consentDocumentTypes), bytes, (type, rest) => {
        expect(consentDocumentType(Uint8Array.from([...starts[type], ...rest]))).toBe(type);
      }),
    );
  });

  it('is none of them when the signature is not at the very start, or is cut short', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...consentDocumentTypes),
        fc.uint8Array({ minLength: 1, maxLength: 8 }),
        bytes,
        (type, before, rest) => {
          // Anything before the signature — a space, a BOM, an HTML page that mentions %PDF-.
          fc.pre(!Object.values(starts).some((s) => s[0] === before[0]));
          expect(
            consentDocumentType(Uint8Array.from([...before, ...starts[type], ...rest])),
          ).toBeNull();
          expect(consentDocumentType(Uint8Array.from(starts[type].slice(0, -1)))).toBeNull();
        },
      ),
    );
  });

  it('is downloaded under a name of its kind only', () => {
    expect(consentDocumentTypes.map(consentDocumentDownloadName)).toEqual([
      'samtycke.pdf',
      'samtycke.jpg',
      'samtycke.png',
    ]);
  });
});
