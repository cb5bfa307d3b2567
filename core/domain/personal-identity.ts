import { z } from 'zod';

/**
 * Swedish identity numbers: personnummer, samordningsnummer and reservnummer.
 *
 * Pure rules: the date that decides the century of a 10-digit number and whether a birth date lies
 * in the future comes in as `today` ('YYYY-MM-DD'). Error messages are Swedish, tell the person what
 * to fix, and never repeat the input: an identity number is personal data.
 */

export const IDENTITY_KINDS = ['personnummer', 'samordningsnummer', 'reservnummer'] as const;
export type IdentityKind = (typeof IDENTITY_KINDS)[number];

/** A personnummer or samordningsnummer: both carry a birth date. */
export interface DatedIdentityNumber {
  readonly kind: 'personnummer' | 'samordningsnummer';
  /** 12 digits, `YYYYMMDDNNNC`; a samordningsnummer keeps its day + 60. */
  readonly normalized: string;
  /** `YYYYMMDD-NNNC`. */
  readonly display: string;
  /**
   * The birth date as far as the number tells it: 'YYYY-MM-DD' (for a samordningsnummer the real
   * day, day − 60), or, for a samordningsnummer whose date Skatteverket does not know in full,
   * 'YYYY-MM' (day 60, i.e. day "00", or a date not in the calendar) or 'YYYY' (month 00).
   * core/domain/birth-date.ts reads all three.
   */
  readonly birthDate: string;
}

/** A reservnummer: assigned locally by a municipality or region, no national standard. */
export interface ReservIdentityNumber {
  readonly kind: 'reservnummer';
  /** Trimmed and upper-cased. */
  readonly normalized: string;
  readonly display: string;
}

export type IdentityNumber = DatedIdentityNumber | ReservIdentityNumber;

/** The parsed shape for a kind: asking for a personnummer gives a number with a birth date. */
export type IdentityNumberOf<K extends IdentityKind> = K extends 'reservnummer'
  ? ReservIdentityNumber
  : DatedIdentityNumber;

export type IdentityParseResult<K extends IdentityKind = IdentityKind> =
  | { readonly ok: true; readonly value: IdentityNumberOf<K> }
  | { readonly ok: false; readonly message: string };

// The messages are fixed sentences: nothing from the input is ever interpolated into them.
const datedMessages = {
  personnummer: {
    format: 'Personnumret ska ha 10 eller 12 siffror, till exempel ÅÅÅÅMMDD-NNNN.',
    characters:
      'Personnumret får bara innehålla siffror och ett bindestreck, till exempel ÅÅÅÅMMDD-NNNN.',
    plusWithCentury:
      'Skriv bindestreck när personnumret har 12 siffror, till exempel ÅÅÅÅMMDD-NNNN.',
    wrongKind:
      'Dagen i numret är 60–91, så det är ett samordningsnummer. Välj samordningsnummer i stället.',
    date: 'Datumet i personnumret finns inte.',
  },
  samordningsnummer: {
    format: 'Samordningsnumret ska ha 10 eller 12 siffror, till exempel ÅÅÅÅMMDD-NNNN.',
    characters:
      'Samordningsnumret får bara innehålla siffror och ett bindestreck, till exempel ÅÅÅÅMMDD-NNNN.',
    plusWithCentury:
      'Skriv bindestreck när samordningsnumret har 12 siffror, till exempel ÅÅÅÅMMDD-NNNN.',
    wrongKind:
      'Samordningsnummer har dag 60–91 (60 när dagen är okänd). Är det ett personnummer? Välj personnummer i stället.',
    date: 'Datumet i samordningsnumret finns inte.',
  },
} as const;

const commonMessages = {
  future: 'Födelsedatumet kan inte ligga i framtiden.',
  checkDigit: 'Kontrollsiffran stämmer inte. Kontrollera att du har skrivit rätt.',
  serial:
    'De tre siffrorna efter födelsedatumet kan inte vara 000. Kontrollera att du har skrivit rätt.',
  reservLength: 'Reservnumret ska ha 4–20 tecken.',
  reservCharacters: 'Reservnumret får bara innehålla siffror, bokstäverna A–Z och bindestreck.',
} as const;

/** Samordningsnummer add 60 to the day of birth; day 60 itself is day "00", an unknown day. */
const COORDINATION_DAY_OFFSET = 60;

// ---------------------------------------------------------------------------------------------
// Calendar arithmetic, without Date: no time zones, no clock.

interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isRealDate({ year, month, day }: CalendarDate): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');

function toIsoDate({ year, month, day }: CalendarDate): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** Orders two dates; the parts are compared as numbers, so invalid days (29 Feb) still order. */
function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

function parseIsoDate(value: string): CalendarDate | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return undefined;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return isRealDate(date) ? date : undefined;
}

