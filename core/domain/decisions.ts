/**
 * Beslut on requested insatser: who may take them (the delegation list) and what each must carry.
 * A decision that refuses anything — avslag or delvis bifall — carries överklagandehänvisning. A
 * decision is never edited: a rättelse (36 § FL, an obvious error) or an ändring (37–39 §§ FL)
 * is a new version with who, when and why, and the original stays.
 *
 * Pure: the delegation list and the actor's roles come in as arguments.
 */
import type { Role, RoleGrant } from '../policy/roles.ts';

export const interventions = [
  'shelter',
  'temporary_housing',
  'financial_assistance',
  'support_sessions',
  'other_assistance',
] as const;
export type Intervention = (typeof interventions)[number];

export const interventionLabels: Record<Intervention, string> = {
  shelter: 'Skyddat boende',
  temporary_housing: 'Tillfälligt boende',
  financial_assistance: 'Ekonomiskt bistånd',
  support_sessions: 'Stödsamtal',
  other_assistance: 'Annat bistånd',
};

export type Outcome = 'granted' | 'partly_granted' | 'refused';

export const outcomeLabels: Record<Outcome, string> = {
  granted: 'Bifall',
  partly_granted: 'Delvis bifall',
  refused: 'Avslag',
};

/** Roles that can appear on the delegation list: those who handle or lead case work. */
export const delegableRoles = [
  'adult_caseworker',
  'children_caseworker',
  'out_of_hours',
  'unit_manager',
] as const satisfies readonly Role[];
export type DelegableRole = (typeof delegableRoles)[number];

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
