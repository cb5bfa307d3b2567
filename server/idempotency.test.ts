import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDEMPOTENCY_KEY_HEADER, REPLAYED_HEADER } from './http/idempotency.ts';
import { createTestApp } from './test/test-app.ts';
import type { TestApp } from './test/test-app.ts';
import { buildWorld } from './test/world.ts';
import type { ActorName, World } from './test/world.ts';

/**
 * A write sent with an Idempotency-Key is done once: a retry after a lost answer gets the first
 * answer, not a second record (issue 22). Over real HTTP, on both engines.
 */

let t: TestApp;
let w: World;
let base: string;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await t.close();
});

const own = { kind: 'person', detail: null };

function journalBody(text: string) {
  return { occurredOn: '2026-11-01', text, source: own };
}

async function post(
  path: string,
  body: unknown,
  options: { key?: string; as?: ActorName } = {},
): Promise<Response> {
  const session = w.sessions[options.as ?? 'assigned'];
  return fetch(`${base}${path}`, {
    method: 'POST',
    headers: {
      ...session.headers,
      'content-type': 'application/json',
      ...(options.key ? { [IDEMPOTENCY_KEY_HEADER]: options.key } : {}),
    },
    body: JSON.stringify(body),
  });
}

async function entriesWithText(text: string): Promise<string[]> {
  const rows = await t.database.db
    .selectFrom('journal_entry_version')
    .select('entry_id')
    .where('text', '=', text)
    .execute();
  return rows.map((r) => r.entry_id);
}

async function auditActions(correlationIds: string[]) {
  return t.database.db
    .selectFrom('audit_event')
    .select(['action', 'case_ids', 'details', 'correlation_id'])
    .where('correlation_id', 'in', correlationIds)
    .orderBy('seq')
    .execute();
}

const journalPath = () => `/api/cases/${w.persons.p.caseId}/journal`;

/**
 * Sends a write and drops the connection the moment the answer starts to arrive, without reading
 * it: what a person sees when the network fails between Värn's commit and her browser.
 */
