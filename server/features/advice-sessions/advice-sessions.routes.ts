import type { FastifyInstance } from 'fastify';
import {
  listAdviceSessions,
  recordAdviceSession,
} from '../../../core/contracts/advice-sessions.ts';
import { addAction } from '../../http/route.ts';
import * as sessions from './advice-sessions.service.ts';
import type { ServiceDeps } from '../../service-deps.ts';

export function adviceSessionRoutes(app: FastifyInstance, deps: ServiceDeps) {
  addAction(app, listAdviceSessions, ({ params }, ctx) =>
    sessions.listAdviceSessions(deps, ctx, params.caseId),
  );
  addAction(app, recordAdviceSession, ({ params, body }, ctx) =>
    sessions.recordAdviceSession(deps, ctx, params.caseId, body),
  );
}
