import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween } from './calendar.ts';
import { deadlinesFor, defaultDeadlineRules } from './deadlines.ts';
import type { CaseTimeline } from './deadlines.ts';
import { signalDueOn } from './safety-signals.ts';
import { planFollowUpDue } from './coordinated-plans.ts';

const isoDate = fc
  .date({
    min: new Date('1990-01-01T00:00:00Z'),
    max: new Date('2060-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));

describe('calendar', () => {
  it('agrees with the JavaScript calendar on day arithmetic', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: -5000, max: 5000 }), (date, n) => {
        const expected = new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000)
          .toISOString()
          .slice(0, 10);
        expect(addDays(date, n)).toBe(expected);
        expect(daysBetween(date, addDays(date, n))).toBe(n);
      }),
    );
  });

  it('adds months, keeping the day or clamping to the month’s end', () => {
    expect(addMonths('2026-10-31', 4)).toBe('2027-02-28');
    expect(addMonths('2027-10-31', 4)).toBe('2028-02-29');
    expect(addMonths('2026-08-15', 4)).toBe('2026-12-15');
    expect(addMonths('2026-11-30', 2)).toBe('2027-01-30');
  });
});

const childIntake = (receivedOn: string): CaseTimeline => ({
  isChildCase: true,
  receivedOn,
  protectionAssessedOn: null,
  preliminaryAssessedOn: null,
  investigationOpenedOn: null,
  investigationClosedOn: null,
  openChildReportDuties: 0,
});

describe('deadlinesFor', () => {
  it('gives a child intake a protection assessment today and a förhandsbedömning within 14 days', () => {
    expect(deadlinesFor(childIntake('2026-11-22'), '2026-11-22')).toEqual([
      { kind: 'protection_assessment', dueOn: '2026-11-22', status: 'due_soon' },
      { kind: 'preliminary_assessment', dueOn: '2026-12-06', status: 'ok' },
    ]);
  });

  it('drops a deadline once it is met', () => {
    const done = {
      ...childIntake('2026-11-01'),
      protectionAssessedOn: '2026-11-01',
      preliminaryAssessedOn: '2026-11-10',
    };
    expect(deadlinesFor(done, '2026-11-22')).toEqual([]);
  });

  it('flags an utredning open longer than the limit, and an open report duty', () => {
    const adult: CaseTimeline = {
      ...childIntake('2026-06-01'),
      isChildCase: false,
      investigationOpenedOn: '2026-07-10',
      openChildReportDuties: 2,
    };
    expect(deadlinesFor(adult, '2026-11-22')).toEqual([
      { kind: 'investigation', dueOn: '2026-11-10', status: 'overdue' },
      { kind: 'child_report', dueOn: '2026-06-01', status: 'overdue' },
    ]);
  });

  it('only ever moves from ok towards overdue as days pass', () => {
    const rank = { ok: 0, due_soon: 1, overdue: 2 } as const;
    fc.assert(
      fc.property(
        isoDate,
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 0, max: 200 }),
        (received, a, b) => {
          const [early, late] = [Math.min(a, b), Math.max(a, b)];
          const before = deadlinesFor(childIntake(received), addDays(received, early));
          const after = deadlinesFor(childIntake(received), addDays(received, late));
          before.forEach((d, i) => {
            expect(rank[after[i]?.status ?? 'ok']).toBeGreaterThanOrEqual(rank[d.status]);
          });
        },
      ),
    );
  });

  it('makes every statutory child deadline overdue after 14 days', () => {
    fc.assert(
      fc.property(isoDate, (received) => {
        const late = deadlinesFor(childIntake(received), addDays(received, 15));
        expect(late.every((d) => d.status === 'overdue')).toBe(true);
      }),
    );
  });
});

describe('after an acute beslut', () => {
  const adultIntake = (acuteDecidedOn: string): CaseTimeline => ({
    ...childIntake(acuteDecidedOn),
    isChildCase: false,
    acuteDecidedOn,
  });

  it('asks for the utredning within a week, overdue the day after', () => {
    expect(deadlinesFor(adultIntake('2026-11-07'), '2026-11-07')).toEqual([
      { kind: 'investigation_after_acute', dueOn: '2026-11-14', status: 'ok' },
    ]);
    expect(deadlinesFor(adultIntake('2026-11-07'), '2026-11-15')).toEqual([
      { kind: 'investigation_after_acute', dueOn: '2026-11-14', status: 'overdue' },
    ]);
    const configured = { ...defaultDeadlineRules, acuteInvestigationDays: 3 };
    expect(deadlinesFor(adultIntake('2026-11-07'), '2026-11-07', configured)).toMatchObject([
      { dueOn: '2026-11-10', status: 'due_soon' },
    ]);
  });

  it('is met once the utredning opens, or the förhandsbedömning decides none is opened', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: 0, max: 60 }), (decided, later) => {
        const today = addDays(decided, later);
        const opened = { ...adultIntake(decided), investigationOpenedOn: today };
        expect(deadlinesFor(opened, today).map((d) => d.kind)).not.toContain(
          'investigation_after_acute',
        );
        const declined = { ...adultIntake(decided), preliminaryAssessedOn: today };
        expect(deadlinesFor(declined, today)).toEqual([]);
      }),
    );
  });
});

