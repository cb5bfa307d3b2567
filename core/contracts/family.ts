import { z } from 'zod';
import { counterpartRelations } from '../domain/counterparts.ts';
import { defineContract } from './contract.ts';
import { DeadlineView, Phase } from './cases.ts';
import { PersonSummary, RelationKind, TargetGroup } from './persons.ts';

/**
 * The family around a case, "Familjen" (issue 14): the persons related to the case's person and
 * their cases as far as the reader may know of each (core/policy/rules/family.ts) — unit,
 * handläggare, phase and open deadlines, to coordinate and to call, never a word of that file's
 * content.
 */

/** One open case of a related person, as far as the reader may know of it. */
export const RelatedCase = z.object({
  unitName: z.string(),
  targetGroup: TargetGroup,
  phase: Phase,
  /** Whom to call: the handläggare's name, or null while the case is in the unit's inkorg. */
  handlaggare: z.string().nullable(),
  /** Open deadlines, without where an insats is carried out. */
  deadlines: z.array(DeadlineView.omit({ place: true })),
});
export type RelatedCase = z.infer<typeof RelatedCase>;

export const FamilyMember = z.object({
  /** Stable within one answer, for lists; carries no id of a masked person. */
  key: z.string(),
  /**
   * How the case's file knows the person: a relation that holds, a child of the household, a
   * counterpart her file records, or — only to a reader who may open that file — the other's file
   * naming the case's person.
   */
  source: z.enum(['relation', 'household', 'counterpart', 'linked']),
  /** The relation from the case's person's side (a household child is 'household_child'). */
  relation: z.union([RelationKind, z.enum(counterpartRelations), z.literal('household_child')]),
  /**
   * The person by name, masked ("Skyddad person") where the reader may not know them, or null
   * for a counterpart (named as her file records it, in `name`).
   */
  person: z.union([PersonSummary, z.object({ masked: z.literal(true) })]).nullable(),
  /** A counterpart's name or description as the case's file records it. */
  name: z.string().nullable(),
  /**
   * A vårdnadshavare of the case's child: 'masked' when the guardian uses violence and the child
   * is protected from them (core/domain/guardians.ts).
   */
  guardian: z.enum(['no', 'yes', 'masked']),
  /** The person's open cases here, where the reader may know of them; else empty. */
  cases: z.array(RelatedCase),
});
export type FamilyMember = z.infer<typeof FamilyMember>;

export const FamilyView = z.object({
  caseId: z.uuid(),
  person: PersonSummary,
  targetGroup: TargetGroup,
  members: z.array(FamilyMember),
  /** Children of the household without an orosanmälan yet (the duty is met on the case page). */
  openChildReportDuties: z.number().int().nonnegative(),
  abilities: z.object({
    /** Register an orosanmälan: the child-report step of the case. */
    childReport: z.boolean(),
  }),
});
export type FamilyView = z.infer<typeof FamilyView>;

export const getFamily = defineContract({
  method: 'GET',
  path: '/api/cases/:caseId/family',
  params: z.strictObject({ caseId: z.uuid() }),
  response: FamilyView,
});
