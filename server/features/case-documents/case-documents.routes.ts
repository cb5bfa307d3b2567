import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  getInterventionCatalogue,
  recordSchoolArrangement,
  decisionPdfPath,
  discardSectionDraft,
  getSectionDraft,
  listSectionDrafts,
  saveSectionDraft,
  getInvestigation,
  investigationPdfPath,
  listDecisions,
  recordAcuteDecision,
  recordCommunication,
  recordDecision,
  reviseDecision,
  saveInvestigationSection,
} from '../../../core/contracts/case-documents.ts';
import { addAction, addDocumentRoute } from '../../http/route.ts';
import { decisionPdf, investigationPdf } from './documents.service.ts';
import * as investigation from './investigation.service.ts';
import * as decisions from './decisions.service.ts';
import * as schooling from './school-arrangements.service.ts';
import type { ServiceDeps } from '../../service-deps.ts';

/** The utredning, kommunicering, beslut and their documents. */
export function caseDocumentRoutes(app: FastifyInstance, deps: ServiceDeps) {
  addAction(app, getInvestigation, ({ params }, ctx) =>
    investigation.getInvestigation(deps, ctx, params.caseId),
  );
  addAction(app, saveInvestigationSection, ({ params, body }, ctx) =>
    investigation.saveInvestigationSection(deps, ctx, params.caseId, params.section, body),
  );
  addAction(app, saveSectionDraft, ({ params, body }, ctx) =>
    investigation.saveSectionDraft(deps, ctx, params.caseId, params.section, body.draft),
  );
  addAction(app, getSectionDraft, ({ params }, ctx) =>
    investigation.getSectionDraft(deps, ctx, params.caseId, params.section),
  );
  addAction(app, discardSectionDraft, ({ params }, ctx) =>
    investigation.discardSectionDraft(deps, ctx, params.caseId, params.section),
  );
  addAction(app, listSectionDrafts, ({ params }, ctx) =>
    investigation.listSectionDrafts(deps, ctx, params.caseId),
  );
  addAction(app, recordCommunication, ({ params, body }, ctx) =>
    decisions.recordCommunication(deps, ctx, params.caseId, body),
  );
  addAction(app, recordSchoolArrangement, ({ params, body }, ctx) =>
    schooling.recordSchoolArrangement(deps, ctx, params.caseId, body),
  );
  addAction(app, getInterventionCatalogue, (_input, ctx) =>
    decisions.getInterventionCatalogue(deps, ctx),
  );
  addAction(app, listDecisions, ({ params }, ctx) =>
    decisions.listDecisions(deps, ctx, params.caseId),
  );
  addAction(app, recordDecision, ({ params, body }, ctx) =>
    decisions.recordDecision(deps, ctx, params.caseId, body),
  );
  addAction(app, recordAcuteDecision, ({ params, body }, ctx) =>
    decisions.recordAcuteDecision(deps, ctx, params.caseId, body),
  );
  addAction(app, reviseDecision, ({ params, body }, ctx) =>
    decisions.reviseDecision(deps, ctx, params.decisionId, body),
  );
  addDocumentRoute(app, investigationPdfPath, z.strictObject({ caseId: z.uuid() }), (p, ctx) =>
    investigationPdf(deps, ctx, p.caseId),
  );
  addDocumentRoute(app, decisionPdfPath, z.strictObject({ decisionId: z.uuid() }), (p, ctx) =>
    decisionPdf(deps, ctx, p.decisionId),
  );
}
