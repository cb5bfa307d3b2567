import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openPGlite } from '../db/database.ts';
import type { Db } from '../db/database.ts';
import { createMigrator, migrateToLatest } from '../db/migrate.ts';
import { createUnit } from '../test/factories.ts';
import { createTestDatabase, testEngine } from '../test/test-db.ts';
import type { TestDatabase } from '../test/test-db.ts';
import { AuditAnchorWriter, readAnchor, signAnchor, writeAnchor } from './anchor.ts';
import type { AnchorProblem } from './anchor.ts';
import { canonicalJson, recordAudit, verifyAuditChain } from './audit.ts';
import type { AuditContext } from './audit.ts';
import { auditKeys, developmentAuditKeys, keyRing, useAuditKeys } from './audit-keys.ts';
import type { AuditKey } from './audit-keys.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.destroy();
});
afterEach(() => {
  useAuditKeys(developmentAuditKeys());
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

const seqs = async (db: Db) =>
  (await db.selectFrom('audit_event').select('seq').orderBy('seq').execute()).map((r) => r.seq);

/** Bypasses the triggers as a superuser or the tables' owner could, to tamper outside Värn. */
async function asOwnerWithoutTriggers(db: Db, statement: string) {
  await db.transaction().execute(async (trx) => {
    await sql`set local session_replication_role = replica`.execute(trx);
    await sql.raw(statement).execute(trx);
  });
}

/** The old trigger's digest, as the database computes it: what an attacker without the key has. */
const databaseDigest = `encode(sha256(convert_to(jsonb_build_array(
  a.prev_hash, a.seq::text,
  to_char(a.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
  a.actor_user_id, a.actor_role, a.actor_unit_id, a.action,
  to_jsonb(a.person_ids), to_jsonb(a.case_ids), a.purpose, a.correlation_id, a.details,
  a.involves_protected, a.emergency)::text, 'UTF8')), 'hex')`;

/**
 * The attacker's rewrite: from row `fromSeq` on, relink every row to the one before and give it
 * the database's digest, optionally relabelling it as a legacy row, with the triggers off.
 */
async function recomputeChainWithDatabaseDigest(
  db: Db,
  fromSeq: number,
  relabel: boolean,
  untilSeq = Number.MAX_SAFE_INTEGER,
) {
  await asOwnerWithoutTriggers(
    db,
    `do $$
    declare r record; prev text;
    begin
      select hash into prev from audit_event where seq < ${fromSeq} order by seq desc limit 1;
      for r in select seq from audit_event where seq >= ${fromSeq} and seq <= ${untilSeq}
               order by seq loop
        update audit_event a set prev_hash = coalesce(prev, 'genesis')
          ${relabel ? `, key_id = 'sha256'` : ''} where a.seq = r.seq;
        update audit_event a set hash = ${databaseDigest} where a.seq = r.seq
          returning hash into prev;
      end loop;
    end $$`,
  );
}

const newKey = (id: string): AuditKey => ({ id, key: randomBytes(32) });

function tempDir() {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'varn-audit-'));
}

async function withFreshDatabase(work: (db: Db) => Promise<void>) {
  const fresh = await createTestDatabase();
  try {
    await work(fresh.db);
  } finally {
    await fresh.destroy();
  }
}

