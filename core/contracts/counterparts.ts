import { z } from 'zod';
import { counterpartRelations, recordStatuses } from '../domain/counterparts.ts';
import { defineContract } from './contract.ts';
import { version } from './input.ts';
import { IdentityKind, PersonId, RelationKind, RelationViolence } from './persons.ts';

/**
 * Counterparts (core/domain/counterparts.ts): what the file of a case's person records about the
 * person who uses violence against her, or another member of the household — known by identity
 * number or only by name or description. Part of her file: read with the case. Linked to a file
 * in Värn with the same identity number for the rules only: nothing here ever tells of that file.
 * And the corrections of a relation between two persons in Värn, which are never erased either.
 */

export const CounterpartRelation = z.enum(counterpartRelations, { message: 'Välj relation.' });
export const RecordStatus = z.enum(recordStatuses);
const ChannelKind = z.enum(['phone', 'email', 'address', 'digital_mailbox'], {
  message: 'Välj slag av kontaktuppgift.',
});

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Skriv högst ${max} tecken.`)
    .nullable()
    .transform((v) => (v ? v : null));

const reason = (message: string) =>
  z.string().trim().min(1, message).max(2000, 'Skriv högst 2000 tecken.');

export const KnownChannel = z.strictObject({
  kind: ChannelKind,
  value: z.string().trim().min(1, 'Fyll i uppgiften.').max(500, 'Skriv högst 500 tecken.'),
});

/** What is recorded of him, as a form sends it. */
const counterpartFields = {
  /** Null when the number is not known. */
  identity: z
    .strictObject({
      kind: IdentityKind.extract(['personnummer', 'samordningsnummer'], {
        message: 'Välj personnummer eller samordningsnummer.',
      }),
      number: z.string().trim().min(1, 'Fyll i numret.').max(30),
    })
    .nullable(),
  givenName: optionalText(200),
  familyName: optionalText(200),
  description: optionalText(2000),
  relation: CounterpartRelation,
  usesViolence: z.boolean({ message: 'Ange om personen utövar våld.' }),
  livesTogether: z.enum(['yes', 'no', 'unknown'], { message: 'Ange om de bor tillsammans.' }),
  contact: z.array(KnownChannel).max(20, 'Ange högst 20 kontaktuppgifter.'),
  whereabouts: optionalText(2000),
};

const Author = z.object({ id: z.uuid(), displayName: z.string() });

/**
 * His contact details and whereabouts as her file records them. Masked when her file is
 * protected and the reader may not see her protected details: then only that they exist.
 */
export const CounterpartDetails = z.discriminatedUnion('masked', [
  z.object({
    masked: z.literal(false),
    contact: z.array(z.object({ kind: ChannelKind, value: z.string() })),
    whereabouts: z.string().nullable(),
  }),
  z.object({
    masked: z.literal(true),
    contactCount: z.number().int(),
    hasWhereabouts: z.boolean(),
  }),
]);
export type CounterpartDetails = z.infer<typeof CounterpartDetails>;

export const CounterpartVersionView = z.object({
  version: z.number().int(),
  identity: z.object({ kind: IdentityKind, display: z.string() }).nullable(),
  givenName: z.string().nullable(),
  familyName: z.string().nullable(),
  description: z.string().nullable(),
  relation: CounterpartRelation,
  usesViolence: z.boolean(),
  livesTogether: z.enum(['yes', 'no', 'unknown']),
  details: CounterpartDetails,
  status: RecordStatus,
  changeReason: z.string().nullable(),
  recordedBy: Author,
  recordedAt: z.iso.datetime(),
});
export type CounterpartVersionView = z.infer<typeof CounterpartVersionView>;

export const CounterpartView = CounterpartVersionView.extend({
  id: z.uuid(),
  /** How the file names him: the name if known, else the description. */
  name: z.string(),
  /** Every version, oldest first; the last is what is shown above. */
  history: z.array(CounterpartVersionView),
});
export type CounterpartView = z.infer<typeof CounterpartView>;

export const CaseCounterparts = z.object({
  /** Those that hold now, first recorded first. */
  current: z.array(CounterpartView),
  /** Ended, or recorded by mistake: kept with their history. */
  past: z.array(CounterpartView),
  abilities: z.object({ write: z.boolean() }),
});
export type CaseCounterparts = z.infer<typeof CaseCounterparts>;

const caseParams = z.strictObject({ caseId: z.uuid() });
const written = z.object({ id: z.uuid(), version: z.number().int() });

export const listCounterparts = defineContract({
  method: 'GET',
  path: '/api/cases/:caseId/counterparts',
  params: caseParams,
  response: CaseCounterparts,
});

/** Record a counterpart in the file of the case's person. */
export const recordCounterpart = defineContract({
  method: 'POST',
  path: '/api/cases/:caseId/counterparts',
  params: caseParams,
  body: z.strictObject(counterpartFields),
  response: written,
  successStatus: 201,
});

/** A correction, or the counterpart ended or marked wrongly recorded: a new version, with why. */
export const changeCounterpart = defineContract({
  method: 'POST',
  path: '/api/cases/:caseId/counterparts/:counterpartId/versions',
  params: z.strictObject({ caseId: z.uuid(), counterpartId: z.uuid() }),
  body: z.discriminatedUnion('change', [
    z.strictObject({
      change: z.literal('correction'),
      ...counterpartFields,
      reason: reason('Ange varför uppgifterna rättas.'),
      version: version(),
    }),
    z.strictObject({
      change: z.literal('status'),
      status: z.enum(['ended', 'wrongly_recorded'], {
        message: 'Välj om relationen har upphört eller var felregistrerad.',
      }),
      reason: reason('Ange varför.'),
      version: version(),
    }),
  ]),
  response: written,
  successStatus: 201,
});

/** A relation corrected, ended or marked wrongly recorded, from one end's file. */
export const changeRelation = defineContract({
  method: 'POST',
  path: '/api/persons/:personId/relations/:relationId/versions',
  params: z.strictObject({ personId: PersonId, relationId: z.uuid() }),
  body: z.discriminatedUnion('change', [
    z.strictObject({
      change: z.literal('correction'),
      /** As this person's file shows it (core/contracts/persons.ts RelationView). */
      kind: RelationKind,
      violence: RelationViolence,
      guardian: z.boolean(),
      reason: reason('Ange varför relationen rättas.'),
      version: version(),
    }),
    z.strictObject({
      change: z.literal('status'),
      status: z.enum(['ended', 'wrongly_recorded'], {
        message: 'Välj om relationen har upphört eller var felregistrerad.',
      }),
      reason: reason('Ange varför.'),
      version: version(),
    }),
  ]),
  response: written,
  successStatus: 201,
});
