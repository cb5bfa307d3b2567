import { auditOf } from '../../http/action-context.ts';
import type { ActionContext } from '../../http/action-context.ts';
import type { z } from 'zod';
import type { Delegation, LegalCatalogueView } from '../../../core/contracts/admin.ts';
import type { DelegableRole, Intervention } from '../../../core/domain/decisions.ts';
import type { LegalCatalogue } from '../../../core/domain/legal-references.ts';
import { can } from '../../../core/policy/policy.ts';
import { recordAudit } from '../../audit/audit.ts';
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

export async function setDelegation(
  deps: ServiceDeps,
  ctx: ActionContext,
  body: { unitId: string; intervention: Intervention; role: DelegableRole; granted: boolean },
) {
  const actor = ctx.actor;
  const decision = enforce(can(actor, 'admin.manage', {}));
  return deps.db.transaction().execute(async (trx) => {
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
    if (body.granted) {
      await trx
        .insertInto('delegation')
        .values({
          unit_id: body.unitId,
          intervention: body.intervention,
          role: body.role,
          granted_by: actor.userId,
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
    await recordAudit(trx, auditOf(ctx, decision), {
      action: 'admin.delegation',
      purpose: 'administration',
      details: {
        unitId: body.unitId,
        intervention: body.intervention,
        role: body.role,
        granted: body.granted,
      },
    });
    return { items: await delegations(trx) };
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

export async function importLegalCatalogue(
  deps: ServiceDeps,
  ctx: ActionContext,
  body: LegalCatalogue,
) {
  const actor = ctx.actor;
  const decision = enforce(can(actor, 'admin.manage', {}));
  return deps.db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('legal_catalogue')
      .values({
        id: body.id,
        name: body.name,
        references: JSON.stringify(body.references),
        active: false,
        loaded_by: actor.userId,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) {
      throw new AppError('VALIDATION', {
        fields: [
          {
            path: 'body.id',
            message: 'Det finns redan en katalog med det id:t. Ge den nya versionen ett eget id.',
          },
        ],
      });
    }
    await recordAudit(trx, auditOf(ctx, decision), {
      action: 'admin.legal_catalogue',
      purpose: 'administration',
      details: { catalogueId: body.id, change: 'import' },
    });
    const view = (await catalogues(trx)).find((c) => c.id === body.id);
    if (!view) throw new AppError('NOT_FOUND');
    return view;
  });
}

/** Puts a catalogue in force; the one before it stays loaded, to switch back. */
export async function activateLegalCatalogue(
  deps: ServiceDeps,
  ctx: ActionContext,
  catalogueId: string,
) {
  const actor = ctx.actor;
  const decision = enforce(can(actor, 'admin.manage', {}));
  return deps.db.transaction().execute(async (trx) => {
    const found = await trx
      .selectFrom('legal_catalogue')
      .select('id')
      .where('id', '=', catalogueId)
      .executeTakeFirst();
    if (!found) throw new AppError('NOT_FOUND');
    await trx
      .updateTable('legal_catalogue')
      .set({ active: false })
      .where('active', '=', true)
      .execute();
    await trx
      .updateTable('legal_catalogue')
      .set({ active: true })
      .where('id', '=', catalogueId)
      .execute();
    await recordAudit(trx, auditOf(ctx, decision), {
      action: 'admin.legal_catalogue',
      purpose: 'administration',
      details: { catalogueId, change: 'activate' },
    });
    return { items: await catalogues(trx) };
  });
}
