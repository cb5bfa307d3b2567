import { sql } from 'kysely';
import type { Kysely } from 'kysely';

// Login limits per account and per account+address. An attempt is recorded as failed before the
// password or code is checked and marked succeeded afterwards; a login reset or an unlock by the
// unit's manager clears an account's failures (cleared_at) without deleting them.
// Frozen history: imports nothing from the application.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table login_attempt add column cleared_at timestamptz`.execute(db);
  await sql`drop index login_attempt_username`.execute(db);
  await sql`drop index login_attempt_ip`.execute(db);
  // Only failures that still count are ever looked up.
  await sql`create index login_attempt_username_open on login_attempt (username, at)
    where not succeeded and cleared_at is null`.execute(db);
  await sql`create index login_attempt_ip_open on login_attempt (ip, at)
    where not succeeded and cleared_at is null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index login_attempt_username_open`.execute(db);
  await sql`drop index login_attempt_ip_open`.execute(db);
  await sql`create index login_attempt_username on login_attempt (username, at)`.execute(db);
  await sql`create index login_attempt_ip on login_attempt (ip, at)`.execute(db);
  await sql`alter table login_attempt drop column cleared_at`.execute(db);
}
