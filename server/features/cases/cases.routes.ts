import type { FastifyInstance } from 'fastify';
import {
  assignCase,
  closeCase,
  getCase,
  listChildrenUnits,
  listMyCases,
  listNoActionRecords,
  listUnitQueue,
  recordAcuteScreening,
  recordApplication,
  recordPreliminaryAssessment,
  registerChildReport,
  registerHouseholdChild,
  registerIntake,
  waiveChildReport,
} from '../../../core/contracts/cases.ts';
import { addAction, addRoute } from '../../http/route.ts';
import * as work from './case-work.service.ts';
import * as cases from './cases.service.ts';
import type { ServiceDeps } from '../../service-deps.ts';

export function casesRoutes(app: FastifyInstance, deps: ServiceDeps) {
  addRoute(app, listMyCases, ({ query }, request) => cases.listMyCases(deps, request, query));
  addRoute(app, listUnitQueue, ({ params, query }, request) =>
    cases.listUnitQueue(deps, request, params.unitId, query),
  );
  addRoute(app, registerIntake, ({ body }, request) => cases.registerIntake(deps, request, body));
  addRoute(app, assignCase, ({ params, body }, request) =>
    cases.assignCase(deps, request, params.caseId, body),
  );
  addRoute(app, getCase, ({ params }, request) => work.getCase(deps, request, params.caseId));
  addAction(app, recordApplication, ({ params, body }, ctx) =>
    work.recordApplication(deps, ctx, params.caseId, body),
  );
  addAction(app, recordAcuteScreening, ({ params, body }, ctx) =>
    work.recordAcuteScreening(deps, ctx, params.caseId, body),
  );
  addAction(app, recordPreliminaryAssessment, ({ params, body }, ctx) =>
    work.recordPreliminaryAssessment(deps, ctx, params.caseId, body),
  );
  addAction(app, registerHouseholdChild, ({ params, body }, ctx) =>
    work.registerHouseholdChild(deps, ctx, params.caseId, body),
  );
  addAction(app, registerChildReport, ({ params, body }, ctx) =>
    work.registerChildReport(deps, ctx, params.caseId, body),
  );
  addAction(app, waiveChildReport, ({ params, body }, ctx) =>
    work.waiveChildReport(deps, ctx, params.caseId, body),
  );
  addAction(app, closeCase, ({ params, body }, ctx) =>
    work.closeCase(deps, ctx, params.caseId, body),
  );
  addRoute(app, listChildrenUnits, (_input, request) => work.listChildrenUnits(deps, request));
  addRoute(app, listNoActionRecords, ({ params, query }, request) =>
    work.listNoActionRecords(deps, request, params.unitId, query),
  );
}
