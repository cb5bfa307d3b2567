import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCatalogue } from '../../core/contracts/errors.ts';
import { openPostgres } from '../db/database.ts';
import type { Db } from '../db/database.ts';
import { testEngine } from '../test/test-db.ts';
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
import { ThrowawayPostgres, postgresBinDir } from './throwaway-postgres.ts';

/**
 * Issue 22: PostgreSQL stopped with `-m immediate` (a crash, a power cut, a failover's fencing)
 * and started again, several times, while social workers keep saving. Värn must live through
 * every cycle, answer 503 with Retry-After while the database is away, be ready again without a
 * restart, lose no acknowledged save and store none twice (clients retry with the same
 * Idempotency-Key), and leave an audit chain that verifies.
 *
 * CI runs a few cycles (VARN_OUTAGE_CYCLES, default 3); `npm run test:outage` runs 30.
 */
const cycles = Number(process.env.VARN_OUTAGE_CYCLES ?? 3);

/** Waits (up to 10 s) until every outage the log has opened it has also closed. */
async function outageLogged(varn: VarnProcess) {
  const deadline = Date.now() + 10_000;
  while (
    varn.logLines(/^database available again$/).length <
      varn.logLines(/^database unavailable/).length &&
    Date.now() < deadline
  ) {
    await sleep(100);
  }
}
const bin = postgresBinDir();

describe.skipIf(testEngine !== 'postgres' || bin === undefined)(
  'PostgreSQL stopped and started under Värn',
  () => {
    let cluster: ThrowawayPostgres | undefined;
    let started: VarnProcess | undefined;
    let db: Db | undefined;

    beforeAll(async () => {
      cluster = await ThrowawayPostgres.create(bin!);
      const admin = new Kysely<unknown>({
        dialect: new PostgresDialect({
          pool: new pg.Pool({ connectionString: cluster.url('postgres'), max: 1 }),
        }),
      });
      await sql`create database varn`.execute(admin);
      await admin.destroy();
      started = startVarn(cluster.url('varn'), await freePort());
      await waitForReady(started);
    }, 180_000);

    afterAll(async () => {
      if (started) await stopVarn(started);
      await db?.destroy();
      await cluster?.destroy();
    });

    it(
      `survives ${cycles} immediate stops and starts with no save lost or doubled`,
      { timeout: 60_000 + cycles * 20_000 },
      async () => {
        const varn = started!;
        const pgCluster = cluster!;
        const clients = [
          new Client(varn.base, 'anna.handlaggare', 0),
          new Client(varn.base, 'anna.handlaggare', 1),
          new Client(varn.base, 'bo.barn', 0),
          new Client(varn.base, 'sara.socialjour', 0),
        ];
        for (const client of clients) await client.login();

        const since = new Date();
        const tally = newTally();
        const stream = saveStream(clients, tally);
        const readyWhileDown: string[] = [];
        const recoveryMs: number[] = [];
        for (let cycle = 0; cycle < cycles; cycle++) {
          await sleep(800);
          await pgCluster.stopImmediately();
          await sleep(300);
          const ready = await fetch(`${varn.base}/ready`);
          await ready.arrayBuffer();
          readyWhileDown.push(`${ready.status} ${ready.headers.get('retry-after')}`);
          await sleep(400);
          const restarting = Date.now();
          await pgCluster.start();
          await waitForReady(varn, 30_000);
          recoveryMs.push(Date.now() - restarting);
          expect(varn.child.exitCode, varn.output().slice(-4000)).toBeNull();
          // Let the log close this outage (its probe runs once a second) before the next one,
          // so each cycle is an outage of its own in the count below.
          await outageLogged(varn);
        }
        const beforeLast = tally.acknowledged.length;
        await sleep(1_000);
        await stream.stop();

        expect(varn.child.exitCode).toBeNull();
        expect(varn.child.signalCode).toBeNull();
        // Saves went on after the last restart, without restarting Värn.
        expect(tally.acknowledged.length).toBeGreaterThan(beforeLast);
        expect(readyWhileDown).toEqual(Array.from({ length: cycles }, () => '503 5'));
        expect(tally.refused503).toBeGreaterThan(0);
        expect([...tally.retryAfter]).toEqual(['5']);
        expect(tally.unexpected).toEqual([]);
        expect(tally.unacknowledged).toEqual([]);
        expect(varn.logLines(/^unhandled error$/)).toEqual([]);

        // An answer from the outage, as a person's browser gets it.
        await pgCluster.stopImmediately();
        const refused = await fetch(`${varn.base}/api/cases/${clients[0]!.caseId}/journal`, {
          headers: { cookie: clients[0]!.cookie },
        });
        expect(refused.status).toBe(503);
        expect(refused.headers.get('retry-after')).toBe('5');
        expect(((await refused.json()) as { error: { message: string } }).error.message).toBe(
          errorCatalogue.SERVICE_UNAVAILABLE.message,
        );
        await pgCluster.start();
        await waitForReady(varn, 30_000);

        // Each outage is one line when it starts and one when it ends, never a stack; together
        // the ends count every refused request.
        await outageLogged(varn);
        const outages = varn.logLines(/^database unavailable/);
        const ends = varn.logLines(/^database available again$/);
        expect(outages.length).toBeGreaterThanOrEqual(cycles + 1);
        expect(outages.length).toBeLessThanOrEqual(2 * (cycles + 1));
        expect(ends.length).toBe(outages.length);
        for (const line of outages) expect(line).not.toHaveProperty('stack');
        const refusedLogged = ends.reduce((n, l) => n + Number(l.refusedRequests), 0);
        expect(refusedLogged).toBe(tally.refused503 + 1);

        expect(await stopVarn(varn)).toBe(0);
        db = openPostgres(pgCluster.url('varn'), 2).db;
        const held = await ledger(db, tally, since);
        process.stdout.write(
          `postgres-restart: ${cycles} cycles, ${tally.acknowledged.length} saves acknowledged (${tally.acknowledged.filter((s) => s.attempts > 1).length} after a retry, ${tally.acknowledged.filter((s) => s.replayed).length} replayed), ${tally.refused503} answers 503, ${tally.socketErrors} cut connections, ${outages.length} outage lines, ready again ${Math.min(...recoveryMs)}–${Math.max(...recoveryMs)} ms after start; ${held.entries} entries stored, ${held.duplicated.length} saves stored twice\n`,
        );
        // Soft: a lost save, a double and a broken chain are different failures, each worth seeing.
        expect.soft(held.lost).toEqual([]);
        // A save whose COMMIT reached the disk but whose answer was lost with the connection is
        // retried by the client; only the server's Idempotency-Key keeps it from being stored twice.
        expect.soft(held.duplicated).toEqual([]);
        expect.soft(held.entries).toBe(tally.acknowledged.length);
        expect.soft(held.mismatched).toEqual([]);
        const verified = await auditVerify(pgCluster.url('varn'));
        expect.soft(verified.code, verified.output).toBe(0);
      },
    );
  },
);
