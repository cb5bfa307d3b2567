import { z } from 'zod';
import { interventions } from './decisions.ts';

/**
 * The case's append-only event log as stored: one schema per event type, so every payload is
 * read back typed (and checked) rather than cast — statistics will be computed from these.
 * `case_event.type` is checked by the database against exactly these types (a test compares
 * the constraint with {@link caseEventTypes}). Payloads may carry fields from before a schema
 * named them; parsing keeps only the named ones. Older rows may lack what later code added, so
 * such fields are optional.
 */

const intakeTypes = [
  'application_oral',
  'application_written',
  'report',
  'police_notification',
  'referral',
  'self_contact',
] as const;
const intakeChannels = ['phone', 'visit', 'letter', 'email', 'digital', 'police', 'other'] as const;
const acuteNeeds = ['yes', 'no', 'unclear'] as const;

const event = <T extends string, P extends z.ZodRawShape>(type: T, payload: P) =>
  z.object({ type: z.literal(type), payload: z.object(payload) });

export const caseEventRecord = z.discriminatedUnion('type', [
  event('intake_registered', {
    intakeType: z.enum(intakeTypes),
    from: z.string().optional(),
    channel: z.enum(intakeChannels).optional(),
    receivedAt: z.string().optional(),
    content: z.string().optional(),
    /** Registered by someone outside the file's unit and passed on to it (routing.ts). */
    routed: z.boolean().optional(),
    /** A case that existed before the event log: only its intake type is known. */
    migrated: z.boolean().optional(),
  }),
  event('acute_screening', {
    acuteNeed: z.enum(acuteNeeds),
    motivation: z.string(),
  }),
  event('application_recorded', {
    form: z.enum(['oral', 'written']),
    receivedOn: z.string(),
    note: z.string(),
  }),
  event('consent_recorded', {
    form: z.enum(['oral', 'written']),
    receivedOn: z.string(),
    note: z.string(),
  }),
  event('preliminary_assessment', {
    outcome: z.enum(['open_investigation', 'no_investigation']),
    reason: z.string(),
  }),
  event('child_report_registered', {
    childPersonId: z.string(),
    childCaseId: z.string(),
    childrenUnitId: z.string(),
    reportedOn: z.string(),
    content: z.string(),
  }),
  event('child_report_waived', {
    childPersonId: z.string(),
    reason: z.string(),
  }),
  event('communication_recorded', {
    what: z.string().optional(),
    communicatedOn: z.string().optional(),
    method: z.enum(['meeting', 'channel']).optional(),
    contactChannelId: z.string().nullable().optional(),
    channelKind: z.enum(['phone', 'email', 'address', 'digital_mailbox']).nullable().optional(),
  }),
  event('decision_recorded', {
    decisionId: z.string(),
    intervention: z.enum(interventions),
    outcome: z.enum(['granted', 'partly_granted', 'refused']),
  }),
  /**
   * A beslut taken at once, before kommunicering, because the need could not wait (25 § FL):
   * it leaves the phase alone, and starts the clock for opening the utredning.
   */
  event('acute_decision_recorded', {
    decisionId: z.string(),
    intervention: z.enum(interventions),
    periodFrom: z.string(),
    periodTo: z.string(),
    /** The person's own view of the danger, recorded as the case's first risk assessment. */
    assessmentId: z.string(),
  }),
  event('case_closed', {
    reason: z.string(),
    filedAsNoAction: z.boolean(),
  }),
  /** Who handles the case from now: taken from the unit's queue, or given by the manager. */
  event('case_assigned', {
    userId: z.string(),
    previousUserId: z.string().nullable(),
  }),
  /**
   * Socialjour's intake names the day unit that takes the matter over, and the working day it
   * does (core/domain/handover.ts); the handover job carries it out on that day.
   */
  event('handover_planned', {
    toUnitId: z.string(),
    on: z.string(),
  }),
  /** The matter moved from socialjour to the day unit: unassigned, first in its queue. */
  event('case_handed_over', {
    fromUnitId: z.string(),
    toUnitId: z.string(),
  }),
]);

/** One event as the log holds it: its type and its typed payload. */
export type CaseEventRecord = z.infer<typeof caseEventRecord>;
export type CaseEventType = CaseEventRecord['type'];
export type PayloadOf<T extends CaseEventType> = Extract<CaseEventRecord, { type: T }>['payload'];

export const caseEventTypes: readonly CaseEventType[] = caseEventRecord.options.map(
  (option) => option.shape.type.value,
);

/** A stored row's type and payload, checked: a payload that does not fit its type throws. */
export function parseCaseEvent(type: string, payload: unknown): CaseEventRecord {
  return caseEventRecord.parse({ type, payload });
}

/** One payload of a known type, checked (for queries that select a single event's payload). */
export function parsePayload<T extends CaseEventType>(type: T, payload: unknown): PayloadOf<T> {
  return parseCaseEvent(type, payload).payload as PayloadOf<T>;
}
