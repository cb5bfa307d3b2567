import { z } from 'zod';

/**
 * Legal references are data. Documents and screens name a concept ("the investigation duty"),
 * and the catalogue in force gives its paragraph. The default is Socialtjänstlagen (2001:453), as
 * the source guidelines cite it; a municipality moving to the numbering of Socialtjänstlagen
 * (2025:400) loads a catalogue with the same concepts and its own references — no code change.
 */
export const legalConcepts = [
  'investigationDuty',
  'preliminaryAssessmentChild',
  'investigationTimeLimitChild',
  'childConcernReport',
  'assistance',
  'shelterForAccompanyingChildren',
  'documentation',
  'appeal',
  'correction',
  'change',
  'communication',
  'decisionWithoutCommunication',
  'secrecyOverridePolice',
  'secrecyNecessaryDisclosure',
  'secrecyViolencePrevention',
  'secrecyOthers',
  'secrecyReporter',
  'secrecyAppeal',
  'caseTransfer',
] as const;
export type LegalConcept = (typeof legalConcepts)[number];

export const LegalCatalogue = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]{3,40}$/),
  /** As shown to users, e.g. "Socialtjänstlagen (2001:453)". */
  name: z.string().min(3).max(200),
  references: z.strictObject(
    Object.fromEntries(legalConcepts.map((c) => [c, z.string().min(2).max(100)])) as Record<
      LegalConcept,
      z.ZodString
    >,
  ),
});
export type LegalCatalogue = z.infer<typeof LegalCatalogue>;

export const sol2001Catalogue: LegalCatalogue = {
  id: 'sol-2001-453',
  name: 'Socialtjänstlagen (2001:453)',
  references: {
    investigationDuty: '11 kap. 1 § SoL',
    preliminaryAssessmentChild: '11 kap. 1 a § SoL',
    investigationTimeLimitChild: '11 kap. 2 § SoL',
    childConcernReport: '14 kap. 1 § SoL',
    assistance: '4 kap. 1 § SoL',
    shelterForAccompanyingChildren: '4 kap. 2 c § SoL',
    documentation: '11 kap. 5 § SoL',
    appeal: '16 kap. 3 § SoL',
    correction: '36 § förvaltningslagen (2017:900)',
    change: '37–39 §§ förvaltningslagen (2017:900)',
    communication: '25 § förvaltningslagen (2017:900)',
    // The exception for a decision that cannot be put off: the ground an acute beslut records.
    decisionWithoutCommunication: '25 § andra stycket 4 förvaltningslagen (2017:900)',
    secrecyOverridePolice: '10 kap. 23 § offentlighets- och sekretesslagen (2009:400)',
    // The grounds a disclosure may rest on besides consent (core/domain/consents.ts).
    secrecyNecessaryDisclosure: '10 kap. 2 § offentlighets- och sekretesslagen (2009:400)',
    secrecyViolencePrevention: '10 kap. 18 c § offentlighets- och sekretesslagen (2009:400)',
    // What a person's own extract masks, and how a masking is appealed (file-extracts.ts).
    secrecyOthers: '26 kap. 1 § offentlighets- och sekretesslagen (2009:400)',
    secrecyReporter: '26 kap. 5 § offentlighets- och sekretesslagen (2009:400)',
    secrecyAppeal: '6 kap. 7 § offentlighets- och sekretesslagen (2009:400)',
    caseTransfer: '2 a kap. 10 § SoL',
  },
};

/** The paragraph for a concept in the catalogue in force. */
export function legalReference(catalogue: LegalCatalogue, concept: LegalConcept): string {
  return catalogue.references[concept];
}
