import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { safeErrorForLog } from '../logger.ts';
import { createTestApp } from '../test/test-app.ts';
import type { TestApp } from '../test/test-app.ts';

/**
 * A database error quotes what it refused: a unique violation names the key's value in `detail`,
 * a bad JSON value is quoted in `detail` and `where`, a PL/pgSQL error carries its context. None
 * of it may reach a log line: the error is logged by class, SQLSTATE, constraint and stack only.
 */
const MARKER = 'LOGGKANARIE';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  t.app.get('/api/test/unique-violation', async () => {
    const name = `${MARKER}-enhet Storgatan 1, 070-1234567`;
    await db.insertInto('unit').values({ name, kind: 'adult' }).execute();
    await db.insertInto('unit').values({ name, kind: 'adult' }).execute();
    return {};
  });
  t.app.get('/api/test/bad-json', async () => {
    const text = `{"adress": ${MARKER}-Storgatan 1}`;
    await sql`select ${text}::jsonb`.execute(db);
    return {};
  });
  t.app.get('/api/test/plpgsql', async () => {
    await sql
      .raw(
        `do $$ declare v text := '${MARKER}-telefon'; begin raise exception 'fel: %', v using detail = v, hint = v; end $$`,
      )
      .execute(db);
    return {};
  });
  await t.app.ready();
});
afterAll(async () => {
  await t.close();
});

describe('a database error in the log', () => {
  for (const route of ['unique-violation', 'bad-json', 'plpgsql']) {
    it(`is logged without the values it quotes (${route})`, async () => {
      const before = t.logLines.length;
      const res = await t.app.inject({ method: 'GET', url: `/api/test/${route}` });
      expect(res.statusCode).toBe(500);
      expect(res.body).not.toContain(MARKER);
      const lines = t.logLines.slice(before).join('\n');
      const logged = lines
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { msg: string; error?: Record<string, unknown> })
        .find((l) => l.msg === 'unhandled error');
      // The line is there and says what kind of error it was, for support to act on.
      expect(logged?.error?.code).toMatch(/^[0-9A-Z]{5}$/);
      expect(logged?.error?.stack).toMatch(/^\s+at /);
      expect(lines).not.toContain(MARKER);
    });
  }

  it('names the constraint of a unique violation', async () => {
    const before = t.logLines.length;
    await t.app.inject({ method: 'GET', url: '/api/test/unique-violation' });
    const lines = t.logLines.slice(before).join('\n');
    expect(lines).toContain('"code":"23505"');
    expect(lines).toContain('unit_name_key');
  });
});

describe('safeErrorForLog', () => {
  it('keeps class, code and frames; drops message, detail, where, query and parameters', () => {
    const error = Object.assign(new Error(`bad value ${MARKER}\nsecond line ${MARKER}`), {
      code: '22P02',
      detail: MARKER,
      hint: MARKER,
      where: MARKER,
      query: MARKER,
      params: [MARKER],
      internalQuery: MARKER,
      constraint: 'person_identity',
      cause: new TypeError(MARKER),
    });
    const safe = safeErrorForLog(error);
    expect(JSON.stringify(safe)).not.toContain(MARKER);
    expect(safe).toMatchObject({
      type: 'Error',
      code: '22P02',
      constraint: 'person_identity',
      cause: { type: 'TypeError' },
    });
  });
});
