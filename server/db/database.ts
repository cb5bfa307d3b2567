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

export function openPostgres(url: string, poolSize = 10, log?: LogConfig): OpenDatabase {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    // Fail fast when the server is unreachable instead of hanging start-up.
    connectionTimeoutMillis: 5_000,
    types: { getTypeParser: postgresTypeParser },
  });
  // An idle client losing its connection must not crash the process; the next query reconnects.
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
