import { sql } from 'kysely';
import type { Kysely } from 'kysely';

// Uppföljning of an uppdrag (issue 13, item 7).
// - follow_up_due: a date by which the handläggare is to follow up an uppdrag. Moving or
//   cancelling it is a new version (with its reason); the earlier ones stay.
// - follow_up: an uppföljning recorded by the handläggare: when and how, with whom, the person's
//   own view, the assessment, the actions decided, and the måluppfyllelse (fully / partly / not
//   met) that systematic follow-up counts. A correction is a new version with its reason.
// Both are series of versions keyed (id, version): two writers from the same version cannot both
// get in, and the triggers refuse any change to what is written.
// Frozen history: imports nothing from the application.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table follow_up_due (
      id uuid not null,
      version integer not null check (version > 0),
      case_id uuid not null references "case" (id),
      commission_id uuid not null references commission (id),
      due_on date not null,
      cancelled boolean not null default false,
      change_reason text check (length(change_reason) between 1 and 2000),
      recorded_by uuid not null references app_user (id),
      recorded_at timestamptz not null default now(),
      primary key (id, version),
      check ((version = 1) = (change_reason is null)),
      check (version > 1 or not cancelled)
    )`.execute(db);
  await sql`create index follow_up_due_case on follow_up_due (case_id)`.execute(db);
  await sql`create trigger follow_up_due_no_change before update or delete on follow_up_due for each row execute function reject_change()`.execute(
    db,
  );

  await sql`
    create table follow_up (
      id uuid not null,
      version integer not null check (version > 0),
      case_id uuid not null references "case" (id),
      person_id uuid not null references person (id),
      commission_id uuid not null references commission (id),
      due_id uuid,
      followed_up_on date not null,
      method text not null check (method in ('meeting', 'phone', 'video', 'written_report')),
      with_person boolean not null,
      with_provider boolean not null,
      person_view text not null check (length(person_view) <= 5000),
      assessment text not null check (length(assessment) between 1 and 5000),
      actions text not null check (length(actions) <= 5000),
      goal_fulfilment text not null check (goal_fulfilment in ('fully', 'partly', 'not_met')),
      correction_reason text check (length(correction_reason) between 1 and 2000),
      recorded_by uuid not null references app_user (id),
      recorded_at timestamptz not null default now(),
      primary key (id, version),
      check ((version = 1) = (correction_reason is null)),
      check (with_person or with_provider)
    )`.execute(db);
  await sql`create index follow_up_case on follow_up (case_id)`.execute(db);
  await sql`create trigger follow_up_no_change before update or delete on follow_up for each row execute function reject_change()`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table follow_up`.execute(db);
  await sql`drop table follow_up_due`.execute(db);
}
