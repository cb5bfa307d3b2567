import { sql } from 'kysely';
import type { Kysely } from 'kysely';

// Råd och stöd (issue 13, item 4): a service, not bistånd — each session held is recorded (the
// day, who held it, what was done), up to five without a beslut (core/domain/advice-and-support.ts).
// A record of what happened: never edited, never deleted.
// Frozen history: imports nothing from the application.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table advice_session (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references "case" (id),
      person_id uuid not null references person (id),
      held_on date not null,
      held_by uuid not null references app_user (id),
      note text not null check (length(note) between 1 and 2000),
      recorded_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index advice_session_case on advice_session (case_id, held_on, recorded_at)`.execute(
    db,
  );
  await sql`create trigger advice_session_no_change before update or delete on advice_session for each row execute function reject_change()`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table advice_session`.execute(db);
}
