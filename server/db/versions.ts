import { AppError } from '../errors.ts';

/** A write the database refused as a duplicate key (optionally: of this constraint or index). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as { code?: string; constraint?: string; message?: string };
  if (e.code !== '23505') return false;
  // PGlite names the index only in the message.
  return !constraint || e.constraint === constraint || !!e.message?.includes(constraint);
}

/**
 * Appends the next version of a record kept as versions (a section of an utredning, a safety
 * plan), or refuses with a 409: when the writer's version is not the latest, or when a save from
 * the same version got in first (the primary key lets only one of them in). The command's
 * transaction then rolls back, and the writer's draft stays.
 */
export async function appendVersion(
  latest: number,
  basedOn: number,
  insert: (version: number) => Promise<unknown>,
): Promise<number> {
  if (latest !== basedOn) throw new AppError('VERSION_CONFLICT');
  const version = basedOn + 1;
  try {
    await insert(version);
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('VERSION_CONFLICT', { cause: error });
    throw error;
  }
  return version;
}
