import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sessionTouchIntervalMs } from '../../../../core/contracts/auth.ts';
import { timeoutPlan } from './session-timeout.ts';

const start = Date.UTC(2026, 10, 23, 8);
const instant = fc.integer({ min: start, max: start + 24 * 3_600_000 });
// The server's settings: 1 minute to 24 hours idle.
const idleSeconds = fc.integer({ min: 60, max: 24 * 3600 });

describe('session timeout plan', () => {
  it('ends no later than either server limit, and warns at least 20 seconds before (WCAG 2.2.1)', () => {
    fc.assert(
      fc.property(instant, idleSeconds, instant, (contact, idle, expires) => {
        const plan = timeoutPlan(contact, idle, expires);
        expect(plan.endsAt).toBeLessThanOrEqual(expires);
        expect(plan.endsAt).toBeLessThanOrEqual(
          contact + idle * 1000 - sessionTouchIntervalMs(idle * 1000),
        );
        expect(plan.endsAt - plan.warnAt).toBeGreaterThanOrEqual(20_000);
        expect(plan.kind === 'absolute').toBe(plan.endsAt === expires);
      }),
    );
  });

  it('never ends sooner because of later activity', () => {
    fc.assert(
      fc.property(
        instant,
        fc.nat(3_600_000),
        idleSeconds,
        instant,
        (contact, later, idle, expires) => {
          const before = timeoutPlan(contact, idle, expires);
          const after = timeoutPlan(contact + later, idle, expires);
          expect(after.endsAt).toBeGreaterThanOrEqual(before.endsAt);
          // (Its warning may come sooner: near the hard end, the longer absolute warning applies.)
          if (after.kind === before.kind) {
            expect(after.warnAt).toBeGreaterThanOrEqual(before.warnAt);
          }
        },
      ),
    );
  });

  it('with 30 minutes idle, warns at 27 and ends at 29 minutes after the last answer', () => {
    const plan = timeoutPlan(start, 1800, start + 10 * 3_600_000);
    expect(plan).toEqual({
      kind: 'idle',
      warnAt: start + 27 * 60_000,
      endsAt: start + 29 * 60_000,
    });
  });

  it('with 1 minute idle (the server notes activity every 15 s), warns at 22.5 and ends at 45 s', () => {
    expect(sessionTouchIntervalMs(60_000)).toBe(15_000);
    const plan = timeoutPlan(start, 60, start + 10 * 3_600_000);
    expect(plan).toEqual({ kind: 'idle', warnAt: start + 22_500, endsAt: start + 45_000 });
  });
});
