import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * Secrets Värn must read back — a user's TOTP seed — are sealed with AES-256-GCM under the
 * installation's key (VARN_SECRET_KEY), so that a copy of the database or of a backup alone does
 * not let anyone produce second-factor codes. Each value is bound to its place by associated
 * data (`totp:<userId>`): a sealed value copied into another user's row does not open.
 *
 * Stored form: `v1.<iv>.<tag>.<ciphertext>`, each part base64url. The version lets a later key or
 * algorithm coexist with this one.
 */
const VERSION = 'v1';
const IV_BYTES = 12;
// Fixed, so that a value with a truncated tag (easier to forge) is refused, not accepted.
const TAG_BYTES = 16;

export class SecretBoxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretBoxError';
  }
}

/**
 * The development key: fixed and public, so the embedded database with demo data keeps working
 * across restarts. Configuration refuses it in production (VARN_SECRET_KEY is required there).
 */
export const DEVELOPMENT_SECRET_KEY = createHash('sha256')
  .update('Värn development key: not secret, never for production')
  .digest();

export const isSealed = (value: string) => value.startsWith(`${VERSION}.`);

export function sealSecret(key: Buffer, plaintext: string, context: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, iv, tag, ciphertext]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

/** The plaintext, or SecretBoxError if the value was altered, moved, or sealed under another key. */
export function openSecret(key: Buffer, sealed: string, context: string): string {
  const [version, iv, tag, ciphertext, ...rest] = sealed.split('.');
  if (version !== VERSION || !iv || !tag || ciphertext === undefined || rest.length > 0) {
    throw new SecretBoxError('not a sealed value');
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'), {
      authTagLength: TAG_BYTES,
    });
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([
      decipher.update(Buffer.from(ciphertext, 'base64url')),
      decipher.final(),
    ]).toString('utf8');
  } catch {
    throw new SecretBoxError('the value does not open with this key and context');
  }
}

/** Where a user's TOTP seed belongs; the associated data of its sealed value. */
export const totpContext = (userId: string) => `totp:${userId}`;
