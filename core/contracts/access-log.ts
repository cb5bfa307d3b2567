import { z } from 'zod';
import { auditActions, auditPurposes } from '../audit/events.ts';
import type { AuditAction } from '../audit/events.ts';
import { roles } from '../policy/roles.ts';
import { defineContract } from './contract.ts';
import { int32, isoDate } from './input.ts';

export const AuditActionName = z.enum(Object.keys(auditActions) as [AuditAction, ...AuditAction[]]);

export const AccessLogEntry = z.object({
  seq: z.number().int(),
  occurredAt: z.iso.datetime(),
  actor: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  role: z.enum(roles).nullable(),
  unitName: z.string().nullable(),
  action: AuditActionName,
  /** How the access was justified. */
  purpose: z.enum(auditPurposes).nullable(),
  persons: z.array(z.object({ id: z.uuid(), displayName: z.string() })),
  caseIds: z.array(z.uuid()),
  involvesProtected: z.boolean(),
  emergency: z.boolean(),
  correlationId: z.string(),
  /** For a refused attempt (security.refused): which route answered what, and the policy's reason. */
  refusal: z.object({ route: z.string(), status: z.number().int(), reason: z.string() }).nullable(),
  /** For administration: whose account it concerned, and which role in which unit. */
  account: z
    .object({
      user: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
      role: z.enum(roles).nullable(),
      unitName: z.string().nullable(),
    })
    .nullable(),
});
export type AccessLogEntry = z.infer<typeof AccessLogEntry>;

/**
 * Loggkontroll: the manager's review of who read what in their unit. Accesses to protected
 * persons and every nödåtkomst come first, then the rest, newest first.
 */
export const searchAccessLog = defineContract({
  method: 'POST',
  path: '/api/access-log/search',
  readsOnly: true,
  body: z.strictObject({
    unitId: z.uuid(),
    userId: z.uuid().optional(),
    personId: z.uuid().optional(),
    action: AuditActionName.optional(),
    /** Only security events: refused attempts and failed logins. */
    securityOnly: z.boolean().optional(),
    from: isoDate().optional(),
    to: isoDate().optional(),
    limit: int32({ min: 1, max: 200 }).default(50),
  }),
  response: z.object({
    flagged: z.array(AccessLogEntry),
    entries: z.array(AccessLogEntry),
    truncated: z.boolean(),
  }),
});

export const EmergencyAccessItem = z.object({
  id: z.uuid(),
  user: z.object({ id: z.uuid(), displayName: z.string() }),
  person: z.object({ id: z.uuid(), displayName: z.string() }),
  reason: z.string(),
  startedAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  reviewedAt: z.iso.datetime().nullable(),
  reviewedBy: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  reviewNote: z.string().nullable(),
});
export type EmergencyAccessItem = z.infer<typeof EmergencyAccessItem>;

/** Nödåtkomst in the manager's unit, unreviewed first: visible the moment it starts. */
export const listEmergencyAccess = defineContract({
  method: 'GET',
  path: '/api/units/:unitId/emergency-access',
  params: z.strictObject({ unitId: z.uuid() }),
  response: z.object({ items: z.array(EmergencyAccessItem) }),
});

export const reviewEmergencyAccess = defineContract({
  method: 'POST',
  path: '/api/emergency-access/:id/review',
  params: z.strictObject({ id: z.uuid() }),
  body: z.strictObject({ note: z.string().trim().min(1, 'Skriv en kommentar.').max(2000) }),
  response: EmergencyAccessItem,
});

/** The unit's staff, for choosing whose activity to review in loggkontroll. */
export const listUnitMembers = defineContract({
  method: 'GET',
  path: '/api/units/:unitId/members',
  params: z.strictObject({ unitId: z.uuid() }),
  response: z.object({
    items: z.array(
      z.object({ id: z.uuid(), displayName: z.string(), roles: z.array(z.enum(roles)) }),
    ),
  }),
});
