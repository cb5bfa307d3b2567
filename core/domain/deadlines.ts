import { addDays, addMonths, daysBetween } from './calendar.ts';
import type { Intervention, Period } from './decisions.ts';
import { SHELTER_SAFETY_PLAN_REVIEW_DAYS, safetyPlanReviewDue } from './follow-ups.ts';
import type { SafetyPlanReviewInput } from './follow-ups.ts';
import type { AccompanyingChildDuty } from './accompanying-children.ts';
import type { ReviewSubject } from './safety-signals.ts';
import { CONSENT_EXPIRES_SOON_DAYS } from './consents.ts';
import { DEFAULT_REASSESSMENT_DAYS, reassessmentDue } from './reassessment.ts';
import type { ReassessmentClock } from './reassessment.ts';

/**
 * Deadlines shown on a case and in "Mina ärenden". The statutory ones for children (a protection
 * assessment the day a report comes in, förhandsbedömning within 14 days, 11 kap. 1 a § SoL) and
 * the municipality's own limit for how long an utredning may stay open (4 months by default,
 * configurable; for children also statutory, 11 kap. 2 § SoL). After an acute beslut, the
 * utredning that must follow "within reasonable time" [002 Dialog med socialstyrelsen]; and the
 * end of every insats granted for a period, so that a stay in skyddat boende does not run out
 * unnoticed.
 */
export interface DeadlineRules {
  childPreliminaryAssessmentDays: number;
  investigationMonths: number;
  /** A deadline this many days away or closer is shown as due soon. */
  dueSoonDays: number;
  /** Calendar days from an acute beslut until the utredning must be opened. */
  acuteInvestigationDays: number;
  /** An insats ending this many days away or closer is shown as ending soon. */
  interventionEndsSoonDays: number;
  /** How many days after its end an insats is still shown as ended, to be followed up. */
  interventionEndedShownDays: number;
  /** Days between reviews of the safety plan during a stay in skyddat boende (follow-ups.ts). */
  safetyPlanReviewDays: number;
  /** Days between risk assessments on a victim case (reassessment.ts). */
  reassessmentDays: number;
}

export const defaultDeadlineRules: DeadlineRules = {
  childPreliminaryAssessmentDays: 14,
  investigationMonths: 4,
  dueSoonDays: 3,
  // "Within reasonable time" is not a number in the law [002]. A week: the day unit takes over
  // the next working day, meets the person, and opens the utredning in the days after — half the
  // 14 days the law gives a child's förhandsbedömning, since she is already placed and her need
  // is known. Configurable per municipality (VARN_ACUTE_INVESTIGATION_DAYS).
  acuteInvestigationDays: 7,
  // A week's notice is what it takes to extend a placement or to arrange where she goes next.
  interventionEndsSoonDays: 7,
  interventionEndedShownDays: 14,
  safetyPlanReviewDays: SHELTER_SAFETY_PLAN_REVIEW_DAYS,
  reassessmentDays: DEFAULT_REASSESSMENT_DAYS,
};

export interface CaseTimeline {
  isChildCase: boolean;
  /** When the matter came in (aktualisering). */
  receivedOn: string;
  protectionAssessedOn: string | null;
  preliminaryAssessedOn: string | null;
  investigationOpenedOn: string | null;
  investigationClosedOn: string | null;
  /** Children for whom this case's duty to report is still open. */
  openChildReportDuties: number;
  /** The day of the case's first acute beslut, or null; an open case's only. */
  acuteDecidedOn?: string | null;
  /**
   * The periods granted on an open case, one per beslut that grants an insats (its current
   * version's period: a rättelse or ändring of the end replaces it).
   */
  /** The dates set for following up an uppdrag and not yet met (follow-ups.ts `openDues`). */
  followUpsDue?: readonly { dueOn: string; intervention: Intervention | undefined }[];
  /** The stays in skyddat boende and the case's safety plan, for its review (follow-ups.ts). */
  shelterSafetyPlan?: SafetyPlanReviewInput;
  /** The duties for the children accompanying a parent into skyddat boende (accompanying-children.ts). */
  accompanyingChildren?: readonly AccompanyingChildDuty[];
  grantedPeriods?: readonly { intervention: Intervention; period: Period; place?: string }[];
  /**
   * The open safety signals of an open case, one due day per subject (safety-signals.ts): what a
   * linked file's event asks this case to review, and by when — nothing else.
   */
  safetySignals?: readonly { review: ReviewSubject; dueOn: string }[];
  /**
   * The consents of the case's register not revoked (consents.ts): to whom (a key for the
   * recipient) and the last day each is valid.
   */
  consents?: readonly { recipient: string; validUntil: string }[];
  /** What the next risk assessment's clock runs from (reassessment.ts); an open case's only. */
  reassessment?: ReassessmentClock;
  /**
   * The follow-up dates of the case's SIP and samverkansplaner still to be met
   * (coordinated-plans.ts `planFollowUpDue`), one per plan.
   */
  planFollowUps?: readonly { dueOn: string }[];
  /** The action items of samråd minutes in this file not yet closed, by their due dates. */
  meetingActions?: readonly { dueOn: string }[];
}

