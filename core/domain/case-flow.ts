/**
 * The case flow: aktualisering → förhandsbedömning → utredning → kommunicering → beslut → closed.
 * A case's state is derived from its append-only log of events, so history stays honest; each step
 * is checked against that state, and a step taken out of order is refused with the name of what
 * is missing (the API answers 409 with it).
 *
 * Pure: events and the child-report duty state come in as arguments.
 */
import { acuteInterventionsOf, mayDecideAcutely } from './decisions.ts';
import type { Intervention } from './decisions.ts';
import { defaultInterventionCatalogue, interventionNames } from './intervention-catalogue.ts';
import type { InterventionCatalogue } from './intervention-catalogue.ts';

export type IntakeType =
  | 'application_oral'
  | 'application_written'
  | 'report'
  | 'police_notification'
  | 'referral'
  | 'self_contact';

export type CaseEvent =
  | { type: 'intake_registered'; intakeType: IntakeType; at: string }
  | { type: 'acute_screening'; acuteNeed: 'yes' | 'no' | 'unclear'; at: string }
  | { type: 'application_recorded'; at: string }
  | { type: 'consent_recorded'; at: string }
  | {
      type: 'preliminary_assessment';
      outcome: 'open_investigation' | 'no_investigation';
      at: string;
    }
  | { type: 'child_report_registered'; at: string }
  | { type: 'child_report_waived'; at: string }
  | { type: 'communication_recorded'; at: string }
  | { type: 'decision_recorded'; at: string }
  | { type: 'acute_decision_recorded'; at: string }
  | { type: 'case_closed'; at: string }
  | { type: 'case_assigned'; userId: string; at: string }
  | { type: 'handover_planned'; toUnitId: string; on: string; at: string }
  | { type: 'case_handed_over'; toUnitId: string; at: string };

export type Phase =
  'intake' | 'preliminary_assessment' | 'investigation' | 'communicated' | 'decided' | 'closed';

export interface CaseState {
  phase: Phase;
  acuteNeed: 'yes' | 'no' | 'unclear' | null;
  /** An application (oral or written) or consent is on record: an adult utredning may open. */
  hasApplicationOrConsent: boolean;
  preliminaryOutcome: 'open_investigation' | 'no_investigation' | null;
  /** When the case was closed (the case_closed event), or null while it is open. */
  closedAt: string | null;
  /**
   * Who handles the case by its log's last assignment; undefined when the log has none (the
   * registering user's own case carries its assignee from the start, on the row).
   */
  assignedUserId: string | undefined;
  /**
   * The unit the case is in by its log's last handover; undefined when it was never handed over
   * (a case stays in the unit it was opened in).
   */
  unitId: string | undefined;
  /** Socialjour's planned handover not yet carried out: to which unit, on which working day. */
  plannedHandover: { toUnitId: string; on: string } | null;
  /**
   * Handed over and not assigned since: nobody in the day unit has it yet, so it is unassigned
   * and first in the unit's queue.
   */
  awaitingDayUnit: boolean;
}

export function caseState(events: readonly CaseEvent[]): CaseState {
  const state: CaseState = {
    phase: 'intake',
    acuteNeed: null,
    hasApplicationOrConsent: false,
    preliminaryOutcome: null,
    closedAt: null,
    assignedUserId: undefined,
    unitId: undefined,
    plannedHandover: null,
    awaitingDayUnit: false,
  };
  for (const e of events) {
    // Closing is final: a closed case is not reopened, a new matter is a new case.
    if (state.phase === 'closed') break;
    switch (e.type) {
      case 'intake_registered':
        state.phase = 'preliminary_assessment';
        if (e.intakeType === 'application_oral' || e.intakeType === 'application_written') {
          state.hasApplicationOrConsent = true;
        }
        break;
      case 'acute_screening':
        state.acuteNeed = e.acuteNeed;
        break;
      case 'application_recorded':
      case 'consent_recorded':
        state.hasApplicationOrConsent = true;
        break;
      case 'preliminary_assessment':
        state.preliminaryOutcome = e.outcome;
        state.phase = e.outcome === 'open_investigation' ? 'investigation' : 'decided';
        break;
      case 'child_report_registered':
      case 'child_report_waived':
        // The duty's state is derived from these by child-report-duty.ts, not the phase.
        break;
      case 'communication_recorded':
        state.phase = 'communicated';
        break;
      case 'decision_recorded':
        state.phase = 'decided';
        break;
      case 'acute_decision_recorded':
        // Protection tonight does not replace the handling: the förhandsbedömning, utredning,
        // kommunicering and ordinary beslut still follow, so the phase stays where it was.
        break;
      case 'case_closed':
        state.phase = 'closed';
        state.closedAt = e.at;
        break;
      case 'case_assigned':
        state.assignedUserId = e.userId;
        state.awaitingDayUnit = false;
        break;
      case 'handover_planned':
        state.plannedHandover = { toUnitId: e.toUnitId, on: e.on };
        break;
      case 'case_handed_over':
        // Access is granted, never taken: socialjour's hold on the case ends with the handover,
        // and nobody in the day unit has it until someone takes it or is given it.
        state.unitId = e.toUnitId;
        state.assignedUserId = undefined;
        state.plannedHandover = null;
        state.awaitingDayUnit = true;
        break;
    }
  }
  return state;
}

