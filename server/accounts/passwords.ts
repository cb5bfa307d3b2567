import { hash, verify } from '@node-rs/argon2';

/**
 * Passwords are stored as argon2id hashes (the library's default algorithm) with OWASP's
 * recommended minimum cost: 19 MiB of memory, two passes.
 */
const options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export { MIN_PASSWORD_LENGTH } from '../../core/contracts/auth.ts';

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;
/**
 * Verifying against this when the username is unknown makes a wrong username take as long as a
 * wrong password, so response times do not reveal which accounts exist.
 */
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword('no account has this password');
  return dummy;
}
