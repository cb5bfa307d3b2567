import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { protectionLevels } from '../../domain/protection.ts';
import { can } from '../policy.ts';
import type { Actor, CaseFacts, PersonFacts } from '../policy.ts';
import { roles } from '../roles.ts';

/** The uppdrag rules: the provider's side only through its provider's unit, the case's only through the case. */
const units = ['u1', 'u2', 'u3'];
const users = ['a', 'b'];
const actorArb: fc.Arbitrary<Actor> = fc.record({
  userId: fc.constantFrom(...users),
  grants: fc.array(
    fc.record({ unitId: fc.constantFrom(...units), role: fc.constantFrom(...roles) }),
    { maxLength: 3 },
  ),
});
const caseArb: fc.Arbitrary<CaseFacts> = fc.record({
  caseId: fc.constant('c1'),
  unitId: fc.constantFrom(...units),
  assignedUserId: fc.option(fc.constantFrom(...users), { nil: null }),
  status: fc.constantFrom('open' as const, 'closed' as const),
  routedBy: fc.option(fc.constantFrom(...users), { nil: null }),
});
const personArb = (c: CaseFacts): fc.Arbitrary<PersonFacts> =>
  fc.record({
    personId: fc.constant('p1'),
    protectionLevel: fc.constantFrom(...protectionLevels),
    cases: fc.constant([c]),
    emergencyAccessUntil: fc.constant(undefined),
  });
const now = new Date('2026-12-01T12:00:00Z');
const providerSide = [
  'commission.read',
  'commission.respond',
  'commission.plan',
  'commission.record',
] as const;
const caseSide = ['commission.create', 'commission.end', 'commissions.readForCase'] as const;

describe('uppdrag rules', () => {
  it("allow the provider's side exactly to a provider user of the uppdrag's provider", () => {
    fc.assert(
      fc.property(
        actorArb,
        fc.option(fc.constantFrom(...units), { nil: null }),
        fc.constantFrom(...providerSide),
        (actor, providerUnitId, action) => {
          const d = can(actor, action, { commissionId: 'k1', providerUnitId });
          const expected =
            providerUnitId !== null &&
            actor.grants.some((g) => g.role === 'provider' && g.unitId === providerUnitId);
          expect(d.allowed).toBe(expected);
          if (!d.allowed) expect(d.denial).toBe('not_found');
        },
      ),
    );
  });

  it("never allow a provider-only user the case's side", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...units), { minLength: 1, maxLength: 3 }),
        caseArb.chain((c) => personArb(c).map((p) => ({ c, p }))),
        fc.constantFrom(...caseSide),
        (providerUnits, { c, p }, action) => {
          const actor: Actor = {
            userId: 'a',
            grants: providerUnits.map((unitId) => ({ unitId, role: 'provider' })),
          };
          const d = can(actor, action, { person: p, case: c, now });
          expect(d.allowed).toBe(false);
        },
      ),
    );
  });

  it('give the handläggare sending an uppdrag nothing on the provider side', () => {
    fc.assert(
      fc.property(actorArb, fc.constantFrom(...units), (actor, providerUnitId) => {
        const caseworker: Actor = {
          ...actor,
          grants: actor.grants.filter((g) => g.role !== 'provider'),
        };
        expect(
          can(caseworker, 'commission.read', { commissionId: 'k1', providerUnitId }).allowed,
        ).toBe(false);
        expect(can(caseworker, 'commissions.listMine', {}).allowed).toBe(false);
      }),
    );
  });
});
