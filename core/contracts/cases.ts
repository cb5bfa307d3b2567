import { caseSteps } from '../domain/case-flow.ts';
import { counterpartRelations } from '../domain/counterparts.ts';
import { interventions } from '../domain/decisions.ts';
import { deadlineKinds } from '../domain/deadlines.ts';
import { z } from 'zod';
import { defineContract } from './contract.ts';
import { isoDate, isoDateTime, pageQuery, version } from './input.ts';
import {
  IdentityKind,
  ListedPerson,
  PersonSummary,
  ProtectionLevel,
  TargetGroup,
} from './persons.ts';

/**
 * A deadline still running (core/domain/deadlines.ts). For an insats's period the date is its
 * t.o.m. and the status says running, ending soon or ended; `intervention` names the insats.
 */
export const DeadlineView = z.object({
  kind: z.enum(deadlineKinds),
  dueOn: z.iso.date(),
  status: z.enum(['ok', 'due_soon', 'overdue']),
  intervention: z.enum(interventions).optional(),
  /** Where the insats is carried out: on the case page, to whoever may see where the person is. */
  place: z.string().optional(),
});
export type DeadlineView = z.infer<typeof DeadlineView>;

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
  /**
   * Registered by someone else about a person who already has a file here, and routed to this
   * unit: its queue and manager see it marked so.
   */
  routed: z.boolean(),
  /**
   * Registered by socialjour at night or on a day off and handed over to this unit on the next
   * working day (core/domain/handover.ts): when. The queue shows it first, marked so.
   */
  handedOver: z.object({ on: z.iso.date() }).nullable(),
  phase: z.enum([
    'intake',
    'preliminary_assessment',
    'investigation',
    'communicated',
    'decided',
    'closed',
  ]),
  /** The latest assessed risk level of the case's person in this case, if assessed. */
  riskLevel: z.enum(['low', 'medium', 'high']).nullable(),
  /** The deadlines still running, most urgent first. */
  deadlines: z.array(DeadlineView),
});
export type CaseListItem = z.infer<typeof CaseListItem>;

const CaseList = z.object({
  items: z.array(CaseListItem),
  /** Pass as `after` to get the next page; null on the last page. */
  nextCursor: z.string().nullable(),
});

const page = pageQuery();

/**
 * What a work list can be narrowed to (core/domain/work-list.ts): a deadline kind, a risk level,
 * and "Idag" — what is due today or already overdue.
 */
const workQuery = z.strictObject({
  ...page,
  kind: z.enum(deadlineKinds, { message: 'Välj en tidsfrist i listan.' }).optional(),
  risk: z.enum(['low', 'medium', 'high'], { message: 'Välj en risknivå i listan.' }).optional(),
  view: z.enum(['all', 'today'], { message: 'Välj alla eller idag.' }).default('all'),
});

const WorkList = CaseList.extend({
  /** How many of the list (before paging, after `kind` and `risk`) are due today or overdue. */
  dueToday: z.number().int(),
});

/**
 * The signed-in handläggare's open cases, most urgent first (core/domain/work-list.ts): what
 * socialjour handed over and what is acute, then the overdue, the higher risk, the nearest
 * deadline, the oldest.
 */
export const listMyCases = defineContract({
  method: 'GET',
  path: '/api/cases/mine',
  query: workQuery,
  response: WorkList,
});

/**
 * Open cases not yet assigned, in a unit where the reader works: the unit's inbox, in the same
 * order as "Mina ärenden".
 */
