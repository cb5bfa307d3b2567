/**
 * The consent register (samtycke) and the one rule every disclosure in Värn asks: is this
 * disclosure covered? [domain.md §2 Samtycke; 001 Sekretess, Samverkan]. Secrecy in social
 * services (26 kap. 1 § OSL) yields only to the person's consent or to a provision of law, and a
 * secrecy test is made before anything is disclosed. So a disclosure — an uppdrag's personal data
 * to a provider, a participant at a samråd, a SIP, a partnerkontakt — names either a consent that
 * covers it (the same person, every category, this recipient, this purpose, valid today and not
 * revoked) or a legal basis from the catalogue that the purpose may rest on, with the secrecy
 * test written down. Otherwise it is refused with a sentence saying what is missing.
 *
 * Pure: the consent and the disclosure come in as arguments; nothing is read.
 */
import { consentCategories, consentCategoryLabels } from './commissions.ts';
import type { ConsentWay } from './commissions.ts';
import type { LegalConcept } from './legal-references.ts';

/**
 * The categories of information a consent may cover: the contact data an uppdrag carries, and
 * what a samråd, a SIP or a partnerkontakt may speak of. A closed set, so that "a narrower
 * consent" is a subset and nothing is matched by wording.
 */
export const informationCategories = [
  ...consentCategories,
  'situation',
  'violence',
  'interventions',
  'health',
  'treatment',
] as const;
export type InformationCategory = (typeof informationCategories)[number];

export const informationCategoryLabels: Record<InformationCategory, string> = {
  ...consentCategoryLabels,
  situation: 'Situation och behov',
  violence: 'Våldet och riskbedömningar',
  interventions: 'Insatser och beslut',
  health: 'Hälsa och vård',
  treatment: 'Deltagande i behandling',
};

/** What a disclosure is for. A consent names the purposes it is given for. */
export const disclosurePurposes = [
  'commission',
  'coordination_meeting',
  'coordinated_plan',
  'internal_plan',
  'partner_contact',
  'agency_disclosure',
] as const;
export type DisclosurePurpose = (typeof disclosurePurposes)[number];

export const disclosurePurposeLabels: Record<DisclosurePurpose, string> = {
  commission: 'Uppdrag till utförare',
  coordination_meeting: 'Samråd',
  coordinated_plan: 'SIP, samordnad individuell plan',
  internal_plan: 'Intern samverkansplan',
  partner_contact: 'Partnerkontakt',
  agency_disclosure: 'Utlämnande till polis eller annan myndighet',
};

/**
 * Who receives: a unit of the municipality or a provider (by id), or an agency or a named
 * person outside Värn (by name, as the person said it).
 */
export const recipientKinds = ['unit', 'provider', 'agency', 'person'] as const;
export type RecipientKind = (typeof recipientKinds)[number];
export const recipientKindLabels: Record<RecipientKind, string> = {
  unit: 'Enhet i kommunen',
  provider: 'Utförare',
  agency: 'Myndighet eller verksamhet',
  person: 'Namngiven mottagare',
};

export type Recipient =
  | { kind: 'unit' | 'provider'; id: string; name: string }
  | { kind: 'agency' | 'person'; name: string };

export interface Consent {
  id: string;
  /** Whose data: the person who consented. */
  personId: string;
  categories: readonly InformationCategory[];
  recipient: Recipient;
  purposes: readonly DisclosurePurpose[];
  /** The day it was given, from which it is valid. */
  givenOn: string;
  /** The last day it is valid. */
  validUntil: string;
  way: ConsentWay;
  /** The day it was revoked: from that moment it covers nothing. */
  revokedOn: string | null;
}

/** What is about to leave: whose data, which categories, to whom, for what, on which day. */
export interface Disclosure {
  personId: string;
  categories: readonly InformationCategory[];
  recipient: Recipient;
  purpose: DisclosurePurpose;
  on: string;
}

/**
 * The legal bases a disclosure may rest on instead of a consent, by purpose. A SIP, an intern
 * samverkansplan and a partnerkontakt rest on consent alone [000 §4; 001 Samverkan; 001 Insatser
 * till våldsutövare]; an uppdrag's data may go to the provider when it is necessary for the
 * insats the nämnd decided (10 kap. 2 § OSL); a samråd may have the police present to prevent
 * violence against a närstående (10 kap. 18 c §) or on a suspicion of a serious crime (10 kap.
 * 23 §), besides what is necessary for the nämnd's own work.
 */
export const legalBasesFor: Record<DisclosurePurpose, readonly LegalBasis[]> = {
  commission: ['secrecyNecessaryDisclosure'],
  coordination_meeting: [
    'secrecyNecessaryDisclosure',
    'secrecyViolencePrevention',
    'secrecyOverridePolice',
  ],
  coordinated_plan: [],
  internal_plan: [],
  partner_contact: [],
  // To the police or another agency: on her consent, or past secrecy where the law lets it be
  // broken — to prevent violence against a närstående (10 kap. 18 c §), on a suspicion of a crime
  // punishable by a year or more (10 kap. 23 §), or where the disclosure is necessary for the
  // nämnd's own work (10 kap. 2 §) [001 Polisanmälan och utlämnande av information till polisen].
  agency_disclosure: [
    'secrecyViolencePrevention',
    'secrecyOverridePolice',
    'secrecyNecessaryDisclosure',
  ],
};

