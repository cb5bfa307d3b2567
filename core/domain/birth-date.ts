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
