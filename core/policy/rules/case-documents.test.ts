import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../domain/calendar.ts';
import { systemActorId } from '../decision.ts';
import { can } from '../policy.ts';
import type { Actor, CaseFacts } from '../policy.ts';
import { roles } from '../roles.ts';

/** Noting that a beslut's period ran out: the period-end job's one right, once, after the end. */
const today = '2026-12-02';
const caseArb: fc.Arbitrary<CaseFacts> = fc.record({
  caseId: fc.constant('c1'),
  unitId: fc.constantFrom('u1', 'u2'),
  assignedUserId: fc.option(fc.constantFrom('a', 'b'), { nil: null }),
  status: fc.constantFrom('open' as const, 'closed' as const),
  routedBy: fc.constant(null),
});
const factsArb = fc.record({
  case: caseArb,
  outcome: fc.constantFrom('granted' as const, 'partly_granted' as const, 'refused' as const),
  periodTo: fc.option(
    fc.integer({ min: -400, max: 400 }).map((d) => addDays(today, d)),
    { nil: null },
  ),
  decidedRole: fc.constantFrom(...roles),
  today: fc.constant(today),
  noted: fc.boolean(),
  uppdragEnded: fc.boolean(),
});
const system: Actor = { userId: systemActorId, grants: [] };
const userArb: fc.Arbitrary<Actor> = fc.record({
  userId: fc.constantFrom('a', 'b', systemActorId),
  grants: fc.array(
    fc.record({ unitId: fc.constantFrom('u1', 'u2'), role: fc.constantFrom(...roles) }),
    { minLength: 1, maxLength: 3 },
  ),
});

describe('decision.notePeriodEnd', () => {
  it('is allowed to the job exactly once a granted period has run out and nothing ended it first', () => {
    fc.assert(
      fc.property(factsArb, (f) => {
        const decision = can(system, 'decision.notePeriodEnd', f);
        const due =
          f.outcome !== 'refused' &&
          f.periodTo !== null &&
          f.periodTo < f.today &&
          !f.noted &&
          !f.uppdragEnded;
        expect(decision.allowed).toBe(due);
        if (decision.allowed) {
          expect(decision).toEqual({
            allowed: true,
            role: f.decidedRole,
            unitId: f.case.unitId,
            via: 'period_ended',
          });
        }
      }),
    );
  });

  it('is never allowed to a user, whatever their roles — nor to anything holding a grant', () => {
    fc.assert(
      fc.property(userArb, factsArb, (actor, f) => {
        const decision = can(actor, 'decision.notePeriodEnd', f);
        expect(decision.allowed).toBe(false);
      }),
    );
  });

  it('counts the last day as part of the period', () => {
    const f = {
      case: {
        caseId: 'c1',
        unitId: 'u1',
        assignedUserId: null,
        status: 'open' as const,
        routedBy: null,
      },
      outcome: 'granted' as const,
      decidedRole: 'adult_caseworker' as const,
      today,
      noted: false,
      uppdragEnded: false,
    };
    expect(can(system, 'decision.notePeriodEnd', { ...f, periodTo: today }).allowed).toBe(false);
    expect(
      can(system, 'decision.notePeriodEnd', { ...f, periodTo: addDays(today, -1) }).allowed,
    ).toBe(true);
  });
});

describe('certificate.review', () => {
  it('is allowed exactly to one with a work relation to the case who wrote none of the intyg', () => {
    fc.assert(
      fc.property(userArb, caseArb, fc.subarray(['a', 'b', systemActorId]), (actor, c, writers) => {
        const decision = can(actor, 'certificate.review', { case: c, writers });
        const relation = can(actor, 'case.read', {
          case: c,
          person: {
            personId: 'p1',
            protectionLevel: 'none',
            cases: [c],
            emergencyAccessUntil: undefined,
          },
          now: new Date('2026-12-02T12:00:00Z'),
        });
        expect(decision.allowed).toBe(relation.allowed && !writers.includes(actor.userId));
        if (decision.allowed && relation.allowed) expect(decision.via).toBe(relation.via);
      }),
    );
  });
});

describe('fileExtract.approve', () => {
  it('is allowed exactly to the enhetschef of the open case who drafted none of the extract', () => {
    fc.assert(
      fc.property(
        userArb,
        caseArb,
        fc.subarray(['a', 'b', systemActorId]),
        (actor, c, drafters) => {
          const decision = can(actor, 'fileExtract.approve', { case: c, drafters });
          const manager =
            c.status === 'open' &&
            actor.grants.some((g) => g.unitId === c.unitId && g.role === 'unit_manager') &&
            // A caseworker of the unit assigned the case, or taking it from the queue, is that first.
            !actor.grants.some(
              (g) =>
                g.unitId === c.unitId &&
                ['adult_caseworker', 'children_caseworker', 'out_of_hours'].includes(g.role) &&
                (c.assignedUserId === actor.userId ||
                  (c.assignedUserId === null && c.routedBy !== actor.userId)),
            );
          expect(decision.allowed).toBe(manager && !drafters.includes(actor.userId));
        },
      ),
    );
  });
});
