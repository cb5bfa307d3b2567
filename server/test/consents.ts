import { createHash } from 'node:crypto';
import type { Insertable } from 'kysely';
import { consentCategories } from '../../core/domain/commissions.ts';
import { addDays } from '../../core/domain/calendar.ts';
import type { DisclosurePurpose, InformationCategory } from '../../core/domain/consents.ts';
import type { Db } from '../db/database.ts';
import type { ConsentTable } from '../db/schema.ts';
import { stockholmDate } from '../time.ts';

/** A consent of the case's person in the case's register, recorded now. */
async function insertConsent(
  db: Db,
  caseId: string,
  values: Omit<Insertable<ConsentTable>, 'person_id' | 'case_id' | 'recorded_at'>,
): Promise<string> {
  const { person_id } = await db
    .selectFrom('case')
    .select('person_id')
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
  const row = await db
    .insertInto('consent')
    .values({ ...values, person_id, case_id: caseId, recorded_at: new Date() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * A consent in a case's register for tests that need one to disclose on (recording one through
 * the API is server/features/consents/consents.test.ts's): given today by the case's person to
 * sharing the uppdrag's categories with a provider, for uppdrag, valid half a year.
 */
export async function consentToProvider(
  db: Db,
  input: {
    caseId: string;
    providerId: string;
    recordedBy: string;
    categories?: readonly InformationCategory[];
  },
): Promise<string> {
  const today = stockholmDate(new Date());
  return insertConsent(db, input.caseId, {
    categories: [...(input.categories ?? consentCategories)],
    purposes: ['commission'],
    purpose_text: 'Att utföraren ska kunna ta emot och stödja personen.',
    recipient_kind: 'provider',
    recipient_unit_id: null,
    recipient_provider_id: input.providerId,
    recipient_name: null,
    given_on: addDays(today, -1),
    valid_until: addDays(today, 180),
    way: 'oral',
    document_reference: null,
    recorded_by: input.recordedBy,
  });
}

/**
 * A signed form as a scanner might give it: a PDF of one blank page, small enough to read at a
 * glance and whole enough for a PDF reader (the canary test reads every PDF the matrix gets).
 */
export const signedFormPdf = Buffer.from(
  [
    '%PDF-1.4',
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj',
    'trailer << /Root 1 0 R >>',
    '%%EOF',
    '',
  ].join('\n'),
);

/**
 * A written consent with its signed form attached, as the matrix and the attack
 * sequences read one; attaching through the API is consents.test.ts's.
 */
export async function writtenConsentWithDocument(
  db: Db,
  input: { caseId: string; recordedBy: string },
): Promise<{ consentId: string; documentId: string }> {
  const today = stockholmDate(new Date());
  const consentId = await insertConsent(db, input.caseId, {
    categories: ['name', 'situation'],
    purposes: ['coordination_meeting'],
    purpose_text: 'Samråd med skolan om barnens trygghet.',
    recipient_kind: 'agency',
    recipient_unit_id: null,
    recipient_provider_id: null,
    recipient_name: 'Kvarnbyskolan',
    given_on: today,
    valid_until: addDays(today, 90),
    way: 'written',
    document_reference: null,
    recorded_by: input.recordedBy,
  });
  const content = signedFormPdf;
  const document = await db
    .insertInto('consent_document')
    .values({
      consent_id: consentId,
      media_type: 'application/pdf',
      filename: 'samtycke.pdf',
      size_bytes: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      content,
      attached_by: input.recordedBy,
      attached_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { consentId, documentId: document.id };
}

/**
 * The perpetrator's consent to partnerkontakt, in his case's register as his handläggare records
 * it: to the victim's unit, sharing his participation in treatment, given yesterday and valid
 * half a year, unless told otherwise.
 */
export async function partnerContactConsent(
  db: Db,
  input: {
    /** His case. */
    caseId: string;
    /** The recipient: the unit of her case. */
    unitId: string;
    recordedBy: string;
    givenOn?: string;
    validUntil?: string;
    purposes?: readonly DisclosurePurpose[];
  },
): Promise<string> {
  const today = stockholmDate(new Date());
  return insertConsent(db, input.caseId, {
    categories: ['treatment'],
    purposes: [...(input.purposes ?? ['partner_contact'])],
    purpose_text: 'Partnerkontakt med den våldsutsatta medan han går i behandling.',
    recipient_kind: 'unit',
    recipient_unit_id: input.unitId,
    recipient_provider_id: null,
    recipient_name: null,
    given_on: input.givenOn ?? addDays(today, -1),
    valid_until: input.validUntil ?? addDays(today, 180),
    way: 'written',
    document_reference: 'Undertecknat samtycke i hans akt',
    recorded_by: input.recordedBy,
  });
}
