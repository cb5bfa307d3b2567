/**
 * The rules the sources set on particular insatser (issue 13 item 4; domain.md §3.5), each a pure
 * function that names in Swedish what is missing — the server refuses the beslut with these
 * sentences (409) and the form shows them. The catalogue (intervention-catalogue.ts) says who is
 * served and who decides; these say what a beslut on the insats must rest on.
 *
 * Pure: the facts come in as arguments; nothing is read.
 */
import { addDays } from './calendar.ts';
import type { Intervention } from './intervention-catalogue.ts';
import type { RiskLevel } from './instruments.ts';

/** Partnerkontakt's people: the victim's own contact person, and the one who treats him. */
export interface PartnerContactPeople {
  contactPerson: string;
  perpetratorTherapist: string;
}

/**
 * Partnerkontakt as a beslut records it: the perpetrator's consent in his case's register
 * (core/domain/consents.ts) — its id, and the day he gave it, which the server fills in from the
 * register — and the two people. A beslut from before the register has only the day.
 */
export interface RecordedPartnerContact extends PartnerContactPeople {
  consentId?: string;
  consentOn: string;
}

/**
 * What a beslut records because the rules of its insats required it. `P` is the partnerkontakt
 * part: as recorded by default; as the form sends it (the consent by id) before the server has
 * read the consent.
 */
export interface DecisionConditions<P extends PartnerContactPeople = RecordedPartnerContact> {
  /** The victim's wish to stay in the home: when, and how it was learnt. */
  victimWish?: { learntOn: string; how: string };
  /** The risk assessment of the case that the beslut rests on, and why it supports the beslut. */
  riskSupport?: { assessmentId: string; conclusion: string };
  /** Partnerkontakt: the perpetrator's consent, the victim's contact person, his therapist. */
  partnerContact?: P;
  /** Acute ekonomiskt bistånd granted without the usual means test, and why. */
  meansTestWaived?: { reason: string };
}

/** A risk assessment of the case, as the rule sees it. */
export interface AssessmentFact {
  id: string;
  kind: 'structured' | 'police' | 'own_view';
  level: RiskLevel | null;
  assessedOn: string;
}

/**
 * How far back a risk assessment may lie and still speak for the situation now. Risk changes
 * quickly around a separation; the sources ask for the risk of further violence to be assessed
 * when the move is considered [000 3.1.3.1], so an assessment older than a month is no longer
 * "of the recent past".
 */
export const RECENT_ASSESSMENT_DAYS = 30;

/**
 * Tillfälligt boende for the person who uses violence, so the victim (and any children) can stay
 * in the shared home [000 3.1.3.1; 001 Möjlighet till annat boende för våldsutövaren; 002]. It
 * rests on two things the sources name: the victim wants to stay in the home (recorded with when
 * and how it was learnt), and social services have assessed the risk of further violence if she
 * stays. What "supports it" means here:
 * - a structured or police risk assessment recorded in this (the perpetrator's) case — the
 *   person's own view is not social services' assessment, and the victim's file is not read from
 *   his (separate files, 000 3.1.4);
 * - made at most {@link RECENT_ASSESSMENT_DAYS} days before the beslut and not after it;
 * - whose level is not high: a high risk of further violence at an address he knows speaks for
 *   protecting her elsewhere, not for her staying;
 * - and a written conclusion of how the assessment supports her staying.
 */
export function perpetratorHousingProblems(input: {
  conditions: DecisionConditions<PartnerContactPeople>;
  /** The assessment the beslut names, if it is one of the case's; null when none or unknown. */
  assessment: AssessmentFact | null;
  decidedOn: string;
}): string[] {
  const { conditions, assessment, decidedOn } = input;
  const problems: string[] = [];
  if (!conditions.victimWish) {
    problems.push(
      'Den våldsutsattas önskan att bo kvar i bostaden är inte dokumenterad. Ange när och hur den framkom.',
    );
  } else if (conditions.victimWish.learntOn > decidedOn) {
    problems.push('Den våldsutsattas önskan att bo kvar kan inte ha framkommit efter beslutet.');
  }
  if (!conditions.riskSupport || !assessment) {
    problems.push(
      'Beslutet saknar en riskbedömning av risken för nytt våld om den våldsutsatta bor kvar. Gör en strukturerad riskbedömning i ärendet och välj den.',
    );
  } else {
    if (assessment.kind === 'own_view') {
      problems.push(
        'Personens egen bedömning räcker inte. Beslutet behöver socialtjänstens strukturerade riskbedömning eller polisens bedömning.',
      );
    }
    if (
      assessment.assessedOn > decidedOn ||
      assessment.assessedOn < addDays(decidedOn, -RECENT_ASSESSMENT_DAYS)
    ) {
      problems.push(
        `Riskbedömningen är från ${assessment.assessedOn} och ligger inte inom ${RECENT_ASSESSMENT_DAYS} dagar före beslutet. Gör en ny riskbedömning.`,
      );
    }
    if (assessment.level === 'high') {
      problems.push(
        'Riskbedömningen visar hög risk för nytt våld. Den talar inte för att den våldsutsatta kan bo kvar i bostaden.',
      );
    }
  }
  return problems;
}

const samePerson = (a: string, b: string) =>
  a.trim().replace(/\s+/g, ' ').toLocaleLowerCase('sv') ===
  b.trim().replace(/\s+/g, ' ').toLocaleLowerCase('sv');

