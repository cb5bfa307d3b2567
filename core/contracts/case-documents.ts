import { z } from 'zod';
import { interventions } from '../domain/decisions.ts';
import { InterventionCatalogue } from '../domain/intervention-catalogue.ts';
import { schoolArrangements } from '../domain/accompanying-children.ts';
import { defineContract } from './contract.ts';
import { draftContracts } from './drafts.ts';
import { baseVersion, isoDate, pageQuery, version } from './input.ts';

/**
 * What is written on a case: journal entries, the utredning, kommunicering and beslut. Nothing
 * documented is edited away — a correction is a new version, and the original stays readable.
 * Every change names the version it started from, so a concurrent change answers 409.
 */

const caseParams = z.strictObject({ caseId: z.uuid() });

export const SourceKind = z.enum(['person', 'other_person', 'agency', 'own_observation']);

/** Where a statement comes from. Another person or an agency must be named. */
export const Source = z
  .strictObject({
    kind: SourceKind,
    detail: z.string().trim().max(200).nullable(),
  })
  .refine((s) => (s.kind !== 'other_person' && s.kind !== 'agency') || !!s.detail, {
    message: 'Ange vem uppgiften kommer från.',
    path: ['detail'],
  });
export type Source = z.infer<typeof Source>;

const Author = z.object({ id: z.uuid(), displayName: z.string() });

// ---- Journal ---------------------------------------------------------------------------------

export const JournalEntry = z.object({
  id: z.uuid(),
  /** The current version's number; send it back to correct the entry. */
  version: z.number().int(),
  occurredOn: z.iso.date(),
  text: z.string(),
  source: z.object({ kind: SourceKind, detail: z.string().nullable() }),
  author: Author,
  createdAt: z.iso.datetime(),
  /** Who made the current version and when; differs from the author after a correction. */
  changedBy: Author,
  changedAt: z.iso.datetime(),
});
export type JournalEntry = z.infer<typeof JournalEntry>;

export const listJournal = defineContract({
  method: 'GET',
  path: '/api/cases/:caseId/journal',
  params: caseParams,
  query: z.strictObject(pageQuery()),
  response: z.object({ items: z.array(JournalEntry), nextCursor: z.string().nullable() }),
});

const journalFields = {
  occurredOn: isoDate(),
  text: z.string().trim().min(1, 'Skriv anteckningen.').max(20_000),
  source: Source,
};

/** A new journal entry; the writer's autosaved draft for the case goes with it. */
export const createJournalEntry = defineContract({
  method: 'POST',
  path: '/api/cases/:caseId/journal',
  params: caseParams,
  body: z.strictObject(journalFields),
  response: z.object({ id: z.uuid(), version: z.number().int() }),
  successStatus: 201,
});

/** A correction: a new version with the reason; the earlier text stays in the history. */
export const correctJournalEntry = defineContract({
  method: 'POST',
  path: '/api/journal/:entryId/versions',
  params: z.strictObject({ entryId: z.uuid() }),
  body: z.strictObject({
    ...journalFields,
    reason: z.string().trim().min(1, 'Ange varför anteckningen rättas.').max(2_000),
    version: version(),
  }),
  response: z.object({ id: z.uuid(), version: z.number().int() }),
  successStatus: 201,
});

export const JournalVersion = z.object({
  version: z.number().int(),
  occurredOn: z.iso.date(),
  text: z.string(),
  source: z.object({ kind: SourceKind, detail: z.string().nullable() }),
  recordedBy: Author,
  recordedAt: z.iso.datetime(),
  correctionReason: z.string().nullable(),
});

export const getJournalHistory = defineContract({
  method: 'GET',
  path: '/api/journal/:entryId/versions',
  params: z.strictObject({ entryId: z.uuid() }),
  response: z.object({ entryId: z.uuid(), versions: z.array(JournalVersion) }),
});

export const JournalDraft = z.object({
  occurredOn: z.string().max(10),
  text: z.string().max(20_000),
  source: z.object({ kind: SourceKind, detail: z.string().max(200).nullable() }),
});

const journalDraft = draftContracts('/api/cases/:caseId/journal-draft', caseParams, JournalDraft);
/** Autosave: the writer's unsaved entry for the case, kept until it is saved or discarded. */
export const saveJournalDraft = journalDraft.save;
export const getJournalDraft = journalDraft.get;
export const discardJournalDraft = journalDraft.discard;

/** A correction being written: the new text and the reason, and the version it started from. */
export const CorrectionDraft = z.object({
  version: version(),
  occurredOn: z.string().max(10),
  text: z.string().max(20_000),
  source: z.object({ kind: SourceKind, detail: z.string().max(200).nullable() }),
  reason: z.string().max(2_000),
});
export type CorrectionDraft = z.infer<typeof CorrectionDraft>;
const correctionDraft = draftContracts(
  '/api/journal/:entryId/draft',
  z.strictObject({ entryId: z.uuid() }),
  CorrectionDraft,
);
export const saveCorrectionDraft = correctionDraft.save;
export const getCorrectionDraft = correctionDraft.get;
export const discardCorrectionDraft = correctionDraft.discard;

