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
import { addAction, addDocumentRoute } from '../../http/route.ts';
import * as instruments from './instruments.service.ts';
import * as risk from './risk.service.ts';
import * as plans from './safety-plan.service.ts';
import type { ServiceDeps } from '../../service-deps.ts';

export function riskRoutes(app: FastifyInstance, deps: ServiceDeps) {
  addAction(app, listInstruments, (_input, ctx) => risk.listInstruments(deps, ctx));
  addAction(app, listInstrumentVersions, (_input, ctx) =>
    instruments.listInstrumentVersions(deps, ctx),
  );
  addAction(app, importInstrument, ({ body }, ctx) =>
    instruments.importInstrument(deps, ctx, body),
  );
  addAction(app, retireInstrument, ({ params }, ctx) =>
    instruments.retireInstrument(deps, ctx, params.instrumentId, params.version),
  );
  addAction(app, getCaseRisk, ({ params }, ctx) => risk.getCaseRisk(deps, ctx, params.caseId));
  addAction(app, recordAssessment, ({ params, body }, ctx) =>
    risk.recordAssessment(deps, ctx, params.caseId, body),
  );
  addAction(app, recordPoliceAssessment, ({ params, body }, ctx) =>
    risk.recordPoliceAssessment(deps, ctx, params.caseId, body),
  );
  addAction(app, recordIncident, ({ params, body }, ctx) =>
    risk.recordIncident(deps, ctx, params.caseId, body),
  );
  addAction(app, getSafetyPlan, ({ params }, ctx) =>
    plans.getSafetyPlan(deps, ctx, params.caseId, params.personId),
  );
  addAction(app, saveSafetyPlan, ({ params, body }, ctx) =>
    plans.saveSafetyPlan(deps, ctx, params.caseId, params.personId, body),
  );
  addAction(app, saveSafetyPlanDraft, ({ params, body }, ctx) =>
    plans.saveSafetyPlanDraft(deps, ctx, params.caseId, params.personId, body.draft),
  );
  addAction(app, getSafetyPlanDraft, ({ params }, ctx) =>
    plans.getSafetyPlanDraft(deps, ctx, params.caseId, params.personId),
  );
  addAction(app, discardSafetyPlanDraft, ({ params }, ctx) =>
    plans.discardSafetyPlanDraft(deps, ctx, params.caseId, params.personId),
  );
  addDocumentRoute(
    app,
    safetyPlanPdfPath,
    z.strictObject({ caseId: z.uuid(), personId: z.uuid() }),
    (p, ctx) => plans.safetyPlanPdf(deps, ctx, p.caseId, p.personId),
  );
}
