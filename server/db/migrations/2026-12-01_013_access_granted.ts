import { sql } from 'kysely';
import type { Kysely } from 'kysely';

// Access is granted, never taken (docs/SECURITY.md).
//
// 1. A matter registered about a person who already has a file is routed to the unit responsible
//    for that file; `routed_by` names the registering user, whom the policy never lets reach the
//    file through that matter (no queue access, no taking it from the queue).
// 2. A safety plan belongs to the case it was made in: another case about the same person (the
//    perpetrator's, say) never reads or overwrites it. The versions are renumbered per case; the
//    table refuses UPDATE and DELETE, so the new table is filled from the old one and replaces it.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table "case" add column routed_by uuid references app_user (id)`.execute(db);

  await sql`
    create table safety_plan_version_by_case (
      case_id uuid not null references "case" (id),
      person_id uuid not null references person (id),
      version integer not null check (version > 0),
      items jsonb not null,
      review_on date,
      recorded_by uuid not null references app_user (id),
      recorded_at timestamptz not null default now(),
      primary key (case_id, person_id, version)
    )`.execute(db);
  await sql`
    insert into safety_plan_version_by_case
      (case_id, person_id, version, items, review_on, recorded_by, recorded_at)
    select case_id, person_id,
           row_number() over (partition by case_id, person_id order by version),
           items, review_on, recorded_by, recorded_at
    from safety_plan_version`.execute(db);
  await sql`drop table safety_plan_version`.execute(db);
  await sql`alter table safety_plan_version_by_case rename to safety_plan_version`.execute(db);
  await sql`alter table safety_plan_version rename constraint safety_plan_version_by_case_pkey to safety_plan_version_pkey`.execute(
    db,
  );
  await sql`create trigger safety_plan_version_no_change before update or delete on safety_plan_version for each row execute function reject_change()`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger safety_plan_version_no_change on safety_plan_version`.execute(db);
  await sql`alter table safety_plan_version drop constraint safety_plan_version_pkey`.execute(db);
  await sql`
    create temporary table plan_renumbered as
    select person_id, case_id, items, review_on, recorded_by, recorded_at,
           row_number() over (partition by person_id order by recorded_at, case_id, version) as v
    from safety_plan_version`.execute(db);
  await sql`drop table safety_plan_version`.execute(db);
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
  await sql`
    insert into safety_plan_version
    select person_id, v, case_id, items, review_on, recorded_by, recorded_at from plan_renumbered`.execute(
    db,
  );
  await sql`create trigger safety_plan_version_no_change before update or delete on safety_plan_version for each row execute function reject_change()`.execute(
    db,
  );
  await sql`alter table "case" drop column routed_by`.execute(db);
}