/** `today` is supplied by the caller; a malformed one is a programming error, not bad input. */
function requireIsoDate(value: string, name: string): CalendarDate {
  const date = parseIsoDate(value);
  if (!date) throw new RangeError(`${name} must be a real date written YYYY-MM-DD`);
  return date;
}

// ---------------------------------------------------------------------------------------------
// Check digit

/**
 * The check digit of a personnummer or samordningsnummer: Luhn (modulus 10, weights 2 and 1 from
 * the left) over the nine digits `YYMMDDNNN` — the two-digit year, never the century.
 */
export function luhnCheckDigit(nineDigits: string): number {
  if (!/^\d{9}$/.test(nineDigits)) throw new RangeError('luhnCheckDigit expects exactly 9 digits');
  let sum = 0;
  for (let i = 0; i < nineDigits.length; i++) {
    const product = Number(nineDigits[i]) * (i % 2 === 0 ? 2 : 1);
    sum += product > 9 ? product - 9 : product;
  }
  return (10 - (sum % 10)) % 10;
}

// ---------------------------------------------------------------------------------------------
// Parsing

/**
 * The accepted written forms: `YYMMDD-NNNC`, `YYMMDD+NNNC`, `YYMMDDNNNC`, `YYYYMMDDNNNC` and
 * `YYYYMMDD-NNNC`. Groups: century (optional), YYMMDD, separator (optional), NNNC.
 */
const datedPattern = /^(\d{2})?(\d{6})([-+]?)(\d{4})$/;

/**
 * The full year of a 10-digit number. The separator goes by the year, not the birthday: the dash
 * becomes a plus from the year a person turns 100 (18 § folkbokföringslagen). So with `+` the year
 * is the most recent one ending in `yy` at least 100 years before this year; with `-` (or none) the
 * most recent one whose (earliest possible) birth date is not after today.
 */
function resolveYear(
  yy: number,
  earliest: { month: number; day: number },
  separator: string,
  today: CalendarDate,
): number {
  if (separator === '+') {
    const latest = today.year - 100;
    return latest - ((((latest - yy) % 100) + 100) % 100);
  }
  const year = today.year - (today.year % 100) + yy;
  return compareDates({ year, ...earliest }, today) > 0 ? year - 100 : year;
}

/**
 * The birth date a number's digits give, as far as they give it, and its earliest possible day
 * (for the century and the future check); undefined when they give none. A personnummer carries
 * a date that exists. A samordningsnummer may not: Skatteverket issues them with month 00 when the
 * month is unknown, day 60 when the day is, and with dates not in the calendar — the date is then
 * known only to the month.
 */
function birthDateOf(
  year: number,
  month: number,
  day: number,
  kind: 'personnummer' | 'samordningsnummer',
): { birthDate: string; earliest: CalendarDate } | undefined {
  const date = { year, month, day };
  if (isRealDate(date)) return { birthDate: toIsoDate(date), earliest: date };
  if (kind === 'personnummer' || month > 12) return undefined;
  if (month === 0) return { birthDate: pad(year, 4), earliest: { year, month: 1, day: 1 } };
  return { birthDate: `${pad(year, 4)}-${pad(month, 2)}`, earliest: { year, month, day: 1 } };
}

function parseDated(
  input: string,
  kind: 'personnummer' | 'samordningsnummer',
  today: CalendarDate,
): IdentityParseResult {
  const messages = datedMessages[kind];
  const fail = (message: string): IdentityParseResult => ({ ok: false, message });

  const match = datedPattern.exec(input);
  if (!match) {
    return fail(/^[\d+-]*$/.test(input) ? messages.format : messages.characters);
  }
  const [, century, yymmdd = '', separator = '', serialAndCheck = ''] = match;
  if (century !== undefined && separator === '+') return fail(messages.plusWithCentury);

  const yy = Number(yymmdd.slice(0, 2));
  const month = Number(yymmdd.slice(2, 4));
  const writtenDay = Number(yymmdd.slice(4, 6));
  const isCoordinationDay =
    writtenDay >= COORDINATION_DAY_OFFSET && writtenDay <= COORDINATION_DAY_OFFSET + 31;
  if (isCoordinationDay !== (kind === 'samordningsnummer')) return fail(messages.wrongKind);
  const day = isCoordinationDay ? writtenDay - COORDINATION_DAY_OFFSET : writtenDay;

  // The century only needs the earliest day the date can be; month 00 (unknown) is January.
  const year =
    century === undefined
      ? resolveYear(yy, { month: Math.max(month, 1), day: Math.max(day, 1) }, separator, today)
      : Number(century) * 100 + yy;
  const birth = birthDateOf(year, month, day, kind);
  if (!birth) return fail(messages.date);
  if (compareDates(birth.earliest, today) > 0) return fail(commonMessages.future);

  if (serialAndCheck.startsWith('000')) return fail(commonMessages.serial);
  const checked = yymmdd + serialAndCheck.slice(0, 3);
  if (luhnCheckDigit(checked) !== Number(serialAndCheck[3])) return fail(commonMessages.checkDigit);

  const normalized = pad(year, 4) + yymmdd.slice(2) + serialAndCheck;
  return {
    ok: true,
    value: { kind, normalized, display: displayDated(normalized), birthDate: birth.birthDate },
  };
}

