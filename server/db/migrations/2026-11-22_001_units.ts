import { sql } from 'kysely';
import type { Kysely } from 'kysely';

// Migrations are frozen history: they take Kysely<any> and import nothing from the application,
// so a later change to the code can never change what an old migration does.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('unit')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) =>
      c
        .notNull()
        .check(sql`kind in ('adult', 'children', 'out_of_hours', 'provider', 'management')`),
    )
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('unit').execute();
}
