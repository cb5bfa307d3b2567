import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SecretBoxError, isSealed, openSecret, sealSecret } from './secret-box.ts';

const key = randomBytes(32);

describe('secret box', () => {
  it('opens what it sealed, for any text and context, and never shows the text', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 4 }), fc.string(), (text, context) => {
        const sealed = sealSecret(key, text, context);
        expect(isSealed(sealed)).toBe(true);
        expect(sealed).not.toContain(text);
        expect(openSecret(key, sealed, context)).toBe(text);
      }),
    );
  });

  it('seals the same text differently each time (a fresh nonce)', () => {
    expect(sealSecret(key, 'JBSWY3DPEHPK3PXP', 'c')).not.toBe(
      sealSecret(key, 'JBSWY3DPEHPK3PXP', 'c'),
    );
  });

  it('refuses a value opened with another context or another key', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (text, a, b) => {
        fc.pre(a !== b);
        const sealed = sealSecret(key, text, a);
        expect(() => openSecret(key, sealed, b)).toThrow(SecretBoxError);
        expect(() => openSecret(randomBytes(32), sealed, a)).toThrow(SecretBoxError);
      }),
      { numRuns: 50 },
    );
  });

  it('refuses any change to any character of the stored form', () => {
    const sealed = sealSecret(key, 'JBSWY3DPEHPK3PXPJBSWY3DP', 'totp:x');
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.';
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: sealed.length - 1 }),
        fc.integer({ min: 0, max: alphabet.length - 1 }).map((i) => alphabet.charAt(i)),
        (at, replacement) => {
          fc.pre(sealed[at] !== replacement);
          const altered = sealed.slice(0, at) + replacement + sealed.slice(at + 1);
          const bytes = (v: string) => v.split('.').map((part) => Buffer.from(part, 'base64url'));
          // Base64url's last character of a part can carry unused bits: a change there decodes
          // to the same bytes. Every other change must be refused.
          const sameBytes = bytes(altered).every((b, i) =>
            b.equals(bytes(sealed)[i] ?? Buffer.of()),
          );
          // (The version, `v1`, is literal text and not base64.)
          if (sameBytes && altered.startsWith('v1.') && altered.split('.').length === 4) {
            expect(openSecret(key, altered, 'totp:x')).toBe('JBSWY3DPEHPK3PXPJBSWY3DP');
          } else {
            expect(() => openSecret(key, altered, 'totp:x')).toThrow(SecretBoxError);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses a truncated tag and values that are not sealed', () => {
    const [v, iv, tag, ct] = sealSecret(key, 'hemlig', 'c').split('.');
    const short = [v, iv, tag?.slice(0, 6), ct].join('.');
    expect(() => openSecret(key, short, 'c')).toThrow(SecretBoxError);
    expect(() => openSecret(key, 'JBSWY3DPEHPK3PXP', 'c')).toThrow(SecretBoxError);
    expect(() => openSecret(key, 'v1.a.b', 'c')).toThrow(SecretBoxError);
  });
});
