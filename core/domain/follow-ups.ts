import { addDays } from './calendar.ts';
import type { Period } from './decisions.ts';

/**
 * Uppföljning of an insats given through an uppdrag [001 Uppföljning av insats; 002 Uppföljning;
 * domain.md §3.5]: the handläggare sets the dates by which an uppdrag is to be followed up, and
 * records each follow-up — when and how, with the person and the provider, how the person sees
 * the insats in her own words, the assessment, the actions decided, and whether the goals are met
 * (måluppfyllelse: fully / partly / not met, what systematic follow-up counts [003 Bilaga 6;
 * Kolada's "mål helt eller delvis uppnått"]). During a stay in skyddat boende the safety plan is
 * reviewed at an interval [001 Säkerhetsplanering; domain.md §3.3].
 *
 * Pure data and functions: no I/O; `today` comes in as an argument.
 */

/** How the follow-up was made. A written report is the provider's, read by the handläggare. */
export const followUpMethods = ['meeting', 'phone', 'video', 'written_report'] as const;
export type FollowUpMethod = (typeof followUpMethods)[number];

export const followUpMethodLabels: Record<FollowUpMethod, string> = {
  meeting: 'Möte',
  phone: 'Telefon',
  video: 'Videosamtal',
  written_report: 'Skriftlig rapport från utföraren',
};

/** Måluppfyllelse: whether the goals of the insats are met, the value follow-up counts. */
export const goalFulfilments = ['fully', 'partly', 'not_met'] as const;
export type GoalFulfilment = (typeof goalFulfilments)[number];

export const goalFulfilmentLabels: Record<GoalFulfilment, string> = {
  fully: 'Målen är helt uppfyllda',
  partly: 'Målen är delvis uppfyllda',
  not_met: 'Målen är inte uppfyllda',
};

export const FOLLOW_UP_TEXT_MAX = 5000;
export const REASON_MAX = 2000;

export interface FollowUpContent {
  followedUpOn: string;
  method: FollowUpMethod;
  /** The follow-up included contact with the person herself. */
  withPerson: boolean;
  /** … and with the provider (the source asks for both [001]). */
  withProvider: boolean;
  /** How the person sees the insats and its relevance to her needs, in her own words. */
  personView: string;
  assessment: string;
  actions: string;
  goalFulfilment: GoalFulfilment;
}

export interface FieldProblem {
  /** The field of the body, as the contract names it. */
  field: 'withPerson' | 'personView' | 'assessment' | 'actions' | 'followedUpOn';
  message: string;
}

/**
 * What an uppföljning lacks, field by field (none: it may be recorded). It was made with someone;
 * when the person took part, her own view is written down; the assessment is always written; when
 * the goals are not fully met, the actions decided are named. Not in the future.
 */
export function followUpProblems(f: FollowUpContent, today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (f.followedUpOn > today) {
    problems.push({ field: 'followedUpOn', message: 'Datumet kan inte ligga i framtiden.' });
  }
  if (!f.withPerson && !f.withProvider) {
    problems.push({
      field: 'withPerson',
      message: 'Ange om uppföljningen gjordes med personen, med utföraren eller med båda.',
    });
  }
  if (f.withPerson && f.personView.trim() === '') {
    problems.push({
      field: 'personView',
      message: 'Skriv hur personen själv ser på insatsen, med hennes egna ord.',
    });
  }
  if (f.assessment.trim() === '') {
    problems.push({ field: 'assessment', message: 'Skriv din bedömning av personens situation.' });
  }
  if (f.goalFulfilment !== 'fully' && f.actions.trim() === '') {
    problems.push({
      field: 'actions',
      message: 'Skriv vilka åtgärder som beslutas när målen inte är helt uppfyllda.',
    });
  }
  return problems;
}

/** Why an uppdrag cannot be followed up at all, or null: a declined one has no insats. */
export function commissionRefusal(status: string): string | null {
  return status === 'declined'
    ? 'Utföraren har tackat nej till uppdraget. Det finns ingen insats att följa upp.'
    : null;
}