describe('the period of a granted insats', () => {
  const withPeriods = (grantedPeriods: CaseTimeline['grantedPeriods']): CaseTimeline => ({
    ...childIntake('2026-11-01'),
    isChildCase: false,
    grantedPeriods,
  });

  it('shows a running insats, ending soon within a week, ended for two weeks after', () => {
    const timeline = withPeriods([
      { intervention: 'shelter', period: { from: '2026-11-01', to: '2026-11-30' } },
      { intervention: 'support_sessions', period: { from: '2026-11-01', to: null } },
    ]);
    const at = (today: string) => deadlinesFor(timeline, today);
    expect(at('2026-11-10')).toEqual([
      { kind: 'intervention_period', dueOn: '2026-11-30', status: 'ok', intervention: 'shelter' },
    ]);
    expect(at('2026-11-24')).toMatchObject([{ status: 'due_soon' }]);
    expect(at('2026-12-01')).toMatchObject([{ status: 'overdue' }]);
    expect(at('2026-12-14')).toMatchObject([{ status: 'overdue' }]);
    expect(at('2026-12-15')).toEqual([]);
    // Not begun yet: not running.
    expect(at('2026-10-20')).toEqual([]);
  });

  it('names the place of the running period, where it was given, and only then', () => {
    const at = (grantedPeriods: CaseTimeline['grantedPeriods']) =>
      deadlinesFor(withPeriods(grantedPeriods), '2026-11-10');
    const period = { from: '2026-11-01', to: '2026-11-30' };
    expect(at([{ intervention: 'shelter', period, place: 'Fristad' }])).toEqual([
      {
        kind: 'intervention_period',
        dueOn: '2026-11-30',
        status: 'ok',
        intervention: 'shelter',
        place: 'Fristad',
      },
    ]);
    expect(at([{ intervention: 'shelter', period }])[0]).not.toHaveProperty('place');
  });

  it('lists exactly the insatser with an end that have begun and ended at most 14 days ago', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: 0, max: 90 }), isoDate, (from, length, today) => {
        const to = addDays(from, length);
        const listed = deadlinesFor(
          withPeriods([{ intervention: 'shelter', period: { from, to } }]),
          today,
        );
        const expected = from <= today && daysBetween(to, today) <= 14;
        expect(listed.length).toBe(expected ? 1 : 0);
        if (expected) expect(listed[0]?.status === 'overdue').toBe(today > to);
      }),
    );
  });

  it('shows the period running today, and an ended one only until a later beslut continues it', () => {
    const acute = {
      intervention: 'shelter' as const,
      period: { from: '2026-11-07', to: '2026-11-21' },
    };
    const next = {
      intervention: 'shelter' as const,
      period: { from: '2026-11-22', to: '2027-01-31' },
    };
    expect(deadlinesFor(withPeriods([acute, next]), '2026-11-15')).toEqual([
      {
        kind: 'intervention_period',
        dueOn: '2026-11-21',
        status: 'due_soon',
        intervention: 'shelter',
      },
    ]);
    expect(deadlinesFor(withPeriods([acute, next]), '2026-11-23')).toMatchObject([
      { dueOn: '2027-01-31', status: 'ok' },
    ]);
    // Ended, with nothing after it: to be followed up.
    expect(deadlinesFor(withPeriods([acute]), '2026-11-23')).toMatchObject([
      { dueOn: '2026-11-21', status: 'overdue' },
    ]);
    // Continued as open-ended support: nothing to watch.
    const open = { intervention: 'shelter' as const, period: { from: '2026-11-10', to: null } };
    expect(deadlinesFor(withPeriods([acute, open]), '2026-11-15')).toEqual([]);
  });
});

describe('a consent running out', () => {
  const adult = (consents: CaseTimeline['consents']): CaseTimeline => ({
    ...childIntake('2026-11-01'),
    isChildCase: false,
    consents,
  });
  const expiries = (t: CaseTimeline, today: string) =>
    deadlinesFor(t, today).filter((d) => d.kind === 'consent_expiry');

  it('is shown from two weeks before its last day, overdue for two weeks after, then not', () => {
    const t = adult([{ recipient: 'provider|a', validUntil: '2026-12-31' }]);
    expect(expiries(t, '2026-12-16')).toEqual([]);
    expect(expiries(t, '2026-12-17')).toEqual([
      { kind: 'consent_expiry', dueOn: '2026-12-31', status: 'due_soon' },
    ]);
    expect(expiries(t, '2027-01-01')).toEqual([
      { kind: 'consent_expiry', dueOn: '2026-12-31', status: 'overdue' },
    ]);
    expect(expiries(t, '2027-01-15')).toEqual([]);
  });

  it('is not a deadline when a later consent to the same recipient runs longer', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -30, max: 30 }),
        fc.integer({ min: 1, max: 400 }),
        (d, more) => {
          const until = addDays('2026-12-01', d);
          const renewed = adult([
            { recipient: 'agency|kvarnbyskolan', validUntil: until },
            { recipient: 'agency|kvarnbyskolan', validUntil: addDays(until, more) },
          ]);
          expect(
            expiries(renewed, '2026-12-01')
              .map((e) => e.dueOn)
              .filter((due) => due === until),
          ).toEqual([]);
          const other = adult([
            { recipient: 'agency|kvarnbyskolan', validUntil: until },
            { recipient: 'provider|a', validUntil: addDays(until, more) },
          ]);
          const shown =
            daysBetween('2026-12-01', until) <= 14 && daysBetween(until, '2026-12-01') <= 14;
          expect(expiries(other, '2026-12-01').some((e) => e.dueOn === until)).toBe(shown);
        },
      ),
    );
  });
});

