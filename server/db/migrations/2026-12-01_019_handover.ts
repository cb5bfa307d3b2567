import { sql } from 'kysely';
import type { Kysely } from 'kysely';

// Socialjour hands over to the day unit (issue 13, item 2): the municipality's rules for which
// day unit takes a matter over (one row per target group, and one row of settings: the default
// unit, the children's unit for a child whatever the target group, and socialjour's night), and
// two events in the case's log, the handover planned at intake and the handover carried out.
// Frozen history: imports nothing from the application.
const types = (extra: string[]) =>
  sql.raw(
    [
      'intake_registered',
      'acute_screening',
      'application_recorded',
      'consent_recorded',
      'preliminary_assessment',
      'child_report_registered',
      'child_report_waived',
      'communication_recorded',
      'decision_recorded',
      'case_closed',
      'case_assigned',
      'acute_decision_recorded',
      ...extra,
    ]
      .map((t) => `'${t}'`)
      .join(', '),
  );

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table handover_rule (
      target_group text primary key check (target_group in ('victim', 'perpetrator', 'child',
        'honour_violence', 'prostitution', 'trafficking', 'sexual_violence')),
      unit_id uuid not null references unit (id)
    )`.execute(db);
  await sql`
    create table handover_setting (
      id boolean primary key default true check (id),
      default_unit_id uuid not null references unit (id),
      child_unit_id uuid references unit (id),
      night_starts_hour integer not null check (night_starts_hour between 0 and 23),
      night_ends_hour integer not null check (night_ends_hour between 0 and 23),
      version integer not null default 1,
      updated_by uuid references app_user (id),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`alter table case_event drop constraint case_event_type_check`.execute(db);
  await sql`alter table case_event add constraint case_event_type_check
    check (type in (${types(['handover_planned', 'case_handed_over'])}))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  // The log refuses deletes; going back a version is the one time these events may go.
  await sql`alter table case_event disable trigger case_event_no_change`.execute(db);
  await sql`delete from case_event where type in ('handover_planned', 'case_handed_over')`.execute(
    db,
  );
  await sql`alter table case_event enable trigger case_event_no_change`.execute(db);
  await sql`alter table case_event drop constraint case_event_type_check`.execute(db);
  await sql`alter table case_event add constraint case_event_type_check
    check (type in (${types([])}))`.execute(db);
  await sql`drop table handover_setting`.execute(db);
  await sql`drop table handover_rule`.execute(db);
}
