import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The audit chain's keys. Each audit row's hash is an HMAC-SHA-256 under a key the database
 * never sees (VARN_AUDIT_KEY), so whoever owns the database can edit or delete rows but cannot
 * compute the hash an edited row would need: `audit:verify` finds the change.
 *
 * Every row names the key it was made with (`key_id`). Rotation: the new key becomes
 * VARN_AUDIT_KEY with a new id, the old one moves to VARN_AUDIT_KEYS_PREVIOUS, so rows made
 * under it still verify. A key removed from configuration turns its rows into breaks.
 *
 * Both settings are written `<id>:<32 bytes in base64>`; the previous list is comma-separated.
 */
export interface AuditKey {
  /** Short label stored with each row: letters, digits, `-` and `_`, at most 32. */
  id: string;
  key: Buffer;
}

export interface AuditKeyRing {
  /** Signs new rows and the anchor. */
  current: AuditKey;
  /** Every key that may verify a stored row or anchor, the current one included, by id. */
  byId: ReadonlyMap<string, Buffer>;
}

/** The key id of rows chained by the database's SHA-256 trigger before keyed hashes. */
export const LEGACY_KEY_ID = 'sha256';

export const DEVELOPMENT_AUDIT_KEY_ID = 'dev';

/**
 * The development key: fixed and public, so an embedded database keeps verifying across
 * restarts. Configuration refuses it in production and always knows it elsewhere.
 */
export const DEVELOPMENT_AUDIT_KEY = createHash('sha256')
  .update('Värn development audit key: not secret, never for production')
  .digest();

export const developmentAuditKeys = (): AuditKeyRing =>
  keyRing({ id: DEVELOPMENT_AUDIT_KEY_ID, key: DEVELOPMENT_AUDIT_KEY }, []);

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

/** Parses `<id>:<base64>`, or returns why it is not one (never echoing the key). */
export function parseAuditKey(text: string): AuditKey | string {
  const colon = text.indexOf(':');
  if (colon < 0) return 'must be <id>:<32 bytes in base64>, e.g. 1:$(openssl rand -base64 32)';
  const id = text.slice(0, colon);
  const encoded = text.slice(colon + 1);
  if (!KEY_ID.test(id)) return 'has a key id that is not 1–32 letters, digits, - or _';
  if (id === LEGACY_KEY_ID) return `cannot use the key id ${LEGACY_KEY_ID} (it marks legacy rows)`;
  const key = Buffer.from(encoded, 'base64');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded) || key.length !== 32) {
    return 'must have 32 bytes in base64 after the id (openssl rand -base64 32)';
  }
  return { id, key };
}

export function keyRing(current: AuditKey, previous: readonly AuditKey[]): AuditKeyRing {
  const byId = new Map<string, Buffer>();
  for (const k of previous) byId.set(k.id, k.key);
  byId.set(current.id, current.key);
  return { current, byId };
}

/**
 * The keys recordAudit signs with. Set once at start from configuration (main.ts, the CLI);
 * until then, and in tests, the development key. A module value rather than a parameter, so
 * that recordAudit(trx, ctx, event) stays what every service already calls.
 */
let configured: AuditKeyRing = developmentAuditKeys();

export function useAuditKeys(keys: AuditKeyRing): void {
  configured = keys;
}

export function auditKeys(): AuditKeyRing {
  return configured;
}

export const hmacHex = (key: Buffer, text: string): string =>
  createHmac('sha256', key).update(text, 'utf8').digest('hex');

/** Constant-time comparison of two hex digests. */
export function sameDigest(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}
