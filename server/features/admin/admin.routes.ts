import type { FastifyInstance } from 'fastify';
import {
  activateLegalCatalogue,
  importLegalCatalogue,
  listDelegations,
  listLegalCatalogues,
  setDelegation,
  createUnit,
  createUser,
  grantRole,
  listUnits,
  listUsers,
  revokeRole,
  resetLogin,
  setUserStatus,
  approveAdminRequest,
  listAdminRequests,
  listUnitAdminRequests,
  rejectAdminRequest,
  withdrawAdminRequest,
} from '../../../core/contracts/admin.ts';
import { addRoute } from '../../http/route.ts';
import * as admin from './admin.service.ts';
import * as requests from './admin-requests.service.ts';
import * as rules from './case-rules.service.ts';
import type { ServiceDeps } from '../../service-deps.ts';

export function adminRoutes(app: FastifyInstance, deps: ServiceDeps) {
  addRoute(app, listUnits, (_input, request) => admin.listUnits(deps, request));
  addRoute(app, listDelegations, (_input, request) => rules.listDelegations(deps, request));
  addRoute(app, setDelegation, ({ body }, request) => rules.setDelegation(deps, request, body));
  addRoute(app, listLegalCatalogues, (_input, request) => rules.listLegalCatalogues(deps, request));
  addRoute(app, importLegalCatalogue, ({ body }, request) =>
    rules.importLegalCatalogue(deps, request, body),
  );
  addRoute(app, activateLegalCatalogue, ({ params }, request) =>
    rules.activateLegalCatalogue(deps, request, params.catalogueId),
  );
  addRoute(app, createUnit, ({ body }, request) => admin.createUnit(deps, request, body));
  addRoute(app, listUsers, (_input, request) => admin.listUsers(deps, request));
  addRoute(app, createUser, ({ body }, request) => admin.createUser(deps, request, body));
  addRoute(app, setUserStatus, ({ params, body }, request) =>
    admin.setUserStatus(deps, request, params.userId, body),
  );
  addRoute(app, resetLogin, ({ params, body }, request) =>
    admin.resetLogin(deps, request, params.userId, body),
  );
  addRoute(app, grantRole, ({ params, body }, request) =>
    admin.requestRole(deps, request, { userId: params.userId, ...body }),
  );
  addRoute(app, revokeRole, ({ params }, request) => admin.revokeRole(deps, request, params));
  addRoute(app, listAdminRequests, (_input, request) => requests.listRequests(deps, request));
  addRoute(app, listUnitAdminRequests, ({ params }, request) =>
    requests.listUnitRequests(deps, request, params.unitId),
  );
  addRoute(app, approveAdminRequest, ({ params, body }, request) =>
    requests.approveRequest(deps, request, params.requestId, body),
  );
  addRoute(app, rejectAdminRequest, ({ params, body }, request) =>
    requests.rejectRequest(deps, request, params.requestId, body),
  );
  addRoute(app, withdrawAdminRequest, ({ params, body }, request) =>
    requests.withdrawRequest(deps, request, params.requestId, body),
  );
}
