import { execute, noFacts } from '../../command.ts';
import type { Done } from '../../command.ts';
import type { ActionContext } from '../../http/action-context.ts';
import { parseIdentityOrFail } from '../../case-kernel/identity.ts';
import { sql } from 'kysely';
import type { z } from 'zod';
import type {
  ContactChannel,
  addContactChannel as addChannelContract,
  updateContactChannel as updateChannelContract,
  PersonFile,
  PersonSummary,
  ProtectedDetails,
  RelationView,
  searchPersons as searchContract,
  startEmergencyAccess as emergencyContract,
  createRelation as relationContract,
} from '../../../core/contracts/persons.ts';
import type { changeRelation as changeRelationContract } from '../../../core/contracts/counterparts.ts';
import type { RecordStatus } from '../../../core/domain/counterparts.ts';
import type { StoredRelation } from '../../../core/domain/relations.ts';
import {
  changeRelation as changeRelationKernel,
  loadRelationHistory,
  relationEnds,
} from '../../case-kernel/relations.ts';
import { isProtected, lowersProtection } from '../../../core/domain/protection.ts';
import type { ProtectionLevel } from '../../../core/domain/protection.ts';
import { relationFromSide, relationToStore } from '../../../core/domain/relations.ts';
import { can } from '../../../core/policy/policy.ts';
import type { Actor, PersonFacts } from '../../../core/policy/policy.ts';
import type { Trx } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { stockholmDate } from '../../time.ts';
import {
  findPersonIdByIdentity,
  findPersonVersion,
  toContactChannel,
  findPersonSummaries,
  loadCaseSummaries,
  loadDetails,
  loadPersonFacts,
  loadRelations,
  possiblyVisible,
  possiblyVisibleIds,
  searchByIdentity,
  searchByName,
} from '../../case-kernel/persons.repository.ts';
import type { ServiceDeps } from '../../service-deps.ts';

/** How many persons a name search shows; more means the search should be narrowed. */
export const NAME_SEARCH_LIMIT = 50;

export function searchPersons(
  deps: ServiceDeps,
  ctx: ActionContext,
  body: z.infer<typeof searchContract.body>,
): Promise<{ results: PersonSummary[]; truncated: boolean }> {
  const { actor, now } = ctx;
  return execute(deps, ctx, {
    action: 'person.search',
    load: noFacts,
    authorize: (who) => can(who, 'person.search', {}),
    run: async (trx) => {
      const found =
        body.by === 'identity'
          ? {
              results: await searchByIdentity(
                trx,
                parseIdentityOrFail(body.kind, body.number, stockholmDate(now)).normalized,
                possiblyVisible(actor, now),
              ),
              truncated: false,
            }
          : await searchByName(trx, body.query, possiblyVisibleIds(actor, now), NAME_SEARCH_LIMIT);
      // The pre-filter narrows; the policy decides. A result the policy refuses is never shown.
      const facts = await loadPersonFacts(
        trx,
        found.results.map((p) => p.id),
        actor.userId,
        now,
      );
      const results = found.results.filter((p) => {
        const f = facts.get(p.id);
        return f !== undefined && can(actor, 'person.read', { person: f, now }).allowed;
      });
      return {
        result: { results, truncated: found.truncated },
        audit: {
          personIds: results.map((p) => p.id),
          details: { by: body.by, resultCount: results.length },
        },
      };
    },
  });
}

