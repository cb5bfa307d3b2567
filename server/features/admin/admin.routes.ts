import type { FastifyInstance } from 'fastify';
import {
  activateInterventionCatalogue,
  importInterventionCatalogue,
  listInterventionCatalogues,
  activateLegalCatalogue,
  importLegalCatalogue,
  listDelegations,
  listLegalCatalogues,
  setDelegation,
  getHandoverRules,
  setHandoverRules,
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
import { addAction } from '../../http/route.ts';
import * as admin from './admin.service.ts';
import * as requests from './admin-requests.service.ts';
import * as rules from './case-rules.service.ts';
import * as interventionCatalogues from './intervention-catalogue.service.ts';
import type { ServiceDeps } from '../../service-deps.ts';

export function adminRoutes(app: FastifyInstance, deps: ServiceDeps) {
  addAction(app, listUnits, (_input, ctx) => admin.listUnits(deps, ctx));
  addAction(app, listDelegations, (_input, ctx) => rules.listDelegations(deps, ctx));
  addAction(app, setDelegation, ({ body }, ctx) => rules.setDelegation(deps, ctx, body));
  addAction(app, getHandoverRules, (_input, ctx) => rules.getHandoverRules(deps, ctx));
  addAction(app, setHandoverRules, ({ body }, ctx) => rules.setHandoverRules(deps, ctx, body));
  addAction(app, listLegalCatalogues, (_input, ctx) => rules.listLegalCatalogues(deps, ctx));
  addAction(app, importLegalCatalogue, ({ body }, ctx) =>
    rules.importLegalCatalogue(deps, ctx, body),
  );
  addAction(app, activateLegalCatalogue, ({ params }, ctx) =>
    rules.activateLegalCatalogue(deps, ctx, params.catalogueId),
  );
  addAction(app, listInterventionCatalogues, (_input, ctx) =>
    interventionCatalogues.listInterventionCatalogues(deps, ctx),
  );
  addAction(app, importInterventionCatalogue, ({ body }, ctx) =>
    interventionCatalogues.importInterventionCatalogue(deps, ctx, body),
  );
  addAction(app, activateInterventionCatalogue, ({ params }, ctx) =>
    interventionCatalogues.activateInterventionCatalogue(deps, ctx, params.catalogueId),
  );
  addAction(app, createUnit, ({ body }, ctx) => admin.createUnit(deps, ctx, body));
  addAction(app, listUsers, (_input, ctx) => admin.listUsers(deps, ctx));
  addAction(app, createUser, ({ body }, ctx) => admin.createUser(deps, ctx, body));
  addAction(app, setUserStatus, ({ params, body }, ctx) =>
    admin.setUserStatus(deps, ctx, params.userId, body),
  );
  addAction(app, resetLogin, ({ params, body }, ctx) =>
    admin.resetLogin(deps, ctx, params.userId, body),
  );
  addAction(app, grantRole, ({ params, body }, ctx) =>
    admin.requestRole(deps, ctx, { userId: params.userId, ...body }),
  );
  addAction(app, revokeRole, ({ params }, ctx) => admin.revokeRole(deps, ctx, params));
  addAction(app, listAdminRequests, (_input, ctx) => requests.listRequests(deps, ctx));
  addAction(app, listUnitAdminRequests, ({ params }, ctx) =>
    requests.listUnitRequests(deps, ctx, params.unitId),
  );
  addAction(app, approveAdminRequest, ({ params, body }, ctx) =>
    requests.approveRequest(deps, ctx, params.requestId, body),
  );
  addAction(app, rejectAdminRequest, ({ params, body }, ctx) =>
    requests.rejectRequest(deps, ctx, params.requestId, body),
  );
  addAction(app, withdrawAdminRequest, ({ params, body }, ctx) =>
    requests.withdrawRequest(deps, ctx, params.requestId, body),
  );
}
