import { sql } from 'kysely';
import type { Kysely } from 'kysely';

// Samråd (issue 15, item 2; core/domain/coordination-meetings.ts): a structured meeting of the
// units and agencies around a person or a family [002 Samordning och samråd].
// - coordination_meeting: called by someone (the holder) of a unit, for a day, with its purpose;
//   a follow-up samråd names the one it follows.
// - coordination_meeting_file: each person's file in the samråd, joined by someone who works it:
//   calling a samråd never brings another's file into it.
// - coordination_meeting_participant: who takes part — a unit or a provider of Värn, an agency or
//   a named person outside it — by the attendee's name and role.
// - coordination_meeting_ground: the consent or legal basis of one participant's presence for one
//   file, recorded by who works the file; the newest per (meeting, file, participant) counts.
// - coordination_meeting_minutes: the samråd held — the day, who wrote the minutes, the follow-up.
// - coordination_meeting_item: the minutes, written once: each question, decision and action item
//   belongs to one file, so each file gets only what concerns its person. An action item has an
//   owner (the file's handläggare, or a participant) and a due day.
// - coordination_action_done: an action item followed up and closed.
// - disclosure gains the samråd and the beslut (partnerkontakt) a disclosure belongs to.
// All append-only. Frozen history: imports nothing from the application.
const categories = sql.raw(
  `array['name', 'personal_identity_number', 'phone', 'language', 'children', 'situation', 'violence', 'interventions', 'health', 'treatment']`,
);

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table coordination_meeting (
      id uuid primary key default gen_random_uuid(),
      unit_id uuid not null references unit (id),
      called_by uuid not null references app_user (id),
      called_at timestamptz not null,
      planned_on date not null,
      purpose text not null check (length(purpose) between 1 and 2000),
      follows_id uuid references coordination_meeting (id)
    )`.execute(db);
  await sql`create index coordination_meeting_unit on coordination_meeting (unit_id, planned_on)`.execute(
    db,
  );

  await sql`
    create table coordination_meeting_file (
      meeting_id uuid not null references coordination_meeting (id),
      case_id uuid not null references "case" (id),
      joined_by uuid not null references app_user (id),
      joined_at timestamptz not null,
      primary key (meeting_id, case_id)
    )`.execute(db);
  await sql`create index coordination_meeting_file_case on coordination_meeting_file (case_id)`.execute(
    db,
  );

  await sql`
    create table coordination_meeting_participant (
      id uuid primary key default gen_random_uuid(),
      meeting_id uuid not null references coordination_meeting (id),
      kind text not null check (kind in ('unit', 'provider', 'agency', 'person')),
      unit_id uuid references unit (id),
      provider_id uuid references provider (id),
      organisation text check (length(organisation) between 1 and 300),
      name text not null check (length(name) between 1 and 200),
      role text not null check (length(role) between 1 and 200),
      added_by uuid not null references app_user (id),
      added_at timestamptz not null,
      check ((kind = 'unit') = (unit_id is not null)),
      check ((kind = 'provider') = (provider_id is not null)),
      check ((kind = 'agency') = (organisation is not null))
    )`.execute(db);
  await sql`create index coordination_meeting_participant_meeting on coordination_meeting_participant (meeting_id)`.execute(
    db,
  );
  await sql`create index coordination_meeting_participant_unit on coordination_meeting_participant (unit_id) where unit_id is not null`.execute(
    db,
  );

  await sql`
    create table coordination_meeting_ground (
      id uuid primary key default gen_random_uuid(),
      meeting_id uuid not null,
      case_id uuid not null,
      participant_id uuid not null references coordination_meeting_participant (id),
      categories text[] not null check (cardinality(categories) > 0 and categories <@ ${categories}),
      consent_id uuid references consent (id),
      legal_basis text check (legal_basis in ('secrecyNecessaryDisclosure', 'secrecyViolencePrevention', 'secrecyOverridePolice')),
      legal_reference text check (length(legal_reference) between 1 and 200),
      secrecy_test text check (length(secrecy_test) between 1 and 5000),
      recorded_by uuid not null references app_user (id),
      recorded_at timestamptz not null,
      foreign key (meeting_id, case_id) references coordination_meeting_file (meeting_id, case_id),
      check ((consent_id is not null) <> (legal_basis is not null)),
      check ((legal_basis is not null) = (secrecy_test is not null and legal_reference is not null))
    )`.execute(db);
  await sql`create index coordination_meeting_ground_file on coordination_meeting_ground (meeting_id, case_id)`.execute(
    db,
  );

  await sql`
    create table coordination_meeting_minutes (
      meeting_id uuid primary key references coordination_meeting (id),
      held_on date not null,
      follow_up_on date,
      written_by uuid not null references app_user (id),
      written_at timestamptz not null,
      check (follow_up_on is null or follow_up_on >= held_on)
    )`.execute(db);

  await sql`
    create table coordination_meeting_item (
      id uuid primary key default gen_random_uuid(),
      meeting_id uuid not null references coordination_meeting_minutes (meeting_id),
      case_id uuid not null,
      kind text not null check (kind in ('question', 'decision', 'action')),
      position integer not null check (position >= 0),
      text text not null check (length(text) between 1 and 5000),
      owner_user_id uuid references app_user (id),
      owner_participant_id uuid references coordination_meeting_participant (id),
      due_on date,
      foreign key (meeting_id, case_id) references coordination_meeting_file (meeting_id, case_id),
      unique (meeting_id, position),
      check ((kind = 'action') = (due_on is not null)),
      check ((kind = 'action') = ((owner_user_id is not null) <> (owner_participant_id is not null))),
      check (kind = 'action' or (owner_user_id is null and owner_participant_id is null))
    )`.execute(db);
  await sql`create index coordination_meeting_item_case on coordination_meeting_item (case_id)`.execute(
    db,
  );
  await sql`create index coordination_meeting_item_owner on coordination_meeting_item (owner_user_id) where owner_user_id is not null`.execute(
    db,
  );

  await sql`
    create table coordination_action_done (
      item_id uuid primary key references coordination_meeting_item (id),
      done_on date not null,
      note text check (length(note) between 1 and 2000),
      recorded_by uuid not null references app_user (id),
      recorded_at timestamptz not null
    )`.execute(db);

  await sql`alter table disclosure add column coordination_meeting_id uuid references coordination_meeting (id)`.execute(
    db,
  );
  await sql`alter table disclosure add column decision_id uuid references decision (id)`.execute(
    db,
  );
  await sql`create index disclosure_meeting on disclosure (coordination_meeting_id) where coordination_meeting_id is not null`.execute(
    db,
  );

  for (const table of [
    'coordination_meeting',
    'coordination_meeting_file',
    'coordination_meeting_participant',
    'coordination_meeting_ground',
    'coordination_meeting_minutes',
    'coordination_meeting_item',
    'coordination_action_done',
  ]) {
    await sql`create trigger ${sql.raw(`${table}_no_change`)} before update or delete on ${sql.table(table)} for each row execute function reject_change()`.execute(
      db,
    );
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table disclosure drop column decision_id`.execute(db);
  await sql`alter table disclosure drop column coordination_meeting_id`.execute(db);
  for (const table of [
    'coordination_action_done',
    'coordination_meeting_item',
    'coordination_meeting_minutes',
    'coordination_meeting_ground',
    'coordination_meeting_participant',
    'coordination_meeting_file',
    'coordination_meeting',
  ]) {
    await sql`drop table ${sql.table(table)}`.execute(db);
  }
}
