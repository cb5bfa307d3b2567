import type { FastifyInstance } from 'fastify';
import {
  assignCase,
  listMyCases,
  listUnitQueue,
  registerIntake,
} from '../../../core/contracts/cases.ts';
import { addRoute } from '../../http/route.ts';
import * as cases from './cases.service.ts';
import type { CasesDeps } from './cases.service.ts';

export function casesRoutes(app: FastifyInstance, deps: CasesDeps) {
  addRoute(app, listMyCases, ({ query }, request) => cases.listMyCases(deps, request, query));
  addRoute(app, listUnitQueue, ({ params, query }, request) =>
    cases.listUnitQueue(deps, request, params.unitId, query),
  );
  addRoute(app, registerIntake, ({ body }, request) => cases.registerIntake(deps, request, body));
  addRoute(app, assignCase, ({ params, body }, request) =>
    cases.assignCase(deps, request, params.caseId, body),
  );
}
