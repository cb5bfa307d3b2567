import { randomBytes } from 'node:crypto';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { openPGlite, openPostgres } from '../db/database.ts';
import type { Db, Engine } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';

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

/**
 * A fresh, migrated database for one test file: PGlite in memory, or a new database on the
 * PostgreSQL server that is dropped afterwards. Tests never share state.
 */
export async function createTestDatabase(
  options: { migrate?: boolean } = {},
): Promise<TestDatabase> {
  const migrate = options.migrate ?? true;
  if (testEngine === 'pglite') {
    const { db } = await openPGlite(undefined);
    if (migrate) await migrateToLatest(db);
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
