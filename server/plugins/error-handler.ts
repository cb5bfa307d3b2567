import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { errorCatalogue } from '../../core/contracts/errors.ts';
import type { ErrorCode, ErrorResponse, FieldError } from '../../core/contracts/errors.ts';
import type { Db } from '../db/database.ts';
import { DatabaseOutage } from '../db/outage.ts';
import { isDatabaseUnavailable } from '../db/unavailable.ts';
import { AppError } from '../errors.ts';
import { safeErrorForLog } from '../logger.ts';

/** Where a Fastify validation context puts its inputs, named as the client names them. */
const contextNames: Record<string, string> = {
  body: 'body',
  querystring: 'query',
  params: 'params',
  headers: 'headers',
};

/** Framework and plugin error codes that are the client's doing, mapped to our catalogue. */
const frameworkCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'MALFORMED_REQUEST',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_REQUEST',
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_REQUEST',
  FST_CSRF_INVALID_TOKEN: 'CSRF_REJECTED',
  FST_CSRF_MISSING_SECRET: 'CSRF_REJECTED',
};

interface Classified {
  code: ErrorCode;
  fields?: FieldError[];
  detail?: string;
  /** The database could not be reached or its connection was lost (server/db/unavailable.ts). */
  databaseUnavailable?: true;
}

/**
 * Seconds a client is asked to wait before trying again while the database is away: long enough
 * for a restart or failover not to be hammered, short enough that a social worker's retry of a
 * save lands soon after the database is back.
 */
export const RETRY_AFTER_SECONDS = 5;

function classify(error: FastifyError): Classified {
  if (error instanceof AppError) {
    return {
      code: error.code,
      ...(error.fields ? { fields: error.fields } : {}),
      ...(error.detail ? { detail: error.detail } : {}),
    };
  }
  // Before the status checks: a lost connection is nobody's mistake and is worth retrying.
  if (isDatabaseUnavailable(error))
    return { code: 'SERVICE_UNAVAILABLE', databaseUnavailable: true };
  if (hasZodFastifySchemaValidationErrors(error)) {
    const context = contextNames[error.validationContext ?? 'body'] ?? 'body';
    return {
      code: 'VALIDATION',
      fields: error.validation.map((v) => ({
        path: [context, ...v.instancePath.split('/').filter(Boolean)].join('.'),
        message: v.message ?? 'Ogiltigt värde',
      })),
    };
  }
  const mapped = frameworkCodes[error.code];
  if (mapped) return { code: mapped };
  // JSON.parse of a broken body arrives as a plain SyntaxError with status 400.
  if (error instanceof SyntaxError && error.statusCode === 400)
    return { code: 'MALFORMED_REQUEST' };
  if (error.statusCode === 429) return { code: 'RATE_LIMITED' };
  if (error.statusCode === 413) return { code: 'PAYLOAD_TOO_LARGE' };
  if (error.statusCode === 415) return { code: 'UNSUPPORTED_MEDIA_TYPE' };
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    return { code: 'MALFORMED_REQUEST' };
  }
  return { code: 'INTERNAL' };
}

export function errorBody(
  code: ErrorCode,
  correlationId: string,
  fields?: FieldError[],
  detail?: string,
): ErrorResponse {
  return {
    error: {
      code,
      message: detail ?? errorCatalogue[code].message,
      correlationId,
      ...(fields ? { fields } : {}),
    },
  };
}

export function sendError(
  reply: FastifyReply,
  request: FastifyRequest,
  code: ErrorCode,
  fields?: FieldError[],
  detail?: string,
) {
  // Every 503 says when to come back; clients retry a save then, with the same Idempotency-Key.
  if (code === 'SERVICE_UNAVAILABLE') reply.header('retry-after', String(RETRY_AFTER_SECONDS));
  return reply
    .code(errorCatalogue[code].status)
    .header('cache-control', 'no-store')
    .type('application/json; charset=utf-8')
    .send(errorBody(code, request.id, fields, detail));
}

/**
 * The single place where an error becomes an HTTP answer. Foreseen errors answer with their
 * catalogue entry; anything else is logged by its class, code and stack (never its message nor
 * the request body) and answers
 * a generic 500 carrying only the correlation id. A database that cannot be reached answers 503
 * with Retry-After, and the outage is logged once when it starts and once when it ends (given
 * `db` to probe it with), not once per refused request.
 */
export function registerErrorHandler(
  app: FastifyInstance,
  options: {
    onRefusal?: (request: FastifyRequest, error: AppError) => Promise<void>;
    db?: Db;
  } = {},
) {
  const db = options.db;
  const outage = db
    ? new DatabaseOutage({ log: app.log, probe: () => sql`select 1`.execute(db) })
    : undefined;
  if (outage) {
    app.addHook('onClose', (_instance, done) => {
      outage.stop();
      done();
    });
  }
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    const { code, fields, detail, databaseUnavailable } = classify(error);
    if (databaseUnavailable) {
      if (outage) outage.refused(error);
      else request.log.warn({ errorCode: code }, 'database unavailable');
    } else if (code === 'INTERNAL') {
      // Class, code, constraint and stack only: a database error's message, detail and `where`
      // quote the values it refused, which may be anything the request carried.
      request.log.error({ error: safeErrorForLog(error) }, 'unhandled error');
    } else {
      request.log.info({ errorCode: code, cause: error.code }, 'request rejected');
    }
    // A refused attempt is audited before it is answered; failing to record it never changes
    // the answer (that would tell the caller something).
    if (options.onRefusal && error instanceof AppError && isRefusal(error)) {
      try {
        await options.onRefusal(request, error);
      } catch (failure) {
        request.log.error({ err: failure }, 'could not record a refused attempt');
      }
    }
    return sendError(reply, request, code, fields, detail);
  });
}

const isRefusal = (error: AppError) =>
  error.refusal !== undefined || error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN';
