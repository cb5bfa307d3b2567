/**
 * Disclosure to the police and other agencies, and the adult's own decision about reporting the
 * violence to the police [001 Polisanmälan och utlämnande av information till polisen; domain.md
 * §3.7]. An adult decides herself whether to report; what the social services tell the police or
 * another agency is a disclosure like any other — on her consent, or on a legal basis with the
 * secrecy test written down (consents.ts `disclosureCovered` decides) — and is recorded with what
 * was told, to whom, and who decided. Our risk assessment goes to the police on the same grounds.
 *
 * Pure: nothing is read.
 */
import type { InformationCategory } from './consents.ts';

export const agencyKinds = ['police', 'prosecutor', 'other'] as const;
export type AgencyKind = (typeof agencyKinds)[number];
export const agencyKindLabels: Record<AgencyKind, string> = {
  police: 'Polisen',
  prosecutor: 'Åklagare',
  other: 'Annan myndighet',
};

export const disclosureWays = ['oral', 'written'] as const;
export type DisclosureWay = (typeof disclosureWays)[number];
export const disclosureWayLabels: Record<DisclosureWay, string> = {
  oral: 'Muntligt',
  written: 'Skriftligt',
};

/** Where the adult stands on reporting the violence to the police: her decision, recorded. */
export const crimeReportDecisions = ['reported', 'will_report', 'undecided', 'declined'] as const;
export type CrimeReportDecision = (typeof crimeReportDecisions)[number];
export const crimeReportDecisionLabels: Record<CrimeReportDecision, string> = {
  reported: 'Har polisanmält',
  will_report: 'Vill polisanmäla',
  undecided: 'Har inte bestämt sig',
  declined: 'Vill inte polisanmäla',
};

/** A problem with what is recorded: the field it is about and a Swedish sentence. */
export interface AgencyDisclosureProblem {
  field: 'disclosedOn' | 'categories' | 'riskAssessmentId';
  message: string;
}

/**
 * What is wrong with a disclosure to an agency as it is recorded; none when it may be recorded. A risk assessment shared is information about the violence, so the
 * categories disclosed must say so; it cannot be shared before it was made.
 */
export function agencyDisclosureProblems(input: {
  disclosedOn: string;
  today: string;
  categories: readonly InformationCategory[];
  riskAssessment: { assessedOn: string } | null;
}): AgencyDisclosureProblem[] {
  const problems: AgencyDisclosureProblem[] = [];
  if (input.disclosedOn > input.today) {
    problems.push({
      field: 'disclosedOn',
      message: 'Ett utlämnande registreras när det är gjort, inte i förväg.',
    });
  }
  if (input.riskAssessment) {
    if (!input.categories.includes('violence')) {
      problems.push({
        field: 'categories',
        message:
          'En riskbedömning är uppgifter om våldet. Välj "Våldet och riskbedömningar" bland uppgifterna.',
      });
    }
    if (input.riskAssessment.assessedOn > input.disclosedOn) {
      problems.push({
        field: 'riskAssessmentId',
        message: 'Riskbedömningen gjordes efter dagen för utlämnandet.',
      });
    }
  }
  return problems;
}
