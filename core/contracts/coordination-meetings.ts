import { z } from 'zod';
import { informationCategories, legalBases } from '../domain/consents.ts';
import { meetingItemKinds } from '../domain/coordination-meetings.ts';
import { DisclosureGround, Recipient } from './consents.ts';
import { defineContract } from './contract.ts';
import { isoDate } from './input.ts';

/**
 * Samråd (core/domain/coordination-meetings.ts). Called from a case by someone who works it (the
 * holder); each other file joins by someone who works that file; each file's handläggare records
 * the ground of every participant's presence for the file; the holder writes the minutes once,
 * each point in one file; action items are followed up and closed by their owner or the file's
 * handläggare. A reader sees the points only of the files they may read.
 */

const Author = z.object({ id: z.uuid(), displayName: z.string() });
const text = (message: string, max: number) =>
  z.string().trim().min(1, message).max(max, `Skriv högst ${max} tecken.`);

const attendee = {
  name: text('Ange deltagarens namn.', 200),
  role: text('Ange deltagarens roll, till exempel kurator eller socialsekreterare.', 200),
};

/** A participant as the holder names them: a unit or a provider of Värn, or someone outside. */
export const ParticipantIn = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({
      kind: z.literal('unit'),
      unitId: z.uuid({ message: 'Välj enhet.' }),
      ...attendee,
    }),
    z.strictObject({
      kind: z.literal('provider'),
      providerId: z.uuid({ message: 'Välj utförare.' }),
      ...attendee,
    }),
    z.strictObject({
      kind: z.literal('agency'),
      organisation: text('Ange myndighet eller verksamhet.', 300),
      ...attendee,
    }),
    z.strictObject({ kind: z.literal('person'), ...attendee }),
  ],
  { error: 'Ange vem som deltar.' },
);
export type ParticipantIn = z.infer<typeof ParticipantIn>;

export const Participant = z.object({
  id: z.uuid(),
  /** Whom the participant's presence discloses to (the rule's recipient). */
  recipient: Recipient,
  name: z.string(),
  role: z.string(),
});
export type Participant = z.infer<typeof Participant>;

export const MeetingStatus = z.enum(['called', 'held']);

export const PresenceStatus = z.enum(['own_unit', 'missing', 'covered', 'not_covered']);

/** A participant's presence for one file, as that file's readers see it. */
export const Presence = z.object({
  participantId: z.uuid(),
  status: PresenceStatus,
  /** What is disclosed to the participant, and on which ground; null when none is needed or recorded. */
  categories: z.array(z.enum(informationCategories)).nullable(),
  ground: z.object({ kind: z.enum(['consent', 'legal']), text: z.string() }).nullable(),
  /** Why the ground does not cover the presence today. */
  reason: z.string().nullable(),
});

export const MeetingItem = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  kind: z.enum(meetingItemKinds),
  text: z.string(),
  /** The owner of an action item, by name: the file's handläggare or a participant. */
  owner: z.string().nullable(),
  /** The owner, when it is the reader: the action is in their work list. */
  ownedByReader: z.boolean(),
  dueOn: z.iso.date().nullable(),
  done: z.object({ doneOn: z.iso.date(), note: z.string().nullable(), by: Author }).nullable(),
  /** The reader may close it: the owner or who works the file. */
  canClose: z.boolean(),
});
export type MeetingItem = z.infer<typeof MeetingItem>;

/** A file in the samråd as a reader sees it. */
export const MeetingFile = z.object({
  caseId: z.uuid(),
  unitName: z.string(),
  /** The person's name, for a reader who may read the file; else null ("Akt hos …"). */
  personName: z.string().nullable(),
  joinedBy: Author,
  /** The reader may read the file: its points and presences are shown. */
  readable: z.boolean(),
  /** The reader works the file: may record grounds. */
  workable: z.boolean(),
  /** Null where the reader may not read the file. */
  presences: z.array(Presence).nullable(),
  /** Null where the reader may not read the file. */
  items: z.array(MeetingItem).nullable(),
  /** Who may own an action item in this file: its handläggare; null when it has none. */
  handler: Author.nullable(),
});
export type MeetingFile = z.infer<typeof MeetingFile>;

export const Meeting = z.object({
  id: z.uuid(),
  plannedOn: z.iso.date(),
  purpose: z.string(),
  unitName: z.string(),
  holder: Author,
  calledAt: z.iso.datetime(),
  followsId: z.uuid().nullable(),
  status: MeetingStatus,
  minutes: z
    .object({ heldOn: z.iso.date(), followUpOn: z.iso.date().nullable(), writtenBy: Author })
    .nullable(),
  participants: z.array(Participant),
  files: z.array(MeetingFile),
  /** The reader holds the samråd: may add participants and write the minutes. */
  holds: z.boolean(),
  /** The reader's own open files that may join (their unit takes part); empty once held. */
  joinable: z.array(z.object({ caseId: z.uuid(), personName: z.string() })),
  /** The legal bases a presence may rest on, cited as the catalogue in force cites them. */
  legalBases: z.array(z.object({ basis: z.enum(legalBases), reference: z.string() })),
});
export type Meeting = z.infer<typeof Meeting>;

export const MeetingSummary = z.object({
  id: z.uuid(),
  plannedOn: z.iso.date(),
  purpose: z.string(),
  unitName: z.string(),
  holder: Author,
  status: MeetingStatus,
  heldOn: z.iso.date().nullable(),
  followUpOn: z.iso.date().nullable(),
});
export type MeetingSummary = z.infer<typeof MeetingSummary>;

