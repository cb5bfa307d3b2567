import type { FastifyRequest } from 'fastify';
import type { Actor, Decision } from '../../core/policy/policy.ts';
import type { AuditContext } from '../audit/audit.ts';
import { AppError } from '../errors.ts';
import type { LoadedSession } from '../accounts/sessions.ts';

/** The session of a fully logged-in user, or a 401/403 that says what is missing. */
export function requireActiveSession(request: FastifyRequest): LoadedSession {
  const session = request.session;
  if (!session) throw new AppError('UNAUTHENTICATED');
  if (session.stage !== 'active') throw new AppError('LOGIN_INCOMPLETE');
  return session;
}

export function actorOf(session: LoadedSession): Actor {
  return { userId: session.userId, grants: session.grants };
}

export function requireActor(request: FastifyRequest): Actor {
  return actorOf(requireActiveSession(request));
}

/** Who is acting, and in which role and unit the policy allowed it. */
export function auditContext(
  request: FastifyRequest,
  decision?: Extract<Decision, { allowed: true }>,
): AuditContext {
  return {
    actorUserId: request.session?.userId ?? null,
    role: decision?.role ?? null,
    unitId: decision?.unitId ?? null,
    correlationId: request.id,
  };
}

/**
 * Acts on a policy decision: allowed passes through; a denied read answers 404 so that the
 * record's existence does not leak, a denied action on something visible answers 403. The
 * refusal travels with the error: the error handler records it (security.refused) after the
 * operation's transaction has rolled back.
 */
export function enforce(
  decision: Decision,
  /** The code of a refused action on a visible record, where it says more (NO_DELEGATION). */
  forbidden: 'FORBIDDEN' | 'NO_DELEGATION' = 'FORBIDDEN',
): Extract<Decision, { allowed: true }> {
  if (decision.allowed) return decision;
  throw new AppError(decision.denial === 'not_found' ? 'NOT_FOUND' : forbidden, {
    refusal: { ...decision.refused, reason: decision.reason },
  });
}