/**
 * Why an uppdrag cannot be followed up on a day, or null: it was declined, or the insats had not
 * begun.
 */
export function followUpRefusal(
  commission: { status: string; periodFrom: string },
  followedUpOn: string,
): string | null {
  return (
    commissionRefusal(commission.status) ?? followUpDateRefusal(commission.periodFrom, followedUpOn)
  );
}

/** Why an uppföljning cannot be dated so, or null: not before the insats began. */
export function followUpDateRefusal(periodFrom: string, followedUpOn: string): string | null {
  return followedUpOn < periodFrom
    ? `Insatsen började ${periodFrom}. En uppföljning kan inte göras innan dess.`
    : null;
}

/** One date set for following up an uppdrag, as its latest version says. */
export interface FollowUpDue {
  id: string;
  dueOn: string;
  cancelled: boolean;
  /** The uppdrag's status: a declined one has nothing to follow up. */
  commissionStatus: string;
}

/**
 * The dates still to be met: not cancelled, on an uppdrag not declined, and not answered by an
 * uppföljning recorded for them.
 */
export function openDues<D extends FollowUpDue>(
  dues: readonly D[],
  answeredDueIds: ReadonlySet<string>,
): D[] {
  return dues.filter(
    (d) => !d.cancelled && d.commissionStatus !== 'declined' && !answeredDueIds.has(d.id),
  );
}

/**
 * How often the safety plan is reviewed while she stays in skyddat boende. The sources ask for
 * safety planning during the stay, often together with the shelter, and for risk assessment and
 * safety planning "fortlöpande" [001 Säkerhetsplanering; 000 3.1.2], but name no interval. Two
 * weeks: a stay is often a matter of weeks, so the plan is looked at more than once in it, and the
 * first review falls before the stay's first prolongation is decided. Configurable per
 * municipality (VARN_SHELTER_SAFETY_PLAN_REVIEW_DAYS).
 */
export const SHELTER_SAFETY_PLAN_REVIEW_DAYS = 14;

/**
 * The stay in skyddat boende running today: the run of granted or commissioned shelter periods
 * that overlap or follow each other without a gap and include today (an extension continues the
 * stay). Null when none covers today.
 */
export function runningStay(periods: readonly Period[], today: string): Period | null {
  const sorted = [...periods].sort((a, b) => a.from.localeCompare(b.from));
  let run: Period | null = null;
  for (const p of sorted) {
    if (p.from > today) break;
    const joins = run !== null && (run.to === null || p.from <= addDays(run.to, 1));
    if (joins && run !== null) {
      run = { from: run.from, to: run.to === null || p.to === null ? null : maxDate(run.to, p.to) };
    } else {
      run = { from: p.from, to: p.to };
    }
  }
  return run !== null && (run.to === null || run.to >= today) ? run : null;
}

const maxDate = (a: string, b: string) => (a > b ? a : b);

export interface SafetyPlanReviewInput {
  /** The periods of skyddat boende for the person: granted beslut and running uppdrag. */
  shelterPeriods: readonly Period[];
  /** The days the person's safety plan in the case was saved (any version). */
  planSavedOn: readonly string[];
  /** The review date the latest version set, if any. */
  planReviewOn: string | null;
}

/**
 * When the safety plan must next be reviewed, while a stay in skyddat boende runs today: the
 * interval after the last revision made during the stay (or after the stay began, when none is),
 * or the plan's own review date if that comes first. Null when no stay runs.
 */
export function safetyPlanReviewDue(
  input: SafetyPlanReviewInput,
  today: string,
  intervalDays: number,
): string | null {
  const stay = runningStay(input.shelterPeriods, today);
  if (stay === null) return null;
  const revised = input.planSavedOn
    .filter((d) => d >= stay.from && d <= today)
    .sort()
    .at(-1);
  const base = revised ?? stay.from;
  const byInterval = addDays(base, intervalDays);
  const own = input.planReviewOn;
  return own !== null && own >= base && own < byInterval ? own : byInterval;
}
