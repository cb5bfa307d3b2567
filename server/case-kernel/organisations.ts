import type { Trx } from '../db/database.ts';
import { AppError } from '../errors.ts';

/**
 * The units and providers a write names — a consent's recipient, a samråd's participants, a
 * plan's — checked in one query each: a unit must exist, a provider must exist and be active.
 * Their names come back, for the rule that compares recipients and for the documents.
 */
export async function namedOrganisations(
  trx: Trx,
  named: { units: readonly string[]; providers: readonly string[] },
): Promise<{ unitName: Map<string, string>; providerName: Map<string, string> }> {
  const unitIds = [...new Set(named.units)];
  const providerIds = [...new Set(named.providers)];
  const [units, providers] = await Promise.all([
    unitIds.length
      ? trx.selectFrom('unit').select(['id', 'name']).where('id', 'in', unitIds).execute()
      : Promise.resolve([]),
    providerIds.length
      ? trx
          .selectFrom('provider')
          .select(['id', 'name'])
          .where('id', 'in', providerIds)
          .where('active', '=', true)
          .execute()
      : Promise.resolve([]),
  ]);
  const refuse = (detail: string) => new AppError('STEP_OUT_OF_ORDER', { detail });
  if (units.length !== unitIds.length) {
    throw refuse(
      unitIds.length === 1
        ? 'Enheten finns inte. Välj en enhet i listan.'
        : 'En av enheterna finns inte. Välj enheter i listan.',
    );
  }
  if (providers.length !== providerIds.length) {
    throw refuse(
      providerIds.length === 1
        ? 'Utföraren finns inte eller är inte aktiv.'
        : 'En av utförarna finns inte eller är inte aktiv.',
    );
  }
  return {
    unitName: new Map(units.map((u) => [u.id, u.name])),
    providerName: new Map(providers.map((p) => [p.id, p.name])),
  };
}
