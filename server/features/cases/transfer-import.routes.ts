import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  getTransferImport,
  importTransfer,
  transferDocumentPdfPath,
} from '../../../core/contracts/transfers.ts';
import { addAction, addDocumentRoute } from '../../http/route.ts';
import type { ServiceDeps } from '../../service-deps.ts';
import * as imports from './transfer-import.service.ts';

/** A case moved here from another municipality: the package read in, and what came with it. */
export function transferImportRoutes(app: FastifyInstance, deps: ServiceDeps) {
  addAction(app, importTransfer, ({ body }, ctx) => imports.importTransfer(deps, ctx, body));
  addAction(app, getTransferImport, ({ params }, ctx) =>
    imports.getTransferImport(deps, ctx, params.caseId),
  );
  addDocumentRoute(
    app,
    transferDocumentPdfPath,
    z.strictObject({ caseId: z.uuid(), documentId: z.uuid() }),
    (p, ctx) => imports.transferDocumentPdf(deps, ctx, p.caseId, p.documentId),
  );
}
