import { z } from 'zod';
import { counterpartRelations } from '../domain/counterparts.ts';
import { KnownChannel } from './counterparts.ts';
import { int32, isoDate, isoDateTime } from './input.ts';
import { ProtectionLevel, TargetGroup } from './persons.ts';

/**
 * The package a case moves in (2 a kap. 10 § SoL), version 1: what the receiving municipality
 * needs to take the case over, and nothing else. Documented in docs/transfer-package.md; its JSON
 * Schema, generated from this one, is docs/transfer-package.schema.json (a test keeps them equal).
 *
 * What is left out on purpose: the person's addresses and contact ways (the receiving
 * municipality takes them from the person and folkbokföringen — for a protected person never
 * from a file), the journal, every note and statement outside the documents chosen, who reported
 * anything, and where a skyddat boende is. The people who use violence against the person come
 * with their known addresses, phones and e-mail only so that the receiving Värn refuses to send
 * anything there (its disclosure guard).
 *
 * A new field that a reader may ignore keeps the version; anything else is version 2, and the
 * importer refuses a version it does not know with a sentence saying so.
 */

export const TRANSFER_PACKAGE_FORMAT = 'varn.case-transfer' as const;
export const TRANSFER_PACKAGE_VERSION = 1 as const;
/** The largest package the importer reads (the body of the import request). */
export const TRANSFER_PACKAGE_BODY_LIMIT = 20 * 1024 * 1024;

const name = z.string().max(200).nullable();
const date = isoDate();

export const TransferDocument = z.strictObject({
  kind: z.enum(['investigation', 'decision']),
  title: z.string().min(1).max(300),
  filename: z.string().regex(/^[a-z0-9-]{1,80}\.pdf$/),
  /** Hex sha256 of the PDF's bytes. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** The PDF, base64. */
  pdf: z.base64().max(14_000_000),
});
export type TransferDocument = z.infer<typeof TransferDocument>;

export const TransferPackageContent = z.strictObject({
  format: z.literal(TRANSFER_PACKAGE_FORMAT),
  version: int32({ min: 1 }).refine((v) => v === TRANSFER_PACKAGE_VERSION, {
    message: `Paketet har en version som den här Värn inte kan läsa. Be den skickande kommunen om ett paket i version ${String(TRANSFER_PACKAGE_VERSION)}.`,
  }),
  packageId: z.uuid(),
  createdAt: isoDateTime(),
  legalBasis: z.string().min(1).max(200),
  sender: z.strictObject({
    municipality: z.string().min(1).max(200),
    unit: z.string().min(1).max(200),
    handlaggare: z.string().min(1).max(200),
  }),
  receiver: z.strictObject({ municipality: z.string().min(1).max(200) }),
  request: z.strictObject({
    /** Why the person has the strongest connection to the receiving municipality. */
    grounds: z.string().min(1).max(5_000),
    /** The person's own wishes. */
    wishes: z.string().min(1).max(5_000),
    /** How long the need for help is expected to last. */
    duration: z.string().min(1).max(2_000),
    requestedOn: date,
  }),
  answer: z.strictObject({ decidedOn: date, reference: z.string().max(200).nullable() }),
  person: z.strictObject({
    identity: z
      .strictObject({
        kind: z.enum(['personnummer', 'samordningsnummer']),
        /** Twelve digits, as normalised. */
        number: z.string().regex(/^\d{12}$/),
      })
      .nullable(),
    givenName: z.string().min(1).max(200),
    familyName: z.string().min(1).max(200),
    protectionLevel: ProtectionLevel,
    targetGroup: TargetGroup,
  }),
  /** Those recorded as using violence against the person: for the receiving guard only. */
  violentParties: z
    .array(
      z.strictObject({
        givenName: name,
        familyName: name,
        relation: z.enum(counterpartRelations).nullable(),
        knownChannels: z.array(KnownChannel).max(50),
      }),
    )
    .max(20),
  /** Children in the household, so the receiving municipality's duty to report opens there. */
  children: z
    .array(
      z.strictObject({
        givenName: z.string().min(1).max(200),
        familyName: z.string().min(1).max(200),
        identity: z
          .strictObject({
            kind: z.enum(['personnummer', 'samordningsnummer']),
            number: z.string().regex(/^\d{12}$/),
          })
          .nullable(),
        /** The age the person stated, on the package's date, when there is no number. */
        statedAge: int32({ min: 0, max: 17 }).nullable(),
        /** Whether the person is the child's vårdnadshavare. */
        guardian: z.boolean(),
      }),
    )
    .max(15),
  /** The newest structured risk assessment, if any. */
  risk: z
    .strictObject({ level: z.string().min(1).max(50), assessedOn: date, instrument: z.string() })
    .nullable(),
  /** The decisions in the case, newest version of each. */
  decisions: z
    .array(
      z.strictObject({
        intervention: z.string().min(1).max(200),
        outcome: z.string().min(1).max(50),
        decidedOn: date,
        from: date.nullable(),
        to: date.nullable(),
      }),
    )
    .max(100),
  documents: z.array(TransferDocument).max(50),
  /** Documents of the case that were not sent (the guard stopped them): that they exist. */
  documentsLeftOut: z.array(z.strictObject({ title: z.string().min(1).max(300) })).max(50),
});
export type TransferPackageContent = z.infer<typeof TransferPackageContent>;

/** The package as it is sent: the content and a sha256 over its canonical JSON. */
export const TransferPackage = TransferPackageContent.extend({
  /** Hex sha256 of the canonical JSON (keys sorted) of every other field (`packageDigest`). */
  digest: z.string().regex(/^[0-9a-f]{64}$/),
});
export type TransferPackage = z.infer<typeof TransferPackage>;

/** The package's JSON Schema (draft 2020-12), for a receiving system that is not Värn. */
export function transferPackageJsonSchema() {
  return {
    ...z.toJSONSchema(TransferPackage, { target: 'draft-2020-12' }),
    $id: `urn:${TRANSFER_PACKAGE_FORMAT}:v${String(TRANSFER_PACKAGE_VERSION)}`,
    title: 'Värn: paket för överflyttning av ärende (2 a kap. 10 § SoL)',
  };
}