describe('a safety signal', () => {
  it('is due soon from the day it is raised, whatever the weekday, and overdue after its day', () => {
    fc.assert(
      fc.property(
        isoDate,
        fc.constantFrom('risk_assessment' as const, 'safety_plan' as const),
        fc.integer({ min: 0, max: 30 }),
        (raisedOn, review, after) => {
          const dueOn = signalDueOn(review, raisedOn);
          const today = addDays(raisedOn, after);
          const t: CaseTimeline = {
            ...childIntake('2026-11-01'),
            isChildCase: false,
            safetySignals: [{ review, dueOn }],
          };
          const signal = deadlinesFor(t, today).find(
            (d) => d.dueOn === dueOn && d.kind.endsWith('_signal'),
          );
          expect(signal?.status).toBe(today > dueOn ? 'overdue' : 'due_soon');
        },
      ),
    );
  });
});

describe("a plan's follow-up and a samråd's action item", () => {
  it('is one deadline each, of its kind and day: due soon within three days, overdue after', () => {
    fc.assert(
      fc.property(
        fc.array(isoDate, { maxLength: 4 }),
        fc.array(isoDate, { maxLength: 4 }),
        isoDate,
        (plans, actions, today) => {
          const t: CaseTimeline = {
            ...childIntake('2026-11-01'),
            isChildCase: false,
            planFollowUps: plans.map((dueOn) => ({ dueOn })),
            meetingActions: actions.map((dueOn) => ({ dueOn })),
          };
          const all = deadlinesFor(t, today);
          const of = (kind: string) => all.filter((d) => d.kind === kind);
          expect(of('plan_follow_up').map((d) => d.dueOn)).toEqual(plans);
          expect(of('meeting_action').map((d) => d.dueOn)).toEqual(actions);
          for (const d of [...of('plan_follow_up'), ...of('meeting_action')]) {
            const left = daysBetween(today, d.dueOn);
            expect(d.status).toBe(left < 0 ? 'overdue' : left <= 3 ? 'due_soon' : 'ok');
          }
        },
      ),
    );
  });

  it("is a plan's latest day until a follow-up is recorded after that version, then none", () => {
    const instant = fc
      .date({ min: new Date('2026-01-01'), max: new Date('2028-01-01'), noInvalidDate: true })
      .map((d) => d.toISOString());
    fc.assert(
      fc.property(isoDate, instant, fc.array(instant, { maxLength: 5 }), (on, at, followUps) => {
        const due = planFollowUpDue({ followUpOn: on, recordedAt: at }, followUps);
        expect(due).toBe(followUps.some((f) => f > at) ? null : on);
      }),
    );
  });
});

describe('the next risk assessment', () => {
  it('is a deadline on a victim case: the interval from the last assessment, sooner after an incident', () => {
    const timeline: CaseTimeline = {
      ...childIntake('2026-10-01'),
      isChildCase: false,
      reassessment: {
        isVictimCase: true,
        caseOpenedOn: '2026-10-01',
        lastAssessment: { on: '2026-11-01', registeredAt: '2026-11-01T10:00:00.000Z' },
        incidents: [],
      },
    };
    expect(deadlinesFor(timeline, '2026-11-20')).toContainEqual({
      kind: 'risk_reassessment',
      dueOn: '2026-12-01',
      status: 'ok',
    });
    expect(deadlinesFor(timeline, '2026-12-02')).toContainEqual({
      kind: 'risk_reassessment',
      dueOn: '2026-12-01',
      status: 'overdue',
    });
    const afterIncident = {
      ...timeline,
      reassessment: {
        ...timeline.reassessment!,
        incidents: [{ on: '2026-11-10', registeredAt: '2026-11-10T18:00:00.000Z' }],
      },
    };
    expect(
      deadlinesFor(afterIncident, '2026-11-11').find((d) => d.kind === 'risk_reassessment'),
    ).toEqual({ kind: 'risk_reassessment', dueOn: '2026-11-10', status: 'overdue' });
  });
});
