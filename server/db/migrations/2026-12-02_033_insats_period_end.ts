import { sql } from 'kysely';
import type { Kysely } from 'kysely';

// An insats whose granted period ran out (issue 14 item 5): the period-end job
// (server/jobs/period-ends.ts) notes each beslut once, in the transaction that raises its safety
// signals, so a later run never raises them again. The period noted is the one in force then.
// Append-only.
// Frozen history: imports nothing from the application.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table insats_period_end (
      decision_id uuid primary key references decision (id),
      period_to date not null,
      noted_at timestamptz not null
    )`.execute(db);
  await sql`create trigger insats_period_end_no_change before update or delete on insats_period_end for each row execute function reject_change()`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table insats_period_end`.execute(db);
}
