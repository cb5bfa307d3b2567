import { sql } from 'kysely';
import type { Kysely } from 'kysely';

// A person's own file (issue 16, item 3; core/domain/file-extracts.ts):
// - file_request: the request to see one's file (begäran att ta del av allmän handling), on a
//   case: when, and by the person or a representative.
// - file_extract_version: the handläggare's choices for the extract — each piece masked or given,
//   with its reason — and a hash of the file as it stood, so an approval holds only for that file.
// - file_extract_approval: a version approved by someone with delegation who drafted none of it.
// - file_extract_release: what was released, once: every piece as given or masked, the PDF's
//   bytes and hash, how it was delivered.
// - every loaded legal catalogue gains the secrecy rules the extract cites.
// All append-only. Frozen history: imports nothing from the application.
const references = {
  secrecyOthers: '26 kap. 1 § offentlighets- och sekretesslagen (2009:400)',
  secrecyReporter: '26 kap. 5 § offentlighets- och sekretesslagen (2009:400)',
  secrecyAppeal: '6 kap. 7 § offentlighets- och sekretesslagen (2009:400)',
};

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table file_request (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references "case" (id),
      person_id uuid not null references person (id),
      requested_on date not null,
      requester_kind text not null check (requester_kind in ('person', 'representative')),
      requester_name text check (length(requester_name) between 1 and 300),
      registered_by uuid not null references app_user (id),
      registered_at timestamptz not null,
      check ((requester_kind = 'representative') = (requester_name is not null))
    )`.execute(db);
  await sql`create index file_request_case on file_request (case_id)`.execute(db);

  await sql`
    create table file_extract_version (
      request_id uuid not null references file_request (id),
      version integer not null check (version > 0),
      choices jsonb not null check (jsonb_typeof(choices) = 'array'),
      file_hash text not null check (file_hash ~ '^[0-9a-f]{64}$'),
      written_by uuid not null references app_user (id),
      written_at timestamptz not null,
      primary key (request_id, version)
    )`.execute(db);

  await sql`
    create table file_extract_approval (
      id uuid primary key default gen_random_uuid(),
      request_id uuid not null,
      version integer not null,
      approved_by uuid not null references app_user (id),
      approved_at timestamptz not null,
      foreign key (request_id, version) references file_extract_version (request_id, version)
    )`.execute(db);
  await sql`create index file_extract_approval_request on file_extract_approval (request_id)`.execute(
    db,
  );

  await sql`
    create table file_extract_release (
      request_id uuid primary key references file_request (id),
      version integer not null,
      approval_id uuid not null references file_extract_approval (id),
      pieces jsonb not null check (jsonb_typeof(pieces) = 'array'),
      masked integer not null check (masked >= 0),
      delivery_way text not null check (delivery_way in ('handed_over', 'sent')),
      delivery_channel jsonb check (delivery_channel is null or jsonb_typeof(delivery_channel) = 'object'),
      pdf bytea not null,
      pdf_sha256 text not null check (pdf_sha256 ~ '^[0-9a-f]{64}$'),
      released_by uuid not null references app_user (id),
      released_at timestamptz not null,
      foreign key (request_id, version) references file_extract_version (request_id, version),
      check ((delivery_way = 'sent') = (delivery_channel is not null))
    )`.execute(db);

  for (const table of [
    'file_request',
    'file_extract_version',
    'file_extract_approval',
    'file_extract_release',
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
  await sql`drop table file_extract_release`.execute(db);
  await sql`drop table file_extract_approval`.execute(db);
  await sql`drop table file_extract_version`.execute(db);
  await sql`drop table file_request`.execute(db);
}
