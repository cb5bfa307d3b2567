import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dateOf, daysBetween, isoWeekday } from './calendar.ts';
import {
  addWorkingDays,
  isWorkingDay,
  nextWorkingDay,
  publicHolidays,
  workingDaysBetween,
} from './working-days.ts';

const FIRST = '1900-01-01';
const LAST = '2100-12-31';
const date = fc.integer({ min: 0, max: daysBetween(FIRST, LAST) }).map((n) => addDays(FIRST, n));
const year = fc.integer({ min: 1583, max: 9999 });
const SATURDAY = 6;
const SUNDAY = 7;

function holiday(y: number, name: string): string {
  const found = publicHolidays(y).find((h) => h.name === name);
  if (!found) throw new Error(`No ${name} in ${y}`);
  return found.date;
}

const within = (d: string, from: string, to: string) => from <= d && d <= to;

/** Gauss's Easter algorithm for the Gregorian calendar: an independent check on the computus. */
function gaussEaster(y: number): string {
  const a = y % 19;
  const k = Math.floor(y / 100);
  const p = Math.floor((13 + 8 * k) / 25);
  const q = Math.floor(k / 4);
  const M = (15 - p + k - q) % 30;
  const N = (4 + k - q) % 7;
  const d = (19 * a + M) % 30;
  const e = (2 * (y % 4) + 4 * (y % 7) + 6 * d + N) % 7;
  if (d === 29 && e === 6) return dateOf(y, 4, 19);
  if (d === 28 && e === 6 && (11 * M + 11) % 30 < 19) return dateOf(y, 4, 18);
  return addDays(dateOf(y, 3, 22), d + e);
}

describe('isoWeekday', () => {
  it('agrees with the JavaScript calendar', () => {
    fc.assert(
      fc.property(date, (d) => {
        const jsDay = new Date(`${d}T00:00:00Z`).getUTCDay();
        expect(isoWeekday(d)).toBe(jsDay === 0 ? SUNDAY : jsDay);
      }),
    );
  });
});

describe('publicHolidays', () => {
  it('finds Easter Sunday as Gauss does, in every Gregorian year to 9999', () => {
    for (let y = 1583; y <= 9999; y++) expect(holiday(y, 'påskdagen')).toBe(gaussEaster(y));
  });

  it('puts Easter on a Sunday from 22 March to 25 April, and the feasts around it', () => {
    fc.assert(
      fc.property(year, (y) => {
        const easter = holiday(y, 'påskdagen');
        expect(isoWeekday(easter)).toBe(SUNDAY);
        expect(within(easter, dateOf(y, 3, 22), dateOf(y, 4, 25))).toBe(true);
        expect(holiday(y, 'långfredagen')).toBe(addDays(easter, -2));
        expect(holiday(y, 'annandag påsk')).toBe(addDays(easter, 1));
        expect(holiday(y, 'Kristi himmelsfärdsdag')).toBe(addDays(easter, 39));
        expect(holiday(y, 'pingstdagen')).toBe(addDays(easter, 49));
      }),
    );
  });

  it('puts midsommardagen and alla helgons dag on the Saturday of their week', () => {
    fc.assert(
      fc.property(year, (y) => {
        const midsummer = holiday(y, 'midsommardagen');
        const allSaints = holiday(y, 'alla helgons dag');
        expect(isoWeekday(midsummer)).toBe(SATURDAY);
        expect(within(midsummer, dateOf(y, 6, 20), dateOf(y, 6, 26))).toBe(true);
        expect(isoWeekday(allSaints)).toBe(SATURDAY);
        expect(within(allSaints, dateOf(y, 10, 31), dateOf(y, 11, 6))).toBe(true);
      }),
    );
  });

  it('lists the thirteen holidays of the year in date order, none a working day', () => {
    fc.assert(
      fc.property(year, (y) => {
        const dates = publicHolidays(y).map((h) => h.date);
        expect(dates).toHaveLength(13);
        expect(dates).toEqual([...dates].sort());
        for (const d of dates) {
          expect(Number(d.slice(0, 4))).toBe(y);
          expect(isWorkingDay(d)).toBe(false);
        }
      }),
    );
  });

  it('names the holidays of 2026', () => {
    expect(publicHolidays(2026)).toEqual([
      { date: '2026-01-01', name: 'nyårsdagen' },
      { date: '2026-01-06', name: 'trettondedag jul' },
      { date: '2026-04-03', name: 'långfredagen' },
      { date: '2026-04-05', name: 'påskdagen' },
      { date: '2026-04-06', name: 'annandag påsk' },
      { date: '2026-05-01', name: 'första maj' },
      { date: '2026-05-14', name: 'Kristi himmelsfärdsdag' },
      { date: '2026-05-24', name: 'pingstdagen' },
      { date: '2026-06-06', name: 'Sveriges nationaldag' },
      { date: '2026-06-20', name: 'midsommardagen' },
      { date: '2026-10-31', name: 'alla helgons dag' },
      { date: '2026-12-25', name: 'juldagen' },
      { date: '2026-12-26', name: 'annandag jul' },
    ]);
  });

  it('knows the movable holidays of 2024, 2027 and other years', () => {
    expect(holiday(2024, 'långfredagen')).toBe('2024-03-29');
    expect(holiday(2024, 'påskdagen')).toBe('2024-03-31');
    expect(holiday(2024, 'Kristi himmelsfärdsdag')).toBe('2024-05-09');
    expect(holiday(2024, 'pingstdagen')).toBe('2024-05-19');
    expect(holiday(2024, 'midsommardagen')).toBe('2024-06-22');
    expect(holiday(2024, 'alla helgons dag')).toBe('2024-11-02');
    expect(holiday(2027, 'långfredagen')).toBe('2027-03-26');
    expect(holiday(2027, 'påskdagen')).toBe('2027-03-28');
    expect(holiday(2027, 'Kristi himmelsfärdsdag')).toBe('2027-05-06');
    expect(holiday(2027, 'midsommardagen')).toBe('2027-06-26');
    expect(holiday(2027, 'alla helgons dag')).toBe('2027-11-06');
    expect(holiday(1900, 'påskdagen')).toBe('1900-04-15');
    expect(holiday(1943, 'påskdagen')).toBe('1943-04-25');
    expect(holiday(2100, 'påskdagen')).toBe('2100-03-28');
    expect(holiday(2285, 'påskdagen')).toBe('2285-03-22');
    // Two holidays on one day: both are listed.
    expect(holiday(2008, 'Kristi himmelsfärdsdag')).toBe('2008-05-01');
    expect(holiday(2008, 'första maj')).toBe('2008-05-01');
  });

  it('refuses a year it cannot write as YYYY', () => {
    expect(() => publicHolidays(10000)).toThrow(RangeError);
    expect(() => publicHolidays(2026.5)).toThrow(RangeError);
  });
});