export function getPersonFile(
  deps: ServiceDeps,
  ctx: ActionContext,
  personId: string,
): Promise<PersonFile> {
  const { actor, now } = ctx;
  return execute(deps, ctx, {
    action: 'person.read',
    load: async (trx) => {
      // The relations first, so that the facts of the person and of everyone related come in
      // one load; nothing of them is shown unless the policy allows it below.
      const stored = (await loadRelations(trx, personId)).map((r) => ({
        id: r.id,
        view: relationFromSide(r, personId),
        stored: r,
      }));
      const allFacts = await loadPersonFacts(
        trx,
        [personId, ...stored.map((r) => r.view.otherPersonId)],
        actor.userId,
        now,
      );
      const facts = allFacts.get(personId);
      if (!facts) throw new AppError('NOT_FOUND');
      return { facts, stored, allFacts };
    },
    authorize: (who, { facts }) => can(who, 'person.read', { person: facts, now }),
    run: async (trx, { facts, stored, allFacts }, decision) => {
      const visibleCases = facts.cases.filter(
        (c) =>
          decision.via === 'emergency_access' ||
          can(actor, 'case.read', { person: facts, case: c, now }).allowed,
      );
      const relations = visibleRelations(actor, facts, stored, allFacts, now);
      const summaries = await findPersonSummaries(trx, [
        personId,
        ...relations.map((r) => r.other),
      ]);
      const person = summaries.get(personId);
      if (!person) throw new AppError('NOT_FOUND');
      const history = Map.groupBy(
        await loadRelationHistory(
          trx,
          relations.map((r) => r.id),
        ),
        (v) => v.relation_id,
      );
      const relationViews: RelationView[] = relations.flatMap((r) => {
        const other = summaries.get(r.other);
        const to = allFacts.get(r.other);
        if (!other || !to) return [];
        return [
          {
            ...relationView(r.id, r.stored, personId, other, history.get(r.id) ?? []),
            mayChange: can(actor, 'relation.correct', { from: facts, to, now }).allowed,
          },
        ];
      });
      const details = isProtected(facts.protectionLevel) ? null : await loadDetails(trx, personId);

      const update = (lowers: boolean) =>
        can(actor, 'person.update', {
          person: facts,
          now,
          lowersProtection: lowers,
          touchesProtectedDetails: false,
        }).allowed;
      const version = (await findPersonVersion(trx, personId)) ?? 1;
      const cases = await loadCaseSummaries(
        trx,
        visibleCases.map((c) => c.caseId),
      );
      return {
        result: {
          ...person,
          version,
          cases,
          relations: relationViews.filter((r) => r.status === 'current'),
          pastRelations: relationViews.filter((r) => r.status !== 'current'),
          details,
          access: decision.via as PersonFile['access'],
          emergencyAccessUntil: facts.emergencyAccessUntil?.toISOString() ?? null,
          abilities: {
            readProtectedDetails:
              isProtected(facts.protectionLevel) &&
              can(actor, 'person.readProtected', { person: facts, now }).allowed,
            update: update(false),
            lowerProtection: update(true),
          },
        },
        audit: {
          personIds: [personId, ...relationViews.map((r) => r.other.id)],
          caseIds: visibleCases.map((c) => c.caseId),
        },
      };
    },
  });
}

/** The relations whose other end the actor may read too (relation.read: both ends). */
function visibleRelations<S>(
  actor: Actor,
  facts: PersonFacts,
  stored: { id: string; view: ReturnType<typeof relationFromSide>; stored: S }[],
  allFacts: Map<string, PersonFacts>,
  now: Date,
) {
  return stored
    .filter((v) => {
      const to = allFacts.get(v.view.otherPersonId);
      return to !== undefined && can(actor, 'relation.read', { from: facts, to, now }).allowed;
    })
    .map((v) => ({ id: v.id, view: v.view, stored: v.stored, other: v.view.otherPersonId }));
}

/** A relation and its history as the file of `viewerPersonId` shows them. */
function relationView(
  id: string,
  stored: StoredRelation & { guardian: boolean; status: RecordStatus; version: number },
  viewerPersonId: string,
  other: PersonSummary,
  versions: Awaited<ReturnType<typeof loadRelationHistory>>,
): Omit<RelationView, 'mayChange'> {
  const seen = relationFromSide(stored, viewerPersonId);
  return {
    id,
    kind: seen.kind,
    violence: seen.violence,
    other,
    guardian: stored.guardian,
    status: stored.status,
    version: stored.version,
    history: versions.map((v) => {
      const then = relationFromSide(
        { ...stored, kind: v.kind, violence: v.violence },
        viewerPersonId,
      );
      return {
        version: v.version,
        kind: then.kind,
        violence: then.violence,
        guardian: v.guardian,
        status: v.status,
        changeReason: v.change_reason,
        recordedBy:
          v.recorded_by && v.display_name
            ? { id: v.recorded_by, displayName: v.display_name }
            : null,
        recordedAt: v.recorded_at.toISOString(),
      };
    }),
  };
}

