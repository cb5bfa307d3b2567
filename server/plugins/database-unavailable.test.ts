import net from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCatalogue } from '../../core/contracts/errors.ts';
import { openPostgres } from '../db/database.ts';
import type { Db } from '../db/database.ts';
import { createTestApp } from '../test/test-app.ts';
import type { TestApp } from '../test/test-app.ts';
import { RETRY_AFTER_SECONDS } from './error-handler.ts';

/**
 * A database that does not answer is not a bug in Värn: the request answers 503 with
 * Retry-After and the catalogue's message, and the outage is logged once, without a stack, and
 * once more when the database answers again. The unreachable database here is a real
 * node-postgres pool pointed at a port where nothing listens; the app's own database stays up,
 * so its probe sees the outage end.
 */
let t: TestApp;
let unreachable: Db;

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

interface LogLine {
  msg: string;
  level: number;
  reason?: string;
  refusedRequests?: number;
}
const parsed = (lines: string[]) =>
  lines
    .join('')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as LogLine);

beforeAll(async () => {
  t = await createTestApp();
  unreachable = openPostgres(`postgres://postgres@127.0.0.1:${await closedPort()}/test`, 2).db;
  t.app.get('/api/test/unreachable', async () => {
    await sql`select 1`.execute(unreachable);
    return {};
  });
  t.app.get('/api/test/broken', async () => {
    await sql`select no_such_column from unit`.execute(t.database.db);
    return {};
  });
  await t.app.ready();
});
afterAll(async () => {
  await unreachable.destroy();
  await t.close();
});

describe('while the database cannot be reached', () => {
  it('answers 503 with Retry-After, logs the outage once without a stack, and its end', async () => {
    const before = t.logLines.length;
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        t.app.inject({ method: 'GET', url: '/api/test/unreachable' }),
      ),
    );
    for (const res of answers) {
      expect(res.statusCode).toBe(503);
      expect(res.headers['retry-after']).toBe(String(RETRY_AFTER_SECONDS));
      expect(res.headers['cache-control']).toBe('no-store');
      const body = res.json<{ error: { code: string; message: string; correlationId: string } }>();
      expect(body.error.code).toBe('SERVICE_UNAVAILABLE');
      expect(body.error.message).toBe(errorCatalogue.SERVICE_UNAVAILABLE.message);
      expect(body.error.correlationId).toMatch(/^[0-9a-f-]{36}$/);
    }

    // The app's own database answers the probe, so the outage's end is logged within seconds.
    const deadline = Date.now() + 10_000;
    while (
      !parsed(t.logLines.slice(before)).some((l) => l.msg === 'database available again') &&
      Date.now() < deadline
    ) {
      await new Promise((r) => setTimeout(r, 50));
    }
    const lines = parsed(t.logLines.slice(before));
    const outage = lines.filter((l) => l.msg.startsWith('database unavailable'));
    expect(outage).toHaveLength(1);
    expect(outage[0]?.reason).toBe('ECONNREFUSED');
    const back = lines.filter((l) => l.msg === 'database available again');
    expect(back).toHaveLength(1);
    expect(back[0]?.refusedRequests).toBe(20);
    expect(lines.some((l) => l.msg === 'unhandled error')).toBe(false);
    expect(t.logLines.slice(before).join('')).not.toContain('"stack"');
  });

  it('leaves a real bug a 500 logged with its stack', async () => {
    const before = t.logLines.length;
    const res = await t.app.inject({ method: 'GET', url: '/api/test/broken' });
    expect(res.statusCode).toBe(500);
    expect(res.headers['retry-after']).toBeUndefined();
    expect(parsed(t.logLines.slice(before)).some((l) => l.msg === 'unhandled error')).toBe(true);
  });
});
