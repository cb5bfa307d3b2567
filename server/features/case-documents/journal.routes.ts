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
import { addAction } from '../../http/route.ts';
import * as journal from './journal.service.ts';
import type { ServiceDeps } from '../../service-deps.ts';

export function journalRoutes(app: FastifyInstance, deps: ServiceDeps) {
  addAction(app, listJournal, ({ params, query }, ctx) =>
    journal.listJournal(deps, ctx, params.caseId, query),
  );
  addAction(app, createJournalEntry, ({ params, body }, ctx) =>
    journal.createJournalEntry(deps, ctx, params.caseId, body),
  );
  addAction(app, correctJournalEntry, ({ params, body }, ctx) =>
    journal.correctJournalEntry(deps, ctx, params.entryId, body),
  );
  addAction(app, getJournalHistory, ({ params }, ctx) =>
    journal.getJournalHistory(deps, ctx, params.entryId),
  );
  addAction(app, saveJournalDraft, ({ params, body }, ctx) =>
    journal.saveJournalDraft(deps, ctx, params.caseId, body.draft),
  );
  addAction(app, getJournalDraft, ({ params }, ctx) =>
    journal.getJournalDraft(deps, ctx, params.caseId),
  );
  addAction(app, discardJournalDraft, ({ params }, ctx) =>
    journal.discardJournalDraft(deps, ctx, params.caseId),
  );
  addAction(app, saveCorrectionDraft, ({ params, body }, ctx) =>
    journal.saveCorrectionDraft(deps, ctx, params.entryId, body.draft),
  );
  addAction(app, getCorrectionDraft, ({ params }, ctx) =>
    journal.getCorrectionDraft(deps, ctx, params.entryId),
  );
  addAction(app, discardCorrectionDraft, ({ params }, ctx) =>
    journal.discardCorrectionDraft(deps, ctx, params.entryId),
  );
}
