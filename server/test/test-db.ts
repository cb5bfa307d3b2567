import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { openPGlite, openPostgres } from '../db/database.ts';
import type { Db, Engine } from '../db/database.ts';
import { listMigrationFiles, migrateToLatest } from '../db/migrate.ts';

/** Which engine the integration suite runs on: PGlite by default, PostgreSQL for `npm run test:pg`. */
export const testEngine: Engine = process.env.VARN_TEST_DB === 'postgres' ? 'postgres' : 'pglite';

export const testDatabaseUrl =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
  db: Db;
  engine: Engine;
  /** Connection string of the fresh database (PostgreSQL only), for processes started by a test. */
  url: string | undefined;
  destroy(): Promise<void>;
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function adminQuery(statement: string) {
  const admin = new Kysely<unknown>({
    dialect: new PostgresDialect({
      pool: new pg.Pool({ connectionString: testDatabaseUrl, max: 1 }),
    }),
  });
  try {
    await sql.raw(statement).execute(admin);
  } finally {
    await admin.destroy();
  }
}

const migrationsDir = path.join(import.meta.dirname, '..', 'db', 'migrations');

/**
 * Creating PGlite and migrating takes seconds; loading a migrated data directory takes half a
 * second. The first test file to need it writes the snapshot to the temp directory, keyed by the
 * migrations' content and PGlite's version, and every other file (in any worker) loads it.
 */
async function migratedSnapshot(): Promise<Blob> {
  const hash = createHash('sha256');
  for (const file of (await listMigrationFiles()).sort()) {
    hash.update(file).update(fs.readFileSync(path.join(migrationsDir, file)));
  }
  const pgliteVersion = (
    JSON.parse(
      fs.readFileSync(
        path.join(
          import.meta.dirname,
          '..',
          '..',
          'node_modules',
          '@electric-sql',
          'pglite',
          'package.json',
        ),
        'utf8',
      ),
    ) as {
      version: string;
    }
  ).version;
  hash.update(pgliteVersion);
  const file = path.join(os.tmpdir(), `varn-pglite-${hash.digest('hex').slice(0, 16)}.tar`);
  if (fs.existsSync(file)) return new Blob([fs.readFileSync(file)]);

  const { db, pglite } = await openPGlite(undefined);
  await migrateToLatest(db);
  const dump = await pglite.dumpDataDir('none');
  await db.destroy();
  const temporary = `${file}.${process.pid}`;
  fs.writeFileSync(temporary, Buffer.from(await dump.arrayBuffer()));
  fs.renameSync(temporary, file); // atomic: a reader never sees half a snapshot
  return dump;
}

/**
 * A fresh, migrated database for one test file: PGlite in memory, or a new database on the
 * PostgreSQL server that is dropped afterwards. Tests never share state.
 */
export async function createTestDatabase(
  options: { migrate?: boolean } = {},
): Promise<TestDatabase> {
  const migrate = options.migrate ?? true;
  if (testEngine === 'pglite') {
    const { db } = migrate
      ? await openPGlite(undefined, await migratedSnapshot())
      : await openPGlite(undefined);
    return { db, engine: 'pglite', url: undefined, destroy: () => db.destroy() };
  }

  const name = `varn_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  const url = withDatabase(testDatabaseUrl, name);
  const { db } = openPostgres(url, 5);
  if (migrate) await migrateToLatest(db);
  return {
    db,
    engine: 'postgres',
    url,
    destroy: async () => {
      await db.destroy();
      await adminQuery(`drop database if exists ${name} with (force)`);
    },
  };
}
