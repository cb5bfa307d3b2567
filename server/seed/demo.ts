import type { Db } from '../db/database.ts';

/**
 * Demo data for trying Värn out. Everything here is invented; the demo banner in the UI says so.
 * It is written only into an empty database, so a real installation is never touched.
 */
export const demoUnits = [
  { name: 'Relationsvåldsteamet', kind: 'adult' },
  { name: 'Barn och unga', kind: 'children' },
  { name: 'Socialjouren', kind: 'out_of_hours' },
  { name: 'Skyddat boende Fristad (utförare)', kind: 'provider' },
] as const;

/** Printed at start. Accounts arrive with the security core; until then there is nothing to log in with. */
export const demoLogins: { role: string; username: string; password: string }[] = [];

export async function seedDemoData(db: Db): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('unit').select('id').limit(1).executeTakeFirst();
    if (existing) return false;
    await trx
      .insertInto('unit')
      .values(demoUnits.map((u) => ({ name: u.name, kind: u.kind })))
      .execute();
    return true;
  });
}
