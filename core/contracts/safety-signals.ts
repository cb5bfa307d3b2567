import { z } from 'zod';
import { reviewSubjects } from '../domain/safety-signals.ts';
import { defineContract } from './contract.ts';

/**
 * Safety signals in a receiving case (core/domain/safety-signals.ts): what the case's handläggare
 * is asked to review and by when, and who marked it reviewed. Nothing in an answer comes from the
 * file whose event raised the signal: the texts are the catalogue's, the dates are the day it was
 * raised and the day it is due, the names are the receiving case's own users.
 */

const ReviewSubject = z.enum(reviewSubjects);

export const SafetySignalPrompt = z.object({
  /** Marking this one handles it and the earlier open ones of its subject. */
  id: z.uuid(),
  review: ReviewSubject,
  prompt: z.string(),
  raisedOn: z.iso.date(),
  dueOn: z.iso.date(),
});
export type SafetySignalPrompt = z.infer<typeof SafetySignalPrompt>;

export const SafetySignalHandled = z.object({
  review: ReviewSubject,
  text: z.string(),
  on: z.iso.date(),
  by: z.string(),
});
export type SafetySignalHandled = z.infer<typeof SafetySignalHandled>;

export const CaseSafetySignals = z.object({
  open: z.array(SafetySignalPrompt),
  handled: z.array(SafetySignalHandled),
  /** Whether the reader may mark a prompt reviewed (works the case, and it is open). */
  mayHandle: z.boolean(),
});
export type CaseSafetySignals = z.infer<typeof CaseSafetySignals>;

const caseParams = z.strictObject({ caseId: z.uuid() });

export const getCaseSafetySignals = defineContract({
  method: 'GET',
  path: '/api/cases/:caseId/safety-signals',
  params: caseParams,
  response: CaseSafetySignals,
});

/** "Riskbedömningen är översedd": the prompt is handled, today, by the reader. */
export const handleSafetySignal = defineContract({
  method: 'POST',
  path: '/api/cases/:caseId/safety-signals/:signalId/handled',
  params: z.strictObject({ caseId: z.uuid(), signalId: z.uuid() }),
  response: CaseSafetySignals,
});
