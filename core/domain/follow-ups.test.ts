import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from './calendar.ts';
import { deadlinesFor, defaultDeadlineRules } from './deadlines.ts';
import type { CaseTimeline } from './deadlines.ts';
import type { Period } from './decisions.ts';
import {
  followUpMethods,
  followUpProblems,
  followUpRefusal,
  goalFulfilments,
  openDues,
  runningStay,
  safetyPlanReviewDue,
} from './follow-ups.ts';
import type { FollowUpContent } from './follow-ups.ts';

const today = '2026-12-01';
const day = fc.integer({ min: -200, max: 200 }).map((n) => addDays(today, n));
const text = fc.oneof(fc.constant(''), fc.constant('   '), fc.string({ minLength: 1 }));

const content: fc.Arbitrary<FollowUpContent> = fc.record({
  followedUpOn: day,
  method: fc.constantFrom(...followUpMethods),
  withPerson: fc.boolean(),
  withProvider: fc.boolean(),
  personView: text,
  assessment: text,
  actions: text,
  goalFulfilment: fc.constantFrom(...goalFulfilments),
});

describe('what an uppföljning must hold', () => {
  it('refuses exactly what is missing, each on its own field', () => {
    fc.assert(
      fc.property(content, (f) => {
        const fields = new Set(followUpProblems(f, today).map((p) => p.field));
        expect(fields.has('followedUpOn')).toBe(f.followedUpOn > today);
        expect(fields.has('withPerson')).toBe(!f.withPerson && !f.withProvider);
        expect(fields.has('personView')).toBe(f.withPerson && f.personView.trim() === '');
        expect(fields.has('assessment')).toBe(f.assessment.trim() === '');
        expect(fields.has('actions')).toBe(f.goalFulfilment !== 'fully' && f.actions.trim() === '');
      }),
    );
  });

  it('takes a complete one with the person, whatever the goals', () => {
    for (const goalFulfilment of goalFulfilments) {
      expect(
        followUpProblems(
          {
            followedUpOn: today,
            method: 'meeting',
            withPerson: true,
            withProvider: true,
            personView: 'Jag känner mig trygg här.',
            assessment: 'Insatsen svarar mot behovet.',
            actions: 'Fortsatt placering.',
            goalFulfilment,
          },
          today,
        ),
      ).toEqual([]);
    }
  });

  it('follows up neither a declined uppdrag nor an insats before it began', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('sent', 'accepted', 'declined', 'ended'),
        day,
        day,
        (status, periodFrom, on) => {
          const refusal = followUpRefusal({ status, periodFrom }, on);
          expect(refusal !== null).toBe(status === 'declined' || on < periodFrom);
        },
      ),
    );
  });
});

describe('the dates set for uppföljning', () => {
  it('leaves open only those not cancelled, not answered, on an uppdrag not declined', () => {
    const due = fc.record({
      id: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
      dueOn: day,
      cancelled: fc.boolean(),
      commissionStatus: fc.constantFrom('sent', 'accepted', 'declined', 'ended'),
    });
    fc.assert(
      fc.property(fc.array(due), fc.subarray(['a', 'b', 'c', 'd', 'e']), (dues, answered) => {
        const open = openDues(dues, new Set(answered));
        for (const d of dues) {
          const expected =
            !d.cancelled && d.commissionStatus !== 'declined' && !answered.includes(d.id);
          expect(open.includes(d)).toBe(expected);
        }
      }),
    );
  });

  it('shows each open date among the deadlines, overdue once passed', () => {
    fc.assert(
      fc.property(fc.array(day, { maxLength: 5 }), (dates) => {
        const timeline: CaseTimeline = {
          isChildCase: false,
          receivedOn: '2026-01-01',
          protectionAssessedOn: null,
          preliminaryAssessedOn: null,
          investigationOpenedOn: null,
          investigationClosedOn: null,
          openChildReportDuties: 0,
          followUpsDue: dates.map((dueOn) => ({ dueOn, intervention: 'shelter' })),
        };
        const listed = deadlinesFor(timeline, today).filter((d) => d.kind === 'follow_up');
        expect(listed.map((d) => d.dueOn).sort()).toEqual([...dates].sort());
        for (const d of listed) {
          expect(d.intervention).toBe('shelter');
          const left = daysBetween(today, d.dueOn);
          expect(d.status).toBe(
            left < 0 ? 'overdue' : left <= defaultDeadlineRules.dueSoonDays ? 'due_soon' : 'ok',
          );
        }
      }),
    );
  });
});