// ---- Utredning -------------------------------------------------------------------------------

export const Statement = z.strictObject({
  text: z.string().trim().min(1, 'Skriv uppgiften eller ta bort raden.').max(20_000),
  source: Source,
});

export const InvestigationSection = z.object({
  key: z.string(),
  heading: z.string(),
  level: z.union([z.literal(1), z.literal(2)]),
  /** A main heading that only groups those under it: no text of its own. */
  groupOnly: z.boolean(),
  guidance: z.string().nullable(),
  /** 0 while nothing is written; send it back when saving the section. */
  version: z.number().int(),
  statements: z.array(
    z.object({
      text: z.string(),
      source: z.object({ kind: SourceKind, detail: z.string().nullable() }),
    }),
  ),
  recordedBy: z.string().nullable(),
  recordedAt: z.iso.datetime().nullable(),
});
export type InvestigationSection = z.infer<typeof InvestigationSection>;

export const Investigation = z.object({
  caseId: z.uuid(),
  template: z.enum(['victim', 'perpetrator']),
  title: z.string(),
  /** "Utredning enligt 11 kap. 1 § SoL", from the legal catalogue in force. */
  legalTitle: z.string(),
  openedAt: z.iso.datetime(),
  sections: z.array(InvestigationSection),
  /** The content HSLF-FS 2022:39 asks for, and whether the written sections cover it. */
  coverage: z.array(z.object({ key: z.string(), label: z.string(), covered: z.boolean() })),
  abilities: z.object({ write: z.boolean() }),
});
export type Investigation = z.infer<typeof Investigation>;

export const getInvestigation = defineContract({
  method: 'GET',
  path: '/api/cases/:caseId/investigation',
  params: caseParams,
  response: Investigation,
});

const sectionParams = z.strictObject({
  caseId: z.uuid(),
  section: z.string().regex(/^[a-z_]{2,60}$/),
});

export const saveInvestigationSection = defineContract({
  method: 'PUT',
  path: '/api/cases/:caseId/investigation/sections/:section',
  params: sectionParams,
  body: z.strictObject({
    /** The version the writer started from (0 for a section not yet written). */
    version: baseVersion(),
    statements: z.array(Statement).max(200),
  }),
  response: z.object({ section: z.string(), version: z.number().int() }),
});

/**
 * A section being written. `version` is the one the writer started from: when it is older than
 * the section's, someone else saved in between, and both texts are shown side by side.
 */
export const SectionDraft = z.object({
  version: baseVersion(),
  statements: z
    .array(
      z.object({
        text: z.string().max(20_000),
        source: z.object({ kind: SourceKind, detail: z.string().max(200).nullable() }),
      }),
    )
    .max(200),
});
export type SectionDraft = z.infer<typeof SectionDraft>;
const sectionDraft = draftContracts(
  '/api/cases/:caseId/investigation/sections/:section/draft',
  sectionParams,
  SectionDraft,
);
export const saveSectionDraft = sectionDraft.save;
export const getSectionDraft = sectionDraft.get;
export const discardSectionDraft = sectionDraft.discard;

/** The writer's drafts of every section at once: the utredning opens with one request. */
export const listSectionDrafts = defineContract({
  method: 'GET',
  path: '/api/cases/:caseId/investigation/drafts',
  params: caseParams,
  response: z.object({
    items: z.array(
      z.object({ section: z.string(), draft: SectionDraft, savedAt: z.iso.datetime() }),
    ),
  }),
});

// ---- Kommunicering and beslut ----------------------------------------------------------------

/** Kommunicering: what was communicated, when, and how — by a safe channel or at a meeting. */
export const recordCommunication = defineContract({
  method: 'POST',
  path: '/api/cases/:caseId/communications',
  params: caseParams,
  body: z.strictObject({
    what: z.string().trim().min(1, 'Beskriv vad som kommunicerades.').max(5_000),
    communicatedOn: isoDate(),
    method: z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('meeting') }),
      z.strictObject({ kind: z.literal('channel'), contactChannelId: z.uuid() }),
    ]),
    version: version(),
  }),
  response: z.object({ caseId: z.uuid(), version: z.number().int() }),
  successStatus: 201,
});

export const Intervention = z.enum(interventions);
export const Outcome = z.enum(['granted', 'partly_granted', 'refused']);
export const NotifiedHow = z.enum([
  'in_person',
  'phone',
  'letter',
  'digital_mailbox',
  'interpreter_meeting',
]);

