import { z } from 'zod';
import { AcuteNeed } from './cases.ts';
import { defineContract } from './contract.ts';
import { KnownChannel } from './counterparts.ts';
import { isoDate, version } from './input.ts';
import { TRANSFER_PACKAGE_BODY_LIMIT, TransferPackage } from './transfer-package.ts';

/**
 * Moving a case to another municipality (2 a kap. 10 § SoL; core/domain/transfers.ts): the
 * request written by the handläggare, the decision to make it taken by the enhetschef, the
 * receiving municipality's answer recorded, on acceptance a package produced
 * (core/contracts/transfer-package.ts), and the case closed here with the transfer recorded. The
 * receiving Värn imports the package into a new file.
 */

const caseParams = z.strictObject({ caseId: z.uuid() });
const transferParams = z.strictObject({ caseId: z.uuid(), transferId: z.uuid() });
const Author = z.object({ id: z.uuid(), displayName: z.string() });
const text = (max: number, message: string) =>
  z
    .string()
    .trim()
    .min(1, message)
    .max(max, `Skriv högst ${String(max)} tecken.`);

export const TransferStage = z.enum([
  /** Written; the enhetschef's decision to request it is missing. */
  'requested',
  /** Decided here and sent; the receiving municipality's answer is missing. */
  'approved',
  'refused',
  /** Accepted there; the package is to be produced. */
  'accepted',
  /** The package is produced; the case is to be closed when it has been sent. */
  'packaged',
  'completed',
]);
export type TransferStage = z.infer<typeof TransferStage>;

export const Transfer = z.object({
  id: z.uuid(),
  stage: TransferStage,
  receivingMunicipality: z.string(),
  /** Where the request and the package are sent (the receiving social services). */
  channel: KnownChannel,
  grounds: z.string(),
  wishes: z.string(),
  duration: z.string(),
  requestedBy: Author,
  requestedAt: z.iso.datetime(),
  approval: z.object({ approvedBy: Author, approvedAt: z.iso.datetime() }).nullable(),
  answer: z
    .object({
      outcome: z.enum(['accepted', 'refused']),
      decidedOn: z.iso.date(),
      reference: z.string().nullable(),
      comment: z.string().nullable(),
      recordedBy: Author,
    })
    .nullable(),
  package: z
    .object({
      packageId: z.uuid(),
      sha256: z.string(),
      documents: z.array(z.object({ title: z.string(), filename: z.string() })),
      createdBy: Author,
      createdAt: z.iso.datetime(),
    })
    .nullable(),
  completion: z
    .object({ sentOn: z.iso.date(), completedBy: Author, completedAt: z.iso.datetime() })
    .nullable(),
  /**
   * While accepted: the documents the package would carry, and whether the guard stops each
   * (then it must be corrected or left out).
   */
  candidates: z.array(z.object({ filename: z.string(), title: z.string(), leaks: z.boolean() })),
  /** What stands in the way of the next step, as sentences (empty when it may be taken). */
  problems: z.array(z.string()),
  /** Whether the reader may take the decision to request it: the enhetschef, not its author. */
  mayApprove: z.boolean(),
});
export type Transfer = z.infer<typeof Transfer>;

export const listTransfers = defineContract({
  method: 'GET',
  path: '/api/cases/:caseId/transfers',
  params: caseParams,
  response: z.object({
    /** Whether the reader may write (works the open case). */
    canWrite: z.boolean(),
    /** Newest first. */
    transfers: z.array(Transfer),
  }),
});

export const requestTransfer = defineContract({
  method: 'POST',
  path: '/api/cases/:caseId/transfers',
  params: caseParams,
  body: z.strictObject({
    receivingMunicipality: text(200, 'Ange vilken kommun ärendet ska flyttas till.'),
    channel: KnownChannel,
    grounds: text(5_000, 'Beskriv personens anknytning till den andra kommunen.'),
    wishes: text(5_000, 'Beskriv personens egna önskemål.'),
    duration: text(2_000, 'Beskriv hur länge behovet av hjälp väntas bestå.'),
  }),
  response: z.object({ id: z.uuid() }),
  successStatus: 201,
});

/** The decision to request the transfer, by the enhetschef (delegation). */
export const approveTransfer = defineContract({
  method: 'POST',
  path: '/api/cases/:caseId/transfers/:transferId/approval',
  params: transferParams,
  body: z.strictObject({}),
  response: z.object({ id: z.uuid() }),
  successStatus: 201,
});

