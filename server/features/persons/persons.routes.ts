import type { FastifyInstance } from 'fastify';
import {
  addContactChannel,
  createRelation,
  setProtectionLevel,
  updateContactChannel,
  getPerson,
  getProtectedDetails,
  searchPersons,
  startEmergencyAccess,
} from '../../../core/contracts/persons.ts';
import { addRoute } from '../../http/route.ts';
import * as persons from './persons.service.ts';
import type { ServiceDeps } from '../../service-deps.ts';

export function personsRoutes(app: FastifyInstance, deps: ServiceDeps) {
  addRoute(app, searchPersons, ({ body }, request) => persons.searchPersons(deps, request, body));
  addRoute(app, getPerson, ({ params }, request) =>
    persons.getPersonFile(deps, request, params.personId),
  );
  addRoute(app, getProtectedDetails, ({ params }, request) =>
    persons.getProtectedDetails(deps, request, params.personId),
  );
  addRoute(app, createRelation, ({ params, body }, request) =>
    persons.createRelation(deps, request, params.personId, body),
  );
  addRoute(app, setProtectionLevel, ({ params, body }, request) =>
    persons.setProtectionLevel(deps, request, params.personId, body),
  );
  addRoute(app, addContactChannel, ({ params, body }, request) =>
    persons.addContactChannel(deps, request, params.personId, body),
  );
  addRoute(app, updateContactChannel, ({ params, body }, request) =>
    persons.updateContactChannel(deps, request, params.personId, params.channelId, body),
  );
  addRoute(app, startEmergencyAccess, ({ body }, request) =>
    persons.startEmergencyAccess(deps, request, body),
  );
}
