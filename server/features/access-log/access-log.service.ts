import type { ActionContext } from '../../http/action-context.ts';
import { sql } from 'kysely';
import type { z } from 'zod';
import type {
  AccessLogEntry,
  EmergencyAccessItem,
  searchAccessLog as searchContract,
} from '../../../core/contracts/access-log.ts';
import { securityActions } from '../../../core/audit/events.ts';
import type { AuditAction } from '../../../core/audit/events.ts';
import { can } from '../../../core/policy/policy.ts';
import { roles } from '../../../core/policy/roles.ts';
import type { Role } from '../../../core/policy/roles.ts';
import { execute, noFacts } from '../../command.ts';
import type { Trx } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { enforce } from '../../http/context.ts';
import { responsibleUnitsOf, unitsResponsibleFor } from '../../case-kernel/responsible-units.ts';
import type { ServiceDeps } from '../../service-deps.ts';

const displayName = (p: { given_name: string; family_name: string }) =>
  `${p.given_name} ${p.family_name}`;

async function personNames(trx: Trx, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await trx
    .selectFrom('person')
    .select(['id', 'given_name', 'family_name'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, displayName(r)]));
}

/** What a security.refused row says about the refusal (details written by audit/refusals.ts). */
function refusalOf(details: unknown): AccessLogEntry['refusal'] {
  const d = (typeof details === 'object' && details !== null ? details : {}) as Record<
    string,
    unknown
  >;
  return {
    route: typeof d.route === 'string' ? d.route : '',
    status: typeof d.status === 'number' ? d.status : 0,
    reason: typeof d.reason === 'string' ? d.reason : '',
  };
}

const detail = (details: Record<string, unknown>, key: string) =>
  typeof details[key] === 'string' ? details[key] : null;

/**
 * For administration rows: the account, role and unit the details name (ids only, as recorded),
 * turned into names. Colleagues and units, never a client.
 */
async function accountNames(
  trx: Trx,
  rows: readonly { action: string; details: Record<string, unknown> }[],
) {
  const admin = rows.filter((r) => r.action.startsWith('admin.'));
  const userIds = [...new Set(admin.flatMap((r) => detail(r.details, 'userId') ?? []))];
  const unitIds = [...new Set(admin.flatMap((r) => detail(r.details, 'unitId') ?? []))];
  const users = userIds.length
    ? await trx
        .selectFrom('app_user')
        .select(['id', 'display_name'])
        .where('id', 'in', userIds)
        .execute()
    : [];
  const units = unitIds.length
    ? await trx.selectFrom('unit').select(['id', 'name']).where('id', 'in', unitIds).execute()
    : [];
  const userName = new Map(users.map((u) => [u.id, u.display_name]));
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  return (r: { action: string; details: Record<string, unknown> }): AccessLogEntry['account'] => {
    if (!r.action.startsWith('admin.')) return null;
    const userId = detail(r.details, 'userId');
    const unitId = detail(r.details, 'unitId');
    const role = detail(r.details, 'role');
    const name = userId ? userName.get(userId) : undefined;
    if (!name && !unitId && !role) return null;
    return {
      user: userId && name ? { id: userId, displayName: name } : null,
      role: (roles as readonly string[]).includes(role ?? '') ? (role as Role) : null,
      unitName: unitId ? (unitName.get(unitId) ?? null) : null,
    };
  };
}

/**
 * Loggkontroll for one unit: what the unit's staff did, and what anyone did in the unit's name,
 * so that a former member's accesses stay reviewable after their role is taken away. Accesses
 * to protected persons and every nödåtkomst form their own list, shown first; both newest first.
 * Reading the log is itself personal data (it names persons), so it is audited too.
 */
