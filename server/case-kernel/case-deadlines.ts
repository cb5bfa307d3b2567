import { deadlinesFor, defaultDeadlineRules } from '../../core/domain/deadlines.ts';
import type { Deadline, DeadlineRules } from '../../core/domain/deadlines.ts';
import { interventions } from '../../core/domain/decisions.ts';
import type { Intervention, Period } from '../../core/domain/decisions.ts';
import { planFollowUpDue } from '../../core/domain/coordinated-plans.ts';
import { openDues } from '../../core/domain/follow-ups.ts';
import type { SafetyPlanReviewInput } from '../../core/domain/follow-ups.ts';
import { sql } from 'kysely';
import type { Db, Trx } from '../db/database.ts';
import { stockholmDate } from '../time.ts';
import { loadDuties } from './child-duties.ts';
import type { HouseholdDuty } from './child-duties.ts';
import { loadAccompanying } from './accompanying-children.ts';
import type { AccompanyingChildDuty } from '../../core/domain/accompanying-children.ts';
import { openSignalDues } from './safety-signals.ts';
import { reassessedOnInterval } from '../../core/domain/reassessment.ts';
import type { ReassessmentClock } from '../../core/domain/reassessment.ts';

interface DeadlineCase {
  id: string;
  person_id: string;
  target_group: string;
  status: 'open' | 'closed';
  received_at: Date;
  opened_at: Date;
}

/**
 * What the next risk assessment's clock runs from on each open case (reassessment.ts): the
 * newest assessment of the case's own person, and the incidents registered on the case.
 */
async function reassessmentClocks(db: Db | Trx, cases: readonly DeadlineCase[]) {
  const clocks = new Map<string, ReassessmentClock>();
  if (cases.length === 0) return clocks;
  const ids = cases.map((c) => c.id);
  // One statement for both: the case's own person's assessments, and the case's incidents.
  const rows = await db
    .selectFrom('risk_assessment as a')
    .innerJoin('case as c', (j) =>
      j.onRef('c.id', '=', 'a.case_id').onRef('c.person_id', '=', 'a.person_id'),
    )
    .select([
      'a.case_id',
      sql<'assessment' | 'incident'>`'assessment'`.as('what'),
      'a.assessed_on as on',
      'a.recorded_at',
    ])
    .where('a.case_id', 'in', ids)
    .unionAll(
      db
        .selectFrom('case_incident')
        .select([
          'case_id',
          sql<'assessment' | 'incident'>`'incident'`.as('what'),
          'occurred_on as on',
          'recorded_at',
        ])
        .where('case_id', 'in', ids),
    )
    .execute();
  const assessments = rows
    .filter((r) => r.what === 'assessment')
    // The last as the risk tab has it: the latest day assessed, the latest registered that day.
    .sort((x, y) =>
      x.on !== y.on ? (x.on < y.on ? 1 : -1) : y.recorded_at.getTime() - x.recorded_at.getTime(),
    );
  const incidents = rows.filter((r) => r.what === 'incident');
  const incidentsOf = Map.groupBy(incidents, (i) => i.case_id);
  for (const c of cases) {
    const last = assessments.find((a) => a.case_id === c.id);
    clocks.set(c.id, {
      isVictimCase: reassessedOnInterval.has(c.target_group),
      caseOpenedOn: stockholmDate(c.opened_at),
      lastAssessment: last ? { on: last.on, registeredAt: last.recorded_at.toISOString() } : null,
      incidents: (incidentsOf.get(c.id) ?? []).map((i) => ({
        on: i.on,
        registeredAt: i.recorded_at.toISOString(),
      })),
    });
  }
  return clocks;
}

/** The municipality's own limits (configuration); the rest are the defaults of deadlines.ts. */
export type ConfiguredDeadlines = Pick<
  DeadlineRules,
  'investigationMonths' | 'acuteInvestigationDays' | 'safetyPlanReviewDays'
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

const asIntervention = (code: string): Intervention | undefined =>
  (interventions as readonly string[]).includes(code) ? (code as Intervention) : undefined;

/**
 * The dates set for following up the cases' uppdrag that are still to be met (follow-ups.ts):
 * each date's latest version, less those cancelled, answered or on a declined uppdrag.
 */
