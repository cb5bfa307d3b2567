import { sql } from 'kysely';
import type { Kysely } from 'kysely';

// Disclosure to the police and other agencies, and the adult's own decision about reporting the
// violence (issue 16, item 2; core/domain/agency-disclosures.ts):
// - agency_disclosure: what was told to which agency (police, prosecutor, another), who took it,
//   when, how, in the handläggare's words; our risk assessment if it was shared. Its ground and
//   categories are in the disclosure row that points at it, as for every disclosure.
// - crime_report_decision: where she stands on reporting — each time she says it, a new row.
// - consent and disclosure gain the purpose agency_disclosure.
// All append-only. Frozen history: imports nothing from the application.
const purposes = `'commission', 'coordination_meeting', 'coordinated_plan', 'internal_plan', 'partner_contact', 'agency_disclosure'`;
const oldPurposes = `'commission', 'coordination_meeting', 'coordinated_plan', 'internal_plan', 'partner_contact'`;

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table agency_disclosure (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references "case" (id),
      person_id uuid not null references person (id),
      agency_kind text not null check (agency_kind in ('police', 'prosecutor', 'other')),
      agency_name text not null check (length(agency_name) between 1 and 300),
      received_by text check (length(received_by) between 1 and 300),
      disclosed_on date not null,
      way text not null check (way in ('oral', 'written')),
      what text not null check (length(what) between 1 and 5000),
      risk_assessment_id uuid references risk_assessment (id),
      recorded_by uuid not null references app_user (id),
      recorded_at timestamptz not null
    )`.execute(db);
  await sql`create index agency_disclosure_case on agency_disclosure (case_id)`.execute(db);

  await sql`
    create table crime_report_decision (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references "case" (id),
      person_id uuid not null references person (id),
      decision text not null check (decision in ('reported', 'will_report', 'undecided', 'declined')),
      decided_on date not null,
      note text check (length(note) between 1 and 2000),
      recorded_by uuid not null references app_user (id),
      recorded_at timestamptz not null
    )`.execute(db);
  await sql`create index crime_report_decision_case on crime_report_decision (case_id)`.execute(db);

  await sql`alter table disclosure add column agency_disclosure_id uuid references agency_disclosure (id)`.execute(
    db,
  );
  await sql`alter table disclosure drop constraint disclosure_purpose_check`.execute(db);
  await sql`alter table disclosure add constraint disclosure_purpose_check check (purpose in (${sql.raw(purposes)}))`.execute(
    db,
  );
  await sql`alter table consent drop constraint consent_purposes_check`.execute(db);
  await sql`alter table consent add constraint consent_purposes_check check (cardinality(purposes) > 0 and purposes <@ array[${sql.raw(purposes)}])`.execute(
    db,
  );

  for (const table of ['agency_disclosure', 'crime_report_decision']) {
    await sql`create trigger ${sql.raw(`${table}_no_change`)} before update or delete on ${sql.table(table)} for each row execute function reject_change()`.execute(
      db,
    );
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table consent drop constraint consent_purposes_check`.execute(db);
  await sql`alter table consent add constraint consent_purposes_check check (cardinality(purposes) > 0 and purposes <@ array[${sql.raw(oldPurposes)}])`.execute(
    db,
  );
  await sql`alter table disclosure drop constraint disclosure_purpose_check`.execute(db);
  await sql`alter table disclosure add constraint disclosure_purpose_check check (purpose in (${sql.raw(oldPurposes)}))`.execute(
    db,
  );
  await sql`alter table disclosure drop column agency_disclosure_id`.execute(db);
  await sql`drop table crime_report_decision`.execute(db);
  await sql`drop table agency_disclosure`.execute(db);
}
