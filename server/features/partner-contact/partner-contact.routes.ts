import type { FastifyInstance } from 'fastify';
import { listPartnerContactConsents } from '../../../core/contracts/partner-contact.ts';
import { addAction } from '../../http/route.ts';
import * as partnerContact from './partner-contact.service.ts';
import type { ServiceDeps } from '../../service-deps.ts';

export function partnerContactRoutes(app: FastifyInstance, deps: ServiceDeps) {
  addAction(app, listPartnerContactConsents, ({ params }, ctx) =>
    partnerContact.listPartnerContactConsents(deps, ctx, params.caseId),
  );
}
