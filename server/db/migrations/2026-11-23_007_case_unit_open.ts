import { sql } from 'kysely';
import type { Kysely } from 'kysely';

// A manager possibly reads every open case of the unit; a name search starts from that set
// (persons.repository possiblyVisibleIds). The queue index covers only the unassigned ones.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index case_unit_open on "case" (unit_id) where status = 'open'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index case_unit_open`.execute(db);
}
