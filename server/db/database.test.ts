import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngine } from '../test/test-db.ts';
import type { TestDatabase } from '../test/test-db.ts';
import { findUnsafeDurabilitySettings } from './database.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.destroy();
});

describe(`database on ${testEngine}`, () => {
  it('isolates a query from another caller’s open transaction', async () => {
    let releaseTransaction!: () => void;
    const holding = new Promise<void>((resolve) => {
      releaseTransaction = resolve;
    });
    let inserted!: () => void;
    const didInsert = new Promise<void>((resolve) => {
      inserted = resolve;
    });

    const transaction = t.db
      .transaction()
      .execute(async (trx) => {
        await trx.insertInto('unit').values({ name: 'Ej sparad', kind: 'adult' }).execute();
        inserted();
        await holding;
        throw new Error('roll back on purpose');
      })
      .catch((error: unknown) => error);

    await didInsert;
    // Issued while the transaction is open; it must not see (or join) the uncommitted row.
    const outside = t.db
      .selectFrom('unit')
      .select('name')
      .where('name', '=', 'Ej sparad')
      .execute();
    setTimeout(releaseTransaction, 50);
    expect(await outside).toEqual([]);
    expect(await transaction).toBeInstanceOf(Error);
    const after = await t.db
      .selectFrom('unit')
      .select('name')
      .where('name', '=', 'Ej sparad')
      .execute();
    expect(after).toEqual([]);
  });

  it('runs concurrent transactions without mixing their commits', async () => {
    const names = Array.from({ length: 12 }, (_, i) => `Enhet ${i}`);
    const results = await Promise.allSettled(
      names.map((name, i) =>
        t.db.transaction().execute(async (trx) => {
          await trx.insertInto('unit').values({ name, kind: 'adult' }).execute();
          await sql`select pg_sleep(0.005)`.execute(trx);
          if (i % 3 === 0) throw new Error('this one fails');
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(4);
    const rows = await t.db
      .selectFrom('unit')
      .select('name')
      .where('name', 'like', 'Enhet %')
      .execute();
    expect(rows.map((r) => r.name).sort()).toEqual(names.filter((_, i) => i % 3 !== 0).sort());
  });

  it('returns bigint as a number and date as text, on every engine', async () => {
    const row = await sql<{ big: unknown; day: unknown; at: unknown }>`
      select 9007199254740::bigint as big, date '2026-03-01' as day, now() as at`.execute(t.db);
    expect(row.rows[0]).toMatchObject({ big: 9007199254740, day: '2026-03-01' });
    expect(row.rows[0]?.at).toBeInstanceOf(Date);
  });

  it('detects a setting that would let a crash lose committed data', async () => {
    const found = await t.db.transaction().execute(async (trx) => {
      await sql`set local synchronous_commit = off`.execute(trx);
      return findUnsafeDurabilitySettings(trx);
    });
    expect(found).toContain('synchronous_commit');
  });

  it('finds the test server durable (PGlite has no fsync: main checks PostgreSQL only)', async () => {
    expect(await findUnsafeDurabilitySettings(t.db)).toEqual(
      t.engine === 'pglite' ? ['fsync'] : [],
    );
  });
});
