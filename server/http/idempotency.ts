import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { canonicalJson, recordAudit } from '../audit/audit.ts';
import { openSecret, sealSecret } from '../crypto/secret-box.ts';
import type { Db } from '../db/database.ts';
import { inRequestTransaction } from '../db/request-transaction.ts';
import { AppError } from '../errors.ts';
import { auditContext } from './context.ts';

/**
 * A write sent with `Idempotency-Key` is done once. A person who presses "Spara" again after a
 * lost answer (the connection dropped, Värn restarted, the database failed over) must not make a
 * second journal entry or a second decision. The web client sends the same key when it sends the
 * same write again; the first answer is committed with the write itself, in one transaction
 * (server/db/request-transaction.ts), so there is no moment at which the write exists but the
 * record of its answer does not. A retry gets that answer back, marked `Idempotency-Replayed`.
 *
 * What a retry may get back is only what the same user, logged in, was answered the first time,
 * within a day; the answer is sealed in the database and the replay is audited against the same
 * people and cases. A failed write leaves no answer behind, so its retry runs again.
 */
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
export const REPLAYED_HEADER = 'idempotency-replayed';

/** How long an answer is kept for a retry: far longer than any retry, short enough to hold little. */
export const ANSWER_KEPT_MS = 24 * 60 * 60 * 1000;
const PURGE_INTERVAL_MS = 10 * 60 * 1000;

// Random keys from the client (a UUID); the pattern keeps anything else out of the table.
const KEY_PATTERN = /^[A-Za-z0-9_-]{16,128}$/;
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface IdempotencyDeps {
  /** The pool itself (outside any request transaction). */
  db: Db;
  clock: () => Date;
  secretKey: Buffer;
}

declare module 'fastify' {
  interface FastifyInstance {
    idempotency: IdempotencyDeps | undefined;
  }
}

export function registerIdempotency(app: FastifyInstance, deps: IdempotencyDeps) {
  app.decorate('idempotency', deps);
  let lastPurge = 0;
  // Expired answers go soon after they expire; none is ever replayed after expiry anyway.
  app.addHook('onResponse', async () => {
    const now = deps.clock().getTime();
    if (now - lastPurge < PURGE_INTERVAL_MS) return;
    lastPurge = now;
    await deps.db
      .deleteFrom('idempotent_request')
      .where('created_at', '<', new Date(now - ANSWER_KEPT_MS))
      .execute();
  });
}

/** The key of a write that asked to be done once, refused if it is not one we could have made. */
function keyOf(request: FastifyRequest): string | undefined {
  if (READS.has(request.method)) return undefined;
  const raw = request.headers[IDEMPOTENCY_KEY_HEADER];
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !KEY_PATTERN.test(raw)) {
    throw new AppError('VALIDATION', {
      fields: [
        {
          path: `headers.${IDEMPOTENCY_KEY_HEADER}`,
          message: 'Begärans nyckel har fel form. Ladda om sidan och försök igen.',
        },
      ],
    });
  }
  return raw;
}

/** The same key with another write is refused; the route, parameters and body make the write. */
function fingerprintOf(request: FastifyRequest): string {
  return createHash('sha256')
    .update(
      canonicalJson([
        request.method,
        request.routeOptions.url ?? request.url,
        request.params ?? null,
        request.query ?? null,
        request.body ?? null,
      ]),
    )
    .digest('hex');
}

const sealContext = (userId: string, key: string) => `idempotent-answer:${userId}:${key}`;

/**
 * Answers the request by `run`, once per key: with no key (or no logged-in user) it simply runs.
 * The answer is sent as the route's serialized JSON, so the first answer and every replay are
 * the same bytes.
 */
