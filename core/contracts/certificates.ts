import { z } from 'zod';
import {
  certificatePurposes,
  certificateSourceKinds,
  reviewOutcomes,
} from '../domain/certificates.ts';
import { defineContract } from './contract.ts';
import { KnownChannel } from './counterparts.ts';
import { version } from './input.ts';

/**
 * Intyg (core/domain/certificates.ts): written in versions, reviewed by someone who wrote none of
 * them, then issued as a PDF and listed in the file for good. Every write names the version it
 * started from, so a concurrent change answers 409; an issued intyg is never changed.
 */

const caseParams = z.strictObject({ caseId: z.uuid() });
const certificateParams = z.strictObject({ caseId: z.uuid(), certificateId: z.uuid() });
const Author = z.object({ id: z.uuid(), displayName: z.string() });
const text = (message: string, max: number) =>
  z.string().trim().min(1, message).max(max, `Skriv högst ${max} tecken.`);

const CertificateSource = z
  .strictObject({
    kind: z.enum(certificateSourceKinds, { message: 'Ange varifrån uppgiften kommer.' }),
    detail: z.string().trim().max(200, 'Skriv högst 200 tecken.').nullable(),
  })
  .refine((s) => s.kind === 'person' || s.kind === 'own_observation' || !!s.detail, {
    message: 'Ange vem eller vad uppgiften kommer från.',
    path: ['detail'],
  });

export const CertificateStatementIn = z.strictObject({
  text: text('Skriv uppgiften eller ta bort raden.', 5_000),
  source: CertificateSource,
  clearance: z
    .string()
    .trim()
    .max(2_000, 'Skriv högst 2000 tecken.')
    .nullable()
    .transform((v) => (v ? v : null)),
});

/** What one version of an intyg says, as the form sends it. */
export const CertificateContentIn = z.strictObject({
  purpose: z.enum(certificatePurposes, { message: 'Välj syftet med intyget.' }),
  purposeText: text('Skriv i vilket syfte intyget skrivs.', 1_000),
  recipient: z.strictObject({
    name: text('Ange vem intyget ska till.', 300),
    /** Where it is sent; null when it is handed to the person herself. */
    channel: KnownChannel.nullable(),
  }),
  certifies: text('Skriv vad som intygas.', 2_000),
  statements: z
    .array(CertificateStatementIn)
    .min(1, 'Skriv minst en uppgift med dess källa.')
    .max(50, 'Ett intyg har högst 50 uppgifter.'),
});
export type CertificateContentIn = z.infer<typeof CertificateContentIn>;

export const CertificateContent = z.object({
  purpose: z.enum(certificatePurposes),
  purposeText: z.string(),
  recipient: z.object({
    name: z.string(),
    channel: z
      .object({ kind: z.enum(['phone', 'email', 'address', 'digital_mailbox']), value: z.string() })
      .nullable(),
  }),
  certifies: z.string(),
  statements: z.array(
    z.object({
      text: z.string(),
      source: z.object({ kind: z.enum(certificateSourceKinds), detail: z.string().nullable() }),
      clearance: z.string().nullable(),
    }),
  ),
});

export const CertificateReviewView = z.object({
  id: z.uuid(),
  version: z.number().int(),
  outcome: z.enum(reviewOutcomes),
  comment: z.string().nullable(),
  reviewedBy: Author,
  reviewedAt: z.iso.datetime(),
});

export const Certificate = z.object({
  id: z.uuid(),
  /** The newest version's number; send it back to revise, review or issue. */
  version: z.number().int(),
  current: CertificateContent,
  writtenBy: Author,
  writtenAt: z.iso.datetime(),
  /** Everyone who wrote a version: none of them may review it. */
  writers: z.array(Author),
  reviews: z.array(CertificateReviewView),
  /** Set once it is issued: the version that left, and who issued it. */
  issued: z
    .object({ version: z.number().int(), issuedBy: Author, issuedAt: z.iso.datetime() })
    .nullable(),
  /**
   * What stands in the way of issuing the newest version, as sentences (the secrecy tests, the
   * disclosure guard, the review); empty when it may be issued. Empty once issued.
   */
  problems: z.array(z.string()),
  /** Whether the reader may review the newest version: wrote none of it, works with the case. */
  mayReview: z.boolean(),
});
export type Certificate = z.infer<typeof Certificate>;

export const listCertificates = defineContract({
  method: 'GET',
  path: '/api/cases/:caseId/certificates',
  params: caseParams,
  response: z.object({
    /** Whether the reader may write and issue (works the open case). */
    canWrite: z.boolean(),
    /** Newest first; issued ones are the file's record of every intyg that left. */
    certificates: z.array(Certificate),
  }),
});

/** A new intyg: its first version, a draft until it is reviewed and issued. */
export const createCertificate = defineContract({
  method: 'POST',
  path: '/api/cases/:caseId/certificates',
  params: caseParams,
  body: CertificateContentIn,
  response: z.object({ id: z.uuid(), version: z.number().int() }),
  successStatus: 201,
});

/** A new version of a draft, from the version seen. */
export const reviseCertificate = defineContract({
  method: 'POST',
  path: '/api/cases/:caseId/certificates/:certificateId/versions',
  params: certificateParams,
  body: CertificateContentIn.extend({ version: version() }),
  response: z.object({ id: z.uuid(), version: z.number().int() }),
  successStatus: 201,
});

/**
 * The review of one version by someone who wrote none: approved, with the three things the
 * sources ask confirmed, or returned with what must change.
 */
export const reviewCertificate = defineContract({
  method: 'POST',
  path: '/api/cases/:caseId/certificates/:certificateId/reviews',
  params: certificateParams,
  body: z
    .strictObject({
      version: version(),
      outcome: z.enum(reviewOutcomes, {
        message: 'Ange om intyget godkänns eller lämnas tillbaka.',
      }),
      comment: z
        .string()
        .trim()
        .max(2_000, 'Skriv högst 2000 tecken.')
        .nullable()
        .transform((v) => (v ? v : null)),
      /** Confirmed by an approving reviewer: what the sources ask of every intyg. */
      confirmed: z.strictObject({
        purposeClear: z.boolean(),
        factsOnly: z.boolean(),
        sourcesShown: z.boolean(),
      }),
    })
    .refine(
      (b) =>
        b.outcome !== 'approved' ||
        (b.confirmed.purposeClear && b.confirmed.factsOnly && b.confirmed.sourcesShown),
      {
        message:
          'Bekräfta att syftet framgår, att intyget bara redovisar fakta och att varje uppgifts källa framgår, eller lämna tillbaka intyget.',
        path: ['confirmed'],
      },
    )
    .refine((b) => b.outcome !== 'returned' || !!b.comment, {
      message: 'Skriv vad som behöver ändras.',
      path: ['comment'],
    }),
  response: z.object({ id: z.uuid() }),
  successStatus: 201,
});

/** Issued: the reviewed version leaves as a PDF and is listed in the file for good. */
export const issueCertificate = defineContract({
  method: 'POST',
  path: '/api/cases/:caseId/certificates/:certificateId/issue',
  params: certificateParams,
  body: z.strictObject({ version: version() }),
  response: z.object({ id: z.uuid(), version: z.number().int() }),
});

/** The issued intyg as a PDF. Not JSON: the server answers application/pdf. */
export const certificatePdfPath = '/api/cases/:caseId/certificates/:certificateId/intyg.pdf';