/**
 * A relation corrected, ended or marked wrongly recorded from the file of one of its ends
 * (server/case-kernel/relations.ts): whoever may record it, seeing both ends.
 */
export function changeRelation(
  deps: ServiceDeps,
  ctx: ActionContext,
  personId: string,
  relationId: string,
  body: z.infer<typeof changeRelationContract.body>,
): Promise<{ id: string; version: number }> {
  return execute(deps, ctx, {
    action: 'relation.correct',
    load: async (trx) => {
      const ends = await relationEnds(trx, relationId, personId);
      if (!ends) throw new AppError('NOT_FOUND');
      const facts = await loadPersonFacts(
        trx,
        [personId, ends.otherPersonId],
        ctx.actor.userId,
        ctx.now,
      );
      const from = facts.get(personId);
      const to = facts.get(ends.otherPersonId);
      if (!from || !to) throw new AppError('NOT_FOUND');
      return { from, to, ends };
    },
    authorize: (actor, { from, to }) => can(actor, 'relation.correct', { from, to, now: ctx.now }),
    run: async (trx, { ends }) => {
      const changed = await changeRelationKernel(
        trx,
        { relationId, viewerPersonId: personId, recordedBy: ctx.actor.userId, now: ctx.now },
        body,
      );
      return {
        result: { id: relationId, version: changed.version },
        audit: {
          personIds: [personId, ends.otherPersonId],
          details: {
            relationId,
            version: changed.version,
            change: body.change,
            status: changed.status,
          },
        },
      };
    },
  });
}

/** The person's facts, in the command's transaction; a person nobody has answers 404. */
async function loadPerson(trx: Trx, ctx: ActionContext, personId: string): Promise<PersonFacts> {
  const facts = (await loadPersonFacts(trx, [personId], ctx.actor.userId, ctx.now)).get(personId);
  if (!facts) throw new AppError('NOT_FOUND');
  return facts;
}

export function getProtectedDetails(
  deps: ServiceDeps,
  ctx: ActionContext,
  personId: string,
): Promise<ProtectedDetails> {
  return execute(deps, ctx, {
    action: 'person.protected.read',
    load: (trx) => loadPerson(trx, ctx, personId),
    authorize: (actor, person) => can(actor, 'person.readProtected', { person, now: ctx.now }),
    run: async (trx) => ({
      result: await loadDetails(trx, personId),
      audit: { personIds: [personId] },
    }),
  });
}

