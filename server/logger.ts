import pino from 'pino';
import type { DestinationStream, Logger } from 'pino';

/**
 * Personal data never reaches a log line. Request logs carry the method, the path without its
 * query string and with only ids and the route's own words (the web client never puts personal
 * data in a path or query, but a hand-typed URL could; see loggablePath) and the correlation id; bodies are never logged. Redaction is a second line of defence
 * for anything that slips into a log object by mistake.
 */
export const redactPaths = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.totp',
  '*.personnummer',
  '*.personalIdentityNumber',
  '*.name',
  '*.firstName',
  '*.lastName',
  '*.address',
  '*.phone',
  '*.email',
  '*.body',
];

export function pathWithoutQuery(url: string): string {
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
}

/**
 * What of an error may be logged: its class, its code (a SQLSTATE for a database error) and the
 * names of what it concerns (constraint, table, column), and the stack without its first line.
 * Never the message, `detail`, `hint`, `where`, the query or its parameters: a database quotes
 * the values it refused ("Key (identity_number)=(19…) already exists", a PL/pgSQL context with
 * the row), and a library's message may quote its input.
 */
const loggableFields = [
  'code',
  'errno',
  'severity',
  'constraint',
  'table',
  'column',
  'schema',
  'dataType',
  'routine',
  'statusCode',
  'validationContext',
] as const;

export function safeErrorForLog(error: unknown, depth = 0): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const out: Record<string, unknown> = { type: error.constructor.name || error.name };
  const fields = error as unknown as Record<string, unknown>;
  for (const key of loggableFields) {
    const value = fields[key];
    if (typeof value === 'string' || typeof value === 'number') out[key] = value;
  }
  if (typeof error.stack === 'string') {
    // V8 starts the stack with "Name: message", which may span lines; keep only the frames.
    const frames = error.stack.split('\n').filter((line) => /^\s+at /.test(line));
    out.stack = frames.join('\n');
  }
  if (error.cause !== undefined && depth < 3) out.cause = safeErrorForLog(error.cause, depth + 1);
  return out;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A path segment the application itself writes: lower-case words and file names, no digits. */
const plainSegment = /^[a-z][a-z._-]{0,59}$/;

interface LoggedRequest {
  method: string;
  url: string;
  id: string;
  routeOptions?: { url?: string | undefined };
  params?: unknown;
}

/**
 * The path as it may be logged. A matched route is logged as its pattern with the ids filled in
 * (`/api/persons/<uuid>/relations`); any other parameter stays `:name`. An unmatched path keeps
 * only ids and the application's own lower-case words, every other segment becomes `*`: a
 * hand-typed or hostile URL can carry a name, a personnummer or an address.
 */
export function loggablePath(req: LoggedRequest): string {
  const pattern = req.routeOptions?.url;
  if (pattern) {
    const params = (req.params ?? {}) as Record<string, unknown>;
    return pattern.replace(/:([A-Za-z0-9_]+)/g, (placeholder, name: string) => {
      const value = params[name];
      return typeof value === 'string' && uuidPattern.test(value) ? value : placeholder;
    });
  }
  return pathWithoutQuery(req.url)
    .split('/')
    .map((segment) =>
      segment === '' || uuidPattern.test(segment) || plainSegment.test(segment) ? segment : '*',
    )
    .join('/');
}

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      redact: { paths: redactPaths, censor: '[borttaget]' },
      serializers: {
        req: (req: LoggedRequest) => ({
          method: req.method,
          path: loggablePath(req),
          correlationId: req.id,
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
        // Errors keep their type, code and stack, never their message (see safeErrorForLog).
        err: (error: unknown) => safeErrorForLog(error),
      },
    },
    destination,
  );
}
