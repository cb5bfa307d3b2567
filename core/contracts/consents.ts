import { z } from 'zod';
import {
  disclosurePurposes,
  informationCategories,
  legalBases,
  recipientKinds,
} from '../domain/consents.ts';
import { consentWays } from '../domain/commissions.ts';
import { CONSENT_DOCUMENT_MAX_BYTES, consentDocumentTypes } from '../domain/consent-documents.ts';

export { CONSENT_DOCUMENT_MAX_BYTES };
import { defineContract } from './contract.ts';
import { isoDate } from './input.ts';

/**
 * The consent register of a case (core/domain/consents.ts): the person's consents — what, to
 * whom, for what, from when until when, how — their revocation, and every disclosure made in the
 * case with its ground. A disclosure anywhere in Värn names its ground with `DisclosureGround`.
 */

const caseParams = z.strictObject({ caseId: z.uuid() });
const Author = z.object({ id: z.uuid(), displayName: z.string() });
const text = (message: string, max: number) =>
  z.string().trim().min(1, message).max(max, `Skriv högst ${max} tecken.`);

export const Recipient = z.object({
  kind: z.enum(recipientKinds),
  /** The unit's or provider's id; null for an agency or a named person. */
  id: z.uuid().nullable(),
  name: z.string(),
});

export const ConsentStatus = z.enum(['valid', 'expiring', 'expired', 'revoked']);
export type ConsentStatus = z.infer<typeof ConsentStatus>;

/** A document attached to a consent: the signed form, as a file kept in Värn. */
export const ConsentDocument = z.object({
  id: z.uuid(),
  /** The name the file had on the handläggare's computer, shown in the register only. */
  filename: z.string(),
  mediaType: z.enum(consentDocumentTypes),
  sizeBytes: z.number().int(),
  attachedBy: Author,
  attachedAt: z.iso.datetime(),
});
export type ConsentDocument = z.infer<typeof ConsentDocument>;

export const Consent = z.object({
  id: z.uuid(),
  categories: z.array(z.enum(informationCategories)),
  purposes: z.array(z.enum(disclosurePurposes)),
  purposeText: z.string(),
  recipient: Recipient,
  givenOn: z.iso.date(),
  validUntil: z.iso.date(),
  way: z.enum(consentWays),
  documentReference: z.string().nullable(),
  /** Oldest first: a later one is a better scan or a page that was missing. */
  documents: z.array(ConsentDocument),
  status: ConsentStatus,
  recordedBy: Author,
  recordedAt: z.iso.datetime(),
  revocation: z
    .object({
      revokedOn: z.iso.date(),
      how: z.string(),
      recordedBy: Author,
      recordedAt: z.iso.datetime(),
    })
    .nullable(),
});
export type Consent = z.infer<typeof Consent>;

/** A disclosure made in the case: what, to whom, on which ground, who decided. */
export const Disclosure = z.object({
  id: z.uuid(),
  purpose: z.enum(disclosurePurposes),
  categories: z.array(z.enum(informationCategories)),
  recipient: Recipient,
  /** The consent it rests on, or null when it rests on a legal basis. */
  consentId: z.uuid().nullable(),
  legalReference: z.string().nullable(),
  secrecyTest: z.string().nullable(),
  decidedBy: Author,
  decidedAt: z.iso.datetime(),
});
export type Disclosure = z.infer<typeof Disclosure>;

export const CaseConsents = z.object({
  /** Newest first. */
  consents: z.array(Consent),
  /** Newest first. */
  disclosures: z.array(Disclosure),
  /** What a consent may name as recipient within Värn; null when the reader may not record. */
  options: z
    .object({
      units: z.array(z.object({ id: z.uuid(), name: z.string() })),
      providers: z.array(z.object({ id: z.uuid(), name: z.string() })),
    })
    .nullable(),
});
export type CaseConsents = z.infer<typeof CaseConsents>;

export const listConsents = defineContract({
  method: 'GET',
  path: '/api/cases/:caseId/consents',
  params: caseParams,
  response: CaseConsents,
});

const RecipientIn = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('unit'), unitId: z.uuid({ message: 'Välj enhet.' }) }),
    z.strictObject({
      kind: z.literal('provider'),
      providerId: z.uuid({ message: 'Välj utförare.' }),
    }),
    z.strictObject({
      kind: z.enum(['agency', 'person']),
      name: text('Ange mottagarens namn.', 300),
    }),
  ],
  { error: 'Ange vem uppgifterna får lämnas till.' },
);

