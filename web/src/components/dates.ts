/**
 * Dates and times as typed into forms: Swedish time whatever the machine says, so a socialjour
 * working on a laptop set to another zone still records when something happened in Sweden.
 */
const zone = 'Europe/Stockholm';

const partsFormat = new Intl.DateTimeFormat('sv-SE', {
  timeZone: zone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function stockholmParts(at: Date) {
  const parts = Object.fromEntries(
    partsFormat.formatToParts(at).map((p) => [p.type, p.value] as const),
  ) as Record<string, string>;
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
    seconds: Number(parts.second),
  };
}

/** Today in Sweden: 'YYYY-MM-DD'. */
export const stockholmToday = (at: Date = new Date()) => stockholmParts(at).date;

/** Now in Sweden, as a date field and a time field ('HH:MM') show it. */
export function stockholmNow(at: Date = new Date()) {
  const { date, time } = stockholmParts(at);
  return { date, time };
}

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const timePattern = /^([01]\d|2[0-3])[:.]([0-5]\d)$/;

export const isDate = (value: string) => datePattern.test(value.trim());
export const isTime = (value: string) => timePattern.test(value.trim());

/**
 * A date and a time of day in Swedish time as an ISO instant with offset, or undefined when
 * either does not parse. Works across the change to and from summer time.
 */
export function stockholmDateTimeToIso(date: string, time: string): string | undefined {
  const d = datePattern.exec(date.trim());
  const t = timePattern.exec(time.trim());
  if (!d || !t) return undefined;
  const [year, month, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
  const [hour, minute] = [Number(t[1]), Number(t[2])];
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // The zone's offset at that wall time: guess with the wall time as UTC, then correct once.
  const offsetAt = (instant: number) => {
    const p = stockholmParts(new Date(instant));
    const [y, m, dd] = p.date.split('-').map(Number);
    const [hh, mm] = p.time.split(':').map(Number);
    return Date.UTC(y ?? 0, (m ?? 1) - 1, dd ?? 1, hh ?? 0, mm ?? 0, p.seconds) - instant;
  };
  let instant = wall - offsetAt(wall);
  instant = wall - offsetAt(instant);
  const check = stockholmParts(new Date(instant));
  if (check.date !== date.trim()) return undefined; // e.g. 2026-02-30
  return new Date(instant).toISOString();
}
