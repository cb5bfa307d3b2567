import { Secret, TOTP } from 'otpauth';

/** TOTP as authenticator apps expect it: SHA-1, six digits, 30-second steps (RFC 6238). */
const PERIOD_SECONDS = 30;

function totpFor(secretBase32: string, label: string) {
  return new TOTP({
    issuer: 'Värn',
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD_SECONDS,
    secret: Secret.fromBase32(secretBase32),
  });
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// address an authenticator app reads (typed in, or from a QR code). */
export function totpUri(secretBase32: string, username: string): string {
  return totpFor(secretBase32, username).toString();
}

/**
 * Checks a code, allowing one step of clock drift either way. Returns the time step the code
 * belongs to, so the caller can refuse a code whose step was already used (replay).
 */
export function verifyTotp(secretBase32: string, code: string, now: Date): number | undefined {
  if (!/^\d{6}$/.test(code)) return undefined;
  const delta = totpFor(secretBase32, '').validate({
    token: code,
    timestamp: now.getTime(),
    window: 1,
  });
  if (delta === null) return undefined;
  return Math.floor(now.getTime() / 1000 / PERIOD_SECONDS) + delta;
}

/** For tests and the demo: the code an authenticator would show at a moment. */
export function totpCode(secretBase32: string, at: Date): string {
  return totpFor(secretBase32, '').generate({ timestamp: at.getTime() });
}