export function searchAccessLog(
  deps: ServiceDeps,
  ctx: ActionContext,
  body: z.infer<typeof searchContract.body>,
) {
  return execute(deps, ctx, {
    action: 'access_log.read',
    load: noFacts,
    authorize: (actor) => can(actor, 'accessLog.review', { unitId: body.unitId }),
    run: async (trx) => {
      const query = (flagged: boolean) => {
        let q = trx
          .selectFrom('audit_event')
          .leftJoin('app_user', 'app_user.id', 'audit_event.actor_user_id')
          .leftJoin('unit', 'unit.id', 'audit_event.actor_unit_id')
          .select([
            'audit_event.seq',
            'audit_event.occurred_at',
            'audit_event.actor_user_id',
            'app_user.display_name',
            'audit_event.actor_role',
            'unit.name as unit_name',
            'audit_event.action',
            'audit_event.purpose',
            'audit_event.person_ids',
            'audit_event.case_ids',
            'audit_event.involves_protected',
            'audit_event.emergency',
            'audit_event.correlation_id',
            'audit_event.details',
          ])
          // What was done in the unit's name, by anyone — someone who has since left included —
          // everything done by the unit's present staff (their logins and searches too), and every
          // refused attempt the unit reviews (by its staff then, or about persons it is responsible for).
          .where((eb) =>
            eb.or([
              eb('audit_event.actor_unit_id', '=', body.unitId),
              eb('audit_event.actor_user_id', 'in', (sub) =>
                sub.selectFrom('user_role').select('user_id').where('unit_id', '=', body.unitId),
              ),
              sql<boolean>`audit_event.action = 'security.refused' and audit_event.details -> 'reviewUnitIds' @> ${JSON.stringify([body.unitId])}::jsonb`,
              // Administration concerning the unit, by whoever did it: roles in the unit asked for,
              // approved, rejected, given and taken, and the accounts of its present staff.
              eb.and([
                eb('audit_event.action', 'like', 'admin.%'),
                eb.or([
                  eb(sql<string>`audit_event.details ->> 'unitId'`, '=', body.unitId),
                  eb(sql<string>`audit_event.details ->> 'userId'`, 'in', (sub) =>
                    sub
                      .selectFrom('user_role')
                      .select(sql<string>`user_id::text`.as('user_id'))
                      .where('unit_id', '=', body.unitId),
                  ),
                ]),
              ]),
            ]),
          );
        if (body.securityOnly) q = q.where('audit_event.action', 'in', [...securityActions]);
        q = flagged
          ? q.where((eb) =>
              eb.or([
                eb('audit_event.involves_protected', '=', true),
                eb('audit_event.emergency', '=', true),
              ]),
            )
          : q
              .where('audit_event.involves_protected', '=', false)
              .where('audit_event.emergency', '=', false);
        if (body.userId) q = q.where('audit_event.actor_user_id', '=', body.userId);
        if (body.personId)
          q = q.where(sql<boolean>`audit_event.person_ids @> array[${body.personId}]::uuid[]`);
        if (body.action) q = q.where('audit_event.action', '=', body.action);
        if (body.from)
          q = q.where(
            sql<boolean>`(audit_event.occurred_at at time zone 'Europe/Stockholm')::date >= ${body.from}::date`,
          );
        if (body.to)
          q = q.where(
            sql<boolean>`(audit_event.occurred_at at time zone 'Europe/Stockholm')::date <= ${body.to}::date`,
          );
        return q
          .orderBy('audit_event.seq', 'desc')
          .limit(body.limit + 1)
          .execute();
      };
      const [flaggedRows, otherRows] = [await query(true), await query(false)];
      const rows = [...flaggedRows.slice(0, body.limit), ...otherRows.slice(0, body.limit)];
      const names = await personNames(
        trx,
        rows.flatMap((r) => r.person_ids),
      );
      // A refused attempt may name a person the unit has nothing to do with: named only if the
      // person has a case in the unit, so that the log never tells the manager who else exists.
      const refusedIds = rows
        .filter((r) => r.action === 'security.refused')
        .flatMap((r) => r.person_ids);
      const inUnit = new Set(
        refusedIds.length === 0
          ? []
          : (
              await trx
                .selectFrom('case')
                .select('person_id')
                .where('unit_id', '=', body.unitId)
                .where('person_id', 'in', [...new Set(refusedIds)])
                .execute()
            ).map((r) => r.person_id),
      );
      const personName = (r: (typeof rows)[number], id: string) =>
        r.action === 'security.refused' && !inUnit.has(id)
          ? 'Person utanför enheten'
          : (names.get(id) ?? 'Okänd person');
      const accounts = await accountNames(trx, rows);
      const toEntry = (r: (typeof rows)[number]): AccessLogEntry => ({
        seq: r.seq,
        occurredAt: r.occurred_at.toISOString(),
        actor:
          r.actor_user_id && r.display_name
            ? { id: r.actor_user_id, displayName: r.display_name }
            : null,
        // The audit table stores what recordAudit was given: a role and a purpose from these enums.
        role: r.actor_role as AccessLogEntry['role'],
        unitName: r.unit_name,
        action: r.action as AuditAction,
        purpose: r.purpose as AccessLogEntry['purpose'],
        persons: r.person_ids.map((id) => ({ id, displayName: personName(r, id) })),
        caseIds: r.case_ids,
        involvesProtected: r.involves_protected,
        emergency: r.emergency,
        correlationId: r.correlation_id,
        refusal: r.action === 'security.refused' ? refusalOf(r.details) : null,
        account: accounts(r),
      });
      return {
        result: {
          flagged: flaggedRows.slice(0, body.limit).map(toEntry),
          entries: otherRows.slice(0, body.limit).map(toEntry),
          truncated: flaggedRows.length > body.limit || otherRows.length > body.limit,
        },
        audit: {
          // The persons the log showed by name.
          personIds: rows.flatMap((r) =>
            r.person_ids.filter((id) => names.has(id) && personName(r, id) === names.get(id)),
          ),
          purpose: 'review',
          details: { unitId: body.unitId, rows: rows.length },
        },
      };
    },
  });
}

