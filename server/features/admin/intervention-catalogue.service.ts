import type { z } from 'zod';
import type { InterventionCatalogueView } from '../../../core/contracts/admin.ts';
import { InterventionEntry } from '../../../core/domain/intervention-catalogue.ts';
import type { InterventionCatalogue } from '../../../core/domain/intervention-catalogue.ts';
import { can } from '../../../core/policy/policy.ts';
import { execute, noFacts } from '../../command.ts';
import type { Db, Trx } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import type { ActionContext } from '../../http/action-context.ts';
import { enforce } from '../../http/context.ts';
import type { ServiceDeps } from '../../service-deps.ts';
import { catalogueIdTaken, putInForce } from './case-rules.service.ts';

/**
 * The insatser catalogue as data (core/domain/intervention-catalogue.ts): an administrator loads
 * a version — names, target groups, delegation — and puts it in force; the one before stays
 * loaded to switch back. Like the legal catalogue; every change audited.
 */

async function catalogues(db: Db | Trx): Promise<z.infer<typeof InterventionCatalogueView>[]> {
  const rows = await db
    .selectFrom('intervention_catalogue')
    .select(['id', 'name', 'version', 'entries', 'active', 'loaded_at'])
    .orderBy('loaded_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    version: r.version,
    entries: InterventionEntry.array().parse(r.entries),
    active: r.active,
    loadedAt: r.loaded_at.toISOString(),
  }));
}

export async function listInterventionCatalogues(deps: ServiceDeps, ctx: ActionContext) {
  enforce(can(ctx.actor, 'admin.manage', {}));
  return { items: await catalogues(deps.db) };
}

export function importInterventionCatalogue(
  deps: ServiceDeps,
  ctx: ActionContext,
  body: InterventionCatalogue,
) {
  return execute(deps, ctx, {
    action: 'admin.intervention_catalogue',
    load: noFacts,
    authorize: (actor) => can(actor, 'admin.manage', {}),
    run: async (trx) => {
      const inserted = await trx
        .insertInto('intervention_catalogue')
        .values({
          id: body.id,
          name: body.name,
          version: body.version,
          entries: JSON.stringify(body.entries),
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

/** Puts a catalogue in force at once, on every server (it is read per request). */
export function activateInterventionCatalogue(
  deps: ServiceDeps,
  ctx: ActionContext,
  catalogueId: string,
) {
  return execute(deps, ctx, {
    action: 'admin.intervention_catalogue',
    load: noFacts,
    authorize: (actor) => can(actor, 'admin.manage', {}),
    run: async (trx) => {
      await putInForce(trx, 'intervention_catalogue', catalogueId);
      return {
        result: { items: await catalogues(trx) },
        audit: { purpose: 'administration', details: { catalogueId, change: 'activate' } },
      };
    },
  });
}