export const deadlineKinds = [
  'protection_assessment',
  'preliminary_assessment',
  'investigation',
  'child_report',
  'investigation_after_acute',
  'intervention_period',
  'follow_up',
  'safety_plan_review',
  'accompanying_child_decision',
  'school_arrangement',
  'risk_review_signal',
  'safety_plan_signal',
  'consent_expiry',
  'plan_follow_up',
  'meeting_action',
  'risk_reassessment',
] as const;
export type DeadlineKind = (typeof deadlineKinds)[number];

export interface Deadline {
  kind: DeadlineKind;
  dueOn: string;
  /** For an insats's period ('intervention_period'): ok running, due_soon ends soon, overdue ended. */
  status: 'ok' | 'due_soon' | 'overdue';
  /** The insats whose period ends ('intervention_period'), or that is followed up ('follow_up'). */
  intervention?: Intervention;
  /** Where it is carried out (the beslut's place), where the caller gave it. */
  place?: string;
}

function status(dueOn: string, today: string, soonDays: number): Deadline['status'] {
  const left = daysBetween(today, dueOn);
  if (left < 0) return 'overdue';
  return left <= soonDays ? 'due_soon' : 'ok';
}

/** The deadlines still running for a case; one that was met is not listed. */
export function deadlinesFor(
  timeline: CaseTimeline,
  today: string,
  rules: DeadlineRules = defaultDeadlineRules,
): Deadline[] {
  const due: { kind: DeadlineKind; dueOn: string }[] = [];
  if (timeline.isChildCase && timeline.protectionAssessedOn === null) {
    due.push({ kind: 'protection_assessment', dueOn: timeline.receivedOn });
  }
  if (timeline.isChildCase && timeline.preliminaryAssessedOn === null) {
    due.push({
      kind: 'preliminary_assessment',
      dueOn: addDays(timeline.receivedOn, rules.childPreliminaryAssessmentDays),
    });
  }
  if (timeline.investigationOpenedOn !== null && timeline.investigationClosedOn === null) {
    due.push({
      kind: 'investigation',
      dueOn: addMonths(timeline.investigationOpenedOn, rules.investigationMonths),
    });
  }
  if (timeline.openChildReportDuties > 0) {
    // A report of concern is made without delay: the day the children become known.
    due.push({ kind: 'child_report', dueOn: timeline.receivedOn });
  }
  // After an acute beslut the utredning must follow. Met when it is opened — or when the
  // förhandsbedömning decides that none is opened: an adult's utredning is never opened against
  // her will, and that decision is the documented answer.
  const acute = timeline.acuteDecidedOn ?? null;
  if (
    acute !== null &&
    timeline.investigationOpenedOn === null &&
    timeline.preliminaryAssessedOn === null
  ) {
    due.push({
      kind: 'investigation_after_acute',
      dueOn: addDays(acute, rules.acuteInvestigationDays),
    });
  }
  // A child accompanying a parent into skyddat boende has its own beslut, without delay; and
  // its school or preschool solved within the stay's first days.
  const accompanying = timeline.accompanyingChildren ?? [];
  const undecided = accompanying.find((d) => d.status === 'open');
  if (undecided) due.push({ kind: 'accompanying_child_decision', dueOn: undecided.since });
  const school = accompanying
    .filter((d) => d.school.arrangedOn === null)
    .map((d) => d.school.dueOn)
    .sort()
    .at(0);
  if (school !== undefined) due.push({ kind: 'school_arrangement', dueOn: school });
  // The risk is assessed again on an interval, or at once after a new incident.
  const reassess = timeline.reassessment
    ? reassessmentDue(timeline.reassessment, rules.reassessmentDays)
    : null;
  if (reassess !== null) due.push({ kind: 'risk_reassessment', dueOn: reassess });
  const statused: Deadline[] = due.map((d) => ({
    ...d,
    status: status(d.dueOn, today, rules.dueSoonDays),
  }));
  // A signal asks for a review within two working days, which may be four calendar days or more
  // over a weekend: it is due soon from the day it is raised, whatever day that is.
  const signals: Deadline[] = (timeline.safetySignals ?? []).map((signal) => ({
    kind: signal.review === 'risk_assessment' ? 'risk_review_signal' : 'safety_plan_signal',
    dueOn: signal.dueOn,
    status: daysBetween(today, signal.dueOn) < 0 ? 'overdue' : 'due_soon',
  }));
  return [
    ...statused,
    ...signals,
    ...periodEnds(timeline.grantedPeriods ?? [], today, rules),
    ...followUpDeadlines(timeline, today, rules),
    ...consentExpiries(timeline.consents ?? [], today, rules),
    // A SIP or samverkansplan is followed up like an uppdrag; a samråd's action item is done
    // by its day [issue 15].
    ...(timeline.planFollowUps ?? []).map((d): Deadline => ({
      kind: 'plan_follow_up',
      dueOn: d.dueOn,
      status: status(d.dueOn, today, rules.dueSoonDays),
    })),
    ...(timeline.meetingActions ?? []).map((d): Deadline => ({
      kind: 'meeting_action',
      dueOn: d.dueOn,
      status: status(d.dueOn, today, rules.dueSoonDays),
    })),
  ];
}

