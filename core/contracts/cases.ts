import { z } from 'zod';
import { defineContract } from './contract.ts';
import { IdentityKind, PersonSummary, ProtectionLevel, TargetGroup } from './persons.ts';

export const CaseListItem = z.object({
  id: z.uuid(),
  person: PersonSummary,
  unitId: z.uuid(),
  unitName: z.string(),
  targetGroup: TargetGroup,
  openedAt: z.iso.datetime(),
  assignedTo: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  /** Send back when changing the case, so a concurrent change is detected rather than lost. */
  version: z.number().int(),
  /** The intake's screening: is there an acute need of protection now? */
  acuteNeed: z.enum(['yes', 'no', 'unclear']).nullable(),
});
export type CaseListItem = z.infer<typeof CaseListItem>;

const CaseList = z.object({
  items: z.array(CaseListItem),
  /** Pass as `after` to get the next page; null on the last page. */
  nextCursor: z.string().nullable(),
});

const page = {
  limit: z.coerce.number().int().min(1).max(100).default(25),
  after: z.string().max(200).optional(),
};

/** The signed-in handläggare's open cases, oldest first. */
export const listMyCases = defineContract({
  method: 'GET',
  path: '/api/cases/mine',
  query: z.strictObject(page),
  response: CaseList,
});

/** Open cases not yet assigned, in a unit where the reader works: the unit's intake queue. */
export const listUnitQueue = defineContract({
  method: 'GET',
  path: '/api/units/:unitId/queue',
  params: z.strictObject({ unitId: z.uuid() }),
  query: z.strictObject(page),
  response: CaseList,
});

const newPerson = z.strictObject({
  identity: z
    .strictObject({
      kind: IdentityKind,
      number: z.string().trim().min(1, 'Fyll i numret.').max(30),
    })
    .nullable(),
  givenName: z.string().trim().min(1, 'Fyll i förnamn.').max(200),
  familyName: z.string().trim().min(1, 'Fyll i efternamn.').max(200),
  protectionLevel: ProtectionLevel,
});

export const IntakeType = z.enum([
  'application_oral',
  'application_written',
  'report',
  'police_notification',
  'referral',
  'self_contact',
]);
export const IntakeChannel = z.enum([
  'phone',
  'visit',
  'letter',
  'email',
  'digital',
  'police',
  'other',
]);
export const AcuteNeed = z.enum(['yes', 'no', 'unclear']);

/**
 * Registers an aktualisering (inkommande information): what came in, from whom, how and when,
 * with the immediate screening of acute need for protection. It opens a case for the person in a
 * unit where the caller handles cases, assigned to the caller or left in the unit's queue; an
 * acute need puts it first in the queue. A person given by a registered identity number gets the
 * case on their existing file — existence is not revealed before the caller has the work relation.
 */
export const registerIntake = defineContract({
  method: 'POST',
  path: '/api/intakes',
  body: z.strictObject({
    unitId: z.uuid(),
    targetGroup: TargetGroup,
    person: z.discriminatedUnion('existing', [
      z.strictObject({ existing: z.literal(true), personId: z.uuid() }),
      z.strictObject({ existing: z.literal(false), newPerson }),
    ]),
    intake: z.strictObject({
      type: IntakeType,
      /** Who brought the information: the person, the police, a school, another unit … */
      from: z.string().trim().min(1, 'Ange vem som lämnade uppgifterna.').max(200),
      channel: IntakeChannel,
      receivedAt: z.iso.datetime({ offset: true, message: 'Ange när uppgifterna kom in.' }),
      /** What came to the social services' knowledge. */
      content: z.string().trim().min(1, 'Beskriv vad som har kommit in.').max(20_000),
    }),
    acuteScreening: z.strictObject({
      acuteNeed: AcuteNeed,
      motivation: z.string().trim().min(1, 'Motivera bedömningen.').max(5_000),
    }),
    assignToMe: z.boolean(),
  }),
  response: z.object({ caseId: z.uuid(), personId: z.uuid() }),
  successStatus: 201,
});

/** Assign a case: the unit's manager to anyone in the unit, a handläggare to themselves. */
export const assignCase = defineContract({
  method: 'POST',
  path: '/api/cases/:caseId/assignment',
  params: z.strictObject({ caseId: z.uuid() }),
  body: z.strictObject({ userId: z.uuid(), version: z.number().int().min(1) }),
  response: z.object({ caseId: z.uuid(), version: z.number().int() }),
});
