import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngine } from '../test/test-db.ts';
import type { TestDatabase } from '../test/test-db.ts';
import {
  MigrationError,
  listMigrationFiles,
  migrateToLatest,
  migrationFileName,
  pendingMigrations,
} from './migrate.ts';

let t: TestDatabase | undefined;
afterEach(async () => {
  await t?.destroy();
  t = undefined;
});

async function tableExists(name: string) {
  const result = await sql<{
    found: string | null;
  }>`select to_regclass(${name})::text as found`.execute(t!.db);
  return result.rows[0]?.found !== null;
}

describe(`migrations on ${testEngine}`, () => {
  it('are named by date so that name order is time order', async () => {
    const files = await listMigrationFiles();
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(file).toMatch(migrationFileName);
  });

  it('bring an empty database to the latest version, and a second run does nothing', async () => {
    t = await createTestDatabase({ migrate: false });
    expect((await pendingMigrations(t.db)).length).toBeGreaterThan(0);
    const applied = await migrateToLatest(t.db);
    expect(applied).toEqual((await listMigrationFiles()).map((f) => f.replace(/\.ts$/, '')).sort());
    expect(await pendingMigrations(t.db)).toEqual([]);
    expect(await migrateToLatest(t.db)).toEqual([]);
  });

  it('leave nothing half-migrated when one fails', async () => {
    t = await createTestDatabase({ migrate: false });
    const provider = {
      getMigrations: () =>
        Promise.resolve({
          '2000-01-01_001_first': {
            up: async (db: Kysely<unknown>) => {
              await sql`create table first_table (id int)`.execute(db);
            },
          },
          '2000-01-01_002_broken': {
            up: async (db: Kysely<unknown>) => {
              await sql`create table second_table (id int)`.execute(db);
              await sql`select no_such_function()`.execute(db);
            },
          },
        }),
    };
    const error = await migrateToLatest(t.db, provider).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as MigrationError).migration).toBe('2000-01-01_002_broken');
    expect(await tableExists('first_table')).toBe(false);
    expect(await tableExists('second_table')).toBe(false);
  });
});
