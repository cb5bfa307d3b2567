import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPRESS_THRESHOLD_BYTES } from '../app.ts';
import { createTestApp } from '../test/test-app.ts';
import type { TestApp } from '../test/test-app.ts';

/**
 * What travels compressed, over real HTTP: the web client's files as the build precompressed
 * them (the copy the browser accepts, Vary: Accept-Encoding, caching unchanged), and API answers
 * above the threshold; small answers and clients that accept nothing go as they are.
 */

const script = `export const text = ${JSON.stringify('Värn skyddar. '.repeat(500))};`;
const page = `<!doctype html><html lang="sv"><title>Värn</title>${'<p>Värn</p>'.repeat(200)}</html>`;

let t: TestApp;
let base: string;
beforeAll(async () => {
  const webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'varn-compress-'));
  fs.mkdirSync(path.join(webRoot, 'assets'));
  for (const [name, content] of [
    ['assets/index-abc123.js', script],
    ['index.html', page],
  ] as const) {
    const file = path.join(webRoot, name);
    fs.writeFileSync(file, content);
    fs.writeFileSync(`${file}.br`, brotliCompressSync(content));
    fs.writeFileSync(`${file}.gz`, gzipSync(content));
  }
  t = await createTestApp({ webRoot });
  t.app.get('/api/test/large', () => ({ items: Array.from({ length: 400 }, (_, i) => ({ i })) }));
  t.app.get('/api/test/small', () => ({ ok: true }));
  t.app.get('/api/auth/test-large', () => ({
    csrfToken: 'x'.repeat(64),
    grants: Array.from({ length: 400 }, (_, i) => ({ i })),
  }));
  base = await t.app.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  await t.close();
});

/** A raw GET: fetch would decode the body, and the test is about what is on the wire. */
async function get(url: string, acceptEncoding: string | null) {
  const { request } = await import('node:http');
  return new Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }>(
    (resolve, reject) => {
      const req = request(
        `${base}${url}`,
        {
          headers: {
            accept: 'text/html',
            ...(acceptEncoding === null ? {} : { 'accept-encoding': acceptEncoding }),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            resolve({ headers: res.headers, body: Buffer.concat(chunks) });
          });
        },
      );
      req.on('error', reject);
      req.end();
    },
  );
}

describe('the web client', () => {
  it('is sent as the brotli copy to a browser that accepts it, still cached as immutable', async () => {
    const res = await get('/assets/index-abc123.js', 'gzip, deflate, br');
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers.vary).toContain('accept-encoding');
    expect(res.headers['content-type']).toContain('javascript');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(res.body).toString()).toBe(script);
    expect(res.body.length).toBeLessThan(Buffer.byteLength(script) / 5);
  });

  it('is sent as gzip where brotli is not accepted, and as it is where nothing is', async () => {
    const gz = await get('/assets/index-abc123.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(script);
    const plain = await get('/assets/index-abc123.js', null);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toContain('accept-encoding');
    expect(plain.body.toString()).toBe(script);
  });

  it("sends the page shell compressed for the client's routes, never cached", async () => {
    const res = await get('/arenden', 'br');
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(brotliDecompressSync(res.body).toString()).toBe(page);
  });
});

describe('API answers', () => {
  it(`are compressed from ${COMPRESS_THRESHOLD_BYTES} bytes`, async () => {
    const large = await get('/api/test/large', 'br');
    expect(large.headers['content-encoding']).toBe('br');
    const decoded = JSON.parse(brotliDecompressSync(large.body).toString()) as { items: unknown[] };
    expect(decoded.items).toHaveLength(400);
    expect(JSON.stringify(decoded).length).toBeGreaterThan(COMPRESS_THRESHOLD_BYTES);
  });

  it('under /api/auth, where the CSRF token travels, are never compressed', async () => {
    const res = await get('/api/auth/test-large', 'br, gzip');
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body.length).toBeGreaterThan(COMPRESS_THRESHOLD_BYTES);
    expect(JSON.parse(res.body.toString())).toMatchObject({ csrfToken: 'x'.repeat(64) });
  });

  it('are left as they are when small', async () => {
    const small = await get('/api/test/small', 'br');
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(small.body.toString())).toEqual({ ok: true });
  });
});
