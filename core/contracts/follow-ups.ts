import { z } from 'zod';
import {
  FOLLOW_UP_TEXT_MAX,
  REASON_MAX,
  followUpMethods,
  goalFulfilments,
} from '../domain/follow-ups.ts';
import { defineContract } from './contract.ts';
import { isoDate, version } from './input.ts';

/**
 * Uppföljning on a case (core/domain/follow-ups.ts): the case's uppdrag, the dates set for
 * following each up (moved or cancelled by a new version), and the uppföljningar recorded
 * (corrected by a new version). One read for the tab; the writes name the version they start from.
 */

const caseParams = z.strictObject({ caseId: z.uuid() });
const Author = z.object({ id: z.uuid(), displayName: z.string() });

const reason = (message: string) =>
  z.string().trim().min(1, message).max(REASON_MAX, `Skriv högst ${REASON_MAX} tecken.`);
const longText = () =>
  z.string().trim().max(FOLLOW_UP_TEXT_MAX, `Skriv högst ${FOLLOW_UP_TEXT_MAX} tecken.`);

export const FollowUpDueVersion = z.object({
  version: z.number().int(),
  dueOn: z.iso.date(),
  cancelled: z.boolean(),
  changeReason: z.string().nullable(),
  recordedBy: Author,
  recordedAt: z.iso.datetime(),
});

export const FollowUpDueView = z.object({
  id: z.uuid(),
  /** The latest version: send it back when moving or cancelling the date. */
  version: z.number().int(),
  dueOn: z.iso.date(),
  cancelled: z.boolean(),
  /** The uppföljning recorded for this date, if any: the date is then met. */
  answeredBy: z.uuid().nullable(),
  /** Oldest first. */
  history: z.array(FollowUpDueVersion),
});
export type FollowUpDueView = z.infer<typeof FollowUpDueView>;

export const CommissionForFollowUp = z.object({
  id: z.uuid(),
  /** The insats's code (the catalogue's). */
  intervention: z.string(),
  providerName: z.string(),
  period: z.object({ from: z.iso.date(), to: z.iso.date().nullable() }),
  status: z.enum(['sent', 'accepted', 'declined', 'ended']),
  dues: z.array(FollowUpDueView),
});
export type CommissionForFollowUp = z.infer<typeof CommissionForFollowUp>;

const contentFields = {
  followedUpOn: isoDate(),
  method: z.enum(followUpMethods, { message: 'Välj hur uppföljningen gjordes.' }),
  withPerson: z.boolean(),
  withProvider: z.boolean(),
  personView: longText(),
  assessment: longText(),
  actions: longText(),
  goalFulfilment: z.enum(goalFulfilments, { message: 'Välj om målen är uppfyllda.' }),
};

export const FollowUpVersion = z.object({
  version: z.number().int(),
  followedUpOn: z.iso.date(),
  method: z.enum(followUpMethods),
  withPerson: z.boolean(),
  withProvider: z.boolean(),
  personView: z.string(),
  assessment: z.string(),
  actions: z.string(),
  goalFulfilment: z.enum(goalFulfilments),
  correctionReason: z.string().nullable(),
  recordedBy: Author,
  recordedAt: z.iso.datetime(),
});
export type FollowUpVersion = z.infer<typeof FollowUpVersion>;

export const FollowUpView = FollowUpVersion.extend({
  id: z.uuid(),
  commissionId: z.uuid(),
  dueId: z.uuid().nullable(),
  /** Who recorded it first, and when. */
  createdBy: Author,
  createdAt: z.iso.datetime(),
  /** Every version, oldest first; the last is what is shown above. */
  history: z.array(FollowUpVersion),
});
export type FollowUpView = z.infer<typeof FollowUpView>;

export const FollowUps = z.object({
  commissions: z.array(CommissionForFollowUp),
  /** Newest first. */
  followUps: z.array(FollowUpView),
  abilities: z.object({ write: z.boolean() }),
});
export type FollowUps = z.infer<typeof FollowUps>;

export const listFollowUps = defineContract({
  method: 'GET',
  path: '/api/cases/:caseId/follow-ups',
  params: caseParams,
  response: FollowUps,
});

const written = z.object({ id: z.uuid(), version: z.number().int() });

/** A date by which an uppdrag of the case is to be followed up. */
export const setFollowUpDue = defineContract({
  method: 'POST',
  path: '/api/cases/:caseId/follow-up-dues',
  params: caseParams,
  body: z.strictObject({ commissionId: z.uuid({ message: 'Välj uppdrag.' }), dueOn: isoDate() }),
  response: written,
  successStatus: 201,
});

/** The date moved or cancelled: a new version, with why; the earlier ones stay. */
export const changeFollowUpDue = defineContract({
  method: 'POST',
  path: '/api/cases/:caseId/follow-up-dues/:dueId/versions',
  params: z.strictObject({ caseId: z.uuid(), dueId: z.uuid() }),
  body: z.strictObject({
    dueOn: isoDate(),
    cancelled: z.boolean(),
    reason: reason('Ange varför datumet ändras.'),
    version: version(),
  }),
  response: written,
  successStatus: 201,
});

/** An uppföljning of an uppdrag of the case, optionally answering one of its dates. */
export const recordFollowUp = defineContract({
  method: 'POST',
  path: '/api/cases/:caseId/follow-ups',
  params: caseParams,
  body: z.strictObject({
    commissionId: z.uuid({ message: 'Välj uppdrag.' }),
    dueId: z.uuid().nullable(),
    ...contentFields,
  }),
  response: written,
  successStatus: 201,
});

/** A correction: a new version with its reason; the uppdrag and the date it answers stay. */
export const correctFollowUp = defineContract({
  method: 'POST',
  path: '/api/cases/:caseId/follow-ups/:followUpId/versions',
  params: z.strictObject({ caseId: z.uuid(), followUpId: z.uuid() }),
  body: z.strictObject({
    ...contentFields,
    reason: reason('Ange varför uppföljningen rättas.'),
    version: version(),
  }),
  response: written,
  successStatus: 201,
});
