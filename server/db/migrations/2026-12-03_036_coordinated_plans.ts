import { sql } from 'kysely';
import type { Kysely } from 'kysely';

// SIP and intern samverkansplan (issue 15, item 3; core/domain/coordinated-plans.ts): one
// person's plan, made in their file, resting on their consent alone.
// - coordinated_plan: the plan — its kind (sip, internal), the file and the person.
// - coordinated_plan_version: what it says, each version a new row: the insatser needed, the
//   participants with what each is responsible for and the consent each takes part on (JSON),
//   what others do, who holds the overall responsibility, the follow-up date, the categories it
//   shares. A stale version is refused: two writers from the same version cannot both get in.
// - coordinated_plan_follow_up: the plan followed up — when, how the person sees it, the
//   assessment, the måluppfyllelse — as an uppdrag is.
// - disclosure gains the plan and version a disclosure belongs to.
// All append-only. Frozen history: imports nothing from the application.
const categories = sql.raw(
  `array['name', 'personal_identity_number', 'phone', 'language', 'children', 'situation', 'violence', 'interventions', 'health', 'treatment']`,
);

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table coordinated_plan (
      id uuid primary key default gen_random_uuid(),
      kind text not null check (kind in ('sip', 'internal')),
      case_id uuid not null references "case" (id),
      person_id uuid not null references person (id),
      created_by uuid not null references app_user (id),
      created_at timestamptz not null
    )`.execute(db);
  await sql`create index coordinated_plan_case on coordinated_plan (case_id)`.execute(db);

  await sql`
    create table coordinated_plan_version (
      plan_id uuid not null references coordinated_plan (id),
      version integer not null check (version > 0),
      needs text not null check (length(needs) between 1 and 10000),
      participants jsonb not null check (jsonb_typeof(participants) = 'array'),
      others_do text not null check (length(others_do) <= 5000),
      overall_responsible integer not null check (overall_responsible >= 0),
      follow_up_on date not null,
      categories text[] not null check (cardinality(categories) > 0 and categories <@ ${categories}),
      recorded_by uuid not null references app_user (id),
      recorded_at timestamptz not null,
      primary key (plan_id, version)
    )`.execute(db);

  await sql`
    create table coordinated_plan_follow_up (
      id uuid primary key default gen_random_uuid(),
      plan_id uuid not null references coordinated_plan (id),
      followed_up_on date not null,
      person_view text not null check (length(person_view) <= 5000),
      assessment text not null check (length(assessment) between 1 and 5000),
      goal_fulfilment text not null check (goal_fulfilment in ('fully', 'partly', 'not_met')),
      recorded_by uuid not null references app_user (id),
      recorded_at timestamptz not null
    )`.execute(db);
  await sql`create index coordinated_plan_follow_up_plan on coordinated_plan_follow_up (plan_id)`.execute(
    db,
  );

  await sql`alter table disclosure add column coordinated_plan_id uuid references coordinated_plan (id)`.execute(
    db,
  );
  await sql`alter table disclosure add column coordinated_plan_version integer`.execute(db);
  await sql`alter table disclosure add constraint disclosure_plan_version check ((coordinated_plan_id is null) = (coordinated_plan_version is null))`.execute(
    db,
  );

  for (const table of [
    'coordinated_plan',
    'coordinated_plan_version',
    'coordinated_plan_follow_up',
  ]) {
    await sql`create trigger ${sql.raw(`${table}_no_change`)} before update or delete on ${sql.table(table)} for each row execute function reject_change()`.execute(
      db,
    );
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table disclosure drop constraint disclosure_plan_version`.execute(db);
  await sql`alter table disclosure drop column coordinated_plan_version`.execute(db);
  await sql`alter table disclosure drop column coordinated_plan_id`.execute(db);
  await sql`drop table coordinated_plan_follow_up`.execute(db);
  await sql`drop table coordinated_plan_version`.execute(db);
  await sql`drop table coordinated_plan`.execute(db);
}