/** The receiving municipality's decision, as it answered. */
export const recordTransferAnswer = defineContract({
  method: 'POST',
  path: '/api/cases/:caseId/transfers/:transferId/answer',
  params: transferParams,
  body: z.strictObject({
    outcome: z.enum(['accepted', 'refused'], { message: 'Ange om kommunen tog emot ärendet.' }),
    decidedOn: isoDate('Ange när kommunen beslutade (ÅÅÅÅ-MM-DD).'),
    reference: z
      .string()
      .trim()
      .max(200, 'Skriv högst 200 tecken.')
      .nullable()
      .transform((v) => (v ? v : null)),
    comment: z
      .string()
      .trim()
      .max(5_000, 'Skriv högst 5000 tecken.')
      .nullable()
      .transform((v) => (v ? v : null)),
  }),
  response: z.object({ id: z.uuid() }),
  successStatus: 201,
});

/**
 * Produces the package: refused while anything in it would leak (the disclosure guard). A
 * document the guard names can be left out — an utredning closed with its beslut cannot be
 * corrected any more — and the package then says that it exists and was not sent.
 */
export const produceTransferPackage = defineContract({
  method: 'POST',
  path: '/api/cases/:caseId/transfers/:transferId/package',
  params: transferParams,
  body: z.strictObject({
    /** File names of `candidates` to leave out. */
    leaveOut: z
      .array(z.string().regex(/^[a-z0-9-]{1,80}\.pdf$/, 'Okänt dokument.'))
      .max(50)
      .default([]),
  }),
  response: z.object({ packageId: z.uuid(), sha256: z.string() }),
  successStatus: 201,
});

/** The package as produced, the bytes as stored (application/json, audited). */
export const transferPackagePath = '/api/cases/:caseId/transfers/:transferId/package.json';

/** The package has been sent: the case is closed here with the transfer recorded. */
export const completeTransfer = defineContract({
  method: 'POST',
  path: '/api/cases/:caseId/transfers/:transferId/completion',
  params: transferParams,
  body: z.strictObject({
    sentOn: isoDate('Ange när paketet skickades (ÅÅÅÅ-MM-DD).'),
    /** The case's version, as for every step of the case. */
    version: version(),
  }),
  response: z.object({ caseId: z.uuid(), version: z.number().int() }),
  successStatus: 201,
});

/**
 * The receiving side: reads a package into a new case in one of the reader's units, as an
 * aktualisering — with the screening of acute need the reader makes now — so the rules for a
 * person who already has a file here (routing) hold exactly as for any intake.
 */
export const importTransfer = defineContract({
  method: 'POST',
  path: '/api/transfer-imports',
  bodyLimit: TRANSFER_PACKAGE_BODY_LIMIT,
  body: z.strictObject({
    unitId: z.uuid(),
    package: TransferPackage,
    acuteScreening: z.strictObject({
      acuteNeed: AcuteNeed,
      motivation: text(5_000, 'Motivera bedömningen.'),
    }),
    assignToMe: z.boolean(),
  }),
  response: z.discriminatedUnion('outcome', [
    z.object({ outcome: z.literal('registered'), caseId: z.uuid(), personId: z.uuid() }),
    z.object({ outcome: z.literal('routed'), unitName: z.string().nullable() }),
  ]),
  successStatus: 201,
});

/** On the case made by an import: where it came from and the documents that came with it. */
export const getTransferImport = defineContract({
  method: 'GET',
  path: '/api/cases/:caseId/transfer-import',
  params: caseParams,
  response: z.object({
    import: z
      .object({
        id: z.uuid(),
        packageId: z.uuid(),
        fromMunicipality: z.string(),
        fromUnit: z.string(),
        fromHandlaggare: z.string(),
        legalBasis: z.string(),
        grounds: z.string(),
        wishes: z.string(),
        duration: z.string(),
        risk: z
          .object({ level: z.string(), assessedOn: z.string(), instrument: z.string() })
          .nullable(),
        decisions: z.array(
          z.object({
            intervention: z.string(),
            outcome: z.string(),
            decidedOn: z.string(),
            from: z.string().nullable(),
            to: z.string().nullable(),
          }),
        ),
        documents: z.array(z.object({ id: z.uuid(), title: z.string(), filename: z.string() })),
        importedBy: Author,
        importedAt: z.iso.datetime(),
      })
      .nullable(),
  }),
});

export const transferDocumentPdfPath =
  '/api/cases/:caseId/transfer-import/documents/:documentId/document.pdf';
