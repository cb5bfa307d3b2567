/**
 * The safety plan, structured by Bilaga 1 of the Stockholm guidelines: what to plan while the
 * person still lives with or meets the person using violence, and what to plan after leaving.
 * Each point has a status and a note; the plan has a review date and a history of versions.
 *
 * Pure data and functions: no I/O.
 */

export interface SafetyPlanPoint {
  key: string;
  part: 'before_leaving' | 'after_leaving';
  label: string;
  guidance: string;
}

export const safetyPlanPoints: readonly SafetyPlanPoint[] = [
  {
    key: 'contact',
    part: 'before_leaving',
    label: 'Kontaktväg och säkra tider',
    guidance:
      'Hur och när kan vi kontakta personen — telefon, sms, e-post, brev — t.ex. när den som utövar våld är på jobbet?',
  },
  {
    key: 'emergency_numbers',
    part: 'before_leaving',
    label: 'Nödnummer',
    guidance:
      'Nummer till oss, socialjouren och polisen, gärna utantill. Spara dem under andra namn om den som utövar våld kan se telefonen.',
  },
  {
    key: 'meeting_place',
    part: 'before_leaving',
    label: 'Säker mötesplats',
    guidance: 'Kan möten ske i våra lokaler, eller behövs en annan plats?',
  },
  {
    key: 'escape_routes',
    part: 'before_leaving',
    label: 'Flyktvägar och säkra platser',
    guidance:
      'Säkra platser i närområdet, vägar ut ur bostaden. Undvik köket och rum där det finns tillhyggen.',
  },
  {
    key: 'trusted_person',
    part: 'before_leaving',
    label: 'Någon som vet',
    guidance: 'En familjemedlem, vän eller granne som känner till situationen och kan larma.',
  },
  {
    key: 'neighbour',
    part: 'before_leaving',
    label: 'Granne som ringer polisen',
    guidance: 'En granne som ringer polisen om det hörs skrik eller oljud.',
  },
  {
    key: 'cash',
    part: 'before_leaving',
    label: 'Kontanter',
    guidance: 'Lite pengar till hands för att kunna ta sig därifrån.',
  },
  {
    key: 'code_word',
    part: 'before_leaving',
    label: 'Kodord',
    guidance:
      'Ett ord att använda med personer hon litar på när hon behöver hjälp utan att den som utövar våld förstår.',
  },
  {
    key: 'documents',
    part: 'before_leaving',
    label: 'Handlingar och värdesaker',
    guidance:
      'Pass, legitimation, uppehållstillstånd, kort, mediciner, telefon, nycklar — för henne och barnen, och något tryggt för barnen.',
  },
  {
    key: 'packed_bag',
    part: 'before_leaving',
    label: 'Packad väska',
    guidance: 'En väska med det viktigaste, gömd hemma, på jobbet eller hos någon hon litar på.',
  },
  {
    key: 'pets',
    part: 'before_leaving',
    label: 'Husdjur',
    guidance: 'Vad händer med husdjuren om hon lämnar hemmet?',
  },
  {
    key: 'children_pickup',
    part: 'before_leaving',
    label: 'Barnens hämtning',
    guidance: 'När och hur barnen hämtas från förskola och skola om hon lämnar hemmet med dem.',
  },
  {
    key: 'it_location',
    part: 'after_leaving',
    label: 'IT: platstjänster',
    guidance: 'Stäng av platstjänster, kartdelning och "hitta min telefon".',
  },
  {
    key: 'it_social_media',
    part: 'after_leaving',
    label: 'IT: sociala medier',
    guidance:
      'Dela inget som avslöjar var hon är: ort, bilder, taggningar — och be andra att inte tagga henne.',
  },
  {
    key: 'it_spyware',
    part: 'after_leaving',
    label: 'IT: spionappar',
    guidance: 'Telefon, surfplatta och dator kan behöva stängas av eller bytas ut.',
  },
  {
    key: 'it_shared_accounts',
    part: 'after_leaving',
    label: 'IT: delade konton',
    guidance:
      'Sluta använda delade konton för strömning; logga ut från e-post och tjänster på alla enheter.',
  },
  {
    key: 'after_leaving',
    part: 'after_leaving',
    label: 'Planen efter att hon lämnat',
    guidance: 'Vilka punkter ovan gäller fortfarande där hon bor nu, och vad mer behövs?',
  },
];

export const safetyPlanStatuses = ['not_started', 'in_progress', 'done', 'not_relevant'] as const;
export type SafetyPlanStatus = (typeof safetyPlanStatuses)[number];

export const safetyPlanStatusLabels: Record<SafetyPlanStatus, string> = {
  not_started: 'Inte påbörjad',
  in_progress: 'Pågår',
  done: 'Klar',
  not_relevant: 'Inte aktuell',
};

export const safetyPlanPartLabels = {
  before_leaving: 'När du fortfarande bor med eller har kontakt med den som utövar våld',
  after_leaving: 'När du har lämnat',
} as const;

export interface SafetyPlanItem {
  key: string;
  status: SafetyPlanStatus;
  note: string;
}

/** Every point of the plan, in order, with what is saved for it or "not started". */
export function completePlan(saved: readonly SafetyPlanItem[]): SafetyPlanItem[] {
  const byKey = new Map(saved.map((i) => [i.key, i]));
  return safetyPlanPoints.map(
    (p) => byKey.get(p.key) ?? { key: p.key, status: 'not_started', note: '' },
  );
}