async function followUpsDue(db: Db | Trx, ids: readonly string[]) {
  const [dues, answered] = await Promise.all([
    db
      .selectFrom('follow_up_due as d')
      .innerJoin('commission as c', 'c.id', 'd.commission_id')
      .select(['d.id', 'd.case_id', 'd.due_on', 'd.cancelled', 'c.status', 'c.intervention'])
      .where('d.case_id', 'in', ids)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('follow_up_due as later')
              .select('later.id')
              .whereRef('later.id', '=', 'd.id')
              .whereRef('later.version', '>', 'd.version'),
          ),
        ),
      )
      .execute(),
    db
      .selectFrom('follow_up')
      .select('due_id')
      .distinct()
      .where('case_id', 'in', ids)
      .where('due_id', 'is not', null)
      .execute(),
  ]);
  const open = openDues(
    dues.map((d) => ({
      id: d.id,
      caseId: d.case_id,
      dueOn: d.due_on,
      cancelled: d.cancelled,
      commissionStatus: d.status,
      intervention: asIntervention(d.intervention),
    })),
    new Set(answered.flatMap((a) => (a.due_id ? [a.due_id] : []))),
  );
  return Map.groupBy(open, (d) => d.caseId);
}

/**
 * What the safety plan's review during a stay in skyddat boende reads, per case: the case's
 * person's shelter periods (granted beslut, and uppdrag that hold a place: sent or accepted) and
 * the days her plan in the case was saved.
 */
async function shelterSafetyPlans(
  db: Db | Trx,
  cases: readonly DeadlineCase[],
  granted: Map<string, { intervention: Intervention; period: Period }[]>,
): Promise<Map<string, SafetyPlanReviewInput>> {
  // An uppdrag carries out a beslut: only a case with a granted shelter beslut has a stay.
  const ids = cases
    .filter((c) => granted.get(c.id)?.some((g) => g.intervention === 'shelter'))
    .map((c) => c.id);
  const result = new Map<string, SafetyPlanReviewInput>();
  if (ids.length === 0) return result;
  const [commissions, plans] = await Promise.all([
    db
      .selectFrom('commission as c')
      .innerJoin('case as k', 'k.id', 'c.case_id')
      .select(['c.case_id', 'c.period_from', 'c.period_to'])
      .where('c.case_id', 'in', ids)
      .whereRef('c.person_id', '=', 'k.person_id')
      .where('c.intervention', '=', 'shelter')
      .where('c.status', 'in', ['sent', 'accepted'])
      .execute(),
    db
      .selectFrom('safety_plan_version as p')
      .innerJoin('case as k', 'k.id', 'p.case_id')
      .select(['p.case_id', 'p.version', 'p.recorded_at', 'p.review_on'])
      .where('p.case_id', 'in', ids)
      .whereRef('p.person_id', '=', 'k.person_id')
      .orderBy('p.version')
      .execute(),
  ]);
  for (const id of ids) {
    const shelterPeriods = [
      ...(granted.get(id) ?? []).filter((g) => g.intervention === 'shelter').map((g) => g.period),
      ...commissions
        .filter((k) => k.case_id === id)
        .map((k) => ({ from: k.period_from, to: k.period_to })),
    ];
    const versions = plans.filter((p) => p.case_id === id);
    result.set(id, {
      shelterPeriods,
      planSavedOn: versions.map((v) => stockholmDate(v.recorded_at)),
      planReviewOn: versions.at(-1)?.review_on ?? null,
    });
  }
  return result;
}

/** The consents of the cases' registers not revoked: to whom, and until when (consents.ts). */
async function consentsOf(db: Db | Trx, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, { recipient: string; validUntil: string }[]>();
  const rows = await db
    .selectFrom('consent as c')
    .leftJoin('consent_revocation as r', 'r.consent_id', 'c.id')
    .select([
      'c.case_id',
      'c.valid_until',
      sql<string>`concat_ws('|', c.recipient_kind, c.recipient_unit_id, c.recipient_provider_id, lower(c.recipient_name))`.as(
        'recipient',
      ),
    ])
    .where('c.case_id', 'in', ids)
    .where('r.consent_id', 'is', null)
    .execute();
  return Map.groupBy(
    rows.map((r) => ({ caseId: r.case_id, recipient: r.recipient, validUntil: r.valid_until })),
    (r) => r.caseId,
  );
}

/**
 * Per case, what samverkan leaves to do by a day, in one statement: the follow-up day of each SIP
 * and samverkansplan still to be met (its latest version's day, answered by a follow-up recorded
 * after it: coordinated-plans.ts `planFollowUpDue` decides), and the due day of each samråd
 * action item in the file not yet closed.
 */
