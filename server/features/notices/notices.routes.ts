import type { FastifyInstance } from 'fastify';
import { listMyNotices, markNoticeRead } from '../../../core/contracts/notices.ts';
import { addRoute } from '../../http/route.ts';
import * as notices from './notices.service.ts';
import type { ServiceDeps } from '../../service-deps.ts';

export function noticesRoutes(app: FastifyInstance, deps: ServiceDeps) {
  addRoute(app, listMyNotices, (_input, request) => notices.listMyNotices(deps, request));
  addRoute(app, markNoticeRead, ({ params }, request) =>
    notices.markNoticeRead(deps, request, params.noticeId),
  );
}
