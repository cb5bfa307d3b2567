import { promises as fs } from 'node:fs';
import path from 'node:path';
import { FileMigrationProvider, Migrator } from 'kysely/migration';
import type { MigrationProvider } from 'kysely/migration';
import type { Db } from './database.ts';

const migrationFolder = path.join(import.meta.dirname, 'migrations');

/** Migration files are named YYYY-MM-DD_NNN_what.ts so that name order is time order. */
export const migrationFileName = /^\d{4}-\d{2}-\d{2}_\d{3}_[a-z0-9_]+\.ts$/;

const migrationFiles = new FileMigrationProvider({ fs, path, migrationFolder });

export function listMigrationFiles(): Promise<string[]> {
  return fs.readdir(migrationFolder);
}

export function createMigrator(db: Db, provider: MigrationProvider = migrationFiles) {
  return new Migrator({ db, provider });
}

export class MigrationError extends Error {
  readonly migration: string | undefined;
  constructor(migration: string | undefined, cause: unknown) {
    super(`Migration ${migration ?? '(unknown)'} failed`, { cause });
    this.name = 'MigrationError';
    this.migration = migration;
  }
}

/**
 * Brings the schema to the latest version. On PostgreSQL (and PGlite) Kysely runs all pending
 * migrations in one transaction under an advisory lock: a failure leaves nothing half-migrated,
 * and two servers starting together do not race.
 */
export async function migrateToLatest(db: Db, provider?: MigrationProvider): Promise<string[]> {
  const { error, results } = await createMigrator(db, provider).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new MigrationError(failed, error);
  }
  return (results ?? []).map((r) => r.migrationName);
}

/** Names of migrations that exist as files but have not run. */
export async function pendingMigrations(db: Db): Promise<string[]> {
  const migrations = await createMigrator(db).getMigrations();
  return migrations.filter((m) => m.executedAt === undefined).map((m) => m.name);
}