/** The concepts of the legal catalogue a disclosure may cite. */
export const legalBases = [
  'secrecyNecessaryDisclosure',
  'secrecyViolencePrevention',
  'secrecyOverridePolice',
] as const satisfies readonly LegalConcept[];
export type LegalBasis = (typeof legalBases)[number];

/** The shortest secrecy test that says anything: why the recipient needs it, and why now. */
export const SECRECY_TEST_MIN = 20;

export type Ground =
  | { kind: 'consent'; consent: Consent }
  | { kind: 'legal'; basis: LegalBasis; reference: string; secrecyTest: string };

export type Coverage = { covered: true } | { covered: false; reason: string };

const normalName = (s: string) => s.trim().replace(/\s+/g, ' ').toLocaleLowerCase('sv');

/** Whether two recipients are the same: by id within Värn, by name outside it. */
export function sameRecipient(a: Recipient, b: Recipient): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'unit' || a.kind === 'provider') {
    return b.kind === a.kind && a.id === b.id;
  }
  return normalName(a.name) === normalName(b.name);
}

/** The consent as a sentence names it: "samtycket den 2026-11-30 till Kvinnohuset Linnea". */
export function consentName(consent: Pick<Consent, 'givenOn' | 'recipient'>): string {
  return `samtycket den ${consent.givenOn} till ${consent.recipient.name}`;
}

const capital = (s: string) => s.charAt(0).toLocaleUpperCase('sv') + s.slice(1);
/** A label inside a sentence: "Samråd" → "samråd", while an acronym stays one ("SIP, …"). */
const inSentence = (label: string) =>
  /^\p{Lu}\p{Lu}/u.test(label) ? label : label.charAt(0).toLocaleLowerCase('sv') + label.slice(1);

/** Whether a consent covers a disclosure, or the first reason it does not (a Swedish sentence). */
export function consentCovers(consent: Consent, d: Disclosure): Coverage {
  const name = consentName(consent);
  const no = (reason: string): Coverage => ({ covered: false, reason });
  if (consent.personId !== d.personId) {
    return no(`${capital(name)} är lämnat av en annan person än den uppgifterna gäller.`);
  }
  if (consent.revokedOn !== null) {
    return no(
      `${capital(name)} återkallades ${consent.revokedOn}. Uppgifterna får inte lämnas ut med stöd av det.`,
    );
  }
  if (d.on < consent.givenOn) {
    return no(`${capital(name)} gäller först från ${consent.givenOn}.`);
  }
  if (d.on > consent.validUntil) {
    return no(
      `${capital(name)} gällde till och med ${consent.validUntil}. Fråga personen om ett nytt samtycke.`,
    );
  }
  if (!consent.purposes.includes(d.purpose)) {
    return no(`${capital(name)} gäller inte ${inSentence(disclosurePurposeLabels[d.purpose])}.`);
  }
  if (!sameRecipient(consent.recipient, d.recipient)) {
    return no(`${capital(name)} gäller inte ${d.recipient.name}.`);
  }
  const outside = d.categories.filter((c) => !consent.categories.includes(c));
  if (outside.length > 0) {
    return no(
      `${capital(name)} omfattar inte ${outside.map((c) => informationCategoryLabels[c].toLowerCase()).join(', ')}.`,
    );
  }
  return { covered: true };
}

/**
 * Is this disclosure covered? By a consent that covers it, or by a legal basis its purpose may
 * rest on with a secrecy test written; with no ground, never.
 */
export function disclosureCovered(d: Disclosure, ground: Ground | null): Coverage {
  if (ground === null) {
    return {
      covered: false,
      reason:
        'Det finns inget samtycke eller lagstöd för att lämna ut uppgifterna. Registrera personens samtycke, eller ange lagstöd och sekretessprövning.',
    };
  }
  if (ground.kind === 'consent') return consentCovers(ground.consent, d);
  if (!legalBasesFor[d.purpose].includes(ground.basis)) {
    return {
      covered: false,
      reason: `${disclosurePurposeLabels[d.purpose]} kräver personens samtycke eller annat lagstöd än ${ground.reference}.`,
    };
  }
  if (ground.secrecyTest.trim().length < SECRECY_TEST_MIN) {
    return {
      covered: false,
      reason: `Skriv sekretessprövningen: varför ${d.recipient.name} behöver uppgifterna och varför de kan lämnas ut med stöd av ${ground.reference}.`,
    };
  }
  return { covered: true };
}

/** How many days before its end a consent is shown as expiring: time to ask for a new one. */
export const CONSENT_EXPIRES_SOON_DAYS = 14;

/** What is wrong with a consent as it is recorded, or null (a Swedish sentence). */
export function consentRecordProblem(
  c: Pick<Consent, 'givenOn' | 'validUntil' | 'categories' | 'purposes'>,
  today: string,
): string | null {
  if (c.givenOn > today) return 'Samtycket kan inte ha lämnats i framtiden.';
  if (c.validUntil < c.givenOn) {
    return 'Samtycket kan inte gälla till ett datum före den dag det lämnades.';
  }
  if (c.categories.length === 0) return 'Välj vilka uppgifter samtycket gäller.';
  if (c.purposes.length === 0) return 'Välj vad samtycket gäller.';
  return null;
}