export const listUnitQueue = defineContract({
  method: 'GET',
  path: '/api/units/:unitId/queue',
  params: z.strictObject({ unitId: z.uuid() }),
  query: workQuery,
  response: WorkList,
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

const identityInput = z.strictObject({
  kind: IdentityKind,
  number: z.string().trim().min(1, 'Fyll i numret.').max(30),
});
const optionalName = z.string().trim().max(200).nullable();

/**
 * An adult in the household, or the person who uses violence, as the person tells of them:
 * recorded as a counterpart in her file (core/domain/counterparts.ts), known by identity number
 * or only by name or description. A number links it to a file here for the rules only.
 */
export const IntakeAdult = z
  .strictObject({
    identity: z
      .strictObject({
        kind: z.enum(['personnummer', 'samordningsnummer']),
        number: z.string().trim().min(1, 'Fyll i numret.').max(30),
      })
      .nullable(),
    givenName: optionalName,
    familyName: optionalName,
    description: z.string().trim().max(2_000).nullable(),
    relation: z.enum(counterpartRelations),
    usesViolence: z.boolean(),
    /** null: not known. */
    livesTogether: z.boolean().nullable(),
  })
  .refine((a) => a.identity || a.givenName || a.familyName || a.description, {
    message: 'Fyll i namn, personnummer eller en beskrivning av personen.',
    path: ['givenName'],
  });

/**
 * A child in the household: the person's own child (parent_of), with an identity number or the
 * age the person states today. `guardian`: the person is the child's vårdnadshavare.
 */
export const IntakeChild = z
  .strictObject({
    givenName: z.string().trim().min(1, 'Fyll i barnets förnamn.').max(200),
    familyName: z.string().trim().min(1, 'Fyll i barnets efternamn.').max(200),
    identity: identityInput.nullable(),
    statedAge: z
      .number()
      .int('Ange åldern i hela år.')
      .min(0, 'Ange en ålder mellan 0 och 17 år.')
      .max(17, 'Ett barn är under 18 år.')
      .nullable(),
    guardian: z.boolean(),
  })
  .refine((c) => (c.identity === null) !== (c.statedAge === null), {
    message: 'Fyll i barnets ålder eller personnummer.',
    path: ['statedAge'],
  });

/** The household as told at intake; the child-report duty opens from the children at once. */
export const IntakeHousehold = z.strictObject({
  adults: z.array(IntakeAdult).max(10, 'Högst tio vuxna i en aktualisering.'),
  children: z.array(IntakeChild).max(15, 'Högst femton barn i en aktualisering.'),
});
export type IntakeHousehold = z.infer<typeof IntakeHousehold>;

export type IntakeBody = z.infer<typeof registerIntake.body>;

/**
 * Registers an aktualisering (inkommande information): what came in, from whom, how and when,
 * with the immediate screening of acute need for protection. It opens a case for the person in a
 * unit where the caller handles cases, assigned to the caller or left in the unit's queue; an
 * acute need puts it first in the queue. A person who already has a file — picked, or matched by
 * a registered identity number — gets the case in the caller's hands only if the caller is
 * already assigned to them; otherwise it is routed to the unit responsible for the file and the
 * caller learns only that (docs/SECURITY.md, "Access is granted, never taken").
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
      receivedAt: isoDateTime('Ange när uppgifterna kom in.'),
      /** What came to the social services' knowledge. */
      content: z.string().trim().min(1, 'Beskriv vad som har kommit in.').max(20_000),
    }),
    acuteScreening: z.strictObject({
      acuteNeed: AcuteNeed,
      motivation: z.string().trim().min(1, 'Motivera bedömningen.').max(5_000),
    }),
    assignToMe: z.boolean(),
    /**
     * The people in the household and the person who uses violence. A child whose number belongs
     * to a child here whom the registering user may not open is not linked: the information goes
     * to the unit responsible for that child's file instead.
     */
    household: IntakeHousehold.optional(),
  }),
  /**
   * 'registered': a new person, or one whose assigned handläggare registers it. 'routed': the
   * person already has a file, and the matter went to the unit responsible for it; the
   * registering user gets nothing of the file — for a protected person not even the unit's name.
   */
  response: z.discriminatedUnion('outcome', [
    z.object({
      outcome: z.literal('registered'),
      caseId: z.uuid(),
      personId: z.uuid(),
      /** Children of the household whose information went to the unit responsible for them. */
      childrenRouted: z.number().int(),
    }),
    z.object({ outcome: z.literal('routed'), unitName: z.string().nullable() }),
  ]),
  successStatus: 201,
});

