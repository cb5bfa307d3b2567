import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngine } from '../test/test-db.ts';
import type { TestDatabase } from '../test/test-db.ts';
import {
  MigrationError,
  createMigrator,
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

  it('keep a half-written journal entry when the drafts of every form move into one table', async () => {
    t = await createTestDatabase({ migrate: false });
    const before = await createMigrator(t.db).migrateTo('2026-12-01_015_idempotent_request');
    expect(before.error).toBeUndefined();
    // The schema as it was then, in its own words: plain SQL, like the migrations themselves.
    const { rows } = await sql<{ user_id: string; case_id: string }>`
      with u as (
        insert into app_user (username, display_name, password_hash)
        values ('skrivare', 'Skrivare', 'x') returning id
      ), un as (
        insert into unit (name, kind) values ('Vuxenenheten', 'adult') returning id
      ), p as (
        insert into person (given_name, family_name) values ('Anna', 'Andersson') returning id
      ), c as (
        insert into "case" (person_id, target_group, unit_id)
        select p.id, 'victim', un.id from p, un returning id
      )
      insert into journal_draft (case_id, user_id, payload, saved_at)
      select c.id, u.id, ${JSON.stringify({ text: 'Halvskriven anteckning' })}::jsonb,
        '2026-11-30T08:00:00Z'
      from c, u
      returning user_id, case_id`.execute(t.db);
    const written = rows[0]!;

    expect(await migrateToLatest(t.db)).toContain('2026-12-01_016_draft');
    const moved = await sql<{
      user_id: string;
      case_id: string;
      kind: string;
      key: string;
      payload: { text: string };
      saved_at: Date;
    }>`select user_id, case_id, kind, key, payload, saved_at from draft`.execute(t.db);
    expect(moved.rows).toEqual([
      {
        user_id: written.user_id,
        case_id: written.case_id,
        kind: 'journal',
        key: 'new',
        payload: { text: 'Halvskriven anteckning' },
        saved_at: new Date('2026-11-30T08:00:00Z'),
      },
    ]);
    expect(await tableExists('journal_draft')).toBe(false);
  });
});
