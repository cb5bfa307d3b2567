import { z } from 'zod';
import { InstrumentDefinition, riskLevels, violenceForms } from '../domain/instruments.ts';
import { safetyPlanStatuses } from '../domain/safety-plan.ts';
import { defineContract } from './contract.ts';
import { draftContracts } from './drafts.ts';
import { baseVersion, int32FromString, isoDate, version } from './input.ts';
import { PersonSummary } from './persons.ts';

/**
 * Risk assessment and safety planning on a case. Instruments are versioned definitions loaded by
 * an administrator; an assessment always names the version it used. The safety plan belongs to a
 * person and is versioned like everything documented.
 */

const caseParams = z.strictObject({ caseId: z.uuid() });
export const RiskLevel = z.enum(riskLevels);

export const InstrumentSummary = z.object({
  id: z.string(),
  version: z.number().int(),
  name: z.string(),
  method: InstrumentDefinition.shape.method,
  example: z.boolean(),
  retired: z.boolean(),
  importedAt: z.iso.datetime(),
});

/** The instruments in use, with their full definitions, for filling in an assessment. */
export const listInstruments = defineContract({
  method: 'GET',
  path: '/api/instruments',
  response: z.object({ items: z.array(InstrumentDefinition) }),
});

/** Every loaded version, in use or retired (administration). */
export const listInstrumentVersions = defineContract({
  method: 'GET',
  path: '/api/admin/instruments',
  response: z.object({ items: z.array(InstrumentSummary) }),
});

/** Load an instrument version; a malformed definition is refused with the path of each error. */
export const importInstrument = defineContract({
  method: 'POST',
  path: '/api/admin/instruments',
  body: InstrumentDefinition,
  response: InstrumentSummary,
  successStatus: 201,
});

/** Retire a version: no new assessments with it; earlier ones keep showing it. */
export const retireInstrument = defineContract({
  method: 'POST',
  path: '/api/admin/instruments/:instrumentId/versions/:version/retirement',
  params: z.strictObject({
    instrumentId: z.string().regex(/^[a-z0-9-]{3,60}$/),
    version: int32FromString({ min: 1 }),
  }),
  response: InstrumentSummary,
});

const Answer = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('yes_no_unknown'), value: z.enum(['yes', 'no', 'unknown']) }),
  z.strictObject({ kind: z.literal('ordinal'), value: z.number().int().min(0).max(100) }),
  z.strictObject({ kind: z.literal('text'), value: z.string().trim().max(5_000) }),
  z.strictObject({
    kind: z.literal('violence_calendar'),
    incidents: z
      .array(
        z.strictObject({
          on: isoDate(),
          form: z.enum(violenceForms),
          description: z.string().trim().min(1, 'Beskriv händelsen.').max(2_000),
        }),
      )
      .max(200),
  }),
]);

const Author = z.object({ id: z.uuid(), displayName: z.string() });

export const Assessment = z.object({
  id: z.uuid(),
  person: PersonSummary,
  /** 'own_view': the person's own view of the danger, the first assessment after an acute beslut. */
  kind: z.enum(['structured', 'police', 'own_view']),
  instrument: z
    .object({ id: z.string(), version: z.number().int(), name: z.string(), example: z.boolean() })
    .nullable(),
  method: z.string(),
  answers: z.record(z.string(), Answer),
  score: z.number().int().nullable(),
  level: RiskLevel.nullable(),
  scenarioRatings: z
    .array(
      z.object({
        scenario: z.string(),
        /** The scenario's title in the instrument version used. */
        title: z.string(),
        level: RiskLevel,
        motivation: z.string(),
      }),
    )
    .nullable(),
  motivation: z.string(),
  policeReference: z.string().nullable(),
  consentReference: z.string().nullable(),
  assessedOn: z.iso.date(),
  recordedBy: Author,
  recordedAt: z.iso.datetime(),
});
export type Assessment = z.infer<typeof Assessment>;

export const Prompt = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('interval'), since: z.iso.date(), days: z.number().int() }),
  z.object({ kind: z.literal('new_incident'), on: z.iso.date() }),
  z.object({ kind: z.literal('high_without_safety_plan') }),
  /** Only the person's own view of the danger so far: complete it with a structured assessment. */
  z.object({ kind: z.literal('own_view_only') }),
]);

/** The risk picture of a case: assessments over time per person, prompts, incidents. */
export const CaseRisk = z.object({
  caseId: z.uuid(),
  /** The intake's screening of acute need, the first judgement of the danger. */
  acuteScreening: z
    .object({ acuteNeed: z.enum(['yes', 'no', 'unclear']), motivation: z.string() })
    .nullable(),
  /** The case's person and the children of the household: who can be assessed here. */
  persons: z.array(
    PersonSummary.extend({
      currentLevel: RiskLevel.nullable(),
      hasSafetyPlan: z.boolean(),
    }),
  ),
  assessments: z.array(Assessment),
  incidents: z.array(
    z.object({
      id: z.uuid(),
      occurredOn: z.iso.date(),
      description: z.string(),
      recordedBy: Author,
    }),
  ),
  prompts: z.array(Prompt),
  abilities: z.object({ assess: z.boolean() }),
});
export type CaseRisk = z.infer<typeof CaseRisk>;