/** Assign a case: the unit's manager to anyone in the unit, a handläggare to themselves. */
export const assignCase = defineContract({
  method: 'POST',
  path: '/api/cases/:caseId/assignment',
  params: z.strictObject({ caseId: z.uuid() }),
  body: z.strictObject({ userId: z.uuid(), version: version() }),
  response: z.object({ caseId: z.uuid(), version: z.number().int() }),
});

const text = (max: number, required: string) => z.string().trim().min(1, required).max(max);

export const Phase = z.enum([
  'intake',
  'preliminary_assessment',
  'investigation',
  'communicated',
  'decided',
  'closed',
]);

export const ChildReportDutyView = z.object({
  /** Masked where the reader may not see the child ('householdMember.read'). */
  child: ListedPerson,
  /**
   * "7 år", or "6–7 år" when the birth date is partly known, or "ca 7 år" from an age stated at
   * intake; null when unknown or masked.
   */
  age: z.string().nullable(),
  /** 'own': the person's child; 'partner': the current partner's child. */
  via: z.enum(['own', 'partner']),
  status: z.enum(['open', 'reported', 'waived']),
  reportedOn: z.iso.date().nullable(),
  /**
   * The case the orosanmälan opened in the children's unit, for its document
   * (childReportPdfPath); null when not reported. Gives no access to that case.
   */
  reportCaseId: z.uuid().nullable(),
  waiverReason: z.string().nullable(),
});
export type ChildReportDutyView = z.infer<typeof ChildReportDutyView>;

export const CaseHistoryItem = z.object({
  seq: z.number().int(),
  type: z.enum([
    'intake_registered',
    'acute_screening',
    'application_recorded',
    'consent_recorded',
    'preliminary_assessment',
    'child_report_registered',
    'child_report_waived',
    'communication_recorded',
    'decision_recorded',
    'acute_decision_recorded',
    'case_closed',
    'case_assigned',
    'handover_planned',
    'case_handed_over',
  ]),
  recordedAt: z.iso.datetime(),
  recordedBy: z.string().nullable(),
  /** One line in Swedish saying what happened, without protected details. */
  summary: z.string(),
});

/** The case page: header, what came in, the steps taken, the duties and deadlines still open. */
export const CaseDetail = z.object({
  id: z.uuid(),
  person: PersonSummary,
  unitId: z.uuid(),
  unitName: z.string(),
  targetGroup: TargetGroup,
  status: z.enum(['open', 'closed']),
  phase: Phase,
  openedAt: z.iso.datetime(),
  receivedAt: z.iso.datetime(),
  assignedTo: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  version: z.number().int(),
  intake: z
    .object({
      type: IntakeType,
      from: z.string(),
      channel: IntakeChannel,
      content: z.string(),
    })
    .nullable(),
  acuteScreening: z.object({ acuteNeed: AcuteNeed, motivation: z.string() }).nullable(),
  hasApplicationOrConsent: z.boolean(),
  preliminaryAssessment: z
    .object({
      outcome: z.enum(['open_investigation', 'no_investigation']),
      reason: z.string(),
      on: z.iso.date(),
    })
    .nullable(),
  /** The utredning's template, once one is opened. */
  investigation: z.object({ template: z.enum(['victim', 'perpetrator']) }).nullable(),
  /** Handed over from socialjour (the log's last case_handed_over): on which day, from which unit. */
  handedOver: z.object({ on: z.iso.date(), fromUnitName: z.string() }).nullable(),
  /** Socialjour's planned handover not yet carried out: to which unit, on which working day. */
  handoverPlanned: z.object({ on: z.iso.date(), toUnitName: z.string() }).nullable(),
  childReportDuties: z.array(ChildReportDutyView),
  /**
   * Children accompanying the parent into skyddat boende (core/domain/accompanying-children.ts):
   * each child's own beslut by the children's unit, and its school situation. The child is named
   * as in `childReportDuties` (by id; the name there, or masked).
   */
  accompanyingChildren: z.array(
    z.object({
      childPersonId: z.uuid(),
      since: z.iso.date(),
      status: z.enum(['open', 'decided']),
      decidedOn: z.iso.date().nullable(),
      school: z.object({ dueOn: z.iso.date(), arrangedOn: z.iso.date().nullable() }),
    }),
  ),
  /** The latest assessed risk level of the case's person in this case, if assessed. */
  riskLevel: z.enum(['low', 'medium', 'high']).nullable(),
  deadlines: z.array(DeadlineView),
  history: z.array(CaseHistoryItem),
  /** The paragraphs the page cites, from the legal catalogue in force. */
  legal: z.object({
    investigationDuty: z.string(),
    preliminaryAssessmentChild: z.string(),
    childConcernReport: z.string(),
    /** The ground for an acute beslut without prior kommunicering (25 § FL). */
    decisionWithoutCommunication: z.string(),
    /** An accompanying child's own beslut on skyddat boende (since 2024-04-01). */
    shelterForAccompanyingChildren: z.string(),
  }),
  /** What was communicated before the decision, when and how (never the channel's value). */
  communications: z.array(
    z.object({
      communicatedOn: z.iso.date(),
      what: z.string(),
      method: z.enum(['meeting', 'channel']),
      channelKind: z.enum(['phone', 'email', 'address', 'digital_mailbox']).nullable(),
      recordedBy: z.string().nullable(),
    }),
  ),
  abilities: z.object({
    /** May document and take the steps of the case (the handläggare working with it). */
    work: z.boolean(),
    /**
     * Each step of the case flow: whether the reader may take it now, and the flow's sentence
     * when it may not (core/domain/case-flow.ts stepAbilities), so the page never re-derives it.
     */
    steps: z.record(
      z.enum(caseSteps),
      z.object({ allowed: z.boolean(), message: z.string().nullable() }),
    ),
    /** The insatser the reader may decide on in this case: a work relation and delegation. */
    decide: z.array(z.enum(interventions)),
  }),
});
export type CaseDetail = z.infer<typeof CaseDetail>;

