import { buildPath } from '../../../core/contracts/contract.ts';
import type { Contract, RequestOf, ResponseOf } from '../../../core/contracts/contract.ts';
import type { ErrorCode, ErrorResponse, FieldError } from '../../../core/contracts/errors.ts';
import { createRetryKeys, fingerprint } from './retry-keys.ts';

/**
 * What a person reads while Värn cannot be reached: the database is away (503), the server is
 * restarting (no answer, or 502/504 from a proxy in front), the connection is lost (no answer).
 * Calm, because nothing is wrong with what they did, and it says what they fear most: the text
 * is still in the form.
 */
export const unreachableMessage = 'Värn är inte nåbart just nu – det du skrivit finns kvar';

const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** 0: no answer at all (fetch rejected). */
const unreachableStatuses = new Set([0, 502, 503, 504]);

/** A failed call, carrying the server's Swedish message and any field errors to show. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | 'NETWORK';
  readonly fields: FieldError[];
  readonly correlationId: string | undefined;
  /** No answer, or 502–504: trying again in a while will do; nothing needs fixing. */
  readonly unreachable: boolean;
  /** The call was to change something (a save, a decision), not to read. */
  readonly change: boolean;
  constructor(status: number, body: ErrorResponse['error'] | undefined, method = 'GET') {
    const unreachable = unreachableStatuses.has(status);
    super(
      unreachable
        ? unreachableMessage
        : (body?.message ?? 'Något gick fel. Försök igen om en liten stund.'),
    );
    this.name = 'ApiError';
    this.status = status;
    this.code = body?.code ?? 'NETWORK';
    this.fields = body?.fields ?? [];
    this.correlationId = body?.correlationId;
    this.unreachable = unreachable;
    this.change = stateChanging.has(method);
  }
}

/**
 * Browsers offer digests and random UUIDs only in a secure context (HTTPS, or localhost). Served
 * otherwise, Värn still saves, only without the protection against saving twice.
 */
const canMakeKeys = () => globalThis.isSecureContext;

/** One for the whole client: the same save retried from any form finds its key here. */
const retryKeys = createRetryKeys();

let csrfToken: string | undefined;
/** Set from the session; sent with every state-changing request. */
export function setCsrfToken(token: string | undefined) {
  // Another session (or none): the keys of unfinished saves belonged to the one before.
  if (token !== csrfToken) retryKeys.clear();
  csrfToken = token;
}

type UnauthenticatedListener = () => void;
let onUnauthenticated: UnauthenticatedListener | undefined;
/**
 * Called when the server answers that there is no session (it expired, or ended elsewhere), so
 * the app can clear what it holds and return to the login page. The session provider sets it.
 */
export function setUnauthenticatedListener(listener: UnauthenticatedListener | undefined) {
  onUnauthenticated = listener;
}

let lastServerContact = Date.now();
const contactListeners = new Set<() => void>();
/**
 * When the server last answered a call under the session: each answer (but "no session") counts
 * as activity and moves the server's idle timeout forward. The session timeout warning reads it.
 */
export const lastContact = () => lastServerContact;
export function onServerContact(listener: () => void): () => void {
  contactListeners.add(listener);
  return () => {
    contactListeners.delete(listener);
  };
}

/**
 * Calls one endpoint through its contract. Personal data (personnummer, names) always travels in
 * a body, never in the path or query string, which end up in logs and browser history.
 */
export async function call<C extends Contract>(
  contract: C,
  ...[request]: RequestOf<C> extends { params?: undefined; query?: undefined; body?: undefined }
    ? [request?: RequestOf<C>]
    : [request: RequestOf<C>]
): Promise<ResponseOf<C>> {
  return send(contract, request, false);
}

/**
 * Sends a call as the page goes away (the tab closed, the phone locked): the browser finishes
 * the request after the page is gone (`keepalive`), and nobody waits for the answer. For saving
 * what was typed last, so that text is not lost.
 */
export function callWhileLeaving<C extends Contract>(contract: C, request: RequestOf<C>): void {
  void send(contract, request, true).catch(() => undefined);
}

async function send<C extends Contract>(
  contract: C,
  request: RequestOf<C> | undefined,
  keepalive: boolean,
): Promise<ResponseOf<C>> {
  const params = request?.params as Record<string, string | number> | undefined;
  const query = request?.query as Record<string, string | number | boolean | undefined> | undefined;
  let url = buildPath(contract.path, params);
  if (query) {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined) search.set(key, String(value));
    }
    const text = search.toString();
    if (text) url += `?${text}`;
  }

  const headers: Record<string, string> = { accept: 'application/json' };
  if (request?.body !== undefined) headers['content-type'] = 'application/json';
  if (stateChanging.has(contract.method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  // Every POST records something, except a search (`readsOnly`: its terms must not be in a URL).
  // PUT, PATCH and DELETE carry a version or replace a whole value, so a retry of them cannot
  // record twice. (The digest is asynchronous: a request sent while the page goes away must be a
  // PUT, as the journal draft is, or the page may be gone first.)
  const print =
    contract.method === 'POST' && !contract.readsOnly && canMakeKeys()
      ? await fingerprint(contract.method, url, request?.body)
      : undefined;
  const idempotencyKey = print === undefined ? undefined : retryKeys.keyFor(print);
  if (idempotencyKey !== undefined) headers['idempotency-key'] = idempotencyKey;

  let response: Response;
  try {
    response = await fetch(url, {
      method: contract.method,
      headers,
      credentials: 'same-origin',
      keepalive,
      ...(request?.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
    });
  } catch {
    // The server may have saved and the answer been lost: the key stays for the retry.
    throw new ApiError(0, undefined, contract.method);
  }
  if (print !== undefined && idempotencyKey !== undefined) {
    retryKeys.settle(print, idempotencyKey, response.status);
  }
  if (response.status !== 401) {
    lastServerContact = Date.now();
    for (const listener of contactListeners) listener();
  }
  if (response.status === 204) return undefined as ResponseOf<C>;
  const payload: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = new ApiError(
      response.status,
      (payload as ErrorResponse | undefined)?.error,
      contract.method,
    );
    if (error.code === 'UNAUTHENTICATED') onUnauthenticated?.();
    throw error;
  }
  return payload as ResponseOf<C>;
}
