import { timingSafeEqual } from 'node:crypto';
import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sessionTouchIntervalMs } from '../../core/contracts/auth.ts';
import type { AppConfig } from '../config.ts';
import type { Db } from '../db/database.ts';
import { AppError } from '../errors.ts';
import {
  endSession,
  findOpenSession,
  sessionCookieName,
  touchSession,
} from '../accounts/sessions.ts';
import type { LoadedSession } from '../accounts/sessions.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The caller's open session, if the request carried a valid, unexpired one. */
    session: LoadedSession | undefined;
  }
}

const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Logging in creates the session, so it cannot carry its token; the Origin check guards it. */
const exemptFromToken = new Set(['/api/auth/login']);

function sameToken(a: string, b: string) {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function expectedOrigin(request: FastifyRequest, config: AppConfig) {
  return config.publicUrl
    ? new URL(config.publicUrl).origin
    : `${request.protocol}://${request.host}`;
}

/**
 * Loads the session from its cookie on every request and enforces the idle and absolute
 * timeouts. Every state-changing request must come from Värn's own origin and, once a session
 * exists, carry the session's CSRF token; GET never changes state.
 */
export async function registerSessions(
  app: FastifyInstance,
  deps: { db: Db; config: AppConfig; clock: () => Date },
) {
  await app.register(cookie);
  const cookieName = sessionCookieName(deps.config.secureCookies);
  app.decorateRequest('session', undefined);
  const touchIntervalMs = sessionTouchIntervalMs(deps.config.sessionIdleMs);

  app.addHook('onRequest', async (request) => {
    // Only the API acts on a session; static files and the page shell never need one.
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[cookieName];
    if (token) {
      const session = await findOpenSession(deps.db, token);
      if (session) {
        const now = deps.clock();
        if (now >= session.expiresAt) {
          await endSession(deps.db, session.id, 'expired', now);
        } else if (now.getTime() - session.lastSeenAt.getTime() > deps.config.sessionIdleMs) {
          await endSession(deps.db, session.id, 'idle', now);
        } else {
          request.session = session;
          if (now.getTime() - session.lastSeenAt.getTime() > touchIntervalMs) {
            await touchSession(deps.db, session.id, now);
          }
        }
      }
    }

    if (!stateChanging.has(request.method)) return;
    const origin = request.headers.origin;
    if (origin !== undefined && origin !== expectedOrigin(request, deps.config)) {
      throw new AppError('CSRF_REJECTED');
    }
    if (request.session && !exemptFromToken.has(request.url)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !sameToken(sent, request.session.csrfToken)) {
        throw new AppError('CSRF_REJECTED');
      }
    }
  });
}

export function setSessionCookie(reply: FastifyReply, config: AppConfig, token: string) {
  reply.setCookie(sessionCookieName(config.secureCookies), token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: config.secureCookies,
    path: '/',
  });
}

export function clearSessionCookie(reply: FastifyReply, config: AppConfig) {
  reply.clearCookie(sessionCookieName(config.secureCookies), {
    httpOnly: true,
    sameSite: 'strict',
    secure: config.secureCookies,
    path: '/',
  });
}
