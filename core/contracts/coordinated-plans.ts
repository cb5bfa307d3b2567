import { z } from 'zod';
import { informationCategories } from '../domain/consents.ts';
import { planKinds } from '../domain/coordinated-plans.ts';
import { goalFulfilments } from '../domain/follow-ups.ts';
import { Recipient } from './consents.ts';
import { ParticipantIn } from './coordination-meetings.ts';
import { defineContract } from './contract.ts';
import { int32, isoDate } from './input.ts';

/**
 * SIP and intern samverkansplan of a case's person (core/domain/coordinated-plans.ts): written
 * and revised by whoever works the case, each version a new one (a stale version is 409), every
 * participant outside the case's unit on a consent of the case's register; followed up; as PDF.
 */

const Author = z.object({ id: z.uuid(), displayName: z.string() });
const text = (message: string, max: number) =>
  z.string().trim().min(1, message).max(max, `Skriv högst ${max} tecken.`);
const caseParams = z.strictObject({ caseId: z.uuid() });
const planParams = z.strictObject({ caseId: z.uuid(), planId: z.uuid() });

export const PlanParticipantIn = z.strictObject({
  participant: ParticipantIn,
  responsibility: text('Ange vad deltagaren ansvarar för.', 2_000),
  /** The consent of the case's register the participant takes part on; null for the own unit. */
  consentId: z.uuid({ message: 'Välj samtycke.' }).nullable(),
});

const content = {
  needs: text('Beskriv vilka insatser personen behöver.', 10_000),
  participants: z
    .array(PlanParticipantIn)
    .min(1, 'Ange vilka som deltar i planen.')
    .max(20, 'Ange högst 20 deltagare.'),
  othersDo: z.string().trim().max(5_000, 'Skriv högst 5000 tecken.'),
  overallResponsible: int32({ min: 0, max: 19 }),
  followUpOn: isoDate('Ange när planen ska följas upp (ÅÅÅÅ-MM-DD).'),
  categories: z
    .array(z.enum(informationCategories))
    .min(1, 'Välj vilka uppgifter planen lämnar ut.')
    .max(informationCategories.length),
};

export const PlanVersion = z.object({
  version: z.int(),
  needs: z.string(),
  participants: z.array(
    z.object({
      recipient: Recipient,
      name: z.string(),
      role: z.string(),
      responsibility: z.string(),
      /** The consent the participant takes part on, as the register names it. */
      consent: z.object({ id: z.uuid(), text: z.string(), revoked: z.boolean() }).nullable(),
    }),
  ),
  othersDo: z.string(),
  overallResponsible: z.int(),
  followUpOn: z.iso.date(),
  categories: z.array(z.enum(informationCategories)),
  recordedBy: Author,
  recordedAt: z.iso.datetime(),
});
export type PlanVersion = z.infer<typeof PlanVersion>;

export const PlanFollowUp = z.object({
  id: z.uuid(),
  followedUpOn: z.iso.date(),
  personView: z.string(),
  assessment: z.string(),
  goalFulfilment: z.enum(goalFulfilments),
  recordedBy: Author,
  recordedAt: z.iso.datetime(),
});

export const Plan = z.object({
  id: z.uuid(),
  kind: z.enum(planKinds),
  createdBy: Author,
  createdAt: z.iso.datetime(),
  current: PlanVersion,
  /** Earlier versions, newest first. */
  earlier: z.array(PlanVersion),
  /** Newest first. */
  followUps: z.array(PlanFollowUp),
  /** A consent a participant takes part on is revoked or expired: the plan must be revised. */
  groundGone: z.string().nullable(),
});
export type Plan = z.infer<typeof Plan>;

export const listPlans = defineContract({
  method: 'GET',
  path: '/api/cases/:caseId/plans',
  params: caseParams,
  response: z.object({ plans: z.array(Plan), canWrite: z.boolean() }),
});

export const createPlan = defineContract({
  method: 'POST',
  path: '/api/cases/:caseId/plans',
  params: caseParams,
  body: z.strictObject({
    kind: z.enum(planKinds, { message: 'Välj SIP eller intern samverkansplan.' }),
    ...content,
  }),
  response: z.object({ id: z.uuid(), version: z.int() }),
  successStatus: 201,
});

export const revisePlan = defineContract({
  method: 'POST',
  path: '/api/cases/:caseId/plans/:planId/versions',
  params: planParams,
  body: z.strictObject({
    /** The version the writer saw: a newer one refuses (409). */
    version: int32({ min: 1 }),
    ...content,
  }),
  response: z.object({ id: z.uuid(), version: z.int() }),
  successStatus: 201,
});

export const followUpPlan = defineContract({
  method: 'POST',
  path: '/api/cases/:caseId/plans/:planId/follow-ups',
  params: planParams,
  body: z.strictObject({
    followedUpOn: isoDate('Ange när planen följdes upp (ÅÅÅÅ-MM-DD).'),
    personView: z.string().trim().max(5_000, 'Skriv högst 5000 tecken.'),
    assessment: text('Skriv bedömningen.', 5_000),
    goalFulfilment: z.enum(goalFulfilments, { message: 'Ange om målen är uppfyllda.' }),
  }),
  response: z.object({ id: z.uuid() }),
  successStatus: 201,
});

/** The plan as a PDF (GET, application/pdf). */
export const planPdfPath = '/api/cases/:caseId/plans/:planId/plan.pdf';
