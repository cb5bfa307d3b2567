/**
 * Names for the synthetic population, distributed like Sweden's: a handful of -son names are
 * each carried by 1–2 % of people, a few dozen more by a few per mille each, and most people
 * (about 70 %) carry a name from a long tail. Without that tail a name search in the benchmark
 * matches a tenth of everyone, which no real register does.
 *
 * The weights are per mille, rounded from the national name statistics; the tail is made of
 * compound names (prefix + suffix) and names common among people born abroad. Each list is laid
 * out as "slots": a name occupies as many slots as its weight, so that picking a slot uniformly
 * picks a name with its frequency.
 */

/** The common family names, with their approximate share per mille of the population. */
const commonFamily: readonly [string, number][] = [
  ['Andersson', 21],
  ['Johansson', 21],
  ['Karlsson', 19],
  ['Nilsson', 15],
  ['Eriksson', 13],
  ['Larsson', 11],
  ['Olsson', 10],
  ['Persson', 10],
  ['Svensson', 9],
  ['Gustafsson', 9],
  ['Pettersson', 8],
  ['Jonsson', 6],
  ['Jansson', 4],
  ['Hansson', 4],
  ['Bengtsson', 3],
  ['Jönsson', 3],
  ['Lindberg', 3],
  ['Jakobsson', 3],
  ['Magnusson', 2],
  ['Olofsson', 2],
  ['Lindström', 2],
  ['Lindqvist', 2],
  ['Lindgren', 2],
  ['Axelsson', 2],
  ['Berg', 2],
  ['Lundberg', 2],
  ['Lind', 2],
  ['Ali', 2],
  ['Mohammed', 2],
  ['Sjöberg', 2],
  ['Holm', 1],
  ['Ahmed', 1],
  ['Hassan', 1],
  ['Haddad', 1],
  ['Ek', 1],
  ['Nord', 1],
];

const tailPrefixes = [
  'Lind',
  'Berg',
  'Sjö',
  'Ek',
  'Nord',
  'Söder',
  'Ström',
  'Holm',
  'Dahl',
  'Malm',
  'Wall',
  'Ås',
  'Frid',
  'Sand',
  'Lil',
  'Hed',
  'Ros',
  'Björk',
  'Al',
  'Gran',
  'Lund',
  'Fors',
  'Ny',
  'Wik',
  'Öst',
  'Väst',
  'Hag',
  'Stén',
  'Blom',
  'Gull',
];
const tailSuffixes = [
  'berg',
  'ström',
  'qvist',
  'gren',
  'lund',
  'dahl',
  'holm',
  'mark',
  'blad',
  'man',
  'sten',
  'by',
  'feldt',
  'ling',
  'vall',
  'näs',
  'bäck',
  'fors',
  'hammar',
  'ö',
];
const tailAbroad = [
  'Abdi',
  'Hussein',
  'Omar',
  'Yilmaz',
  'Kaya',
  'Nguyen',
  'Rahimi',
  'Karimi',
  'Popescu',
  'Nowak',
  'Kowalski',
  'Ibrahim',
  'Yusuf',
  'Jama',
  'Farah',
  'Khalil',
  'Mansour',
  'Saleh',
  'Demir',
  'Öztürk',
  'Hosseini',
  'Mahmoud',
  'Osman',
  'Warsame',
  'Tesfaye',
  'Gebremedhin',
  'Petrović',
  'Hodžić',
  'Begić',
  'Silva',
  'Santos',
  'Garcia',
  'Rodriguez',
  'Tran',
  'Le',
  'Pham',
  'Kim',
  'Singh',
  'Khan',
  'Rahman',
];

const givenNames = [
  'Anna',
  'Maria',
  'Sara',
  'Leila',
  'Fatima',
  'Emma',
  'Elin',
  'Karin',
  'Eva',
  'Lena',
  'Kristina',
  'Sofia',
  'Amina',
  'Hanna',
  'Ida',
  'Linnea',
  'Maja',
  'Alice',
  'Elsa',
  'Ebba',
  'Nour',
  'Zahra',
  'Yasmin',
  'Malin',
  'Jenny',
  'Camilla',
  'Johan',
  'Erik',
  'Lars',
  'Anders',
  'Per',
  'Mikael',
  'Karl',
  'Peter',
  'Thomas',
  'Daniel',
  'Ali',
  'Mohammed',
  'Ahmed',
  'Omar',
  'Noah',
  'William',
  'Liam',
  'Hugo',
  'Oscar',
  'Lucas',
  'Elias',
  'Adam',
  'Jonas',
  'Fredrik',
  'Marcus',
  'Stefan',
  'Hassan',
  'Yusuf',
  'Ibrahim',
  'Dragan',
  'Piotr',
  'Minh',
  'Lejla',
  'Amira',
];

function slots(weighted: readonly [string, number][]): string[] {
  return weighted.flatMap(([name, weight]) => Array<string>(weight).fill(name));
}

/**
 * 1 000 family-name slots: the common names by their weight, the rest shared evenly by the
 * tail (600 compounds and 40 names from abroad), so each tail name holds about half a per mille.
 */
export function familyNameSlots(): string[] {
  const common = slots(commonFamily);
  const tail = [...tailPrefixes.flatMap((p) => tailSuffixes.map((s) => p + s)), ...tailAbroad];
  const free = 1000 - common.length;
  // The tail fills the remaining slots; with more tail names than slots each gets at most one.
  return [...common, ...Array.from({ length: free }, (_, i) => tail[(i * 37) % tail.length] ?? '')];
}

export function givenNameSlots(): string[] {
  return [...givenNames];
}

/** What a handläggare types when looking for someone by a common name. */
export const commonSearches = ['Andersson', 'Johan', 'Lind', 'Berg', 'Ali', 'Karlsson', 'Anna'];
