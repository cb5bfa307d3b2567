import { sql } from 'kysely';
import type { Kysely } from 'kysely';

// A unit's queue in three groups, first to last (core/domain/case-flow.ts queuePriorities):
// what socialjour handed over in the night and the day unit has not yet taken (0) — what was
// decided then must be seen first — then a case screened as acute (1), then the rest (2). Before,
// both of the first went in one group, oldest first, so an older acute case came before the
// night's handover. The row is the projection of the log; this migration places the rows as the
// next append would.
// Frozen history: imports nothing from the application.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table "case" drop constraint case_queue_priority_check`.execute(db);
  await sql`update "case" set queue_priority = queue_priority + 1`.execute(db);
  // Handed over and not yet taken: the last word of the log on the case is the handover.
  await sql`update "case" c set queue_priority = 0
    where c.status = 'open' and c.assigned_user_id is null
      and exists (
        select 1 from case_event h where h.case_id = c.id and h.type = 'case_handed_over'
          and not exists (
            select 1 from case_event a where a.case_id = c.id and a.type = 'case_assigned'
              and a.seq > h.seq))`.execute(db);
  await sql`alter table "case" alter column queue_priority set default 2`.execute(db);
  await sql`alter table "case" add constraint case_queue_priority_check
    check (queue_priority in (0, 1, 2))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table "case" drop constraint case_queue_priority_check`.execute(db);
  await sql`update "case" set queue_priority = greatest(queue_priority - 1, 0)`.execute(db);
  await sql`alter table "case" alter column queue_priority set default 1`.execute(db);
  await sql`alter table "case" add constraint case_queue_priority_check
    check (queue_priority in (0, 1))`.execute(db);
}
