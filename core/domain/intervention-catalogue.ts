import { z } from 'zod';
import { int32 } from '../contracts/input.ts';
import type { Role } from '../policy/roles.ts';
import { handoverTargetGroups } from './handover.ts';

/**
 * The insatser catalogue (issue 13 item 4), kept like the legal catalogue: the insats codes are a
 * closed set in code — each code has its rules written in code (core/domain/intervention-rules.ts,
 * decisions.ts) — and the catalogue is data: per code its Swedish name, the target groups it
 * serves, whether it is a service (serviceinsats, given without a beslut — råd och stöd) or
 * bistånd (needs a beslut, 4 kap. 1 § SoL), which roles may hold delegation to decide it, whether
 * it may be decided acutely before kommunicering, and whether a beslut on it may run open-ended.
 * A municipality loads its own version (other names, target groups, delegation) without a code
 * change; the one in force is read per request [domain.md §3.5; 000 3; 001 Insatser].
 */
export const interventions = [
  'shelter',
  'temporary_housing',
  'financial_assistance',
  'support_sessions',
  'advice_and_support',
  'partner_contact',
  'practical_support',
  'parenting_support',
  'other_assistance',
] as const;
export type Intervention = (typeof interventions)[number];

/** Roles that can appear on the delegation list: those who handle or lead case work. */
export const delegableRoles = [
  'adult_caseworker',
  'children_caseworker',
  'out_of_hours',
  'unit_manager',
] as const satisfies readonly Role[];
export type DelegableRole = (typeof delegableRoles)[number];

/** The target groups of a case (core/contracts/persons.ts TargetGroup), as the catalogue names them. */
export const catalogueTargetGroups = handoverTargetGroups;
export type CatalogueTargetGroup = (typeof catalogueTargetGroups)[number];

export const InterventionEntry = z.strictObject({
  code: z.enum(interventions),
  /** As shown to users, e.g. "Skyddat boende". */
  name: z.string().trim().min(2).max(100),
  targetGroups: z.array(z.enum(catalogueTargetGroups)).min(1),
  /** 'service': given without a beslut; 'assistance': bistånd, decided by a beslut. */
  kind: z.enum(['service', 'assistance']),
  /** The roles a unit may give delegation to decide it; none for a service. */
  delegation: z.array(z.enum(delegableRoles)),
  /** It may be decided at once, before kommunicering, because the need cannot wait (25 § FL). */
  acute: z.boolean(),
  /** A beslut may run without a t.o.m. date. */
  openEnded: z.boolean(),
});
export type InterventionEntry = z.infer<typeof InterventionEntry>;

export const InterventionCatalogue = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9-]{3,40}$/),
    name: z.string().trim().min(3).max(200),
    version: int32({ min: 1 }),
    entries: z.array(InterventionEntry),
  })
  .superRefine((catalogue, ctx) => {
    interventions.forEach((code) => {
      const count = catalogue.entries.filter((e) => e.code === code).length;
      if (count !== 1) {
        ctx.addIssue({
          code: 'custom',
          path: ['entries'],
          message:
            count === 0
              ? `Katalogen saknar insatsen ${code}.`
              : `Insatsen ${code} finns flera gånger i katalogen.`,
        });
      }
    });
    catalogue.entries.forEach((e, i) => {
      if (e.kind === 'service' && (e.delegation.length > 0 || e.acute)) {
        ctx.addIssue({
          code: 'custom',
          path: ['entries', i],
          message: `${e.name} är en serviceinsats: den beslutas inte och har ingen delegation.`,
        });
      }
    });
  });
export type InterventionCatalogue = z.infer<typeof InterventionCatalogue>;

const adultGroups = [
  'victim',
  'honour_violence',
  'prostitution',
  'trafficking',
  'sexual_violence',
] as const satisfies readonly CatalogueTargetGroup[];
const adultDeciders = [
  'adult_caseworker',
  'out_of_hours',
  'unit_manager',
] as const satisfies readonly DelegableRole[];

/**
 * The catalogue Värn ships with, from the sources' table of insatser [domain.md §3.5]. Skyddat
 * boende serves children too: since 2024-04-01 an accompanying child's stay is the child's own
 * beslut, taken by the children's unit [003 Bilaga 3].
 */
