import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseProjection, caseState, queuePriorities } from './case-flow.ts';
import type { CaseEvent } from './case-flow.ts';
import { can } from '../policy/policy.ts';
import type { Actor, CaseFacts } from '../policy/policy.ts';
import { systemActorId } from '../policy/decision.ts';
import { roles } from '../policy/roles.ts';

/**
 * Socialjour's handover in the case's log (issue 13, item 2): the row's unit, assignee and queue
 * place follow from it, and only the handover job may carry it out, only when it is due.
 */

const at = (minute: number) => `2026-12-05T22:${String(minute).padStart(2, '0')}:00.000Z`;

describe("the handover in the case row's projection", () => {
  const eventArb: fc.Arbitrary<CaseEvent> = fc.oneof(
    fc.constant({ type: 'intake_registered' as const, intakeType: 'report' as const, at: at(0) }),
    fc
      .constantFrom('yes' as const, 'no' as const, 'unclear' as const)
      .map((acuteNeed) => ({ type: 'acute_screening' as const, acuteNeed, at: at(1) })),
    fc
      .constantFrom('sara', 'anna')
      .map((userId) => ({ type: 'case_assigned' as const, userId, at: at(2) })),
    fc.constantFrom('rvt', 'bou').map((toUnitId) => ({
      type: 'handover_planned' as const,
      toUnitId,
      on: '2026-12-07',
      at: at(3),
    })),
    fc
      .constantFrom('rvt', 'bou')
      .map((toUnitId) => ({ type: 'case_handed_over' as const, toUnitId, at: at(4) })),
    fc.integer({ min: 5, max: 59 }).map((m) => ({ type: 'case_closed' as const, at: at(m) })),
  );
  const upToClose = (events: readonly CaseEvent[]) => {
    const closedAt = events.findIndex((e) => e.type === 'case_closed');
    return closedAt >= 0 ? events.slice(0, closedAt + 1) : events;
  };

  it("puts the case in the unit of its last handover, or leaves the row's unit", () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 12 }), (events) => {
        const last = upToClose(events).findLast((e) => e.type === 'case_handed_over');
        expect(caseProjection(caseState(events)).unitId).toBe(last?.toUnitId ?? null);
      }),
    );
  });

  it('leaves nobody assigned after a handover until the day unit assigns it, first in the queue', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 12 }), (events) => {
        const log = upToClose(events);
        const projection = caseProjection(caseState(events));
        const lastHands = log.findLast(
          (e) => e.type === 'case_handed_over' || e.type === 'case_assigned',
        );
        const handedOver = lastHands?.type === 'case_handed_over';
        expect(projection.unassigned).toBe(handedOver);
        if (handedOver) expect(projection.assignedUserId).toBeNull();
        if (handedOver && projection.status === 'open') {
          expect(projection.queuePriority).toBe(queuePriorities.handedOver);
        }
        // Nothing else goes ahead of the night's handover.
        if (!handedOver) expect(projection.queuePriority).not.toBe(queuePriorities.handedOver);
      }),
    );
  });

  it('keeps the plan until it is carried out', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 12 }), (events) => {
        const log = upToClose(events);
        const lastPlan = log.findLastIndex((e) => e.type === 'handover_planned');
        const lastDone = log.findLastIndex((e) => e.type === 'case_handed_over');
        const state = caseState(events);
        expect(state.plannedHandover !== null).toBe(lastPlan > lastDone);
      }),
    );
  });
});

describe("can(): case.handover, the handover job's one right", () => {
  const socialjourCase: CaseFacts = {
    caseId: 'c1',
    unitId: 'socialjour',
    assignedUserId: 'sara',
    status: 'open',
    routedBy: null,
  };
  const system: Actor = { userId: systemActorId, grants: [] };
  const planned = { toUnitId: 'rvt', on: '2026-12-07' };

  it('allows the system actor a planned handover on its day or after, in socialjour’s name', () => {
    for (const today of ['2026-12-07', '2026-12-08']) {
      expect(can(system, 'case.handover', { case: socialjourCase, planned, today })).toEqual({
        allowed: true,
        role: 'out_of_hours',
        unitId: 'socialjour',
        via: 'planned_handover',
      });
    }
  });

  it('refuses it before its day, without a plan, or on a closed case', () => {
    expect(
      can(system, 'case.handover', { case: socialjourCase, planned, today: '2026-12-06' }).allowed,
    ).toBe(false);
    expect(
      can(system, 'case.handover', { case: socialjourCase, planned: null, today: '2026-12-07' })
        .allowed,
    ).toBe(false);
    expect(
      can(system, 'case.handover', {
        case: { ...socialjourCase, status: 'closed' },
        planned,
        today: '2026-12-07',
      }).allowed,
    ).toBe(false);
  });

  it('refuses every user, whatever their roles, and a system actor given a grant', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            unitId: fc.constantFrom('socialjour', 'rvt'),
            role: fc.constantFrom(...roles),
          }),
          { maxLength: 3 },
        ),
        fc.constantFrom('sara', 'anna', systemActorId),
        (grants, userId) => {
          fc.pre(userId !== systemActorId || grants.length > 0);
          const actor: Actor = { userId, grants };
          expect(
            can(actor, 'case.handover', { case: socialjourCase, planned, today: '2026-12-07' })
              .allowed,
          ).toBe(false);
        },
      ),
    );
  });
});
