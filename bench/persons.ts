/**
 * Benchmark: opening a person page and searching by personnummer, with 100 000 persons, through
 * real HTTP on loopback, audit write included. Runs on a fresh PostgreSQL database (default) or
 * on PGlite (`--engine pglite`).
 *
 *   npm run bench:persons [-- --persons 100000 --requests 500 --engine postgres]
 *
 * Prints p50/p95/p99 per operation and the bare-SQL floor for the same lookup.
 */
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { luhnCheckDigit } from '../core/domain/personal-identity.ts';
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
    persons: { type: 'string', default: '100000' },
    requests: { type: 'string', default: '500' },
    engine: { type: 'string', default: 'postgres' },
    /** Print where the time of the measured requests goes, query by query. */
    profile: { type: 'boolean', default: false },
    url: {
      type: 'string',
      default: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    },
  },
});
const PERSONS = Number(args.persons);
const REQUESTS = Number(args.requests);
const UNITS = 20;
const USERS_PER_UNIT = 10;

function personnummer(index: number): string {
  // Spread over birth dates 1940–2019 and serials; the check digit makes each valid.
  const day = index % 28;
  const month = Math.floor(index / 28) % 12;
  const year = 1940 + (Math.floor(index / 336) % 80);
  const serial = 100 + Math.floor(index / 26880);
  const yymmdd = `${String(year % 100).padStart(2, '0')}${String(month + 1).padStart(2, '0')}${String(day + 1).padStart(2, '0')}`;
  const nine = `${yymmdd}${String(serial).padStart(3, '0')}`;
  return `${year}${nine.slice(2)}${luhnCheckDigit(nine)}`;
}

const givenNames = [
  'Anna',
  'Maria',
  'Eva',
  'Karin',
  'Sara',
  'Lena',
  'Emma',
  'Johan',
  'Erik',
  'Lars',
  'Karl',
  'Peter',
  'Ali',
  'Fatima',
  'Leila',
  'Noah',
];
const familyNames = [
  'Andersson',
  'Johansson',
  'Karlsson',
  'Nilsson',
  'Eriksson',
  'Larsson',
  'Olsson',
  'Persson',
  'Svensson',
  'Gustafsson',
  'Haddad',
  'Lind',
  'Berg',
  'Holm',
  'Sjöberg',
  'Ek',
];

async function generate(db: Db) {
  const random = rng(42);
  const passwordHash = await hashPassword('bench-losenord');
  const { unitIds, userIds } = await createBenchStaff(db, UNITS, USERS_PER_UNIT, passwordHash);

  const batch = 2000;
  for (let start = 0; start < PERSONS; start += batch) {
    const rows = Array.from({ length: Math.min(batch, PERSONS - start) }, (_, k) => {
      const i = start + k;
      return {
        identity_kind: 'personnummer' as const,
        identity_number: personnummer(i),
        given_name: givenNames[Math.floor(random() * givenNames.length)] ?? 'Anna',
        family_name: familyNames[Math.floor(random() * familyNames.length)] ?? 'Ek',
        protection_level: random() < 0.02 ? ('protected_registration' as const) : ('none' as const),
        created_by: null,
      };
    });
    const persons = await db.insertInto('person').values(rows).returning('id').execute();
    const cases = persons.map((p) => {
      const unit = Math.floor(random() * UNITS);
      const open = random() < 0.2;
      return {
        person_id: p.id,
        unit_id: unitIds[unit] ?? '',
        target_group: 'victim' as const,
        status: open ? ('open' as const) : ('closed' as const),
        closed_at: open ? null : new Date(),
        assigned_user_id: userIds[unit]?.[Math.floor(random() * USERS_PER_UNIT)] ?? null,
        created_by: null,
      };
    });
    await db.insertInto('case').values(cases).execute();
    const channels = persons.map((p, k) => ({
      person_id: p.id,
      kind: 'phone' as const,
      value: `070-174 06 ${String(5 + (k % 95)).padStart(2, '0')}`,
      safe_for_contact: true,
      note: null,
    }));
    await db.insertInto('contact_channel').values(channels).execute();
  }
  await sql`analyze`.execute(db);
}

