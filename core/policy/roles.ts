/** The roles of the role table in the domain spec (§1). A user holds one or more per unit. */
export const roles = [
  'adult_caseworker',
  'children_caseworker',
  'out_of_hours',
  'provider',
  'unit_manager',
  'analyst',
  'administrator',
] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  adult_caseworker: 'Handläggare vuxen',
  children_caseworker: 'Handläggare barn och unga',
  out_of_hours: 'Socialjour',
  provider: 'Utförare',
  unit_manager: 'Enhetschef',
  analyst: 'Analytiker',
  administrator: 'Administratör',
};

/** Roles that handle cases and so can have a work relation to a person. */
export const caseworkerRoles: ReadonlySet<Role> = new Set([
  'adult_caseworker',
  'children_caseworker',
  'out_of_hours',
]);

export interface RoleGrant {
  unitId: string;
  role: Role;
}
