import type { ActionContext } from '../../http/action-context.ts';
import type { z } from 'zod';
import { sql } from 'kysely';
import type {
  Delegation,
  HandoverRulesView,
  LegalCatalogueView,
  setHandoverRules as setHandoverRulesContract,
} from '../../../core/contracts/admin.ts';
import type { DelegableRole, Intervention } from '../../../core/domain/decisions.ts';
import type { LegalCatalogue } from '../../../core/domain/legal-references.ts';
import { can } from '../../../core/policy/policy.ts';
import { delegableFor, entryOf } from '../../../core/domain/intervention-catalogue.ts';
import { activeInterventionCatalogue } from '../../case-kernel/intervention-catalogue.ts';
import { execute, noFacts } from '../../command.ts';
import type { Db, Trx } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { enforce } from '../../http/context.ts';
import type { ServiceDeps } from '../../service-deps.ts';

/**
 * The rules a municipality sets for case work without a code change: the delegation list (who may
 * decide which insats) and the legal catalogue in force (which paragraphs screens and documents
 * cite). Administrators only; every change audited.
 */

async function delegations(db: Db | Trx): Promise<z.infer<typeof Delegation>[]> {
  const rows = await db
    .selectFrom('delegation')
    .select(['unit_id', 'intervention', 'role'])
    .orderBy('unit_id')
    .orderBy('intervention')
    .orderBy('role')
    .execute();
  return rows.map((r) => ({ unitId: r.unit_id, intervention: r.intervention, role: r.role }));
}

export async function listDelegations(deps: ServiceDeps, ctx: ActionContext) {
  enforce(can(ctx.actor, 'admin.manage', {}));
  return { items: await delegations(deps.db) };
}

export function setDelegation(
  deps: ServiceDeps,
  ctx: ActionContext,
  body: { unitId: string; intervention: Intervention; role: DelegableRole; granted: boolean },
) {
  return execute(deps, ctx, {
    action: 'admin.delegation',
    load: noFacts,
    authorize: (actor) => can(actor, 'admin.manage', {}),
    run: async (trx) => {
      const unit = await trx
        .selectFrom('unit')
        .select('id')
        .where('id', '=', body.unitId)
        .executeTakeFirst();
      if (!unit) {
        throw new AppError('VALIDATION', {
          fields: [{ path: 'body.unitId', message: 'Enheten finns inte.' }],
        });
      }
      const interventions = await activeInterventionCatalogue(trx);
      if (body.granted && !delegableFor(interventions, body.intervention, body.role)) {
        const entry = entryOf(interventions, body.intervention);
        throw new AppError('VALIDATION', {
          fields: [
            {
              path: 'body.role',
              message:
                entry.kind === 'service'
                  ? `${entry.name} är en serviceinsats och beslutas inte.`
                  : `Insatskatalogen ger inte rollen delegation för ${entry.name.toLowerCase()}.`,
            },
          ],
        });
      }
      if (body.granted) {
        await trx
          .insertInto('delegation')
          .values({
            unit_id: body.unitId,
            intervention: body.intervention,
            role: body.role,
            granted_by: ctx.actor.userId,
          })
          .onConflict((oc) => oc.columns(['unit_id', 'intervention', 'role']).doNothing())
          .execute();
      } else {
        await trx
          .deleteFrom('delegation')
          .where('unit_id', '=', body.unitId)
          .where('intervention', '=', body.intervention)
          .where('role', '=', body.role)
          .execute();
      }
      return {
        result: { items: await delegations(trx) },
        audit: {
          purpose: 'administration',
          details: {
            unitId: body.unitId,
            intervention: body.intervention,
            role: body.role,
            granted: body.granted,
          },
        },
      };
    },
  });
}

async function catalogues(db: Db | Trx): Promise<z.infer<typeof LegalCatalogueView>[]> {
  const rows = await db
    .selectFrom('legal_catalogue')
    .select(['id', 'name', 'references', 'active', 'loaded_at'])
    .orderBy('loaded_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    references: r.references as LegalCatalogue['references'],
    active: r.active,
    loadedAt: r.loaded_at.toISOString(),
  }));
}

export async function listLegalCatalogues(deps: ServiceDeps, ctx: ActionContext) {
  enforce(can(ctx.actor, 'admin.manage', {}));
  return { items: await catalogues(deps.db) };
}

