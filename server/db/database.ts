import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect, sql } from 'kysely';
import type { LogConfig, Transaction } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../config.ts';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;
export type Engine = DatabaseConfig['engine'];

/**
 * How column values come back, the same on both engines: bigint as a JS number (our bigints are
 * counters and sequence numbers, far below 2^53) and date as 'YYYY-MM-DD' text, so a date never
 * shifts with the server's time zone. timestamptz stays a Date.
 */
const INT8 = 20;
const DATE = 1082;
const parseInt8 = (value: string) => Number(value);
const keepDate = (value: string) => value;

const defaultTypeParser = pg.types.getTypeParser as (oid: number, format?: string) => unknown;
const postgresTypeParser = ((oid: number, format?: string) => {
  if (oid === INT8) return parseInt8;
  if (oid === DATE) return keepDate;
  return defaultTypeParser(oid, format);
}) as typeof pg.types.getTypeParser;

export interface OpenDatabase {
  db: Db;
  engine: Engine;
}

/**
 * An embedded database: in a directory, or in memory when `dataDir` is undefined (tests).
 * PGlite is a single connection; Kysely serializes access to it (its PGlite adapter declares no
 * multiple connections), so a query never runs inside another caller's transaction —
 * database.test.ts holds that guarantee.
 */
export async function openPGlite(
  dataDir: string | undefined,
  loadDataDir?: Blob,
): Promise<OpenDatabase & { pglite: PGlite }> {
  const pglite = await PGlite.create(dataDir, {
    parsers: { [INT8]: parseInt8, [DATE]: keepDate },
    ...(loadDataDir ? { loadDataDir } : {}),
  });
  return {
    db: new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) }),
    engine: 'pglite',
    pglite,
  };
}

/** The name Värn's connections carry in pg_stat_activity, so an operator (or a test) finds them. */
export const APPLICATION_NAME = 'varn';

export function openPostgres(url: string, poolSize = 10, log?: LogConfig): OpenDatabase {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    // Fail fast when the server is unreachable instead of hanging start-up or a request.
    connectionTimeoutMillis: 5_000,
    // An application_name in the URL takes precedence (node-postgres lets the URL win).
    application_name: APPLICATION_NAME,
    types: { getTypeParser: postgresTypeParser },
  });
  // A client whose connection is lost emits 'error'; an EventEmitter with no listener for it
  // throws, which ends the process. The pool listens only while a client is idle, so every
  // client gets a listener of its own for its whole life, checked out or not. Nothing to do in
  // it: the query in flight, if any, is rejected with the same error and answered by the error
  // handler, and the pool discards a client that is no longer queryable when it is released
  // (Kysely also releases it as discarded when its rollback fails).
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
  });
  // An idle client losing its connection is removed by the pool; the next query reconnects.
  pool.on('error', () => undefined);
  return {
    db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }), ...(log ? { log } : {}) }),
    engine: 'postgres',
  };
}

export async function openDatabase(config: DatabaseConfig): Promise<OpenDatabase> {
  return config.engine === 'pglite'
    ? openPGlite(config.dataDir)
    : openPostgres(config.url, config.poolSize);
}

/**
 * Settings that, when off, let a crash lose or corrupt committed data. Losing a decision or an
 * audit row is not acceptable, so Värn refuses to run on such a server.
 */
export async function findUnsafeDurabilitySettings(db: Db): Promise<string[]> {
  const result = await sql<{ fsync: string; synchronous_commit: string; full_page_writes: string }>`
    select current_setting('fsync') as fsync,
           current_setting('synchronous_commit') as synchronous_commit,
           current_setting('full_page_writes') as full_page_writes`.execute(db);
  const row = result.rows[0];
  if (!row) return [];
  return Object.entries(row)
    .filter(([, value]) => value === 'off')
    .map(([name]) => name);
}

/**
 * What the serving role may do that would let Värn's own credentials rewrite the audit log: be a
 * superuser, own audit_event (or be able to act as its owner), or hold UPDATE, DELETE, TRUNCATE
 * or TRIGGER on it, or be allowed to set session_replication_role (which turns triggers off).
 * Production refuses to serve as such a role; migrations run as the owner instead
 * (VARN_MIGRATION_DATABASE_URL). Each problem is a Swedish phrase for the start-up message.
 */
export async function findUnsafeDatabaseRole(db: Db): Promise<string[]> {
  const result = await sql<{
    role: string;
    superuser: boolean;
    owner: string | null;
    acts_as_owner: boolean | null;
    can_update: boolean | null;
    can_delete: boolean | null;
    can_truncate: boolean | null;
    can_trigger: boolean | null;
    version: number;
  }>`
    select current_user as role,
           r.rolsuper as superuser,
           c.relowner::regrole::text as owner,
           pg_catalog.pg_has_role(current_user, c.relowner, 'MEMBER') as acts_as_owner,
           pg_catalog.has_table_privilege(c.oid, 'UPDATE') as can_update,
           pg_catalog.has_table_privilege(c.oid, 'DELETE') as can_delete,
           pg_catalog.has_table_privilege(c.oid, 'TRUNCATE') as can_truncate,
           pg_catalog.has_table_privilege(c.oid, 'TRIGGER') as can_trigger,
           pg_catalog.current_setting('server_version_num')::int as version
    from pg_catalog.pg_roles r
    left join pg_catalog.pg_class c on c.oid = pg_catalog.to_regclass('audit_event')
    where r.rolname = current_user`.execute(db);
  const row = result.rows[0];
  if (!row) return ['rollen finns inte i pg_roles'];
  const problems: string[] = [];
  if (row.superuser) problems.push(`${row.role} är superanvändare`);
  if (row.owner === null) problems.push('audit_event finns inte');
  else if (row.acts_as_owner && !row.superuser)
    problems.push(`${row.role} äger audit_event (eller kan agera som ${row.owner})`);
  for (const [privilege, held] of [
    ['UPDATE', row.can_update],
    ['DELETE', row.can_delete],
    ['TRUNCATE', row.can_truncate],
    ['TRIGGER', row.can_trigger],
  ] as const) {
    if (held && !row.superuser && !row.acts_as_owner) {
      problems.push(`${row.role} har ${privilege} på audit_event`);
    }
  }
  // Before PostgreSQL 15 only a superuser may set it; from 15 it can be granted.
  if (row.version >= 150000 && !row.superuser) {
    const setting = await sql<{ granted: boolean }>`
      select pg_catalog.has_parameter_privilege('session_replication_role', 'SET') as granted`.execute(
      db,
    );
    if (setting.rows[0]?.granted) problems.push(`${row.role} får sätta session_replication_role`);
  }
  return problems;
}

/**
 * As the tables' owner: takes UPDATE, DELETE, TRUNCATE and TRIGGER on audit_event away from the
 * role `serving` connects as (the owner itself is left alone: nothing can be taken from it, and
 * start-up refuses to serve as it anyway).
 */
export async function revokeAuditRewrites(owner: Db, serving: Db): Promise<void> {
  const role = await sql<{ role: string }>`select current_user as role`.execute(serving);
  const ownerRole = await sql<{ role: string }>`select current_user as role`.execute(owner);
  const name = role.rows[0]?.role;
  if (!name || name === ownerRole.rows[0]?.role) return;
  await sql`revoke update, delete, truncate, trigger on audit_event from ${sql.id(name)}`.execute(
    owner,
  );
}
