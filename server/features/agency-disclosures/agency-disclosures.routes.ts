import type { FastifyInstance } from 'fastify';
import {
  listAgencyDisclosures,
  recordAgencyDisclosure,
  recordCrimeReportDecision,
} from '../../../core/contracts/agency-disclosures.ts';
import { addAction } from '../../http/route.ts';
import type { ServiceDeps } from '../../service-deps.ts';
import * as agency from './agency-disclosures.service.ts';

export function agencyDisclosureRoutes(app: FastifyInstance, deps: ServiceDeps) {
  addAction(app, listAgencyDisclosures, ({ params }, ctx) =>
    agency.listAgencyDisclosures(deps, ctx, params.caseId),
  );
  addAction(app, recordAgencyDisclosure, ({ params, body }, ctx) =>
    agency.recordAgencyDisclosure(deps, ctx, params.caseId, body),
  );
  addAction(app, recordCrimeReportDecision, ({ params, body }, ctx) =>
    agency.recordCrimeReportDecision(deps, ctx, params.caseId, body),
  );
}
