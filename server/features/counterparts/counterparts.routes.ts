import type { FastifyInstance } from 'fastify';
import {
  changeCounterpart,
  listCounterparts,
  recordCounterpart,
} from '../../../core/contracts/counterparts.ts';
import { addAction } from '../../http/route.ts';
import * as counterparts from './counterparts.service.ts';
import type { ServiceDeps } from '../../service-deps.ts';

export function counterpartRoutes(app: FastifyInstance, deps: ServiceDeps) {
  addAction(app, listCounterparts, ({ params }, ctx) =>
    counterparts.listCounterparts(deps, ctx, params.caseId),
  );
  addAction(app, recordCounterpart, ({ params, body }, ctx) =>
    counterparts.recordCounterpart(deps, ctx, params.caseId, body),
  );
  addAction(app, changeCounterpart, ({ params, body }, ctx) =>
    counterparts.changeCounterpart(deps, ctx, params.caseId, params.counterpartId, body),
  );
}
