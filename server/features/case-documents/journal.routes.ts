import type { FastifyInstance } from 'fastify';
import {
  correctJournalEntry,
  createJournalEntry,
  discardCorrectionDraft,
  discardJournalDraft,
  getCorrectionDraft,
  getJournalDraft,
  getJournalHistory,
  listJournal,
  saveCorrectionDraft,
  saveJournalDraft,
} from '../../../core/contracts/case-documents.ts';
import { addRoute } from '../../http/route.ts';
import * as journal from './journal.service.ts';
import type { ServiceDeps } from '../../service-deps.ts';

export function journalRoutes(app: FastifyInstance, deps: ServiceDeps) {
  addRoute(app, listJournal, ({ params, query }, request) =>
    journal.listJournal(deps, request, params.caseId, query),
  );
  addRoute(app, createJournalEntry, ({ params, body }, request) =>
    journal.createJournalEntry(deps, request, params.caseId, body),
  );
  addRoute(app, correctJournalEntry, ({ params, body }, request) =>
    journal.correctJournalEntry(deps, request, params.entryId, body),
  );
  addRoute(app, getJournalHistory, ({ params }, request) =>
    journal.getJournalHistory(deps, request, params.entryId),
  );
  addRoute(app, saveJournalDraft, ({ params, body }, request) =>
    journal.saveJournalDraft(deps, request, params.caseId, body.draft),
  );
  addRoute(app, getJournalDraft, ({ params }, request) =>
    journal.getJournalDraft(deps, request, params.caseId),
  );
  addRoute(app, discardJournalDraft, ({ params }, request) =>
    journal.discardJournalDraft(deps, request, params.caseId),
  );
  addRoute(app, saveCorrectionDraft, ({ params, body }, request) =>
    journal.saveCorrectionDraft(deps, request, params.entryId, body.draft),
  );
  addRoute(app, getCorrectionDraft, ({ params }, request) =>
    journal.getCorrectionDraft(deps, request, params.entryId),
  );
  addRoute(app, discardCorrectionDraft, ({ params }, request) =>
    journal.discardCorrectionDraft(deps, request, params.entryId),
  );
}
