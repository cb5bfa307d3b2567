import { sql } from 'kysely';
import type { Kysely } from 'kysely';

// Who handles a case is part of its history (issue 12): an assignment is an event in the case's
// log, and the case row's assigned_user_id is its projection like the phase. Cases assigned
// before this keep their row's assignee: the projection leaves a field the log does not settle.
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
      ...extra,
    ]
      .map((t) => `'${t}'`)
      .join(', '),
  );

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table case_event drop constraint case_event_type_check`.execute(db);
  await sql`alter table case_event add constraint case_event_type_check
    check (type in (${types(['case_assigned'])}))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  // The log refuses deletes; going back a version is the one time these events may go.
  await sql`alter table case_event disable trigger case_event_no_change`.execute(db);
  await sql`delete from case_event where type = 'case_assigned'`.execute(db);
  await sql`alter table case_event enable trigger case_event_no_change`.execute(db);
  await sql`alter table case_event drop constraint case_event_type_check`.execute(db);
  await sql`alter table case_event add constraint case_event_type_check
    check (type in (${types([])}))`.execute(db);
}