const caseParams = z.strictObject({ caseId: z.uuid() });
const stepResult = z.object({ caseId: z.uuid(), version: z.number().int() });

export const getCase = defineContract({
  method: 'GET',
  path: '/api/cases/:caseId',
  params: caseParams,
  response: CaseDetail,
});

/** The person's own application (oral or written), or consent to an utredning. */
export const recordApplication = defineContract({
  method: 'POST',
  path: '/api/cases/:caseId/application',
  params: caseParams,
  body: z.strictObject({
    kind: z.enum(['application', 'consent']),
    form: z.enum(['oral', 'written']),
    receivedOn: isoDate(),
    note: z.string().trim().max(5_000),
    version: version(),
  }),
  response: stepResult,
  successStatus: 201,
});

/** A new screening of acute need — for a child's intake, the protection assessment of the day. */
export const recordAcuteScreening = defineContract({
  method: 'POST',
  path: '/api/cases/:caseId/acute-screening',
  params: caseParams,
  body: z.strictObject({
    acuteNeed: AcuteNeed,
    motivation: text(5_000, 'Motivera bedömningen.'),
    version: version(),
  }),
  response: stepResult,
  successStatus: 201,
});

/** Förhandsbedömning: open an utredning (with its template) or not, with the reason. */
export const recordPreliminaryAssessment = defineContract({
  method: 'POST',
  path: '/api/cases/:caseId/preliminary-assessment',
  params: caseParams,
  body: z.discriminatedUnion('outcome', [
    z.strictObject({
      outcome: z.literal('open_investigation'),
      template: z.enum(['victim', 'perpetrator']),
      reason: text(5_000, 'Ange skälet till bedömningen.'),
      version: version(),
    }),
    z.strictObject({
      outcome: z.literal('no_investigation'),
      reason: text(5_000, 'Ange varför ingen utredning inleds.'),
      version: version(),
    }),
  ]),
  response: stepResult.extend({ filedAsNoAction: z.boolean() }),
  successStatus: 201,
});

