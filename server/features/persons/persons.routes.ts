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
import { changeRelation } from '../../../core/contracts/counterparts.ts';
import { addAction } from '../../http/route.ts';
import * as persons from './persons.service.ts';
import type { ServiceDeps } from '../../service-deps.ts';

export function personsRoutes(app: FastifyInstance, deps: ServiceDeps) {
  addAction(app, searchPersons, ({ body }, ctx) => persons.searchPersons(deps, ctx, body));
  addAction(app, getPerson, ({ params }, ctx) => persons.getPersonFile(deps, ctx, params.personId));
  addAction(app, getProtectedDetails, ({ params }, ctx) =>
    persons.getProtectedDetails(deps, ctx, params.personId),
  );
  addAction(app, createRelation, ({ params, body }, ctx) =>
    persons.createRelation(deps, ctx, params.personId, body),
  );
  addAction(app, changeRelation, ({ params, body }, ctx) =>
    persons.changeRelation(deps, ctx, params.personId, params.relationId, body),
  );
  addAction(app, setProtectionLevel, ({ params, body }, ctx) =>
    persons.setProtectionLevel(deps, ctx, params.personId, body),
  );
  addAction(app, addContactChannel, ({ params, body }, ctx) =>
    persons.addContactChannel(deps, ctx, params.personId, body),
  );
  addAction(app, updateContactChannel, ({ params, body }, ctx) =>
    persons.updateContactChannel(deps, ctx, params.personId, params.channelId, body),
  );
  addAction(app, startEmergencyAccess, ({ body }, ctx) =>
    persons.startEmergencyAccess(deps, ctx, body),
  );
}
