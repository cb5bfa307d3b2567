import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../core/policy/policy.ts';
import { systemActorId } from '../../core/policy/decision.ts';
import { stockholmDate } from '../time.ts';
import { requireActor } from './context.ts';

/**
 * Who acts, when, and what their audit rows carry: everything a service needs to know about the
 * act, and nothing about HTTP. Built once per request (`addAction` in route.ts), or by a job with
 * a system actor, so the same service runs for both.
 */
export interface ActionContext {
  actor: Actor;
  now: Date;
  /** The Stockholm date of `now`: the day deadlines and dates are counted in. */
  today: string;
  /** What every audit row of the act carries besides the policy's decision. */
  audit: { actorUserId: string | null; correlationId: string };
}

/** The act of the logged-in user making this request (401/403 when there is none). */
export function requestContext(request: FastifyRequest, clock: () => Date): ActionContext {
  const actor = requireActor(request);
  const now = clock();
  return {
    actor,
    now,
    today: stockholmDate(now),
    audit: { actorUserId: actor.userId, correlationId: request.id },
  };
}

/**
 * The act of a scheduled job (gallring, a reminder, a nightly refresh). The system actor holds
 * no grant, so the policy allows it nothing a rule does not name; its audit rows name the job.
 */
export function systemContext(job: string, clock: () => Date): ActionContext {
  const now = clock();
  return {
    actor: { userId: systemActorId, grants: [] },
    now,
    today: stockholmDate(now),
    audit: { actorUserId: null, correlationId: `${job}:${randomUUID()}` },
  };
}
