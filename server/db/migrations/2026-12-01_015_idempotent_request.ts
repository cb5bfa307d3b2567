import { sql } from 'kysely';
import type { Kysely } from 'kysely';

// A write sent with an Idempotency-Key commits its answer here in its own transaction, so a retry
// after a lost answer gets the first answer back instead of making a second record. The answer is
// sealed (it may carry personal data) and kept only a day; person_ids and case_ids let the replay
// be audited against the same people as the first answer.
// Frozen history: imports nothing from the application.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table idempotent_request (
      user_id uuid not null references app_user (id),
      key text not null,
      fingerprint text not null,
      status_code integer not null,
      response text not null,
      person_ids uuid[] not null default '{}',
      case_ids uuid[] not null default '{}',
      correlation_id text not null,
      created_at timestamptz not null,
      primary key (user_id, key)
    )`.execute(db);
  await sql`create index idempotent_request_created on idempotent_request (created_at)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table idempotent_request`.execute(db);
}
