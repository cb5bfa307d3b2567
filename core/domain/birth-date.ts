/**
 * Birth dates as identity numbers give them: 'YYYY-MM-DD', or only 'YYYY-MM' or 'YYYY' for a
 * samordningsnummer whose date Skatteverket does not know in full (core/domain/personal-identity.ts).
 * Every rule that asks a person's age asks here, so none of them reads a partial date as a whole.
 *
 * Pure: the day to count the age on comes in as an argument.
 */

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The last day the birth date can be: a year ends on 31 December, a month on its last day. */
export function latestBirthDay(birthDate: string): string {
  const [year = '', month, day] = birthDate.split('-');
  if (day !== undefined) return birthDate;
  if (month === undefined) return `${year}-12-31`;
  return `${year}-${month}-${String(daysIn(Number(year), Number(month))).padStart(2, '0')}`;
}

/** The first day the birth date can be. */
export function earliestBirthDay(birthDate: string): string {
  const [year = '', month = '01', day = '01'] = birthDate.split('-');
  return `${year}-${month}-${day}`;
}

/** Whole years from a 'YYYY-MM-DD' birth day to a day. */
function yearsFrom(born: string, on: string): number {
  const [by, bm, bd] = born.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = on.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/**
 * A person's age in whole years on a day. For a partly known birth date, the youngest age the
 * person can have: the rules that ask — is this a child the report duty covers, does the matter go
 * to the children's unit — err on the side of the child.
 */
export function ageOn(birthDate: string, on: string): number {
  return yearsFrom(latestBirthDay(birthDate), on);
}

/** The ages a person can have on a day: one number when the birth date is known in full. */
export function ageRangeOn(birthDate: string, on: string): { youngest: number; oldest: number } {
  return { youngest: ageOn(birthDate, on), oldest: yearsFrom(earliestBirthDay(birthDate), on) };
}

/** An age as a person reads it: "7 år", or "6–7 år" when the birth date is partly known. */
export function formatAge(birthDate: string, on: string): string {
  const { youngest, oldest } = ageRangeOn(birthDate, on);
  return youngest === oldest ? `${youngest} år` : `${youngest}–${oldest} år`;
}

/** A day moved by whole years; 29 February becomes 28 February in a year without it. */
function shiftYears(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const year = y + years;
  const dd = Math.min(d, daysIn(year, m));
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
}

function nextDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/**
 * The birth days possible for a person said to be `age` years old on a day ("she is seven",
 * stated at intake when the identity number is not known): born at the latest on the day `age`
 * years before, and at the earliest the day after `age + 1` years before. Every day in between,
 * and no other, gives that age on that day (property-tested).
 */
export function statedAgeBirthRange(
  age: number,
  statedOn: string,
): { earliest: string; latest: string } {
  return {
    earliest: nextDay(shiftYears(statedOn, -(age + 1))),
    latest: shiftYears(statedOn, -age),
  };
}

/**
 * A stated age as a birth date for the rules: the latest possible birth day, so that the child
 * counts as a child until she must be an adult (ageOn then gives the youngest age she can have).
 */
export function statedAgeBirthDate(age: number, statedOn: string): string {
  return statedAgeBirthRange(age, statedOn).latest;
}

/** A stated age as a person reads it on a later day: "ca 7 år", grown with the years since. */
export function formatStatedAge(age: number, statedOn: string, on: string): string {
  return `ca ${String(Math.max(age, age + yearsFrom(statedOn, on)))} år`;
}
