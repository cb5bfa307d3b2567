import { z } from 'zod';

/**
 * The building blocks of what a request may carry. Every contract takes its numbers, dates,
 * timestamps and page cursors from here, so a value the database would refuse (an integer beyond
 * its column, year 0000, a cursor that is not ours) is refused at the boundary with a 400 that
 * names the field, never by the database with a 500. Strings are checked once for every field by
 * the server's input guard (`unsafeCharacter` below): no NUL, no lone surrogate.
 */

/** PostgreSQL `integer`: the range of every integer column. */
export const INT32_MIN = -2_147_483_648;
export const INT32_MAX = 2_147_483_647;

/** The dates a record in Värn can be about: a birth, an incident, a decision, a deadline. */
export const MIN_DATE = '1900-01-01';
export const MAX_DATE = '2100-12-31';

/**
 * Where a string first holds a character that cannot be stored: NUL (PostgreSQL text refuses
 * it) or half of a surrogate pair (not Unicode; JSON and the database refuse or mangle it).
 * Undefined when the string is clean.
 */
export function unsafeCharacter(value: string): 'nul' | 'surrogate' | undefined {
  if (value.includes('\u0000')) return 'nul';
  if (!value.isWellFormed()) return 'surrogate';
  return undefined;
}

export const unsafeCharacterMessage = {
  nul: 'Texten innehåller ett otillåtet tecken (NUL). Ta bort det och försök igen.',
  surrogate:
    'Texten innehåller ett ofullständigt tecken. Skriv in texten igen, eller klistra in den på nytt.',
} as const;

/** An integer that fits an `integer` column; bounds narrow it further (versions, scores). */
export function int32(bounds: { min?: number; max?: number } = {}) {
  const min = Math.max(bounds.min ?? INT32_MIN, INT32_MIN);
  const max = Math.min(bounds.max ?? INT32_MAX, INT32_MAX);
  return z
    .number({ message: 'Ange ett heltal.' })
    .int({ message: 'Ange ett heltal.' })
    .min(min, { message: `Ange ett tal som är minst ${min}.` })
    .max(max, { message: `Ange ett tal som är högst ${max}.` });
}

/** The same from a path or query string (`?limit=25`, `/versions/3`). */
export function int32FromString(bounds: { min?: number; max?: number } = {}) {
  const min = Math.max(bounds.min ?? INT32_MIN, INT32_MIN);
  const max = Math.min(bounds.max ?? INT32_MAX, INT32_MAX);
  return z.coerce
    .number({ message: 'Ange ett heltal.' })
    .int({ message: 'Ange ett heltal.' })
    .min(min, { message: `Ange ett tal som är minst ${min}.` })
    .max(max, { message: `Ange ett tal som är högst ${max}.` });
}

/**
 * `varnInput` marks a date or timestamp made here; a test over every contract refuses one that
 * was not (and any integer without int4 bounds), so a new contract cannot miss the building blocks.
 */

/** The version a change starts from (1 for anything that exists). */
export const version = () => int32({ min: 1 });
/** The version a change starts from, 0 for something not yet written. */
export const baseVersion = () => int32({ min: 0 });

const dateRangeMessage = `Ange ett datum mellan ${MIN_DATE.slice(0, 4)} och ${MAX_DATE.slice(0, 4)}.`;

/** A calendar date `YYYY-MM-DD` that exists and lies between 1900 and 2100. */
export function isoDate(message = 'Ange ett datum (ÅÅÅÅ-MM-DD).') {
  return z.iso
    .date({ message })
    .refine((d) => d >= MIN_DATE && d <= MAX_DATE, { message: dateRangeMessage })
    .meta({ varnInput: 'date' });
}

/**
 * A point in time, ISO 8601 with `Z` or an offset, between 1900 and 2100 — what PostgreSQL's
 * timestamptz and JavaScript's Date both read the same way.
 */
export function isoDateTime(message = 'Ange datum och tid (ÅÅÅÅ-MM-DDTHH:MM).') {
  return z.iso
    .datetime({ offset: true, message })
    .refine(
      (s) => {
        const t = Date.parse(s);
        return (
          !Number.isNaN(t) &&
          t >= Date.parse(`${MIN_DATE}T00:00:00Z`) &&
          t < Date.parse(`${MAX_DATE}T23:59:59.999Z`)
        );
      },
      { message: dateRangeMessage },
    )
    .meta({ varnInput: 'datetime' });
}

export const CURSOR_MESSAGE = 'Sidmarkören är ogiltig. Ladda om listan.';

/**
 * A page cursor as the client sends it back: opaque base64url, as the server issued it. What it
 * decodes to is checked by the server where it is read (server/http/cursor.ts).
 */
export const cursor = () =>
  z
    .string()
    .max(200, { message: CURSOR_MESSAGE })
    .regex(/^[A-Za-z0-9_-]+$/, { message: CURSOR_MESSAGE });

/** `?limit=&after=` of a paged list. */
export const pageQuery = (defaultLimit = 25, maxLimit = 100) => ({
  limit: int32FromString({ min: 1, max: maxLimit }).default(defaultLimit),
  after: cursor().optional(),
});
