import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  attachConsentDocument,
  consentDocumentPath,
  listConsents,
  recordConsent,
  revokeConsent,
} from '../../../core/contracts/consents.ts';
import { addAction, addAttachedFileRoute } from '../../http/route.ts';
import * as consents from './consents.service.ts';
import type { ServiceDeps } from '../../service-deps.ts';

export function consentRoutes(app: FastifyInstance, deps: ServiceDeps) {
  addAction(app, listConsents, ({ params }, ctx) =>
    consents.listConsents(deps, ctx, params.caseId),
  );
  addAction(app, recordConsent, ({ params, body }, ctx) =>
    consents.recordConsent(deps, ctx, params.caseId, body),
  );
  addAction(app, attachConsentDocument, ({ params, body }, ctx) =>
    consents.attachConsentDocument(deps, ctx, params.caseId, params.consentId, body),
  );
  addAttachedFileRoute(
    app,
    consentDocumentPath,
    z.strictObject({ caseId: z.uuid(), consentId: z.uuid(), documentId: z.uuid() }),
    (p, ctx) => consents.consentDocument(deps, ctx, p.caseId, p.consentId, p.documentId),
  );
  addAction(app, revokeConsent, ({ params, body }, ctx) =>
    consents.revokeConsent(deps, ctx, params.caseId, params.consentId, body),
  );
}
