import type { FastifyInstance } from 'fastify';
import {
  changeFollowUpDue,
  correctFollowUp,
  listFollowUps,
  recordFollowUp,
  setFollowUpDue,
} from '../../../core/contracts/follow-ups.ts';
import { addAction } from '../../http/route.ts';
import * as followUps from './follow-ups.service.ts';
import type { ServiceDeps } from '../../service-deps.ts';

export function followUpRoutes(app: FastifyInstance, deps: ServiceDeps) {
  addAction(app, listFollowUps, ({ params }, ctx) =>
    followUps.listFollowUps(deps, ctx, params.caseId),
  );
  addAction(app, setFollowUpDue, ({ params, body }, ctx) =>
    followUps.setFollowUpDue(deps, ctx, params.caseId, body),
  );
  addAction(app, changeFollowUpDue, ({ params, body }, ctx) =>
    followUps.changeFollowUpDue(deps, ctx, params.caseId, params.dueId, body),
  );
  addAction(app, recordFollowUp, ({ params, body }, ctx) =>
    followUps.recordFollowUp(deps, ctx, params.caseId, body),
  );
  addAction(app, correctFollowUp, ({ params, body }, ctx) =>
    followUps.correctFollowUp(deps, ctx, params.caseId, params.followUpId, body),
  );
}
