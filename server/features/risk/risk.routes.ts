import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  getCaseRisk,
  getSafetyPlan,
  importInstrument,
  listInstrumentVersions,
  listInstruments,
  recordAssessment,
  recordIncident,
  recordPoliceAssessment,
  retireInstrument,
  safetyPlanPdfPath,
  saveSafetyPlan,
} from '../../../core/contracts/risk.ts';
import { addDocumentRoute, addRoute } from '../../http/route.ts';
import * as instruments from './instruments.service.ts';
import * as risk from './risk.service.ts';
import * as plans from './safety-plan.service.ts';
import type { ServiceDeps } from '../../service-deps.ts';

export function riskRoutes(app: FastifyInstance, deps: ServiceDeps) {
  addRoute(app, listInstruments, (_input, request) => risk.listInstruments(deps, request));
  addRoute(app, listInstrumentVersions, (_input, request) =>
    instruments.listInstrumentVersions(deps, request),
  );
  addRoute(app, importInstrument, ({ body }, request) =>
    instruments.importInstrument(deps, request, body),
  );
  addRoute(app, retireInstrument, ({ params }, request) =>
    instruments.retireInstrument(deps, request, params.instrumentId, params.version),
  );
  addRoute(app, getCaseRisk, ({ params }, request) =>
    risk.getCaseRisk(deps, request, params.caseId),
  );
  addRoute(app, recordAssessment, ({ params, body }, request) =>
    risk.recordAssessment(deps, request, params.caseId, body),
  );
  addRoute(app, recordPoliceAssessment, ({ params, body }, request) =>
    risk.recordPoliceAssessment(deps, request, params.caseId, body),
  );
  addRoute(app, recordIncident, ({ params, body }, request) =>
    risk.recordIncident(deps, request, params.caseId, body),
  );
  addRoute(app, getSafetyPlan, ({ params }, request) =>
    plans.getSafetyPlan(deps, request, params.caseId, params.personId),
  );
  addRoute(app, saveSafetyPlan, ({ params, body }, request) =>
    plans.saveSafetyPlan(deps, request, params.caseId, params.personId, body),
  );
  addDocumentRoute(
    app,
    safetyPlanPdfPath,
    z.strictObject({ caseId: z.uuid(), personId: z.uuid() }),
    (p, request) => plans.safetyPlanPdf(deps, request, p.caseId, p.personId),
  );
}
