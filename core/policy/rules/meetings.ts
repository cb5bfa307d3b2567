import { forbidden, notFound } from '../decision.ts';
import type { Actor, CaseFacts, Decision, PersonFacts, RulesFor } from '../decision.ts';
import {
  grantsWith,
  isCaseworker,
  isCaseworkerOrManager,
  personalDataRoleDecision,
} from '../relations.ts';
import { caseRead } from './cases.ts';

/**
 * Samråd (core/domain/coordination-meetings.ts). Knowing of a samråd — its day, purpose, holder,
 * participants, and which units' files are in it — belongs to its holder, to the caseworkers and
 * managers of the units that take part, and to whoever may read one of its files. The content of
 * a file's points is read only through that file (case.read), and a file is worked (joined,
 * grounds recorded) only by who works it (case.work): calling a samråd, taking part in one or
 * holding it gives no relation to any file in it.
 */
export interface MeetingActions {
  /** See the samråd and the points of the files the reader may read. */
  'meeting.read': MeetingFacts;
  /** Add participants and write the minutes: the holder, while still a caseworker of the unit. */
  'meeting.hold': MeetingFacts;
  /** Close an action item: its owner while they may read its file, or who works the file. */
  'meeting.closeAction': ActionFacts;
  /** The list of samråd the reader may know of (each is decided by meeting.read). */
  'meetings.list': Record<string, never>;
  /** The reader's own open action items (each read through its file). */
  'meetingActions.listMine': Record<string, never>;
}

export interface MeetingFacts {
  holderId: string;
  /** The unit the samråd was called from. */
  unitId: string;
  /** The units of Värn that take part. */
  participantUnitIds: readonly string[];
  files: readonly { person: PersonFacts; case: CaseFacts }[];
  now: Date;
}

interface ActionFacts {
  ownerUserId: string | null;
  person: PersonFacts;
  case: CaseFacts;
  now: Date;
}

function holder(actor: Actor, f: MeetingFacts): Decision {
  const grant =
    actor.userId === f.holderId ? grantsWith(actor, isCaseworker, f.unitId)[0] : undefined;
  return grant
    ? { allowed: true, role: grant.role, unitId: grant.unitId, via: 'role' }
    : notFound('not the holder of the samråd');
}

function meetingRead(actor: Actor, f: MeetingFacts): Decision {
  const held = holder(actor, f);
  if (held.allowed) return held;
  for (const file of f.files) {
    const read = caseRead(actor, { person: file.person, case: file.case, now: f.now });
    // Nödåtkomst opens one file, not the samråd around it.
    if (read.allowed && read.via !== 'emergency_access') return read;
  }
  const grant = actor.grants.find(
    (g) => isCaseworkerOrManager(g.role) && f.participantUnitIds.includes(g.unitId),
  );
  return grant
    ? { allowed: true, role: grant.role, unitId: grant.unitId, via: 'role' }
    : notFound('neither the holder, nor of a unit taking part, nor a reader of its files');
}

export const meetingRules = {
  'meeting.read': meetingRead,
  'meeting.hold': (actor, f) => {
    const held = holder(actor, f);
    if (held.allowed) return held;
    return meetingRead(actor, f).allowed
      ? forbidden('only the holder writes the minutes of the samråd')
      : held;
  },
  'meeting.closeAction': (actor, f) => {
    const read = caseRead(actor, f);
    if (!read.allowed) return read;
    if (f.ownerUserId === actor.userId && read.via !== 'emergency_access') return read;
    return read.via === 'assigned' || read.via === 'intake_queue'
      ? read
      : forbidden('only the owner of the action or who works the file closes it');
  },
  'meetings.list': (actor) => personalDataRoleDecision(actor, isCaseworkerOrManager),
  'meetingActions.listMine': (actor) => personalDataRoleDecision(actor, isCaseworkerOrManager),
} satisfies RulesFor<MeetingActions>;
