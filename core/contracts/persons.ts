import { z } from 'zod';
import { IDENTITY_KINDS } from '../domain/personal-identity.ts';
import { protectionLevels } from '../domain/protection.ts';
import { defineContract } from './contract.ts';
import { version } from './input.ts';

export const PersonId = z.uuid({ message: 'Ogiltigt id.' });
export const ProtectionLevel = z.enum(protectionLevels);
export const IdentityKind = z.enum(IDENTITY_KINDS);

export const Identity = z.object({
  kind: IdentityKind,
  /** `YYYYMMDD-NNNC` for personnummer and samordningsnummer. */
  display: z.string(),
});

export const TargetGroup = z.enum([
  'victim',
  'perpetrator',
  'child',
  'honour_violence',
  'prostitution',
  'trafficking',
  'sexual_violence',
]);
export type TargetGroup = z.infer<typeof TargetGroup>;

export const RelationKind = z.enum([
  'partner',
  'former_partner',
  'parent_of',
  'child_of',
  'sibling',
  'other_relative',
  'carer',
]);
export const RelationViolence = z.enum(['unknown', 'none', 'uses_violence', 'subjected', 'mutual']);

/** One line in a search result or a list: enough to recognise the person, nothing more. */
export const PersonSummary = z.object({
  id: PersonId,
  givenName: z.string(),
  familyName: z.string(),
  identity: Identity.nullable(),
  protectionLevel: ProtectionLevel,
});
export type PersonSummary = z.infer<typeof PersonSummary>;

/**
 * A person the reader may not open, where a list must still show that someone is there (a
 * child's duty to report, say): shown as "Skyddad person", nothing more.
 */
export const MaskedPerson = z.object({ id: PersonId, masked: z.literal(true) });
export type MaskedPerson = z.infer<typeof MaskedPerson>;

/** A person in a list: by name where the reader may see them, masked where not. */
export const ListedPerson = z.union([PersonSummary, MaskedPerson]);
export type ListedPerson = z.infer<typeof ListedPerson>;

export const CaseSummary = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  unitName: z.string(),
  targetGroup: TargetGroup,
  status: z.enum(['open', 'closed']),
  openedAt: z.iso.datetime(),
  closedAt: z.iso.datetime().nullable(),
  assignedTo: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
});
export type CaseSummary = z.infer<typeof CaseSummary>;

/**
 * A relation as seen from the person whose file is open: `kind` and `violence` read from this
 * person's side ("parent_of": this person is the other's parent; "uses_violence": this person uses
 * violence against the other). Only relations whose other end the reader may see are included.
 */
export const RelationStatus = z.enum(['current', 'ended', 'wrongly_recorded']);

/** One state a relation has had, from the same side; the first is how it was recorded. */
export const RelationVersionView = z.object({
  version: z.number().int(),
  kind: RelationKind,
  violence: RelationViolence,
  /** The parent or carer is the child's vårdnadshavare. */
  guardian: z.boolean(),
  status: RelationStatus,
  changeReason: z.string().nullable(),
  /** Null for what was recorded before Värn knew who (an import, the first registrations). */
  recordedBy: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  recordedAt: z.iso.datetime(),
});
export type RelationVersionView = z.infer<typeof RelationVersionView>;

export const RelationView = z.object({
  id: z.uuid(),
  kind: RelationKind,
  violence: RelationViolence,
  other: PersonSummary,
  guardian: z.boolean(),
  /** 'current': holds now. Ended and wrongly recorded relations keep their history. */
  status: RelationStatus,
  /** Send back when changing the relation, so a concurrent change is detected. */
  version: z.number().int(),
  /** Oldest first; the last is the relation as it is now. */
  history: z.array(RelationVersionView),
  /** The reader may correct, end or mark it wrongly recorded (relation.correct). */
  mayChange: z.boolean(),
});
export type RelationView = z.infer<typeof RelationView>;

export const ContactChannel = z.object({
  id: z.uuid(),
  kind: z.enum(['phone', 'email', 'address', 'digital_mailbox']),
  value: z.string(),
  /** False when the perpetrator can reach it: never use it to contact the person. */
  safeForContact: z.boolean(),
  note: z.string().nullable(),
  version: z.number().int(),
});
export type ContactChannel = z.infer<typeof ContactChannel>;

/** Contact channels and whereabouts: for a protected person a separate, stricter, audited read. */
export const ProtectedDetails = z.object({
  contactChannels: z.array(ContactChannel),
  whereabouts: z.string().nullable(),
  school: z.string().nullable(),
  /** The real identity behind fingerade personuppgifter. */
  realIdentity: z.string().nullable(),
});
export type ProtectedDetails = z.infer<typeof ProtectedDetails>;

