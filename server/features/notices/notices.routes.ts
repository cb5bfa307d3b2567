import type { FastifyInstance } from 'fastify';
import { listMyNotices, markNoticeRead } from '../../../core/contracts/notices.ts';
import { addAction } from '../../http/route.ts';
import * as notices from './notices.service.ts';
import type { ServiceDeps } from '../../service-deps.ts';

export function noticesRoutes(app: FastifyInstance, deps: ServiceDeps) {
  addAction(app, listMyNotices, (_input, ctx) => notices.listMyNotices(deps, ctx));
  addAction(app, markNoticeRead, ({ params }, ctx) =>
    notices.markNoticeRead(deps, ctx, params.noticeId),
  );
}
