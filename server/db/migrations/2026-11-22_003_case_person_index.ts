import { sql } from 'kysely';
import type { Kysely } from 'kysely';

// The policy needs every case of a person, closed ones included (bench/persons.ts found a scan
// of the whole case table on each personakt read without this index).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index case_person on "case" (person_id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index case_person`.execute(db);
}
