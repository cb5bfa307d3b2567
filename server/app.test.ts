import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ErrorResponse } from '../core/contracts/errors.ts';
import { defineContract } from '../core/contracts/contract.ts';
import { addRoute } from './http/route.ts';
import { createTestApp } from './test/test-app.ts';
import type { TestApp } from './test/test-app.ts';

// A throw-away contract to exercise validation and error mapping the way real endpoints will.
const echo = defineContract({
  method: 'POST',
  path: '/api/test/echo/:id',
  params: z.strictObject({ id: z.uuid() }),
  body: z.strictObject({ text: z.string().min(1).max(20), count: z.number().int().min(0) }),
  response: z.object({ text: z.string() }),
});

let t: TestApp;
let webRoot: string;
beforeAll(async () => {
  webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'varn-web-'));
  fs.mkdirSync(path.join(webRoot, 'assets'));
  fs.writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>Värn</title>');
  fs.writeFileSync(path.join(webRoot, 'assets', 'app-abc123.js'), 'console.log(1)');
  t = await createTestApp({ webRoot });
  addRoute(
    t.app,
    echo,
    (input) => ({ text: input.body.text, secret: 'dropped' }) as { text: string },
  );
  t.app.get('/api/test/boom', () => {
    throw new Error('database password is hunter2 for 19121212-1212');
  });
  await t.app.ready();
});
afterAll(async () => {
  await t.close();
  fs.rmSync(webRoot, { recursive: true, force: true });
});

function errorOf(body: string) {
  return ErrorResponse.parse(JSON.parse(body)).error;
}

describe('health and readiness', () => {
  it('answers liveness without touching the database', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('is ready when the database answers and migrations are current', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/ready' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      status: 'ready',
      checks: [
        { name: 'database', ok: true },
        { name: 'migrations', ok: true },
      ],
    });
  });
});

describe('security headers', () => {
  it('sends a strict content security policy, refuses framing and caching', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/app-info' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('caches fingerprinted assets and never the page shell', async () => {
    const asset = await t.app.inject({ method: 'GET', url: '/assets/app-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    const page = await t.app.inject({ method: 'GET', url: '/', headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-cache');
  });
});

describe('web client routes', () => {
  it('serves the page shell for a client route', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/arenden',
      headers: { accept: 'text/html' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<title>Värn</title>');
  });

  it('answers an unknown API path with the JSON 404, never the page', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/nothing-here',
      headers: { accept: 'text/html' },
    });
    expect(res.statusCode).toBe(404);
    expect(errorOf(res.body)).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('bad input gets a clear 4xx, never a 500', () => {
  const url = '/api/test/echo/0b8f6a5e-9d3c-4e21-8a8e-2f0a4c1d7b11';

  it('accepts valid input and returns only the fields of the response schema', async () => {
    const res = await t.app.inject({ method: 'POST', url, payload: { text: 'hej', count: 1 } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ text: 'hej' });
  });

  it('names each invalid field in Swedish', async () => {
    const res = await t.app.inject({ method: 'POST', url, payload: { text: '', count: -1 } });
    expect(res.statusCode).toBe(400);
    const error = errorOf(res.body);
    expect(error.code).toBe('VALIDATION');
    expect(error.fields?.map((f) => f.path).sort()).toEqual(['body.count', 'body.text']);
    expect(
      error.fields?.every(
        (f) => /[a-zåäö]/i.test(f.message) && !/expected|Invalid/.test(f.message),
      ),
    ).toBe(true);
  });

  it('refuses unknown fields', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url,
      payload: { text: 'a', count: 1, role: 'admin' },
    });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res.body).code).toBe('VALIDATION');
  });

  it('refuses a malformed id', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/test/echo/123',
      payload: { text: 'a', count: 1 },
    });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res.body).fields?.[0]?.path).toBe('params.id');
  });

  it('refuses broken JSON', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/json' },
      payload: '{"text": "a",',
    });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res.body).code).toBe('MALFORMED_REQUEST');
  });

  it('refuses a content type other than JSON', async () => {
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
    ]) {
      const res = await t.app.inject({
        method: 'POST',
        url,
        headers: { 'content-type': type },
        payload: 'text=a',
      });
      expect(res.statusCode, type).toBe(415);
      expect(errorOf(res.body).code).toBe('UNSUPPORTED_MEDIA_TYPE');
    }
  });

  it('refuses an oversized body', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url,
      payload: { text: 'a'.repeat(600_000), count: 1 },
    });
    expect(res.statusCode).toBe(413);
    expect(errorOf(res.body).code).toBe('PAYLOAD_TOO_LARGE');
  });
});

describe('an unforeseen error', () => {
  it('answers 500 with a correlation id and none of the error text', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/test/boom' });
    expect(res.statusCode).toBe(500);
    const error = errorOf(res.body);
    expect(error.code).toBe('INTERNAL');
    expect(error.correlationId).toBe(res.headers['x-correlation-id']);
    expect(res.body).not.toContain('hunter2');
    expect(res.body).not.toContain('19121212');
  });
});

describe('logs', () => {
  it('carry the path without its query string and never a request body', async () => {
    await t.app.inject({
      method: 'POST',
      url: '/api/test/echo/0b8f6a5e-9d3c-4e21-8a8e-2f0a4c1d7b11?namn=Kanarie',
      payload: { text: 'Kanariefågel', count: 1 },
    });
    const logs = t.logLines.join('\n');
    expect(logs).toContain('/api/test/echo/0b8f6a5e-9d3c-4e21-8a8e-2f0a4c1d7b11');
    expect(logs).not.toContain('Kanarie');
  });
});

describe('real HTTP', () => {
  it('serves the same answers over a socket', async () => {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const res = await fetch(`${address}/health`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(await res.json()).toEqual({ status: 'ok' });
  });
});
