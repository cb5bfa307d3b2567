import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPGlite } from '../db/database.ts';
import type { Db } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { createTestDatabase, testEngine } from '../test/test-db.ts';
import type { TestDatabase } from '../test/test-db.ts';
import { recordAudit, verifyAuditChain } from './audit.ts';
import type { AuditContext } from './audit.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.destroy();
});

const ctx: AuditContext = {
  actorUserId: null,
  role: 'adult_caseworker',
  unitId: null,
  correlationId: 'c-1',
};

async function writeRows(db: Db, n: number) {
  for (let i = 0; i < n; i++) {
    await db
      .transaction()
      .execute((trx) =>
        recordAudit(
          trx,
          { ...ctx, correlationId: `c-${i}` },
          { action: 'person.search', details: { resultCount: i } },
        ),
      );
  }
}

/** Bypasses the triggers as a superuser could, to simulate tampering outside Värn. */
async function asSuperuserWithoutTriggers(db: Db, statement: string) {
  await db.transaction().execute(async (trx) => {
    await sql`set local session_replication_role = replica`.execute(trx);
    await sql.raw(statement).execute(trx);
  });
}

describe(`audit log on ${testEngine}`, () => {
  it('chains every row to the one before', async () => {
    await writeRows(t.db, 5);
    const rows = await t.db
      .selectFrom('audit_event')
      .select(['seq', 'prev_hash', 'hash'])
      .orderBy('seq')
      .execute();
    expect(rows[0]?.prev_hash).toBe('genesis');
    for (let i = 1; i < rows.length; i++) expect(rows[i]?.prev_hash).toBe(rows[i - 1]?.hash);
    expect(await verifyAuditChain(t.db)).toEqual({
      ok: true,
      checked: rows.length,
      firstBrokenSeq: undefined,
    });
  });

  it('refuses UPDATE, DELETE and TRUNCATE', async () => {
    await writeRows(t.db, 1);
    await expect(sql`update audit_event set action = 'person.read'`.execute(t.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from audit_event`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_event`.execute(t.db)).rejects.toThrow(/append-only/);
  });

  it('records nothing when the operation’s transaction fails', async () => {
    const before = await t.db
      .selectFrom('audit_event')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    await expect(
      t.db.transaction().execute(async (trx) => {
        await trx.insertInto('unit').values({ name: 'Halvt sparad', kind: 'adult' }).execute();
        await recordAudit(trx, ctx, { action: 'admin.unit.create' });
        throw new Error('the operation fails after auditing');
      }),
    ).rejects.toThrow();
    const after = await t.db
      .selectFrom('audit_event')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
    expect(
      await t.db.selectFrom('unit').where('name', '=', 'Halvt sparad').selectAll().execute(),
    ).toEqual([]);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });

  it('keeps the chain whole under concurrent writers, including ones that roll back', async () => {
    await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) =>
        t.db.transaction().execute(async (trx) => {
          await recordAudit(
            trx,
            { ...ctx, correlationId: `parallel-${i}` },
            { action: 'person.read' },
          );
          await sql`select pg_sleep(0.002)`.execute(trx);
          if (i % 7 === 0) throw new Error('roll back');
        }),
      ),
    );
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });

  it('detects a row edited with the triggers bypassed', async () => {
    const fresh = await createTestDatabase();
    const db = fresh.db;
    try {
      await writeRows(db, 4);
      const target = await db
        .selectFrom('audit_event')
        .select('seq')
        .orderBy('seq')
        .offset(2)
        .limit(1)
        .executeTakeFirstOrThrow();
      await asSuperuserWithoutTriggers(
        db,
        `update audit_event set purpose = 'intake_queue' where seq = ${target.seq}`,
      );
      expect(await verifyAuditChain(db)).toMatchObject({ ok: false, firstBrokenSeq: target.seq });
    } finally {
      await fresh.destroy();
    }
  });

  it('detects a row deleted with the triggers bypassed', async () => {
    const fresh = await createTestDatabase();
    const db = fresh.db;
    try {
      await writeRows(db, 4);
      const rows = await db.selectFrom('audit_event').select('seq').orderBy('seq').execute();
      await asSuperuserWithoutTriggers(db, `delete from audit_event where seq = ${rows[1]!.seq}`);
      expect(await verifyAuditChain(db)).toMatchObject({ ok: false, firstBrokenSeq: rows[2]!.seq });
    } finally {
      await fresh.destroy();
    }
  });
});

// A child process that starts Node and opens the database: a generous limit on a busy machine.
describe('npm run audit:verify', { timeout: 120_000 }, () => {
  it('exits 0 on an intact log and 1, naming the row, on a tampered one', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'varn-audit-'));
    try {
      const { db } = await openPGlite(dataDir);
      await migrateToLatest(db);
      await writeRows(db, 3);
      await db.destroy();

      const cli = path.join(import.meta.dirname, '..', 'cli', 'audit-verify.ts');
      const run = () =>
        spawnSync(process.execPath, [cli], {
          env: { PATH: process.env.PATH ?? '', VARN_DATA_DIR: dataDir },
          encoding: 'utf8',
        });
      const intact = run();
      expect(intact.status, intact.stderr).toBe(0);
      expect(intact.stdout).toContain('3 rader kontrollerade');

      const reopened = await openPGlite(dataDir);
      await asSuperuserWithoutTriggers(
        reopened.db,
        `update audit_event set correlation_id = 'x' where seq = 2`,
      );
      await reopened.db.destroy();
      const broken = run();
      expect(broken.status).toBe(1);
      expect(broken.stderr).toContain('BRUTEN vid rad 2');
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
