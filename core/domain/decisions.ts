/**
 * Beslut on requested insatser: who may take them (the delegation list) and what each must carry.
 * A decision that refuses anything — avslag or delvis bifall — carries överklagandehänvisning. A
 * decision is never edited: a rättelse (36 § FL, an obvious error) or an ändring (37–39 §§ FL)
 * is a new version with who, when and why, and the original stays.
 *
 * Pure: the delegation list and the actor's roles come in as arguments.
 */
import type { Role, RoleGrant } from '../policy/roles.ts';
import { addDays } from './calendar.ts';
import {
  defaultInterventionCatalogue,
  entryOf,
  interventionNames,
  interventions,
} from './intervention-catalogue.ts';
import type {
  DelegableRole,
  Intervention,
  InterventionCatalogue,
} from './intervention-catalogue.ts';

export { delegableRoles, interventions } from './intervention-catalogue.ts';
export type { DelegableRole, Intervention } from './intervention-catalogue.ts';

/** The names in the catalogue Värn ships with; screens use the catalogue in force. */
export const interventionLabels: Record<Intervention, string> = interventionNames(
  defaultInterventionCatalogue,
);

/**
 * What each insats allows, from the insatser catalogue (core/domain/intervention-catalogue.ts):
 * - `acute`: it may be decided at once, before kommunicering, because the need cannot wait — a
 *   place in skyddat boende tonight, a roof, money for food and a ticket — under 25 § FL; the
 *   utredning follows [002 Dialog med socialstyrelsen; 000 3.1.3.2, 3.1.4].
 * - `openEnded`: a beslut may run without a t.o.m. date. Housing and money are decided for a
 *   stated time and then followed up; counselling may run until it ends.
 */
export interface InterventionRule {
  acute: boolean;
  openEnded: boolean;
}

/** The rules of each insats in a catalogue. */
export const interventionRulesOf = (
  catalogue: InterventionCatalogue,
): Record<Intervention, InterventionRule> =>
  Object.fromEntries(
    interventions.map((code) => {
      const { acute, openEnded } = entryOf(catalogue, code);
      return [code, { acute, openEnded }];
    }),
  ) as Record<Intervention, InterventionRule>;

/** The rules in the catalogue Värn ships with. */
export const interventionRules: Record<Intervention, InterventionRule> = interventionRulesOf(
  defaultInterventionCatalogue,
);

/** Whether a beslut on the insats may be taken acutely, before kommunicering. */
export const mayDecideAcutely = (
  intervention: Intervention,
  catalogue: InterventionCatalogue = defaultInterventionCatalogue,
): boolean => {
  const entry = entryOf(catalogue, intervention);
  return entry.kind === 'assistance' && entry.acute;
};

/** The insatser that may be decided acutely, in the catalogue's order. */
export const acuteInterventionsOf = (catalogue: InterventionCatalogue): Intervention[] =>
  interventions.filter((i) => mayDecideAcutely(i, catalogue));

/** The acute insatser of the catalogue Värn ships with. */
export const acuteInterventions: readonly Intervention[] = acuteInterventionsOf(
  defaultInterventionCatalogue,
);

export type Outcome = 'granted' | 'partly_granted' | 'refused';

export const outcomeLabels: Record<Outcome, string> = {
  granted: 'Bifall',
  partly_granted: 'Delvis bifall',
  refused: 'Avslag',
};

export interface DelegationRow {
  unitId: string;
  intervention: Intervention;
  role: DelegableRole;
}

/** The role under which the actor may take this decision in the unit, if the list allows one. */
export function delegatedRole(
  grants: readonly RoleGrant[],
  delegations: readonly DelegationRow[],
  unitId: string,
  intervention: Intervention,
): Role | undefined {
  return grants.find(
    (g) =>
      g.unitId === unitId &&
      delegations.some(
        (d) => d.unitId === unitId && d.intervention === intervention && d.role === g.role,
      ),
  )?.role;
}

/** The time a beslut grants its insats: fr.o.m. and t.o.m. ('YYYY-MM-DD'); t.o.m. null when open-ended. */
export interface Period {
  from: string;
  to: string | null;
}

/**
 * How many days before today an acute beslut may start: a placement made on Friday night is
 * often written down on Saturday or, by the day unit, on Monday; further back it is no longer
 * an acute decision but an ordinary one.
 */
export const ACUTE_BACKDATING_DAYS = 3;

export interface PeriodProblem {
  /** Where in the beslut: the period as a whole, or one of its dates. */
  path: 'period' | 'period.from' | 'period.to';
  message: string;
}

/**
 * What is wrong with a beslut's period, in Swedish per field; none when it is right. A beslut
 * that grants anything carries its period; an avslag grants nothing and has none. T.o.m. is
 * never before fr.o.m.; it may be left open only where the insats allows it, never on an acute
 * beslut (it must say until when, since the utredning is still to come); an acute beslut starts
 * at most {@link ACUTE_BACKDATING_DAYS} days back.
 */
export function periodProblems(
  decision: {
    intervention: Intervention | null;
    outcome: Outcome | null;
    period: Period | null;
    acute: boolean;
    today: string;
  },
  catalogue: InterventionCatalogue = defaultInterventionCatalogue,
): PeriodProblem[] {
  const { intervention, outcome, period, acute, today } = decision;
  if (outcome === 'refused') {
    return period === null
      ? []
      : [{ path: 'period', message: 'Ett avslag beviljar ingen insats och har ingen period.' }];
  }
  if (period === null) {
    return [{ path: 'period.from', message: 'Ange från och med vilket datum beslutet gäller.' }];
  }
  const problems: PeriodProblem[] = [];
  if (acute && period.from < addDays(today, -ACUTE_BACKDATING_DAYS)) {
    problems.push({
      path: 'period.from',
      message: `Ett akut beslut kan gälla från högst ${ACUTE_BACKDATING_DAYS} dagar bakåt. Ange ett senare datum, eller fatta ett ordinarie beslut.`,
    });
  }
  if (period.to === null) {
    if (acute) {
      problems.push({
        path: 'period.to',
        message: 'Ett akut beslut gäller till ett visst datum. Ange till och med vilket datum.',
      });
    } else if (intervention !== null && !entryOf(catalogue, intervention).openEnded) {
      problems.push({
        path: 'period.to',
        message: `Beslut om ${entryOf(catalogue, intervention).name.toLowerCase()} gäller för en bestämd tid. Ange till och med vilket datum.`,
      });
    }
  } else if (period.to < period.from) {
    problems.push({
      path: 'period.to',
      message: 'Till och med-datumet kan inte ligga före från och med-datumet.',
    });
  }
  return problems;
}

/** Whether a granted period covers the day: the insats is running. */
export const periodCovers = (period: Period, day: string): boolean =>
  period.from <= day && (period.to === null || day <= period.to);

/** A decision that refuses, wholly or in part, can be appealed: the person must be told how. */
export const needsAppealInstructions = (outcome: Outcome): boolean => outcome !== 'granted';

/** The standard överklagandehänvisning, with the paragraph from the legal catalogue in force. */
export function appealInstructions(appealReference: string): string {
  return (
    `Du kan överklaga beslutet till förvaltningsrätten (${appealReference}). ` +
    'Skicka överklagandet till socialtjänsten inom tre veckor från den dag du fick del av beslutet. ' +
    'Skriv vilket beslut du överklagar, hur du vill att det ska ändras och varför. ' +
    'Socialtjänsten prövar först om beslutet kan ändras och skickar annars överklagandet vidare. ' +
    'Du kan få hjälp att skriva överklagandet av din handläggare.'
  );
}