/**
 * What the case row holds of its state, for lists and queues that do not read the log: written
 * from the log by every append, never by hand. A field is null where the log does not say (a
 * case from before the log has no intake event; an unscreened case has no acute need), and the
 * row then keeps what it had.
 */
export interface CaseProjection {
  phase: Exclude<Phase, 'intake'> | null;
  status: 'open' | 'closed' | null;
  closedAt: string | null;
  acuteNeed: 'yes' | 'no' | 'unclear' | null;
  /** Where the case stands in its unit's queue (queuePriorities); null where the log does not say. */
  queuePriority: QueuePriority | null;
  assignedUserId: string | null;
  /** The unit the log last handed the case to; null leaves the row's unit (where it opened). */
  unitId: string | null;
  /** The log's last word on the assignee is a handover: nobody has the case. */
  unassigned: boolean;
}

/**
 * Where an open case stands in its unit's queue, first to last (issue 13): what socialjour
 * handed over in the night and the day unit has not yet taken — what was decided then must be
 * seen first; then a case screened as acute; then the rest, each group oldest first.
 */
export const queuePriorities = { handedOver: 0, acute: 1, ordinary: 2 } as const;
export type QueuePriority = (typeof queuePriorities)[keyof typeof queuePriorities];

export function caseProjection(state: CaseState): CaseProjection {
  const closed = state.phase === 'closed';
  return {
    phase: state.phase === 'intake' ? null : state.phase,
    status: state.phase === 'intake' ? null : closed ? 'closed' : 'open',
    closedAt: state.closedAt,
    acuteNeed: state.acuteNeed,
    queuePriority: closed
      ? queuePriorities.ordinary
      : state.awaitingDayUnit
        ? queuePriorities.handedOver
        : state.acuteNeed === 'yes'
          ? queuePriorities.acute
          : state.acuteNeed === null
            ? null
            : queuePriorities.ordinary,
    assignedUserId: state.assignedUserId ?? null,
    unitId: state.unitId ?? null,
    unassigned: state.awaitingDayUnit && state.assignedUserId === undefined,
  };
}

export const caseSteps = [
  'acute_screening',
  'application',
  'preliminary_assessment_open',
  'preliminary_assessment_close',
  'communication',
  'decision',
  'acute_decision',
  'close',
] as const;
export type Step = (typeof caseSteps)[number];

export interface StepContext {
  /** The case is about an adult: an utredning needs their application or consent. */
  subjectIsAdult: boolean;
  /** The duty to report concern for a child is open for at least one child. */
  openChildReportDuty: boolean;
  /** The insats a beslut is about, when the step is a beslut on one (the acute beslut). */
  intervention?: Intervention;
  /** The insatser catalogue in force; the one Värn ships with when not given. */
  catalogue?: InterventionCatalogue;
}

export type StepCheck =
  | { ok: true }
  | {
      ok: false;
      missing:
        | 'intake'
        | 'application_or_consent'
        | 'child_report'
        | 'preliminary_assessment'
        | 'investigation'
        | 'communication'
        | 'open_case'
        | 'acute_intervention'
        | 'ordinary_decision';
      message: string;
    };

const refuse = (
  missing: Extract<StepCheck, { ok: false }>['missing'],
  message: string,
): StepCheck => ({
  ok: false,
  missing,
  message,
});

