import type { FastifyInstance } from 'fastify';
import {
  listEmergencyAccess,
  listUnitMembers,
  reviewEmergencyAccess,
  searchAccessLog,
} from '../../../core/contracts/access-log.ts';
import { addAction } from '../../http/route.ts';
import * as accessLog from './access-log.service.ts';
import type { ServiceDeps } from '../../service-deps.ts';

export function accessLogRoutes(app: FastifyInstance, deps: ServiceDeps) {
  addAction(app, searchAccessLog, ({ body }, ctx) => accessLog.searchAccessLog(deps, ctx, body));
  addAction(app, listEmergencyAccess, ({ params }, ctx) =>
    accessLog.listEmergencyAccess(deps, ctx, params.unitId),
  );
  addAction(app, listUnitMembers, ({ params }, ctx) =>
    accessLog.listUnitMembers(deps, ctx, params.unitId),
  );
  addAction(app, reviewEmergencyAccess, ({ params, body }, ctx) =>
    accessLog.reviewEmergencyAccess(deps, ctx, params.id, body.note),
  );
}