function parseReserv(input: string): IdentityParseResult {
  // Check the characters before upper-casing: some letters outside A–Z upper-case into it (ß → SS).
  if (!/^[A-Za-z0-9-]*$/.test(input)) {
    return { ok: false, message: commonMessages.reservCharacters };
  }
  if (input.length < 4 || input.length > 20) {
    return { ok: false, message: commonMessages.reservLength };
  }
  const normalized = input.toUpperCase();
  return { ok: true, value: { kind: 'reservnummer', normalized, display: normalized } };
}

/**
 * Parses an identity number of the given kind as a person typed it. Surrounding whitespace is
 * ignored. `today` ('YYYY-MM-DD') decides the century of a 10-digit number and rules out birth
 * dates in the future.
 */
export function parseIdentityNumber<K extends IdentityKind>(
  input: string,
  kind: K,
  today: string,
): IdentityParseResult<K> {
  const todayDate = requireIsoDate(today, 'today');
  const trimmed = input.trim();
  const result =
    kind === 'reservnummer' ? parseReserv(trimmed) : parseDated(trimmed, kind, todayDate);
  // parseReserv only yields reservnummer and parseDated only the kind it was asked for.
  return result as IdentityParseResult<K>;
}

/**
 * Guesses from the day digits whether a number is a personnummer or a samordningsnummer (day
 * 60–91). Null when the input does not have the shape of either; a reservnummer is never guessed.
 */
export function detectIdentityKind(input: string): 'personnummer' | 'samordningsnummer' | null {
  const match = datedPattern.exec(input.trim());
  if (!match) return null;
  const day = Number(match[2]?.slice(4, 6));
  return day >= COORDINATION_DAY_OFFSET ? 'samordningsnummer' : 'personnummer';
}

/**
 * The birth date of a stored, normalized personnummer or samordningsnummer (as
 * {@link DatedIdentityNumber.birthDate}); no clock is needed, the century is in the number.
 */
export function birthDateOfNormalized(
  normalized: string,
  kind: 'personnummer' | 'samordningsnummer',
): string {
  if (!/^\d{12}$/.test(normalized)) {
    throw new RangeError('birthDateOfNormalized expects a normalized number of 12 digits');
  }
  const written = Number(normalized.slice(6, 8));
  const day = kind === 'samordningsnummer' ? written - COORDINATION_DAY_OFFSET : written;
  const birth = birthDateOf(
    Number(normalized.slice(0, 4)),
    Number(normalized.slice(4, 6)),
    day,
    kind,
  );
  if (!birth) throw new RangeError('birthDateOfNormalized expects a number that was accepted');
  return birth.birthDate;
}

// ---------------------------------------------------------------------------------------------
// Display

function displayDated(normalized: string): string {
  return `${normalized.slice(0, 8)}-${normalized.slice(8)}`;
}

/**
 * The display form of a stored, normalized number: `YYYYMMDD-NNNC` for a personnummer or
 * samordningsnummer, the number itself for a reservnummer.
 */
export function formatIdentityNumber(normalized: string, kind: IdentityKind): string {
  if (kind === 'reservnummer') return normalized;
  if (!/^\d{12}$/.test(normalized)) {
    throw new RangeError('formatIdentityNumber expects a normalized number of 12 digits');
  }
  return displayDated(normalized);
}

// ---------------------------------------------------------------------------------------------
// API boundary

export const IdentityKindSchema = z.enum(IDENTITY_KINDS, {
  error: 'Välj personnummer, samordningsnummer eller reservnummer.',
});

/**
 * `{ kind, number }` from a request, validated and transformed to the parsed `IdentityNumber`. A
 * bad number is reported on the `number` path with the Swedish message; the input is not echoed.
 */
export function identityNumberSchema(today: string) {
  requireIsoDate(today, 'today');
  return z
    .strictObject({
      kind: IdentityKindSchema,
      number: z.string({ error: 'Fyll i numret.' }),
    })
    .transform((request, ctx): IdentityNumber => {
      const result = parseIdentityNumber(request.number, request.kind, today);
      if (result.ok) return result.value;
      ctx.addIssue({ code: 'custom', message: result.message, path: ['number'] });
      return z.NEVER;
    });
}
