import type { AnswerScale, InstrumentDefinition } from '../domain/instruments.ts';

/**
 * Example instruments, written for Värn so that a fresh installation can be tried out. They are
 * labelled as examples everywhere they are shown and are NOT validated methods: a municipality
 * loads the official instruments it uses (FREDA, PATRIARK …) as definitions of the same schema —
 * see docs/INSTRUMENTS.md. Their wording is our own.
 */

const yesNo: AnswerScale = { kind: 'yes_no_unknown' };

export const detectionExample: InstrumentDefinition = {
  id: 'varn-exempel-upptackt',
  version: 1,
  name: 'Exempel: Frågor för att upptäcka våld',
  description:
    'Några korta frågor för att fånga upp våld i en nära relation vid en första kontakt. Exempel skrivet för Värn, inte en validerad metod.',
  example: true,
  method: 'detection',
  targetGroups: ['adult_victim'],
  sections: [
    {
      key: 'fragor',
      title: 'Frågor',
      guidance: 'Ställ frågorna när personen är ensam. Förklara varför du frågar.',
      items: [
        {
          key: 'fysiskt',
          text: 'Har någon som står dig nära slagit, knuffat, hållit fast eller skadat dig?',
          answer: yesNo,
        },
        {
          key: 'radd',
          text: 'Känner du dig rädd för någon du lever eller har levt med?',
          answer: yesNo,
        },
        {
          key: 'kontroll',
          text: 'Bestämmer någon över vem du träffar, dina pengar eller din telefon?',
          answer: yesNo,
        },
        {
          key: 'sexuellt',
          text: 'Har någon pressat eller tvingat dig till sexuella handlingar?',
          answer: yesNo,
        },
        {
          key: 'barn',
          text: 'Har barn i hemmet sett, hört eller märkt av våld?',
          guidance: 'Ett ja innebär att orosanmälan ska göras till barn och unga.',
          answer: yesNo,
        },
        { key: 'anteckning', text: 'Anteckning', answer: { kind: 'text' } },
      ],
    },
  ],
  scoring: { kind: 'none' },
};

const frequency: AnswerScale = {
  kind: 'ordinal',
  options: [
    { value: 0, label: 'Aldrig' },
    { value: 1, label: 'Någon gång' },
    { value: 2, label: 'Flera gånger' },
    { value: 3, label: 'Ofta' },
  ],
};

export const mappingExample: InstrumentDefinition = {
  id: 'varn-exempel-kartlaggning',
  version: 1,
  name: 'Exempel: Kartläggning av våldet',
  description:
    'Vilka former av våld, hur ofta, och den senaste och den värsta händelsen. Exempel skrivet för Värn, inte en validerad metod.',
  example: true,
  method: 'mapping',
  targetGroups: ['adult_victim', 'honour_context'],
  sections: [
    {
      key: 'former',
      title: 'Våldsformer och hur ofta',
      items: [
        { key: 'fysiskt', text: 'Fysiskt våld', answer: frequency },
        { key: 'psykiskt', text: 'Psykiskt våld: hot, kränkningar, kontroll', answer: frequency },
        { key: 'sexuellt', text: 'Sexuellt våld', answer: frequency },
        { key: 'materiellt', text: 'Materiellt våld: förstörda saker', answer: frequency },
        { key: 'ekonomiskt', text: 'Ekonomiskt våld', answer: frequency },
        { key: 'forsummelse', text: 'Försummelse', answer: frequency },
        {
          key: 'digitalt',
          text: 'Digitalt våld: övervakning, spridning av bilder',
          answer: frequency,
        },
      ],
    },
    {
      key: 'handelser',
      title: 'Händelser',
      items: [
        {
          key: 'kalender',
          text: 'Våldskalender: händelser med datum och form',
          guidance: 'Gå bakåt i tiden tillsammans med personen.',
          answer: { kind: 'violence_calendar' },
        },
        { key: 'senaste', text: 'Den senaste händelsen', answer: { kind: 'text' } },
        { key: 'varsta', text: 'Den värsta händelsen', answer: { kind: 'text' } },
      ],
    },
  ],
  scoring: { kind: 'none' },
};

