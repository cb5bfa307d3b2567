import { deadlinesFor, defaultDeadlineRules } from '../../../core/domain/deadlines.ts';
import type { Deadline, DeadlineRules } from '../../../core/domain/deadlines.ts';
import type { Db, Trx } from '../../db/database.ts';
import { stockholmDate } from '../../time.ts';
import { loadDuties } from '../../case-kernel/child-duties.ts';
import type { HouseholdDuty } from '../../case-kernel/child-duties.ts';

interface DeadlineCase {
  id: string;
  person_id: string;
  target_group: string;
  status: 'open' | 'closed';
  received_at: Date;
}

/** The municipality's own limits (configuration); the rest are the defaults of deadlines.ts. */
export type ConfiguredDeadlines = Pick<
  DeadlineRules,
  'investigationMonths' | 'acuteInvestigationDays'
>;

/**
 * The period of every beslut that grants an insats on the cases, as its current version says;
 * with its place (the provider's name) only when asked (see loadDeadlines).
 */
async function grantedPeriods(db: Db | Trx, ids: readonly string[], places: boolean) {
  const rows = await db
    .selectFrom('decision as d')
    .innerJoin('decision_version as v', (j) =>
      j.onRef('v.decision_id', '=', 'd.id').onRef('v.version', '=', 'd.version'),
    )
    .leftJoin('provider as pl', 'pl.id', 'v.provider_id')
    .select(['d.case_id', 'v.intervention', 'v.period_from', 'v.period_to', 'pl.name as place'])
    .where('d.case_id', 'in', ids)
    .where('v.outcome', '<>', 'refused')
    .where('v.period_from', 'is not', null)
    .execute();
  return Map.groupBy(
    rows.flatMap((r) =>
      r.period_from === null
        ? []
        : [
            {
              caseId: r.case_id,
              intervention: r.intervention,
              period: { from: r.period_from, to: r.period_to },
              ...(places && r.place ? { place: r.place } : {}),
            },
          ],
    ),
    (p) => p.caseId,
  );
}

/**
 * The deadlines still running for each case — the child's protection assessment and
 * förhandsbedömning, the utredning's time limit, an open duty to report, the utredning after an
 * acute beslut, the end of a granted insats — for a page of cases in a handful of queries. Most
 * urgent first.
 */
export async function loadDeadlines(
  db: Db | Trx,
  cases: readonly DeadlineCase[],
  today: string,
  configured: ConfiguredDeadlines,
  /**
   * Whether a running insats names its place. A shelter is where the person is: only the case
   * page asks, for a reader who may see the person's protected details; never a list.
   */
  places = false,
): Promise<{ deadlines: Map<string, Deadline[]>; duties: Map<string, HouseholdDuty[]> }> {
  const deadlines = new Map<string, Deadline[]>();
  if (cases.length === 0) return { deadlines, duties: new Map() };
  const ids = cases.map((c) => c.id);
  const [steps, investigations, duties, periods] = await Promise.all([
    db
      .selectFrom('case_event')
      .select(['case_id', 'type', (eb) => eb.fn.min('recorded_at').as('first_at')])
      .where('case_id', 'in', ids)
      .where('type', 'in', ['acute_screening', 'preliminary_assessment', 'acute_decision_recorded'])
      .groupBy(['case_id', 'type'])
      .execute(),
    db
      .selectFrom('investigation')
      .select(['case_id', 'opened_at', 'closed_at'])
      .where('case_id', 'in', ids)
      .execute(),
    loadDuties(db, cases, today),
    grantedPeriods(db, ids, places),
  ]);
  const stepOn = (caseId: string, type: string) => {
    const at = steps.find((s) => s.case_id === caseId && s.type === type)?.first_at;
    return at ? stockholmDate(new Date(at)) : null;
  };
  const rules = { ...defaultDeadlineRules, ...configured };
  for (const c of cases) {
    const investigation = investigations.find((i) => i.case_id === c.id);
    const list = deadlinesFor(
      {
        isChildCase: c.target_group === 'child',
        receivedOn: stockholmDate(c.received_at),
        protectionAssessedOn: stepOn(c.id, 'acute_screening'),
        preliminaryAssessedOn: stepOn(c.id, 'preliminary_assessment'),
        investigationOpenedOn: investigation ? stockholmDate(investigation.opened_at) : null,
        investigationClosedOn: investigation?.closed_at
          ? stockholmDate(investigation.closed_at)
          : null,
        openChildReportDuties:
          c.status === 'open'
            ? (duties.get(c.id) ?? []).filter((d) => d.status === 'open').length
            : 0,
        // A closed case has nothing left to open or to follow up.
        acuteDecidedOn: c.status === 'open' ? stepOn(c.id, 'acute_decision_recorded') : null,
        grantedPeriods: c.status === 'open' ? (periods.get(c.id) ?? []) : [],
      },
      today,
      rules,
    );
    deadlines.set(
      c.id,
      list.sort((a, b) => a.dueOn.localeCompare(b.dueOn)),
    );
  }
  return { deadlines, duties };
}
