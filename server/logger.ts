import pino from 'pino';
import type { DestinationStream, Logger } from 'pino';

/**
 * Personal data never reaches a log line. Request logs carry the method, the path without its
 * query string (the web client never puts personal data in a path or query, but a hand-typed URL
 * could) and the correlation id; bodies are never logged. Redaction is a second line of defence
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

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      redact: { paths: redactPaths, censor: '[borttaget]' },
      serializers: {
        req: (req: { method: string; url: string; id: string }) => ({
          method: req.method,
          path: pathWithoutQuery(req.url),
          correlationId: req.id,
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
        // Errors keep their type, code and stack; messages from libraries can quote input, so
        // they are logged only for errors we did not foresee, where the stack is what matters.
        err: pino.stdSerializers.err,
      },
    },
    destination,
  );
}