/**
 * The time a beslut grants its insats, fr.o.m.–t.o.m.; t.o.m. null where the insats may run
 * open-ended. Null on an avslag. What else is wrong with it (t.o.m. before fr.o.m., an end the
 * insats needs) core/domain/decisions.ts periodProblems says, on the server and in the form.
 */
export const Period = z.strictObject({
  from: isoDate('Ange från och med vilket datum beslutet gäller (ÅÅÅÅ-MM-DD).'),
  to: isoDate('Ange till och med vilket datum beslutet gäller (ÅÅÅÅ-MM-DD).').nullable(),
});

const notified = z.strictObject({ how: NotifiedHow, on: isoDate() }).nullable();

const shortText = (message: string, max = 2_000) => z.string().trim().min(1, message).max(max);

/**
 * What a beslut records because the rules of its insats require it
 * (core/domain/intervention-rules.ts): the victim's wish to stay in the home and the risk
 * assessment behind a perpetrator's tillfälligt boende, the perpetrator's consent and the
 * contact person of a partnerkontakt, an acute ekonomiskt bistånd without the usual means test.
 * Each part is whole or absent; what is absent that the rules need, the server refuses (409)
 * with a sentence naming it.
 */
export const DecisionConditions = z.strictObject({
  victimWish: z
    .strictObject({
      learntOn: isoDate('Ange när önskan framkom (ÅÅÅÅ-MM-DD).'),
      how: shortText('Skriv hur önskan framkom.'),
    })
    .optional(),
  riskSupport: z
    .strictObject({
      assessmentId: z.uuid('Välj riskbedömningen som beslutet grundas på.'),
      conclusion: shortText(
        'Skriv hur riskbedömningen talar för att den våldsutsatta kan bo kvar.',
        5_000,
      ),
    })
    .optional(),
  /**
   * The perpetrator's consent by its id: one of his consents to this unit for partnerkontakt
   * (core/contracts/partner-contact.ts lists them); the server reads it from his case's register.
   */
  partnerContact: z
    .strictObject({
      consentId: z.uuid('Välj våldsutövarens samtycke.'),
      contactPerson: shortText('Ange den våldsutsattas kontaktperson.', 200),
      perpetratorTherapist: shortText('Ange vem som behandlar våldsutövaren.', 200),
    })
    .optional(),
  meansTestWaived: z
    .strictObject({
      reason: shortText('Skriv varför den sedvanliga prövningen inte görs.', 2_000),
    })
    .optional(),
});
export type DecisionConditions = z.infer<typeof DecisionConditions>;

/**
 * The conditions as a beslut recorded them. A partnerkontakt keeps the consent's id and the day
 * he gave it, filled in by the server from his case's register; a beslut from before the
 * register has only the day.
 */
export const RecordedConditions = DecisionConditions.extend({
  partnerContact: z
    .strictObject({
      consentId: z.uuid().optional(),
      consentOn: z.iso.date(),
      contactPerson: z.string(),
      perpetratorTherapist: z.string(),
    })
    .optional(),
});
export type RecordedConditions = z.infer<typeof RecordedConditions>;

const decisionFields = {
  intervention: Intervention,
  requested: z.string().trim().min(1, 'Ange vad personen har ansökt om.').max(2_000),
  outcome: Outcome,
  motivation: z.string().trim().min(1, 'Motivera beslutet.').max(20_000),
  decidedOn: isoDate(),
  period: Period.nullable(),
  /** How and when the person was told; may be added in a later version. */
  notified,
  conditions: DecisionConditions.optional(),
  /** The place: the provider carrying out a granted insats (core/contracts/providers.ts). */
  providerId: z.uuid().nullable().optional(),
};

export const DecisionVersion = z.object({
  version: z.number().int(),
  kind: z.enum(['original', 'correction', 'change']),
  intervention: Intervention,
  requested: z.string(),
  outcome: Outcome,
  motivation: z.string(),
  legalBasis: z.string(),
  appealInstructions: z.string().nullable(),
  decidedOn: z.iso.date(),
  decidedBy: z.string(),
  /** Null on an avslag, and on a beslut made before beslut carried periods. */
  period: z.object({ from: z.iso.date(), to: z.iso.date().nullable() }).nullable(),
  notified: z.object({ how: NotifiedHow, on: z.iso.date() }).nullable(),
  /** The provider carrying out the insats, if the beslut names one and the reader may see it. */
  place: z.object({ providerId: z.uuid(), name: z.string() }).nullable(),
  /**
   * A place is named but withheld: a shelter is where a protected person is, so only whoever
   * may read her protected details sees it.
   */
  placeWithheld: z.boolean(),
  changeReason: z.string().nullable(),
  recordedAt: z.iso.datetime(),
  /** What the rules of the insats required, as decided; null when they asked for nothing. */
  conditions: RecordedConditions.nullable(),
});

