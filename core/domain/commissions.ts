/**
 * Uppdrag (commission) to a provider, and the provider's work on it (issue 13, item 6): what may
 * be shared with the provider, the uppdrag's steps, and the period it may run. Pure.
 *
 * An uppdrag carries only what the person has consented to share — until a consent register
 * exists, the consent is recorded on the uppdrag: which categories, how, and when. It never
 * carries the utredning, the journal, the risk assessments, or an address. For a person with
 * skyddade personuppgifter it carries a notice and whom to contact instead of anything the
 * markering protects: her phone number is not shared either, the provider reaches her through
 * the contact named.
 */
import { interventionLabels } from './decisions.ts';
import type { Period } from './decisions.ts';
import { isProtected, protectionLabels } from './protection.ts';
import type { ProtectionLevel } from './protection.ts';

/** The personal data an uppdrag may carry: a closed set. There is no address among them. */
export const consentCategories = [
  'name',
  'personal_identity_number',
  'phone',
  'language',
  'children',
] as const;
export type ConsentCategory = (typeof consentCategories)[number];

export const consentCategoryLabels: Record<ConsentCategory, string> = {
  name: 'Namn',
  personal_identity_number: 'Personnummer',
  phone: 'Telefonnummer',
  language: 'Språk och tolkbehov',
  children: 'Medföljande barn',
};

export const consentWays = ['oral', 'written'] as const;
export type ConsentWay = (typeof consentWays)[number];
export const consentWayLabels: Record<ConsentWay, string> = {
  oral: 'Muntligt',
  written: 'Skriftligt',
};

/** The person's data as the handläggare's file holds it, before anything is chosen to share. */
export interface PersonSource {
  givenName: string;
  familyName: string;
  identityNumber: string | null;
  protectionLevel: ProtectionLevel;
  /** A phone number the person has said is safe to contact her on, if any. */
  safePhone: string | null;
  /** Children of the household the handläggare may see by name. */
  children: readonly { givenName: string; birthYear: number | null }[];
}

/** What the provider is told about the person: only consented categories, never an address. */
export interface SharedData {
  name: string | null;
  personalIdentityNumber: string | null;
  phone: string | null;
  language: string | null;
  children: { givenName: string; birthYear: number | null }[] | null;
}

/**
 * The data an uppdrag shares: each category only if consented to; the phone number never for a
 * protected person (the notice names whom to contact instead). `language` is what the
 * handläggare wrote about language and interpreter needs.
 */
export function sharedData(
  source: PersonSource,
  consent: readonly ConsentCategory[],
  language: string | null,
): SharedData {
  const has = (c: ConsentCategory) => consent.includes(c);
  return {
    name: has('name') ? `${source.givenName} ${source.familyName}` : null,
    personalIdentityNumber: has('personal_identity_number') ? source.identityNumber : null,
    phone: has('phone') && !isProtected(source.protectionLevel) ? source.safePhone : null,
    language: has('language') ? language : null,
    children: has('children') ? source.children.map((c) => ({ ...c })) : null,
  };
}

/**
 * The notice a protected person's uppdrag carries, naming whom the provider contacts; null for a
 * person without skyddade personuppgifter. It names the kind of protection, never where she is.
 */
export function protectionNotice(level: ProtectionLevel, contact: string): string | null {
  if (!isProtected(level)) return null;
  return `Personen har skyddade personuppgifter (${protectionLabels[level].toLowerCase()}). Lämna aldrig ut uppgifter om personen eller var hon eller han vistas, och skriv inte ner adressen. Kontakta ${contact} vid frågor.`;
}

/** The uppdrag's steps. `sent` → accepted or declined; accepted → ended (by the handläggare). */
export type CommissionStatus = 'sent' | 'accepted' | 'declined' | 'ended';
export type CommissionStep = 'accept' | 'decline' | 'end' | 'work';

export const commissionStatusLabels: Record<CommissionStatus, string> = {
  sent: 'Skickat',
  accepted: 'Accepterat',
  declined: 'Avböjt',
  ended: 'Avslutat',
};

const stepRefusals: Record<CommissionStep, { from: readonly CommissionStatus[]; message: string }> =
  {
    accept: {
      from: ['sent'],
      message: 'Uppdraget kan bara accepteras medan det väntar på svar.',
    },
    decline: {
      from: ['sent'],
      message: 'Uppdraget kan bara avböjas medan det väntar på svar.',
    },
    end: {
      from: ['sent', 'accepted'],
      message: 'Uppdraget är redan avslutat eller avböjt.',
    },
    work: {
      from: ['accepted'],
      message:
        'Genomförandeplan, anteckningar och återrapporter skrivs bara på ett accepterat uppdrag som pågår.',
    },
  };

/** The status after a step, or why the step cannot be taken now (a Swedish sentence). */
export function commissionStep(
  status: CommissionStatus,
  step: CommissionStep,
): { ok: true; status: CommissionStatus } | { ok: false; message: string } {
  const rule = stepRefusals[step];
  if (!rule.from.includes(status)) return { ok: false, message: rule.message };
  const next: Record<CommissionStep, CommissionStatus> = {
    accept: 'accepted',
    decline: 'declined',
    end: 'ended',
    work: status,
  };
  return { ok: true, status: next[step] };
}

/** What is wrong with an uppdrag's period given its beslut's: it must lie inside it. */
export function commissionPeriodProblem(decision: Period, period: Period): string | null {
  if (period.to !== null && period.to < period.from) {
    return 'Till och med-datumet kan inte ligga före från och med-datumet.';
  }
  if (period.from < decision.from) {
    return 'Uppdraget kan inte börja före beslutets period.';
  }
  if (decision.to !== null && (period.to === null || period.to > decision.to)) {
    return 'Uppdraget kan inte gälla längre än beslutet. Ange ett till och med-datum inom beslutets period.';
  }
  return null;
}

/** The children staying along as the uppdrag names them: "Lea (född 2018), Sam". */
export function childrenText(children: readonly { givenName: string; birthYear: number | null }[]) {
  if (children.length === 0) return 'Inga';
  return children
    .map((c) => (c.birthYear ? `${c.givenName} (född ${c.birthYear})` : c.givenName))
    .join(', ');
}

/** The insats by its Swedish name; a code the catalogue knows and this list does not, as is. */
export function interventionName(code: string): string {
  return (interventionLabels as Record<string, string | undefined>)[code] ?? code;
}

/** Year of birth from a Swedish personnummer (YYYYMMDDNNNN), or null. */
export function birthYear(identityNumber: string | null): number | null {
  if (identityNumber === null || !/^\d{12}$/.test(identityNumber)) return null;
  return Number(identityNumber.slice(0, 4));
}

export const COMMISSION_TEXT_MAX = 4000;
