import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  createPlan,
  followUpPlan,
  listPlans,
  planPdfPath,
  revisePlan,
} from '../../../core/contracts/coordinated-plans.ts';
import { addAction, addDocumentRoute } from '../../http/route.ts';
import type { ServiceDeps } from '../../service-deps.ts';
import * as plans from './plans.service.ts';

export function planRoutes(app: FastifyInstance, deps: ServiceDeps) {
  addAction(app, listPlans, ({ params }, ctx) => plans.listPlans(deps, ctx, params.caseId));
  addAction(app, createPlan, ({ params, body }, ctx) =>
    plans.createPlan(deps, ctx, params.caseId, body),
  );
  addAction(app, revisePlan, ({ params, body }, ctx) =>
    plans.revisePlan(deps, ctx, params.caseId, params.planId, body),
  );
  addAction(app, followUpPlan, ({ params, body }, ctx) =>
    plans.followUpPlan(deps, ctx, params.caseId, params.planId, body),
  );
  addDocumentRoute(
    app,
    planPdfPath,
    z.strictObject({ caseId: z.uuid(), planId: z.uuid() }),
    (p, ctx) => plans.planPdf(deps, ctx, p.caseId, p.planId),
  );
}
