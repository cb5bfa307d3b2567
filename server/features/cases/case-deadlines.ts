import { deadlinesFor, defaultDeadlineRules } from '../../../core/domain/deadlines.ts';
import type { Deadline } from '../../../core/domain/deadlines.ts';
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

/**
 * The deadlines still running for each case — the child's protection assessment and
 * förhandsbedömning, the utredning's time limit, an open duty to report — for a page of cases
 * in a handful of queries. Most urgent first.
 */
export async function loadDeadlines(
  db: Db | Trx,
  cases: readonly DeadlineCase[],
  today: string,
  investigationMonths: number,
): Promise<{ deadlines: Map<string, Deadline[]>; duties: Map<string, HouseholdDuty[]> }> {
  const deadlines = new Map<string, Deadline[]>();
  if (cases.length === 0) return { deadlines, duties: new Map() };
  const ids = cases.map((c) => c.id);
  const [steps, investigations, duties] = await Promise.all([
    db
      .selectFrom('case_event')
      .select(['case_id', 'type', (eb) => eb.fn.min('recorded_at').as('first_at')])
      .where('case_id', 'in', ids)
      .where('type', 'in', ['acute_screening', 'preliminary_assessment'])
      .groupBy(['case_id', 'type'])
      .execute(),
    db
      .selectFrom('investigation')
      .select(['case_id', 'opened_at', 'closed_at'])
      .where('case_id', 'in', ids)
      .execute(),
    loadDuties(db, cases, today),
  ]);
  const stepOn = (caseId: string, type: string) => {
    const at = steps.find((s) => s.case_id === caseId && s.type === type)?.first_at;
    return at ? stockholmDate(new Date(at)) : null;
  };
  const rules = { ...defaultDeadlineRules, investigationMonths };
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
