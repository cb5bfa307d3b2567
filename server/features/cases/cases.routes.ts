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
import { addRoute } from '../../http/route.ts';
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
  addRoute(app, recordApplication, ({ params, body }, request) =>
    work.recordApplication(deps, request, params.caseId, body),
  );
  addRoute(app, recordAcuteScreening, ({ params, body }, request) =>
    work.recordAcuteScreening(deps, request, params.caseId, body),
  );
  addRoute(app, recordPreliminaryAssessment, ({ params, body }, request) =>
    work.recordPreliminaryAssessment(deps, request, params.caseId, body),
  );
  addRoute(app, registerHouseholdChild, ({ params, body }, request) =>
    work.registerHouseholdChild(deps, request, params.caseId, body),
  );
  addRoute(app, registerChildReport, ({ params, body }, request) =>
    work.registerChildReport(deps, request, params.caseId, body),
  );
  addRoute(app, waiveChildReport, ({ params, body }, request) =>
    work.waiveChildReport(deps, request, params.caseId, body),
  );
  addRoute(app, closeCase, ({ params, body }, request) =>
    work.closeCase(deps, request, params.caseId, body),
  );
  addRoute(app, listChildrenUnits, (_input, request) => work.listChildrenUnits(deps, request));
  addRoute(app, listNoActionRecords, ({ params, query }, request) =>
    work.listNoActionRecords(deps, request, params.unitId, query),
  );
}