describe(`audit log on ${testEngine}`, () => {
  it('chains every row to the one before, signed with the key it names', async () => {
    await writeRows(t.db, 5);
    const rows = await t.db
      .selectFrom('audit_event')
      .select(['seq', 'prev_hash', 'hash', 'key_id'])
      .orderBy('seq')
      .execute();
    expect(rows[0]?.prev_hash).toBe('genesis');
    for (let i = 1; i < rows.length; i++) expect(rows[i]?.prev_hash).toBe(rows[i - 1]?.hash);
    expect(rows.every((r) => r.key_id === 'dev' && /^[0-9a-f]{64}$/.test(r.hash))).toBe(true);
    expect(await verifyAuditChain(t.db)).toEqual({
      ok: true,
      checked: rows.length,
      firstBrokenSeq: undefined,
      breakKind: undefined,
      lastSeq: rows.at(-1)?.seq,
      legacyRows: 0,
      anchor: { state: 'not-configured' },
    });
  });

  it('hashes what is stored: key order, text, uuid case and numbers as the database gives them back', async () => {
    await t.db.transaction().execute((trx) =>
      recordAudit(
        trx,
        { ...ctx, correlationId: 'åäö-\ud800', unitId: null },
        {
          action: 'person.read',
          personIds: [
            '0F0E0D0C-0B0A-4908-8706-050403020100',
            '0f0e0d0c-0b0a-4908-8706-050403020100',
          ],
          details: {
            zeta: 1,
            alpha: 'ä"\\\n\u0001',
            '10': 0.1,
            '2': 1e21,
            big: 2 ** 60,
            small: 1e-7,
            none: null,
          },
        },
      ),
    );
    const row = await t.db
      .selectFrom('audit_event')
      .select(['person_ids', 'correlation_id'])
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(row.person_ids).toEqual(['0f0e0d0c-0b0a-4908-8706-050403020100']);
    expect(row.correlation_id).toBe('åäö-\ufffd');
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });

  it('serialises canonically', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: null }], '10': 'x', '9': true })).toBe(
      '{"10":"x","9":true,"a":[{"c":null,"d":2}],"b":1}',
    );
  });

  it('refuses UPDATE, DELETE and TRUNCATE', async () => {
    await writeRows(t.db, 1);
    await expect(sql`update audit_event set action = 'person.read'`.execute(t.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from audit_event`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_event`.execute(t.db)).rejects.toThrow(/append-only/);
  });

  it('refuses a row without its key and hash, or one that does not extend the chain', async () => {
    await writeRows(t.db, 1);
    const head = await t.db
      .selectFrom('audit_event')
      .select(['seq', 'hash'])
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    const insert = (values: string) =>
      sql
        .raw(
          `insert into audit_event (seq, occurred_at, key_id, prev_hash, hash, action, correlation_id) values (${values})`,
        )
        .execute(t.db);
    // The old way: let the database chain it.
    await expect(
      sql`insert into audit_event (action, correlation_id) values ('person.read', 'x')`.execute(
        t.db,
      ),
    ).rejects.toThrow(/chained and signed by Värn/);
    await expect(
      insert(`${head.seq + 1000}, now(), 'sha256', '${head.hash}', 'h', 'person.read', 'x'`),
    ).rejects.toThrow(/chained and signed by Värn/);
    await expect(
      insert(`${head.seq + 1000}, now(), 'dev', 'genesis', 'h', 'person.read', 'x'`),
    ).rejects.toThrow(/does not extend the chain/);
    await expect(
      insert(`${head.seq}, now(), 'dev', '${head.hash}', 'h', 'person.read', 'x'`),
    ).rejects.toThrow(/does not extend the chain/);
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
          await recordAudit(
            trx,
            { ...ctx, correlationId: `parallel-${i}-second` },
            { action: 'person.read' },
          );
          await sql`select pg_sleep(0.002)`.execute(trx);
          if (i % 7 === 0) throw new Error('roll back');
        }),
      ),
    );
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });
});