describe('isWorkingDay', () => {
  it('is every weekday but the holidays, midsommarafton, julafton and nyårsafton', () => {
    fc.assert(
      fc.property(date, (d) => {
        const y = Number(d.slice(0, 4));
        const off = [
          ...publicHolidays(y).map((h) => h.date),
          addDays(holiday(y, 'midsommardagen'), -1),
          dateOf(y, 12, 24),
          dateOf(y, 12, 31),
        ];
        expect(isWorkingDay(d)).toBe(isoWeekday(d) < SATURDAY && !off.includes(d));
      }),
    );
  });

  it('knows the eves of 2026', () => {
    expect(isWorkingDay('2026-06-19')).toBe(false); // midsommarafton, a Friday
    expect(isWorkingDay('2026-12-24')).toBe(false); // julafton, a Thursday
    expect(isWorkingDay('2026-12-31')).toBe(false); // nyårsafton, a Thursday
    expect(isWorkingDay('2026-12-23')).toBe(true);
    expect(isWorkingDay('2027-06-25')).toBe(false); // midsommarafton 2027
    expect(isWorkingDay('2024-06-21')).toBe(false); // midsommarafton 2024
  });
});

describe('nextWorkingDay', () => {
  it('is the first working day on or after the date', () => {
    fc.assert(
      fc.property(date, (d) => {
        const next = nextWorkingDay(d);
        expect(isWorkingDay(next)).toBe(true);
        expect(next >= d).toBe(true);
        for (let day = d; day < next; day = addDays(day, 1)) expect(isWorkingDay(day)).toBe(false);
      }),
    );
  });

  it('moves past Christmas, the new year, Easter and midsummer', () => {
    expect(nextWorkingDay('2026-12-23')).toBe('2026-12-23');
    expect(nextWorkingDay('2026-12-24')).toBe('2026-12-28');
    expect(nextWorkingDay('2026-12-31')).toBe('2027-01-04');
    expect(nextWorkingDay('2026-04-03')).toBe('2026-04-07');
    expect(nextWorkingDay('2026-06-19')).toBe('2026-06-22');
  });
});

describe('addWorkingDays and workingDaysBetween', () => {
  const n = fc.integer({ min: 0, max: 60 });

  it('lands on a working day, later for each further day, and counts back to n', () => {
    fc.assert(
      fc.property(date, n, (d, k) => {
        const later = addWorkingDays(d, k + 1);
        expect(isWorkingDay(later)).toBe(true);
        expect(later > addWorkingDays(d, k)).toBe(true);
        expect(workingDaysBetween(d, addWorkingDays(d, k))).toBe(k);
      }),
    );
  });

  it('adds up over consecutive spans and turns negative backwards', () => {
    fc.assert(
      fc.property(date, n, n, (a, x, y) => {
        const b = addDays(a, x);
        const c = addDays(b, y);
        expect(workingDaysBetween(a, b) + workingDaysBetween(b, c)).toBe(workingDaysBetween(a, c));
        expect(workingDaysBetween(c, a)).toBe(0 - workingDaysBetween(a, c));
      }),
    );
  });

  it('counts the working days around Christmas and Easter 2026', () => {
    expect(addWorkingDays('2026-12-23', 0)).toBe('2026-12-23');
    expect(addWorkingDays('2026-12-23', 1)).toBe('2026-12-28');
    expect(workingDaysBetween('2026-12-24', '2026-12-28')).toBe(1);
    expect(workingDaysBetween('2026-12-23', '2027-01-04')).toBe(4);
    expect(addWorkingDays('2026-04-02', 1)).toBe('2026-04-07');
  });

  it('refuses a negative or fractional number of days', () => {
    expect(() => addWorkingDays('2026-01-01', -1)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-01-01', 1.5)).toThrow(RangeError);
  });
});
