import { sql } from 'kysely';
import type { Kysely } from 'kysely';

// The case's history as an append-only log of events (aktualisering, screening, förhandsbedömning,
// kommunicering, beslut …). The case row keeps a projection of it for listing and sorting —
// phase, acute need, queue priority — written in the same transaction as each event.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create function reject_change() returns trigger language plpgsql as $$
    begin
      raise exception '% is append-only', tg_table_name using errcode = 'insufficient_privilege';
    end
    $$`.execute(db);

  await sql`
    create table case_event (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references "case" (id),
      seq integer not null check (seq > 0),
      type text not null check (type in ('intake_registered', 'acute_screening', 'application_recorded',
        'consent_recorded', 'preliminary_assessment', 'communication_recorded', 'decision_recorded',
        'case_closed')),
      payload jsonb not null default '{}',
      recorded_at timestamptz not null default now(),
      recorded_by uuid references app_user (id),
      unique (case_id, seq)
    )`.execute(db);
  await sql`create trigger case_event_no_change before update or delete on case_event for each row execute function reject_change()`.execute(
    db,
  );
  await sql`create trigger case_event_no_truncate before truncate on case_event for each statement execute function reject_change()`.execute(
    db,
  );

  await sql`
    alter table "case"
      add column phase text not null default 'preliminary_assessment' check (phase in ('intake',
        'preliminary_assessment', 'investigation', 'communicated', 'decided', 'closed')),
      add column acute_need text check (acute_need in ('yes', 'no', 'unclear')),
      add column queue_priority smallint not null default 1 check (queue_priority in (0, 1)),
      add column received_at timestamptz`.execute(db);
  await sql`update "case" set received_at = opened_at, phase = case when status = 'closed' then 'closed' else 'preliminary_assessment' end`.execute(
    db,
  );
  await sql`alter table "case" alter column received_at set not null, alter column received_at set default now()`.execute(
    db,
  );

  // Cases from before the log get the one event they are known to have had.
  await sql`
    insert into case_event (case_id, seq, type, payload, recorded_at)
    select id, 1, 'intake_registered', jsonb_build_object('intakeType', 'self_contact', 'migrated', true), opened_at
    from "case"`.execute(db);

  await sql`drop index case_unit_queue`.execute(db);
  await sql`create index case_unit_queue on "case" (unit_id, queue_priority, opened_at, id) where status = 'open' and assigned_user_id is null`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index case_unit_queue`.execute(db);
  await sql`create index case_unit_queue on "case" (unit_id, opened_at) where status = 'open' and assigned_user_id is null`.execute(
    db,
  );
  await sql`alter table "case" drop column phase, drop column acute_need, drop column queue_priority, drop column received_at`.execute(
    db,
  );
  await sql`drop table case_event`.execute(db);
  await sql`drop function reject_change()`.execute(db);
}
