import { sql } from 'kysely';
import type { Kysely } from 'kysely';

// The signed consent itself (issue 15, item 1: "how it was given (oral/written, document
// attached)"): a file attached to a consent of the register, kept in the database with the rest
// of the file, so that a backup holds it and access to it is the case's.
// - consent_document: the file — its media type as recognised from its first bytes (never its
//   name), the name it had, its size and SHA-256, its bytes; who attached it and when.
// Append-only: a better scan is a new document; the first stays.
// Frozen history: imports nothing from the application.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table consent_document (
      id uuid primary key default gen_random_uuid(),
      consent_id uuid not null references consent (id),
      media_type text not null check (media_type in ('application/pdf', 'image/jpeg', 'image/png')),
      filename text not null check (length(filename) between 1 and 200),
      size_bytes integer not null check (size_bytes between 1 and 4194304),
      sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
      content bytea not null check (octet_length(content) = size_bytes),
      attached_by uuid not null references app_user (id),
      attached_at timestamptz not null
    )`.execute(db);
  await sql`create index consent_document_consent on consent_document (consent_id)`.execute(db);
  await sql`create trigger consent_document_no_change before update or delete on consent_document for each row execute function reject_change()`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table consent_document`.execute(db);
}
