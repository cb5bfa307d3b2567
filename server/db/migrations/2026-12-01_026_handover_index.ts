import { sql } from 'kysely';
import type { Kysely } from 'kysely';

// The handover job looks every minute for planned handovers not yet carried out
// (server/jobs/handover.ts). Without an index that is a scan of every case's whole history; these
// partial indexes hold only the two event types it reads, a few rows per socialjour matter.
// Frozen history: imports nothing from the application.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index case_event_handover_planned on case_event (case_id, seq)
    where type = 'handover_planned'`.execute(db);
  await sql`create index case_event_handed_over on case_event (case_id, seq)
    where type = 'case_handed_over'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index case_event_handed_over`.execute(db);
  await sql`drop index case_event_handover_planned`.execute(db);
}
