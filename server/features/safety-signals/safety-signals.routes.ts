import type { FastifyInstance } from 'fastify';
import {
  getCaseSafetySignals,
  handleSafetySignal,
} from '../../../core/contracts/safety-signals.ts';
import { addAction } from '../../http/route.ts';
import * as signals from './safety-signals.service.ts';
import type { ServiceDeps } from '../../service-deps.ts';

export function safetySignalRoutes(app: FastifyInstance, deps: ServiceDeps) {
  addAction(app, getCaseSafetySignals, ({ params }, ctx) =>
    signals.getCaseSafetySignals(deps, ctx, params.caseId),
  );
  addAction(app, handleSafetySignal, ({ params }, ctx) =>
    signals.handleSafetySignal(deps, ctx, params.caseId, params.signalId),
  );
}