export const dangerExample: InstrumentDefinition = {
  id: 'varn-exempel-farlighet',
  version: 1,
  name: 'Exempel: Bedömning av risk för grovt våld',
  description:
    'Viktade ja/nej-frågor om omständigheter som ofta följer med grovt eller dödligt våld, summerade till en nivå. Exempel skrivet för Värn, inte en validerad metod; vikter och gränser är påhittade.',
  example: true,
  method: 'danger',
  targetGroups: ['adult_victim'],
  sections: [
    {
      key: 'valdet',
      title: 'Våldet',
      items: [
        {
          key: 'okat',
          text: 'Har våldet blivit tätare eller grövre det senaste halvåret?',
          answer: yesNo,
          weight: 2,
        },
        {
          key: 'strypt',
          text: 'Har hen tagit strypgrepp eller försökt hindra andningen?',
          answer: yesNo,
          weight: 3,
        },
        {
          key: 'dodshot',
          text: 'Har hen hotat att döda henne, barnen eller sig själv?',
          answer: yesNo,
          weight: 3,
        },
        {
          key: 'vapen',
          text: 'Har hen tillgång till vapen eller har hen använt tillhyggen?',
          answer: yesNo,
          weight: 3,
        },
        {
          key: 'gravid',
          text: 'Har våldet förekommit under graviditet?',
          answer: yesNo,
          weight: 2,
        },
      ],
    },
    {
      key: 'situationen',
      title: 'Situationen nu',
      items: [
        {
          key: 'separation',
          text: 'Har hon nyligen lämnat eller försökt lämna relationen?',
          answer: yesNo,
          weight: 2,
        },
        {
          key: 'svartsjuka',
          text: 'Är hen svartsjuk, kontrollerande eller förföljer henne?',
          answer: yesNo,
          weight: 1,
        },
        {
          key: 'kontaktforbud',
          text: 'Har hen brutit mot kontaktförbud eller andra beslut?',
          answer: yesNo,
          weight: 2,
        },
        { key: 'missbruk', text: 'Missbrukar hen alkohol eller droger?', answer: yesNo, weight: 1 },
        { key: 'barnhot', text: 'Har hen hotat eller skadat barnen?', answer: yesNo, weight: 2 },
        {
          key: 'egen_bedomning',
          text: 'Tror hon själv att hen kan komma att döda henne?',
          guidance: 'Personens egen bedömning av faran väger tungt.',
          answer: yesNo,
          weight: 3,
        },
        { key: 'ovrigt', text: 'Övrigt som påverkar risken', answer: { kind: 'text' } },
      ],
    },
  ],
  scoring: {
    kind: 'sum',
    thresholds: [
      { min: 0, level: 'low' },
      { min: 6, level: 'medium' },
      { min: 12, level: 'high' },
    ],
  },
};

export const honourExample: InstrumentDefinition = {
  id: 'varn-exempel-heder',
  version: 1,
  name: 'Exempel: Strukturerad bedömning i hederskontext',
  description:
    'Riskfaktorer hos dem som utövar våld, i mönstret och i personens sårbarhet, följt av en bedömning per scenario. Exempel skrivet för Värn, inte en validerad metod.',
  example: true,
  method: 'honour_judgement',
  targetGroups: ['honour_context', 'child'],
  sections: [
    {
      key: 'utovare',
      title: 'Faktorer hos dem som utövar våld',
      items: [
        {
          key: 'tidigare_vald',
          text: 'Tidigare våld eller hot mot familjemedlemmar',
          answer: yesNo,
        },
        {
          key: 'rattfardigar',
          text: 'Uttrycker att våld är rätt för att skydda familjens heder',
          answer: yesNo,
        },
        { key: 'fler_utovare', text: 'Flera personer deltar i kontrollen', answer: yesNo },
      ],
    },
    {
      key: 'monster',
      title: 'Faktorer i mönstret',
      items: [
        {
          key: 'begransning',
          text: 'Begränsas personens umgänge, kläder, skola eller fritid?',
          answer: yesNo,
        },
        {
          key: 'aktenskap',
          text: 'Finns planer på äktenskap som personen inte vill ingå?',
          answer: yesNo,
        },
        {
          key: 'resa',
          text: 'Finns planer på en resa utomlands mot personens vilja?',
          answer: yesNo,
        },
      ],
    },
    {
      key: 'sarbarhet',
      title: 'Personens sårbarhet',
      items: [
        { key: 'isolering', text: 'Saknar personen nätverk utanför familjen?', answer: yesNo },
        {
          key: 'beroende',
          text: 'Är personen beroende av familjen för boende eller försörjning?',
          answer: yesNo,
        },
        {
          key: 'halsa',
          text: 'Har personen psykisk ohälsa eller tankar på självskada?',
          answer: yesNo,
        },
      ],
    },
  ],
  scoring: {
    kind: 'judgement',
    scenarios: [
      { key: 'kontroll', title: 'Fortsatt kontroll och begränsning' },
      { key: 'grovt_vald', title: 'Grovt fysiskt våld' },
      { key: 'tvang', title: 'Tvångsäktenskap eller bortförande' },
    ],
  },
};

export const exampleInstruments: readonly InstrumentDefinition[] = [
  detectionExample,
  mappingExample,
  dangerExample,
  honourExample,
];
