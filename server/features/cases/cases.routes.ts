import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  childReportPdfPath,
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
  registerChildReports,
  registerHouseholdChild,
  registerIntake,
  waiveChildReport,
} from '../../../core/contracts/cases.ts';
import { addAction, addDocumentRoute } from '../../http/route.ts';
import { childReportPdf } from './child-report-document.ts';
import * as work from './case-work.service.ts';
import * as cases from './cases.service.ts';
import type { ServiceDeps } from '../../service-deps.ts';

export function casesRoutes(app: FastifyInstance, deps: ServiceDeps) {
  addAction(app, listMyCases, ({ query }, ctx) => cases.listMyCases(deps, ctx, query));
  addAction(app, listUnitQueue, ({ params, query }, ctx) =>
    cases.listUnitQueue(deps, ctx, params.unitId, query),
  );
  addAction(app, registerIntake, ({ body }, ctx) => cases.registerIntake(deps, ctx, body));
  addAction(app, assignCase, ({ params, body }, ctx) =>
    cases.assignCase(deps, ctx, params.caseId, body),
  );
  addAction(app, getCase, ({ params }, ctx) => work.getCase(deps, ctx, params.caseId));
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
  addAction(app, registerChildReports, ({ params, body }, ctx) =>
    work.registerChildReports(deps, ctx, params.caseId, body),
  );
  addDocumentRoute(
    app,
    childReportPdfPath,
    z.strictObject({ caseId: z.uuid(), childCaseId: z.uuid() }),
    (p, ctx) => childReportPdf(deps, ctx, p.caseId, p.childCaseId),
  );
  addAction(app, waiveChildReport, ({ params, body }, ctx) =>
    work.waiveChildReport(deps, ctx, params.caseId, body),
  );
  addAction(app, closeCase, ({ params, body }, ctx) =>
    work.closeCase(deps, ctx, params.caseId, body),
  );
  addAction(app, listChildrenUnits, (_input, ctx) => work.listChildrenUnits(deps, ctx));
  addAction(app, listNoActionRecords, ({ params, query }, ctx) =>
    work.listNoActionRecords(deps, ctx, params.unitId, query),
  );
}