const meetingParams = z.strictObject({ meetingId: z.uuid() });
const caseParams = z.strictObject({ caseId: z.uuid() });
const caseMeetingParams = z.strictObject({ caseId: z.uuid(), meetingId: z.uuid() });

/** Call a samråd from a case: its file joins, and the holder takes part for its unit. */
export const callMeeting = defineContract({
  method: 'POST',
  path: '/api/cases/:caseId/meetings',
  params: caseParams,
  body: z.strictObject({
    plannedOn: isoDate('Ange när samrådet ska hållas (ÅÅÅÅ-MM-DD).'),
    purpose: text('Beskriv vad samrådet ska samordna.', 2_000),
    /** The others who take part; the holder is added for the case's unit. */
    participants: z.array(ParticipantIn).max(30, 'Ange högst 30 deltagare.'),
    /** The samråd this one follows up. */
    followsId: z.uuid().nullable(),
  }),
  response: z.object({ id: z.uuid() }),
  successStatus: 201,
});

/** The samråd a case's file is in, newest first. */
export const listCaseMeetings = defineContract({
  method: 'GET',
  path: '/api/cases/:caseId/meetings',
  params: caseParams,
  response: z.object({ meetings: z.array(MeetingSummary), canCall: z.boolean() }),
});

/** The samråd the reader holds, takes part in through their unit, or may read a file of. */
export const listMeetings = defineContract({
  method: 'GET',
  path: '/api/meetings',
  response: z.object({ meetings: z.array(MeetingSummary) }),
});

export const getMeeting = defineContract({
  method: 'GET',
  path: '/api/meetings/:meetingId',
  params: meetingParams,
  response: Meeting,
});

export const addParticipant = defineContract({
  method: 'POST',
  path: '/api/meetings/:meetingId/participants',
  params: meetingParams,
  body: z.strictObject({ participant: ParticipantIn }),
  response: z.object({ id: z.uuid() }),
  successStatus: 201,
});

/** Join a file to the samråd: whoever works it, when its unit takes part. */
export const joinMeeting = defineContract({
  method: 'POST',
  path: '/api/cases/:caseId/meetings/:meetingId/file',
  params: caseMeetingParams,
  response: z.object({ caseId: z.uuid() }),
  successStatus: 201,
});

/** The ground of a participant's presence for the file: whoever works it. */
export const recordPresenceGround = defineContract({
  method: 'POST',
  path: '/api/cases/:caseId/meetings/:meetingId/grounds',
  params: caseMeetingParams,
  body: z.strictObject({
    participantId: z.uuid({ message: 'Välj deltagare.' }),
    categories: z
      .array(z.enum(informationCategories))
      .min(1, 'Välj vilka uppgifter deltagaren får ta del av.')
      .max(informationCategories.length),
    ground: DisclosureGround,
  }),
  response: z.object({ id: z.uuid() }),
  successStatus: 201,
});

export const MinutesItemIn = z.strictObject({
  caseId: z.uuid({ message: 'Välj vilken akt punkten hör till.' }),
  kind: z.enum(meetingItemKinds, { message: 'Välj fråga, beslut eller åtgärd.' }),
  text: text('Skriv punkten.', 5_000),
  /** An action item's owner: the file's handläggare, or a participant. */
  owner: z
    .discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('handler') }),
      z.strictObject({
        kind: z.literal('participant'),
        participantId: z.uuid({ message: 'Välj ansvarig.' }),
      }),
    ])
    .nullable(),
  dueOn: isoDate('Ange när åtgärden ska vara klar (ÅÅÅÅ-MM-DD).').nullable(),
});
export type MinutesItemIn = z.infer<typeof MinutesItemIn>;

/** Hold the samråd: the minutes, written once by the holder. */
export const holdMeeting = defineContract({
  method: 'POST',
  path: '/api/meetings/:meetingId/minutes',
  params: meetingParams,
  body: z.strictObject({
    heldOn: isoDate('Ange när samrådet hölls (ÅÅÅÅ-MM-DD).'),
    followUpOn: isoDate('Ange datum för uppföljande samråd (ÅÅÅÅ-MM-DD).').nullable(),
    items: z
      .array(MinutesItemIn)
      .min(1, 'Skriv minst en punkt i minnesanteckningarna.')
      .max(100, 'Skriv högst 100 punkter.'),
  }),
  response: z.object({ id: z.uuid() }),
  successStatus: 201,
});

export const closeAction = defineContract({
  method: 'POST',
  path: '/api/meetings/:meetingId/items/:itemId/done',
  params: z.strictObject({ meetingId: z.uuid(), itemId: z.uuid() }),
  body: z.strictObject({
    doneOn: isoDate('Ange när åtgärden blev klar (ÅÅÅÅ-MM-DD).'),
    note: z.string().trim().max(2_000, 'Skriv högst 2000 tecken.').nullable(),
  }),
  response: z.object({ id: z.uuid() }),
  successStatus: 201,
});

/** The reader's open action items from samråd: their work list. */
export const myMeetingActions = defineContract({
  method: 'GET',
  path: '/api/meetings/actions/mine',
  response: z.object({
    actions: z.array(
      z.object({
        itemId: z.uuid(),
        meetingId: z.uuid(),
        caseId: z.uuid(),
        personName: z.string(),
        unitName: z.string(),
        text: z.string(),
        dueOn: z.iso.date(),
        heldOn: z.iso.date(),
      }),
    ),
  }),
});
