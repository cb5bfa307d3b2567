/**
 * Swedish working days, for what the law and the work move to "the next working day": a deadline
 * that ends on a day off, and socialjour's night or weekend intake, which reaches the day unit on
 * the next working day. Dates are 'YYYY-MM-DD' as in calendar.ts.
 *
 * - The public holidays are the allmänna helgdagar of lag (1989:253) om allmänna helgdagar, as in
 *   force since 2005 (nationaldagen a holiday, annandag pingst not). They are applied to every
 *   year: the calendar serves deadlines from now on, not history.
 * - A day is not a working day when lag (1930:173) om beräkning av lagstadgad tid 2 § moves a
 *   deadline ending on it to the next weekday: Saturdays, Sundays, the public holidays, and
 *   midsommarafton, julafton and nyårsafton, which that law treats like holidays.
 */
import { addDays, dateOf, daysBetween, isoWeekday } from './calendar.ts';

export type PublicHoliday = { readonly date: string; readonly name: string };

/** Easter Sunday by the anonymous Gregorian computus (Meeus, Astronomical Algorithms, ch. 8). */
function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const n = h + l - 7 * m + 114;
  return dateOf(year, Math.floor(n / 31), (n % 31) + 1);
}

/** The first Saturday on or after a date. */
const saturdayFrom = (date: string) => addDays(date, (13 - isoWeekday(date)) % 7);

/** Midsommardagen is the Saturday 20–26 June (lag 1989:253). */
const midsummerDay = (year: number) => saturdayFrom(dateOf(year, 6, 20));

/** The allmänna helgdagar of a year other than Sundays, by date; two may fall on one day. */
export function publicHolidays(year: number): readonly PublicHoliday[] {
  if (!Number.isInteger(year) || year < 1 || year > 9999) {
    throw new RangeError('Expected a year from 1 to 9999');
  }
  const easter = easterSunday(year);
  const holidays: PublicHoliday[] = [
    { date: dateOf(year, 1, 1), name: 'nyårsdagen' },
    { date: dateOf(year, 1, 6), name: 'trettondedag jul' },
    { date: addDays(easter, -2), name: 'långfredagen' },
    { date: easter, name: 'påskdagen' },
    { date: addDays(easter, 1), name: 'annandag påsk' },
    { date: dateOf(year, 5, 1), name: 'första maj' },
    { date: addDays(easter, 39), name: 'Kristi himmelsfärdsdag' },
    { date: addDays(easter, 49), name: 'pingstdagen' },
    { date: dateOf(year, 6, 6), name: 'Sveriges nationaldag' },
    { date: midsummerDay(year), name: 'midsommardagen' },
    { date: saturdayFrom(dateOf(year, 10, 31)), name: 'alla helgons dag' },
    { date: dateOf(year, 12, 25), name: 'juldagen' },
    { date: dateOf(year, 12, 26), name: 'annandag jul' },
  ];
  return holidays.sort((x, y) => x.date.localeCompare(y.date));
}

export function isWorkingDay(date: string): boolean {
  if (isoWeekday(date) > 5) return false;
  const year = Number(date.slice(0, 4));
  const eves = [addDays(midsummerDay(year), -1), dateOf(year, 12, 24), dateOf(year, 12, 31)];
  return !eves.includes(date) && !publicHolidays(year).some((holiday) => holiday.date === date);
}

/** The date itself when it is a working day, else the first working day after it. */
export function nextWorkingDay(date: string): string {
  let day = date;
  while (!isWorkingDay(day)) day = addDays(day, 1);
  return day;
}

/** The n-th working day after the date (n ≥ 0; the date itself when n is 0). */
export function addWorkingDays(date: string, n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError('Expected 0 or more working days');
  let day = date;
  for (let left = n; left > 0; left--) day = nextWorkingDay(addDays(day, 1));
  return day;
}

/** The working days after `from` up to and including `to`; negative when `to` is earlier. */
export function workingDaysBetween(from: string, to: string): number {
  const span = daysBetween(from, to);
  // 0 - n, not -n: an empty span backwards is 0, not -0.
  if (span < 0) return 0 - workingDaysBetween(to, from);
  let count = 0;
  for (let i = 1; i <= span; i++) if (isWorkingDay(addDays(from, i))) count++;
  return count;
}
