import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngine } from '../test/test-db.ts';
import type { TestDatabase } from '../test/test-db.ts';
import { APPLICATION_NAME, openPostgres } from './database.ts';
import type { Db } from './database.ts';
import { isDatabaseUnavailable } from './unavailable.ts';

/**
 * PostgreSQL ending a connection that Värn has checked out (a failover, a restart, an operator's
 * pg_terminate_backend) fails the request using it and nothing else: before every pooled client
 * had an 'error' listener of its own, node-postgres' 'Connection terminated unexpectedly' was an
 * unhandled 'error' event that ended the process (here: the test worker). And the broken client
 * is discarded, not handed to the next request. PGlite has no connections to lose.
 */
describe.skipIf(testEngine !== 'postgres')('a connection PostgreSQL ends', () => {
  let t: TestDatabase;
  let admin: Kysely<unknown>;
  let db: Db;

  beforeAll(async () => {
    t = await createTestDatabase({ migrate: false });
    admin = new Kysely<unknown>({
      dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: t.url, max: 1 }) }),
    });
  });
  afterAll(async () => {
    await admin.destroy();
    await t.destroy();
  });

  // One client: whatever the next query gets is the pool's replacement, or the broken one.
  const openOne = () => openPostgres(t.url!, 1).db;
  const terminate = (pid: number) => sql`select pg_terminate_backend(${pid})`.execute(admin);
  const ownPid = async (conn: Db) =>
    (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(conn)).rows[0]!.pid;

  it('carries the application name, so an operator can find Värn in pg_stat_activity', async () => {
    db = openOne();
    try {
      const row = await sql<{
        name: string;
      }>`select application_name as name from pg_stat_activity where pid = pg_backend_pid()`.execute(
        db,
      );
      expect(row.rows[0]?.name).toBe(APPLICATION_NAME);
    } finally {
      await db.destroy();
    }
  });

  it('while checked out between queries: the next query fails, the process lives, the pool heals', async () => {
    db = openOne();
    try {
      const failure = await db
        .connection()
        .execute(async (conn) => {
          const pid = await ownPid(conn);
          await terminate(pid);
          // Let the socket's end arrive while nothing is running on it: this is the moment the
          // 'error' event used to have no listener.
          await new Promise((r) => setTimeout(r, 200));
          await sql`select 1`.execute(conn);
        })
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(isDatabaseUnavailable(failure)).toBe(true);
      const next = await sql<{ one: number }>`select 1 as one`.execute(db);
      expect(next.rows[0]?.one).toBe(1);
    } finally {
      await db.destroy();
    }
  });

  it('in the middle of a transaction: it rolls back, and the next transaction gets a new connection', async () => {
    db = openOne();
    try {
      await sql`create table if not exists loss_probe (n int)`.execute(db);
      const before = await ownPid(db);
      const failure = await db
        .transaction()
        .execute(async (trx) => {
          await sql`insert into loss_probe values (1)`.execute(trx);
          await terminate(await ownPid(trx));
          await sql`insert into loss_probe values (2)`.execute(trx);
        })
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(isDatabaseUnavailable(failure)).toBe(true);
      const after = await db.transaction().execute(async (trx) => {
        await sql`insert into loss_probe values (3)`.execute(trx);
        return ownPid(trx);
      });
      expect(after).not.toBe(before);
      const rows = await sql<{ n: number }>`select n from loss_probe order by n`.execute(db);
      expect(rows.rows.map((r) => r.n)).toEqual([3]);
    } finally {
      await db.destroy();
    }
  });

  it('while idle in the pool: the next query gets a new connection', async () => {
    db = openOne();
    try {
      const pid = await ownPid(db);
      await terminate(pid);
      await new Promise((r) => setTimeout(r, 200));
      expect(await ownPid(db)).not.toBe(pid);
    } finally {
      await db.destroy();
    }
  });
});
