import { execute, noFacts } from '../../command.ts';
import type { ActionContext } from '../../http/action-context.ts';
import type { z } from 'zod';
import type { InstrumentSummary } from '../../../core/contracts/risk.ts';
import type { InstrumentDefinition } from '../../../core/domain/instruments.ts';
import { exampleInstruments } from '../../../core/instruments/examples.ts';
import { can } from '../../../core/policy/policy.ts';
import type { Db, Trx } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { enforce } from '../../http/context.ts';
import type { ServiceDeps } from '../../service-deps.ts';

/**
 * Instrument versions are loaded and retired by an administrator, never changed: a new text is a
 * new version. The example instruments are loaded on start when missing; retiring one sticks.
 */

export async function loadExampleInstruments(db: Db): Promise<void> {
  await db
    .insertInto('instrument_version')
    .values(
      exampleInstruments.map((def) => ({
        id: def.id,
        version: def.version,
        definition: JSON.stringify(def),
        method: def.method,
        example: def.example,
        imported_by: null,
      })),
    )
    .onConflict((oc) => oc.columns(['id', 'version']).doNothing())
    .execute();
}

async function summaries(db: Db | Trx): Promise<z.infer<typeof InstrumentSummary>[]> {
  const rows = await db
    .selectFrom('instrument_version')
    .select(['id', 'version', 'definition', 'method', 'example', 'retired_at', 'imported_at'])
    .orderBy('id')
    .orderBy('version')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    version: r.version,
    name: r.definition.name,
    method: r.method,
    example: r.example,
    retired: r.retired_at !== null,
    importedAt: r.imported_at.toISOString(),
  }));
}

export async function listInstrumentVersions(deps: ServiceDeps, ctx: ActionContext) {
  enforce(can(ctx.actor, 'admin.manage', {}));
  return { items: await summaries(deps.db) };
}

export function importInstrument(deps: ServiceDeps, ctx: ActionContext, def: InstrumentDefinition) {
  return execute(deps, ctx, {
    action: 'admin.instrument',
    load: noFacts,
    authorize: (actor) => can(actor, 'admin.manage', {}),
    run: async (trx) => {
      const inserted = await trx
        .insertInto('instrument_version')
        .values({
          id: def.id,
          version: def.version,
          definition: JSON.stringify(def),
          method: def.method,
          example: def.example,
          imported_by: ctx.actor.userId,
        })
        .onConflict((oc) => oc.columns(['id', 'version']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!inserted) {
        throw new AppError('VALIDATION', {
          fields: [
            {
              path: 'body.version',
              message: 'Den versionen finns redan. En ändrad text läses in som en ny version.',
            },
          ],
        });
      }
      const view = (await summaries(trx)).find((s) => s.id === def.id && s.version === def.version);
      if (!view) throw new AppError('NOT_FOUND');
      return {
        result: view,
        audit: {
          purpose: 'administration',
          details: { instrumentId: def.id, version: def.version, change: 'import' },
        },
      };
    },
  });
}

export function retireInstrument(
  deps: ServiceDeps,
  ctx: ActionContext,
  id: string,
  version: number,
) {
  return execute(deps, ctx, {
    action: 'admin.instrument',
    load: noFacts,
    authorize: (actor) => can(actor, 'admin.manage', {}),
    run: async (trx) => {
      const updated = await trx
        .updateTable('instrument_version')
        .set({ retired_at: ctx.now, retired_by: ctx.actor.userId })
        .where('id', '=', id)
        .where('version', '=', version)
        .where('retired_at', 'is', null)
        .returning('id')
        .executeTakeFirst();
      const view = (await summaries(trx)).find((s) => s.id === id && s.version === version);
      if (!view) throw new AppError('NOT_FOUND');
      return {
        result: view,
        // Retiring a retired version changes nothing, and records nothing.
        audit: updated
          ? {
              purpose: 'administration',
              details: { instrumentId: id, version, change: 'retire' },
            }
          : [],
      };
    },
  });
}
