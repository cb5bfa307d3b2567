import { sql } from 'kysely';
import type { Kysely } from 'kysely';

// The uppdrag's content and the provider's work on it (issue 13, item 6), on migration 021's
// `commission`:
// - commission_order: what the uppdrag says, written once when it is sent and never changed —
//   what and why, whom to contact, the consent to share (until a consent register exists: which
//   categories, how, when), the personal data shared as it was sent (only consented categories;
//   never an address), and the notice for a person with skyddade personuppgifter.
// - commission_event: every step, who and when — sent, accepted, declined (with the reason),
//   ended, a plan version, a note, a report. Append-only.
// - implementation_plan_version: the genomförandeplan, written with the person; a new version
//   each time, never edited away.
// - commission_entry: the provider's notes from sessions and its återrapporter.
// Frozen history: imports nothing from the application.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table commission_order (
      commission_id uuid primary key references commission (id),
      what text not null check (length(what) between 1 and 4000),
      why text not null check (length(why) between 1 and 4000),
      contact text not null check (length(contact) between 1 and 500),
      consent_categories text[] not null
        check (consent_categories <@ array['name', 'personal_identity_number', 'phone', 'language', 'children']),
      consent_way text not null check (consent_way in ('oral', 'written')),
      consent_on date not null,
      shared jsonb not null,
      protection_notice text check (length(protection_notice) between 1 and 2000),
      recorded_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table commission_event (
      commission_id uuid not null references commission (id),
      seq integer not null check (seq > 0),
      type text not null
        check (type in ('sent', 'accepted', 'declined', 'ended', 'plan_version', 'note', 'report')),
      reason text check (length(reason) between 1 and 2000),
      recorded_by uuid not null references app_user (id),
      recorded_at timestamptz not null default now(),
      primary key (commission_id, seq)
    )`.execute(db);

  await sql`
    create table implementation_plan_version (
      commission_id uuid not null references commission (id),
      version integer not null check (version > 0),
      goals text not null check (length(goals) between 1 and 4000),
      actions text not null check (length(actions) between 1 and 4000),
      schedule text not null check (length(schedule) between 1 and 4000),
      participation text not null check (length(participation) between 1 and 4000),
      recorded_by uuid not null references app_user (id),
      recorded_at timestamptz not null default now(),
      primary key (commission_id, version)
    )`.execute(db);

  await sql`
    create table commission_entry (
      id uuid primary key default gen_random_uuid(),
      commission_id uuid not null references commission (id),
      kind text not null check (kind in ('note', 'report')),
      occurred_on date not null,
      text text not null check (length(text) between 1 and 4000),
      recorded_by uuid not null references app_user (id),
      recorded_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index commission_entry_commission on commission_entry (commission_id, occurred_on)`.execute(
    db,
  );

  for (const table of [
    'commission_order',
    'commission_event',
    'implementation_plan_version',
    'commission_entry',
  ]) {
    await sql`create trigger ${sql.raw(`${table}_no_change`)} before update or delete on ${sql.table(table)} for each row execute function reject_change()`.execute(
      db,
    );
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table commission_entry`.execute(db);
  await sql`drop table implementation_plan_version`.execute(db);
  await sql`drop table commission_event`.execute(db);
  await sql`drop table commission_order`.execute(db);
}