/** The personakt: always shows the protection level; details only when the reader may see them. */
export const PersonFile = PersonSummary.extend({
  /** Send back when changing the person, so a concurrent change is detected. */
  version: z.number().int(),
  cases: z.array(CaseSummary),
  /** The relations that hold now. */
  relations: z.array(RelationView),
  /** Ended, or recorded by mistake: apart, with their history (who, when, why). */
  pastRelations: z.array(RelationView),
  /** Present inline for a person without protection; null for a protected person (ask separately). */
  details: ProtectedDetails.nullable(),
  /** How the reader came to see this file: shown so an emergency access is never silent. */
  access: z.enum(['assigned', 'intake_queue', 'unit_manager', 'emergency_access']),
  /** When the reader's nödåtkomst to this person ends, if they have one. */
  emergencyAccessUntil: z.iso.datetime().nullable(),
  abilities: z.object({
    /** May open the protected details of this protected person. */
    readProtectedDetails: z.boolean(),
    /** May change the protection level upwards and add contact channels. */
    update: z.boolean(),
    /** May lower the protection level (the assigned handläggare). */
    lowerProtection: z.boolean(),
  }),
});
export type PersonFile = z.infer<typeof PersonFile>;

const identitySearch = z.strictObject({
  by: z.literal('identity'),
  kind: IdentityKind,
  number: z.string().trim().min(1, 'Fyll i numret.').max(30),
});
const nameSearch = z.strictObject({
  by: z.literal('name'),
  query: z.string().trim().min(2, 'Skriv minst två bokstäver.').max(100),
});

/** A search by exact identity number or by name. POST: personal data never travels in a URL. */
export const searchPersons = defineContract({
  method: 'POST',
  path: '/api/persons/search',
  readsOnly: true,
  body: z.discriminatedUnion('by', [identitySearch, nameSearch]),
  response: z.object({
    results: z.array(PersonSummary),
    /** More persons matched than are shown: narrow the search. */
    truncated: z.boolean(),
  }),
});

export const getPerson = defineContract({
  method: 'GET',
  path: '/api/persons/:personId',
  params: z.strictObject({ personId: PersonId }),
  response: PersonFile,
});

export const getProtectedDetails = defineContract({
  method: 'GET',
  path: '/api/persons/:personId/protected-details',
  params: z.strictObject({ personId: PersonId }),
  response: ProtectedDetails,
});

export const createRelation = defineContract({
  method: 'POST',
  path: '/api/persons/:personId/relations',
  params: z.strictObject({ personId: PersonId }),
  body: z.strictObject({
    otherPersonId: PersonId,
    kind: RelationKind,
    violence: RelationViolence,
  }),
  response: RelationView,
  successStatus: 201,
});

/** Nödåtkomst: find a person by exact identity number, with a stated reason, for a limited time. */
export const startEmergencyAccess = defineContract({
  method: 'POST',
  path: '/api/emergency-access',
  body: z.strictObject({
    kind: IdentityKind,
    number: z.string().trim().min(1, 'Fyll i numret.').max(30),
    reason: z
      .string()
      .trim()
      .min(10, 'Beskriv skälet med minst tio tecken.')
      .max(2000, 'Skälet får vara högst 2000 tecken.'),
  }),
  response: z.object({ personId: PersonId, expiresAt: z.iso.datetime() }),
  successStatus: 201,
});

/** Mark or change skyddade personuppgifter. Lowering it needs the assigned handläggare. */
export const setProtectionLevel = defineContract({
  method: 'POST',
  path: '/api/persons/:personId/protection-level',
  params: z.strictObject({ personId: PersonId }),
  body: z.strictObject({ protectionLevel: ProtectionLevel, version: version() }),
  response: z.object({ protectionLevel: ProtectionLevel, version: z.number().int() }),
});

const channelBody = {
  safeForContact: z.boolean(),
  note: z.string().trim().max(500).nullable(),
};

export const addContactChannel = defineContract({
  method: 'POST',
  path: '/api/persons/:personId/contact-channels',
  params: z.strictObject({ personId: PersonId }),
  body: z.strictObject({
    kind: z.enum(['phone', 'email', 'address', 'digital_mailbox']),
    value: z.string().trim().min(1, 'Fyll i uppgiften.').max(500),
    ...channelBody,
  }),
  response: ContactChannel,
  successStatus: 201,
});

/** Mark a channel safe or unsafe for contact (e.g. the perpetrator has learnt the number). */
export const updateContactChannel = defineContract({
  method: 'POST',
  path: '/api/persons/:personId/contact-channels/:channelId',
  params: z.strictObject({ personId: PersonId, channelId: z.uuid() }),
  body: z.strictObject({ ...channelBody, version: version() }),
  response: ContactChannel,
});
