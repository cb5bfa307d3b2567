import { sql } from 'kysely';
import type { Kysely } from 'kysely';

// Loggkontroll reads what was done in a unit's name, newest first (access-log.service).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index audit_event_unit on audit_event (actor_unit_id, seq)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index audit_event_unit`.execute(db);
}