/**
 * A consent running out is a deadline [issue 15]: time to ask the person for a new one before
 * what rests on it must stop. Shown from {@link CONSENT_EXPIRES_SOON_DAYS} days before its last
 * day, and for a while after it as overdue; not when a later consent to the same recipient
 * already runs longer.
 */
function consentExpiries(
  consents: NonNullable<CaseTimeline['consents']>,
  today: string,
  rules: DeadlineRules,
): Deadline[] {
  return consents.flatMap((c): Deadline[] => {
    const left = daysBetween(today, c.validUntil);
    if (left > CONSENT_EXPIRES_SOON_DAYS || -left > rules.interventionEndedShownDays) return [];
    const renewed = consents.some(
      (o) => o !== c && o.recipient === c.recipient && o.validUntil > c.validUntil,
    );
    if (renewed) return [];
    return [
      {
        kind: 'consent_expiry',
        dueOn: c.validUntil,
        status: status(c.validUntil, today, CONSENT_EXPIRES_SOON_DAYS),
      },
    ];
  });
}

/**
 * Uppföljning (core/domain/follow-ups.ts): each date set for following up an uppdrag, until an
 * uppföljning answers it; and while a stay in skyddat boende runs, the next review of the safety
 * plan.
 */
function followUpDeadlines(timeline: CaseTimeline, today: string, rules: DeadlineRules) {
  const list: Deadline[] = (timeline.followUpsDue ?? []).map((d) => ({
    kind: 'follow_up',
    dueOn: d.dueOn,
    status: status(d.dueOn, today, rules.dueSoonDays),
    ...(d.intervention ? { intervention: d.intervention } : {}),
  }));
  const plan = timeline.shelterSafetyPlan;
  const review = plan ? safetyPlanReviewDue(plan, today, rules.safetyPlanReviewDays) : null;
  if (review !== null) {
    list.push({
      kind: 'safety_plan_review',
      dueOn: review,
      status: status(review, today, rules.dueSoonDays),
    });
  }
  return list;
}

/**
 * The insatser running today with an end date, and those ended lately. Per insats: the granted
 * period that covers today (the one ending last, if several do) shows as running (ok) or ending
 * soon; none running, the one that ended last shows as ended (overdue) for a while after its
 * t.o.m., to be followed up or extended — unless a later beslut already continues it. An
 * open-ended one has no end to watch; one that has not begun is not running yet.
 */
function periodEnds(
  granted: NonNullable<CaseTimeline['grantedPeriods']>,
  today: string,
  rules: DeadlineRules,
): Deadline[] {
  const byIntervention = Map.groupBy(granted, (g) => g.intervention);
  return [...byIntervention.entries()].flatMap(([intervention, periods]): Deadline[] => {
    const running = periods.filter(
      (p) => p.period.from <= today && (p.period.to ?? today) >= today,
    );
    if (running.some((p) => p.period.to === null)) return [];
    const ends = (list: typeof periods) =>
      list
        .map((p) => p.period.to)
        .filter((to): to is string => to !== null)
        .sort();
    const end = running.length > 0 ? ends(running).at(-1) : undefined;
    if (end !== undefined) {
      const place = running.find((p) => p.period.to === end)?.place;
      return [
        {
          kind: 'intervention_period',
          dueOn: end,
          status: status(end, today, rules.interventionEndsSoonDays),
          intervention,
          ...(place ? { place } : {}),
        },
      ];
    }
    const ended = ends(periods.filter((p) => p.period.to !== null && p.period.to < today)).at(-1);
    const continued = periods.some((p) => p.period.from > today);
    if (
      ended === undefined ||
      continued ||
      daysBetween(ended, today) > rules.interventionEndedShownDays
    ) {
      return [];
    }
    return [{ kind: 'intervention_period', dueOn: ended, status: 'overdue', intervention }];
  });
}
