/**
 * What the benchmarks share: a fresh database to fill, the real server on loopback with a
 * logged-in user, deterministic randomness, and percentiles.
 */
import { randomBytes } from 'node:crypto';
import { Kysely, PostgresDialect, sql } from 'kysely';
import type { LogEvent } from 'kysely';
import pg from 'pg';
import { buildApp } from '../server/app.ts';
import { parseConfig } from '../server/config.ts';
import { openPGlite, openPostgres } from '../server/db/database.ts';
import type { Db } from '../server/db/database.ts';
import { createLogger } from '../server/logger.ts';

/** Deterministic pseudo-random numbers, so every run builds the same data. */
export function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let x = Math.imul(s ^ (s >>> 15), 1 | s);
    x ^= x + Math.imul(x ^ (x >>> 7), 61 | x);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

export interface Summary {
  name: string;
  count: number;
  p50: number;
  p95: number;
  p99: number;
}

export function summary(name: string, samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    name,
    count: samples.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
  };
}

export function printSummaries(results: Summary[]) {
  console.log('operation              p50 ms   p95 ms   p99 ms');
  for (const r of results) {
    console.log(
      `${r.name.padEnd(22)} ${r.p50.toFixed(2).padStart(6)}   ${r.p95.toFixed(2).padStart(6)}   ${r.p99.toFixed(2).padStart(6)}`,
    );
  }
}

/**
 * A new, empty database for one run: a throwaway PostgreSQL database (dropped afterwards), or an
 * in-memory PGlite. `onQuery` sees every query, for profiling. With `keep`, the PostgreSQL
 * database has that name and stays after the run; `existed` says whether it was already there
 * (so that a caller can skip generating what it holds).
 */
export async function openBenchDatabase(
  engine: string,
  url: string,
  onQuery?: (event: LogEvent) => void,
  keep?: string,
): Promise<{ db: Db; url: string | undefined; existed: boolean; close: () => Promise<void> }> {
  if (engine === 'pglite') {
    const { db } = await openPGlite(undefined);
    return { db, url: undefined, existed: false, close: () => db.destroy() };
  }
  if (keep !== undefined && !/^[a-z_][a-z0-9_]*$/.test(keep)) {
    throw new Error('a kept database is named with a-z, 0-9 and _');
  }
  const name = keep ?? `varn_bench_${randomBytes(4).toString('hex')}`;
  const admin = new Kysely<unknown>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 1 }) }),
  });
  const existed =
    (await sql<{ n: number }>`select count(*)::int as n from pg_database where datname = ${name}`
      .execute(admin)
      .then((r) => r.rows[0]?.n ?? 0)) > 0;
  if (!existed) await sql.raw(`create database ${name}`).execute(admin);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const { db } = openPostgres(target.toString(), 10, onQuery);
  return {
    db,
    url: target.toString(),
    existed,
    close: async () => {
      await db.destroy();
      if (keep === undefined) {
        await sql.raw(`drop database if exists ${name} with (force)`).execute(admin);
      }
      await admin.destroy();
    },
  };
}

/** The real server on a free loopback port, and a session for `username`. */
export async function startAndLogin(db: Db, engine: string, username: string, password: string) {
  const config = parseConfig({ NODE_ENV: 'test', VARN_DEMO_DATA: 'false', LOG_LEVEL: 'silent' });
  const app = await buildApp({
    config,
    db,
    engine: engine === 'pglite' ? 'pglite' : 'postgres',
    logger: createLogger('silent'),
  });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (login.status !== 200) throw new Error(`login failed: ${login.status}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return { app, base, cookie, csrfToken };
}

/** Runs a request and returns its time in ms; anything but the expected status fails the run. */
export async function timed(fn: () => Promise<Response>, expected = 200) {
  const start = performance.now();
  const res = await fn();
  await res.arrayBuffer();
  if (res.status !== expected) throw new Error(`unexpected ${res.status}`);
  return performance.now() - start;
}

/**
 * `units` adult units with `usersPerUnit` handläggare each, named bench.<unit>.<n>, all with
 * `passwordHash`. Returns the unit ids and, per unit, the user ids.
 */
export async function createBenchStaff(
  db: Db,
  units: number,
  usersPerUnit: number,
  passwordHash: string,
): Promise<{ unitIds: string[]; userIds: string[][] }> {
  const unitIds: string[] = [];
  const userIds: string[][] = [];
  for (let u = 0; u < units; u++) {
    const unit = await db
      .insertInto('unit')
      .values({ name: `Enhet ${u}`, kind: 'adult' })
      .returning('id')
      .executeTakeFirstOrThrow();
    unitIds.push(unit.id);
    const users: string[] = [];
    for (let i = 0; i < usersPerUnit; i++) {
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
  return { unitIds, userIds };
}
