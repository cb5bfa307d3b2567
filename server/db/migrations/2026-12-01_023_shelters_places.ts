import { sql } from 'kysely';
import type { Kysely } from 'kysely';

// Providers' registry, shelters and their places (issue 13, items 3 and 5), on the foundation of
// migration 021.
// - A provider's edits are versioned: every version is kept as a row (who, when, what it said),
//   the provider row holds the latest and its `version` guards against a stale edit.
// - A shelter (skyddat boende) is a provider with places, a security level (skyddsnivå 1–3: lås
//   och larm → personal dygnet runt → bevakning) and what it can take: children, teenage boys,
//   pets, wheelchairs, the languages its staff speak. Occupancy is never stored: a running
//   uppdrag holds a place, counted when asked.
// - A request for a place that could not be met (no free place, no matching shelter, other) is
//   recorded on the case with what was needed, so the unit can count who was turned away. A
//   record of what happened: never edited, never deleted.
// - A granted beslut names its place (the provider that carries it out); null before this and
//   on an avslag.
// Frozen history: imports nothing from the application.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table shelter (
      provider_id uuid primary key references provider (id),
      places integer not null check (places between 0 and 1000),
      security_level smallint not null check (security_level between 1 and 3),
      takes_children boolean not null,
      takes_teenage_boys boolean not null,
      takes_pets boolean not null,
      wheelchair_accessible boolean not null,
      languages text[] not null default '{}',
      check (not takes_teenage_boys or takes_children)
    )`.execute(db);

  await sql`
    create table provider_version (
      provider_id uuid not null references provider (id),
      version integer not null check (version > 0),
      snapshot jsonb not null,
      changed_by uuid not null references app_user (id),
      changed_at timestamptz not null default now(),
      primary key (provider_id, version)
    )`.execute(db);
  await sql`create trigger provider_version_no_change before update or delete on provider_version for each row execute function reject_change()`.execute(
    db,
  );

  await sql`
    create table shelter_turned_away (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references "case" (id),
      person_id uuid not null references person (id),
      unit_id uuid not null references unit (id),
      reason text not null check (reason in ('no_free_place', 'no_matching_shelter', 'other')),
      needs jsonb not null,
      note text check (length(note) between 1 and 2000),
      recorded_by uuid not null references app_user (id),
      recorded_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index shelter_turned_away_case on shelter_turned_away (case_id, recorded_at)`.execute(
    db,
  );
  await sql`create index shelter_turned_away_unit on shelter_turned_away (unit_id, recorded_at)`.execute(
    db,
  );
  await sql`create trigger shelter_turned_away_no_change before update or delete on shelter_turned_away for each row execute function reject_change()`.execute(
    db,
  );

  await sql`alter table decision_version add column provider_id uuid references provider (id)`.execute(
    db,
  );
  await sql`alter table decision_version add constraint decision_version_provider_check
    check (outcome <> 'refused' or provider_id is null)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table decision_version drop constraint decision_version_provider_check`.execute(
    db,
  );
  await sql`alter table decision_version drop column provider_id`.execute(db);
  await sql`drop table shelter_turned_away`.execute(db);
  await sql`drop table provider_version`.execute(db);
  await sql`drop table shelter`.execute(db);
}
