import { z } from 'zod';
import { defineContract } from './contract.ts';

/**
 * Partnerkontakt (docs/consents.md): the perpetrator's consents that a beslut on partnerkontakt
 * in the victim's case may rest on. His consent is recorded in his case's register, which her
 * handläggare cannot read; she is offered, by id and dates only, his consents to her unit for
 * partnerkontakt that hold today — and only where she may know that his file exists
 * (core/policy/rules/family.ts, relatedFile.know).
 */

const caseParams = z.strictObject({ caseId: z.uuid() });

export const PartnerContactConsent = z.object({
  id: z.uuid(),
  /** The day he gave it, from which it is valid. */
  givenOn: z.iso.date(),
  /** Its last valid day. */
  validUntil: z.iso.date(),
});
export type PartnerContactConsent = z.infer<typeof PartnerContactConsent>;

export const listPartnerContactConsents = defineContract({
  method: 'GET',
  path: '/api/cases/:caseId/partner-contact-consents',
  params: caseParams,
  response: z.object({ items: z.array(PartnerContactConsent) }),
});
