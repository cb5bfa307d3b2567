import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from './calendar.ts';
import type { Period } from './decisions.ts';
import {
  SESSIONS_WITHOUT_DECISION,
  maySessionBeHeld,
  sessionLimitMessage,
} from './advice-and-support.ts';

const FIRST = '2000-01-01';
const LAST = '2060-12-31';
const date = fc.integer({ min: 0, max: daysBetween(FIRST, LAST) }).map((n) => addDays(FIRST, n));
const period: fc.Arbitrary<Period> = fc
  .tuple(date, fc.option(fc.integer({ min: 0, max: 2_000 }), { nil: null }))
  .map(([from, length]) => ({ from, to: length === null ? null : addDays(from, length) }));
const periods = fc.array(period, { maxLength: 4 });
const below = fc.integer({ min: 0, max: SESSIONS_WITHOUT_DECISION - 1 });
const atOrAbove = fc.integer({ min: SESSIONS_WITHOUT_DECISION, max: 500 });
const covers = (p: Period, d: string) => p.from <= d && (p.to === null || d <= p.to);

describe('råd och stöd without a beslut', () => {
  it('allows 5 sessions and refuses the 6th with the sentence', () => {
    expect(SESSIONS_WITHOUT_DECISION).toBe(5);
    expect(
      maySessionBeHeld({ sessionsHeld: 4, grantedSupportPeriods: [], on: '2026-12-01' }),
    ).toEqual({ ok: true });
    expect(
      maySessionBeHeld({ sessionsHeld: 5, grantedSupportPeriods: [], on: '2026-12-01' }),
    ).toEqual({
      ok: false,
      message:
        'Råd och stöd ges utan beslut i högst 5 samtal. Fatta beslut om stödsamtal innan fler samtal registreras.',
    });
  });

  it('never refuses below the limit, whatever the beslut', () => {
    fc.assert(
      fc.property(below, periods, date, (sessionsHeld, grantedSupportPeriods, on) => {
        expect(maySessionBeHeld({ sessionsHeld, grantedSupportPeriods, on })).toEqual({ ok: true });
      }),
    );
  });

  it('always refuses at the limit or above without a beslut covering the day', () => {
    fc.assert(
      fc.property(atOrAbove, periods, date, (sessionsHeld, all, on) => {
        const grantedSupportPeriods = all.filter((p) => !covers(p, on));
        expect(maySessionBeHeld({ sessionsHeld, grantedSupportPeriods, on })).toEqual({
          ok: false,
          message: sessionLimitMessage,
        });
      }),
    );
  });

  it('always allows when a granted beslut covers the day', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 500 }),
        periods,
        period,
        fc.nat({ max: 2_000 }),
        (sessionsHeld, others, p, offset) => {
          const on =
            p.to === null
              ? addDays(p.from, offset)
              : addDays(p.from, offset % (daysBetween(p.from, p.to) + 1));
          const result = maySessionBeHeld({
            sessionsHeld,
            grantedSupportPeriods: [...others, p],
            on,
          });
          expect(result).toEqual({ ok: true });
        },
      ),
    );
  });

  it('does not allow on a beslut whose period ended before the day', () => {
    fc.assert(
      fc.property(
        atOrAbove,
        date,
        fc.nat({ max: 2_000 }),
        fc.integer({ min: 1, max: 2_000 }),
        (sessionsHeld, from, length, after) => {
          const to = addDays(from, length);
          const result = maySessionBeHeld({
            sessionsHeld,
            grantedSupportPeriods: [{ from, to }],
            on: addDays(to, after),
          });
          expect(result.ok).toBe(false);
        },
      ),
    );
  });

  it('does not allow on a beslut that has not begun', () => {
    fc.assert(
      fc.property(
        atOrAbove,
        period,
        fc.integer({ min: 1, max: 2_000 }),
        (sessionsHeld, p, before) => {
          const result = maySessionBeHeld({
            sessionsHeld,
            grantedSupportPeriods: [p],
            on: addDays(p.from, -before),
          });
          expect(result.ok).toBe(false);
        },
      ),
    );
  });
});