export async function answerOnce(
  request: FastifyRequest,
  reply: FastifyReply,
  run: () => Promise<unknown>,
): Promise<unknown> {
  const deps = request.server.idempotency;
  const key = keyOf(request);
  const session = request.session;
  if (!deps || key === undefined || session?.stage !== 'active') return run();
  const userId = session.userId;
  const fingerprint = fingerprintOf(request);
  const now = deps.clock();
  const expired = new Date(now.getTime() - ANSWER_KEPT_MS);
  const row = {
    fingerprint,
    status_code: 0,
    response: '',
    person_ids: [],
    case_ids: [],
    correlation_id: request.id,
    created_at: now,
  };

  const outcome = await deps.db.transaction().execute(async (trx) => {
    // A concurrent request with the same key waits here until the first one ends: then it either
    // finds the first answer (committed) or claims the key itself (the first failed).
    const claimed = await trx
      .insertInto('idempotent_request')
      .values({ user_id: userId, key, ...row })
      .onConflict((oc) =>
        oc
          .columns(['user_id', 'key'])
          .doUpdateSet(row)
          .where('idempotent_request.created_at', '<', expired),
      )
      .returning('key')
      .executeTakeFirst();
    if (!claimed) return { kind: 'answered' as const };

    const done = await inRequestTransaction(trx, run);
    if ('error' in done) {
      // Without a key, a service transaction that finished before the failure would have
      // committed (an audited refusal, say): keep it, and leave no answer to replay.
      if (!done.touched.finished) throw done.error;
      try {
        await trx
          .deleteFrom('idempotent_request')
          .where('user_id', '=', userId)
          .where('key', '=', key)
          .execute();
      } catch {
        throw done.error;
      }
      return { kind: 'failed' as const, error: done.error };
    }
    const body = serializedText(reply.serialize(done.result));
    await trx
      .updateTable('idempotent_request')
      .set({
        status_code: reply.statusCode,
        response: sealSecret(deps.secretKey, body, sealContext(userId, key)),
        person_ids: done.touched.personIds,
        case_ids: done.touched.caseIds,
      })
      .where('user_id', '=', userId)
      .where('key', '=', key)
      .execute();
    return { kind: 'done' as const, body };
  });

  if (outcome.kind === 'failed') throw outcome.error;
  if (outcome.kind === 'done') return sendJson(reply, outcome.body);
  const first = await replay(deps, request, userId, key, fingerprint, expired);
  reply.code(first.status).header(REPLAYED_HEADER, 'true');
  return sendJson(reply, first.body);
}

/** The first answer to this key, audited as given again; sent only after the audit commits. */
async function replay(
  deps: IdempotencyDeps,
  request: FastifyRequest,
  userId: string,
  key: string,
  fingerprint: string,
  expired: Date,
): Promise<{ status: number; body: string }> {
  return deps.db.transaction().execute(async (trx) => {
    const first = await trx
      .selectFrom('idempotent_request')
      .selectAll()
      .where('user_id', '=', userId)
      .where('key', '=', key)
      .where('created_at', '>=', expired)
      .executeTakeFirst();
    // Gone between the claim and this read (purged at the edge of its day): it ran long ago.
    if (!first) throw new AppError('IDEMPOTENCY_KEY_REUSED');
    if (first.fingerprint !== fingerprint) throw new AppError('IDEMPOTENCY_KEY_REUSED');
    const body = openSecret(deps.secretKey, first.response, sealContext(userId, key));
    await recordAudit(trx, auditContext(request), {
      action: 'request.replay',
      personIds: first.person_ids,
      caseIds: first.case_ids,
      details: { replayOf: first.correlation_id, status: first.status_code },
    });
    return { status: first.status_code, body };
  });
}

// The route's serializer gives a string; the type admits bytes for custom serializers.
const serializedText = (value: string | ArrayBuffer | Buffer) =>
  typeof value === 'string' ? value : Buffer.from(value as ArrayBuffer).toString('utf8');

function sendJson(reply: FastifyReply, body: string) {
  return reply.type('application/json; charset=utf-8').send(body);
}
