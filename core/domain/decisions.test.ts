import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Role } from '../policy/roles.ts';
import { roles } from '../policy/roles.ts';
import { addDays } from './calendar.ts';
import {
  ACUTE_BACKDATING_DAYS,
  acuteInterventions,
  appealInstructions,
  delegableRoles,
  delegatedRole,
  interventionRules,
  interventions,
  mayDecideAcutely,
  needsAppealInstructions,
  periodCovers,
  periodProblems,
} from './decisions.ts';
import type { DelegationRow, Outcome } from './decisions.ts';

const units = ['u1', 'u2'];
const grant = fc.record({
  unitId: fc.constantFrom(...units),
  role: fc.constantFrom<Role>(...roles),
});
const row = fc.record({
  unitId: fc.constantFrom(...units),
  intervention: fc.constantFrom(...interventions),
  role: fc.constantFrom(...delegableRoles),
});

describe('delegatedRole', () => {
  it('allows exactly when a grant in the unit matches a row for the insats', () => {
    fc.assert(
      fc.property(
        fc.array(grant, { maxLength: 4 }),
        fc.array(row, { maxLength: 8 }),
        fc.constantFrom(...units),
        fc.constantFrom(...interventions),
        (grants, rows: DelegationRow[], unitId, intervention) => {
          const role = delegatedRole(grants, rows, unitId, intervention);
          const expected = grants.some((g) =>
            rows.some(
              (r) =>
                g.unitId === unitId &&
                r.unitId === unitId &&
                r.intervention === intervention &&
                r.role === g.role,
            ),
          );
          expect(role !== undefined).toBe(expected);
          if (role !== undefined) {
            expect(grants.some((g) => g.unitId === unitId && g.role === role)).toBe(true);
          }
        },
      ),
    );
  });

  it('never follows a delegation in another unit', () => {
    const rows: DelegationRow[] = [{ unitId: 'u2', intervention: 'shelter', role: 'unit_manager' }];
    expect(delegatedRole([{ unitId: 'u1', role: 'unit_manager' }], rows, 'u1', 'shelter')).toBe(
      undefined,
    );
  });
});

describe('överklagandehänvisning', () => {
  it('goes with every decision that refuses anything', () => {
    expect(needsAppealInstructions('granted')).toBe(false);
    expect(needsAppealInstructions('partly_granted')).toBe(true);
    expect(needsAppealInstructions('refused')).toBe(true);
    expect(appealInstructions('16 kap. 3 § SoL')).toContain('förvaltningsrätten (16 kap. 3 § SoL)');
    expect(appealInstructions('16 kap. 3 § SoL')).toContain('tre veckor');
  });
});

const day = fc.integer({ min: 0, max: 20_000 }).map((n) => addDays('2000-01-01', n));

describe('insatser that may be decided acutely', () => {
  it('are skyddat boende, tillfälligt boende and ekonomiskt bistånd, read from the data', () => {
    expect(acuteInterventions).toEqual(['shelter', 'temporary_housing', 'financial_assistance']);
    for (const i of interventions) expect(mayDecideAcutely(i)).toBe(interventionRules[i].acute);
  });
});

describe('a beslut’s period', () => {
  const decision = fc.record({
    intervention: fc.constantFrom(...interventions),
    outcome: fc.constantFrom<Outcome>('granted', 'partly_granted', 'refused'),
    period: fc.option(fc.record({ from: day, to: fc.option(day, { nil: null }) }), { nil: null }),
    acute: fc.boolean(),
    today: day,
  });

  it('refuses exactly what the rules name, each problem with a Swedish sentence', () => {
    fc.assert(
      fc.property(decision, (d) => {
        const problems = periodProblems(d);
        for (const p of problems) expect(p.message).toMatch(/^[A-ZÅÄÖ].*\.$/);
        const expectOk =
          d.outcome === 'refused'
            ? d.period === null
            : d.period !== null &&
              (d.period.to === null
                ? !d.acute && interventionRules[d.intervention].openEnded
                : d.period.to >= d.period.from) &&
              (!d.acute || d.period.from >= addDays(d.today, -ACUTE_BACKDATING_DAYS));
        expect(problems.length === 0).toBe(expectOk);
      }),
    );
  });

  it('never lets t.o.m. come before fr.o.m., nor an acute beslut run open-ended', () => {
    fc.assert(
      fc.property(decision, (d) => {
        if (periodProblems(d).length > 0 || d.period === null) return;
        if (d.period.to !== null) expect(d.period.to >= d.period.from).toBe(true);
        if (d.acute) expect(d.period.to).not.toBeNull();
      }),
    );
  });

  it('lets socialjour at 02:00 start tonight’s placement yesterday, not a week ago', () => {
    const base = {
      intervention: 'shelter' as const,
      outcome: 'granted' as const,
      acute: true,
      today: '2026-11-07',
    };
    expect(periodProblems({ ...base, period: { from: '2026-11-06', to: '2026-11-20' } })).toEqual(
      [],
    );
    expect(
      periodProblems({ ...base, period: { from: '2026-10-31', to: '2026-11-20' } }),
    ).toMatchObject([{ path: 'period.from' }]);
    expect(periodProblems({ ...base, period: { from: '2026-11-07', to: null } })).toMatchObject([
      { path: 'period.to' },
    ]);
  });

  it('is covered from fr.o.m. through t.o.m., or on from fr.o.m. when open-ended', () => {
    fc.assert(
      fc.property(day, fc.option(day, { nil: null }), day, (from, to, today) => {
        const covered = periodCovers({ from, to }, today);
        expect(covered).toBe(from <= today && (to === null || today <= to));
      }),
    );
  });
});
