/**
 * Families for the load benchmark's family view (issue 14): set-based, seeded with the rest of
 * bench/generate.ts (it runs on the same connection after setseed, and uses its pg_temp.luhn).
 *
 *   S: 2 families per adult handläggare (200); M: the same (600).
 *
 * Each a household of 6 with 4 linked files: the victim (an open case assigned to one of the
 * adult units' handläggare), her partner who uses violence against her (his own open case in
 * another adult unit, another handläggare; her file records him as a counterpart by identity
 * number), their three children (two with an open case in Barn och unga, in its inkorg; the
 * youngest without a file) and her sister (an open case in an adult unit). The relations hold,
 * both parents are vårdnadshavare. Each case has its intake, so the deadlines are computed.
 */
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Database } from '../server/db/schema.ts';

export async function generateFamilies(db: Kysely<Database>): Promise<void> {
  // One row per family: who handles the victim's, the partner's and the sister's cases.
  await sql`
    create temporary table bench_family as
    with staff as (
      select r.user_id, r.unit_id, row_number() over (order by r.user_id) - 1 as k,
        count(*) over () as total
      from user_role r where r.role = 'adult_caseworker')
    select f.n, v.user_id as victim_user, v.unit_id as victim_unit,
      p.user_id as partner_user, p.unit_id as partner_unit,
      s.user_id as sister_user, s.unit_id as sister_unit
    from generate_series(0, (select count(*) * 2 - 1 from staff)) f(n)
    join staff v on v.k = f.n % v.total
    join staff p on p.k = (f.n * 7 + 3) % p.total
    join staff s on s.k = (f.n * 13 + 5) % s.total`.execute(db);
  // Members 0 victim, 1 partner, 2–4 children, 5 sister; serials 800–805 are the families' own,
  // so that (date, serial) never meets the other persons'.
  await sql`
    create temporary table bench_family_person as
    select f.n, m.i, gen_random_uuid() as id,
      to_char(born, 'YYYYMMDD') || (800 + m.i) || pg_temp.luhn(to_char(born, 'YYMMDD') || (800 + m.i))
        as pnr
    from bench_family f
    cross join generate_series(0, 5) m(i)
    cross join lateral (select case when m.i between 2 and 4
      then date '2010-01-01' + f.n::int
      else date '1960-01-01' + f.n::int end as born) b`.execute(db);
  await sql`
    insert into person (id, identity_kind, identity_number, given_name, family_name)
    select id, 'personnummer', pnr,
      (array['Sara', 'Ahmed', 'Liam', 'Ella', 'Noah', 'Amina'])[i + 1],
      'Familjesson'
    from bench_family_person`.execute(db);
  await sql`
    insert into person_relation (person_id, related_person_id, kind, violence, guardian)
    select p.id, v.id, 'partner', 'person_against_related', false
    from bench_family_person v join bench_family_person p on p.n = v.n and p.i = 1 where v.i = 0
    union all
    select parent.id, child.id, 'parent_of', 'none', true
    from bench_family_person parent join bench_family_person child
      on child.n = parent.n and child.i between 2 and 4
    where parent.i in (0, 1)
    union all
    select v.id, s.id, 'sibling', 'none', false
    from bench_family_person v join bench_family_person s on s.n = v.n and s.i = 5
    where v.i = 0`.execute(db);
  await sql`
    insert into "case" (person_id, unit_id, target_group, status, assigned_user_id, opened_at,
      received_at, phase, queue_priority)
    select m.id,
      case m.i when 0 then f.victim_unit when 1 then f.partner_unit when 5 then f.sister_unit
        else (select id from unit where kind = 'children') end,
      case m.i when 1 then 'perpetrator' when 2 then 'child' when 3 then 'child' else 'victim' end,
      'open',
      case m.i when 0 then f.victim_user when 1 then f.partner_user when 5 then f.sister_user
        else null end,
      now() - interval '20 days', now() - interval '20 days', 'investigation', 1
    from bench_family f join bench_family_person m on m.n = f.n
    where m.i in (0, 1, 2, 3, 5)`.execute(db);
  await sql`
    insert into case_event (case_id, seq, type, payload, recorded_at)
    select c.id, 1, 'intake_registered',
      '{"intakeType":"police_notification","from":"Polisen","channel":"police","content":"Polisunderrättelse."}',
      c.opened_at
    from "case" c join bench_family_person m on m.id = c.person_id`.execute(db);
  await sql`
    insert into counterpart (id, version, person_id, case_id, identity_kind, identity_number,
      given_name, family_name, relation, uses_violence, lives_together, contact, whereabouts,
      recorded_by)
    select gen_random_uuid(), 1, v.id, c.id, 'personnummer', p.pnr, 'Ahmed', 'Familjesson',
      'partner', true, false, '[]'::jsonb, 'Bor hos sin bror.', c.assigned_user_id
    from bench_family_person v
    join bench_family_person p on p.n = v.n and p.i = 1
    join "case" c on c.person_id = v.id
    where v.i = 0`.execute(db);
  await sql`drop table bench_family_person, bench_family`.execute(db);
}
