import { sql } from 'kysely';
import type { z } from 'zod';
import type {
  PlaceNeeds,
  ProviderFields,
  ProviderView,
  ShelterHit,
  TurnedAway,
  recordTurnedAway as turnedAwayContract,
} from '../../../core/contracts/providers.ts';
import type { Intervention } from '../../../core/domain/decisions.ts';
import {
  turnedAwayReasons,
  occupancyOf,
  searchShelters as search,
  suggestedTurnedAwayReason,
} from '../../../core/domain/shelters.ts';
import type { ShelterMatch, TurnedAwayReason } from '../../../core/domain/shelters.ts';
import { can } from '../../../core/policy/policy.ts';
import type { ProviderActions } from '../../../core/policy/rules/providers.ts';
import { caseFacts, loadCase } from '../../case-kernel/case-access.ts';
import { onCase } from '../../case-kernel/on-case.ts';
import {
  activeShelters,
  runningByProvider,
  shelterColumns,
  shelterProfile,
} from '../../case-kernel/providers.ts';
import { execute, noFacts } from '../../command.ts';
import type { Db, Trx } from '../../db/database.ts';
import { isUniqueViolation } from '../../db/versions.ts';
import { AppError } from '../../errors.ts';
import type { ActionContext } from '../../http/action-context.ts';
import { enforce } from '../../http/context.ts';
import type { ServiceDeps } from '../../service-deps.ts';

/**
 * Providers (utförare) and skyddat boende. The registry is administration: no personal data, and
 * every version of a provider kept. The place search and the turned-away record are acts on a
 * case, for the handläggare working with it, audited with the case.
 */

// --- The registry -------------------------------------------------------------------------

async function providerViews(
  db: Db | Trx,
  today: string,
  ids?: readonly string[],
): Promise<ProviderView[]> {
  if (ids?.length === 0) return [];
  let query = db
    .selectFrom('provider as p')
    .leftJoin('unit as u', 'u.id', 'p.unit_id')
    .leftJoin('shelter as s', 's.provider_id', 'p.id')
    .select([
      'p.id',
      'p.name',
      'p.kind',
      'p.unit_id',
      'u.name as unit_name',
      'p.contact',
      'p.active',
      'p.version',
      'p.updated_at',
      ...shelterColumns,
    ])
    .orderBy('p.name');
  if (ids) query = query.where('p.id', 'in', ids);
  const rows = await query.execute();
  if (rows.length === 0) return [];
  const providerIds = rows.map((r) => r.id);
  const interventions = Map.groupBy(
    await db
      .selectFrom('provider_intervention')
      .select(['provider_id', 'intervention'])
      .where('provider_id', 'in', providerIds)
      .orderBy('intervention')
      .execute(),
    (i) => i.provider_id,
  );
  const running = await runningByProvider(db, today, providerIds);
  return rows.map((r) => {
    // The shelter's columns are all set or, without a shelter row, all null.
    const shelter =
      r.places === null
        ? null
        : {
            ...shelterProfile(r as Parameters<typeof shelterProfile>[0]),
            languages: [...(r.languages ?? [])],
          };
    return {
      id: r.id,
      name: r.name,
      kind: r.kind,
      unit: r.unit_id && r.unit_name ? { id: r.unit_id, name: r.unit_name } : null,
      contact: r.contact,
      active: r.active,
      interventions: (interventions.get(r.id) ?? []).map((i) => i.intervention as Intervention),
      shelter,
      occupancy: shelter ? occupancyOf(shelter.places, running.get(r.id) ?? 0) : null,
      version: r.version,
      updatedAt: r.updated_at.toISOString(),
    };
  });
}

async function oneView(db: Db | Trx, today: string, id: string): Promise<ProviderView> {
  const [view] = await providerViews(db, today, [id]);
  if (!view) throw new AppError('NOT_FOUND');
  return view;
}

export async function listProviders(deps: ServiceDeps, ctx: ActionContext) {
  enforce(can(ctx.actor, 'admin.manage', {}));
  return { items: await providerViews(deps.db, ctx.today) };
}

/** The unit a provider's staff work in: one of kind 'provider'. */
async function refuseUnfitUnit(trx: Trx, unitId: string | null) {
  if (!unitId) return;
  const unit = await trx
    .selectFrom('unit')
    .select('kind')
    .where('id', '=', unitId)
    .executeTakeFirst();
  if (!unit || unit.kind !== 'provider') {
    throw new AppError('VALIDATION', {
      fields: [{ path: 'body.unitId', message: 'Välj en enhet för utförare.' }],
    });
  }
}

