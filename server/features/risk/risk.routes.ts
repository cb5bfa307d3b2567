import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  discardSafetyPlanDraft,
  getCaseRisk,
  getSafetyPlanDraft,
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
  saveSafetyPlanDraft,
} from '../../../core/contracts/risk.ts';
import { addAction, addDocumentRoute, addRoute } from '../../http/route.ts';
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
  addAction(app, recordAssessment, ({ params, body }, ctx) =>
    risk.recordAssessment(deps, ctx, params.caseId, body),
  );
  addAction(app, recordPoliceAssessment, ({ params, body }, ctx) =>
    risk.recordPoliceAssessment(deps, ctx, params.caseId, body),
  );
  addAction(app, recordIncident, ({ params, body }, ctx) =>
    risk.recordIncident(deps, ctx, params.caseId, body),
  );
  addRoute(app, getSafetyPlan, ({ params }, request) =>
    plans.getSafetyPlan(deps, request, params.caseId, params.personId),
  );
  addRoute(app, saveSafetyPlan, ({ params, body }, request) =>
    plans.saveSafetyPlan(deps, request, params.caseId, params.personId, body),
  );
  addRoute(app, saveSafetyPlanDraft, ({ params, body }, request) =>
    plans.saveSafetyPlanDraft(deps, request, params.caseId, params.personId, body.draft),
  );
  addRoute(app, getSafetyPlanDraft, ({ params }, request) =>
    plans.getSafetyPlanDraft(deps, request, params.caseId, params.personId),
  );
  addRoute(app, discardSafetyPlanDraft, ({ params }, request) =>
    plans.discardSafetyPlanDraft(deps, request, params.caseId, params.personId),
  );
  addDocumentRoute(
    app,
    safetyPlanPdfPath,
    z.strictObject({ caseId: z.uuid(), personId: z.uuid() }),
    (p, request) => plans.safetyPlanPdf(deps, request, p.caseId, p.personId),
  );
}
