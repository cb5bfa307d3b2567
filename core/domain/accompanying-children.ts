/**
 * Accompanying children in skyddat boende (issue 13 item 4; domain.md §3.5, §4). Since
 * 2024-04-01 (lag 2024:79, 4 kap. 2 c § SoL 2001:453 in the legal catalogue as
 * `shelterForAccompanyingChildren`) a child who follows a parent into skyddat boende is assessed
 * and decided for individually, by the children's unit — not as an appendix to the parent's
 * beslut [003 Bilaga 3]. So granting skyddat boende to a parent with children in the household
 * opens a duty per child, followed like the duty to report (child-report-duty.ts), until the
 * child's own beslut is recorded; and the child's school or preschool must be solved — stay in
 * the old school, a place in a school near the shelter, or teaching at the shelter [001
 * Skolgång vid vistelse i skyddat boende] — a task with a deadline.
 *
 * Pure: the grants, the household, the children's decisions and today come in as arguments.
 */
import { addDays } from './calendar.ts';
import type { HouseholdChild } from './child-report-duty.ts';
import { ACUTE_BACKDATING_DAYS } from './decisions.ts';
import { addWorkingDays } from './working-days.ts';

/** The day the rules on accompanying children came into force. */
export const ACCOMPANYING_CHILDREN_RULES_FROM = '2024-04-01';

/**
 * Working days from the start of the stay by which the child's school situation is to be solved.
 * The sources set no number; a week of school missed is what a municipality can accept while a
 * place is found or teaching at the shelter is arranged. Configuration may shorten it.
 */
export const SCHOOL_ARRANGEMENT_WORKING_DAYS = 5;

export const schoolArrangements = [
  'same_school',
  'school_near_shelter',
  'teaching_at_shelter',
  'not_in_school',
] as const;
export type SchoolArrangementKind = (typeof schoolArrangements)[number];

export const schoolArrangementLabels: Record<SchoolArrangementKind, string> = {
  same_school: 'Går kvar i sin skola eller förskola',
  school_near_shelter: 'Plats i skola eller förskola nära boendet',
  teaching_at_shelter: 'Undervisning på boendet',
  not_in_school: 'Inte i skol- eller förskoleålder',
};

/** A granted skyddat boende on the parent's case: its period's start. */
export interface ShelterGrant {
  from: string;
}

/** A beslut on skyddat boende in the child's own case, whatever its outcome. */
export interface ChildShelterDecision {
  childPersonId: string;
  decidedOn: string;
}

export interface SchoolArrangement {
  childPersonId: string;
  arrangedOn: string;
}

export interface AccompanyingChildDuty {
  childPersonId: string;
  via: HouseholdChild['via'];
  /** The start of the parent's stay that opened the duty. */
  since: string;
  /** 'open' until the child's own beslut on skyddat boende is recorded. */
  status: 'open' | 'decided';
  decidedOn: string | null;
  school: { dueOn: string; arrangedOn: string | null };
}

/**
 * The duty for each child of the household, from the parent's latest stay in skyddat boende
 * granted under the rules in force (none before 2024-04-01). The child's own beslut counts when
 * taken for this stay: on or after its start, or at most {@link ACUTE_BACKDATING_DAYS} days
 * before, as a stay decided in the night is often written down days later; so does a school
 * arrangement made since the stay began.
 */
export function accompanyingChildDuties(input: {
  grants: readonly ShelterGrant[];
  children: readonly HouseholdChild[];
  childDecisions: readonly ChildShelterDecision[];
  arrangements: readonly SchoolArrangement[];
}): AccompanyingChildDuty[] {
  const since = input.grants
    .map((g) => g.from)
    .filter((from) => from >= ACCOMPANYING_CHILDREN_RULES_FROM)
    .sort()
    .at(-1);
  if (since === undefined) return [];
  const earliest = addDays(since, -ACUTE_BACKDATING_DAYS);
  return input.children.map((child) => {
    const decided = input.childDecisions
      .filter((d) => d.childPersonId === child.personId && d.decidedOn >= earliest)
      .map((d) => d.decidedOn)
      .sort()
      .at(0);
    const arranged = input.arrangements
      .filter((a) => a.childPersonId === child.personId && a.arrangedOn >= earliest)
      .map((a) => a.arrangedOn)
      .sort()
      .at(0);
    return {
      childPersonId: child.personId,
      via: child.via,
      since,
      status: decided === undefined ? 'open' : 'decided',
      decidedOn: decided ?? null,
      school: {
        dueOn: addWorkingDays(since, SCHOOL_ARRANGEMENT_WORKING_DAYS),
        arrangedOn: arranged ?? null,
      },
    };
  });
}