/** Writes what the fields say beside the provider row: its insatser, its places, its version. */
async function writeDetails(
  trx: Trx,
  ctx: ActionContext,
  providerId: string,
  version: number,
  body: ProviderFields,
) {
  await trx.deleteFrom('provider_intervention').where('provider_id', '=', providerId).execute();
  await trx
    .insertInto('provider_intervention')
    .values(body.interventions.map((intervention) => ({ provider_id: providerId, intervention })))
    .execute();
  await trx.deleteFrom('shelter').where('provider_id', '=', providerId).execute();
  if (body.shelter) {
    await trx
      .insertInto('shelter')
      .values({
        provider_id: providerId,
        places: body.shelter.places,
        security_level: body.shelter.securityLevel,
        takes_children: body.shelter.takesChildren,
        takes_teenage_boys: body.shelter.takesTeenageBoys,
        takes_pets: body.shelter.takesPets,
        wheelchair_accessible: body.shelter.wheelchairAccessible,
        languages: [...new Set(body.shelter.languages)],
      })
      .execute();
  }
  await trx
    .insertInto('provider_version')
    .values({
      provider_id: providerId,
      version,
      snapshot: JSON.stringify(body),
      changed_by: ctx.actor.userId,
      changed_at: ctx.now,
    })
    .execute();
}

/** A duplicate name is bad input: the registry names each provider once. */
async function refuseDuplicateName<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error, 'provider_name_key')) {
      throw new AppError('VALIDATION', {
        cause: error,
        fields: [{ path: 'body.name', message: 'Det finns redan en utförare med det namnet.' }],
      });
    }
    if (isUniqueViolation(error, 'provider_unit_id_key')) {
      throw new AppError('VALIDATION', {
        cause: error,
        fields: [{ path: 'body.unitId', message: 'Enheten hör redan till en annan utförare.' }],
      });
    }
    throw error;
  }
}

export function createProvider(deps: ServiceDeps, ctx: ActionContext, body: ProviderFields) {
  return execute(deps, ctx, {
    action: 'admin.provider',
    load: noFacts,
    authorize: (actor) => can(actor, 'admin.manage', {}),
    run: async (trx) => {
      await refuseUnfitUnit(trx, body.unitId);
      const created = await refuseDuplicateName(() =>
        trx
          .insertInto('provider')
          .values({
            name: body.name,
            kind: body.kind,
            unit_id: body.unitId,
            contact: body.contact || null,
            active: body.active,
            created_at: ctx.now,
            updated_at: ctx.now,
          })
          .returning('id')
          .executeTakeFirstOrThrow(),
      );
      await writeDetails(trx, ctx, created.id, 1, body);
      return {
        result: await oneView(trx, ctx.today, created.id),
        audit: {
          purpose: 'administration',
          details: { providerId: created.id, version: 1, change: 'create', active: body.active },
        },
      };
    },
  });
}

/**
 * A new version of the provider. A stale version is a 409. The unit its staff work in is not
 * changed once uppdrag have been given: they would reach another unit's staff.
 */
export function updateProvider(
  deps: ServiceDeps,
  ctx: ActionContext,
  providerId: string,
  body: ProviderFields & { version: number },
) {
  return execute(deps, ctx, {
    action: 'admin.provider',
    load: noFacts,
    authorize: (actor) => can(actor, 'admin.manage', {}),
    run: async (trx) => {
      const current = await trx
        .selectFrom('provider')
        .select(['unit_id', 'version'])
        .where('id', '=', providerId)
        .forUpdate()
        .executeTakeFirst();
      if (!current) throw new AppError('NOT_FOUND');
      if (current.version !== body.version) throw new AppError('VERSION_CONFLICT');
      await refuseUnfitUnit(trx, body.unitId);
      if (current.unit_id !== body.unitId) {
        const given = await trx
          .selectFrom('commission')
          .select('id')
          .where('provider_id', '=', providerId)
          .limit(1)
          .executeTakeFirst();
        if (given) {
          throw new AppError('STEP_OUT_OF_ORDER', {
            detail:
              'Utföraren har fått uppdrag, så enheten kan inte bytas: uppdragen skulle nå en annan enhets personal. Registrera en ny utförare för den nya enheten.',
          });
        }
      }
      const bumped = await refuseDuplicateName(() =>
        trx
          .updateTable('provider')
          .set({
            name: body.name,
            kind: body.kind,
            unit_id: body.unitId,
            contact: body.contact || null,
            active: body.active,
            updated_at: ctx.now,
            version: sql<number>`version + 1`,
          })
          .where('id', '=', providerId)
          .where('version', '=', body.version)
          .returning('version')
          .executeTakeFirst(),
      );
      if (!bumped) throw new AppError('VERSION_CONFLICT');
      const { version: _sent, ...fields } = body;
      await writeDetails(trx, ctx, providerId, bumped.version, fields);
      return {
        result: await oneView(trx, ctx.today, providerId),
        audit: {
          purpose: 'administration',
          details: {
            providerId,
            version: bumped.version,
            change: 'update',
            active: body.active,
          },
        },
      };
    },
  });
}

/** The active providers and their insatser, for naming a beslut's place. */
export async function listActiveProviders(deps: ServiceDeps, ctx: ActionContext) {
  enforce(can(ctx.actor, 'providers.list', {}));
  const rows = await deps.db
    .selectFrom('provider as p')
    .innerJoin('provider_intervention as i', 'i.provider_id', 'p.id')
    .select(['p.id', 'p.name', 'i.intervention'])
    .where('p.active', '=', true)
    .orderBy('p.name')
    .orderBy('i.intervention')
    .execute();
  return {
    items: [...Map.groupBy(rows, (r) => r.id).values()].map((group) => ({
      id: group[0]?.id ?? '',
      name: group[0]?.name ?? '',
      interventions: group.map((r) => r.intervention as Intervention),
    })),
  };
}