/**
 * A file sent in a JSON body, its bytes in base64: the contract validates it like any field. Its
 * kind is decided by the server from its first bytes, never by its name.
 */
export const ConsentDocumentIn = z.strictObject({
  filename: z
    .string()
    .trim()
    .min(1, 'Ange filens namn.')
    .max(200, 'Filens namn får vara högst 200 tecken.')
    .refine((n) => !/[\\/\p{Cc}]/u.test(n), 'Filens namn får inte innehålla / eller \\.'),
  content: z
    .base64({ message: 'Filen kunde inte läsas. Välj den igen.' })
    .min(1, 'Filen är tom.')
    .max(Math.ceil(CONSENT_DOCUMENT_MAX_BYTES / 3) * 4, 'Filen får vara högst 4 MB.'),
});

/** The body of a route that carries a document: the file, its base64 and a little more. */
export const CONSENT_DOCUMENT_BODY_LIMIT =
  Math.ceil(CONSENT_DOCUMENT_MAX_BYTES / 3) * 4 + 64 * 1024;

export const recordConsent = defineContract({
  method: 'POST',
  path: '/api/cases/:caseId/consents',
  params: caseParams,
  body: z.strictObject({
    categories: z
      .array(z.enum(informationCategories))
      .min(1, 'Välj vilka uppgifter samtycket gäller.')
      .max(informationCategories.length),
    purposes: z
      .array(z.enum(disclosurePurposes))
      .min(1, 'Välj vad samtycket gäller.')
      .max(disclosurePurposes.length),
    purposeText: text('Beskriv syftet med samtycket.', 2_000),
    recipient: RecipientIn,
    givenOn: isoDate('Ange när samtycket lämnades (ÅÅÅÅ-MM-DD).'),
    validUntil: isoDate('Ange till och med vilket datum samtycket gäller (ÅÅÅÅ-MM-DD).'),
    way: z.enum(consentWays, { message: 'Ange hur samtycket lämnades.' }),
    /** Where the signed consent is kept; a written one has this, a document, or both. */
    documentReference: z.string().trim().max(500, 'Skriv högst 500 tecken.').nullable(),
    /** The signed consent itself, for a written one. */
    document: ConsentDocumentIn.optional(),
  }),
  response: z.object({ id: z.uuid() }),
  successStatus: 201,
  bodyLimit: CONSENT_DOCUMENT_BODY_LIMIT,
});

/** A document attached to a written consent already in the register (the signed form came later). */
export const attachConsentDocument = defineContract({
  method: 'POST',
  path: '/api/cases/:caseId/consents/:consentId/documents',
  params: z.strictObject({ caseId: z.uuid(), consentId: z.uuid() }),
  body: ConsentDocumentIn,
  response: z.object({ id: z.uuid() }),
  successStatus: 201,
  bodyLimit: CONSENT_DOCUMENT_BODY_LIMIT,
});

/** The attached file itself, as it was attached (a GET answered with the file, not JSON). */
export const consentDocumentPath = '/api/cases/:caseId/consents/:consentId/documents/:documentId';

export const revokeConsent = defineContract({
  method: 'POST',
  path: '/api/cases/:caseId/consents/:consentId/revocation',
  params: z.strictObject({ caseId: z.uuid(), consentId: z.uuid() }),
  body: z.strictObject({
    revokedOn: isoDate('Ange när samtycket återkallades (ÅÅÅÅ-MM-DD).'),
    how: text('Beskriv hur personen återkallade samtycket.', 2_000),
  }),
  response: z.object({ id: z.uuid() }),
  successStatus: 201,
});

/**
 * The ground a disclosure names: a consent in the case's register, or a legal basis from the
 * catalogue with the secrecy test written down (core/domain/consents.ts decides if it covers).
 */
export const DisclosureGround = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({
      kind: z.literal('consent'),
      consentId: z.uuid({ message: 'Välj samtycket som uppgifterna lämnas ut med stöd av.' }),
    }),
    z.strictObject({
      kind: z.literal('legal'),
      basis: z.enum(legalBases, { message: 'Välj lagstöd.' }),
      secrecyTest: text('Skriv sekretessprövningen.', 5_000),
    }),
  ],
  { error: 'Ange samtycke eller lagstöd för att lämna ut uppgifterna.' },
);
export type DisclosureGround = z.infer<typeof DisclosureGround>;
