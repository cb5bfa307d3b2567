import type { ColumnType, Generated } from 'kysely';

/**
 * The database's tables as Kysely sees them. Migrations are the truth; this file follows them.
 * Column names are snake_case as in SQL; the repositories map rows to domain names.
 */
export interface Database {
  unit: UnitTable;
}

export interface UnitTable {
  id: Generated<string>;
  name: string;
  /** What kind of work the unit does: decides its intake routes and default roles. */
  kind: 'adult' | 'children' | 'out_of_hours' | 'provider' | 'management';
  created_at: ColumnType<Date, never, never>;
}
