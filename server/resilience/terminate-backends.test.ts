import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPLICATION_NAME } from '../db/database.ts';
import { createTestDatabase, testEngine } from '../test/test-db.ts';
import type { TestDatabase } from '../test/test-db.ts';
import {
  Client,
  auditVerify,
  freePort,
  ledger,
  newTally,
  saveStream,
  sleep,
  startVarn,
  stopVarn,
  waitForReady,
} from './harness.ts';
import type { VarnProcess } from './harness.ts';

/**
 * Issue 22: PostgreSQL ending Värn's connections in the middle of transactions (what a failover
 * or an operator's pg_terminate_backend does) fails the requests using them and nothing else.
 * Before, the process died of an unhandled 'error' event from node-postgres. Värn runs as a real
 * process, so a crash is the child exiting; social workers save journal entries over HTTP and
 * retry a refused save with the same Idempotency-Key.
 */
describe.skipIf(testEngine !== 'postgres')('PostgreSQL terminating Värn’s backends', () => {
  let t: TestDatabase;
  let started: VarnProcess | undefined;

  beforeAll(async () => {
    // Värn migrates and seeds the demo users itself, as at a first start.
    t = await createTestDatabase({ migrate: false });
    started = startVarn(t.url!, await freePort());
    await waitForReady(started);
  });
  afterAll(async () => {
    if (started) await stopVarn(started);
    await t.destroy();
  });

  it('survives, refuses only the requests on the lost connections, and loses or doubles no save', async () => {
    const varn = started!;
    const clients = [
      new Client(varn.base, 'anna.handlaggare', 0),
      new Client(varn.base, 'anna.handlaggare', 1),
      new Client(varn.base, 'bo.barn', 0),
      new Client(varn.base, 'sara.socialjour', 0),
    ];
    for (const client of clients) await client.login();
    const database = (await sql<{ name: string }>`select current_database() as name`.execute(t.db))
      .rows[0]!.name;

    const since = new Date();
    const tally = newTally();
    const stream = saveStream(clients, tally);
    let terminated = 0;
    let inTransaction = 0;
    for (let round = 0; round < 6; round++) {
      await sleep(600);
      // Only Värn's own backends on this test's database (not this query's own: the test's pool
      // is opened by openPostgres too, under the same name), and only those doing something.
      const killed = await sql<{ in_transaction: boolean; ok: boolean }>`
        select xact_start is not null as in_transaction, pg_terminate_backend(pid) as ok
        from pg_stat_activity
        where application_name = ${APPLICATION_NAME} and datname = ${database}
          and pid <> pg_backend_pid() and state in ('active', 'idle in transaction')`.execute(t.db);
      terminated += killed.rows.filter((r) => r.ok).length;
      inTransaction += killed.rows.filter((r) => r.ok && r.in_transaction).length;
    }
    await sleep(500);
    expect(varn.child.exitCode, varn.output().slice(-4000)).toBeNull();
    expect(varn.child.signalCode).toBeNull();
    await waitForReady(varn, 15_000);
    const before = tally.acknowledged.length;
    await sleep(1_000);
    await stream.stop();
    // Saves after the last termination went through, on the same process.
    expect(tally.acknowledged.length).toBeGreaterThan(before);
    expect(inTransaction).toBeGreaterThan(0);
    expect(tally.unexpected).toEqual([]);
    expect(tally.unacknowledged).toEqual([]);
    expect(varn.logLines(/^unhandled error$/)).toEqual([]);

    // One line when an outage starts and one when it ends, never a stack; the ends together
    // count every request that was refused.
    const deadline = Date.now() + 10_000;
    while (
      varn.logLines(/^database available again$/).length <
        varn.logLines(/^database unavailable/).length &&
      Date.now() < deadline
    ) {
      await sleep(100);
    }
    const outages = varn.logLines(/^database unavailable/);
    const ends = varn.logLines(/^database available again$/);
    expect(ends.length).toBe(outages.length);
    for (const line of outages) expect(line).not.toHaveProperty('stack');
    expect(ends.reduce((n, l) => n + Number(l.refusedRequests), 0)).toBe(tally.refused503);

    expect(await stopVarn(varn)).toBe(0);
    const held = await ledger(t.db, tally, since);
    process.stdout.write(
      `terminate-backends: ${tally.acknowledged.length} saves acknowledged, ${terminated} backends terminated (${inTransaction} in a transaction), ${tally.refused503} answers 503 (Retry-After ${[...tally.retryAfter].join(',') || '-'}), ${tally.socketErrors} cut connections, ${outages.length} outages logged; ${held.entries} entries stored, ${held.duplicated.length} saves stored twice\n`,
    );
    // Soft: a lost save, a double and a broken chain are different failures, each worth seeing.
    expect.soft(held.lost).toEqual([]);
    // A backend terminated during COMMIT may have committed: the retry is stored once only
    // thanks to the server's Idempotency-Key.
    expect.soft(held.duplicated).toEqual([]);
    expect.soft(held.entries).toBe(tally.acknowledged.length);
    expect.soft(held.mismatched).toEqual([]);
    const verified = await auditVerify(t.url!);
    expect.soft(verified.code, verified.output).toBe(0);
  });
});
