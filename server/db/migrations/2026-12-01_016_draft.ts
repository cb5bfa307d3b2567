import { sql } from 'kysely';
import type { Kysely } from 'kysely';

// Every long form autosaves its writer's unsaved text the same way (issue 12): one table, a row
// per writer, case, kind of form and the record within it (an utredning section, a person's
// safety plan, a corrected journal entry, 'new' for a new journal entry). It replaces
// journal_draft, whose rows move here, so no half-written entry is lost by the upgrade. The case
// is in the key so that reading a draft is authorized by the case like the record itself.
// Frozen history: imports nothing from the application.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table draft (
      user_id uuid not null references app_user (id),
      case_id uuid not null references "case" (id),
      kind text not null check (kind in ('journal', 'journal_correction', 'investigation_section', 'safety_plan')),
      key text not null check (key ~ '^[A-Za-z0-9_-]{1,64}$'),
      payload jsonb not null,
      saved_at timestamptz not null,
      primary key (user_id, case_id, kind, key)
    )`.execute(db);
  await sql`
    insert into draft (user_id, case_id, kind, key, payload, saved_at)
    select user_id, case_id, 'journal', 'new', payload, saved_at from journal_draft`.execute(db);
  await sql`drop table journal_draft`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    create table journal_draft (
      case_id uuid not null references "case" (id),
      user_id uuid not null references app_user (id),
      payload jsonb not null,
      saved_at timestamptz not null default now(),
      primary key (case_id, user_id)
    )`.execute(db);
  await sql`
    insert into journal_draft (case_id, user_id, payload, saved_at)
    select case_id, user_id, payload, saved_at from draft
    where kind = 'journal' and key = 'new'`.execute(db);
  await sql`drop table draft`.execute(db);
}
