import type { Db } from '../db/database.ts';

/**
 * Providers for tests, inserted as rows (the provider registry's admin is another feature): a
 * provider tied to a unit of kind 'provider' whose users work in Värn, or one without.
 */
let n = 0;

export async function insertProvider(
  db: Db,
  input: {
    unitId: string | null;
    interventions: readonly string[];
    name?: string;
    active?: boolean;
    kind?: 'in_house' | 'external';
  },
): Promise<string> {
  n += 1;
  const row = await db
    .insertInto('provider')
    .values({
      name: input.name ?? `Testutförare ${n} ${Math.random().toString(36).slice(2, 8)}`,
      kind: input.kind ?? 'external',
      unit_id: input.unitId,
      contact: 'Växeln 08-000 00 00',
      active: input.active ?? true,
      created_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (input.interventions.length > 0) {
    await db
      .insertInto('provider_intervention')
      .values(input.interventions.map((intervention) => ({ provider_id: row.id, intervention })))
      .execute();
  }
  return row.id;
}

/**
 * An uppdrag as rows, as the service writes it when it is sent (for authorization tests that need
 * one without going through the case): sent, with a notice when `notice` is given.
 */
export async function insertCommission(
  db: Db,
  input: {
    caseId: string;
    decisionId: string;
    personId: string;
    providerId: string;
    createdBy: string;
    status?: 'sent' | 'accepted' | 'declined' | 'ended';
    notice?: string | null;
    /** Skyddat boende unless said. */
    intervention?: string;
  },
): Promise<string> {
  const row = await db
    .insertInto('commission')
    .values({
      case_id: input.caseId,
      decision_id: input.decisionId,
      person_id: input.personId,
      provider_id: input.providerId,
      intervention: input.intervention ?? 'shelter',
      period_from: '2026-11-02',
      period_to: '2026-12-02',
      status: input.status ?? 'sent',
      created_by: input.createdBy,
      created_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('commission_order')
    .values({
      commission_id: row.id,
      what: 'Skyddat boende.',
      why: 'Hög risk för fortsatt våld.',
      contact: 'Handläggaren, 08-111 11 11',
      consent_categories: ['name'],
      consent_way: 'oral',
      consent_on: '2026-11-02',
      shared: JSON.stringify({
        name: 'Testa Person',
        personalIdentityNumber: null,
        phone: null,
        language: null,
        children: null,
      }),
      protection_notice: input.notice ?? null,
    })
    .execute();
  await db
    .insertInto('commission_event')
    .values({
      commission_id: row.id,
      seq: 1,
      type: 'sent',
      reason: null,
      recorded_by: input.createdBy,
    })
    .execute();
  return row.id;
}
