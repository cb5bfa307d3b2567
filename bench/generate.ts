/**
 * A seeded, deterministic generator of realistic synthetic data, straight into PostgreSQL with
 * set-based SQL (the database generates the rows; only the audit rows, signed with the audit key,
 * go through Node):
 *
 *   S: 2 000 cases, 6 000 persons, 100 000 journal entries
 *   M: 200 000 cases, 600 000 persons, 5 000 000 journal entries
 *   and providers, shelters and an uppdrag on 30 % of cases (bench/providers.ts)
 *   and two families of 6 with 4 linked files per adult handläggare (bench/families.ts)
 *
 * Skewed like reality: most cases closed (85 %); entries per case follow a power law, so a few
 * cases carry hundreds; each case's household holds the person, a partner recorded as using
 * violence, and in 60 % of households a child; ~2 % of persons have protected identities; names
 * distributed like Sweden's (bench/names.ts); one audit row per journal entry. Every person has a valid (fictional) personnummer.
 *
 * Used by `npm run bench` (bench/load.ts), which generates into a fresh database per run.
 */
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Db } from '../server/db/database.ts';
import type { Database } from '../server/db/schema.ts';
import { chainedText } from '../server/audit/audit.ts';
import type { ChainedContent } from '../server/audit/audit.ts';
import { auditKeys, hmacHex } from '../server/audit/audit-keys.ts';
import { hashPassword } from '../server/accounts/passwords.ts';
import { familyNameSlots, givenNameSlots } from './names.ts';
import { generateFamilies } from './families.ts';
import { generateProviders } from './providers.ts';

export const sizes = {
  S: { cases: 2_000, journal: 100_000, units: 5, usersPerUnit: 20 },
  M: { cases: 200_000, journal: 5_000_000, units: 20, usersPerUnit: 15 },
} as const;
export type Size = keyof typeof sizes;

export const BENCH_PASSWORD = 'bench-losenord';

/** Persons per household: the case's person, a partner, a third (a child in 60 %). */
const HOUSEHOLD = 3;

