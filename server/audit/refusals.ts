import type { FastifyRequest } from 'fastify';
import { errorCatalogue } from '../../core/contracts/errors.ts';
import type { Db } from '../db/database.ts';
import type { AppError } from '../errors.ts';
import { unitsResponsibleFor } from '../case-kernel/responsible-units.ts';
import { auditContext } from '../http/context.ts';
import { recordAudit } from './audit.ts';

/**
 * Every refused attempt by a logged-in user — a 404 or 403 from the policy, a record that does
 * not exist (UUID probing), a change to one's own rights — is one `security.refused` audit row:
 * who, which route and policy action, which ids, and the policy's reason. Never personal data:
 * the ids are those the request named, the reason a fixed sentence of the policy.
 *
 * The operation's transaction has rolled back by the time the error handler runs, so the row is
 * written in a short transaction of its own. Refused logins are audited by the login itself.
 */

/** How many refusal rows one user may cause per window before they are counted, not written. */
export const REFUSAL_ROWS_PER_WINDOW = 120;
export const REFUSAL_WINDOW_MS = 60_000;

export interface Admission {
  write: boolean;
  /** Refusals in the user's previous window that were counted but not written. */
  suppressedBefore: number;
  /** This is the last row written in the window: further refusals are only counted. */
  limitReached: boolean;
}

/**
 * A per-user cap on refusal rows, so that a session cannot flood the audit chain (each row takes
 * the chain's lock). Past the cap the refusals still answer 404/403 and are counted; the count
 * is written on the user's next row. Per server process: each instance caps separately.
 */
export class RefusalLimiter {
  private readonly windows = new Map<
    string,
    { start: number; written: number; suppressed: number }
  >();
  private readonly limit: number;
  private readonly windowMs: number;
  constructor(limit = REFUSAL_ROWS_PER_WINDOW, windowMs = REFUSAL_WINDOW_MS) {
    this.limit = limit;
    this.windowMs = windowMs;
  }

  admit(userId: string, now: number): Admission {
    let window = this.windows.get(userId);
    let suppressedBefore = 0;
    if (!window || now - window.start >= this.windowMs) {
      suppressedBefore = window?.suppressed ?? 0;
      if (this.windows.size > 10_000) this.prune(now);
      window = { start: now, written: 0, suppressed: 0 };
      this.windows.set(userId, window);
    }
    if (window.written >= this.limit) {
      window.suppressed += 1;
      return { write: false, suppressedBefore: 0, limitReached: true };
    }
    window.written += 1;
    return { write: true, suppressedBefore, limitReached: window.written === this.limit };
  }

  private prune(now: number) {
    for (const [userId, window] of this.windows)
      if (now - window.start >= this.windowMs && window.suppressed === 0)
        this.windows.delete(userId);
  }
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The ids a request names in its path: persons, cases, the user changed, any other by name. */
export function idsFromParams(params: unknown) {
  const personIds: string[] = [];
  const caseIds: string[] = [];
  const other: Record<string, string> = {};
  if (typeof params !== 'object' || params === null) return { personIds, caseIds, other };
  for (const [key, value] of Object.entries(params as Record<string, unknown>)) {
    if (typeof value !== 'string' || !uuid.test(value)) continue;
    if (key === 'personId') personIds.push(value);
    else if (key === 'caseId') caseIds.push(value);
    else if (key === 'userId') other.targetUserId = value;
    else other[key] = value;
  }
  return { personIds, caseIds, other };
}

export function createRefusalRecorder(deps: {
  db: Db;
  clock: () => Date;
  limiter?: RefusalLimiter;
}) {
  const limiter = deps.limiter ?? new RefusalLimiter();
  return async function recordRefusal(request: FastifyRequest, error: AppError): Promise<void> {
    const session = request.session;
    if (!session || session.stage !== 'active' || error.audited) return;
    const admission = limiter.admit(session.userId, deps.clock().getTime());
    if (!admission.write) return;
    if (admission.limitReached)
      request.log.warn({ userId: session.userId }, 'refusal rows rate-limited for this user');

    const url = request.routeOptions.url;
    const fromPath = idsFromParams(request.params);
    const refusal = error.refusal;
    const personIds = [...new Set([...(refusal?.personIds ?? []), ...fromPath.personIds])];
    const caseIds = [...new Set([...(refusal?.caseIds ?? []), ...fromPath.caseIds])];
    await deps.db.transaction().execute(async (trx) => {
      // Reviewed by the managers of every unit the actor holds a role in, of the unit asked
      // about, and of every unit responsible for the persons and cases named.
      const reviewUnitIds = [
        ...new Set([
          ...session.grants.map((g) => g.unitId),
          ...(refusal?.unitId ? [refusal.unitId] : []),
          ...(await unitsResponsibleFor(trx, personIds, caseIds)),
        ]),
      ];
      await recordAudit(trx, auditContext(request), {
        action: 'security.refused',
        personIds,
        caseIds,
        details: {
          ...fromPath.other,
          route: url ? `${request.method} ${url}` : request.method,
          status: errorCatalogue[error.code].status,
          code: error.code,
          policyAction: refusal?.action ?? null,
          reason: refusal?.reason ?? 'no such record',
          ...(refusal?.unitId ? { unitId: refusal.unitId } : {}),
          ...(refusal?.targetUserId ? { targetUserId: refusal.targetUserId } : {}),
          reviewUnitIds,
          ...(admission.suppressedBefore > 0
            ? { suppressedBefore: admission.suppressedBefore }
            : {}),
          ...(admission.limitReached ? { limitReached: true } : {}),
        },
      });
    });
  };
}
