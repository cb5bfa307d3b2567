import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { protectionLevels } from '../../domain/protection.ts';
import { can } from '../policy.ts';
import type { Actor, CaseFacts } from '../policy.ts';
import { roles } from '../roles.ts';

/**
 * The samråd rules: knowing of a samråd is its holder's, its participating units' and its files'
 * readers'; holding it is the holder's alone; closing an action item needs the file readable.
 */
const units = ['u1', 'u2', 'u3'];
const users = ['a', 'b'];
const now = new Date('2026-12-01T12:00:00Z');
const actorArb: fc.Arbitrary<Actor> = fc.record({
  userId: fc.constantFrom(...users),
  grants: fc.array(
    fc.record({ unitId: fc.constantFrom(...units), role: fc.constantFrom(...roles) }),
    { maxLength: 3 },
  ),
});
const fileArb = fc
  .record({
    caseId: fc.constantFrom('c1', 'c2'),
    unitId: fc.constantFrom(...units),
    assignedUserId: fc.option(fc.constantFrom(...users), { nil: null }),
    status: fc.constantFrom('open' as const, 'closed' as const),
    routedBy: fc.option(fc.constantFrom(...users), { nil: null }),
  })
  .chain((c: CaseFacts) =>
    fc.record({
      case: fc.constant(c),
      person: fc.record({
        personId: fc.constant(`p-${c.caseId}`),
        protectionLevel: fc.constantFrom(...protectionLevels),
        cases: fc.constant([c]),
        emergencyAccessUntil: fc.option(fc.constant(new Date('2026-12-02T00:00:00Z')), {
          nil: undefined,
        }),
      }),
    }),
  );
const meetingArb = fc.record({
  holderId: fc.constantFrom(...users),
  unitId: fc.constantFrom(...units),
  participantUnitIds: fc.subarray(units),
  files: fc.array(fileArb, { maxLength: 3 }),
  now: fc.constant(now),
});

describe('a samråd', () => {
  it('is known to its holder, to the units that take part and to who may read one of its files — never through nödåtkomst', () => {
    fc.assert(
      fc.property(actorArb, meetingArb, (actor, m) => {
        const decision = can(actor, 'meeting.read', m);
        const holder =
          actor.userId === m.holderId &&
          actor.grants.some(
            (g) =>
              g.unitId === m.unitId &&
              ['adult_caseworker', 'children_caseworker', 'out_of_hours'].includes(g.role),
          );
        const participant = actor.grants.some(
          (g) =>
            m.participantUnitIds.includes(g.unitId) &&
            ['adult_caseworker', 'children_caseworker', 'out_of_hours', 'unit_manager'].includes(
              g.role,
            ),
        );
        const reader = m.files.some((f) => {
          const read = can(actor, 'case.read', { ...f, now });
          return read.allowed && read.via !== 'emergency_access';
        });
        expect(decision.allowed).toBe(holder || participant || reader);
        if (decision.allowed) expect(decision.via).not.toBe('emergency_access');
      }),
    );
  });

  it('is held by its holder alone; anyone else who knows of it is refused (403), the rest told nothing (404)', () => {
    fc.assert(
      fc.property(actorArb, meetingArb, (actor, m) => {
        const hold = can(actor, 'meeting.hold', m);
        if (hold.allowed) expect(actor.userId).toBe(m.holderId);
        else if (can(actor, 'meeting.read', m).allowed) expect(hold.denial).toBe('forbidden');
        else expect(hold.denial).toBe('not_found');
      }),
    );
  });

  it('has its action items closed only by who may read their file', () => {
    fc.assert(
      fc.property(
        actorArb,
        fileArb,
        fc.option(fc.constantFrom(...users), { nil: null }),
        (actor, file, ownerUserId) => {
          const close = can(actor, 'meeting.closeAction', { ...file, ownerUserId, now });
          const read = can(actor, 'case.read', { ...file, now });
          if (close.allowed) expect(read.allowed).toBe(true);
          if (close.allowed && close.via === 'emergency_access') {
            expect(can(actor, 'case.work', { ...file, now }).allowed).toBe(false);
            expect(ownerUserId).not.toBe(actor.userId);
          }
        },
      ),
    );
  });
});
