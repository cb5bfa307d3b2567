import type { Outcome } from './matrix.ts';
import { actorNames } from './world.ts';
import type { ActorName } from './world.ts';

/**
 * The matrix's shorthand, for matrix.ts and every file of rows spliced into it: everyone gets
 * `rest` except those named. A module of its own, so that the row files need nothing of
 * matrix.ts at run time (it imports them).
 */
export function outcomes(
  rest: Outcome,
  except: Partial<Record<ActorName, Outcome>>,
): Record<ActorName, Outcome> {
  return Object.fromEntries(actorNames.map((a) => [a, except[a] ?? rest])) as Record<
    ActorName,
    Outcome
  >;
}
