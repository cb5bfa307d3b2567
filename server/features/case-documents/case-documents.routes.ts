import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  decisionPdfPath,
  discardSectionDraft,
  getSectionDraft,
  listSectionDrafts,
  saveSectionDraft,
  getInvestigation,
  investigationPdfPath,
  listDecisions,
  recordCommunication,
  recordDecision,
  reviseDecision,
  saveInvestigationSection,
} from '../../../core/contracts/case-documents.ts';
import { addAction, addDocumentRoute, addRoute } from '../../http/route.ts';
import { decisionPdf, investigationPdf } from './documents.service.ts';
import * as investigation from './investigation.service.ts';
import * as decisions from './decisions.service.ts';
import type { ServiceDeps } from '../../service-deps.ts';

/** The utredning, kommunicering, beslut and their documents. */
export function caseDocumentRoutes(app: FastifyInstance, deps: ServiceDeps) {
  addRoute(app, getInvestigation, ({ params }, request) =>
    investigation.getInvestigation(deps, request, params.caseId),
  );
  addRoute(app, saveInvestigationSection, ({ params, body }, request) =>
    investigation.saveInvestigationSection(deps, request, params.caseId, params.section, body),
  );
  addRoute(app, saveSectionDraft, ({ params, body }, request) =>
    investigation.saveSectionDraft(deps, request, params.caseId, params.section, body.draft),
  );
  addRoute(app, getSectionDraft, ({ params }, request) =>
    investigation.getSectionDraft(deps, request, params.caseId, params.section),
  );
  addRoute(app, discardSectionDraft, ({ params }, request) =>
    investigation.discardSectionDraft(deps, request, params.caseId, params.section),
  );
  addRoute(app, listSectionDrafts, ({ params }, request) =>
    investigation.listSectionDrafts(deps, request, params.caseId),
  );
  addAction(app, recordCommunication, ({ params, body }, ctx) =>
    decisions.recordCommunication(deps, ctx, params.caseId, body),
  );
  addRoute(app, listDecisions, ({ params }, request) =>
    decisions.listDecisions(deps, request, params.caseId),
  );
  addAction(app, recordDecision, ({ params, body }, ctx) =>
    decisions.recordDecision(deps, ctx, params.caseId, body),
  );
  addRoute(app, reviseDecision, ({ params, body }, request) =>
    decisions.reviseDecision(deps, request, params.decisionId, body),
  );
  addDocumentRoute(app, investigationPdfPath, z.strictObject({ caseId: z.uuid() }), (p, request) =>
    investigationPdf(deps, request, p.caseId),
  );
  addDocumentRoute(app, decisionPdfPath, z.strictObject({ decisionId: z.uuid() }), (p, request) =>
    decisionPdf(deps, request, p.decisionId),
  );
}
