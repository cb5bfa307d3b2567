import { sql } from 'kysely';
import type { Kysely } from 'kysely';

// Moving a case to another municipality (issue 16, item 4; core/domain/transfers.ts):
// - case_transfer: the request, written on the case: to which municipality, where it is sent,
//   and the three grounds 2 a kap. 10 § SoL weighs (connection, the person's wishes, duration).
// - case_transfer_approval: the enhetschef's decision to make the request (delegation).
// - case_transfer_answer: the receiving municipality's decision, as it answered.
// - case_transfer_package: the package produced on acceptance, the bytes as they left.
// - case_transfer_completion: the package sent; the case was closed with it.
// - transfer_import, transfer_import_document: the receiving side — a package read into a new case.
// - every loaded legal catalogue gains the paragraph a transfer rests on.
// All append-only. Frozen history: imports nothing from the application.
const references = { caseTransfer: '2 a kap. 10 § SoL' };

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table case_transfer (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references "case" (id),
      person_id uuid not null references person (id),
      receiving_municipality text not null check (length(receiving_municipality) between 1 and 200),
      channel jsonb not null check (jsonb_typeof(channel) = 'object'),
      grounds text not null check (length(grounds) between 1 and 5000),
      wishes text not null check (length(wishes) between 1 and 5000),
      duration text not null check (length(duration) between 1 and 2000),
      requested_by uuid not null references app_user (id),
      requested_at timestamptz not null
    )`.execute(db);
  await sql`create index case_transfer_case on case_transfer (case_id)`.execute(db);

  await sql`
    create table case_transfer_approval (
      transfer_id uuid primary key references case_transfer (id),
      id uuid not null unique default gen_random_uuid(),
      approved_by uuid not null references app_user (id),
      approved_at timestamptz not null
    )`.execute(db);

  await sql`
    create table case_transfer_answer (
      transfer_id uuid primary key references case_transfer_approval (transfer_id),
      id uuid not null unique default gen_random_uuid(),
      outcome text not null check (outcome in ('accepted', 'refused')),
      decided_on date not null,
      reference text check (length(reference) between 1 and 200),
      comment text check (length(comment) between 1 and 5000),
      recorded_by uuid not null references app_user (id),
      recorded_at timestamptz not null
    )`.execute(db);

  await sql`
    create table case_transfer_package (
      transfer_id uuid primary key references case_transfer_answer (transfer_id),
      package_id uuid not null unique,
      content bytea not null,
      sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
      documents jsonb not null check (jsonb_typeof(documents) = 'array'),
      created_by uuid not null references app_user (id),
      created_at timestamptz not null
    )`.execute(db);

  await sql`
    create table case_transfer_completion (
      transfer_id uuid primary key references case_transfer_package (transfer_id),
      sent_on date not null,
      completed_by uuid not null references app_user (id),
      completed_at timestamptz not null
    )`.execute(db);

  await sql`
    create table transfer_import (
      id uuid primary key default gen_random_uuid(),
      package_id uuid not null unique,
      package_sha256 text not null check (package_sha256 ~ '^[0-9a-f]{64}$'),
      case_id uuid not null references "case" (id),
      person_id uuid not null references person (id),
      from_municipality text not null,
      from_unit text not null,
      from_handlaggare text not null,
      legal_basis text not null,
      grounds text not null,
      wishes text not null,
      duration text not null,
      risk jsonb check (risk is null or jsonb_typeof(risk) = 'object'),
      decisions jsonb not null check (jsonb_typeof(decisions) = 'array'),
      imported_by uuid not null references app_user (id),
      imported_at timestamptz not null
    )`.execute(db);
  await sql`create index transfer_import_case on transfer_import (case_id)`.execute(db);

  await sql`
    create table transfer_import_document (
      id uuid primary key default gen_random_uuid(),
      import_id uuid not null references transfer_import (id),
      position integer not null check (position >= 0),
      kind text not null check (kind in ('investigation', 'decision')),
      title text not null,
      filename text not null,
      pdf bytea not null,
      sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
      unique (import_id, position)
    )`.execute(db);

  for (const table of [
    'case_transfer',
    'case_transfer_approval',
    'case_transfer_answer',
    'case_transfer_package',
    'case_transfer_completion',
    'transfer_import',
    'transfer_import_document',
  ]) {
    await sql`create trigger ${sql.raw(`${table}_no_change`)} before update or delete on ${sql.table(table)} for each row execute function reject_change()`.execute(
      db,
    );
  }

  for (const [concept, reference] of Object.entries(references)) {
    await sql`update legal_catalogue
      set "references" = "references" || jsonb_build_object(${concept}::text, ${reference}::text)
      where "references" ->> ${concept} is null`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const concept of Object.keys(references)) {
    await sql`update legal_catalogue set "references" = "references" - ${concept}::text`.execute(
      db,
    );
  }
  for (const table of [
    'transfer_import_document',
    'transfer_import',
    'case_transfer_completion',
    'case_transfer_package',
    'case_transfer_answer',
    'case_transfer_approval',
    'case_transfer',
  ]) {
    await sql`drop table ${sql.table(table)}`.execute(db);
  }
}
