import { sql } from 'kysely';
import type { Kysely } from 'kysely';

// The two-person rule for administration: a role grant or a login (one-time password) is a
// request that a second person approves; the change happens in the approving transaction.
// The affected user is told in-app. Frozen history: imports nothing from the application.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table admin_request (
      id uuid primary key default gen_random_uuid(),
      kind text not null check (kind in ('role_grant', 'login_reset')),
      target_user_id uuid not null references app_user (id) on delete cascade,
      unit_id uuid references unit (id),
      role text check (role in ('adult_caseworker', 'children_caseworker', 'out_of_hours',
        'provider', 'unit_manager', 'analyst', 'administrator')),
      requested_by uuid not null references app_user (id),
      requested_at timestamptz not null default now(),
      status text not null default 'pending'
        check (status in ('pending', 'approved', 'rejected', 'withdrawn')),
      decided_by uuid references app_user (id),
      decided_at timestamptz,
      decision_note text check (length(decision_note) <= 2000),
      version integer not null default 1,
      check ((kind = 'role_grant') = (unit_id is not null and role is not null)),
      check ((status = 'pending') = (decided_by is null and decided_at is null)),
      -- Second line behind the policy: nobody asks for a change to their own account, and
      -- nobody decides a request they made or one about themselves.
      check (requested_by <> target_user_id),
      check (status not in ('approved', 'rejected')
        or (decided_by <> requested_by and decided_by <> target_user_id)),
      check (status <> 'withdrawn' or decided_by = requested_by)
    )`.execute(db);
  // One pending request per change: asking twice is refused, not queued.
  await sql`
    create unique index admin_request_one_pending on admin_request
      (target_user_id, kind, coalesce(unit_id::text, ''), coalesce(role, ''))
      where status = 'pending'`.execute(db);
  await sql`create index admin_request_status on admin_request (status, requested_at)`.execute(db);

  // What the user is told about changes to their own account. Never client data.
  await sql`
    create table user_notice (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references app_user (id) on delete cascade,
      kind text not null check (kind in ('role_requested', 'role_granted', 'role_rejected',
        'role_revoked', 'login_reset_requested', 'login_reset_done', 'login_reset_rejected',
        'request_withdrawn', 'account_created')),
      request_id uuid references admin_request (id) on delete cascade,
      unit_id uuid references unit (id),
      role text,
      actor_user_id uuid references app_user (id),
      created_at timestamptz not null default now(),
      read_at timestamptz
    )`.execute(db);
  await sql`create index user_notice_user on user_notice (user_id, created_at)`.execute(db);

  // Loggkontroll finds administration of a unit by the unit and the user the row names.
  await sql`
    create index audit_event_admin_unit on audit_event ((details ->> 'unitId'))
      where action like 'admin.%'`.execute(db);
  await sql`
    create index audit_event_admin_user on audit_event ((details ->> 'userId'))
      where action like 'admin.%'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index audit_event_admin_user`.execute(db);
  await sql`drop index audit_event_admin_unit`.execute(db);
  await sql`drop table user_notice`.execute(db);
  await sql`drop table admin_request`.execute(db);
}
