/**
 * Idempotency keys for creating requests. When the answer to a POST is lost (the connection
 * dropped after the server had saved) or Värn was not reachable (503), the person presses "Spara"
 * again: that retry must carry the same key, so the server answers with what it stored the first
 * time instead of recording the same thing twice. A key lives only until its request gets an
 * answer that will not change on a second try; after that the same body is a new action.
 */

/**
 * Whether an answer settles the request for good: a success, or a refusal that a second try would
 * meet again. Timeouts (408), "too many" (429), server errors and lost answers (status 0) may go
 * otherwise next time, and the server may even have saved already, so their key is kept.
 */
export function isDefinitive(status: number): boolean {
  if (status >= 200 && status < 300) return true;
  return status >= 400 && status < 500 && status !== 408 && status !== 429;
}

/** JSON with object keys sorted, so the same body always reads the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) {
    // As JSON.stringify writes a hole in an array.
    return `[${value.map((v: unknown) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  // No body at all is written as nothing, unlike any body.
  if (value === undefined) return '';
  return JSON.stringify(value);
}

/**
 * What identifies "the same action": method, path with query, and body. Kept as a SHA-256 digest
 * so a journal text that failed to send is not held in memory after its form is gone.
 */
export async function fingerprint(method: string, url: string, body: unknown): Promise<string> {
  const bytes = new TextEncoder().encode(`${method} ${url}\n${canonicalJson(body)}`);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

export interface RetryKeys {
  /** The key for this action: the one of an unsettled earlier try, or a new one. */
  keyFor(fingerprint: string): string;
  /**
   * The request sent with `key` got an answer (status 0: none came). A definitive one drops the
   * key, unless a newer try of the same action already holds another.
   */
  settle(fingerprint: string, key: string, status: number): void;
  /** Forgets every key: a new session starts with nothing to retry. */
  clear(): void;
  readonly size: number;
}

/**
 * `limit` bounds the keys kept for requests that never got a definitive answer (a person who gives
 * up on a save); the oldest goes first.
 */
export function createRetryKeys(
  newKey: () => string = () => crypto.randomUUID(),
  limit = 100,
): RetryKeys {
  const keys = new Map<string, string>();
  return {
    keyFor(print) {
      const existing = keys.get(print);
      if (existing !== undefined) return existing;
      const key = newKey();
      keys.set(print, key);
      while (keys.size > limit) {
        const oldest = keys.keys().next().value;
        if (oldest === undefined) break;
        keys.delete(oldest);
      }
      return key;
    },
    settle(print, key, status) {
      if (isDefinitive(status) && keys.get(print) === key) keys.delete(print);
    },
    clear() {
      keys.clear();
    },
    get size() {
      return keys.size;
    },
  };
}
