/**
 * Benchmark: opening a person page and searching by personnummer, with 100 000 persons, through
 * real HTTP on loopback, audit write included. Runs on a fresh PostgreSQL database (default) or
 * on PGlite (`--engine pglite`).
 *
 *   npm run bench:persons [-- --persons 100000 --requests 500 --engine postgres]
 *
 * Prints p50/p95/p99 per operation and the bare-SQL floor for the same lookup.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { luhnCheckDigit } from '../core/domain/personal-identity.ts';
import { buildApp } from '../server/app.ts';
import { parseConfig } from '../server/config.ts';
import { openPGlite, openPostgres } from '../server/db/database.ts';
import type { Db } from '../server/db/database.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { hashPassword } from '../server/features/auth/passwords.ts';
import { createLogger } from '../server/logger.ts';

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

/** Deterministic pseudo-random numbers, so every run builds the same data. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let x = Math.imul(s ^ (s >>> 15), 1 | s);
    x ^= x + Math.imul(x ^ (x >>> 7), 61 | x);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

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
  const unitIds: string[] = [];
  const userIds: string[][] = [];
  for (let u = 0; u < UNITS; u++) {
    const unit = await db
      .insertInto('unit')
      .values({ name: `Enhet ${u}`, kind: 'adult' })
      .returning('id')
      .executeTakeFirstOrThrow();
    unitIds.push(unit.id);
    const users: string[] = [];
    for (let i = 0; i < USERS_PER_UNIT; i++) {
      const user = await db
        .insertInto('app_user')
        .values({
          username: `bench.${u}.${i}`,
          display_name: `Handläggare ${u}.${i}`,
          password_hash: passwordHash,
          must_change_password: false,
          totp_required: false,
          totp_secret: null,
          totp_last_step: null,
          disabled_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('user_role')
        .values({ user_id: user.id, unit_id: unit.id, role: 'adult_caseworker', granted_by: null })
        .execute();
      users.push(user.id);
    }
    userIds.push(users);
  }

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

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

function summary(name: string, samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    name,
    count: samples.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
  };
}

async function main() {
  let db: Db;
  let dropDatabase: (() => Promise<void>) | undefined;
  if (args.engine === 'pglite') {
    db = (await openPGlite(undefined)).db;
  } else {
    const name = `varn_bench_${randomBytes(4).toString('hex')}`;
    const admin = new Kysely<unknown>({
      dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: args.url, max: 1 }) }),
    });
    await sql.raw(`create database ${name}`).execute(admin);
    const url = new URL(args.url);
    url.pathname = `/${name}`;
    db = openPostgres(url.toString(), 10, (event) => {
      if (!profiling || event.level !== 'query') return;
      const key = event.query.sql.replace(/\s+/g, ' ').slice(0, 110);
      const entry = profile.get(key) ?? { count: 0, ms: 0 };
      entry.count += 1;
      entry.ms += event.queryDurationMillis;
      profile.set(key, entry);
    }).db;
    dropDatabase = async () => {
      await sql.raw(`drop database if exists ${name} with (force)`).execute(admin);
      await admin.destroy();
    };
  }

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

    const config = parseConfig({ NODE_ENV: 'test', VARN_DEMO_DATA: 'false', LOG_LEVEL: 'silent' });
    const app = await buildApp({
      config,
      db,
      engine: args.engine === 'pglite' ? 'pglite' : 'postgres',
      logger: createLogger('silent'),
    });
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: actor.username, password: 'bench-losenord' }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const { csrfToken } = (await login.json()) as { csrfToken: string };

    const pick = rng(7);
    const client = () => clients[Math.floor(pick() * clients.length)] ?? clients[0];
    const timed = async (fn: () => Promise<Response>) => {
      const start = performance.now();
      const res = await fn();
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`unexpected ${res.status}`);
      return performance.now() - start;
    };
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
    console.log('operation              p50 ms   p95 ms   p99 ms');
    for (const r of results) {
      console.log(
        `${r.name.padEnd(22)} ${r.p50.toFixed(2).padStart(6)}   ${r.p95.toFixed(2).padStart(6)}   ${r.p99.toFixed(2).padStart(6)}`,
      );
    }
  } finally {
    if (dropDatabase) {
      await db.destroy();
      await dropDatabase();
    } else {
      await db.destroy();
    }
  }
}

await main();
