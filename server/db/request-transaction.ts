import { AsyncLocalStorage } from 'node:async_hooks';
import { sql } from 'kysely';
import type { Db, Trx } from './database.ts';

/**
 * One request, one transaction — for the requests that need it: a write sent with an
 * Idempotency-Key must commit its answer together with what it wrote (server/http/idempotency.ts).
 *
 * Services open their own transactions from the one `db` the app was built with. Inside
 * {@link inRequestTransaction}, that `db` (made with {@link requestAware}) hands every statement
 * to the request's transaction instead, and a service's own `db.transaction()` becomes a
 * savepoint in it, so the service behaves as before: its work stands if it finishes, is undone if
 * it throws, and a caught failure leaves the rest of the request's transaction usable. On the
 * embedded database this is also what keeps the request from waiting on itself: PGlite has one
 * connection, which the request's transaction holds.
 */
interface Scope {
  /** Cleared when the request's transaction ends: a stray continuation then uses the pool. */
  trx: Trx | undefined;
  savepoints: number;
  /** Work of the service's own transactions that finished and must stand even if a later part fails. */
  finished: number;
  personIds: Set<string>;
  caseIds: Set<string>;
}

const scopes = new AsyncLocalStorage<Scope>();

/** What the request's audit rows named: a replay of its answer is audited against the same. */
export interface RequestTouched {
  personIds: string[];
  caseIds: string[];
  /** Whether a transaction of the service finished (its work stands even when a later part failed). */
  finished: boolean;
}

/**
 * The app's database handle, aware of a request transaction. Outside one it is the pool (or
 * PGlite) itself; methods are bound to the real object, whose private fields a proxy lacks.
 */
export function requestAware(db: Db): Db {
  return new Proxy(db, {
    get(target, property) {
      const scope = scopes.getStore();
      const trx = scope?.trx;
      if (!scope || !trx) return bound(target, property);
      if (property === 'transaction') return () => savepointBuilder(scope, trx);
      return bound(trx, property);
    },
  });
}

function bound(target: object, property: string | symbol): unknown {
  const value: unknown = Reflect.get(target, property, target);
  return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
}

/**
 * What `db.transaction()` gives a service inside a request transaction: `execute` runs its work
 * in a savepoint of that transaction. Isolation and access mode are the request transaction's.
 */
function savepointBuilder(scope: Scope, trx: Trx) {
  const builder = {
    setIsolationLevel: () => builder,
    setAccessMode: () => builder,
    async execute<T>(work: (trx: Trx) => Promise<T>): Promise<T> {
      const name = sql.raw(`varn_service_${++scope.savepoints}`);
      await sql`savepoint ${name}`.execute(trx);
      let result: T;
      try {
        result = await work(trx);
      } catch (error) {
        // A lost connection cannot roll back; the request's transaction is gone with it anyway.
        await sql`rollback to savepoint ${name}`.execute(trx).catch(() => undefined);
        throw error;
      }
      await sql`release savepoint ${name}`.execute(trx);
      scope.finished += 1;
      return result;
    },
  };
  return builder;
}

/**
 * Runs `work` with every statement of the request in `trx`. Returns what `work` returned and
 * what its audit rows named.
 */
export async function inRequestTransaction<T>(
  trx: Trx,
  work: () => Promise<T>,
): Promise<{ result: T; touched: RequestTouched } | { error: unknown; touched: RequestTouched }> {
  const scope: Scope = {
    trx,
    savepoints: 0,
    finished: 0,
    personIds: new Set(),
    caseIds: new Set(),
  };
  const touched = () => ({
    personIds: [...scope.personIds],
    caseIds: [...scope.caseIds],
    finished: scope.finished > 0,
  });
  try {
    const result = await scopes.run(scope, work);
    return { result, touched: touched() };
  } catch (error) {
    return { error, touched: touched() };
  } finally {
    scope.trx = undefined;
  }
}

/** Called by recordAudit: the request transaction (if any) learns whom its answer is about. */
export function noteAudited(personIds: readonly string[], caseIds: readonly string[]): void {
  const scope = scopes.getStore();
  if (!scope?.trx) return;
  for (const id of personIds) scope.personIds.add(id);
  for (const id of caseIds) scope.caseIds.add(id);
}
