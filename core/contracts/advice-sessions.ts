import { z } from 'zod';
import { SESSIONS_WITHOUT_DECISION, SESSION_NOTE_MAX } from '../domain/advice-and-support.ts';
import { defineContract } from './contract.ts';
import { isoDate } from './input.ts';

/**
 * Råd och stöd on a case: the sessions held (the day, who held it, what was done), and whether one
 * more may be held without a beslut on stödsamtal (core/domain/advice-and-support.ts).
 */

const caseParams = z.strictObject({ caseId: z.uuid() });
const Author = z.object({ id: z.uuid(), displayName: z.string() });

export const AdviceSession = z.object({
  id: z.uuid(),
  heldOn: z.iso.date(),
  heldBy: Author,
  note: z.string(),
  recordedAt: z.iso.datetime(),
});
export type AdviceSession = z.infer<typeof AdviceSession>;

export const AdviceSessions = z.object({
  /** Oldest first. */
  sessions: z.array(AdviceSession),
  /** How many may be held without a beslut (5). */
  limit: z.literal(SESSIONS_WITHOUT_DECISION),
  /** The granted beslut on stödsamtal running today, if any: more sessions may then be held. */
  supportDecision: z
    .object({ decisionId: z.uuid(), from: z.iso.date(), to: z.iso.date().nullable() })
    .nullable(),
  /** Why one more session could not be registered today; null when it could. */
  refusal: z.string().nullable(),
  abilities: z.object({ write: z.boolean() }),
});
export type AdviceSessions = z.infer<typeof AdviceSessions>;

export const listAdviceSessions = defineContract({
  method: 'GET',
  path: '/api/cases/:caseId/advice-sessions',
  params: caseParams,
  response: AdviceSessions,
});

/** One session of råd och stöd held. The sixth needs a granted beslut on stödsamtal (409). */
export const recordAdviceSession = defineContract({
  method: 'POST',
  path: '/api/cases/:caseId/advice-sessions',
  params: caseParams,
  body: z.strictObject({
    heldOn: isoDate(),
    note: z
      .string()
      .trim()
      .min(1, 'Beskriv vad som gjordes i samtalet.')
      .max(SESSION_NOTE_MAX, `Skriv högst ${SESSION_NOTE_MAX} tecken.`),
  }),
  response: z.object({ id: z.uuid() }),
  successStatus: 201,
});