function emergencyQuery(trx: Trx) {
  return trx
    .selectFrom('emergency_access')
    .innerJoin('app_user as used_by', 'used_by.id', 'emergency_access.user_id')
    .innerJoin('person', 'person.id', 'emergency_access.person_id')
    .leftJoin('app_user as reviewer', 'reviewer.id', 'emergency_access.reviewed_by')
    .select([
      'emergency_access.id',
      'emergency_access.unit_id',
      'emergency_access.user_id',
      'used_by.display_name as user_name',
      'emergency_access.person_id',
      'person.given_name',
      'person.family_name',
      'emergency_access.reason',
      'emergency_access.started_at',
      'emergency_access.expires_at',
      'emergency_access.reviewed_at',
      'emergency_access.reviewed_by',
      'reviewer.display_name as reviewer_name',
      'emergency_access.review_note',
    ]);
}

type EmergencyRow = Awaited<ReturnType<ReturnType<typeof emergencyQuery>['execute']>>[number];

const toItem = (r: EmergencyRow): EmergencyAccessItem => ({
  id: r.id,
  user: { id: r.user_id, displayName: r.user_name },
  person: { id: r.person_id, displayName: displayName(r) },
  reason: r.reason,
  startedAt: r.started_at.toISOString(),
  expiresAt: r.expires_at.toISOString(),
  reviewedAt: r.reviewed_at?.toISOString() ?? null,
  reviewedBy:
    r.reviewed_by && r.reviewer_name ? { id: r.reviewed_by, displayName: r.reviewer_name } : null,
  reviewNote: r.review_note,
});

/** The unit's nödåtkomst, unreviewed first: a manager sees one the moment it starts. */
export function listEmergencyAccess(deps: ServiceDeps, ctx: ActionContext, unitId: string) {
  return execute(deps, ctx, {
    action: 'access_log.read',
    load: noFacts,
    authorize: (actor) => can(actor, 'accessLog.review', { unitId }),
    run: async (trx) => {
      // Filed under the user's unit, and reviewed too by every unit responsible for the person.
      const rows = await emergencyQuery(trx)
        .where((eb) =>
          eb.or([
            eb('emergency_access.unit_id', '=', unitId),
            sql<boolean>`${unitId}::uuid in ${responsibleUnitsOf(sql.ref('emergency_access.person_id'))}`,
          ]),
        )
        .orderBy(sql`emergency_access.reviewed_at is not null`)
        .orderBy('emergency_access.started_at', 'desc')
        .limit(200)
        .execute();
      return {
        result: { items: rows.map(toItem) },
        audit: {
          personIds: rows.map((r) => r.person_id),
          purpose: 'review',
          emergency: rows.length > 0,
          details: { unitId, emergencyAccessRows: rows.length },
        },
      };
    },
  });
}

export function reviewEmergencyAccess(
  deps: ServiceDeps,
  ctx: ActionContext,
  id: string,
  note: string,
): Promise<EmergencyAccessItem> {
  return execute(deps, ctx, {
    action: 'emergency_access.review',
    load: async (trx) => {
      const row = await emergencyQuery(trx)
        .where('emergency_access.id', '=', id)
        .executeTakeFirst();
      if (!row) throw new AppError('NOT_FOUND');
      return {
        row,
        unitIds: [row.unit_id, ...(await unitsResponsibleFor(trx, [row.person_id], []))],
      };
    },
    authorize: (actor, { row, unitIds }) =>
      can(actor, 'emergencyAccess.review', { unitIds, usedByUserId: row.user_id }),
    run: async (trx, { row }) => {
      const updated = await trx
        .updateTable('emergency_access')
        .set({ reviewed_by: ctx.actor.userId, reviewed_at: ctx.now, review_note: note })
        .where('id', '=', id)
        .where('reviewed_at', 'is', null)
        .returning('id')
        .executeTakeFirst();
      // Someone else reviewed it in the meantime: their review stands.
      if (!updated) throw new AppError('VERSION_CONFLICT');
      const reviewed = await emergencyQuery(trx)
        .where('emergency_access.id', '=', id)
        .executeTakeFirstOrThrow();
      return {
        result: toItem(reviewed),
        audit: {
          personIds: [row.person_id],
          purpose: 'review',
          emergency: true,
          details: { emergencyAccessId: id },
        },
      };
    },
  });
}

/** Staff of the unit, by name: who the manager can review. Holds no client data. */
export async function listUnitMembers(deps: ServiceDeps, ctx: ActionContext, unitId: string) {
  const actor = ctx.actor;
  enforce(can(actor, 'accessLog.review', { unitId }));
  const rows = await deps.db
    .selectFrom('user_role')
    .innerJoin('app_user', 'app_user.id', 'user_role.user_id')
    .select(['app_user.id', 'app_user.display_name', 'user_role.role'])
    .where('user_role.unit_id', '=', unitId)
    .orderBy('app_user.display_name')
    .execute();
  const members = Map.groupBy(rows, (r) => r.id);
  return {
    items: [...members.values()].map((grants) => ({
      id: grants[0]?.id ?? '',
      displayName: grants[0]?.display_name ?? '',
      roles: grants.map((g) => g.role),
    })),
  };
}
