import { sql } from 'kysely';
import type { Kysely } from 'kysely';

// Risk assessment and safety planning: instrument definitions as versioned data, assessments and
// incidents on a case, and a safety plan per person — all kept as history, never edited away.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table instrument_version (
      id text not null check (id ~ '^[a-z0-9-]{3,60}$'),
      version integer not null check (version > 0),
      definition jsonb not null,
      method text not null,
      example boolean not null,
      imported_at timestamptz not null default now(),
      imported_by uuid references app_user (id),
      retired_at timestamptz,
      retired_by uuid references app_user (id),
      primary key (id, version)
    )`.execute(db);

  // An assessment records the instrument and version it used, so it always reads as it was made.
  await sql`
    create table risk_assessment (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references "case" (id),
      person_id uuid not null references person (id),
      kind text not null check (kind in ('structured', 'police')),
      instrument_id text,
      instrument_version integer,
      method text not null,
      answers jsonb not null default '{}',
      score integer,
      level text check (level in ('low', 'medium', 'high')),
      scenario_ratings jsonb,
      motivation text not null check (length(motivation) between 1 and 20000),
      police_reference text,
      consent_reference text,
      assessed_on date not null,
      recorded_by uuid not null references app_user (id),
      recorded_at timestamptz not null default now(),
      foreign key (instrument_id, instrument_version) references instrument_version (id, version),
      check ((kind = 'structured') = (instrument_id is not null)),
      check (kind <> 'police' or (police_reference is not null and consent_reference is not null))
    )`.execute(db);
  await sql`create index risk_assessment_case on risk_assessment (case_id, assessed_on, recorded_at)`.execute(
    db,
  );
  await sql`create index risk_assessment_person on risk_assessment (person_id, assessed_on)`.execute(
    db,
  );
  await sql`create trigger risk_assessment_no_change before update or delete on risk_assessment for each row execute function reject_change()`.execute(
    db,
  );

  // New violence, threats or police reports: each one is a reason to assess the risk again.
  await sql`
    create table case_incident (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references "case" (id),
      occurred_on date not null,
      description text not null check (length(description) between 1 and 5000),
      recorded_by uuid not null references app_user (id),
      recorded_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index case_incident_case on case_incident (case_id, occurred_on)`.execute(db);
  await sql`create trigger case_incident_no_change before update or delete on case_incident for each row execute function reject_change()`.execute(
    db,
  );

  // The safety plan of one person, made in a case: each save a new version, the history kept.
  await sql`
    create table safety_plan_version (
      person_id uuid not null references person (id),
      version integer not null check (version > 0),
      case_id uuid not null references "case" (id),
      items jsonb not null,
      review_on date,
      recorded_by uuid not null references app_user (id),
      recorded_at timestamptz not null default now(),
      primary key (person_id, version)
    )`.execute(db);
  await sql`create trigger safety_plan_version_no_change before update or delete on safety_plan_version for each row execute function reject_change()`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'safety_plan_version',
    'case_incident',
    'risk_assessment',
    'instrument_version',
  ]) {
    await sql`drop table ${sql.table(table)}`.execute(db);
  }
}