export const defaultInterventionCatalogue: InterventionCatalogue = {
  id: 'varn-insatser-1',
  name: 'Värns insatskatalog',
  version: 1,
  entries: [
    {
      code: 'shelter',
      name: 'Skyddat boende',
      targetGroups: [...adultGroups, 'child'],
      kind: 'assistance',
      delegation: [...delegableRoles],
      acute: true,
      openEnded: false,
    },
    {
      code: 'temporary_housing',
      name: 'Tillfälligt boende',
      targetGroups: [...adultGroups, 'perpetrator'],
      kind: 'assistance',
      delegation: [...adultDeciders],
      acute: true,
      openEnded: false,
    },
    {
      code: 'financial_assistance',
      name: 'Ekonomiskt bistånd',
      targetGroups: [...adultGroups, 'perpetrator'],
      kind: 'assistance',
      delegation: [...adultDeciders],
      acute: true,
      openEnded: false,
    },
    {
      code: 'support_sessions',
      name: 'Stödsamtal',
      targetGroups: [...adultGroups, 'perpetrator', 'child'],
      kind: 'assistance',
      delegation: ['adult_caseworker', 'children_caseworker', 'out_of_hours', 'unit_manager'],
      acute: false,
      openEnded: true,
    },
    {
      code: 'advice_and_support',
      name: 'Råd och stöd',
      targetGroups: [...adultGroups, 'perpetrator', 'child'],
      kind: 'service',
      delegation: [],
      acute: false,
      openEnded: true,
    },
    {
      code: 'partner_contact',
      name: 'Partnerkontakt',
      targetGroups: [...adultGroups],
      kind: 'assistance',
      delegation: ['adult_caseworker', 'unit_manager'],
      acute: false,
      openEnded: true,
    },
    {
      code: 'practical_support',
      name: 'Praktiskt stöd',
      targetGroups: [...adultGroups, 'perpetrator', 'child'],
      kind: 'assistance',
      delegation: [...delegableRoles],
      acute: false,
      openEnded: true,
    },
    {
      code: 'parenting_support',
      name: 'Föräldrastöd',
      targetGroups: [...adultGroups, 'perpetrator'],
      kind: 'assistance',
      delegation: [...delegableRoles],
      acute: false,
      openEnded: true,
    },
    {
      code: 'other_assistance',
      name: 'Annat bistånd',
      targetGroups: [...adultGroups, 'perpetrator', 'child'],
      kind: 'assistance',
      delegation: [...delegableRoles],
      acute: false,
      openEnded: true,
    },
  ],
};

/** The catalogue's entry for a code (a parsed catalogue has every code exactly once). */
export function entryOf(catalogue: InterventionCatalogue, code: Intervention): InterventionEntry {
  const entry = catalogue.entries.find((e) => e.code === code);
  if (!entry) throw new Error(`the insats ${code} is not in the catalogue`);
  return entry;
}

/** The Swedish name of each insats in a catalogue. */
export const interventionNames = (catalogue: InterventionCatalogue): Record<Intervention, string> =>
  Object.fromEntries(interventions.map((code) => [code, entryOf(catalogue, code).name])) as Record<
    Intervention,
    string
  >;

/** Why no beslut is taken on a service, as a Swedish sentence; null for bistånd. */
export function serviceRefusal(
  catalogue: InterventionCatalogue,
  code: Intervention,
): string | null {
  const entry = entryOf(catalogue, code);
  return entry.kind === 'service'
    ? `${entry.name} är en serviceinsats som ges utan biståndsbeslut. Registrera den som samtal i stället för att fatta beslut.`
    : null;
}

/**
 * Why the catalogue does not let a beslut on the insats be taken in a case of the target group,
 * as a Swedish sentence; null when it does. A service is given without a beslut; an insats that
 * does not serve the target group is not decided in that case.
 */
export function catalogueRefusal(
  catalogue: InterventionCatalogue,
  code: Intervention,
  targetGroup: CatalogueTargetGroup,
): string | null {
  const entry = entryOf(catalogue, code);
  const service = serviceRefusal(catalogue, code);
  if (service) return service;
  if (!entry.targetGroups.includes(targetGroup)) {
    return `${entry.name} ges inte till målgruppen i det här ärendet enligt insatskatalogen. Välj en insats som katalogen har för målgruppen.`;
  }
  return null;
}

/** Whether a role may hold delegation for the insats, by the catalogue. */
export const delegableFor = (
  catalogue: InterventionCatalogue,
  code: Intervention,
  role: DelegableRole,
): boolean => entryOf(catalogue, code).delegation.includes(role);
