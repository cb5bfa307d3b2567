import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deadlineKinds } from './deadlines.ts';
import { compareUrgency, matchesFilter, urgencyKey, workList } from './work-list.ts';
import type { WorkItem } from './work-list.ts';

const day = fc
  .integer({ min: 0, max: 120 })
  .map((n) => new Date(Date.UTC(2026, 10, 1) + n * 86_400_000).toISOString().slice(0, 10));

const item: fc.Arbitrary<WorkItem> = fc.record({
  id: fc.uuid(),
  queuePriority: fc.constantFrom(0, 1, 2),
  riskLevel: fc.constantFrom('low' as const, 'medium' as const, 'high' as const, null),
  deadlines: fc.array(
    fc.record({
      kind: fc.constantFrom(...deadlineKinds),
      dueOn: day,
      status: fc.constantFrom('ok' as const, 'due_soon' as const, 'overdue' as const),
    }),
    { maxLength: 4 },
  ),
  openedAt: day.map((d) => `${d}T08:00:00.000Z`),
});
const today = '2026-12-01';

describe('the order of a work list', () => {
  it('is a total order: antisymmetric, transitive, and equal only for the same case', () => {
    fc.assert(
      fc.property(item, item, item, (a, b, c) => {
        expect(Math.sign(compareUrgency(a, b))).toBe(-Math.sign(compareUrgency(b, a)));
        if (compareUrgency(a, b) <= 0 && compareUrgency(b, c) <= 0) {
          expect(compareUrgency(a, c)).toBeLessThanOrEqual(0);
        }
        if (a.id !== b.id) expect(compareUrgency(a, b)).not.toBe(0);
      }),
    );
  });

  it('puts what socialjour handed over and what is acute first, then the overdue, then the higher risk', () => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 20 }), (items) => {
        const sorted = workList(items, {}, today);
        expect(sorted).toHaveLength(items.length);
        for (let i = 1; i < sorted.length; i++) {
          const [a, b] = [sorted[i - 1]!, sorted[i]!];
          expect(a.queuePriority).toBeLessThanOrEqual(b.queuePriority);
          if (a.queuePriority !== b.queuePriority) continue;
          const late = (x: WorkItem) => x.deadlines.some((d) => d.status === 'overdue');
          if (late(b)) expect(late(a)).toBe(true);
        }
      }),
    );
  });

  it('puts the acute, high-risk case first whatever came in before it', () => {
    const base = { deadlines: [], riskLevel: null, queuePriority: 2 } as const;
    const acute: WorkItem = {
      ...base,
      id: 'e',
      queuePriority: 1,
      riskLevel: 'high',
      openedAt: '2026-11-30T08:00:00.000Z',
    };
    const older = ['a', 'b', 'c', 'd'].map((id, i) => ({
      ...base,
      id,
      openedAt: `2026-11-0${String(i + 1)}T08:00:00.000Z`,
    }));
    expect(workList([...older, acute], {}, today)[0]?.id).toBe('e');
  });

  it('keeps only what the filter asks for, and "Idag" only what is due by today', () => {
    fc.assert(
      fc.property(
        fc.array(item, { maxLength: 20 }),
        fc.constantFrom(...deadlineKinds),
        (items, kind) => {
          for (const i of workList(items, { kind }, today)) {
            expect(i.deadlines.some((d) => d.kind === kind)).toBe(true);
          }
          const todays = workList(items, { today: true }, today);
          for (const i of todays) expect(i.deadlines.some((d) => d.dueOn <= today)).toBe(true);
          const left = items.filter((i) => !todays.includes(i));
          for (const i of left) expect(matchesFilter(i, { today: true }, today)).toBe(false);
          for (const i of workList(items, { risk: 'high' }, today)) {
            expect(i.riskLevel).toBe('high');
          }
        },
      ),
    );
  });

  it('pages by the last key: the pages together are the list, once each, in order', () => {
    fc.assert(
      fc.property(
        fc.array(item, { maxLength: 25 }),
        fc.integer({ min: 1, max: 6 }),
        (items, size) => {
          const whole = workList(items, {}, today);
          const pages: WorkItem[] = [];
          let after: ReturnType<typeof urgencyKey> | undefined;
          for (;;) {
            const page = workList(items, {}, today, after).slice(0, size);
            pages.push(...page);
            const last = page.at(-1);
            if (page.length < size || !last) break;
            after = urgencyKey(last);
          }
          expect(pages.map((i) => i.id)).toEqual(whole.map((i) => i.id));
        },
      ),
    );
  });
});
