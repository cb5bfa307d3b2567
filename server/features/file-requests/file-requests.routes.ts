import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  approveExtract,
  fileExtractPdfPath,
  getFileExtract,
  listFileRequests,
  registerFileRequest,
  releaseExtract,
  saveExtractChoices,
} from '../../../core/contracts/file-requests.ts';
import { addAction, addDocumentRoute } from '../../http/route.ts';
import type { ServiceDeps } from '../../service-deps.ts';
import * as requests from './file-requests.service.ts';

/** A person's own file: the request, the extract's sekretessprövning, approval and release. */
export function fileRequestRoutes(app: FastifyInstance, deps: ServiceDeps) {
  addAction(app, listFileRequests, ({ params }, ctx) =>
    requests.listFileRequests(deps, ctx, params.caseId),
  );
  addAction(app, registerFileRequest, ({ params, body }, ctx) =>
    requests.registerFileRequest(deps, ctx, params.caseId, body),
  );
  addAction(app, getFileExtract, ({ params }, ctx) =>
    requests.getFileExtract(deps, ctx, params.caseId, params.requestId),
  );
  addAction(app, saveExtractChoices, ({ params, body }, ctx) =>
    requests.saveExtractChoices(deps, ctx, params.caseId, params.requestId, body),
  );
  addAction(app, approveExtract, ({ params, body }, ctx) =>
    requests.approveExtract(deps, ctx, params.caseId, params.requestId, body),
  );
  addAction(app, releaseExtract, ({ params, body }, ctx) =>
    requests.releaseExtract(deps, ctx, params.caseId, params.requestId, body),
  );
  addDocumentRoute(
    app,
    fileExtractPdfPath,
    z.strictObject({ caseId: z.uuid(), requestId: z.uuid() }),
    (p, ctx) => requests.fileExtractPdf(deps, ctx, p.caseId, p.requestId),
  );
}
