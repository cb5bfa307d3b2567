import type { FastifyInstance } from 'fastify';
import {
  createUnit,
  createUser,
  grantRole,
  listUnits,
  listUsers,
  revokeRole,
  setUserStatus,
} from '../../../core/contracts/admin.ts';
import { addRoute } from '../../http/route.ts';
import * as admin from './admin.service.ts';
import type { AdminDeps } from './admin.service.ts';

export function adminRoutes(app: FastifyInstance, deps: AdminDeps) {
  addRoute(app, listUnits, (_input, request) => admin.listUnits(deps, request));
  addRoute(app, createUnit, ({ body }, request) => admin.createUnit(deps, request, body));
  addRoute(app, listUsers, (_input, request) => admin.listUsers(deps, request));
  addRoute(app, createUser, ({ body }, request) => admin.createUser(deps, request, body));
  addRoute(app, setUserStatus, ({ params, body }, request) =>
    admin.setUserStatus(deps, request, params.userId, body),
  );
  addRoute(app, grantRole, ({ params, body }, request) =>
    admin.changeRole(deps, request, {
      userId: params.userId,
      unitId: body.unitId,
      role: body.role,
      grant: true,
    }),
  );
  addRoute(app, revokeRole, ({ params }, request) =>
    admin.changeRole(deps, request, { ...params, grant: false }),
  );
}
