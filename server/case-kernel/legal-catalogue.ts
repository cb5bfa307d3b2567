import { LegalCatalogue } from '../../core/domain/legal-references.ts';
import type { Db, Trx } from '../db/database.ts';

/**
 * The legal catalogue in force: the paragraphs every screen and document cites. Read per request
 * (one small row), so activating another catalogue takes effect at once on every server.
 */
export async function activeCatalogue(db: Db | Trx): Promise<LegalCatalogue> {
  const row = await db
    .selectFrom('legal_catalogue')
    .select(['id', 'name', 'references'])
    .where('active', '=', true)
    .executeTakeFirstOrThrow();
  return LegalCatalogue.parse({ id: row.id, name: row.name, references: row.references });
}