/** Whether a step may be taken now, and if not, the Swedish reason naming the missing step. */
export function checkStep(state: CaseState, step: Step, context: StepContext): StepCheck {
  if (state.phase === 'closed') {
    return step === 'acute_decision'
      ? refuse(
          'open_case',
          'Ärendet är avslutat. Ett nytt akut behov av skydd registreras som en ny aktualisering.',
        )
      : refuse('open_case', 'Ärendet är avslutat.');
  }
  if (state.phase === 'intake') {
    return refuse('intake', 'Registrera aktualiseringen först.');
  }
  switch (step) {
    // An application or consent, like a new screening of acute need, may come at any point of
    // an open case after the intake: an utredning about an adult opens only on one.
    case 'acute_screening':
    case 'application':
      return { ok: true };
    case 'preliminary_assessment_open':
    case 'preliminary_assessment_close':
      if (state.phase !== 'preliminary_assessment') {
        return refuse('preliminary_assessment', 'Förhandsbedömningen är redan gjord.');
      }
      if (
        step === 'preliminary_assessment_open' &&
        context.subjectIsAdult &&
        !state.hasApplicationOrConsent
      ) {
        return refuse(
          'application_or_consent',
          'En utredning om en vuxen kan inte inledas mot personens vilja. Registrera ansökan eller samtycke först.',
        );
      }
      if (context.openChildReportDuty) {
        return refuse(
          'child_report',
          'Det finns barn i hushållet. Registrera orosanmälan till barn och unga, eller ange skälet till att den inte görs, innan förhandsbedömningen avslutas.',
        );
      }
      return { ok: true };
    case 'communication':
      if (state.phase === 'preliminary_assessment') {
        return refuse(
          'preliminary_assessment',
          'Gör förhandsbedömningen och inled en utredning först.',
        );
      }
      if (state.phase !== 'investigation' && state.phase !== 'communicated') {
        return refuse('investigation', 'Kommunicering hör till en pågående utredning.');
      }
      return { ok: true };
    case 'decision':
      if (state.phase === 'preliminary_assessment') {
        return refuse(
          'preliminary_assessment',
          'Gör förhandsbedömningen och inled en utredning först.',
        );
      }
      if (state.phase === 'investigation') {
        return refuse('communication', 'Kommunicera materialet med personen innan beslut fattas.');
      }
      return { ok: true };
    case 'acute_decision':
      return checkAcuteDecision(state, context);
    case 'close':
      if (context.openChildReportDuty) {
        return refuse(
          'child_report',
          'Det finns barn i hushållet. Registrera orosanmälan, eller ange skälet till att den inte görs, innan ärendet avslutas.',
        );
      }
      // A matter that ends before an utredning ends with the förhandsbedömning's decision not to
      // investigate: documented, and filed among handlingar som inte föranlett åtgärd when the
      // person has no personakt. Closing it otherwise would skip both.
      if (state.phase === 'preliminary_assessment') {
        return refuse(
          'preliminary_assessment',
          'Ett ärende i förhandsbedömning avslutas med förhandsbedömningen: välj att ingen utredning inleds och skriv skälet.',
        );
      }
      return { ok: true };
  }
}

/**
 * An acute beslut: at intake, during förhandsbedömning or during the utredning before
 * kommunicering — the need cannot wait for the material to be communicated (25 § FL). After
 * kommunicering the ordinary beslut is open, and that is the one to take. An open duty to report
 * concern for a child does not hold it back: protecting the parent tonight protects the children.
 */
function checkAcuteDecision(state: CaseState, context: StepContext): StepCheck {
  if (state.phase === 'communicated') {
    return refuse(
      'ordinary_decision',
      'Materialet är kommunicerat. Fatta ett ordinarie beslut i stället för ett akut.',
    );
  }
  if (state.phase === 'decided') {
    return refuse(
      'ordinary_decision',
      'Ärendet är beslutat. Fatta ett nytt ordinarie beslut i stället för ett akut.',
    );
  }
  const catalogue = context.catalogue ?? defaultInterventionCatalogue;
  if (context.intervention !== undefined && !mayDecideAcutely(context.intervention, catalogue)) {
    const names = interventionNames(catalogue);
    const acute = acuteInterventionsOf(catalogue).map((i) => names[i].toLowerCase());
    return refuse(
      'acute_intervention',
      `${names[context.intervention]} kan inte beslutas akut före kommunicering. Akut beslut kan fattas om ${acute.slice(0, -1).join(', ')} och ${acute.at(-1) ?? ''}.`,
    );
  }
  return { ok: true };
}

/** Whether the reader may take a step now, and if the case flow refuses it, its sentence why. */
export interface StepAbility {
  allowed: boolean;
  message: string | null;
}

/**
 * Every step as the case page offers it: allowed when the flow allows it and the reader works
 * the case; the flow's own sentence when the flow refuses, the same the API answers in its 409.
 * The page shows these, so it never re-derives the flow from the phase.
 */
export function stepAbilities(
  state: CaseState,
  context: StepContext,
  mayWork: boolean,
): Record<Step, StepAbility> {
  const entries = caseSteps.map((step): [Step, StepAbility] => {
    const check = checkStep(state, step, context);
    return [
      step,
      check.ok ? { allowed: mayWork, message: null } : { allowed: false, message: check.message },
    ];
  });
  return Object.fromEntries(entries) as Record<Step, StepAbility>;
}
