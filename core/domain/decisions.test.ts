import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Role } from '../policy/roles.ts';
import { roles } from '../policy/roles.ts';
import {
  appealInstructions,
  delegableRoles,
  delegatedRole,
  interventions,
  needsAppealInstructions,
} from './decisions.ts';
import type { DelegationRow } from './decisions.ts';

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