async function step(label: string, work: () => Promise<unknown>) {
  const started = performance.now();
  await work();
  console.log(`  ${label.padEnd(34)} ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/**
 * Fills a migrated, empty database. Runs on one connection, so that the seeded random() gives
 * the same data every time.
 */
export async function generate(pool: Db, size: Size, seed = 0.42): Promise<void> {
  await pool.connection().execute((db) => generateOn(db, size, seed));
}

async function generateOn(db: Kysely<Database>, size: Size, seed: number): Promise<void> {
  const { cases, journal, units, usersPerUnit } = sizes[size];
  const persons = cases * HOUSEHOLD;
  const passwordHash = await hashPassword(BENCH_PASSWORD);

  await step('units and staff', async () => {
    await sql`
      insert into unit (name, kind)
      select 'Enhet ' || u, 'adult' from generate_series(1, ${units}) u`.execute(db);
    await sql`insert into unit (name, kind) values ('Barn och unga', 'children')`.execute(db);
    await sql`
      insert into app_user (username, display_name, password_hash, must_change_password,
        totp_required)
      select 'bench.' || u.n || '.' || i, 'Handläggare ' || u.n || '.' || i, ${passwordHash},
        false, false
      from (select row_number() over (order by id) as n, id from unit where kind = 'adult') u,
        generate_series(1, ${usersPerUnit}) i`.execute(db);
    await sql`
      insert into user_role (user_id, unit_id, role)
      select a.id, u.id, 'adult_caseworker'
      from app_user a
      join (select row_number() over (order by id) as n, id from unit where kind = 'adult') u
        on a.username like 'bench.' || u.n || '.%'`.execute(db);
  });

  // Deterministic from here on: random() follows the seed within this session's connection.
  await sql`select setseed(${seed})`.execute(db);
  await step(`${persons} persons`, async () => {
    // The Luhn check digit over the nine digits YYMMDD-NNN, as a personnummer has it.
    await sql`
      create or replace function pg_temp.luhn(nine text) returns int language sql immutable as $$
        select (10 - sum(d) % 10) % 10 from (
          select case when p > 9 then p - 9 else p end as d
          from (select substr(nine, i, 1)::int * (case when i % 2 = 1 then 2 else 1 end) as p
                from generate_series(1, 9) i) x) y
      $$`.execute(db);
    // Member 0 is the case's person (adult), 1 the partner (adult), 2 a child or an adult
    // relative. Birth dates are spread so that (date, serial) never repeats.
    await sql`
      insert into person (identity_kind, identity_number, given_name, family_name,
        protection_level)
      select 'personnummer',
        to_char(born, 'YYYYMMDD') || serial || pg_temp.luhn(to_char(born, 'YYMMDD') || serial),
        (${givenNameSlots()}::text[])[1 + (i * 31 % ${givenNameSlots().length})],
        -- The person and the child share the household's family name; the partner has their own.
        (${familyNameSlots()}::text[])[1 + (case when i % 3 = 1 then i::bigint * 104729 else i / 3 * 7919::bigint
          end % ${familyNameSlots().length})],
        case when random() < 0.02 then 'protected_registration' else 'none' end
      from (
        select i,
          case when i % 3 = 2
            then date '2009-01-01' + (i / 3 % 5000)
            else date '1950-01-01' + (i / 3 % 18000) end as born,
          lpad(((i / 3) / (case when i % 3 = 2 then 5000 else 18000 end) * 3 + i % 3 + 100)::text,
            3, '0') as serial
        from generate_series(0, ${persons - 1}) i) p`.execute(db);
    await sql`
      create table bench_person as
      select id, row_number() over (order by identity_number) - 1 as n from person`.execute(db);
    await sql`create index on bench_person (n)`.execute(db);
  });

  await step(`${cases} cases with households`, async () => {
    await sql`
      create table bench_household as
      select h as n, (select id from bench_person where n = h * 3) as subject,
        (select id from bench_person where n = h * 3 + 1) as partner,
        (select id from bench_person where n = h * 3 + 2) as third,
        random() < 0.6 as has_child, random() < 0.15 as open,
        (random() * 1800)::int as age_days, random() as pick
      from generate_series(0, ${cases - 1}) h`.execute(db);
    await sql`
      with staff as (
        select r.user_id, r.unit_id, row_number() over (order by r.user_id) - 1 as k,
          count(*) over () as total
        from user_role r where r.role = 'adult_caseworker')
      insert into "case" (person_id, unit_id, target_group, status, closed_at, assigned_user_id,
        opened_at, received_at, phase, queue_priority)
      select h.subject, s.unit_id, 'victim',
        case when h.open then 'open' else 'closed' end,
        case when h.open then null else now() - ((h.age_days / 2) || ' days')::interval end,
        s.user_id,
        now() - (h.age_days || ' days')::interval, now() - (h.age_days || ' days')::interval,
        case when h.open then 'investigation' else 'closed' end, 1
      from bench_household h
      join staff s on s.k = floor(h.pick * s.total)`.execute(db);
    await sql`
      insert into person_relation (person_id, related_person_id, kind, violence)
      select partner, subject, 'partner', 'person_against_related' from bench_household
      union all
      select subject, third, 'parent_of', 'none' from bench_household where has_child`.execute(db);
    await sql`
      insert into case_event (case_id, seq, type, payload, recorded_at)
      select id, 1, 'intake_registered',
        '{"intakeType":"police_notification","from":"Polisen","channel":"police","content":"Polisunderrättelse."}',
        opened_at
      from "case"`.execute(db);
    await sql`
      insert into investigation (case_id, template, opened_at, opened_by)
      select id, 'victim', opened_at, assigned_user_id from "case" where status = 'open'`.execute(
      db,
    );
    await sql`
      create table bench_case as
      select row_number() over (order by random()) - 1 as n, id, assigned_user_id, opened_at,
        person_id
      from "case"`.execute(db);
    await sql`create index on bench_case (n)`.execute(db);
  });

  await step(`${journal} journal entries`, async () => {
    // A power law over a random order of cases: a few carry hundreds of entries, most a handful.
    await sql`
      insert into journal_entry (case_id, created_by, created_at)
      select c.id, c.assigned_user_id, c.opened_at + random() * 300 * interval '1 day'
      from (select floor(${cases} * power(random(), 1.3))::int as n
            from generate_series(1, ${journal})) g
      join bench_case c on c.n = g.n`.execute(db);
    await sql`
      insert into journal_entry_version (entry_id, version, occurred_on, text, source_kind,
        recorded_by, recorded_at)
      select id, 1, created_at::date,
        'Samtal med personen om situationen och behovet av stöd. ' || repeat('Text ', 30),
        'person', created_by, created_at
      from journal_entry`.execute(db);
  });

  await step(`${journal} audit rows (keyed chain)`, async () => {
    // The one part that goes through Node: each row's hash is an HMAC under the audit key, which
    // the database does not have. Rows are chained in batches, in the journal's time order.
    const key = auditKeys().current;
    let prev = 'genesis';
    let seq = 0;
    await sql`
      create temporary table bench_audit as
      select row_number() over (order by e.created_at, e.id) as n, e.id, e.created_by,
        e.created_at, c.person_id, e.case_id
      from journal_entry e join "case" c on c.id = e.case_id`.execute(db);
    for (let from = 1; ; from += 4000) {
      const entries = await sql<{
        id: string;
        created_by: string;
        created_at: Date;
        person_id: string;
        case_id: string;
      }>`
        select id, created_by, created_at, person_id, case_id from bench_audit
        where n >= ${from} and n < ${from + 4000} order by n`.execute(db);
      if (entries.rows.length === 0) break;
      const rows = entries.rows.map((e) => {
        seq++;
        const content: ChainedContent = {
          seq,
          // Millisecond precision, as recordAudit stores it.
          occurredAt: new Date(e.created_at.getTime()),
          keyId: key.id,
          prevHash: prev,
          actorUserId: e.created_by,
          actorRole: null,
          actorUnitId: null,
          action: 'journal.write',
          personIds: [e.person_id],
          caseIds: [e.case_id],
          purpose: 'assigned',
          correlationId: `bench-${e.id}`,
          details: {},
          involvesProtected: false,
          emergency: false,
        };
        const hash = hmacHex(key.key, chainedText(content));
        prev = hash;
        return {
          seq,
          occurred_at: content.occurredAt,
          key_id: key.id,
          prev_hash: content.prevHash,
          hash,
          actor_user_id: e.created_by,
          action: content.action,
          person_ids: [e.person_id],
          case_ids: [e.case_id],
          purpose: content.purpose,
          correlation_id: content.correlationId,
        };
      });
      await db.insertInto('audit_event').values(rows).execute();
    }
    await sql`drop table bench_audit`.execute(db);
    if (seq > 0) await sql`select setval('audit_event_seq', ${seq})`.execute(db);
  });

  await step('providers, shelters, uppdrag (30 %)', () => generateProviders(db, size));

  await step('families of 6 with 4 linked files', () => generateFamilies(db));

  await step('analyze', async () => {
    await sql`drop table bench_person, bench_household, bench_case`.execute(db);
    await sql`analyze`.execute(db);
  });
}