/**
 * Partnerkontakt for the victim of a perpetrator in treatment [001 Insatser till våldsutövare]:
 * it needs the perpetrator's consent to the contact, and the victim has her own contact person,
 * never the one who treats him. Whether the consent covers the contact — his, to this unit, for
 * partnerkontakt, valid on the day of the beslut and not revoked — is the consent register's one
 * rule (core/domain/consents.ts disclosureCovered), which the server asks with the consent it
 * read from his case's register.
 */
export function partnerContactProblems(input: {
  conditions: DecisionConditions<PartnerContactPeople>;
}): string[] {
  const contact = input.conditions.partnerContact;
  if (!contact) {
    return [
      'Partnerkontakt kräver våldsutövarens dokumenterade samtycke och en egen kontaktperson för den våldsutsatta. Välj våldsutövarens samtycke och ange kontaktpersonen och våldsutövarens behandlare.',
    ];
  }
  return [
    ...(samePerson(contact.contactPerson, contact.perpetratorTherapist)
      ? [
          'Kontaktpersonen får inte vara samma person som behandlar våldsutövaren. Välj en annan kontaktperson.',
        ]
      : []),
  ];
}

/**
 * Ekonomiskt bistånd in acute need may be granted without the usual means test: in the acute
 * phase the need for protection comes first [001 Ekonomiskt bistånd; 000 3.1.4]. Only on an acute
 * beslut on ekonomiskt bistånd, and recorded as such with why.
 */
export function meansTestProblems(input: {
  intervention: Intervention;
  acute: boolean;
  conditions: DecisionConditions<PartnerContactPeople>;
}): string[] {
  if (!input.conditions.meansTestWaived) return [];
  if (input.intervention !== 'financial_assistance') {
    return [
      'Bara ekonomiskt bistånd kan beviljas utan den sedvanliga prövningen av egna ekonomiska förutsättningar.',
    ];
  }
  if (!input.acute) {
    return [
      'Den sedvanliga prövningen av egna ekonomiska förutsättningar kan bara hoppas över i ett akut beslut.',
    ];
  }
  return [];
}

/**
 * Every rule of the insats that a beslut in the case must meet, as sentences; none when it may
 * be taken. An avslag grants nothing and needs none of it.
 */
export function interventionRuleProblems(input: {
  intervention: Intervention;
  targetGroup: string;
  outcome: 'granted' | 'partly_granted' | 'refused';
  acute: boolean;
  conditions: DecisionConditions<PartnerContactPeople>;
  assessment: AssessmentFact | null;
  decidedOn: string;
}): string[] {
  const means = meansTestProblems(input);
  if (input.outcome === 'refused') return means;
  if (input.intervention === 'temporary_housing' && input.targetGroup === 'perpetrator') {
    return [...perpetratorHousingProblems(input), ...means];
  }
  if (input.intervention === 'partner_contact') {
    return [...partnerContactProblems(input), ...means];
  }
  return means;
}

/**
 * The conditions a beslut keeps: only those its insats's rules ask for, so a field filled in and
 * then left behind in the form is not recorded as if it mattered.
 */
export function relevantConditions<P extends PartnerContactPeople>(input: {
  intervention: Intervention;
  targetGroup: string;
  acute: boolean;
  conditions: DecisionConditions<P>;
}): DecisionConditions<P> | null {
  const { intervention, targetGroup, acute, conditions } = input;
  const kept: DecisionConditions<P> = {
    ...(intervention === 'temporary_housing' && targetGroup === 'perpetrator'
      ? {
          ...(conditions.victimWish ? { victimWish: conditions.victimWish } : {}),
          ...(conditions.riskSupport ? { riskSupport: conditions.riskSupport } : {}),
        }
      : {}),
    ...(intervention === 'partner_contact' && conditions.partnerContact
      ? { partnerContact: conditions.partnerContact }
      : {}),
    ...(intervention === 'financial_assistance' && acute && conditions.meansTestWaived
      ? { meansTestWaived: conditions.meansTestWaived }
      : {}),
  };
  return Object.keys(kept).length > 0 ? kept : null;
}

/** What a beslut recorded for the rules of its insats, as label and Swedish text, for screen and PDF. */
export function conditionLines(conditions: DecisionConditions | null): {
  label: string;
  text: string;
}[] {
  if (!conditions) return [];
  const { victimWish, riskSupport, partnerContact, meansTestWaived } = conditions;
  return [
    ...(victimWish
      ? [
          {
            label: 'Den våldsutsattas önskan att bo kvar',
            text: `Framkom ${victimWish.learntOn}: ${victimWish.how}`,
          },
        ]
      : []),
    ...(riskSupport
      ? [{ label: 'Riskbedömningen talar för det', text: riskSupport.conclusion }]
      : []),
    ...(partnerContact
      ? [
          {
            label: 'Partnerkontakt',
            text: `Våldsutövaren samtyckte ${partnerContact.consentOn}. Kontaktperson: ${partnerContact.contactPerson}. Våldsutövarens behandlare: ${partnerContact.perpetratorTherapist}.`,
          },
        ]
      : []),
    ...(meansTestWaived
      ? [
          {
            label: 'Utan sedvanlig prövning',
            text: `Beviljat utan den sedvanliga prövningen av egna ekonomiska förutsättningar, eftersom skyddsbehovet går först: ${meansTestWaived.reason}`,
          },
        ]
      : []),
  ];
}
