import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  commissionPdfPath,
  createCommission,
  endCommission,
  getCommission,
  listCaseCommissions,
  listMyCommissions,
  recordCommissionEntry,
  respondToCommission,
  saveImplementationPlan,
} from '../../../core/contracts/commissions.ts';
import { addAction, addDocumentRoute } from '../../http/route.ts';
import * as commissions from './commissions.service.ts';
import type { ServiceDeps } from '../../service-deps.ts';

export function commissionRoutes(app: FastifyInstance, deps: ServiceDeps) {
  addAction(app, listCaseCommissions, ({ params }, ctx) =>
    commissions.listCaseCommissions(deps, ctx, params.caseId),
  );
  addAction(app, createCommission, ({ params, body }, ctx) =>
    commissions.createCommission(deps, ctx, params.caseId, body),
  );
  addAction(app, endCommission, ({ params, body }, ctx) =>
    commissions.endCommission(deps, ctx, params.caseId, params.commissionId, body),
  );
  addAction(app, listMyCommissions, (_, ctx) => commissions.listMyCommissions(deps, ctx));
  addAction(app, getCommission, ({ params }, ctx) =>
    commissions.getCommission(deps, ctx, params.commissionId),
  );
  addAction(app, respondToCommission, ({ params, body }, ctx) =>
    commissions.respondToCommission(deps, ctx, params.commissionId, body),
  );
  addAction(app, saveImplementationPlan, ({ params, body }, ctx) =>
    commissions.saveImplementationPlan(deps, ctx, params.commissionId, body),
  );
  addAction(app, recordCommissionEntry, ({ params, body }, ctx) =>
    commissions.recordCommissionEntry(deps, ctx, params.commissionId, body),
  );
  addDocumentRoute(
    app,
    commissionPdfPath,
    z.strictObject({ caseId: z.uuid(), commissionId: z.uuid() }),
    (p, ctx) => commissions.commissionPdf(deps, ctx, p.caseId, p.commissionId),
  );
}