export function createRelation(
  deps: ServiceDeps,
  ctx: ActionContext,
  personId: string,
  body: z.infer<typeof relationContract.body>,
): Promise<RelationView> {
  if (body.otherPersonId === personId) {
    throw new AppError('VALIDATION', {
      fields: [
        {
          path: 'body.otherPersonId',
          message: 'En person kan inte ha en relation till sig själv.',
        },
      ],
    });
  }
  return execute(deps, ctx, {
    action: 'relation.create',
    load: async (trx) => {
      const facts = await loadPersonFacts(
        trx,
        [personId, body.otherPersonId],
        ctx.actor.userId,
        ctx.now,
      );
      const from = facts.get(personId);
      const to = facts.get(body.otherPersonId);
      if (!from || !to) throw new AppError('NOT_FOUND');
      return { from, to };
    },
    authorize: (actor, { from, to }) => can(actor, 'relation.create', { from, to, now: ctx.now }),
    run: async (trx) => {
      const stored = relationToStore(personId, {
        otherPersonId: body.otherPersonId,
        kind: body.kind,
        violence: body.violence,
      });
      const duplicate = await trx
        .selectFrom('person_relation')
        .select(['id', 'status'])
        .where('person_id', '=', stored.personId)
        .where('related_person_id', '=', stored.relatedPersonId)
        .where('kind', '=', stored.kind)
        .executeTakeFirst();
      if (duplicate) {
        throw new AppError('VALIDATION', {
          fields: [
            {
              path: 'body.kind',
              message:
                duplicate.status === 'current'
                  ? 'Relationen finns redan. Ändra den befintliga i stället.'
                  : 'Relationen finns redan men är avslutad eller felregistrerad. Rätta den så att den gäller igen.',
            },
          ],
        });
      }
      const row = await trx
        .insertInto('person_relation')
        .values({
          person_id: stored.personId,
          related_person_id: stored.relatedPersonId,
          kind: stored.kind,
          violence: stored.violence,
          created_by: ctx.actor.userId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const other = (await findPersonSummaries(trx, [body.otherPersonId])).get(body.otherPersonId);
      if (!other) throw new AppError('NOT_FOUND');
      const history = await loadRelationHistory(trx, [row.id]);
      return {
        result: {
          ...relationView(
            row.id,
            { ...stored, guardian: false, status: 'current', version: 1 },
            personId,
            other,
            history,
          ),
          mayChange: true,
        },
        audit: {
          personIds: [personId, body.otherPersonId],
          details: { relationId: row.id, kind: body.kind },
        },
      };
    },
  });
}

/** A started nödåtkomst: to whom, and until when. */
type Started = { personId: string; expiresAt: string };

/**
 * Nödåtkomst: with a stated reason, for a limited time, to one person found by exact identity
 * number. Recorded, and visible to the unit's manager at once. An attempt for a number nobody
 * has is recorded too.
 */
export async function startEmergencyAccess(
  deps: ServiceDeps,
  ctx: ActionContext,
  body: z.infer<typeof emergencyContract.body>,
): Promise<Started> {
  const result = await execute(deps, ctx, {
    action: 'emergency_access.start',
    load: noFacts,
    authorize: (actor) => can(actor, 'emergencyAccess.start', {}),
    run: async (trx, _facts, allowed): Promise<Done<Started | undefined>> => {
      // The policy allows starting it by role; the act itself is emergency access, recorded
      // under that purpose and flagged as such, in the role and unit the policy allowed.
      const asEmergency = { ...allowed, via: 'emergency_access' as const };
      // Parsed once the policy has allowed the act: whoever may not start it learns nothing.
      const identity = parseIdentityOrFail(body.kind, body.number, stockholmDate(ctx.now));
      const personId = await findPersonIdByIdentity(trx, identity.normalized);
      if (!personId) {
        return { result: undefined, audit: { allowed: asEmergency, details: { found: false } } };
      }
      const expiresAt = new Date(ctx.now.getTime() + deps.config.emergencyAccessMs);
      const row = await trx
        .insertInto('emergency_access')
        .values({
          user_id: ctx.actor.userId,
          unit_id: allowed.unitId,
          person_id: personId,
          reason: body.reason,
          started_at: ctx.now,
          expires_at: expiresAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return {
        result: { personId, expiresAt: expiresAt.toISOString() },
        audit: {
          allowed: asEmergency,
          personIds: [personId],
          details: { found: true, emergencyAccessId: row.id },
        },
      };
    },
  });
  // The attempt is audited above (emergency_access.start, found: false).
  if (!result) throw new AppError('NOT_FOUND', { audited: true });
  return result;
}

/**
 * The shared shape of every change to a person's file, as a command (command.ts): load the
 * facts, ask the policy (with what the change touches), make the change, and audit it — in one
 * transaction.
 */
function changePerson<T>(
  deps: ServiceDeps,
  ctx: ActionContext,
  personId: string,
  touches: (facts: PersonFacts) => { lowersProtection: boolean; touchesProtectedDetails: boolean },
  change: (
    trx: Trx,
    facts: PersonFacts,
  ) => Promise<{ result: T; audit: Record<string, string | number | boolean> }>,
): Promise<T> {
  return execute(deps, ctx, {
    action: 'person.update',
    load: (trx) => loadPerson(trx, ctx, personId),
    authorize: (actor, facts) =>
      can(actor, 'person.update', { person: facts, now: ctx.now, ...touches(facts) }),
    run: async (trx, facts) => {
      const { result, audit } = await change(trx, facts);
      return {
        result,
        audit: {
          personIds: [personId],
          protectionBefore: [facts.protectionLevel],
          // Every change names the person whose file it changed; the change adds what else it
          // names.
          details: { personId, ...audit },
        },
      };
    },
  });
}

const channelColumns = ['id', 'kind', 'value', 'safe_for_contact', 'note', 'version'] as const;

export function setProtectionLevel(
  deps: ServiceDeps,
  ctx: ActionContext,
  personId: string,
  body: { protectionLevel: ProtectionLevel; version: number },
): Promise<{ protectionLevel: ProtectionLevel; version: number }> {
  return changePerson(
    deps,
    ctx,
    personId,
    (facts) => ({
      lowersProtection: lowersProtection(facts.protectionLevel, body.protectionLevel),
      touchesProtectedDetails: false,
    }),
    async (trx, facts) => {
      const updated = await trx
        .updateTable('person')
        .set({ protection_level: body.protectionLevel, version: sql`version + 1` })
        .where('id', '=', personId)
        .where('version', '=', body.version)
        .returning(['protection_level', 'version'])
        .executeTakeFirst();
      if (!updated) throw new AppError('VERSION_CONFLICT');
      return {
        result: { protectionLevel: updated.protection_level, version: updated.version },
        audit: {
          field: 'protection_level',
          version: updated.version,
          from: facts.protectionLevel,
          to: body.protectionLevel,
          becomesProtected: isProtected(body.protectionLevel),
        },
      };
    },
  );
}

const channelChange = { lowersProtection: false, touchesProtectedDetails: true };

export function addContactChannel(
  deps: ServiceDeps,
  ctx: ActionContext,
  personId: string,
  body: z.infer<typeof addChannelContract.body>,
): Promise<ContactChannel> {
  return changePerson(
    deps,
    ctx,
    personId,
    () => channelChange,
    async (trx) => {
      const row = await trx
        .insertInto('contact_channel')
        .values({
          person_id: personId,
          kind: body.kind,
          value: body.value,
          safe_for_contact: body.safeForContact,
          note: body.note,
        })
        .returning(channelColumns)
        .executeTakeFirstOrThrow();
      return {
        result: toContactChannel(row),
        audit: { field: 'contact_channel', channelId: row.id, version: row.version },
      };
    },
  );
}

export function updateContactChannel(
  deps: ServiceDeps,
  ctx: ActionContext,
  personId: string,
  channelId: string,
  body: z.infer<typeof updateChannelContract.body>,
): Promise<ContactChannel> {
  return changePerson(
    deps,
    ctx,
    personId,
    () => channelChange,
    async (trx) => {
      const updated = await trx
        .updateTable('contact_channel')
        .set({ safe_for_contact: body.safeForContact, note: body.note, version: sql`version + 1` })
        .where('id', '=', channelId)
        .where('person_id', '=', personId)
        .where('version', '=', body.version)
        .returning(channelColumns)
        .executeTakeFirst();
      if (!updated) {
        const exists = await trx
          .selectFrom('contact_channel')
          .select('id')
          .where('id', '=', channelId)
          .where('person_id', '=', personId)
          .executeTakeFirst();
        throw new AppError(exists ? 'VERSION_CONFLICT' : 'NOT_FOUND');
      }
      return {
        result: toContactChannel(updated),
        audit: {
          field: 'contact_channel',
          channelId,
          version: updated.version,
          safeForContact: body.safeForContact,
        },
      };
    },
  );
}
