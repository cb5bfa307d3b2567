import { z } from 'zod';
import { CURSOR_MESSAGE, MAX_DATE, MIN_DATE } from '../../core/contracts/input.ts';
import { AppError } from '../errors.ts';

/**
 * Page cursors: the last row's sort key as a JSON array in base64url. Opaque to the client, and
 * decoded only here — against a schema of what the list issued — so a cursor that is malformed,
 * forged or out of range is a 400 naming `query.after`, never a value handed to the database.
 */

export function encodeCursor(key: readonly (string | number | Date)[]): string {
  const values = key.map((v) => (v instanceof Date ? v.toISOString() : v));
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

/** A timestamp part of a cursor, as encodeCursor wrote it. */
export const cursorTime = z.iso
  .datetime()
  .refine((s) => s >= MIN_DATE && s <= `${MAX_DATE}T23:59:59.999Z`)
  .transform((s) => new Date(s));

export const cursorId = z.uuid();

export function decodeCursor<S extends z.ZodType>(
  after: string | undefined,
  schema: S,
): z.output<S> | undefined {
  if (after === undefined) return undefined;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
  } catch {
    decoded = undefined;
  }
  const parsed = schema.safeParse(decoded);
  if (!parsed.success) {
    throw new AppError('VALIDATION', {
      fields: [{ path: 'query.after', message: CURSOR_MESSAGE }],
    });
  }
  return parsed.data;
}
