import type { FastifyInstance } from 'fastify';
import {
  countTurnedAway,
  createProvider,
  listActiveProviders,
  listProviders,
  listTurnedAway,
  recordTurnedAway,
  searchShelters,
  updateProvider,
} from '../../../core/contracts/providers.ts';
import { addAction } from '../../http/route.ts';
import * as providers from './providers.service.ts';
import type { ServiceDeps } from '../../service-deps.ts';

export function providerRoutes(app: FastifyInstance, deps: ServiceDeps) {
  addAction(app, listProviders, (_input, ctx) => providers.listProviders(deps, ctx));
  addAction(app, createProvider, ({ body }, ctx) => providers.createProvider(deps, ctx, body));
  addAction(app, updateProvider, ({ params, body }, ctx) =>
    providers.updateProvider(deps, ctx, params.providerId, body),
  );
  addAction(app, listActiveProviders, (_input, ctx) => providers.listActiveProviders(deps, ctx));
  addAction(app, searchShelters, ({ params, body }, ctx) =>
    providers.searchShelters(deps, ctx, params.caseId, body),
  );
  addAction(app, recordTurnedAway, ({ params, body }, ctx) =>
    providers.recordTurnedAway(deps, ctx, params.caseId, body),
  );
  addAction(app, countTurnedAway, ({ params }, ctx) =>
    providers.countTurnedAway(deps, ctx, params.unitId),
  );
  addAction(app, listTurnedAway, ({ params }, ctx) =>
    providers.listTurnedAway(deps, ctx, params.caseId),
  );
}
