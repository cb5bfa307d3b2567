import { sql } from 'kysely';
import type { Kysely } from 'kysely';

// Intyg (issue 16, item 1; core/domain/certificates.ts):
// - certificate: one intyg of a file — whose, written by whom first.
// - certificate_version: what it says, each version a new row: the purpose, the recipient (and
//   the channel it is sent to, if any), what is certified, the statements with their sources and
//   secrecy tests (JSON). A stale version is refused: the primary key lets one writer in.
// - certificate_review: a version reviewed — approved or returned — by someone who wrote none.
// - certificate_issue: the version that left, once: the primary key is the certificate.
// All append-only. Frozen history: imports nothing from the application.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table certificate (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references "case" (id),
      person_id uuid not null references person (id),
      created_by uuid not null references app_user (id),
      created_at timestamptz not null
    )`.execute(db);
  await sql`create index certificate_case on certificate (case_id)`.execute(db);

  await sql`
    create table certificate_version (
      certificate_id uuid not null references certificate (id),
      version integer not null check (version > 0),
      purpose text not null check (purpose in ('protected_personal_data', 'housing_priority', 'legal_proceedings', 'other')),
      purpose_text text not null check (length(purpose_text) between 1 and 1000),
      recipient_name text not null check (length(recipient_name) between 1 and 300),
      recipient_channel jsonb check (recipient_channel is null or jsonb_typeof(recipient_channel) = 'object'),
      certifies text not null check (length(certifies) between 1 and 2000),
      statements jsonb not null check (jsonb_typeof(statements) = 'array'),
      written_by uuid not null references app_user (id),
      written_at timestamptz not null,
      primary key (certificate_id, version)
    )`.execute(db);

  await sql`
    create table certificate_review (
      id uuid primary key default gen_random_uuid(),
      certificate_id uuid not null,
      version integer not null,
      outcome text not null check (outcome in ('approved', 'returned')),
      comment text check (length(comment) between 1 and 2000),
      reviewed_by uuid not null references app_user (id),
      reviewed_at timestamptz not null,
      foreign key (certificate_id, version) references certificate_version (certificate_id, version)
    )`.execute(db);
  await sql`create index certificate_review_certificate on certificate_review (certificate_id)`.execute(
    db,
  );

  await sql`
    create table certificate_issue (
      certificate_id uuid primary key references certificate (id),
      version integer not null,
      review_id uuid not null references certificate_review (id),
      issued_by uuid not null references app_user (id),
      issued_at timestamptz not null,
      foreign key (certificate_id, version) references certificate_version (certificate_id, version)
    )`.execute(db);

  for (const table of [
    'certificate',
    'certificate_version',
    'certificate_review',
    'certificate_issue',
  ]) {
    await sql`create trigger ${sql.raw(`${table}_no_change`)} before update or delete on ${sql.table(table)} for each row execute function reject_change()`.execute(
      db,
    );
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table certificate_issue`.execute(db);
  await sql`drop table certificate_review`.execute(db);
  await sql`drop table certificate_version`.execute(db);
  await sql`drop table certificate`.execute(db);
}
