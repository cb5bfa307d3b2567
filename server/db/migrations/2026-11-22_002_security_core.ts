import { sql } from 'kysely';
import type { Kysely } from 'kysely';

// Accounts, roles, sessions, persons with protected identity, relations, cases, emergency access
// and the audit log. Frozen history: imports nothing from the application.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table app_user (
      id uuid primary key default gen_random_uuid(),
      username text not null unique check (username = lower(username) and length(username) between 2 and 64),
      display_name text not null check (length(display_name) between 1 and 200),
      password_hash text not null,
      must_change_password boolean not null default true,
      totp_secret text,
      totp_required boolean not null default true,
      totp_last_step bigint,
      disabled_at timestamptz,
      created_at timestamptz not null default now(),
      version integer not null default 1
    )`.execute(db);

  await sql`
    create table user_role (
      user_id uuid not null references app_user (id) on delete cascade,
      unit_id uuid not null references unit (id),
      role text not null check (role in ('adult_caseworker', 'children_caseworker', 'out_of_hours',
        'provider', 'unit_manager', 'analyst', 'administrator')),
      granted_by uuid references app_user (id),
      granted_at timestamptz not null default now(),
      primary key (user_id, unit_id, role)
    )`.execute(db);

  // The session id is the SHA-256 of the cookie's token: a copy of this table cannot log anyone in.
  await sql`
    create table session (
      id text primary key,
      user_id uuid not null references app_user (id),
      stage text not null check (stage in ('second_factor', 'enrollment', 'active')),
      csrf_token text not null,
      pending_totp_secret text,
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      expires_at timestamptz not null,
      ended_at timestamptz,
      ended_reason text check (ended_reason in ('logout', 'idle', 'expired', 'user_disabled', 'replaced'))
    )`.execute(db);
  await sql`create index session_user_open on session (user_id) where ended_at is null`.execute(db);

  await sql`
    create table login_attempt (
      id bigint generated always as identity primary key,
      username text not null,
      ip text not null,
      succeeded boolean not null,
      at timestamptz not null default now()
    )`.execute(db);
  await sql`create index login_attempt_username on login_attempt (username, at)`.execute(db);
  await sql`create index login_attempt_ip on login_attempt (ip, at)`.execute(db);

  await sql`
    create table person (
      id uuid primary key default gen_random_uuid(),
      identity_kind text check (identity_kind in ('personnummer', 'samordningsnummer', 'reservnummer')),
      identity_number text,
      given_name text not null check (length(given_name) between 1 and 200),
      family_name text not null check (length(family_name) between 1 and 200),
      protection_level text not null default 'none' check (protection_level in ('none',
        'confidentiality_marking', 'protected_registration', 'fictitious_identity')),
      created_at timestamptz not null default now(),
      created_by uuid references app_user (id),
      version integer not null default 1,
      check ((identity_kind is null) = (identity_number is null))
    )`.execute(db);
  await sql`create unique index person_identity on person (identity_number) where identity_number is not null`.execute(
    db,
  );
  await sql`create index person_family_name on person (lower(family_name) text_pattern_ops)`.execute(
    db,
  );
  await sql`create index person_given_name on person (lower(given_name) text_pattern_ops)`.execute(
    db,
  );

  // Where a person can be reached. A channel marked unsafe must never be used to contact them
  // (the perpetrator can read it). For a protected person every channel is a protected field.
  await sql`
    create table contact_channel (
      id uuid primary key default gen_random_uuid(),
      person_id uuid not null references person (id),
      kind text not null check (kind in ('phone', 'email', 'address', 'digital_mailbox')),
      value text not null check (length(value) between 1 and 500),
      safe_for_contact boolean not null,
      note text,
      created_at timestamptz not null default now(),
      version integer not null default 1
    )`.execute(db);
  await sql`create index contact_channel_person on contact_channel (person_id)`.execute(db);

  // Protected-identity details, in their own table so reading them is always a deliberate act.
  await sql`
    create table person_protected_detail (
      person_id uuid primary key references person (id),
      whereabouts text,
      school text,
      real_identity text,
      version integer not null default 1
    )`.execute(db);

  await sql`
    create table person_relation (
      id uuid primary key default gen_random_uuid(),
      person_id uuid not null references person (id),
      related_person_id uuid not null references person (id),
      kind text not null check (kind in ('partner', 'former_partner', 'parent_of', 'sibling',
        'other_relative', 'carer')),
      violence text not null default 'unknown' check (violence in ('unknown', 'none',
        'person_against_related', 'related_against_person', 'mutual')),
      created_at timestamptz not null default now(),
      created_by uuid references app_user (id),
      version integer not null default 1,
      check (person_id <> related_person_id),
      unique (person_id, related_person_id, kind)
    )`.execute(db);
  await sql`create index person_relation_related on person_relation (related_person_id)`.execute(
    db,
  );

  await sql`
    create table "case" (
      id uuid primary key default gen_random_uuid(),
      person_id uuid not null references person (id),
      unit_id uuid not null references unit (id),
      target_group text not null check (target_group in ('victim', 'perpetrator', 'child',
        'honour_violence', 'prostitution', 'trafficking', 'sexual_violence')),
      status text not null default 'open' check (status in ('open', 'closed')),
      assigned_user_id uuid references app_user (id),
      opened_at timestamptz not null default now(),
      closed_at timestamptz,
      created_by uuid references app_user (id),
      version integer not null default 1,
      check ((status = 'closed') = (closed_at is not null))
    )`.execute(db);
  await sql`create index case_person_open on "case" (person_id) where status = 'open'`.execute(db);
  await sql`create index case_assigned_open on "case" (assigned_user_id, opened_at) where status = 'open'`.execute(
    db,
  );
  await sql`create index case_unit_queue on "case" (unit_id, opened_at) where status = 'open' and assigned_user_id is null`.execute(
    db,
  );

  await sql`
    create table emergency_access (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references app_user (id),
      unit_id uuid not null references unit (id),
      person_id uuid not null references person (id),
      reason text not null check (length(reason) between 10 and 2000),
      started_at timestamptz not null default now(),
      expires_at timestamptz not null,
      reviewed_by uuid references app_user (id),
      reviewed_at timestamptz,
      review_note text
    )`.execute(db);
  await sql`create index emergency_access_user on emergency_access (user_id, person_id, expires_at)`.execute(
    db,
  );
  await sql`create index emergency_access_unit_unreviewed on emergency_access (unit_id) where reviewed_at is null`.execute(
    db,
  );

  // The audit log: append-only, one row per read, search, export or write of personal data,
  // each row chained to the one before by a SHA-256 hash.
  await sql`create sequence audit_event_seq`.execute(db);
  await sql`
    create table audit_event (
      seq bigint primary key,
      occurred_at timestamptz not null default now(),
      actor_user_id uuid references app_user (id),
      actor_role text,
      actor_unit_id uuid references unit (id),
      action text not null,
      person_ids uuid[] not null default '{}',
      case_ids uuid[] not null default '{}',
      purpose text,
      correlation_id text not null,
      details jsonb not null default '{}',
      involves_protected boolean not null default false,
      emergency boolean not null default false,
      prev_hash text not null,
      hash text not null
    )`.execute(db);
  await sql`create index audit_event_actor on audit_event (actor_user_id, occurred_at)`.execute(db);
  await sql`create index audit_event_time on audit_event (occurred_at)`.execute(db);
  await sql`create index audit_event_person on audit_event using gin (person_ids)`.execute(db);
  await sql`create index audit_event_flagged on audit_event (occurred_at) where involves_protected or emergency`.execute(
    db,
  );

  // The digest covers every column but the hash itself, as an unambiguous JSON array with the
  // time in UTC, so it is the same whatever the session's time zone.
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

  // One writer at a time extends the chain: the lock is held until the transaction ends, and the
  // position (seq) is taken under it, so seq order is chain order. A rolled-back insert leaves
  // only a gap in seq, never a broken link.
  await sql`
    create function audit_event_chain() returns trigger language plpgsql as $$
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
  await sql`create trigger audit_event_chain before insert on audit_event for each row execute function audit_event_chain()`.execute(
    db,
  );

  await sql`
    create function audit_event_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_event is append-only' using errcode = 'insufficient_privilege';
    end
    $$`.execute(db);
  await sql`create trigger audit_event_no_change before update or delete on audit_event for each row execute function audit_event_append_only()`.execute(
    db,
  );
  await sql`create trigger audit_event_no_truncate before truncate on audit_event for each statement execute function audit_event_append_only()`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'audit_event',
    'emergency_access',
    '"case"',
    'person_relation',
    'person_protected_detail',
    'contact_channel',
    'person',
    'login_attempt',
    'session',
    'user_role',
    'app_user',
  ]) {
    await sql.raw(`drop table if exists ${table} cascade`).execute(db);
  }
  await sql`drop function if exists audit_event_digest(audit_event)`.execute(db);
  await sql`drop function if exists audit_event_chain()`.execute(db);
  await sql`drop function if exists audit_event_append_only()`.execute(db);
  await sql`drop sequence if exists audit_event_seq`.execute(db);
}