export const Decision = z.object({
  id: z.uuid(),
  version: z.number().int(),
  /**
   * An acute beslut, taken before kommunicering: the ground (the paragraph in force then, and
   * why it could not wait) and the person's own view of the danger it recorded as the first
   * risk assessment.
   */
  acute: z
    .object({
      groundReference: z.string(),
      groundReason: z.string(),
      ownViewAssessmentId: z.uuid(),
    })
    .nullable(),
  current: DecisionVersion,
  /** Every version, oldest first: the original stays visible after a rättelse or ändring. */
  history: z.array(DecisionVersion),
});
export type Decision = z.infer<typeof Decision>;

export const listDecisions = defineContract({
  method: 'GET',
  path: '/api/cases/:caseId/decisions',
  params: caseParams,
  response: z.object({ items: z.array(Decision) }),
});

/** A beslut on one requested insats, by someone with delegation for it. */
export const recordDecision = defineContract({
  method: 'POST',
  path: '/api/cases/:caseId/decisions',
  params: caseParams,
  body: z.strictObject({ ...decisionFields, version: version() }),
  response: z.object({ id: z.uuid(), version: z.number().int() }),
  successStatus: 201,
});

/**
 * An acute beslut: skyddat boende tonight, or another insats whose need cannot wait
 * (core/domain/decisions.ts interventionRules), decided at once — at intake, in
 * förhandsbedömning or in the utredning before kommunicering — by whoever holds delegation for
 * it, socialjour included. It grants (bifall) for a period with both dates, records the ground
 * for deciding without prior kommunicering (25 § FL, from the legal catalogue, and why it could
 * not wait) and the person's own view of the danger as the case's first risk assessment. The
 * phase stays: the utredning must still be opened, and a deadline says by when.
 */
export const recordAcuteDecision = defineContract({
  method: 'POST',
  path: '/api/cases/:caseId/acute-decisions',
  params: caseParams,
  body: z.strictObject({
    intervention: Intervention,
    requested: z.string().trim().min(1, 'Ange vad personen behöver.').max(2_000),
    motivation: z.string().trim().min(1, 'Motivera beslutet.').max(20_000),
    groundReason: z
      .string()
      .trim()
      .min(1, 'Skriv varför beslutet inte kunde vänta på kommunicering.')
      .max(5_000),
    ownView: z.string().trim().min(1, 'Skriv personens egen bedömning av faran.').max(20_000),
    decidedOn: isoDate(),
    period: z.strictObject({
      from: Period.shape.from,
      to: isoDate('Ange till och med vilket datum beslutet gäller (ÅÅÅÅ-MM-DD).'),
    }),
    notified,
    conditions: DecisionConditions.optional(),
    providerId: decisionFields.providerId,
    version: version(),
  }),
  response: z.object({ id: z.uuid(), version: z.number().int(), assessmentId: z.uuid() }),
  successStatus: 201,
});

/** Rättelse (an obvious error) or ändring of a beslut: a new version with the reason. */
export const reviseDecision = defineContract({
  method: 'POST',
  path: '/api/decisions/:decisionId/versions',
  params: z.strictObject({ decisionId: z.uuid() }),
  body: z.strictObject({
    ...decisionFields,
    kind: z.enum(['correction', 'change']),
    reason: z.string().trim().min(1, 'Ange skälet till rättelsen eller ändringen.').max(2_000),
    version: version(),
  }),
  response: z.object({ id: z.uuid(), version: z.number().int() }),
  successStatus: 201,
});

/**
 * How the school or preschool of a child accompanying the parent into skyddat boende was solved
 * (core/domain/accompanying-children.ts): on the parent's case, for a child of the household
 * whose duty is open there.
 */
export const recordSchoolArrangement = defineContract({
  method: 'POST',
  path: '/api/cases/:caseId/school-arrangements',
  params: caseParams,
  body: z.strictObject({
    childPersonId: z.uuid(),
    arrangement: z.enum(schoolArrangements),
    note: shortText('Beskriv hur skolgången är löst.', 5_000),
    arrangedOn: isoDate(),
  }),
  response: z.object({ id: z.uuid() }),
  successStatus: 201,
});

/**
 * The insatser catalogue in force, for the decision forms: each insats's name, target groups,
 * kind and rules. Not personal data; for those who decide.
 */
export const getInterventionCatalogue = defineContract({
  method: 'GET',
  path: '/api/intervention-catalogue',
  response: InterventionCatalogue,
});

/** Documents as PDF. Not JSON: the server answers application/pdf. */
export const investigationPdfPath = '/api/cases/:caseId/investigation.pdf';
export const decisionPdfPath = '/api/decisions/:decisionId/decision.pdf';
