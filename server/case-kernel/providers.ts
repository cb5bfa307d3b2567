import { sql } from 'kysely';
import type { Selectable } from 'kysely';
import type { Outcome } from '../../core/domain/decisions.ts';
import { placeHoldingStatuses } from '../../core/domain/shelters.ts';
import type {
  SecurityLevel,
  ShelterCandidate,
  ShelterProfile,
} from '../../core/domain/shelters.ts';
import type { Db, Trx } from '../db/database.ts';
import type { ShelterTable } from '../db/schema.ts';
import { AppError } from '../errors.ts';

/**
 * What several features need about providers: a shelter's running uppdrag (the one query of
 * occupancy; the rule is core/domain/shelters.ts `holdsPlace`, which this query states in SQL),
 * the shelters a search looks through, and whether a beslut may name a provider as its place.
 */

/**
 * How many uppdrag hold a place today at each of the providers (all providers when none are
 * named): sent or accepted, the period covering today — `holdsPlace`. Providers without any are
 * absent from the map.
 */
export async function runningByProvider(
  db: Db | Trx,
  today: string,
  providerIds?: readonly string[],
): Promise<Map<string, number>> {
  if (providerIds?.length === 0) return new Map();
  let query = db
    .selectFrom('commission')
    .select(['provider_id', (eb) => eb.fn.countAll<number>().as('running')])
    .where('status', 'in', placeHoldingStatuses)
    .where('period_from', '<=', today)
    .where((eb) => eb.or([eb('period_to', 'is', null), eb('period_to', '>=', today)]))
    .groupBy('provider_id');
  if (providerIds) query = query.where('provider_id', 'in', providerIds);
  const rows = await query.execute();
  return new Map(rows.map((r) => [r.provider_id, r.running]));
}

/** What a shelter can take, as its columns (table alias `s`) and as the domain's profile. */
export const shelterColumns = [
  's.places',
  's.security_level',
  's.takes_children',
  's.takes_teenage_boys',
  's.takes_pets',
  's.wheelchair_accessible',
  's.languages',
] as const;

export function shelterProfile(r: Omit<Selectable<ShelterTable>, 'provider_id'>): ShelterProfile {
  return {
    places: r.places,
    securityLevel: r.security_level as SecurityLevel,
    takesChildren: r.takes_children,
    takesTeenageBoys: r.takes_teenage_boys,
    takesPets: r.takes_pets,
    wheelchairAccessible: r.wheelchair_accessible,
    languages: r.languages,
  };
}

/** Every active shelter, with its uppdrag running today: what the place search looks through. */
export async function activeShelters(
  db: Db | Trx,
  today: string,
): Promise<(ShelterCandidate & { contact: string | null })[]> {
  const rows = await db
    .selectFrom('shelter as s')
    .innerJoin('provider as p', 'p.id', 's.provider_id')
    .select(['p.id', 'p.name', 'p.contact', ...shelterColumns])
    .where('p.active', '=', true)
    // A shelter is a provider that carries out skyddat boende.
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('provider_intervention as i')
          .select(sql.lit(1).as('one'))
          .whereRef('i.provider_id', '=', 'p.id')
          .where('i.intervention', '=', 'shelter'),
      ),
    )
    .execute();
  // Counted at these shelters only: the index on (provider_id, status, period_from) serves it.
  const running = await runningByProvider(
    db,
    today,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    contact: r.contact,
    ...shelterProfile(r),
    running: running.get(r.id) ?? 0,
  }));
}

/**
 * A beslut's place: only on a beslut that grants something, and only an active provider that
 * carries out the insats. A 400 naming the field otherwise; nothing is saved.
 */
export async function refuseUnfitPlace(
  db: Db | Trx,
  place: { providerId?: string | null | undefined; intervention: string; outcome: Outcome },
): Promise<void> {
  if (!place.providerId) return;
  const bad = (message: string) =>
    new AppError('VALIDATION', { fields: [{ path: 'body.providerId', message }] });
  if (place.outcome === 'refused') {
    throw bad('Ett avslag har ingen plats. Ta bort utföraren eller ändra beslutet.');
  }
  const provider = await db
    .selectFrom('provider as p')
    .leftJoin('provider_intervention as i', (j) =>
      j.onRef('i.provider_id', '=', 'p.id').on('i.intervention', '=', place.intervention),
    )
    .select(['p.active', 'i.intervention'])
    .where('p.id', '=', place.providerId)
    .executeTakeFirst();
  if (!provider) throw bad('Utföraren finns inte. Välj en utförare i listan.');
  if (!provider.active) throw bad('Utföraren är inte aktiv. Välj en aktiv utförare.');
  if (!provider.intervention) {
    throw bad('Utföraren utför inte den insatsen. Välj en utförare som gör det.');
  }
}
