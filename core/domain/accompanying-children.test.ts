import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from './calendar.ts';
import {
  ACCOMPANYING_CHILDREN_RULES_FROM,
  accompanyingChildDuties,
  SCHOOL_ARRANGEMENT_WORKING_DAYS,
} from './accompanying-children.ts';
import type { HouseholdChild } from './child-report-duty.ts';
import { ACUTE_BACKDATING_DAYS } from './decisions.ts';
import { deadlinesFor } from './deadlines.ts';
import { isWorkingDay, workingDaysBetween } from './working-days.ts';

const day = fc.integer({ min: 0, max: 2_000 }).map((n) => addDays('2023-06-01', n));
const childIds = ['c1', 'c2', 'c3'];
const children = fc
  .uniqueArray(fc.constantFrom(...childIds), { maxLength: 3 })
  .map((ids) => ids.map((personId): HouseholdChild => ({ personId, via: 'own' })));
const dated = (from: string) =>
  fc.array(
    fc.record({
      childPersonId: fc.constantFrom(...childIds),
      on: fc.integer({ min: -10, max: 20 }).map((n) => addDays(from, n)),
    }),
    { maxLength: 5 },
  );

describe('accompanyingChildDuties', () => {
  it('opens one duty per child of the latest stay under the rules, met by the child’s own beslut', () => {
    fc.assert(
      fc.property(
        fc.array(day, { maxLength: 3 }).chain((froms) =>
          fc.record({
            froms: fc.constant(froms),
            children,
            decisions: dated(froms[0] ?? '2025-01-01'),
            arrangements: dated(froms[0] ?? '2025-01-01'),
          }),
        ),
        ({ froms, children, decisions, arrangements }) => {
          const duties = accompanyingChildDuties({
            grants: froms.map((from) => ({ from })),
            children,
            childDecisions: decisions.map((d) => ({
              childPersonId: d.childPersonId,
              decidedOn: d.on,
            })),
            arrangements: arrangements.map((a) => ({
              childPersonId: a.childPersonId,
              arrangedOn: a.on,
            })),
          });
          const inForce = froms.filter((f) => f >= ACCOMPANYING_CHILDREN_RULES_FROM).sort();
          if (inForce.length === 0) {
            expect(duties).toEqual([]);
            return;
          }
          const since = inForce.at(-1) ?? '';
          expect(duties.map((d) => d.childPersonId)).toEqual(children.map((c) => c.personId));
          for (const duty of duties) {
            expect(duty.since).toBe(since);
            const counts = decisions.some(
              (d) =>
                d.childPersonId === duty.childPersonId &&
                d.on >= addDays(since, -ACUTE_BACKDATING_DAYS),
            );
            expect(duty.status).toBe(counts ? 'decided' : 'open');
            // The school task is due a set number of working days into the stay, on a working day.
            expect(workingDaysBetween(since, duty.school.dueOn)).toBe(
              SCHOOL_ARRANGEMENT_WORKING_DAYS,
            );
            expect(isWorkingDay(duty.school.dueOn)).toBe(true);
            if (duty.school.arrangedOn !== null) {
              expect(duty.school.arrangedOn >= addDays(since, -ACUTE_BACKDATING_DAYS)).toBe(true);
            }
          }
        },
      ),
    );
  });

  it('asks nothing of a stay granted before the rules came into force', () => {
    expect(
      accompanyingChildDuties({
        grants: [{ from: '2024-03-31' }],
        children: [{ personId: 'c1', via: 'own' }],
        childDecisions: [],
        arrangements: [],
      }),
    ).toEqual([]);
  });
});

describe('the duties as deadlines', () => {
  it('asks for the children’s own beslut while one is open, and the school while one is unsolved', () => {
    fc.assert(
      fc.property(
        day,
        fc.array(fc.record({ decided: fc.boolean(), arranged: fc.boolean() }), { maxLength: 3 }),
        (since, states) => {
          const accompanyingChildren = states.map((s, i) => ({
            childPersonId: `c${i}`,
            via: 'own' as const,
            since,
            status: s.decided ? ('decided' as const) : ('open' as const),
            decidedOn: s.decided ? since : null,
            school: { dueOn: addDays(since, 7 + i), arrangedOn: s.arranged ? since : null },
          }));
          const kinds = deadlinesFor(
            {
              isChildCase: false,
              receivedOn: since,
              protectionAssessedOn: null,
              preliminaryAssessedOn: since,
              investigationOpenedOn: null,
              investigationClosedOn: null,
              openChildReportDuties: 0,
              accompanyingChildren,
            },
            since,
          );
          const decision = kinds.filter((d) => d.kind === 'accompanying_child_decision');
          const school = kinds.filter((d) => d.kind === 'school_arrangement');
          expect(decision.length).toBe(states.some((s) => !s.decided) ? 1 : 0);
          expect(decision[0]?.dueOn ?? since).toBe(since);
          const unsolved = accompanyingChildren.filter((c) => c.school.arrangedOn === null);
          expect(school.map((d) => d.dueOn)).toEqual(
            unsolved.length > 0 ? [unsolved.map((c) => c.school.dueOn).sort()[0]] : [],
          );
        },
      ),
    );
  });
});
