import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { protectionLevels } from '../../domain/protection.ts';
import { can } from '../policy.ts';
import type { Actor, CaseFacts, PersonFacts } from '../policy.ts';
import { roles } from '../roles.ts';

/** Counterparts: her file's content, read with her case; his details as her protected ones. */
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
  caseId: fc.constantFrom('c1', 'c2'),
  unitId: fc.constantFrom(...units),
  assignedUserId: fc.option(fc.constantFrom(...users), { nil: null }),
  status: fc.constantFrom('open' as const, 'closed' as const),
  routedBy: fc.option(fc.constantFrom(...users), { nil: null }),
});
const factsArb = fc
  .tuple(caseArb, fc.array(caseArb, { maxLength: 2 }), fc.constantFrom(...protectionLevels))
  .map(([c, others, protectionLevel]) => {
    const person: PersonFacts = {
      personId: 'p1',
      protectionLevel,
      cases: [c, ...others],
      emergencyAccessUntil: undefined,
    };
    return { person, case: c, now: new Date('2026-12-01T12:00:00Z') };
  });

describe('counterpart rules', () => {
  it('read the counterparts with the case, write them with the work on it', () => {
    fc.assert(
      fc.property(actorArb, factsArb, (actor, f) => {
        expect(can(actor, 'counterpart.read', f).allowed).toBe(can(actor, 'case.read', f).allowed);
        expect(can(actor, 'counterpart.write', f).allowed).toBe(can(actor, 'case.work', f).allowed);
      }),
    );
  });

  it('show his details only to whoever reads the case and, where she is protected, her protected details', () => {
    fc.assert(
      fc.property(actorArb, factsArb, (actor, f) => {
        const details = can(actor, 'counterpart.readDetails', f).allowed;
        const read = can(actor, 'counterpart.read', f).allowed;
        const protectedRead = can(actor, 'person.readProtected', {
          person: f.person,
          now: f.now,
        }).allowed;
        expect(details).toBe(read && (f.person.protectionLevel === 'none' || protectedRead));
      }),
    );
  });

  it('correct a relation exactly when one may record it', () => {
    fc.assert(
      fc.property(actorArb, factsArb, factsArb, (actor, a, b) => {
        const facts = { from: a.person, to: { ...b.person, personId: 'p2' }, now: a.now };
        expect(can(actor, 'relation.correct', facts).allowed).toBe(
          can(actor, 'relation.create', facts).allowed,
        );
      }),
    );
  });
});