// --- The place search on a case -----------------------------------------------------------

/** The load and authorize of an act on a case under one of the place search's own actions. */
function onCaseAs(
  ctx: ActionContext,
  caseId: string,
  action: keyof Omit<ProviderActions, 'providers.list'>,
) {
  return {
    load: (trx: Trx) => loadCase(trx, ctx.actor, caseId, ctx.now),
    authorize: (
      actor: ActionContext['actor'],
      { row, person }: Awaited<ReturnType<typeof loadCase>>,
    ) => can(actor, action, { person, case: caseFacts(row), now: ctx.now }),
  };
}

const hit = (s: ShelterMatch & { contact: string | null }): ShelterHit => ({
  providerId: s.id,
  name: s.name,
  contact: s.contact,
  securityLevel: s.securityLevel,
  places: s.places,
  free: s.free,
  takesChildren: s.takesChildren,
  takesTeenageBoys: s.takesTeenageBoys,
  takesPets: s.takesPets,
  wheelchairAccessible: s.wheelchairAccessible,
  languages: [...s.languages],
});

/**
 * The shelters that fit what the person needs: with a free place now, and full. What she needs
 * tells about her, so it is an act on her case, audited; the row names how many were found, never
 * the needs.
 */
export function searchShelters(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
  needs: PlaceNeeds,
) {
  return execute(deps, ctx, {
    action: 'shelter.search',
    ...onCaseAs(ctx, caseId, 'shelter.search'),
    run: async (trx, { row }) => {
      const shelters = await activeShelters(trx, ctx.today);
      const contacts = new Map(shelters.map((s) => [s.id, s.contact]));
      const found = search(shelters, needs);
      const withContact = (s: ShelterMatch) => hit({ ...s, contact: contacts.get(s.id) ?? null });
      return {
        result: {
          available: found.available.map(withContact),
          full: found.full.map(withContact),
          suggestedReason: suggestedTurnedAwayReason(found),
        },
        audit: {
          personIds: [row.person_id],
          caseIds: [caseId],
          details: { available: found.available.length, full: found.full.length },
        },
      };
    },
  });
}

/** "Ingen plats kunde ordnas": recorded on the case with what was needed, never changed. */
export function recordTurnedAway(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
  body: z.infer<typeof turnedAwayContract.body>,
) {
  return execute(deps, ctx, {
    action: 'shelter.turned_away',
    ...onCaseAs(ctx, caseId, 'shelter.turnedAway'),
    run: async (trx, { row }) => {
      const created = await trx
        .insertInto('shelter_turned_away')
        .values({
          case_id: caseId,
          person_id: row.person_id,
          unit_id: row.unit_id,
          reason: body.reason,
          needs: JSON.stringify(body.needs),
          note: body.note || null,
          recorded_by: ctx.actor.userId,
          recorded_at: ctx.now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return {
        result: { id: created.id },
        audit: {
          personIds: [row.person_id],
          caseIds: [caseId],
          details: { turnedAwayId: created.id, reason: body.reason },
        },
      };
    },
  });
}

/** The unit's count of who could not be placed, per reason. Numbers only: not audited. */
export async function countTurnedAway(deps: ServiceDeps, ctx: ActionContext, unitId: string) {
  enforce(can(ctx.actor, 'shelter.turnedAwayCount', { unitId }));
  const rows = await deps.db
    .selectFrom('shelter_turned_away')
    .select(['reason', (eb) => eb.fn.countAll<number>().as('n')])
    .where('unit_id', '=', unitId)
    .groupBy('reason')
    .execute();
  const byReason = Object.fromEntries(
    turnedAwayReasons.map((r) => [r, rows.find((row) => row.reason === r)?.n ?? 0]),
  ) as Record<TurnedAwayReason, number>;
  return { total: rows.reduce((sum, r) => sum + r.n, 0), byReason };
}

export function listTurnedAway(deps: ServiceDeps, ctx: ActionContext, caseId: string) {
  return execute(deps, ctx, {
    action: 'shelter.turned_away.read',
    ...onCase(ctx, caseId, 'case.read'),
    run: async (trx, { row }) => {
      const rows = await trx
        .selectFrom('shelter_turned_away as t')
        .innerJoin('app_user as u', 'u.id', 't.recorded_by')
        .select(['t.id', 't.reason', 't.needs', 't.note', 'u.display_name', 't.recorded_at'])
        .where('t.case_id', '=', caseId)
        .orderBy('t.recorded_at')
        .orderBy('t.id')
        .execute();
      const items: TurnedAway[] = rows.map((r) => ({
        id: r.id,
        reason: r.reason,
        needs: r.needs as PlaceNeeds,
        note: r.note,
        recordedBy: r.display_name,
        recordedAt: r.recorded_at.toISOString(),
      }));
      return { result: { items }, audit: { personIds: [row.person_id], caseIds: [caseId] } };
    },
  });
}
