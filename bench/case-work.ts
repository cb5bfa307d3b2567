/**
 * Benchmark: the journal at scale. 200 000 cases (20 % open) over 20 units, five journal entries
 * on an ordinary case and one case with 500, in PostgreSQL, through real HTTP on loopback with the
 * audit row of every request.
 *
 *   npm run bench:case-work [-- --cases 200000 --requests 500 --engine postgres]
 *
 * Operations: `save_journal` (a new journal entry on one of the handläggare's open cases) and
 * `open_case_500` (the case page and the first page of the journal of the case with 500
 * entries), next to the floor: the same journal page by a bare SQL statement.
 */
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import type { Db } from '../server/db/database.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { hashPassword } from '../server/accounts/passwords.ts';
import {
  createBenchStaff,
  openBenchDatabase,
  printSummaries,
  rng,
  startAndLogin,
  summary,
  timed,
} from './lib.ts';

const { values: args } = parseArgs({
  options: {
    cases: { type: 'string', default: '200000' },
    'entries-per-case': { type: 'string', default: '5' },
    requests: { type: 'string', default: '500' },
    engine: { type: 'string', default: 'postgres' },
    url: {
      type: 'string',
      default: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    },
  },
});
const CASES = Number(args.cases);
const ENTRIES = Number(args['entries-per-case']);
const REQUESTS = Number(args.requests);
const UNITS = 20;
const USERS_PER_UNIT = 10;

/** Users in JS (password hashes); the bulk — persons, cases, events, journal — set-based in SQL. */
async function generate(db: Db) {
  const passwordHash = await hashPassword('bench-losenord');
  await createBenchStaff(db, UNITS, USERS_PER_UNIT, passwordHash);
  // setseed makes random() deterministic for the session, so every run builds the same data.
  await sql`select setseed(0.42)`.execute(db);
  await sql`
    insert into person (given_name, family_name, protection_level)
    select (array['Anna','Maria','Eva','Sara','Leila','Fatima','Johan','Ali'])[1 + (i % 8)],
           (array['Andersson','Lind','Berg','Holm','Haddad','Ek','Nord','Sjöberg'])[1 + (i / 8 % 8)],
           case when random() < 0.02 then 'protected_registration' else 'none' end
    from generate_series(1, ${CASES}) as i`.execute(db);
  await sql`
    with staff as (
      select u.id as user_id, r.unit_id, row_number() over (order by u.username) - 1 as n
      from app_user u join user_role r on r.user_id = u.id)
    insert into "case" (person_id, unit_id, target_group, status, closed_at, assigned_user_id,
      opened_at, received_at, phase)
    select p.id, s.unit_id, 'victim',
      case when p.o then 'open' else 'closed' end,
      case when p.o then null else now() - interval '30 days' end,
      s.user_id, now() - (p.age || ' days')::interval, now() - (p.age || ' days')::interval,
      case when p.o then 'investigation' else 'closed' end
    from (select id, random() < 0.2 as o, (random() * 900)::int + 1 as age,
                 (random() * ${UNITS * USERS_PER_UNIT})::int % ${UNITS * USERS_PER_UNIT} as n
          from person) p
    join staff s on s.n = p.n`.execute(db);
  await sql`
    insert into case_event (case_id, seq, type, payload, recorded_at)
    select id, 1, 'intake_registered', '{"intakeType":"police_notification"}', opened_at
    from "case"`.execute(db);
  await sql`
    insert into journal_entry (case_id, created_by, created_at)
    select c.id, c.assigned_user_id, c.opened_at + (g || ' days')::interval
    from "case" c, generate_series(1, ${ENTRIES}) g`.execute(db);
  // The case with many entries: the busiest handläggare's first open case.
  await sql`
    insert into journal_entry (case_id, created_by, created_at)
    select c.id, c.assigned_user_id, c.opened_at + (g || ' minutes')::interval
    from (select id, assigned_user_id, opened_at from "case" where status = 'open'
          order by id limit 1) c, generate_series(1, ${500 - ENTRIES}) g`.execute(db);
  await sql`
    insert into journal_entry_version (entry_id, version, occurred_on, text, source_kind,
      recorded_by, recorded_at)
    select id, 1, created_at::date,
      'Samtal med personen om hennes situation och behov av stöd. ' || repeat('Text ', 40),
      'person', created_by, created_at
    from journal_entry`.execute(db);
  await sql`analyze`.execute(db);
}

async function main() {
  const { db, close } = await openBenchDatabase(args.engine, args.url);
  try {
    await migrateToLatest(db);
    let t = performance.now();
    await generate(db);
    const counted = await sql<{ cases: number; entries: number }>`
      select (select count(*)::int from "case") as cases,
             (select count(*)::int from journal_entry) as entries`.execute(db);
    console.log(
      `Generated ${counted.rows[0]?.cases} cases and ${counted.rows[0]?.entries} journal entries on ${args.engine} in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );

    const big = await db
      .selectFrom('journal_entry')
      .innerJoin('case', 'case.id', 'journal_entry.case_id')
      .innerJoin('app_user', 'app_user.id', 'case.assigned_user_id')
      .select(['case.id', 'app_user.username', 'case.assigned_user_id'])
      .select(sql<number>`count(*)::int`.as('n'))
      .groupBy(['case.id', 'app_user.username', 'case.assigned_user_id'])
      .orderBy('n', 'desc')
      .executeTakeFirstOrThrow();
    const openCases = await db
      .selectFrom('case')
      .select('id')
      .where('assigned_user_id', '=', big.assigned_user_id)
      .where('status', '=', 'open')
      .execute();
    const { app, base, cookie, csrfToken } = await startAndLogin(
      db,
      args.engine,
      big.username,
      'bench-losenord',
    );
    const pick = rng(7);
    const anyCase = () => openCases[Math.floor(pick() * openCases.length)]?.id ?? big.id;

    const saveJournal = () =>
      timed(
        () =>
          fetch(`${base}/api/cases/${anyCase()}/journal`, {
            method: 'POST',
            headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
            body: JSON.stringify({
              occurredOn: '2026-11-20',
              text: 'Telefonsamtal: personen berättar att hon har fått en tid hos familjerätten.',
              source: { kind: 'person', detail: null },
            }),
          }),
        201,
      );
    const openBigCase = async () => {
      const start = performance.now();
      await timed(() => fetch(`${base}/api/cases/${big.id}`, { headers: { cookie } }));
      await timed(() =>
        fetch(`${base}/api/cases/${big.id}/journal?limit=25`, { headers: { cookie } }),
      );
      return performance.now() - start;
    };

    for (let i = 0; i < 50; i++) {
      await saveJournal();
      await openBigCase();
    }
    const results = [];
    for (const [name, op] of [
      ['save_journal', saveJournal],
      ['open_case_500', openBigCase],
    ] as const) {
      const samples: number[] = [];
      for (let i = 0; i < REQUESTS; i++) samples.push(await op());
      results.push(summary(name, samples));
    }
    // The floor: the first journal page of the big case by one bare statement.
    const floor: number[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      t = performance.now();
      await sql`
        select e.id, v.text from journal_entry e
        join journal_entry_version v on v.entry_id = e.id and v.version = e.version
        where e.case_id = ${big.id} order by e.created_at desc, e.id desc limit 26`.execute(db);
      floor.push(performance.now() - t);
    }
    results.push(summary('floor_journal_page', floor));
    await app.close();
    console.log(
      `\nCase with ${big.n} entries; handläggare with ${openCases.length} open cases; ${REQUESTS} sequential requests per operation.`,
    );
    printSummaries(results);
  } finally {
    await close();
  }
}

await main();
