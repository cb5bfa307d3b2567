/**
 * When the page warns about, and ends, a session that is about to time out on the server. Pure:
 * times are milliseconds since the epoch on the page's clock.
 */

import { sessionTouchIntervalMs } from '../../../../core/contracts/auth.ts';

/**
 * Warned this long before an idle logout, or half the time the page counts down when the idle
 * timeout is short; never less than the 20 seconds WCAG 2.2.1 asks for.
 */
export const IDLE_WARNING_MS = 2 * 60_000;
const MIN_WARNING_MS = 20_000;
/** The absolute limit cannot be extended; warn early enough to save and finish. */
export const ABSOLUTE_WARNING_MS = 10 * 60_000;

export interface TimeoutPlan {
  /** 'idle' can be put off by any activity; 'absolute' is the session's hard end. */
  kind: 'idle' | 'absolute';
  warnAt: number;
  endsAt: number;
}

export function timeoutPlan(
  lastContact: number,
  idleTimeoutSeconds: number,
  expiresAt: number,
): TimeoutPlan {
  const idleMs = idleTimeoutSeconds * 1000;
  const countdown = idleMs - sessionTouchIntervalMs(idleMs);
  const idleEnd = lastContact + countdown;
  const idleWarning = Math.max(MIN_WARNING_MS, Math.min(IDLE_WARNING_MS, countdown / 2));
  return expiresAt <= idleEnd
    ? { kind: 'absolute', endsAt: expiresAt, warnAt: expiresAt - ABSOLUTE_WARNING_MS }
    : { kind: 'idle', endsAt: idleEnd, warnAt: idleEnd - idleWarning };
}
