import { sql } from 'kysely';
import type { Kysely } from 'kysely';

// Providers and uppdrag (issue 13, items 5–6): the foundation the shelter search and the
// provider's work share.
// - A provider (utförare) is an in-house or external organisation that carries out insatser. One
//   whose staff work in Värn is tied to a unit of kind 'provider': its users (role provider) see
//   the uppdrag given to it and nothing else. One without is sent the uppdrag as a document.
// - An uppdrag (commission) is the order to a provider to carry out a granted beslut for one
//   person: what, for whom, for which period. A running uppdrag at a shelter holds one place, so
//   occupancy is counted from uppdrag, never kept as a number that can drift.
// Frozen history: imports nothing from the application.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table provider (
      id uuid primary key default gen_random_uuid(),
      name text not null unique check (length(name) between 1 and 200),
      kind text not null check (kind in ('in_house', 'external')),
      unit_id uuid unique references unit (id),
      contact text check (length(contact) between 1 and 500),
      active boolean not null default true,
      version integer not null default 1 check (version > 0),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  // Which insatser the provider carries out (codes of the insatser catalogue).
  await sql`
    create table provider_intervention (
      provider_id uuid not null references provider (id),
      intervention text not null check (length(intervention) between 1 and 60),
      primary key (provider_id, intervention)
    )`.execute(db);

  await sql`
    create table commission (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references "case" (id),
      decision_id uuid not null references decision (id),
      person_id uuid not null references person (id),
      provider_id uuid not null references provider (id),
      intervention text not null check (length(intervention) between 1 and 60),
      period_from date not null,
      period_to date,
      status text not null default 'sent'
        check (status in ('sent', 'accepted', 'declined', 'ended')),
      version integer not null default 1 check (version > 0),
      created_by uuid not null references app_user (id),
      created_at timestamptz not null default now(),
      check (period_to is null or period_to >= period_from)
    )`.execute(db);
  await sql`create index commission_case on commission (case_id)`.execute(db);
  // The provider's list and the shelter's occupancy both start from the provider.
  await sql`create index commission_provider on commission (provider_id, status, period_from)`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table commission`.execute(db);
  await sql`drop table provider_intervention`.execute(db);
  await sql`drop table provider`.execute(db);
}