/** A child in the person's household, registered from the case (creates the child's record). */
export const registerHouseholdChild = defineContract({
  method: 'POST',
  path: '/api/cases/:caseId/household-children',
  params: caseParams,
  body: z.strictObject({
    /** The person's own child; a partner's children come through the partner's relations. */
    child: newPerson,
  }),
  /**
   * 'linked': the child is registered in the household. 'routed': the personnummer belongs to a
   * child whose file the handläggare may not open; the information went to the unit responsible
   * for that file instead, and nothing of the file is shown.
   */
  response: z.discriminatedUnion('outcome', [
    z.object({ outcome: z.literal('linked'), childPersonId: z.uuid() }),
    z.object({ outcome: z.literal('routed') }),
  ]),
  successStatus: 201,
});

/**
 * Orosanmälan (14 kap. 1 § SoL) for a child in the household: opens an intake in the children's
 * unit with the child as subject, and the statutory clocks start there.
 */
export const registerChildReport = defineContract({
  method: 'POST',
  path: '/api/cases/:caseId/child-reports',
  params: caseParams,
  body: z.strictObject({
    childPersonId: z.uuid(),
    childrenUnitId: z.uuid({ message: 'Välj enhet för barn och unga.' }),
    content: text(20_000, 'Beskriv oron för barnet.'),
  }),
  response: z.object({ childCaseId: z.uuid() }),
  successStatus: 201,
});

/**
 * One orosanmälan covering several children of the household (siblings): one text, one intake
 * per child in the children's unit, all or nothing.
 */
export const registerChildReports = defineContract({
  method: 'POST',
  path: '/api/cases/:caseId/joint-child-reports',
  params: caseParams,
  body: z.strictObject({
    childPersonIds: z
      .array(z.uuid())
      .min(1, 'Välj minst ett barn.')
      .max(15, 'Högst femton barn i en anmälan.'),
    childrenUnitId: z.uuid({ message: 'Välj enhet för barn och unga.' }),
    content: text(20_000, 'Beskriv oron för barnen.'),
  }),
  response: z.object({ childCaseIds: z.array(z.uuid()) }),
  successStatus: 201,
});

/** The orosanmälan as a document: the children reported together with `childCaseId`. */
export const childReportPdfPath = '/api/cases/:caseId/child-reports/:childCaseId/orosanmalan.pdf';

/** The reason an orosanmälan is not made for a child (e.g. already reported by the police). */
export const waiveChildReport = defineContract({
  method: 'POST',
  path: '/api/cases/:caseId/child-report-waivers',
  params: caseParams,
  body: z.strictObject({
    childPersonId: z.uuid(),
    reason: text(5_000, 'Ange skälet till att orosanmälan inte görs.'),
  }),
  response: z.object({ caseId: z.uuid() }),
  successStatus: 201,
});

export const ChildrenUnit = z.object({ id: z.uuid(), name: z.string() });

/** Units that receive orosanmälningar: any handläggare may address a report to them. */
export const listChildrenUnits = defineContract({
  method: 'GET',
  path: '/api/units/children',
  response: z.object({ items: z.array(ChildrenUnit) }),
});

/** Handlingar som inte föranlett åtgärd: intakes closed without utredning, for the unit to find. */
export const listNoActionRecords = defineContract({
  method: 'GET',
  path: '/api/units/:unitId/no-action-records',
  params: z.strictObject({ unitId: z.uuid() }),
  query: z.strictObject({ limit: page.limit, after: page.after }),
  response: z.object({
    items: z.array(
      z.object({
        caseId: z.uuid(),
        /** Masked, and without its reason, where the reader may not see the person. */
        person: ListedPerson,
        receivedAt: z.iso.datetime(),
        intakeType: IntakeType,
        reason: z.string().nullable(),
        closedAt: z.iso.datetime(),
      }),
    ),
    nextCursor: z.string().nullable(),
  }),
});

/**
 * Closes the case (avslut) with the reason. Refused while a child in the household has an open
 * duty to report, and after closing nothing more is documented on it.
 */
export const closeCase = defineContract({
  method: 'POST',
  path: '/api/cases/:caseId/closure',
  params: caseParams,
  body: z.strictObject({
    reason: text(5_000, 'Ange varför ärendet avslutas.'),
    version: version(),
  }),
  response: stepResult,
  successStatus: 201,
});
