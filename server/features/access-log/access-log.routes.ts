import type { FastifyInstance } from 'fastify';
import {
  listEmergencyAccess,
  listUnitMembers,
  reviewEmergencyAccess,
  searchAccessLog,
} from '../../../core/contracts/access-log.ts';
import { addRoute } from '../../http/route.ts';
import * as accessLog from './access-log.service.ts';
import type { ServiceDeps } from '../../service-deps.ts';

export function accessLogRoutes(app: FastifyInstance, deps: ServiceDeps) {
  addRoute(app, searchAccessLog, ({ body }, request) =>
    accessLog.searchAccessLog(deps, request, body),
  );
  addRoute(app, listEmergencyAccess, ({ params }, request) =>
    accessLog.listEmergencyAccess(deps, request, params.unitId),
  );
  addRoute(app, listUnitMembers, ({ params }, request) =>
    accessLog.listUnitMembers(deps, request, params.unitId),
  );
  addRoute(app, reviewEmergencyAccess, ({ params, body }, request) =>
    accessLog.reviewEmergencyAccess(deps, request, params.id, body.note),
  );
}
