import { AppError } from '../errors.ts';

/**
 * Runs a job every `everyMs` (a minute by default; VARN_JOB_INTERVAL_SECONDS) until stopped, and
 * once at once. A run never overlaps the previous one; a run that fails is reported and retried
 * by the next; stop() waits for a run in progress, so the database can close.
 */
export function startJob<T>(
  run: () => Promise<T>,
  options: { onError: (error: unknown) => void; onDone?: (result: T) => void; everyMs?: number },
): { stop: () => Promise<void> } {
  let running: Promise<void> | undefined;
  const tick = () => {
    if (running) return;
    running = run()
      .then((result) => options.onDone?.(result))
      .catch(options.onError)
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(tick, options.everyMs ?? 60_000);
  timer.unref();
  tick();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}

/**
 * Acts on each due item in a command of its own and returns those done. An item refused by the
 * command (an AppError: another run, or a user, got to it first) is left for what holds now.
 */
export async function eachDue<T>(items: readonly T[], act: (item: T) => Promise<unknown>) {
  const done: T[] = [];
  for (const item of items) {
    try {
      await act(item);
      done.push(item);
    } catch (error) {
      if (error instanceof AppError) continue;
      throw error;
    }
  }
  return done;
}
