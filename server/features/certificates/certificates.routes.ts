import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  certificatePdfPath,
  createCertificate,
  issueCertificate,
  listCertificates,
  reviewCertificate,
  reviseCertificate,
} from '../../../core/contracts/certificates.ts';
import { addAction, addDocumentRoute } from '../../http/route.ts';
import type { ServiceDeps } from '../../service-deps.ts';
import * as certificates from './certificates.service.ts';

/** Intyg: written, reviewed, issued and printed. */
export function certificateRoutes(app: FastifyInstance, deps: ServiceDeps) {
  addAction(app, listCertificates, ({ params }, ctx) =>
    certificates.listCertificates(deps, ctx, params.caseId),
  );
  addAction(app, createCertificate, ({ params, body }, ctx) =>
    certificates.createCertificate(deps, ctx, params.caseId, body),
  );
  addAction(app, reviseCertificate, ({ params, body }, ctx) =>
    certificates.reviseCertificate(deps, ctx, params.caseId, params.certificateId, body),
  );
  addAction(app, reviewCertificate, ({ params, body }, ctx) =>
    certificates.reviewCertificate(deps, ctx, params.caseId, params.certificateId, body),
  );
  addAction(app, issueCertificate, ({ params, body }, ctx) =>
    certificates.issueCertificate(deps, ctx, params.caseId, params.certificateId, body),
  );
  addDocumentRoute(
    app,
    certificatePdfPath,
    z.strictObject({ caseId: z.uuid(), certificateId: z.uuid() }),
    (p, ctx) => certificates.certificatePdf(deps, ctx, p.caseId, p.certificateId),
  );
}
