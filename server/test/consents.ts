import { consentCategories } from '../../core/domain/commissions.ts';
import { addDays } from '../../core/domain/calendar.ts';
import type { InformationCategory } from '../../core/domain/consents.ts';
import type { Db } from '../db/database.ts';
import { stockholmDate } from '../time.ts';

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
  const { person_id } = await db
    .selectFrom('case')
    .select('person_id')
    .where('id', '=', input.caseId)
    .executeTakeFirstOrThrow();
  const today = stockholmDate(new Date());
  const row = await db
    .insertInto('consent')
    .values({
      person_id,
      case_id: input.caseId,
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
      recorded_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
