import { sql } from 'kysely';
import type { Kysely } from 'kysely';

// The family around a case (issue 14).
// - counterpart: what a person's file records about someone related to them — the person who
//   uses violence against them above all, or another member of the household — whether or not
//   that someone has a file here. It belongs to the file it was told in (person_id, recorded in
//   case_id) and is read only with access to that file. A known identity number links it to a
//   person with the same number *for the rules only* (the safe-channel check, the risk work):
//   the link is found by the number when a rule needs it and never stored, so a file opened
//   later is linked too. A series of versions keyed (id, version): ended or wrongly recorded is
//   a new version with its reason; nothing is erased.
// - person_relation_version: the history of a relation between two persons in Värn. The row in
//   person_relation stays the current state the rules read (kind, violence, guardian, status);
//   each change, the first included, is a version here, with who and why.
// - person.stated_age / stated_age_on: a child's age as told at intake when the identity number
//   is not known ("about seven"), so that the duty to report can end when the child grows up.
// Frozen history: imports nothing from the application.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table counterpart (
      id uuid not null,
      version integer not null check (version > 0),
      person_id uuid not null references person (id),
      case_id uuid not null references "case" (id),
      identity_kind text check (identity_kind in ('personnummer', 'samordningsnummer')),
      identity_number text,
      given_name text check (length(given_name) between 1 and 200),
      family_name text check (length(family_name) between 1 and 200),
      description text check (length(description) between 1 and 2000),
      relation text not null check (relation in ('partner', 'former_partner', 'parent',
        'child', 'sibling', 'other_relative', 'other')),
      uses_violence boolean not null,
      lives_together boolean,
      contact jsonb not null default '[]'::jsonb check (jsonb_typeof(contact) = 'array'),
      whereabouts text check (length(whereabouts) <= 2000),
      status text not null default 'current' check (status in ('current', 'ended',
        'wrongly_recorded')),
      change_reason text check (length(change_reason) between 1 and 2000),
      recorded_by uuid not null references app_user (id),
      recorded_at timestamptz not null default now(),
      primary key (id, version),
      check ((version = 1) = (change_reason is null)),
      check ((identity_kind is null) = (identity_number is null)),
      check (identity_number is not null or given_name is not null or family_name is not null
        or description is not null)
    )`.execute(db);
  await sql`create index counterpart_person on counterpart (person_id)`.execute(db);
  await sql`create index counterpart_identity on counterpart (identity_number) where identity_number is not null`.execute(
    db,
  );
  await sql`create trigger counterpart_no_change before update or delete on counterpart for each row execute function reject_change()`.execute(
    db,
  );

  await sql`alter table person_relation add column guardian boolean not null default false`.execute(
    db,
  );
  await sql`alter table person_relation add column status text not null default 'current' check (status in ('current', 'ended', 'wrongly_recorded'))`.execute(
    db,
  );
  await sql`
    create table person_relation_version (
      relation_id uuid not null references person_relation (id),
      version integer not null check (version > 0),
      kind text not null,
      violence text not null,
      guardian boolean not null,
      status text not null check (status in ('current', 'ended', 'wrongly_recorded')),
      change_reason text check (length(change_reason) between 1 and 2000),
      recorded_by uuid references app_user (id),
      recorded_at timestamptz not null default now(),
      primary key (relation_id, version),
      check ((version = 1) = (change_reason is null))
    )`.execute(db);
  await sql`create trigger person_relation_version_no_change before update or delete on person_relation_version for each row execute function reject_change()`.execute(
    db,
  );
  // Every relation's first version is written with it, whoever inserts it; later versions are
  // written by the one command that changes a relation (server/case-kernel/relations.ts).
  await sql`
    create function person_relation_first_version() returns trigger language plpgsql as $$
    begin
      insert into person_relation_version
        (relation_id, version, kind, violence, guardian, status, recorded_by, recorded_at)
      values (new.id, 1, new.kind, new.violence, new.guardian, new.status, new.created_by,
        new.created_at);
      return new;
    end $$`.execute(db);
  await sql`create trigger person_relation_first_version after insert on person_relation for each row execute function person_relation_first_version()`.execute(
    db,
  );
  // The relations recorded before the history: their state then is their first version.
  await sql`
    insert into person_relation_version
      (relation_id, version, kind, violence, guardian, status, recorded_by, recorded_at)
    select id, 1, kind, violence, guardian, status, created_by, created_at from person_relation`.execute(
    db,
  );

  await sql`alter table person add column stated_age smallint check (stated_age between 0 and 17)`.execute(
    db,
  );
  await sql`alter table person add column stated_age_on date`.execute(db);
  await sql`alter table person add constraint person_stated_age_on check ((stated_age is null) = (stated_age_on is null))`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table person drop constraint person_stated_age_on`.execute(db);
  await sql`alter table person drop column stated_age_on`.execute(db);
  await sql`alter table person drop column stated_age`.execute(db);
  await sql`drop trigger person_relation_first_version on person_relation`.execute(db);
  await sql`drop function person_relation_first_version()`.execute(db);
  await sql`drop table person_relation_version`.execute(db);
  await sql`alter table person_relation drop column status`.execute(db);
  await sql`alter table person_relation drop column guardian`.execute(db);
  await sql`drop table counterpart`.execute(db);
}
