import { z } from 'zod';
import { defineContract } from './contract.ts';
import { KnownChannel } from './counterparts.ts';
import { baseVersion, isoDate, version } from './input.ts';

/**
 * A person's own file (core/domain/file-extracts.ts): the request registered, the extract drafted
 * piece by piece with every masking reasoned, approved by the enhetschef, then released once as
 * a PDF with a record of exactly what was given. Every write names the version it started from.
 */

const caseParams = z.strictObject({ caseId: z.uuid() });
const requestParams = z.strictObject({ caseId: z.uuid(), requestId: z.uuid() });
const Author = z.object({ id: z.uuid(), displayName: z.string() });

export const FileRequest = z.object({
  id: z.uuid(),
  requestedOn: z.iso.date(),
  requester: z.object({ kind: z.enum(['person', 'representative']), name: z.string().nullable() }),
  registeredBy: Author,
  /** The newest version of the extract's choices; 0 before the first sekretessprövning. */
  version: z.number().int(),
  /** The versions approved, newest last. */
  approvals: z.array(
    z.object({
      id: z.uuid(),
      version: z.number().int(),
      approvedBy: Author,
      approvedAt: z.iso.datetime(),
    }),
  ),
  release: z
    .object({
      version: z.number().int(),
      pieces: z.number().int(),
      masked: z.number().int(),
      way: z.enum(['handed_over', 'sent']),
      releasedBy: Author,
      releasedAt: z.iso.datetime(),
    })
    .nullable(),
});
export type FileRequest = z.infer<typeof FileRequest>;

export const listFileRequests = defineContract({
  method: 'GET',
  path: '/api/cases/:caseId/file-requests',
  params: caseParams,
  response: z.object({
    /** Whether the reader may register and draft (works the open case). */
    canWrite: z.boolean(),
    /** Newest first. */
    requests: z.array(FileRequest),
  }),
});

export const registerFileRequest = defineContract({
  method: 'POST',
  path: '/api/cases/:caseId/file-requests',
  params: caseParams,
  body: z
    .strictObject({
      requestedOn: isoDate('Ange när begäran kom in (ÅÅÅÅ-MM-DD).'),
      requester: z.strictObject({
        kind: z.enum(['person', 'representative'], { message: 'Ange vem som begär.' }),
        name: z
          .string()
          .trim()
          .max(300, 'Skriv högst 300 tecken.')
          .nullable()
          .transform((v) => (v ? v : null)),
      }),
    })
    .refine((b) => b.requester.kind !== 'representative' || !!b.requester.name, {
      message: 'Ange ombudets namn.',
      path: ['requester', 'name'],
    }),
  response: z.object({ id: z.uuid() }),
  successStatus: 201,
});

export const PieceClass = z.enum(['open', 'masked', 'withheld']);

export const ExtractPiece = z.object({
  key: z.string(),
  heading: z.string(),
  label: z.string().nullable(),
  text: z.string(),
  /** open: given unless masked; masked: about another, masked unless a reason lifts it; withheld: never given. */
  class: PieceClass,
  /** The rule's reason for masking or withholding it; null for an open piece. */
  ruleReason: z.string().nullable(),
  /** The choice in force: the newest version's, or the rule's by default. */
  mask: z.boolean(),
  reason: z.string().nullable(),
});
export type ExtractPiece = z.infer<typeof ExtractPiece>;

export const FileExtract = z.object({
  requestId: z.uuid(),
  /** The newest version of the choices; 0 before the first. Send it back when saving. */
  version: z.number().int(),
  pieces: z.array(ExtractPiece),
  /**
   * What stands in the way of the next step, as sentences: a masking without reason, the file
   * changed since the version, the approval missing.
   */
  problems: z.array(z.string()),
  /** Whether the newest version is approved for the file as it stands. */
  approved: z.boolean(),
  /** Whether the reader may approve the newest version: the enhetschef, while it is not approved. */
  mayApprove: z.boolean(),
  released: z.boolean(),
});
export type FileExtract = z.infer<typeof FileExtract>;

/** The draft extract: every piece of the file with its class and the choice in force. */
export const getFileExtract = defineContract({
  method: 'GET',
  path: '/api/cases/:caseId/file-requests/:requestId/extract',
  params: requestParams,
  response: FileExtract,
});

/** The sekretessprövning: a choice for any piece; those not sent keep the rule's default. */
export const saveExtractChoices = defineContract({
  method: 'POST',
  path: '/api/cases/:caseId/file-requests/:requestId/versions',
  params: requestParams,
  body: z.strictObject({
    version: baseVersion(),
    choices: z
      .array(
        z.strictObject({
          key: z.string().min(1).max(300),
          mask: z.boolean(),
          reason: z
            .string()
            .trim()
            .max(2_000, 'Skriv högst 2000 tecken.')
            .nullable()
            .transform((v) => (v ? v : null)),
        }),
      )
      .max(5_000),
  }),
  response: z.object({ version: z.number().int() }),
  successStatus: 201,
});

export const approveExtract = defineContract({
  method: 'POST',
  path: '/api/cases/:caseId/file-requests/:requestId/approvals',
  params: requestParams,
  body: z.strictObject({ version: version() }),
  response: z.object({ id: z.uuid() }),
  successStatus: 201,
});

export const releaseExtract = defineContract({
  method: 'POST',
  path: '/api/cases/:caseId/file-requests/:requestId/release',
  params: requestParams,
  body: z
    .strictObject({
      version: version(),
      delivery: z.strictObject({
        way: z.enum(['handed_over', 'sent'], { message: 'Ange hur utdraget lämnas.' }),
        /** Where it is sent; null when handed over. */
        channel: KnownChannel.nullable(),
      }),
    })
    .refine((b) => (b.delivery.way === 'sent') === (b.delivery.channel !== null), {
      message: 'Ange adressen dit utdraget skickas, eller att det lämnas över.',
      path: ['delivery', 'channel'],
    }),
  response: z.object({ version: z.number().int() }),
});

/** The released extract as a PDF, the bytes as released. */
export const fileExtractPdfPath = '/api/cases/:caseId/file-requests/:requestId/extract.pdf';