function sendAndLoseTheAnswer(path: string, body: unknown, key: string): Promise<void> {
  const session = w.sessions.assigned;
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${base}${path}`, {
      method: 'POST',
      headers: {
        ...session.headers,
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(payload),
        [IDEMPOTENCY_KEY_HEADER]: key,
      },
    });
    req.on('response', (res) => {
      res.destroy();
      req.destroy();
      resolve();
    });
    req.on('error', reject);
    req.end(payload);
  });
}

async function eventually<T>(probe: () => Promise<T | undefined>, what: string): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const found = await probe();
    if (found !== undefined) return found;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`never happened: ${what}`);
}

describe('idempotent writes', () => {
  it('a retry after a lost answer returns the first answer and makes no second entry', async () => {
    const text = `Förlorat svar ${randomUUID()}`;
    const key = randomUUID();
    await sendAndLoseTheAnswer(journalPath(), journalBody(text), key);
    const [firstId] = await eventually(async () => {
      const ids = await entriesWithText(text);
      return ids.length > 0 ? ids : undefined;
    }, 'the first save committed');

    const retry = await post(journalPath(), journalBody(text), { key });
    expect(retry.status).toBe(201);
    expect(retry.headers.get(REPLAYED_HEADER)).toBe('true');
    const answer = (await retry.json()) as { id: string; version: number };
    expect(answer).toEqual({ id: firstId, version: 1 });
    expect(await entriesWithText(text)).toEqual([firstId]);

    // The replay is itself audited, against the same case, pointing at the first request.
    const first = await t.database.db
      .selectFrom('idempotent_request')
      .select('correlation_id')
      .where('key', '=', key)
      .executeTakeFirstOrThrow();
    const replayRows = await t.database.db
      .selectFrom('audit_event')
      .select(['case_ids', 'details'])
      .where('action', '=', 'request.replay')
      .where(sql<boolean>`details ->> 'replayOf' = ${first.correlation_id}`)
      .execute();
    expect(replayRows).toHaveLength(1);
    expect(replayRows[0]?.case_ids).toEqual([w.persons.p.caseId]);
  });

  it('answers every retry with the same bytes, and without a key each save is its own', async () => {
    const text = `Samma svar ${randomUUID()}`;
    const key = randomUUID();
    const first = await post(journalPath(), journalBody(text), { key });
    expect(first.status).toBe(201);
    expect(first.headers.get(REPLAYED_HEADER)).toBeNull();
    const firstBody = await first.text();
    for (let i = 0; i < 3; i++) {
      const again = await post(journalPath(), journalBody(text), { key });
      expect(again.status).toBe(201);
      expect(await again.text()).toBe(firstBody);
    }
    expect(await entriesWithText(text)).toHaveLength(1);

    const unkeyed = `Utan nyckel ${randomUUID()}`;
    await post(journalPath(), journalBody(unkeyed));
    await post(journalPath(), journalBody(unkeyed));
    expect(await entriesWithText(unkeyed)).toHaveLength(2);
  });

  it('two identical requests at once make one entry and both get its answer', async () => {
    const text = `Samtidigt ${randomUUID()}`;
    const key = randomUUID();
    const answers = await Promise.all(
      [0, 1, 2].map(() => post(journalPath(), journalBody(text), { key })),
    );
    const bodies = await Promise.all(answers.map((a) => a.json() as Promise<{ id: string }>));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
    const ids = await entriesWithText(text);
    expect(ids).toHaveLength(1);
    expect(bodies.map((b) => b.id)).toEqual([ids[0], ids[0], ids[0]]);
    expect(answers.filter((a) => a.headers.get(REPLAYED_HEADER) === 'true')).toHaveLength(2);
  });

  it('refuses the same key for another write, and writes nothing', async () => {
    const key = randomUUID();
    const text = `Första ${randomUUID()}`;
    expect((await post(journalPath(), journalBody(text), { key })).status).toBe(201);
    const other = `Annan text ${randomUUID()}`;
    const reused = await post(journalPath(), journalBody(other), { key });
    expect(reused.status).toBe(422);
    const body = (await reused.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(body.error.message).toMatch(/redan skickats/);
    expect(await entriesWithText(other)).toHaveLength(0);
  });

  it('keeps a key to its user: another user with the same key gets her own write', async () => {
    const key = randomUUID();
    const text = `Två användare ${randomUUID()}`;
    const mine = await post(journalPath(), journalBody(text), { key });
    expect(mine.status).toBe(201);
    // The colleague may not write in P's case: she is refused, not given the first answer.
    const theirs = await post(journalPath(), journalBody(text), { key, as: 'colleague' });
    expect(theirs.status).toBe(404);
    expect(theirs.headers.get(REPLAYED_HEADER)).toBeNull();
    expect(await entriesWithText(text)).toHaveLength(1);
  });

  it('a failed write leaves no answer behind: its retry runs again', async () => {
    const key = randomUUID();
    const refused = await post(`/api/cases/${w.persons.p.caseId}/journal`, journalBody(' '), {
      key,
    });
    expect(refused.status).toBe(400);
    // A write refused by the service itself (not the schema): the colleague has no access.
    const denied = await post(journalPath(), journalBody('Nekad'), { key, as: 'colleague' });
    expect(denied.status).toBe(404);
    expect(
      await t.database.db
        .selectFrom('idempotent_request')
        .select('key')
        .where('key', '=', key)
        .execute(),
    ).toEqual([]);
    const text = `Efter fel ${randomUUID()}`;
    const ok = await post(journalPath(), journalBody(text), { key, as: 'colleague' });
    // Still refused (the rule did not change), and still not remembered.
    expect(ok.status).toBe(404);
    const done = await post(journalPath(), journalBody(text), { key });
    expect(done.status).toBe(201);
    expect(await entriesWithText(text)).toHaveLength(1);
  });

  it('a service error caught inside the request leaves its transaction usable', async () => {
    // The unit name is unique: the service catches the violation and answers with a field error.
    const name = `Enhet ${randomUUID()}`;
    const created = await post(
      '/api/admin/units',
      { name, kind: 'adult' },
      { key: randomUUID(), as: 'admin' },
    );
    expect(created.status).toBe(201);
    const duplicate = await post(
      '/api/admin/units',
      { name, kind: 'adult' },
      { key: randomUUID(), as: 'admin' },
    );
    expect(duplicate.status).toBe(400);
    const after = await post(
      '/api/admin/units',
      { name: `${name} 2`, kind: 'adult' },
      { key: randomUUID(), as: 'admin' },
    );
    expect(after.status).toBe(201);
  });

  it('the refused attempt of a keyed write is audited like any other', async () => {
    const key = randomUUID();
    const denied = await post(journalPath(), journalBody('Nekad igen'), { key, as: 'colleague' });
    expect(denied.status).toBe(404);
    const correlationId = ((await denied.json()) as { error: { correlationId: string } }).error
      .correlationId;
    const rows = await auditActions([correlationId]);
    expect(rows.map((r) => r.action)).toEqual(['security.refused']);
  });

  it('refuses a key of the wrong shape with a field error', async () => {
    const bad = await post(journalPath(), journalBody('x'), { key: 'kort' });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: { fields: { path: string }[] } };
    expect(body.error.fields[0]?.path).toBe(`headers.${IDEMPOTENCY_KEY_HEADER}`);
  });

  it('keeps no answer of a search: a POST that only reads', async () => {
    const key = randomUUID();
    const found = await post(
      '/api/persons/search',
      { by: 'identity', kind: 'personnummer', number: w.persons.p.personnummer },
      { key },
    );
    expect(found.status).toBe(200);
    const kept = await t.database.db
      .selectFrom('idempotent_request')
      .select('key')
      .where('key', '=', key)
      .execute();
    expect(kept).toEqual([]);
  });

  it('keeps no answer in clear text', async () => {
    const key = randomUUID();
    const text = `Förseglat ${randomUUID()}`;
    const res = await post(journalPath(), journalBody(text), { key });
    const answer = (await res.json()) as { id: string };
    const stored = await t.database.db
      .selectFrom('idempotent_request')
      .select(['response', 'status_code', 'case_ids'])
      .where('key', '=', key)
      .executeTakeFirstOrThrow();
    expect(stored.status_code).toBe(201);
    expect(stored.response).not.toContain(answer.id);
    expect(stored.case_ids).toEqual([w.persons.p.caseId]);
  });
});
