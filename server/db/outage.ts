import { unavailableReason } from './unavailable.ts';

/** The part of a pino logger the tracker uses. */
export interface OutageLog {
  warn(object: Record<string, unknown>, message: string): void;
  info(object: Record<string, unknown>, message: string): void;
}

interface Down {
  since: number;
  refused: number;
}

/**
 * One database outage as the log tells it: a line when the first request is refused, a line when
 * the database answers again with how many requests were refused and for how long, and nothing
 * in between (a short outage under load used to write a stack per request). It never decides
 * whether a request is tried: each request still goes to the database, so service comes back by
 * itself the moment the database does.
 *
 * Recovery is seen by probing (`select 1`) while down, not by waiting for a request to succeed:
 * the log should say the outage is over even when nobody is working.
 */
export class DatabaseOutage {
  readonly #log: OutageLog;
  readonly #probe: () => Promise<unknown>;
  readonly #probeEveryMs: number;
  readonly #now: () => number;
  #down: Down | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #stopped = false;

  constructor(options: {
    log: OutageLog;
    probe: () => Promise<unknown>;
    probeEveryMs?: number;
    now?: () => number;
  }) {
    this.#log = options.log;
    this.#probe = options.probe;
    this.#probeEveryMs = options.probeEveryMs ?? 1_000;
    this.#now = options.now ?? Date.now;
  }

  get down(): boolean {
    return this.#down !== undefined;
  }

  /** A request was answered 503 because of `error` (one that unavailableReason recognises). */
  refused(error: unknown): void {
    if (this.#down) {
      this.#down.refused += 1;
      return;
    }
    this.#down = { since: this.#now(), refused: 1 };
    // The reason is a code or the driver's fixed text; no stack, no message from the server.
    this.#log.warn(
      { reason: unavailableReason(error) ?? 'unknown' },
      'database unavailable: answering 503 until it is back',
    );
    this.#schedule();
  }

  /** Stops probing (the application is closing). */
  stop(): void {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #schedule(): void {
    if (this.#stopped) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#probe().then(
        () => {
          this.#recovered();
        },
        () => {
          this.#schedule();
        },
      );
    }, this.#probeEveryMs);
    // A pending probe must not keep a stopping process alive.
    this.#timer.unref();
  }

  #recovered(): void {
    const down = this.#down;
    if (!down) return;
    this.#down = undefined;
    this.#log.info(
      { refusedRequests: down.refused, downForMs: this.#now() - down.since },
      'database available again',
    );
  }
}
