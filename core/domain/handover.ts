import { addDays } from './calendar.ts';
import { isWorkingDay, nextWorkingDay } from './working-days.ts';

/**
 * Socialjour hands over to the day unit (issue 13, item 2; domain spec §3.1 item 5, [002]): a
 * matter registered by socialjour in the evening, at night or on a day that is not a working day
 * is the responsible day unit's on the next working day, first in its queue. Which unit is
 * responsible is the municipality's rule, kept as data (an administrator edits it); when the
 * handover is due follows from the Swedish working-day calendar.
 *
 * Pure: the rules, the hours and the instant come in as arguments.
 */

export const handoverTargetGroups = [
  'victim',
  'perpetrator',
  'child',
  'honour_violence',
  'prostitution',
  'trafficking',
  'sexual_violence',
] as const;
export type HandoverTargetGroup = (typeof handoverTargetGroups)[number];

export interface HandoverRules {
  /** The day unit for a target group. A target group without a rule goes to the default unit. */
  rules: readonly { targetGroup: HandoverTargetGroup; unitId: string }[];
  defaultUnitId: string;
  /**
   * Where the municipality says so, a matter about a child (under 18) goes to the children's unit
   * whatever its target group; null leaves it to the target group.
   */
  childUnitId: string | null;
  /** Socialjour's night: from this hour (Stockholm, 0–23) ... */
  nightStartsHour: number;
  /** ... until this hour the next morning (0–23). */
  nightEndsHour: number;
}

export interface Matter {
  targetGroup: HandoverTargetGroup;
  /** The person's age in whole years, when known (from a personnummer's birth date). */
  age: number | null;
}

/** The day unit responsible for a matter socialjour registered. */
export function dayUnitFor(matter: Matter, rules: HandoverRules): string {
  if (rules.childUnitId !== null && matter.age !== null && matter.age < 18) {
    return rules.childUnitId;
  }
  return (
    rules.rules.find((rule) => rule.targetGroup === matter.targetGroup)?.unitId ??
    rules.defaultUnitId
  );
}

const stockholm = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  hourCycle: 'h23',
});

/** The Stockholm date and hour of an instant. */
export function stockholmDateHour(at: Date): { date: string; hour: number } {
  const parts = Object.fromEntries(stockholm.formatToParts(at).map((p) => [p.type, p.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour) };
}

/** Whether an hour (0–23) falls in the night that starts and ends at the given hours. */
export function isNightHour(hour: number, startsHour: number, endsHour: number): boolean {
  if (startsHour === endsHour) return false;
  return startsHour > endsHour
    ? hour >= startsHour || hour < endsHour
    : hour >= startsHour && hour < endsHour;
}

/**
 * The working day on which the day unit takes over a matter socialjour received at `receivedAt`:
 * the day itself for a daytime intake on a working day (it is handed over at once); otherwise
 * the first working day after the intake's Stockholm date — an evening intake goes to the next
 * working day, and so does a night intake before the morning (its date's own day has not begun
 * for the day unit, but a night intake after midnight on a working day is due that morning).
 */
export function handoverOn(
  receivedAt: Date,
  hours: Pick<HandoverRules, 'nightStartsHour' | 'nightEndsHour'>,
): string {
  const { date, hour } = stockholmDateHour(receivedAt);
  if (!isWorkingDay(date)) return nextWorkingDay(date);
  if (!isNightHour(hour, hours.nightStartsHour, hours.nightEndsHour)) return date;
  // Night on a working day: before the morning the day unit's day is still to come today;
  // in the evening it is the next working day's.
  const morning = hours.nightStartsHour > hours.nightEndsHour && hour < hours.nightEndsHour;
  return morning ? date : nextWorkingDay(addDays(date, 1));
}

/** Whether a planned handover is due on a (Stockholm) date. */
export function isHandoverDue(on: string, today: string): boolean {
  return on <= today;
}
