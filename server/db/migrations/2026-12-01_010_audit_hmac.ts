import { sql } from 'kysely';
import type { Kysely } from 'kysely';

// The audit chain's hash moves out of the database. Until now the insert trigger hashed each row
// with the database's own SHA-256, so whoever owned the database could edit a row (triggers off)
// and recompute the chain the same way. From here Värn signs each row with HMAC-SHA-256 under a
// key the database never holds (VARN_AUDIT_KEY) and names that key in `key_id`; the trigger only
// checks that the row extends the chain. Frozen history: imports nothing from the application.
//
// Existing rows cannot be re-signed here (the key is not here, and re-signing would vouch for
// whatever they hold now). They stay as they are, marked `key_id = 'sha256'`: a legacy segment
// at the start of the chain, verified with the old digest, and the first keyed row links to the
// last legacy hash.
export async function up(db: Kysely<any>): Promise<void> {
  // A constant default fills existing rows without rewriting them (and without firing triggers);
  // dropping it makes every new row name its key.
  await sql`alter table audit_event add column key_id text not null default 'sha256'`.execute(db);
  await sql`alter table audit_event alter column key_id drop default`.execute(db);

  // Verification no longer calls a function the owner could replace.
  await sql`drop function audit_event_digest(audit_event)`.execute(db);

  // Still one writer at a time (Värn takes the same lock before it reads the previous hash), and
  // a row must carry its position, its key and a hash, and extend the chain's current end. The
  // database cannot check the hash itself; audit:verify does, with the key.
  await sql`
    create or replace function audit_event_chain() returns trigger language plpgsql as $$
    declare
      last_seq bigint;
      last_hash text;
    begin
      perform pg_advisory_xact_lock(74011);
      if new.seq is null or new.hash is null or new.prev_hash is null
         or new.key_id is null or new.key_id = 'sha256' then
        raise exception 'audit_event rows are chained and signed by Värn'
          using errcode = 'check_violation';
      end if;
      select seq, hash into last_seq, last_hash from audit_event order by seq desc limit 1;
      if new.prev_hash <> coalesce(last_hash, 'genesis') or new.seq <= coalesce(last_seq, 0) then
        raise exception 'audit_event row does not extend the chain'
          using errcode = 'check_violation';
      end if;
      return new;
    end
    $$`.execute(db);
}

// Back to the database's own digest. Rows signed with a key would no longer verify: migrations
// only move forward in production (docs/OPERATIONS.md).
export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table audit_event drop column key_id`.execute(db);
  await sql`
    create function audit_event_digest(e audit_event) returns text language sql stable as $$
      select encode(sha256(convert_to(jsonb_build_array(
        e.prev_hash, e.seq::text,
        to_char(e.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
        e.actor_user_id, e.actor_role, e.actor_unit_id, e.action,
        to_jsonb(e.person_ids), to_jsonb(e.case_ids), e.purpose, e.correlation_id, e.details,
        e.involves_protected, e.emergency
      )::text, 'UTF8')), 'hex')
    $$`.execute(db);
  await sql`
    create or replace function audit_event_chain() returns trigger language plpgsql as $$
    declare
      last_hash text;
    begin
      perform pg_advisory_xact_lock(74011);
      new.seq := nextval('audit_event_seq');
      select hash into last_hash from audit_event order by seq desc limit 1;
      new.prev_hash := coalesce(last_hash, 'genesis');
      new.hash := audit_event_digest(new);
      return new;
    end
    $$`.execute(db);
}
