import { z } from 'zod';
import { agencyKinds, crimeReportDecisions, disclosureWays } from '../domain/agency-disclosures.ts';
import { informationCategories, legalBases } from '../domain/consents.ts';
import { defineContract } from './contract.ts';
import { DisclosureGround } from './consents.ts';
import { isoDate } from './input.ts';

/**
 * What a case told the police and other agencies (core/domain/agency-disclosures.ts): each
 * disclosure with what was told, to whom, how, on which ground and who decided; our risk
 * assessment shared on the same grounds; and the adult's own decision about reporting the
 * violence, as it stands and as it was.
 */

const caseParams = z.strictObject({ caseId: z.uuid() });
const Author = z.object({ id: z.uuid(), displayName: z.string() });
const text = (message: string, max: number) =>
  z.string().trim().min(1, message).max(max, `Skriv högst ${max} tecken.`);

export const AgencyDisclosure = z.object({
  id: z.uuid(),
  agency: z.object({ kind: z.enum(agencyKinds), name: z.string() }),
  /** Who at the agency took it: a name, a role, a reference. */
  receivedBy: z.string().nullable(),
  disclosedOn: z.iso.date(),
  way: z.enum(disclosureWays),
  categories: z.array(z.enum(informationCategories)),
  /** What was told, in the handläggare's words. */
  what: z.string(),
  /** Our risk assessment shared with it, if one was. */
  riskAssessment: z
    .object({ id: z.uuid(), assessedOn: z.iso.date(), method: z.string() })
    .nullable(),
  ground: z.object({
    /** The consent it rests on, or null when it rests on a legal basis. */
    consentId: z.uuid().nullable(),
    legalBasis: z.enum(legalBases).nullable(),
    legalReference: z.string().nullable(),
    secrecyTest: z.string().nullable(),
  }),
  decidedBy: Author,
  decidedAt: z.iso.datetime(),
});
export type AgencyDisclosure = z.infer<typeof AgencyDisclosure>;

export const CrimeReportDecisionView = z.object({
  id: z.uuid(),
  decision: z.enum(crimeReportDecisions),
  decidedOn: z.iso.date(),
  note: z.string().nullable(),
  recordedBy: Author,
  recordedAt: z.iso.datetime(),
});
export type CrimeReportDecisionView = z.infer<typeof CrimeReportDecisionView>;

export const CaseAgencyDisclosures = z.object({
  /** Whether the reader may record (works the open case). */
  canWrite: z.boolean(),
  /** Newest first. */
  disclosures: z.array(AgencyDisclosure),
  /** Her decisions about reporting, newest first: the first is where she stands. */
  crimeReport: z.array(CrimeReportDecisionView),
  /**
   * The case's structured and own-view risk assessments that may be shared, newest first; null
   * when the reader may not record.
   */
  riskAssessments: z
    .array(z.object({ id: z.uuid(), assessedOn: z.iso.date(), method: z.string() }))
    .nullable(),
  /** The legal bases a disclosure to an agency may rest on, as the catalogue in force cites them. */
  legalBases: z.array(z.object({ basis: z.enum(legalBases), reference: z.string() })),
});
export type CaseAgencyDisclosures = z.infer<typeof CaseAgencyDisclosures>;

export const listAgencyDisclosures = defineContract({
  method: 'GET',
  path: '/api/cases/:caseId/agency-disclosures',
  params: caseParams,
  response: CaseAgencyDisclosures,
});

export const recordAgencyDisclosure = defineContract({
  method: 'POST',
  path: '/api/cases/:caseId/agency-disclosures',
  params: caseParams,
  body: z.strictObject({
    agency: z.strictObject({
      kind: z.enum(agencyKinds, { message: 'Välj vilken myndighet uppgifterna lämnades till.' }),
      name: text('Ange myndighetens namn, till exempel Polisen region Stockholm.', 300),
    }),
    receivedBy: z.string().trim().max(300, 'Skriv högst 300 tecken.').nullable(),
    disclosedOn: isoDate('Ange när uppgifterna lämnades (ÅÅÅÅ-MM-DD).'),
    way: z.enum(disclosureWays, { message: 'Ange hur uppgifterna lämnades.' }),
    categories: z
      .array(z.enum(informationCategories))
      .min(1, 'Välj vilka uppgifter som lämnades.')
      .max(informationCategories.length),
    what: text('Beskriv vad som lämnades ut.', 5_000),
    riskAssessmentId: z.uuid({ message: 'Välj riskbedömningen i listan.' }).nullable(),
    ground: DisclosureGround,
  }),
  response: z.object({ id: z.uuid() }),
  successStatus: 201,
});

export const recordCrimeReportDecision = defineContract({
  method: 'POST',
  path: '/api/cases/:caseId/crime-report-decisions',
  params: caseParams,
  body: z.strictObject({
    decision: z.enum(crimeReportDecisions, { message: 'Ange vad personen har bestämt.' }),
    decidedOn: isoDate('Ange när personen sa det (ÅÅÅÅ-MM-DD).'),
    note: z.string().trim().max(2_000, 'Skriv högst 2000 tecken.').nullable(),
  }),
  response: z.object({ id: z.uuid() }),
  successStatus: 201,
});
