import { sql } from 'kysely';
import type { Kysely } from 'kysely';

// An administrator's login reset (new one-time password, second factor enrolled again) ends the
// user's sessions, and says so.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table session drop constraint session_ended_reason_check`.execute(db);
  await sql`alter table session add constraint session_ended_reason_check check (ended_reason in
    ('logout', 'idle', 'expired', 'user_disabled', 'replaced', 'login_reset'))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table session drop constraint session_ended_reason_check`.execute(db);
  await sql`alter table session add constraint session_ended_reason_check check (ended_reason in
    ('logout', 'idle', 'expired', 'user_disabled', 'replaced'))`.execute(db);
}