async function coordinationDuesOf(db: Db | Trx, ids: readonly string[]) {
  const plans = new Map<string, { dueOn: string }[]>();
  const actions = new Map<string, { dueOn: string }[]>();
  if (ids.length === 0) return { plans, actions };
  const rows = await db
    .selectFrom('coordinated_plan as p')
    .innerJoin('coordinated_plan_version as v', 'v.plan_id', 'p.id')
    .select([
      'p.case_id',
      sql<'plan' | 'action'>`'plan'`.as('source'),
      'v.follow_up_on as due_on',
      sql<Date | null>`v.recorded_at`.as('set_at'),
      (eb) =>
        eb
          .selectFrom('coordinated_plan_follow_up as f')
          .select((f) => f.fn.max('f.recorded_at').as('last'))
          .whereRef('f.plan_id', '=', 'p.id')
          .as('answered_at'),
    ])
    .where('p.case_id', 'in', ids)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('coordinated_plan_version as later')
            .select('later.plan_id')
            .whereRef('later.plan_id', '=', 'v.plan_id')
            .whereRef('later.version', '>', 'v.version'),
        ),
      ),
    )
    .unionAll((eb) =>
      eb
        .selectFrom('coordination_meeting_item as i')
        .leftJoin('coordination_action_done as d', 'd.item_id', 'i.id')
        .select([
          'i.case_id',
          sql<'plan' | 'action'>`'action'`.as('source'),
          sql<string>`i.due_on`.as('due_on'),
          sql<Date | null>`null::timestamptz`.as('set_at'),
          sql<Date | null>`null::timestamptz`.as('answered_at'),
        ])
        .where('i.case_id', 'in', ids)
        .where('i.kind', '=', 'action')
        .where('d.item_id', 'is', null),
    )
    .execute();
  const add = (to: Map<string, { dueOn: string }[]>, caseId: string, dueOn: string) => {
    to.set(caseId, [...(to.get(caseId) ?? []), { dueOn }]);
  };
  for (const r of rows) {
    if (r.source === 'action') {
      add(actions, r.case_id, r.due_on);
      continue;
    }
    const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
    const answered = iso(r.answered_at);
    const dueOn = planFollowUpDue(
      { followUpOn: r.due_on, recordedAt: iso(r.set_at) ?? '' },
      answered ? [answered] : [],
    );
    if (dueOn !== null) add(plans, r.case_id, dueOn);
  }
  return { plans, actions };
}

/**
 * The deadlines still running for each case — the child's protection assessment and
 * förhandsbedömning, the utredning's time limit, an open duty to report, the utredning after an
 * acute beslut, the end of a granted insats, the uppföljning of an uppdrag and the safety plan's
 * review during a stay in skyddat boende, a consent running out, a plan's follow-up and a samråd's
 * action item — for a page of cases in a handful of queries. Most
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
): Promise<{
  deadlines: Map<string, Deadline[]>;
  duties: Map<string, HouseholdDuty[]>;
  accompanying: Map<string, AccompanyingChildDuty[]>;
}> {
  const deadlines = new Map<string, Deadline[]>();
  if (cases.length === 0) return { deadlines, duties: new Map(), accompanying: new Map() };
  const ids = cases.map((c) => c.id);
  const [steps, investigations, duties, periods, dues] = await Promise.all([
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
    followUpsDue(db, ids),
  ]);
  const open = cases.filter((c) => c.status === 'open');
  const plans = await shelterSafetyPlans(db, open, periods);
  const accompanying = await loadAccompanying(db, cases, duties);
  const openIds = open.map((c) => c.id);
  const [signals, consents, coordination, reassessments] = await Promise.all([
    openSignalDues(db, openIds),
    consentsOf(db, openIds),
    coordinationDuesOf(db, openIds),
    reassessmentClocks(db, open),
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
        followUpsDue: c.status === 'open' ? (dues.get(c.id) ?? []) : [],
        ...(plans.has(c.id) ? { shelterSafetyPlan: plans.get(c.id) } : {}),
        accompanyingChildren: accompanying.get(c.id) ?? [],
        safetySignals: signals.get(c.id) ?? [],
        consents: consents.get(c.id) ?? [],
        planFollowUps: coordination.plans.get(c.id) ?? [],
        meetingActions: coordination.actions.get(c.id) ?? [],
        ...(reassessments.has(c.id) ? { reassessment: reassessments.get(c.id) } : {}),
      },
      today,
      rules,
    );
    deadlines.set(
      c.id,
      list.sort((a, b) => a.dueOn.localeCompare(b.dueOn)),
    );
  }
  return { deadlines, duties, accompanying };
}
