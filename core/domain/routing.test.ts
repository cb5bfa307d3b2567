import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { responsibleUnits, routedUnit } from './routing.ts';
import type { RoutingCase } from './routing.ts';

const units = ['u1', 'u2', 'u3', 'u4'];
const caseArb: fc.Arbitrary<RoutingCase> = fc.record({
  unitId: fc.constantFrom(...units),
  status: fc.constantFrom('open' as const, 'closed' as const),
  openedAt: fc.date({
    min: new Date('2020-01-01'),
    max: new Date('2026-12-01'),
    noInvalidDate: true,
  }),
});

describe('responsibleUnits', () => {
  it('is every unit with an open case when there is one, and only those', () => {
    fc.assert(
      fc.property(fc.array(caseArb, { maxLength: 8 }), (cases) => {
        const open = new Set(cases.filter((c) => c.status === 'open').map((c) => c.unitId));
        const result = responsibleUnits(cases);
        if (open.size > 0) expect(new Set(result)).toEqual(open);
        expect(new Set(result).size).toBe(result.length);
      }),
    );
  });

  it('falls back to the unit of the most recent case, and to none without cases', () => {
    fc.assert(
      fc.property(fc.array(caseArb, { maxLength: 8 }), (cases) => {
        const closedOnly = cases.map((c) => ({ ...c, status: 'closed' as const }));
        const result = responsibleUnits(closedOnly);
        if (closedOnly.length === 0) expect(result).toEqual([]);
        else {
          const newest = Math.max(...closedOnly.map((c) => c.openedAt.getTime()));
          const newestUnits = closedOnly
            .filter((c) => c.openedAt.getTime() === newest)
            .map((c) => c.unitId);
          expect(result).toHaveLength(1);
          expect(newestUnits).toContain(result[0]);
        }
      }),
    );
  });

  it('puts the unit with the most recently opened open case first', () => {
    const result = responsibleUnits([
      { unitId: 'u1', status: 'open', openedAt: new Date('2026-01-01') },
      { unitId: 'u2', status: 'open', openedAt: new Date('2026-06-01') },
      { unitId: 'u3', status: 'closed', openedAt: new Date('2026-11-01') },
    ]);
    expect(result).toEqual(['u2', 'u1']);
  });
});

describe('routedUnit', () => {
  it('is always a responsible unit when there is one, and the chosen one when it is responsible', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...units),
        fc.uniqueArray(fc.constantFrom(...units), { maxLength: 4 }),
        (chosen, responsible) => {
          const unit = routedUnit(chosen, responsible);
          if (responsible.length === 0) expect(unit).toBe(chosen);
          else expect(responsible).toContain(unit);
          if (responsible.includes(chosen)) expect(unit).toBe(chosen);
        },
      ),
    );
  });
});
