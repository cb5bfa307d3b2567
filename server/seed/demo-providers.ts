import type { Intervention } from '../../core/domain/decisions.ts';
import type { SecurityLevel } from '../../core/domain/shelters.ts';
import type { Trx } from '../db/database.ts';

/**
 * The demo's providers (issue 13): Fristad, whose staff (ulf.utforare) work in Värn in the
 * provider unit; two external shelters that get their uppdrag as documents — one small and
 * open to pets and teenage boys, one with the highest protection and no children — an in-house
 * counselling service, and the municipality's own flats for tillfälligt boende. Every one at its first version, registered by the administrator.
 */
const demoProviders: {
  name: string;
  kind: 'in_house' | 'external';
  inProviderUnit: boolean;
  contact: string;
  interventions: Intervention[];
  shelter?: {
    places: number;
    securityLevel: SecurityLevel;
    takesChildren: boolean;
    takesTeenageBoys: boolean;
    takesPets: boolean;
    wheelchairAccessible: boolean;
    languages: string[];
  };
}[] = [
  {
    name: 'Skyddat boende Fristad',
    kind: 'external',
    inProviderUnit: true,
    contact: 'Jourtelefon 070-174 06 50',
    interventions: ['shelter'],
    shelter: {
      places: 6,
      securityLevel: 2,
      takesChildren: true,
      takesTeenageBoys: false,
      takesPets: false,
      wheelchairAccessible: true,
      languages: ['svenska', 'engelska', 'arabiska'],
    },
  },
  {
    name: 'Kvinnojouren Tranan',
    kind: 'external',
    inProviderUnit: false,
    contact: 'Jourtelefon 070-174 06 51',
    interventions: ['shelter'],
    shelter: {
      places: 3,
      securityLevel: 1,
      takesChildren: true,
      takesTeenageBoys: true,
      takesPets: true,
      wheelchairAccessible: false,
      languages: ['svenska', 'somaliska'],
    },
  },
  {
    name: 'Skyddat boende Borgen',
    kind: 'external',
    inProviderUnit: false,
    contact: 'Placeringsansvarig 070-174 06 52',
    interventions: ['shelter'],
    shelter: {
      places: 4,
      securityLevel: 3,
      takesChildren: false,
      takesTeenageBoys: false,
      takesPets: false,
      wheelchairAccessible: true,
      languages: ['svenska', 'engelska', 'persiska'],
    },
  },
  {
    name: 'Stödmottagningen',
    kind: 'in_house',
    inProviderUnit: false,
    contact: 'Växeln 070-174 06 53',
    interventions: ['support_sessions', 'other_assistance'],
  },
  {
    // The municipality's own short-term flats: tillfälligt boende, for a victim or, when she
    // stays in the home, for the person who uses violence [000 3.1.3.1].
    name: 'Jourlägenheterna',
    kind: 'in_house',
    inProviderUnit: false,
    contact: 'Växeln 070-174 06 54',
    interventions: ['temporary_housing'],
  },
];

export async function insertDemoProviders(
  trx: Trx,
  ids: { providerUnitId: string; administratorId: string },
): Promise<void> {
  for (const p of demoProviders) {
    const { id } = await trx
      .insertInto('provider')
      .values({
        name: p.name,
        kind: p.kind,
        unit_id: p.inProviderUnit ? ids.providerUnitId : null,
        contact: p.contact,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('provider_intervention')
      .values(p.interventions.map((intervention) => ({ provider_id: id, intervention })))
      .execute();
    if (p.shelter) {
      await trx
        .insertInto('shelter')
        .values({
          provider_id: id,
          places: p.shelter.places,
          security_level: p.shelter.securityLevel,
          takes_children: p.shelter.takesChildren,
          takes_teenage_boys: p.shelter.takesTeenageBoys,
          takes_pets: p.shelter.takesPets,
          wheelchair_accessible: p.shelter.wheelchairAccessible,
          languages: p.shelter.languages,
        })
        .execute();
    }
    await trx
      .insertInto('provider_version')
      .values({
        provider_id: id,
        version: 1,
        snapshot: JSON.stringify({
          name: p.name,
          kind: p.kind,
          unitId: p.inProviderUnit ? ids.providerUnitId : null,
          contact: p.contact,
          active: true,
          interventions: p.interventions,
          shelter: p.shelter ?? null,
        }),
        changed_by: ids.administratorId,
      })
      .execute();
  }
}