const period: fc.Arbitrary<Period> = fc
  .tuple(day, fc.option(fc.integer({ min: 0, max: 120 }), { nil: null }))
  .map(([from, length]) => ({ from, to: length === null ? null : addDays(from, length) }));
const covers = (p: Period, d: string) => p.from <= d && (p.to === null || p.to >= d);

describe('the stay in skyddat boende', () => {
  it('runs today exactly when some period covers today, and covers each such period', () => {
    fc.assert(
      fc.property(fc.array(period, { maxLength: 6 }), (periods) => {
        const stay = runningStay(periods, today);
        expect(stay !== null).toBe(periods.some((p) => covers(p, today)));
        if (stay === null) return;
        expect(covers(stay, today)).toBe(true);
        for (const p of periods.filter((q) => covers(q, today))) {
          expect(p.from >= stay.from).toBe(true);
          if (stay.to !== null) expect(p.to !== null && p.to <= stay.to).toBe(true);
        }
      }),
    );
  });

  it('continues across an extension that starts the day after', () => {
    expect(
      runningStay(
        [
          { from: '2026-11-01', to: '2026-11-20' },
          { from: '2026-11-21', to: '2026-12-20' },
        ],
        today,
      ),
    ).toEqual({ from: '2026-11-01', to: '2026-12-20' });
    expect(
      runningStay(
        [
          { from: '2026-11-01', to: '2026-11-19' },
          { from: '2026-11-21', to: '2026-12-20' },
        ],
        today,
      ),
    ).toEqual({ from: '2026-11-21', to: '2026-12-20' });
  });
});

describe('the safety plan reviewed during the stay', () => {
  const interval = 14;
  const input = fc.record({
    shelterPeriods: fc.array(period, { maxLength: 4 }),
    planSavedOn: fc.array(day, { maxLength: 5 }),
    planReviewOn: fc.option(day, { nil: null }),
  });

  it('is due only while a stay runs, within the interval after the stay began or the plan was revised', () => {
    fc.assert(
      fc.property(input, (i) => {
        const due = safetyPlanReviewDue(i, today, interval);
        const stay = runningStay(i.shelterPeriods, today);
        if (stay === null) {
          expect(due).toBeNull();
          return;
        }
        expect(due).not.toBeNull();
        const revisedDuring = i.planSavedOn.filter((d) => d >= stay.from && d <= today).sort();
        const base = revisedDuring.at(-1) ?? stay.from;
        expect(due! >= base).toBe(true);
        expect(due! <= addDays(base, interval)).toBe(true);
      }),
    );
  });

  it('moves forward when the plan is revised today, and never back', () => {
    fc.assert(
      fc.property(input, (i) => {
        const before = safetyPlanReviewDue({ ...i, planReviewOn: null }, today, interval);
        const after = safetyPlanReviewDue(
          { ...i, planSavedOn: [...i.planSavedOn, today], planReviewOn: null },
          today,
          interval,
        );
        if (before === null) {
          expect(after).toBeNull();
          return;
        }
        expect(after).toBe(addDays(today, interval));
        expect(after! >= before).toBe(true);
      }),
    );
  });

  it('appears among the deadlines with the configured interval, and not without a stay', () => {
    const base: CaseTimeline = {
      isChildCase: false,
      receivedOn: '2026-11-01',
      protectionAssessedOn: null,
      preliminaryAssessedOn: null,
      investigationOpenedOn: null,
      investigationClosedOn: null,
      openChildReportDuties: 0,
    };
    const stay = { shelterPeriods: [{ from: '2026-11-10', to: '2027-01-10' }], planReviewOn: null };
    const review = (t: CaseTimeline, days = 14) =>
      deadlinesFor(t, today, { ...defaultDeadlineRules, safetyPlanReviewDays: days }).filter(
        (d) => d.kind === 'safety_plan_review',
      );
    expect(review({ ...base, shelterSafetyPlan: { ...stay, planSavedOn: [] } })).toEqual([
      { kind: 'safety_plan_review', dueOn: '2026-11-24', status: 'overdue' },
    ]);
    expect(
      review({ ...base, shelterSafetyPlan: { ...stay, planSavedOn: ['2026-11-30'] } }, 7),
    ).toEqual([{ kind: 'safety_plan_review', dueOn: '2026-12-07', status: 'ok' }]);
    expect(
      review({
        ...base,
        shelterSafetyPlan: { shelterPeriods: [], planSavedOn: ['2026-11-30'], planReviewOn: null },
      }),
    ).toEqual([]);
  });
});
