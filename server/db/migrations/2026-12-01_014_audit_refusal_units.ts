import { sql } from 'kysely';
import type { Kysely } from 'kysely';

// Loggkontroll also reads the refused attempts a unit reviews (access-log.service): the units
// are listed in the row's details by audit/refusals.ts.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index audit_event_refusal_units on audit_event using gin ((details -> 'reviewUnitIds')) where action = 'security.refused'`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index audit_event_refusal_units`.execute(db);
}
