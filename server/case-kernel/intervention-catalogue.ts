import { InterventionCatalogue } from '../../core/domain/intervention-catalogue.ts';
import type { Db, Trx } from '../db/database.ts';

/**
 * The insatser catalogue in force: names, target groups, kind, delegation and the acute and
 * open-ended flags of every insats. Read per request (one small row), like the legal catalogue,
 * so activating another version takes effect at once on every server.
 */
export async function activeInterventionCatalogue(db: Db | Trx): Promise<InterventionCatalogue> {
  const row = await db
    .selectFrom('intervention_catalogue')
    .select(['id', 'name', 'version', 'entries'])
    .where('active', '=', true)
    .executeTakeFirstOrThrow();
  return InterventionCatalogue.parse({
    id: row.id,
    name: row.name,
    version: row.version,
    entries: row.entries,
  });
}
