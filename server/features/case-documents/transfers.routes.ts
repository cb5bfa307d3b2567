import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  approveTransfer,
  completeTransfer,
  listTransfers,
  produceTransferPackage,
  recordTransferAnswer,
  requestTransfer,
  transferPackagePath,
} from '../../../core/contracts/transfers.ts';
import { addAction, addAttachedFileRoute } from '../../http/route.ts';
import type { ServiceDeps } from '../../service-deps.ts';
import * as transfers from './transfers.service.ts';

/** Moving a case to another municipality: the request, its decision and answer, the package. */
export function transferRoutes(app: FastifyInstance, deps: ServiceDeps) {
  addAction(app, listTransfers, ({ params }, ctx) =>
    transfers.listTransfers(deps, ctx, params.caseId),
  );
  addAction(app, requestTransfer, ({ params, body }, ctx) =>
    transfers.requestTransfer(deps, ctx, params.caseId, body),
  );
  addAction(app, approveTransfer, ({ params }, ctx) =>
    transfers.approveTransfer(deps, ctx, params.caseId, params.transferId),
  );
  addAction(app, recordTransferAnswer, ({ params, body }, ctx) =>
    transfers.recordTransferAnswer(deps, ctx, params.caseId, params.transferId, body),
  );
  addAction(app, produceTransferPackage, ({ params, body }, ctx) =>
    transfers.produceTransferPackage(deps, ctx, params.caseId, params.transferId, body),
  );
  addAction(app, completeTransfer, ({ params, body }, ctx) =>
    transfers.completeTransfer(deps, ctx, params.caseId, params.transferId, body),
  );
  addAttachedFileRoute(
    app,
    transferPackagePath,
    z.strictObject({ caseId: z.uuid(), transferId: z.uuid() }),
    (p, ctx) => transfers.transferPackageFile(deps, ctx, p.caseId, p.transferId),
  );
}
