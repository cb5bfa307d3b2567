import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorResponse } from '../core/contracts/errors.ts';
import { intakePayload } from './test/factories.ts';
import { createTestApp } from './test/test-app.ts';
import type { TestApp } from './test/test-app.ts';
import { buildWorld } from './test/world.ts';
import type { World } from './test/world.ts';

/**
 * Finding 10 of issue 11: bad input answered 500 (and one 500 logged the intake text). Each kind
 * of input is refused at the boundary with a 400 that names the field in Swedish, over real HTTP,
 * and nothing of it reaches the log.
 */
const MARKER = 'GRANSKANARIE';

let t: TestApp;
let w: World;
let base: string;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await t.close();
});

const b64 = (value: string) => Buffer.from(value, 'utf8').toString('base64url');
const someId = '3f1f0c4e-2b7a-4d3e-9a51-7c0d2e8b6a10';

async function send(method: string, url: string, body?: string) {
  const headers: Record<string, string> = { ...w.sessions.assigned.headers };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${base}${url}`, { method, headers, ...(body ? { body } : {}) });
  return { status: res.status, text: await res.text() };
}

function fieldsOf(text: string) {
  const { error } = ErrorResponse.parse(JSON.parse(text));
  expect(error.code).toBe('VALIDATION');
  for (const f of error.fields ?? []) expect(f.message).toMatch(/^[A-ZÅÄÖ]/);
  return (error.fields ?? []).map((f) => f.path);
}

const journal = (overrides: Record<string, unknown>) =>
  JSON.stringify({
    occurredOn: '2024-05-01',
    text: 'Samtal med personen.',
    source: { kind: 'person', detail: null },
    ...overrides,
  });

describe('the boundary', () => {
  const cases: [string, () => [string, string, string?], string][] = [
    [
      'NUL in a text',
      () => [
        'POST',
        `/api/cases/${w.persons.p.caseId}/journal`,
        journal({ text: `${MARKER}\u0000` }),
      ],
      'body.text',
    ],
    [
      'a lone surrogate in a text stored as JSON',
      () => [
        'PUT',
        `/api/cases/${w.persons.p.caseId}/journal-draft`,
        JSON.stringify({
          draft: {
            occurredOn: '',
            text: `${MARKER} Storgatan 1 \ud800`,
            source: { kind: 'person', detail: null },
          },
        }),
      ],
      'body.draft.text',
    ],
    [
      'a lone surrogate in a key',
      () => [
        'POST',
        `/api/cases/${w.persons.p.caseId}/risk-assessments`,
        JSON.stringify({ answers: { '\udc00': { kind: 'text', value: MARKER } } }),
      ],
      'body.answers',
    ],
    [
      'NUL in the text of an intake (the 500 that logged address and phone)',
      () => {
        const payload = intakePayload(w.units.adult, { existing: true, personId: w.persons.p.id });
        payload.intake.content = `${MARKER} bor på Storgatan 1, telefon 070-123 45 67\u0000`;
        return ['POST', '/api/intakes', JSON.stringify(payload)];
      },
      'body.intake.content',
    ],
    [
      'NUL in a search',
      () => [
        'POST',
        '/api/persons/search',
        JSON.stringify({ by: 'name', query: `${MARKER}\u0000` }),
      ],
      'body.query',
    ],
    [
      'an integer beyond int4',
      () => [
        'POST',
        `/api/cases/${w.persons.p.caseId}/closure`,
        JSON.stringify({ reason: 'Klart.', version: 2 ** 31 }),
      ],
      'body.version',
    ],
    [
      'a number JSON reads as Infinity',
      () => [
        'POST',
        `/api/cases/${w.persons.p.caseId}/closure`,
        '{"reason": "Klart.", "version": 1e400}',
      ],
      'body.version',
    ],
    [
      'an integer beyond int4 in the path',
      () => ['POST', '/api/admin/instruments/varn-exempel-heder/versions/2147483648/retirement'],
      'params.version',
    ],
    [
      'year 0000',
      () => [
        'POST',
        `/api/cases/${w.persons.p.caseId}/journal`,
        journal({ occurredOn: '0000-01-01' }),
      ],
      'body.occurredOn',
    ],
    [
      'a date after 2100',
      () => [
        'POST',
        `/api/cases/${w.persons.p.caseId}/incidents`,
        JSON.stringify({ occurredOn: '9999-12-31', description: 'x' }),
      ],
      'body.occurredOn',
    ],
    [
      'an impossible time',
      () => [
        'POST',
        '/api/intakes',
        JSON.stringify(
          intakePayload(
            w.units.adult,
            { existing: true, personId: w.persons.p.id },
            { receivedAt: '9999-12-31T99:99' },
          ),
        ),
      ],
      'body.intake.receivedAt',
    ],
    [
      'a timestamp in year 0000',
      () => [
        'POST',
        '/api/intakes',
        JSON.stringify(
          intakePayload(
            w.units.adult,
            { existing: true, personId: w.persons.p.id },
            { receivedAt: '0000-01-01T00:00:00Z' },
          ),
        ),
      ],
      'body.intake.receivedAt',
    ],
    [
      'a cursor that is not base64url',
      () => ['GET', '/api/cases/mine?after=not%20base64!!'],
      'query.after',
    ],
    ['a cursor with NUL', () => ['GET', '/api/cases/mine?after=%00'], 'query.after'],
    [
      'a cursor that is not JSON',
      () => ['GET', `/api/cases/mine?after=${b64('not json')}`],
      'query.after',
    ],
    [
      'a cursor out of range',
      () => ['GET', `/api/cases/mine?after=${b64(`[0,"0000-01-01T00:00:00.000Z","${someId}"]`)}`],
      'query.after',
    ],
    [
      'a cursor with an id that is not a uuid',
      () => [
        'GET',
        `/api/cases/${w.persons.p.caseId}/journal?after=${b64('["2024-01-01T00:00:00.000Z","------------------------------------"]')}`,
      ],
      'query.after',
    ],
    [
      'the old cursor format',
      () => [
        'GET',
        `/api/units/${w.units.adult}/no-action-records?after=2024-01-01T00:00:00.000Z_------------------------------------`,
      ],
      'query.after',
    ],
  ];

  for (const [name, request, field] of cases) {
    it(`refuses ${name} with a 400 naming ${field}`, async () => {
      const [method, url, body] = request();
      const res = await send(method, url, body);
      expect(res.status, res.text).toBe(400);
      expect(fieldsOf(res.text)).toContain(field);
      expect(res.text).not.toContain(MARKER);
    });
  }

  it('refuses a body nested too deep to walk recursively without a 500', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const res = await send('POST', `/api/cases/${w.persons.p.caseId}/journal`, deep);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });

  it('still takes a well-formed text with emoji and Swedish letters', async () => {
    const res = await send(
      'POST',
      `/api/cases/${w.persons.p.caseId}/journal`,
      journal({ text: 'Åsa berättade 😀 om händelsen.' }),
    );
    expect(res.status, res.text).toBe(201);
  });

  it('writes none of the refused input to the log', () => {
    const leaks = t.logLines.filter((l) => l.includes(MARKER));
    expect(leaks).toEqual([]);
  });
});