const profile = new Map<string, { count: number; ms: number }>();
let profiling = false;

async function main() {
  const { db, close } = await openBenchDatabase(args.engine, args.url, (event) => {
    if (!profiling || event.level !== 'query') return;
    const key = event.query.sql.replace(/\s+/g, ' ').slice(0, 110);
    const entry = profile.get(key) ?? { count: 0, ms: 0 };
    entry.count += 1;
    entry.ms += event.queryDurationMillis;
    profile.set(key, entry);
  });

  try {
    await migrateToLatest(db);
    let t = performance.now();
    await generate(db);
    console.log(
      `Generated ${PERSONS} persons with cases on ${args.engine} in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );

    // The actor: a handläggare with open assigned cases; targets are their clients.
    const target = await db
      .selectFrom('case')
      .innerJoin('person', 'person.id', 'case.person_id')
      .select(['case.assigned_user_id', sql<number>`count(*)::int`.as('n')])
      .where('case.status', '=', 'open')
      .groupBy('case.assigned_user_id')
      .orderBy('n', 'desc')
      .executeTakeFirstOrThrow();
    const actorId = target.assigned_user_id ?? '';
    const actor = await db
      .selectFrom('app_user')
      .select('username')
      .where('id', '=', actorId)
      .executeTakeFirstOrThrow();
    const clients = await db
      .selectFrom('case')
      .innerJoin('person', 'person.id', 'case.person_id')
      .select(['person.id', 'person.identity_number'])
      .where('case.assigned_user_id', '=', actorId)
      .where('case.status', '=', 'open')
      .execute();

    const { app, base, cookie, csrfToken } = await startAndLogin(
      db,
      args.engine,
      actor.username,
      'bench-losenord',
    );

    const pick = rng(7);
    const client = () => clients[Math.floor(pick() * clients.length)] ?? clients[0];
    const openPerson = () =>
      timed(() => fetch(`${base}/api/persons/${client()?.id}`, { headers: { cookie } }));
    const searchPnr = () =>
      timed(() =>
        fetch(`${base}/api/persons/search`, {
          method: 'POST',
          headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
          body: JSON.stringify({
            by: 'identity',
            kind: 'personnummer',
            number: client()?.identity_number,
          }),
        }),
      );

    for (let i = 0; i < 50; i++) {
      await openPerson();
      await searchPnr();
    }
    profiling = args.profile;
    const results = [];
    for (const [name, op] of [
      ['open_person', openPerson],
      ['search_pnr', searchPnr],
    ] as const) {
      const samples: number[] = [];
      for (let i = 0; i < REQUESTS; i++) samples.push(await op());
      results.push(summary(name, samples));
    }

    // The floor: the same person fetched by a bare prepared statement.
    const floorSamples: number[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      const id = client()?.id ?? '';
      t = performance.now();
      await sql`select * from person where id = ${id}`.execute(db);
      floorSamples.push(performance.now() - t);
    }
    results.push(summary('floor_person_by_id', floorSamples));
    profiling = false;
    if (args.profile) {
      console.log('\nTime in queries during the measured requests (total ms, count, mean ms):');
      for (const [query, e] of [...profile].sort((a, b) => b[1].ms - a[1].ms).slice(0, 15)) {
        console.log(
          `${e.ms.toFixed(0).padStart(7)} ${String(e.count).padStart(6)} ${(e.ms / e.count).toFixed(2).padStart(7)}  ${query}`,
        );
      }
    }

    await app.close();
    console.log(
      `\nActor has ${clients.length} open cases; ${REQUESTS} sequential requests per operation.`,
    );
    printSummaries(results);
  } finally {
    await close();
  }
}

await main();
