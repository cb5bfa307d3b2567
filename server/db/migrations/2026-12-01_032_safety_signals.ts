import { sql } from 'kysely';
import type { Kysely } from 'kysely';

// Safety signals between files (issue 14 item 5; core/domain/safety-signals.ts).
// - safety_signal: a prompt raised in a linked person's open case by an event in another file,
//   in the same transaction as the event. What the receiving case may read of it is the subject,
//   the day raised and the day due. Its source — the case and the record (incident or uppdrag)
//   that raised it — is kept for the audit only and is never read for a view. Append-only.
// - safety_signal_handled: the receiving handläggare marked it reviewed: when and who. One row
//   per signal, append-only: a handling is never undone or erased.
// Frozen history: imports nothing from the application.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table safety_signal (
      id uuid primary key default gen_random_uuid(),
      kind text not null check (kind in ('insats_ended', 'incident_registered', 'left_shelter')),
      review text not null check (review in ('risk_assessment', 'safety_plan')),
      target_case_id uuid not null references "case" (id),
      target_person_id uuid not null references person (id),
      raised_at timestamptz not null,
      raised_on date not null,
      due_on date not null check (due_on >= raised_on),
      source_case_id uuid not null references "case" (id),
      source_record_id uuid not null,
      check (source_case_id <> target_case_id)
    )`.execute(db);
  await sql`create index safety_signal_target on safety_signal (target_case_id)`.execute(db);
  await sql`create trigger safety_signal_no_change before update or delete on safety_signal for each row execute function reject_change()`.execute(
    db,
  );
  await sql`
    create table safety_signal_handled (
      signal_id uuid primary key references safety_signal (id),
      handled_on date not null,
      handled_by uuid not null references app_user (id),
      handled_at timestamptz not null
    )`.execute(db);
  await sql`create trigger safety_signal_handled_no_change before update or delete on safety_signal_handled for each row execute function reject_change()`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table safety_signal_handled`.execute(db);
  await sql`drop table safety_signal`.execute(db);
}
