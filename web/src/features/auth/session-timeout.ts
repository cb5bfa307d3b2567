/**
 * When the page warns about, and ends, a session that is about to time out on the server. Pure:
 * times are milliseconds since the epoch on the page's clock.
 */

import { SESSION_TOUCH_INTERVAL_MS } from '../../../../core/contracts/auth.ts';

/** Warned this long before an idle logout: WCAG 2.2.1 asks for at least 20 seconds. */
export const IDLE_WARNING_MS = 2 * 60_000;
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
  const idleEnd = lastContact + idleTimeoutSeconds * 1000 - SESSION_TOUCH_INTERVAL_MS;
  return expiresAt <= idleEnd
    ? { kind: 'absolute', endsAt: expiresAt, warnAt: expiresAt - ABSOLUTE_WARNING_MS }
    : { kind: 'idle', endsAt: idleEnd, warnAt: idleEnd - IDLE_WARNING_MS };
}
