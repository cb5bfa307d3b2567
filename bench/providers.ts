/**
 * Providers, shelters and uppdrag for the load benchmark (issue 13): set-based, seeded with the
 * rest of bench/generate.ts (it runs on the same connection after setseed).
 *
 *   S: 12 shelters and 6 other providers; M: 60 shelters and 30 other providers.
 *
 * An uppdrag on 30 % of cases, each on a granted beslut that names its place: on an open case it
 * runs now (accepted, a few sent), on a closed one it ended in the past. Among the running ones,
 * skyddat boende takes about 80 % of all shelter places, spread evenly over the shelters, so
 * small shelters are full and large ones have room — the search sees both. The rest are
 * stödsamtal at the other providers. Ended uppdrag at the shelters stay in the table, as history
 * does: the occupancy query must pass them by.
 */
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Database } from '../server/db/schema.ts';

export const providerSizes = {
  S: { shelters: 12, others: 6 },
  M: { shelters: 60, others: 30 },
} as const;

const LANGUAGES = [
  'svenska',
  'engelska',
  'arabiska',
  'somaliska',
  'tigrinja',
  'persiska',
  'polska',
];

export async function generateProviders(
  db: Kysely<Database>,
  size: keyof typeof providerSizes,
): Promise<void> {
  const { shelters, others } = providerSizes[size];
  await sql`
    insert into provider (name, kind, contact)
    select 'Skyddat boende ' || i, case when i % 4 = 0 then 'in_house' else 'external' end,
      'Jour 08-' || (100000 + i)
    from generate_series(1, ${shelters}) i`.execute(db);
  await sql`
    insert into provider (name, kind, contact)
    select 'Samtalsmottagning ' || i, case when i % 2 = 0 then 'in_house' else 'external' end,
      'Växel 08-' || (200000 + i)
    from generate_series(1, ${others}) i`.execute(db);
  await sql`
    insert into provider_intervention (provider_id, intervention)
    select id, case when name like 'Skyddat boende %' then 'shelter' else 'support_sessions' end
    from provider`.execute(db);
  // Places 3–16; skyddsnivå 1–3 (fewer at the highest); most take children, few teenage boys.
  await sql`
    insert into shelter (provider_id, places, security_level, takes_children, takes_teenage_boys,
      takes_pets, wheelchair_accessible, languages)
    select id, places, level, children, children and random() < 0.3, random() < 0.25,
      random() < 0.4,
      array['svenska'] || (select coalesce(array_agg(l), '{}') from unnest(${LANGUAGES.slice(1)}::text[]) l
        where random() < 0.3 and id is not null)
    from (
      select id, 3 + (random() * 13)::int as places,
        case when random() < 0.4 then 1 when random() < 0.75 then 2 else 3 end as level,
        random() < 0.8 as children
      from provider where name like 'Skyddat boende %') s`.execute(db);

  // The cases with an uppdrag (30 %), numbered among the open and among the closed ones.
  await sql`
    create temporary table bench_commission as
    select c.id as case_id, c.person_id, c.assigned_user_id, c.status, c.opened_at,
      row_number() over (partition by c.status order by random()) - 1 as n
    from "case" c where random() < 0.3`.execute(db);
  // Running shelter uppdrag: about 80 % of all places, round-robin over the shelters.
  await sql`
    alter table bench_commission add column provider_id uuid, add column intervention text`.execute(
    db,
  );
  await sql`
    with s as (
      select provider_id, row_number() over (order by provider_id) - 1 as k, count(*) over () as total,
        sum(places) over () as places
      from shelter)
    update bench_commission b set provider_id = s.provider_id, intervention = 'shelter'
    from s
    where b.status = 'open' and b.n < floor(s.places * 0.8) and s.k = b.n % s.total`.execute(db);
  // Ended shelter uppdrag on a third of the closed cases; stödsamtal for the rest.
  await sql`
    with s as (
      select provider_id, row_number() over (order by provider_id) - 1 as k, count(*) over () as total
      from shelter)
    update bench_commission b set provider_id = s.provider_id, intervention = 'shelter'
    from s
    where b.status = 'closed' and b.n % 3 = 0 and s.k = b.n % s.total`.execute(db);
  await sql`
    with o as (
      select p.id as provider_id, row_number() over (order by p.id) - 1 as k,
        count(*) over () as total
      from provider p where p.name like 'Samtalsmottagning %')
    update bench_commission b set provider_id = o.provider_id, intervention = 'support_sessions'
    from o
    where b.provider_id is null and o.k = b.n % o.total`.execute(db);
  await sql`
    alter table bench_commission add column decision_id uuid default gen_random_uuid(),
      add column period_from date, add column period_to date`.execute(db);
  await sql`
    update bench_commission set
      period_from = case when status = 'open' then current_date - (random() * 20)::int
                         else opened_at::date + 10 end,
      period_to = case when status = 'open' then current_date + 1 + (random() * 60)::int
                       else opened_at::date + 40 end`.execute(db);
  await sql`
    insert into decision (id, case_id) select decision_id, case_id from bench_commission`.execute(
    db,
  );
  await sql`
    insert into decision_version (decision_id, version, kind, intervention, requested, outcome,
      motivation, legal_basis, decided_on, decided_by, decided_role, recorded_at, period_from,
      period_to, provider_id)
    select decision_id, 1, 'original', intervention, 'Ansökan om insats.', 'granted',
      'Behovet är styrkt i utredningen.', '4 kap. 1 § socialtjänstlagen (2025:400)', period_from,
      assigned_user_id, 'adult_caseworker', period_from::timestamptz, period_from, period_to,
      provider_id
    from bench_commission`.execute(db);
  await sql`
    insert into commission (case_id, decision_id, person_id, provider_id, intervention,
      period_from, period_to, status, created_by, created_at)
    select case_id, decision_id, person_id, provider_id, intervention, period_from, period_to,
      case when status = 'closed' then 'ended' when n % 10 = 0 then 'sent' else 'accepted' end,
      assigned_user_id, period_from::timestamptz
    from bench_commission`.execute(db);
  await sql`drop table bench_commission`.execute(db);

  // What each uppdrag says (the provider's list reads it): the name she consented to share.
  await sql`
    insert into commission_order (commission_id, what, why, contact, consent_categories,
      consent_way, consent_on, shared, protection_notice, recorded_at)
    select c.id, 'Insatsen enligt beslutet.', 'Behovet är styrkt i utredningen.',
      'Handläggaren, växeln 08-100 00 00', array['name'], 'oral', c.period_from,
      jsonb_build_object('name', p.given_name || ' ' || p.family_name, 'children', '[]'::jsonb),
      null, c.created_at
    from commission c join person p on p.id = c.person_id`.execute(db);
  // Each shelter's staff work in Värn: a unit of its own and one user with the provider role,
  // bench.provider.N, with the bench staff's password (so the load test can log in as them).
  await sql`
    with s as (
      select p.id, row_number() over (order by p.name) as k from provider p
      where p.name like 'Skyddat boende %'),
    u as (
      insert into unit (name, kind)
      select 'Utförare ' || k, 'provider' from s returning id, name)
    update provider p set unit_id = u.id
    from s join u on u.name = 'Utförare ' || s.k
    where p.id = s.id`.execute(db);
  await sql`
    insert into app_user (username, display_name, password_hash, must_change_password,
      totp_required)
    select 'bench.provider.' || substr(u.name, 10), 'Utförare ' || substr(u.name, 10),
      (select password_hash from app_user where username like 'bench.%' limit 1), false, false
    from unit u where u.kind = 'provider' and u.name like 'Utförare %'`.execute(db);
  await sql`
    insert into user_role (user_id, unit_id, role)
    select a.id, u.id, 'provider' from app_user a
    join unit u on u.name = 'Utförare ' || substr(a.username, 16)
    where a.username like 'bench.provider.%'`.execute(db);
}