describe(`whether a row involves a protected person, on ${testEngine}`, () => {
  it('is derived from the persons named and from the persons of the cases named', async () => {
    const db = t.db;
    const unit = await createUnit(db);
    const person = async (level: 'none' | 'protected_registration') =>
      (
        await db
          .insertInto('person')
          .values({ given_name: 'Skydd', family_name: 'Prov', protection_level: level })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const open = await person('none');
    const hidden = await person('protected_registration');
    const caseOf = async (personId: string) =>
      (
        await sql<{ id: string }>`insert into "case" (person_id, unit_id, target_group)
          values (${personId}, ${unit.id}, 'victim') returning id`.execute(db)
      ).rows[0]?.id ?? '';
    const [openCase, hiddenCase] = [await caseOf(open), await caseOf(hidden)];
    const flagOf = async (event: { personIds?: string[]; caseIds?: string[] }, id: string) => {
      await db
        .transaction()
        .execute((trx) =>
          recordAudit(trx, { ...ctx, correlationId: id }, { action: 'case.read', ...event }),
        );
      const row = await db
        .selectFrom('audit_event')
        .select('involves_protected')
        .where('correlation_id', '=', id)
        .executeTakeFirstOrThrow();
      return row.involves_protected;
    };
    expect(await flagOf({ personIds: [open] }, 'p-open')).toBe(false);
    expect(await flagOf({ personIds: [open, hidden] }, 'p-hidden')).toBe(true);
    expect(await flagOf({ caseIds: [openCase] }, 'c-open')).toBe(false);
    expect(await flagOf({ caseIds: [openCase, hiddenCase] }, 'c-hidden')).toBe(true);
    expect(await flagOf({ personIds: [open], caseIds: [hiddenCase] }, 'pc-hidden')).toBe(true);
  });
});

describe(`attacks by the database's owner on ${testEngine}`, () => {
  it('(a) detects a row edited with the triggers bypassed (session_replication_role)', async () => {
    await withFreshDatabase(async (db) => {
      await writeRows(db, 4);
      const target = (await seqs(db))[2]!;
      await asOwnerWithoutTriggers(
        db,
        `update audit_event set purpose = 'intake_queue' where seq = ${target}`,
      );
      expect(await verifyAuditChain(db)).toMatchObject({
        ok: false,
        firstBrokenSeq: target,
        breakKind: 'content',
      });
    });
  });

  it('(a) detects a row edited with the triggers disabled on the table', async () => {
    await withFreshDatabase(async (db) => {
      await writeRows(db, 4);
      const target = (await seqs(db))[1]!;
      await sql`alter table audit_event disable trigger user`.execute(db);
      await sql
        .raw(`update audit_event set details = '{"resultCount": 99}' where seq = ${target}`)
        .execute(db);
      await sql`alter table audit_event enable trigger user`.execute(db);
      expect(await verifyAuditChain(db)).toMatchObject({
        ok: false,
        firstBrokenSeq: target,
        breakKind: 'content',
      });
    });
  });

  it('(b) detects a row deleted in the middle', async () => {
    await withFreshDatabase(async (db) => {
      await writeRows(db, 4);
      const rows = await seqs(db);
      await asOwnerWithoutTriggers(db, `delete from audit_event where seq = ${rows[1]}`);
      expect(await verifyAuditChain(db)).toMatchObject({
        ok: false,
        firstBrokenSeq: rows[2],
        breakKind: 'link',
      });
    });
  });

  it('(c) detects the tail deleted, against the anchor', async () => {
    const dir = tempDir();
    try {
      await withFreshDatabase(async (db) => {
        const anchorFile = path.join(dir, 'anchor.json');
        const writer = new AuditAnchorWriter({
          db,
          file: anchorFile,
          keys: auditKeys,
          onProblem: () => undefined,
        });
        await writeRows(db, 5);
        expect(await writer.start()).toBeUndefined();
        await writer.close();
        const rows = await seqs(db);
        expect(await verifyAuditChain(db, { anchorFile })).toMatchObject({
          ok: true,
          anchor: { state: 'checked', seq: rows[4] },
        });

        await asOwnerWithoutTriggers(db, `delete from audit_event where seq >= ${rows[3]}`);
        // What is left is a valid chain: only the anchor shows what is missing.
        expect((await verifyAuditChain(db)).ok).toBe(true);
        expect(await verifyAuditChain(db, { anchorFile })).toMatchObject({
          ok: false,
          firstBrokenSeq: rows[4],
          breakKind: 'tail-truncated',
          lastSeq: rows[2],
        });
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('(c) detects the whole log deleted, and an anchor file that was edited', async () => {
    const dir = tempDir();
    try {
      await withFreshDatabase(async (db) => {
        const anchorFile = path.join(dir, 'anchor.json');
        await writeRows(db, 3);
        const rows = await seqs(db);
        const head = await db
          .selectFrom('audit_event')
          .select(['seq', 'hash'])
          .where('seq', '=', rows[2]!)
          .executeTakeFirstOrThrow();
        writeAnchor(anchorFile, signAnchor(auditKeys(), head, new Date()));

        // Moving the anchor back to fit a shortened log breaks its signature.
        const anchor = JSON.parse(fs.readFileSync(anchorFile, 'utf8')) as { seq: number };
        fs.writeFileSync(anchorFile, JSON.stringify({ ...anchor, seq: rows[1] }));
        expect(await verifyAuditChain(db, { anchorFile })).toMatchObject({
          ok: false,
          breakKind: 'anchor-invalid',
        });

        writeAnchor(anchorFile, signAnchor(auditKeys(), head, new Date()));
        await asOwnerWithoutTriggers(db, 'delete from audit_event');
        expect(await verifyAuditChain(db, { anchorFile })).toMatchObject({
          ok: false,
          checked: 0,
          firstBrokenSeq: rows[2],
          breakKind: 'tail-truncated',
        });
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('(d) detects a row edited and the chain recomputed with the database’s own digest', async () => {
    await withFreshDatabase(async (db) => {
      await writeRows(db, 5);
      const rows = await seqs(db);
      await asOwnerWithoutTriggers(
        db,
        `update audit_event set correlation_id = 'rewritten' where seq = ${rows[2]}`,
      );
      await recomputeChainWithDatabaseDigest(db, rows[2]!, false);
      // Every link holds: only the key tells that the hashes are not Värn's.
      const links = await db
        .selectFrom('audit_event')
        .select(['prev_hash', 'hash'])
        .orderBy('seq')
        .execute();
      for (let i = 1; i < links.length; i++) expect(links[i]?.prev_hash).toBe(links[i - 1]?.hash);
      expect(await verifyAuditChain(db)).toMatchObject({
        ok: false,
        firstBrokenSeq: rows[2],
        breakKind: 'content',
      });
    });
  });

  it('(d) detects keyed rows relabelled as legacy and recomputed with the digest', async () => {
    const dir = tempDir();
    try {
      await withFreshDatabase(async (db) => {
        const anchorFile = path.join(dir, 'anchor.json');
        await writeRows(db, 5);
        const rows = await seqs(db);
        const writer = new AuditAnchorWriter({
          db,
          file: anchorFile,
          keys: auditKeys,
          onProblem: () => undefined,
        });
        expect(await writer.start()).toBeUndefined();

        // From the middle: a legacy row after keyed ones is a downgrade.
        await recomputeChainWithDatabaseDigest(db, rows[3]!, true);
        expect(await verifyAuditChain(db)).toMatchObject({
          ok: false,
          firstBrokenSeq: rows[3],
          breakKind: 'legacy-after-keyed',
        });

        // The whole log: a consistent legacy chain, which only the anchor exposes.
        await recomputeChainWithDatabaseDigest(db, rows[0]!, true);
        expect(await verifyAuditChain(db)).toMatchObject({ ok: true, legacyRows: 5 });
        expect(await verifyAuditChain(db, { anchorFile })).toMatchObject({
          ok: false,
          firstBrokenSeq: rows[4],
          breakKind: 'anchor-mismatch',
        });
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('(e) verifies rows under a rotated key while the old key is configured, and not after', async () => {
    await withFreshDatabase(async (db) => {
      const first = newKey('2026-1');
      const second = newKey('2026-2');
      useAuditKeys(keyRing(first, []));
      await writeRows(db, 2);
      useAuditKeys(keyRing(second, [first]));
      await writeRows(db, 2);
      const rows = await db
        .selectFrom('audit_event')
        .select(['seq', 'key_id'])
        .orderBy('seq')
        .execute();
      expect(rows.map((r) => r.key_id)).toEqual(['2026-1', '2026-1', '2026-2', '2026-2']);

      expect(await verifyAuditChain(db, { keys: keyRing(second, [first]) })).toMatchObject({
        ok: true,
        checked: 4,
      });
      expect(await verifyAuditChain(db, { keys: keyRing(second, []) })).toMatchObject({
        ok: false,
        firstBrokenSeq: rows[0]?.seq,
        breakKind: 'unknown-key',
      });
      // A key of the same name but other bytes is not the key.
      expect(
        await verifyAuditChain(db, { keys: keyRing(second, [newKey('2026-1')]) }),
      ).toMatchObject({ ok: false, firstBrokenSeq: rows[0]?.seq, breakKind: 'content' });
    });
  });
});

describe(`rows from before keyed hashes on ${testEngine}`, () => {
  it(
    'verify as a legacy segment the first keyed row links to, and tampering with them shows',
    { timeout: 120_000 },
    async () => {
      const fresh = await createTestDatabase({ migrate: false });
      try {
        const db = fresh.db;
        const migrator = createMigrator(db);
        const { error } = await migrator.migrateTo('2026-11-23_009_audit_event_unit');
        expect(error).toBeUndefined();
        // The old trigger chained these with the database's digest.
        for (let i = 0; i < 3; i++) {
          await sql
            .raw(
              `insert into audit_event (action, correlation_id, details) values ('person.read', 'old-${i}', '{"n": ${i}}')`,
            )
            .execute(db);
        }
        await migrateToLatest(db);
        await writeRows(db, 2);

        const rows = await db
          .selectFrom('audit_event')
          .select(['seq', 'key_id', 'prev_hash', 'hash'])
          .orderBy('seq')
          .execute();
        expect(rows.map((r) => r.key_id)).toEqual(['sha256', 'sha256', 'sha256', 'dev', 'dev']);
        expect(rows[3]?.prev_hash).toBe(rows[2]?.hash);
        expect(await verifyAuditChain(db)).toMatchObject({ ok: true, checked: 5, legacyRows: 3 });

        await asOwnerWithoutTriggers(
          db,
          `update audit_event set correlation_id = 'changed' where seq = ${rows[1]?.seq}`,
        );
        expect(await verifyAuditChain(db)).toMatchObject({
          ok: false,
          firstBrokenSeq: rows[1]?.seq,
          breakKind: 'content',
        });
        // Recomputing the legacy rows moves the last legacy hash, which the first keyed row signed.
        await recomputeChainWithDatabaseDigest(db, rows[1]!.seq, true, rows[2]!.seq);
        expect(await verifyAuditChain(db)).toMatchObject({
          ok: false,
          firstBrokenSeq: rows[3]?.seq,
          breakKind: 'link',
        });
        await asOwnerWithoutTriggers(
          db,
          `update audit_event set prev_hash = (select hash from audit_event where seq = ${rows[2]?.seq}) where seq = ${rows[3]?.seq}`,
        );
        expect(await verifyAuditChain(db)).toMatchObject({
          ok: false,
          firstBrokenSeq: rows[3]?.seq,
          breakKind: 'content',
        });
      } finally {
        await fresh.destroy();
      }
    },
  );
});

describe(`the anchor writer on ${testEngine}`, () => {
  it('moves the anchor forward, at most once an interval, and stops on a shortened chain', async () => {
    const dir = tempDir();
    try {
      await withFreshDatabase(async (db) => {
        const file = path.join(dir, 'anchor.json');
        const problems: (AnchorProblem | Error)[] = [];
        const writer = new AuditAnchorWriter({
          db,
          file,
          keys: auditKeys,
          onProblem: (p) => problems.push(p),
          minIntervalMs: 50,
        });
        // An empty log has no end to anchor yet.
        expect(await writer.start()).toBeUndefined();
        expect(readAnchor(file)).toEqual({ state: 'missing' });

        await writeRows(db, 2);
        writer.poke();
        writer.poke();
        await new Promise((r) => setTimeout(r, 120));
        await writer.flush();
        const rows = await seqs(db);
        const anchored = readAnchor(file);
        expect(anchored).toMatchObject({ state: 'found', anchor: { seq: rows[1] } });

        await writeRows(db, 1);
        await asOwnerWithoutTriggers(db, `delete from audit_event where seq >= ${rows[1]}`);
        await writer.close();
        expect(problems).toEqual(['tail-truncated']);
        // The evidence stays: the file still names the deleted row.
        expect(readAnchor(file)).toEqual(anchored);

        // A restart on the shortened log refuses.
        const restarted = new AuditAnchorWriter({
          db,
          file,
          keys: auditKeys,
          onProblem: () => undefined,
        });
        expect(await restarted.start()).toBe('tail-truncated');
        const otherKeys = new AuditAnchorWriter({
          db,
          file,
          keys: () => keyRing(newKey('other'), []),
          onProblem: () => undefined,
        });
        expect(await otherKeys.start()).toBe('invalid');
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

// A child process that starts Node and opens the database: a generous limit on a busy machine.
describe('audit:verify and start-up, in their own processes', { timeout: 300_000 }, () => {
  it('exits 0 on an intact, anchored log; 1 naming the row and the break; 2 without its anchor', async () => {
    const dataDir = tempDir();
    try {
      const { db } = await openPGlite(dataDir);
      await migrateToLatest(db);
      await writeRows(db, 3);
      const writer = new AuditAnchorWriter({
        db,
        file: path.join(dataDir, 'audit-anchor.json'),
        keys: auditKeys,
        onProblem: () => undefined,
      });
      await writer.start();
      await db.destroy();

      const cli = path.join(import.meta.dirname, '..', 'cli', 'audit-verify.ts');
      const run = (...args: string[]) =>
        spawnSync(process.execPath, [cli, ...args], {
          env: { PATH: process.env.PATH ?? '', VARN_DATA_DIR: dataDir },
          encoding: 'utf8',
        });
      const intact = run();
      expect(intact.status, intact.stderr).toBe(0);
      expect(intact.stdout).toContain('3 rader kontrollerade');
      expect(intact.stdout).toContain('Slutet stämmer med förankringen (rad 3');

      const missing = run(`--anchor=${path.join(dataDir, 'no-such-anchor.json')}`);
      expect(missing.status).toBe(2);
      expect(missing.stderr).toContain('förankringsfilen');

      const reopened = await openPGlite(dataDir);
      await asOwnerWithoutTriggers(reopened.db, `delete from audit_event where seq = 3`);
      await reopened.db.destroy();
      const truncated = run();
      expect(truncated.status).toBe(1);
      expect(truncated.stderr).toContain('BRUTEN vid rad 3');
      expect(truncated.stderr).toContain('de sista raderna har tagits bort');

      const again = await openPGlite(dataDir);
      await asOwnerWithoutTriggers(
        again.db,
        `update audit_event set correlation_id = 'x' where seq = 2`,
      );
      await again.db.destroy();
      const broken = run();
      expect(broken.status).toBe(1);
      expect(broken.stderr).toContain('BRUTEN vid rad 2');
      expect(broken.stderr).toContain('raden har ändrats');
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('start-up refuses a log that no longer ends where the anchor says', async () => {
    const dataDir = tempDir();
    try {
      const { db } = await openPGlite(dataDir);
      await migrateToLatest(db);
      await writeRows(db, 3);
      const writer = new AuditAnchorWriter({
        db,
        file: path.join(dataDir, 'audit-anchor.json'),
        keys: auditKeys,
        onProblem: () => undefined,
      });
      await writer.start();
      await asOwnerWithoutTriggers(db, 'delete from audit_event where seq = 3');
      await db.destroy();
      const before = fs.readFileSync(path.join(dataDir, 'audit-anchor.json'), 'utf8');

      const main = spawnSync(process.execPath, [path.join(import.meta.dirname, '..', 'main.ts')], {
        env: {
          PATH: process.env.PATH ?? '',
          NODE_ENV: 'test',
          PORT: '0',
          HOST: '127.0.0.1',
          VARN_DATA_DIR: dataDir,
          VARN_DEMO_DATA: 'false',
          LOG_LEVEL: 'warn',
        },
        encoding: 'utf8',
      });
      expect(main.status).toBe(1);
      expect(main.stderr).toContain('Granskningsloggen i databasen slutar inte med raden');
      // The evidence is left as it was.
      expect(fs.readFileSync(path.join(dataDir, 'audit-anchor.json'), 'utf8')).toBe(before);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
