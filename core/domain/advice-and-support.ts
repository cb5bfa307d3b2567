/**
 * Råd och stöd: advice and support given as a service, not as bistånd. The sessions are recorded
 * (when, by whom, what was done) but need no beslut — up to a limit. Beyond it the support is
 * counselling in its own right, and the person has a right to have it tried as bistånd: a beslut
 * on stödsamtal must be made before more sessions are held [seed 000 §3.1.1 (victims), §3.2.1
 * (children); spec domain.md §3.5].
 *
 * Pure: the sessions already held and the granted beslut come in as arguments.
 */
import { periodCovers } from './decisions.ts';
import type { Period } from './decisions.ts';

/** How many sessions of råd och stöd may be held without a biståndsbeslut [000 §3.1.1, §3.2.1]. */
export const SESSIONS_WITHOUT_DECISION = 5;

/** The longest note on what was done in a session. */
export const SESSION_NOTE_MAX = 2_000;

export const sessionLimitMessage =
  `Råd och stöd ges utan beslut i högst ${SESSIONS_WITHOUT_DECISION} samtal. ` +
  'Fatta beslut om stödsamtal innan fler samtal registreras.';

export type SessionCheck = { ok: true } | { ok: false; message: string };

/**
 * Whether one more session may be held on the day `on` ('YYYY-MM-DD'): always while fewer than
 * {@link SESSIONS_WITHOUT_DECISION} have been held; after that only when a granted (or partly
 * granted) beslut on stödsamtal runs on that day. A beslut that has ended, or not yet begun, does
 * not allow it.
 */
export function maySessionBeHeld(input: {
  sessionsHeld: number;
  grantedSupportPeriods: readonly Period[];
  on: string;
}): SessionCheck {
  const { sessionsHeld, grantedSupportPeriods, on } = input;
  if (sessionsHeld < SESSIONS_WITHOUT_DECISION) return { ok: true };
  if (grantedSupportPeriods.some((p) => periodCovers(p, on))) return { ok: true };
  return { ok: false, message: sessionLimitMessage };
}

/** Sessions left before a beslut is needed, never below zero. */
export const sessionsLeftWithoutDecision = (sessionsHeld: number): number =>
  Math.max(0, SESSIONS_WITHOUT_DECISION - sessionsHeld);
