import { describe, expect, it } from 'vitest';
import { canonicalJson, createRetryKeys, fingerprint, isDefinitive } from './retry-keys.ts';

/** Keys numbered in the order they are made, so a test can tell a reused key from a new one. */
function numberedKeys(limit?: number) {
  let made = 0;
  return createRetryKeys(() => `key-${String(++made)}`, limit);
}

const entry = { occurredOn: '2026-11-23', text: 'Hembesök.', source: { kind: 'person' } };

describe('idempotency keys for retries', () => {
  it('reuses the key when the same save is tried again after a lost answer or a 503', () => {
    const keys = numberedKeys();
    const first = keys.keyFor('save');
    keys.settle('save', first, 0);
    expect(keys.keyFor('save')).toBe(first);
    keys.settle('save', first, 503);
    expect(keys.keyFor('save')).toBe(first);
    keys.settle('save', first, 500);
    keys.settle('save', first, 408);
    keys.settle('save', first, 429);
    expect(keys.keyFor('save')).toBe(first);
  });

  it('gives a new key once the save has succeeded', () => {
    const keys = numberedKeys();
    const first = keys.keyFor('save');
    keys.settle('save', first, 0);
    keys.settle('save', keys.keyFor('save'), 201);
    const next = keys.keyFor('save');
    expect(next).not.toBe(first);
    expect(keys.size).toBe(1);
  });

  it('gives a new key after a refusal that a retry would meet again', () => {
    for (const status of [400, 403, 404, 409, 413, 422]) {
      const keys = numberedKeys();
      const first = keys.keyFor('save');
      keys.settle('save', first, status);
      expect(keys.keyFor('save'), String(status)).not.toBe(first);
    }
  });

  it('a late answer to an old try does not drop the key of a newer one', () => {
    const keys = numberedKeys();
    const old = keys.keyFor('save');
    keys.settle('save', old, 201);
    const newer = keys.keyFor('save');
    keys.settle('save', old, 201);
    expect(keys.keyFor('save')).toBe(newer);
  });

  it('keeps separate keys for different actions', () => {
    const keys = numberedKeys();
    const a = keys.keyFor('a');
    const b = keys.keyFor('b');
    expect(a).not.toBe(b);
    keys.settle('a', a, 201);
    expect(keys.keyFor('b')).toBe(b);
  });

  it('forgets the oldest unsettled key past the limit, and everything on clear', () => {
    const keys = numberedKeys(2);
    const a = keys.keyFor('a');
    keys.keyFor('b');
    keys.keyFor('c');
    expect(keys.size).toBe(2);
    expect(keys.keyFor('a')).not.toBe(a);
    keys.clear();
    expect(keys.size).toBe(0);
  });

  it('makes random UUIDs by default', () => {
    const keys = createRetryKeys();
    const key = keys.keyFor('save');
    expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(createRetryKeys().keyFor('save')).not.toBe(key);
  });
});

describe('what counts as the same action', () => {
  it('the same body with its keys in another order', async () => {
    const reordered = { source: { kind: 'person' }, text: 'Hembesök.', occurredOn: '2026-11-23' };
    expect(await fingerprint('POST', '/api/cases/1/journal', reordered)).toBe(
      await fingerprint('POST', '/api/cases/1/journal', entry),
    );
  });

  it('not a changed body, another path or another method', async () => {
    const base = await fingerprint('POST', '/api/cases/1/journal', entry);
    const others = await Promise.all([
      fingerprint('POST', '/api/cases/1/journal', { ...entry, text: 'Hembesök!' }),
      fingerprint('POST', '/api/cases/2/journal', entry),
      fingerprint('PUT', '/api/cases/1/journal', entry),
      fingerprint('POST', '/api/cases/1/journal', undefined),
    ]);
    for (const other of others) expect(other).not.toBe(base);
  });

  it('the digest does not carry the text', async () => {
    const print = await fingerprint('POST', '/api/cases/1/journal', entry);
    expect(print).toMatch(/^[0-9a-f]{64}$/);
  });

  it('canonical JSON sorts keys at every depth and leaves arrays in order', () => {
    expect(canonicalJson({ b: [2, { d: 1, c: null }], a: 'x', u: undefined })).toBe(
      '{"a":"x","b":[2,{"c":null,"d":1}]}',
    );
    expect(canonicalJson([undefined, 1])).toBe(JSON.stringify([undefined, 1]));
    expect(canonicalJson(undefined)).toBe('');
  });
});

describe('definitive answers', () => {
  it('successes and lasting refusals are; lost answers, timeouts, limits and 5xx are not', () => {
    expect([200, 201, 204, 400, 401, 403, 404, 409, 413].every(isDefinitive)).toBe(true);
    expect([0, 408, 429, 500, 502, 503, 504].some(isDefinitive)).toBe(false);
  });
});
