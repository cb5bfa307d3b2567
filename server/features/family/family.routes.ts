import type { FastifyInstance } from 'fastify';
import { getFamily } from '../../../core/contracts/family.ts';
import { addAction } from '../../http/route.ts';
import type { ServiceDeps } from '../../service-deps.ts';
import * as family from './family.service.ts';

export function familyRoutes(app: FastifyInstance, deps: ServiceDeps) {
  addAction(app, getFamily, ({ params }, ctx) => family.getFamily(deps, ctx, params.caseId));
}
