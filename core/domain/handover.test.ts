import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, isoWeekday } from './calendar.ts';
import {
  dayUnitFor,
  handoverOn,
  handoverTargetGroups,
  isHandoverDue,
  isNightHour,
  stockholmDateHour,
} from './handover.ts';
import type { HandoverRules } from './handover.ts';
import { isWorkingDay, nextWorkingDay } from './working-days.ts';

const hours = { nightStartsHour: 17, nightEndsHour: 8 };
// 2000–2099, any minute: instants in both summer and winter time.
const instant = fc
  .integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2099, 11, 31) })
  .map((ms) => new Date(ms - (ms % 60_000)));
const hour = fc.integer({ min: 0, max: 23 });
const nightHours = fc.record({ nightStartsHour: hour, nightEndsHour: hour });

describe('handoverOn', () => {
  it('is always a working day', () => {
    fc.assert(
      fc.property(instant, nightHours, (at, h) => {
        expect(isWorkingDay(handoverOn(at, h))).toBe(true);
      }),
    );
  });

  it("is never before the intake's Stockholm date, and at most the next working day after it", () => {
    fc.assert(
      fc.property(instant, nightHours, (at, h) => {
        const { date } = stockholmDateHour(at);
        const on = handoverOn(at, h);
        expect(on >= date).toBe(true);
        expect(on <= nextWorkingDay(addDays(date, 1))).toBe(true);
      }),
    );
  });

  it('is the same day for a daytime intake on a working day', () => {
    fc.assert(
      fc.property(instant, (at) => {
        const { date, hour: h } = stockholmDateHour(at);
        fc.pre(isWorkingDay(date) && h >= 8 && h < 17);
        expect(handoverOn(at, hours)).toBe(date);
      }),
    );
  });

  it('is the next working day after an evening intake or one on a day off', () => {
    fc.assert(
      fc.property(instant, (at) => {
        const { date, hour: h } = stockholmDateHour(at);
        fc.pre(!isWorkingDay(date) || h >= 17);
        const on = handoverOn(at, hours);
        expect(on > date).toBe(true);
        expect(on).toBe(nextWorkingDay(addDays(date, 1)));
      }),
    );
  });

  it('is that morning for a night intake after midnight on a working day', () => {
    // Tuesday 2026-12-01, 03:00 in Stockholm (02:00 UTC).
    expect(handoverOn(new Date('2026-12-01T02:00:00Z'), hours)).toBe('2026-12-01');
  });

  it('hands a Saturday night over on Monday, and an evening before a holiday after it', () => {
    // Saturday 2026-12-05, 23:00 in Stockholm.
    expect(handoverOn(new Date('2026-12-05T22:00:00Z'), hours)).toBe('2026-12-07');
    // Wednesday 2026-12-23 at 20:00: julafton, juldagen, annandag jul and the weekend follow.
    expect(handoverOn(new Date('2026-12-23T19:00:00Z'), hours)).toBe('2026-12-28');
    expect(isoWeekday('2026-12-28')).toBe(1);
  });

  it('is due from its date on', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: -10, max: 10 }), (at, shift) => {
        const on = handoverOn(at, hours);
        expect(isHandoverDue(on, addDays(on, shift))).toBe(shift >= 0);
      }),
    );
  });
});

describe('isNightHour', () => {
  it('is the hours from the start up to the end, across midnight or not', () => {
    expect([16, 17, 23, 0, 7, 8].map((h) => isNightHour(h, 17, 8))).toEqual([
      false,
      true,
      true,
      true,
      true,
      false,
    ]);
    expect([0, 1, 5, 6].map((h) => isNightHour(h, 1, 6))).toEqual([false, true, true, false]);
    expect(isNightHour(3, 8, 8)).toBe(false);
  });
});

describe('dayUnitFor', () => {
  const targetGroup = fc.constantFrom(...handoverTargetGroups);
  const rulesArb: fc.Arbitrary<HandoverRules> = fc.record({
    rules: fc.uniqueArray(
      fc.record({ targetGroup, unitId: fc.constantFrom('adult', 'children', 'honour') }),
      { selector: (r) => r.targetGroup },
    ),
    defaultUnitId: fc.constant('default'),
    childUnitId: fc.option(fc.constant('children-unit'), { nil: null }),
    nightStartsHour: fc.constant(17),
    nightEndsHour: fc.constant(8),
  });
  const age = fc.option(fc.integer({ min: 0, max: 110 }), { nil: null });

  it("is the target group's unit, the default unit without a rule, a child's the children's unit where the municipality says so", () => {
    fc.assert(
      fc.property(targetGroup, age, rulesArb, (group, a, rules) => {
        const unit = dayUnitFor({ targetGroup: group, age: a }, rules);
        const child = rules.childUnitId !== null && a !== null && a < 18;
        const expected = child
          ? rules.childUnitId
          : (rules.rules.find((r) => r.targetGroup === group)?.unitId ?? rules.defaultUnitId);
        expect(unit).toBe(expected);
      }),
    );
  });

  it('sends the demo matters where the municipality wants them', () => {
    const rules: HandoverRules = {
      rules: [
        { targetGroup: 'victim', unitId: 'rvt' },
        { targetGroup: 'perpetrator', unitId: 'rvt' },
        { targetGroup: 'child', unitId: 'bou' },
      ],
      defaultUnitId: 'rvt',
      childUnitId: 'bou',
      ...hours,
    };
    expect(dayUnitFor({ targetGroup: 'victim', age: 34 }, rules)).toBe('rvt');
    expect(dayUnitFor({ targetGroup: 'victim', age: 16 }, rules)).toBe('bou');
    expect(dayUnitFor({ targetGroup: 'child', age: null }, rules)).toBe('bou');
    expect(dayUnitFor({ targetGroup: 'trafficking', age: null }, rules)).toBe('rvt');
  });
});