export const getCaseRisk = defineContract({
  method: 'GET',
  path: '/api/cases/:caseId/risk',
  params: caseParams,
  response: CaseRisk,
});

/** A structured assessment: the server computes score and level from the definition. */
export const recordAssessment = defineContract({
  method: 'POST',
  path: '/api/cases/:caseId/risk-assessments',
  params: caseParams,
  body: z.strictObject({
    personId: z.uuid(),
    instrument: z.strictObject({ id: z.string().max(60), version: version() }),
    answers: z.record(z.string().max(60), Answer),
    /** Structured professional judgement: a level and a motivation per scenario. */
    scenarioRatings: z
      .array(
        z.strictObject({
          scenario: z.string().max(60),
          level: RiskLevel,
          motivation: z.string().trim().min(1, 'Motivera bedömningen av scenariot.').max(5_000),
        }),
      )
      .max(10)
      .nullable(),
    motivation: z.string().trim().min(1, 'Motivera bedömningen.').max(20_000),
    assessedOn: isoDate(),
  }),
  response: z.object({ id: z.uuid(), level: RiskLevel.nullable(), score: z.number().nullable() }),
  successStatus: 201,
});

/** The police's risk assessment, recorded with a reference to the victim's consent. */
export const recordPoliceAssessment = defineContract({
  method: 'POST',
  path: '/api/cases/:caseId/police-risk-assessments',
  params: caseParams,
  body: z.strictObject({
    personId: z.uuid(),
    level: RiskLevel,
    summary: z.string().trim().min(1, 'Sammanfatta polisens bedömning.').max(20_000),
    policeReference: z.string().trim().min(1, 'Ange polisens diarienummer.').max(100),
    consentReference: z
      .string()
      .trim()
      .min(1, 'Ange var samtycket finns dokumenterat (t.ex. journalanteckning och datum).')
      .max(500),
    assessedOn: isoDate(),
  }),
  response: z.object({ id: z.uuid() }),
  successStatus: 201,
});

/** New violence, a threat or a police report: a reason to assess again. */
export const recordIncident = defineContract({
  method: 'POST',
  path: '/api/cases/:caseId/incidents',
  params: caseParams,
  body: z.strictObject({
    occurredOn: isoDate(),
    description: z.string().trim().min(1, 'Beskriv händelsen.').max(5_000),
  }),
  response: z.object({ id: z.uuid() }),
  successStatus: 201,
});

const planParams = z.strictObject({ caseId: z.uuid(), personId: z.uuid() });

export const SafetyPlanItem = z.strictObject({
  key: z.string().max(60),
  status: z.enum(safetyPlanStatuses),
  note: z.string().trim().max(5_000),
});

export const SafetyPlan = z.object({
  person: PersonSummary,
  /** 0 while there is no plan; send it back when saving. */
  version: z.number().int(),
  items: z.array(SafetyPlanItem),
  reviewOn: z.iso.date().nullable(),
  recordedBy: Author.nullable(),
  recordedAt: z.iso.datetime().nullable(),
  history: z.array(
    z.object({ version: z.number().int(), recordedBy: Author, recordedAt: z.iso.datetime() }),
  ),
  abilities: z.object({ write: z.boolean() }),
});
export type SafetyPlan = z.infer<typeof SafetyPlan>;

export const getSafetyPlan = defineContract({
  method: 'GET',
  path: '/api/cases/:caseId/safety-plans/:personId',
  params: planParams,
  response: SafetyPlan,
});

export const saveSafetyPlan = defineContract({
  method: 'PUT',
  path: '/api/cases/:caseId/safety-plans/:personId',
  params: planParams,
  body: z.strictObject({
    version: baseVersion(),
    items: z.array(SafetyPlanItem).max(50),
    reviewOn: isoDate().nullable(),
  }),
  response: z.object({ version: z.number().int() }),
});

/**
 * The plan being written: what the form holds, the follow-up date as typed, and the version it
 * started from (older than the plan's when someone else saved in between).
 */
export const SafetyPlanDraft = z.object({
  version: baseVersion(),
  items: z
    .array(
      z.object({
        key: z.string().max(60),
        status: z.enum(safetyPlanStatuses),
        note: z.string().max(5_000),
      }),
    )
    .max(50),
  reviewOn: z.string().max(10),
});
export type SafetyPlanDraft = z.infer<typeof SafetyPlanDraft>;
const planDraft = draftContracts(
  '/api/cases/:caseId/safety-plans/:personId/draft',
  planParams,
  SafetyPlanDraft,
);
export const saveSafetyPlanDraft = planDraft.save;
export const getSafetyPlanDraft = planDraft.get;
export const discardSafetyPlanDraft = planDraft.discard;

/** The plan as PDF: never prints protected-identity fields. */
export const safetyPlanPdfPath = '/api/cases/:caseId/safety-plans/:personId/safety-plan.pdf';
