import { addDays, addMonths, daysBetween } from './calendar.ts';

/**
 * Deadlines shown on a case and in "Mina ärenden". The statutory ones for children (a protection
 * assessment the day a report comes in, förhandsbedömning within 14 days, 11 kap. 1 a § SoL) and
 * the municipality's own limit for how long an utredning may stay open (4 months by default,
 * configurable; for children also statutory, 11 kap. 2 § SoL).
 */
export interface DeadlineRules {
  childPreliminaryAssessmentDays: number;
  investigationMonths: number;
  /** A deadline this many days away or closer is shown as due soon. */
  dueSoonDays: number;
}

export const defaultDeadlineRules: DeadlineRules = {
  childPreliminaryAssessmentDays: 14,
  investigationMonths: 4,
  dueSoonDays: 3,
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
}

export type DeadlineKind =
  'protection_assessment' | 'preliminary_assessment' | 'investigation' | 'child_report';

export interface Deadline {
  kind: DeadlineKind;
  dueOn: string;
  status: 'ok' | 'due_soon' | 'overdue';
}

function status(dueOn: string, today: string, rules: DeadlineRules): Deadline['status'] {
  const left = daysBetween(today, dueOn);
  if (left < 0) return 'overdue';
  return left <= rules.dueSoonDays ? 'due_soon' : 'ok';
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
  return due.map((d) => ({ ...d, status: status(d.dueOn, today, rules) }));
}
