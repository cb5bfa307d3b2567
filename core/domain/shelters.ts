/**
 * Skyddat boende: what a shelter can take, how many of its places are free, and which shelters
 * fit what a person needs tonight.
 *
 * - A shelter has places and a skyddsnivå: the sources describe shelters by their staffing and
 *   their protection — locks, alarms, guarding — and warn against placing someone in the highest
 *   level by default: the more a shelter limits her freedom, the harder the stay [001 Skyddat
 *   boende]. So the search asks for a minimum level and offers the lowest level that meets it
 *   first.
 * - A shelter chosen for a parent must suit the children who come along, whatever their age and
 *   sex [000 3.1.3.2; 001]: a teenage boy is a need of its own, as are pets, a wheelchair and a
 *   language.
 * - Occupancy is never a stored number: a running uppdrag (sent or accepted, its period covering
 *   today) holds one place; free places = places − running.
 *
 * Pure: today and the uppdrag come in as arguments.
 */

export const securityLevels = [1, 2, 3] as const;
export type SecurityLevel = (typeof securityLevels)[number];

export const securityLevelLabels: Record<SecurityLevel, string> = {
  1: 'Skyddsnivå 1 – lås och larm',
  2: 'Skyddsnivå 2 – personal dygnet runt',
  3: 'Skyddsnivå 3 – bevakning och skalskydd',
};

/** What a shelter can take, as registered. */
export interface ShelterProfile {
  places: number;
  securityLevel: SecurityLevel;
  takesChildren: boolean;
  takesTeenageBoys: boolean;
  takesPets: boolean;
  wheelchairAccessible: boolean;
  /** The languages its staff speak, as written. */
  languages: readonly string[];
}

/** What the person needs of a place. */
export interface PlaceNeeds {
  /** Children coming along. */
  children: number;
  /** Whether one of them is a teenage boy (many shelters do not take them). */
  teenageBoy: boolean;
  pets: boolean;
  wheelchair: boolean;
  /** A language the staff must speak; null when any will do. */
  language: string | null;
  minSecurityLevel: SecurityLevel;
}

/** The uppdrag statuses that hold a place while their period runs. */
export const placeHoldingStatuses = ['sent', 'accepted'] as const;

export interface CommissionPeriod {
  status: string;
  /** 'YYYY-MM-DD' */
  periodFrom: string;
  periodTo: string | null;
}

/** Whether the uppdrag holds a place today: sent or accepted, and its period covers today. */
export function holdsPlace(c: CommissionPeriod, today: string): boolean {
  return (
    (placeHoldingStatuses as readonly string[]).includes(c.status) &&
    c.periodFrom <= today &&
    (c.periodTo === null || c.periodTo >= today)
  );
}

export interface Occupancy {
  places: number;
  running: number;
  /** Never below zero, even when more uppdrag run than there are places. */
  free: number;
}

/** A shelter's occupancy from the number of uppdrag running at it. */
export function occupancyOf(places: number, running: number): Occupancy {
  return { places, running, free: Math.max(0, places - running) };
}

/** A shelter's occupancy today from its uppdrag. */
export function occupancy(
  places: number,
  commissions: readonly CommissionPeriod[],
  today: string,
): Occupancy {
  return occupancyOf(places, commissions.filter((c) => holdsPlace(c, today)).length);
}

export type Mismatch =
  'security_level' | 'children' | 'teenage_boy' | 'pets' | 'wheelchair' | 'language';

export const mismatchLabels: Record<Mismatch, string> = {
  security_level: 'för låg skyddsnivå',
  children: 'tar inte emot barn',
  teenage_boy: 'tar inte emot tonårspojkar',
  pets: 'tar inte emot husdjur',
  wheelchair: 'inte tillgängligt med rullstol',
  language: 'talar inte språket',
};

const sameLanguage = (a: string, b: string) =>
  a.trim().localeCompare(b.trim(), 'sv', { sensitivity: 'base' }) === 0;

/** What about the shelter does not meet the needs; none when it fits. */
export function mismatches(shelter: ShelterProfile, needs: PlaceNeeds): Mismatch[] {
  const out: Mismatch[] = [];
  if (shelter.securityLevel < needs.minSecurityLevel) out.push('security_level');
  if (needs.children > 0 && !shelter.takesChildren) out.push('children');
  if (needs.teenageBoy && !shelter.takesTeenageBoys) out.push('teenage_boy');
  if (needs.pets && !shelter.takesPets) out.push('pets');
  if (needs.wheelchair && !shelter.wheelchairAccessible) out.push('wheelchair');
  const language = needs.language?.trim();
  if (language && !shelter.languages.some((l) => sameLanguage(l, language))) out.push('language');
  return out;
}

export interface ShelterCandidate extends ShelterProfile {
  id: string;
  name: string;
  /** Uppdrag running at it today. */
  running: number;
}

export interface ShelterMatch extends ShelterCandidate {
  free: number;
}

export interface ShelterSearchResult {
  /** Shelters that fit and have a free place now: the lowest sufficient level first. */
  available: ShelterMatch[];
  /** Shelters that fit but are full now. */
  full: ShelterMatch[];
}

/**
 * The shelters that fit the needs, split into those with a free place now and those full. Within
 * each: the lowest security level that meets the need first (not the highest by default), then
 * the most free places, then by name.
 */
export function searchShelters(
  shelters: readonly ShelterCandidate[],
  needs: PlaceNeeds,
): ShelterSearchResult {
  const fitting = shelters
    .filter((s) => mismatches(s, needs).length === 0)
    .map((s) => ({ ...s, free: occupancyOf(s.places, s.running).free }))
    .sort(
      (a, b) =>
        a.securityLevel - b.securityLevel ||
        b.free - a.free ||
        a.name.localeCompare(b.name, 'sv') ||
        a.id.localeCompare(b.id),
    );
  return {
    available: fitting.filter((s) => s.free > 0),
    full: fitting.filter((s) => s.free === 0),
  };
}

export const turnedAwayReasons = ['no_free_place', 'no_matching_shelter', 'other'] as const;
export type TurnedAwayReason = (typeof turnedAwayReasons)[number];

export const turnedAwayReasonLabels: Record<TurnedAwayReason, string> = {
  no_free_place: 'Ingen ledig plats',
  no_matching_shelter: 'Inget boende som passar behoven',
  other: 'Annat skäl',
};

/** The reason a search suggests when no place could be arranged. */
export function suggestedTurnedAwayReason(result: ShelterSearchResult): TurnedAwayReason {
  return result.full.length > 0 ? 'no_free_place' : 'no_matching_shelter';
}
