/**
 * Whether an error means the database cannot be reached (or its connection was lost) rather than
 * that the request or our code is wrong. Such a request answers 503 and may be retried: nothing
 * about it was wrong, and nothing of it was committed unless the answer to COMMIT itself was lost
 * (which is why clients retry with the same Idempotency-Key). Deliberately narrow: a constraint,
 * syntax or permission error must stay a 500 that someone looks at.
 */

/** Node's socket errors for a peer that is gone, refuses, or cannot be found or routed to. */
const socketCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EHOSTUNREACH',
]);

/**
 * The SQLSTATEs of a server that is going away or not there yet: 57P01 admin_shutdown (a
 * fast/immediate stop, pg_terminate_backend), 57P02 crash_shutdown (another backend crashed),
 * 57P03 cannot_connect_now (starting up, shutting down, in recovery). Class 08 is the standard's
 * connection exception class.
 */
const serverGoingAway = new Set(['57P01', '57P02', '57P03']);

/**
 * What node-postgres and its pool throw, without a code, when the socket ended under a client,
 * a client that lost its connection is asked again, or no connection could be had in time.
 * Compared whole: these come from the library itself, never from the server or the data.
 */
const driverMessages = new Set([
  'Connection terminated unexpectedly',
  'Connection terminated',
  'Connection terminated due to connection timeout',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error and is not queryable',
]);

function codeOf(error: object): string | undefined {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Why the database is unavailable, as a code (ECONNREFUSED, 57P01, 08006) or the driver's own
 * fixed text; undefined when the error is something else. Safe to log: it is never taken from
 * the server's message or the data.
 */
export function unavailableReason(error: unknown, depth = 0): string | undefined {
  if (typeof error !== 'object' || error === null || depth > 3) return undefined;
  const code = codeOf(error);
  if (code !== undefined) {
    if (socketCodes.has(code) || serverGoingAway.has(code)) return code;
    // A SQLSTATE is five characters; socket codes are longer, so none matches by accident.
    if (/^08[0-9A-Z]{3}$/.test(code)) return code;
  }
  if (error instanceof Error && code === undefined && driverMessages.has(error.message)) {
    return error.message;
  }
  // Connecting to a name with several addresses fails with an AggregateError of one error per
  // address; a wrapped error keeps the original as its cause.
  const nested = error as { errors?: unknown; cause?: unknown };
  if (Array.isArray(nested.errors)) {
    for (const inner of nested.errors) {
      const reason = unavailableReason(inner, depth + 1);
      if (reason !== undefined) return reason;
    }
  }
  return nested.cause === undefined ? undefined : unavailableReason(nested.cause, depth + 1);
}

export const isDatabaseUnavailable = (error: unknown): boolean =>
  unavailableReason(error) !== undefined;
