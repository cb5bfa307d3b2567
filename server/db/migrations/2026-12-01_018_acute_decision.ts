import { sql } from 'kysely';
import type { Kysely } from 'kysely';

// Protection tonight (issue 13): a beslut taken at once, before kommunicering, because the need
// cannot wait (25 § andra stycket 4 förvaltningslagen). It is a beslut like the others — its own
// event in the case's log, which leaves the phase alone — with the ground recorded beside it and
// the person's own view of the danger as the case's first risk assessment. Every beslut now
// carries the period it grants; those made before have none (null).
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
      ...extra,
    ]
      .map((t) => `'${t}'`)
      .join(', '),
  );

const groundConcept = 'decisionWithoutCommunication';
const groundReference = '25 § andra stycket 4 förvaltningslagen (2017:900)';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table case_event drop constraint case_event_type_check`.execute(db);
  await sql`alter table case_event add constraint case_event_type_check
    check (type in (${types(['acute_decision_recorded'])}))`.execute(db);

  // The person's own view of the danger: a valid first assessment, no instrument, no score.
  await sql`alter table risk_assessment drop constraint risk_assessment_kind_check`.execute(db);
  await sql`alter table risk_assessment add constraint risk_assessment_kind_check
    check (kind in ('structured', 'police', 'own_view'))`.execute(db);

  // The period a beslut grants: fr.o.m.–t.o.m., t.o.m. open where the insats allows. An avslag
  // grants nothing and has none.
  await sql`alter table decision_version add column period_from date`.execute(db);
  await sql`alter table decision_version add column period_to date`.execute(db);
  await sql`alter table decision_version add constraint decision_version_period_check
    check ((period_to is null or period_to >= period_from)
      and (period_to is null or period_from is not null)
      and (outcome <> 'refused' or period_from is null))`.execute(db);

  // What makes a beslut acute: the ground for deciding without prior kommunicering (the legal
  // reference in force then, and why it could not wait) and the first risk assessment it made.
  await sql`
    create table acute_decision (
      decision_id uuid primary key references decision (id),
      ground_reference text not null check (length(ground_reference) between 1 and 200),
      ground_reason text not null check (length(ground_reason) between 1 and 5000),
      own_view_assessment_id uuid not null references risk_assessment (id),
      recorded_at timestamptz not null default now()
    )`.execute(db);
  await sql`create trigger acute_decision_no_change before update or delete on acute_decision for each row execute function reject_change()`.execute(
    db,
  );

  // Every loaded catalogue names the ground: förvaltningslagen is the same whatever the SoL.
  await sql`update legal_catalogue
    set "references" = "references" || jsonb_build_object(${groundConcept}::text, ${groundReference}::text)
    where "references" ->> ${groundConcept} is null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`update legal_catalogue set "references" = "references" - ${groundConcept}::text`.execute(
    db,
  );
  await sql`drop table acute_decision`.execute(db);
  // The versions refuse changes; going back a version is the one time columns may go.
  await sql`alter table decision_version drop constraint decision_version_period_check`.execute(db);
  await sql`alter table decision_version drop column period_to`.execute(db);
  await sql`alter table decision_version drop column period_from`.execute(db);
  await sql`alter table risk_assessment disable trigger risk_assessment_no_change`.execute(db);
  await sql`delete from risk_assessment where kind = 'own_view'`.execute(db);
  await sql`alter table risk_assessment enable trigger risk_assessment_no_change`.execute(db);
  await sql`alter table risk_assessment drop constraint risk_assessment_kind_check`.execute(db);
  await sql`alter table risk_assessment add constraint risk_assessment_kind_check
    check (kind in ('structured', 'police'))`.execute(db);
  await sql`alter table case_event disable trigger case_event_no_change`.execute(db);
  await sql`delete from case_event where type = 'acute_decision_recorded'`.execute(db);
  await sql`alter table case_event enable trigger case_event_no_change`.execute(db);
  await sql`alter table case_event drop constraint case_event_type_check`.execute(db);
  await sql`alter table case_event add constraint case_event_type_check
    check (type in (${types([])}))`.execute(db);
}
