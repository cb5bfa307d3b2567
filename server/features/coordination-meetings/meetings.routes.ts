import type { FastifyInstance } from 'fastify';
import {
  addParticipant,
  callMeeting,
  closeAction,
  getMeeting,
  holdMeeting,
  joinMeeting,
  listCaseMeetings,
  listMeetings,
  myMeetingActions,
  recordPresenceGround,
} from '../../../core/contracts/coordination-meetings.ts';
import { addAction } from '../../http/route.ts';
import type { ServiceDeps } from '../../service-deps.ts';
import * as meetings from './meetings.service.ts';

export function meetingRoutes(app: FastifyInstance, deps: ServiceDeps) {
  addAction(app, callMeeting, ({ params, body }, ctx) =>
    meetings.callMeeting(deps, ctx, params.caseId, body),
  );
  addAction(app, listCaseMeetings, ({ params }, ctx) =>
    meetings.listCaseMeetings(deps, ctx, params.caseId),
  );
  addAction(app, listMeetings, (_req, ctx) => meetings.listMeetings(deps, ctx));
  addAction(app, myMeetingActions, (_req, ctx) => meetings.myMeetingActions(deps, ctx));
  addAction(app, getMeeting, ({ params }, ctx) => meetings.getMeeting(deps, ctx, params.meetingId));
  addAction(app, addParticipant, ({ params, body }, ctx) =>
    meetings.addParticipant(deps, ctx, params.meetingId, body),
  );
  addAction(app, joinMeeting, ({ params }, ctx) =>
    meetings.joinMeeting(deps, ctx, params.caseId, params.meetingId),
  );
  addAction(app, recordPresenceGround, ({ params, body }, ctx) =>
    meetings.recordPresenceGround(deps, ctx, params.caseId, params.meetingId, body),
  );
  addAction(app, holdMeeting, ({ params, body }, ctx) =>
    meetings.holdMeeting(deps, ctx, params.meetingId, body),
  );
  addAction(app, closeAction, ({ params, body }, ctx) =>
    meetings.closeAction(deps, ctx, params.meetingId, params.itemId, body),
  );
}
