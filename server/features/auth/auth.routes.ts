import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  completeEnrollment,
  getEnrollment,
  getSession,
  login,
  logout,
  secondFactor,
  unlockLogin,
} from '../../../core/contracts/auth.ts';
import { AppError } from '../../errors.ts';
import { addRoute } from '../../http/route.ts';
import { clearSessionCookie, setSessionCookie } from '../../plugins/session.ts';
import * as auth from './auth.service.ts';
import { findOpenSession } from '../../accounts/sessions.ts';
import type { ServiceDeps } from '../../service-deps.ts';

const callerOf = (request: FastifyRequest) => ({ ip: request.ip, correlationId: request.id });

function requireSession(request: FastifyRequest) {
  if (!request.session) throw new AppError('UNAUTHENTICATED');
  return request.session;
}

export function authRoutes(app: FastifyInstance, deps: ServiceDeps) {
  /** Reads back the session a token opens, to answer with its info. */
  const infoFor = async (token: string) => {
    const session = await findOpenSession(deps.db, token);
    if (!session) throw new AppError('UNAUTHENTICATED');
    return auth.sessionInfo(session, deps.config);
  };

  addRoute(app, login, async ({ body }, request, reply) => {
    const { token } = await auth.login(deps, body, callerOf(request));
    setSessionCookie(reply, deps.config, token);
    return infoFor(token);
  });

  addRoute(app, secondFactor, async ({ body }, request, reply) => {
    const { token } = await auth.completeSecondFactor(
      deps,
      requireSession(request),
      body.code,
      callerOf(request),
    );
    setSessionCookie(reply, deps.config, token);
    return infoFor(token);
  });

  addRoute(app, getEnrollment, (_input, request) =>
    auth.getEnrollment(deps, requireSession(request)),
  );

  addRoute(app, completeEnrollment, async ({ body }, request, reply) => {
    const { token } = await auth.completeEnrollment(
      deps,
      requireSession(request),
      body,
      callerOf(request),
    );
    setSessionCookie(reply, deps.config, token);
    return infoFor(token);
  });

  addRoute(app, getSession, (_input, request) =>
    auth.sessionInfo(requireSession(request), deps.config),
  );

  addRoute(app, unlockLogin, ({ params }, request) =>
    auth.unlockLogin(deps, request, params.userId),
  );

  addRoute(app, logout, async (_input, request, reply) => {
    await auth.logout(deps, requireSession(request), callerOf(request));
    clearSessionCookie(reply, deps.config);
    return { loggedOut: true as const };
  });
}
