import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween } from './calendar.ts';
import { deadlinesFor } from './deadlines.ts';
import type { CaseTimeline } from './deadlines.ts';

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
