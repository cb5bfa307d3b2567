import type { z } from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One endpoint: method, path and the Zod schemas of what goes in and comes out. The server
 * registers its route from it and the web client calls it through it, so the two cannot drift.
 * Path parameters are written `:name` and described by `params`.
 */
export interface Contract {
  readonly method: HttpMethod;
  readonly path: `/${string}`;
  readonly params?: z.ZodType;
  readonly query?: z.ZodType;
  readonly body?: z.ZodType;
  readonly response: z.ZodType;
  /** The HTTP status of a successful answer; 200 unless said. */
  readonly successStatus?: 200 | 201 | 204;
  /**
   * A POST that only reads (a search, whose terms must not travel in a URL). Sending it again is
   * harmless, so no answer is kept for a retry (server/http/idempotency.ts) and none is asked for.
   */
  readonly readsOnly?: true;
  /** The largest body the route takes, in bytes, where it is more than the app's (a document). */
  readonly bodyLimit?: number;
}

export const defineContract = <const C extends Contract>(contract: C): C => contract;

type Infer<S> = S extends z.ZodType ? z.infer<S> : undefined;
type InferInput<S> = S extends z.ZodType ? z.input<S> : undefined;

export type ParamsOf<C extends Contract> = Infer<C['params']>;
export type QueryOf<C extends Contract> = Infer<C['query']>;
export type BodyOf<C extends Contract> = Infer<C['body']>;
export type ResponseOf<C extends Contract> = z.infer<C['response']>;

/** What a caller supplies: only the parts the contract declares. */
export type RequestOf<C extends Contract> = (C['params'] extends z.ZodType
  ? { params: InferInput<C['params']> }
  : { params?: undefined }) &
  (C['query'] extends z.ZodType ? { query: InferInput<C['query']> } : { query?: undefined }) &
  (C['body'] extends z.ZodType ? { body: InferInput<C['body']> } : { body?: undefined });

/** Fills `:name` placeholders; every value is URI-encoded. */
export function buildPath(path: string, params: Record<string, string | number> | undefined) {
  return path.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined) throw new Error(`Missing path parameter ${name}`);
    return encodeURIComponent(String(value));
  });
}
