import { z } from 'zod';
import { roles } from '../policy/roles.ts';
import { delegableRoles, interventions } from '../domain/decisions.ts';
import { LegalCatalogue } from '../domain/legal-references.ts';
import { InterventionCatalogue, InterventionEntry } from '../domain/intervention-catalogue.ts';
import { handoverTargetGroups } from '../domain/handover.ts';
import type { HandoverTargetGroup } from '../domain/handover.ts';
import type { TargetGroup } from './persons.ts';
import { defineContract } from './contract.ts';
import { version } from './input.ts';

/** Administration: units, users and their roles. Nothing here returns case content. */

export const UnitKind = z.enum(['adult', 'children', 'out_of_hours', 'provider', 'management']);

export const Unit = z.object({ id: z.uuid(), name: z.string(), kind: UnitKind });
export type Unit = z.infer<typeof Unit>;

export const AdminUser = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  disabled: z.boolean(),
  secondFactor: z.enum(['enrolled', 'pending', 'not_required']),
  grants: z.array(z.object({ unitId: z.uuid(), unitName: z.string(), role: z.enum(roles) })),
  version: z.number().int(),
});
export type AdminUser = z.infer<typeof AdminUser>;

/** The two-person rule: a change that gives power over an account, waiting for a second person. */
export const adminRequestKinds = ['role_grant', 'login_reset'] as const;
export const adminRequestStatuses = ['pending', 'approved', 'rejected', 'withdrawn'] as const;

const Person = z.object({ id: z.uuid(), displayName: z.string() });

export const AdminRequest = z.object({
  id: z.uuid(),
  kind: z.enum(adminRequestKinds),
  targetUser: z.object({ id: z.uuid(), displayName: z.string(), username: z.string() }),
  unit: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  role: z.enum(roles).nullable(),
  requestedBy: Person,
  requestedAt: z.iso.datetime(),
  status: z.enum(adminRequestStatuses),
  decidedBy: Person.nullable(),
  decidedAt: z.iso.datetime().nullable(),
  decisionNote: z.string().nullable(),
  version: z.number().int(),
  /** What the reader may do with it, decided by the policy. */
  abilities: z.object({ decide: z.boolean(), withdraw: z.boolean() }),
});
export type AdminRequest = z.infer<typeof AdminRequest>;

export const listUnits = defineContract({
  method: 'GET',
  path: '/api/admin/units',
  response: z.object({ items: z.array(Unit) }),
});

export const createUnit = defineContract({
  method: 'POST',
  path: '/api/admin/units',
  body: z.strictObject({
    name: z.string().trim().min(2, 'Fyll i enhetens namn.').max(200),
    kind: UnitKind,
  }),
  response: Unit,
  successStatus: 201,
});

export const listUsers = defineContract({
  method: 'GET',
  path: '/api/admin/users',
  response: z.object({ items: z.array(AdminUser) }),
});

export const createUser = defineContract({
  method: 'POST',
  path: '/api/admin/users',
  body: z.strictObject({
    username: z
      .string()
      .trim()
      .toLowerCase()
      .regex(
        /^[a-z0-9._-]{2,64}$/,
        'Användarnamnet får ha 2–64 tecken: a–z, siffror, punkt, bindestreck.',
      ),
    displayName: z.string().trim().min(1, 'Fyll i namn.').max(200),
  }),
  /**
   * The account is created without a usable login: its first one-time password is a request
   * (returned here) that a second person approves — the one who created it never sees it.
   */
  response: z.object({ user: AdminUser, request: AdminRequest }),
  successStatus: 201,
});

export const setUserStatus = defineContract({
  method: 'POST',
  path: '/api/admin/users/:userId/status',
  params: z.strictObject({ userId: z.uuid() }),
  body: z.strictObject({ disabled: z.boolean(), version: version() }),
  response: AdminUser,
});

/**
 * For a forgotten password or a lost phone: asks for a new one-time password (the second factor
 * enrolled again at the next login, every session ended). Nothing happens until a second person
 * approves; the one-time password is shown to the approver only.
 */
export const resetLogin = defineContract({
  method: 'POST',
  path: '/api/admin/users/:userId/login-reset',
  params: z.strictObject({ userId: z.uuid() }),
  body: z.strictObject({ version: version() }),
  response: AdminRequest,
  successStatus: 201,
});

/** Asks for a role: it is given when a second person approves. */
export const grantRole = defineContract({
  method: 'POST',
  path: '/api/admin/users/:userId/roles',
  params: z.strictObject({ userId: z.uuid() }),
  body: z.strictObject({ unitId: z.uuid(), role: z.enum(roles) }),
  response: AdminRequest,
  successStatus: 201,
});

export const revokeRole = defineContract({
  method: 'DELETE',
  path: '/api/admin/users/:userId/roles/:unitId/:role',
  params: z.strictObject({ userId: z.uuid(), unitId: z.uuid(), role: z.enum(roles) }),
  response: AdminUser,
});

export const Delegation = z.object({
  unitId: z.uuid(),
  intervention: z.enum(interventions),
  role: z.enum(delegableRoles),
});

/** The delegation list: which role in which unit may decide which kind of insats. */
export const listDelegations = defineContract({
  method: 'GET',
  path: '/api/admin/delegations',
  response: z.object({ items: z.array(Delegation) }),
});

export const setDelegation = defineContract({
  method: 'PUT',
  path: '/api/admin/delegations',
  body: z.strictObject({
    unitId: z.uuid(),
    intervention: z.enum(interventions),
    role: z.enum(delegableRoles),
    granted: z.boolean(),
  }),
  response: z.object({ items: z.array(Delegation) }),
});