export function importLegalCatalogue(deps: ServiceDeps, ctx: ActionContext, body: LegalCatalogue) {
  return execute(deps, ctx, {
    action: 'admin.legal_catalogue',
    load: noFacts,
    authorize: (actor) => can(actor, 'admin.manage', {}),
    run: async (trx) => {
      const inserted = await trx
        .insertInto('legal_catalogue')
        .values({
          id: body.id,
          name: body.name,
          references: JSON.stringify(body.references),
          active: false,
          loaded_by: ctx.actor.userId,
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!inserted) throw catalogueIdTaken();
      const view = (await catalogues(trx)).find((c) => c.id === body.id);
      if (!view) throw new AppError('NOT_FOUND');
      return {
        result: view,
        audit: { purpose: 'administration', details: { catalogueId: body.id, change: 'import' } },
      };
    },
  });
}

/** A catalogue is loaded once under its id; a new version has its own. */
export const catalogueIdTaken = () =>
  new AppError('VALIDATION', {
    fields: [
      {
        path: 'body.id',
        message: 'Det finns redan en katalog med det id:t. Ge den nya versionen ett eget id.',
      },
    ],
  });

/**
 * Puts a loaded catalogue in force — the legal catalogue or the insatser catalogue, one active
 * row each; the one before stays loaded, to switch back.
 */
export async function putInForce(
  trx: Trx,
  table: 'legal_catalogue' | 'intervention_catalogue',
  catalogueId: string,
) {
  const found = await trx
    .selectFrom(table)
    .select('id')
    .where('id', '=', catalogueId)
    .executeTakeFirst();
  if (!found) throw new AppError('NOT_FOUND');
  await trx.updateTable(table).set({ active: false }).where('active', '=', true).execute();
  await trx.updateTable(table).set({ active: true }).where('id', '=', catalogueId).execute();
}

/** Puts a catalogue in force; the one before it stays loaded, to switch back. */
export function activateLegalCatalogue(deps: ServiceDeps, ctx: ActionContext, catalogueId: string) {
  return execute(deps, ctx, {
    action: 'admin.legal_catalogue',
    load: noFacts,
    authorize: (actor) => can(actor, 'admin.manage', {}),
    run: async (trx) => {
      await putInForce(trx, 'legal_catalogue', catalogueId);
      return {
        result: { items: await catalogues(trx) },
        audit: { purpose: 'administration', details: { catalogueId, change: 'activate' } },
      };
    },
  });
}

async function handoverRules(db: Db | Trx): Promise<z.infer<typeof HandoverRulesView>> {
  const setting = await db
    .selectFrom('handover_setting')
    .select(['default_unit_id', 'child_unit_id', 'night_starts_hour', 'night_ends_hour', 'version'])
    .executeTakeFirst();
  const rules = await db
    .selectFrom('handover_rule')
    .select(['target_group', 'unit_id'])
    .orderBy('target_group')
    .execute();
  return {
    rules: rules.map((r) => ({ targetGroup: r.target_group, unitId: r.unit_id })),
    defaultUnitId: setting?.default_unit_id ?? null,
    childUnitId: setting?.child_unit_id ?? null,
    nightStartsHour: setting?.night_starts_hour ?? 17,
    nightEndsHour: setting?.night_ends_hour ?? 8,
    version: setting?.version ?? null,
  };
}

/** Which day unit takes over socialjour's matters (core/domain/handover.ts). */
export async function getHandoverRules(deps: ServiceDeps, ctx: ActionContext) {
  enforce(can(ctx.actor, 'admin.manage', {}));
  return handoverRules(deps.db);
}

/** Replaces the handover rules as a whole; every unit named must exist. */
export function setHandoverRules(
  deps: ServiceDeps,
  ctx: ActionContext,
  body: z.infer<typeof setHandoverRulesContract.body>,
) {
  return execute(deps, ctx, {
    action: 'admin.handover_rules',
    load: noFacts,
    authorize: (actor) => can(actor, 'admin.manage', {}),
    run: async (trx) => {
      const groups = body.rules.map((r) => r.targetGroup);
      if (new Set(groups).size !== groups.length) {
        throw new AppError('VALIDATION', {
          fields: [{ path: 'body.rules', message: 'En målgrupp kan bara ha en enhet.' }],
        });
      }
      const named = [
        { path: 'body.defaultUnitId', unitId: body.defaultUnitId },
        ...(body.childUnitId ? [{ path: 'body.childUnitId', unitId: body.childUnitId }] : []),
        ...body.rules.map((r, i) => ({ path: `body.rules.${i}.unitId`, unitId: r.unitId })),
      ];
      const existing = new Set(
        (
          await trx
            .selectFrom('unit')
            .select('id')
            .where(
              'id',
              'in',
              named.map((n) => n.unitId),
            )
            .execute()
        ).map((u) => u.id),
      );
      const unknown = named.filter((n) => !existing.has(n.unitId));
      if (unknown.length > 0) {
        throw new AppError('VALIDATION', {
          fields: unknown.map((n) => ({ path: n.path, message: 'Enheten finns inte.' })),
        });
      }
      const values = {
        default_unit_id: body.defaultUnitId,
        child_unit_id: body.childUnitId,
        night_starts_hour: body.nightStartsHour,
        night_ends_hour: body.nightEndsHour,
        updated_by: ctx.actor.userId,
        updated_at: ctx.now,
      };
      const saved = await trx
        .insertInto('handover_setting')
        .values(values)
        .onConflict((oc) =>
          oc.column('id').doUpdateSet({ ...values, version: sql`handover_setting.version + 1` }),
        )
        .returning('version')
        .executeTakeFirstOrThrow();
      await trx.deleteFrom('handover_rule').execute();
      if (body.rules.length > 0) {
        await trx
          .insertInto('handover_rule')
          .values(body.rules.map((r) => ({ target_group: r.targetGroup, unit_id: r.unitId })))
          .execute();
      }
      return {
        result: await handoverRules(trx),
        audit: {
          purpose: 'administration',
          details: {
            version: saved.version,
            defaultUnitId: body.defaultUnitId,
            childUnitId: body.childUnitId,
            rules: body.rules.length,
          },
        },
      };
    },
  });
}