const HandoverTargetGroup = z.enum(handoverTargetGroups);
// Compile-time check: the handover's target groups are the cases' target groups, both ways.
const _everyTargetGroupHandedOver: readonly HandoverTargetGroup[] = [] as TargetGroup[];
const _everyHandoverGroupATargetGroup: readonly TargetGroup[] = [] as HandoverTargetGroup[];
const hour = z.number().int().min(0).max(23);

/**
 * Which day unit takes over socialjour's night and weekend matters (core/domain/handover.ts): a
 * unit per target group, the default unit, the children's unit for a child whatever the target
 * group (null: by target group), and socialjour's night.
 */
export const HandoverRulesView = z.object({
  rules: z.array(z.object({ targetGroup: HandoverTargetGroup, unitId: z.uuid() })),
  /** Null until an administrator sets the rules: nothing is then handed over. */
  defaultUnitId: z.uuid().nullable(),
  childUnitId: z.uuid().nullable(),
  nightStartsHour: hour,
  nightEndsHour: hour,
  version: z.number().int().nullable(),
});

export const getHandoverRules = defineContract({
  method: 'GET',
  path: '/api/admin/handover-rules',
  response: HandoverRulesView,
});

export const setHandoverRules = defineContract({
  method: 'PUT',
  path: '/api/admin/handover-rules',
  body: z.strictObject({
    rules: z
      .array(z.strictObject({ targetGroup: HandoverTargetGroup, unitId: z.uuid() }))
      .max(handoverTargetGroups.length),
    defaultUnitId: z.uuid(),
    childUnitId: z.uuid().nullable(),
    nightStartsHour: hour,
    nightEndsHour: hour,
  }),
  response: HandoverRulesView,
});

export const LegalCatalogueView = LegalCatalogue.extend({
  active: z.boolean(),
  loadedAt: z.iso.datetime(),
});

/** The legal catalogues loaded, the one in force marked active. */
export const listLegalCatalogues = defineContract({
  method: 'GET',
  path: '/api/admin/legal-catalogues',
  response: z.object({ items: z.array(LegalCatalogueView) }),
});

/** Load a catalogue (e.g. the numbering of Socialtjänstlagen 2025:400); not in force until activated. */
export const importLegalCatalogue = defineContract({
  method: 'POST',
  path: '/api/admin/legal-catalogues',
  body: LegalCatalogue,
  response: LegalCatalogueView,
  successStatus: 201,
});

export const activateLegalCatalogue = defineContract({
  method: 'POST',
  path: '/api/admin/legal-catalogues/:catalogueId/activation',
  params: z.strictObject({ catalogueId: z.string().regex(/^[a-z0-9-]{3,40}$/) }),
  response: z.object({ items: z.array(LegalCatalogueView) }),
});

/** Every pending request, then the latest decided ones. Never carries a password. */
export const listAdminRequests = defineContract({
  method: 'GET',
  path: '/api/admin/requests',
  response: z.object({ items: z.array(AdminRequest) }),
});

/** The requests that concern a unit, for its manager: its roles, and its staff's logins. */
export const listUnitAdminRequests = defineContract({
  method: 'GET',
  path: '/api/units/:unitId/admin-requests',
  params: z.strictObject({ unitId: z.uuid() }),
  response: z.object({ items: z.array(AdminRequest) }),
});

const RequestParams = z.strictObject({ requestId: z.uuid() });

/**
 * Approve: the change is made in the same transaction. For a login, the answer carries the new
 * one-time password — to the approver only, once, to be handed over in person.
 */
export const approveAdminRequest = defineContract({
  method: 'POST',
  path: '/api/admin/requests/:requestId/approval',
  params: RequestParams,
  body: z.strictObject({ version: version() }),
  response: z.object({ request: AdminRequest, initialPassword: z.string().nullable() }),
});

export const rejectAdminRequest = defineContract({
  method: 'POST',
  path: '/api/admin/requests/:requestId/rejection',
  params: RequestParams,
  body: z.strictObject({
    version: version(),
    note: z.string().trim().max(2000).optional(),
  }),
  response: AdminRequest,
});

/** The one who asked takes the request back. */
export const withdrawAdminRequest = defineContract({
  method: 'POST',
  path: '/api/admin/requests/:requestId/withdrawal',
  params: RequestParams,
  body: z.strictObject({ version: version() }),
  response: AdminRequest,
});

export const InterventionCatalogueView = z.object({
  id: z.string(),
  name: z.string(),
  version: z.number().int(),
  entries: z.array(InterventionEntry),
  active: z.boolean(),
  loadedAt: z.iso.datetime(),
});

/** The insatser catalogues loaded (core/domain/intervention-catalogue.ts), the one in force marked. */
export const listInterventionCatalogues = defineContract({
  method: 'GET',
  path: '/api/admin/intervention-catalogues',
  response: z.object({ items: z.array(InterventionCatalogueView) }),
});

/**
 * Load a version of the insatser catalogue — other names, target groups or delegation — not in
 * force until activated. Every insats code appears exactly once; a service has no delegation.
 */
export const importInterventionCatalogue = defineContract({
  method: 'POST',
  path: '/api/admin/intervention-catalogues',
  body: InterventionCatalogue,
  response: InterventionCatalogueView,
  successStatus: 201,
});

export const activateInterventionCatalogue = defineContract({
  method: 'POST',
  path: '/api/admin/intervention-catalogues/:catalogueId/activation',
  params: z.strictObject({ catalogueId: z.string().regex(/^[a-z0-9-]{3,40}$/) }),
  response: z.object({ items: z.array(InterventionCatalogueView) }),
});
