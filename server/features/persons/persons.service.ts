import { auditOf } from '../../http/action-context.ts';
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
import { isProtected, lowersProtection } from '../../../core/domain/protection.ts';
import type { ProtectionLevel } from '../../../core/domain/protection.ts';
import { relationFromSide, relationToStore } from '../../../core/domain/relations.ts';
import { can } from '../../../core/policy/policy.ts';
import type { Actor, PersonFacts } from '../../../core/policy/policy.ts';
import { recordAudit } from '../../audit/audit.ts';
import type { Trx } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { enforce } from '../../http/context.ts';
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

export async function searchPersons(
  deps: ServiceDeps,
  ctx: ActionContext,
  body: z.infer<typeof searchContract.body>,
): Promise<{ results: PersonSummary[]; truncated: boolean }> {
  const actor = ctx.actor;
  const decision = enforce(can(actor, 'person.search', {}));
  const now = ctx.now;

  return deps.db.transaction().execute(async (trx) => {
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
    await recordAudit(trx, auditOf(ctx, decision), {
      action: 'person.search',
      personIds: results.map((p) => p.id),
      purpose: 'role',
      details: { by: body.by, resultCount: results.length },
    });
    return { results, truncated: found.truncated };
  });
}

export async function getPersonFile(
  deps: ServiceDeps,
  ctx: ActionContext,
  personId: string,
): Promise<PersonFile> {
  const actor = ctx.actor;
  const now = ctx.now;
  return deps.db.transaction().execute(async (trx) => {
    // The relations first, so that the facts of the person and of everyone related come in one
    // load; nothing of them is shown unless the policy allows it below.
    const stored = (await loadRelations(trx, personId)).map((r) => ({
      id: r.id,
      view: relationFromSide(r, personId),
    }));
    const allFacts = await loadPersonFacts(
      trx,
      [personId, ...stored.map((r) => r.view.otherPersonId)],
      actor.userId,
      now,
    );
    const facts = allFacts.get(personId);
    if (!facts) throw new AppError('NOT_FOUND');
    const decision = enforce(can(actor, 'person.read', { person: facts, now }));

    const visibleCases = facts.cases.filter(
      (c) =>
        decision.via === 'emergency_access' ||
        can(actor, 'case.read', { person: facts, case: c, now }).allowed,
    );
    const relations = visibleRelations(actor, facts, stored, allFacts, now);
    const summaries = await findPersonSummaries(trx, [personId, ...relations.map((r) => r.other)]);
    const person = summaries.get(personId);
    if (!person) throw new AppError('NOT_FOUND');
    const relationViews: RelationView[] = relations.flatMap((r) => {
      const other = summaries.get(r.other);
      return other ? [{ id: r.id, kind: r.view.kind, violence: r.view.violence, other }] : [];
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
    // Last: the audit row takes the chain's lock until commit (see audit_event_chain).
    await recordAudit(trx, auditOf(ctx, decision), {
      action: 'person.read',
      personIds: [personId, ...relationViews.map((r) => r.other.id)],
      caseIds: visibleCases.map((c) => c.caseId),
      purpose: decision.via,
      emergency: decision.via === 'emergency_access',
    });
    return {
      ...person,
      version,
      cases,
      relations: relationViews,
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
    };
  });
}

/** The relations whose other end the actor may read too (relation.read: both ends). */
function visibleRelations(
  actor: Actor,
  facts: PersonFacts,
  stored: { id: string; view: ReturnType<typeof relationFromSide> }[],
  allFacts: Map<string, PersonFacts>,
  now: Date,
) {
  return stored
    .filter((v) => {
      const to = allFacts.get(v.view.otherPersonId);
      return to !== undefined && can(actor, 'relation.read', { from: facts, to, now }).allowed;
    })
    .map((v) => ({ id: v.id, view: v.view, other: v.view.otherPersonId }));
}

export async function getProtectedDetails(
  deps: ServiceDeps,
  ctx: ActionContext,
  personId: string,
): Promise<ProtectedDetails> {
  const actor = ctx.actor;
  const now = ctx.now;
  return deps.db.transaction().execute(async (trx) => {
    const facts = (await loadPersonFacts(trx, [personId], actor.userId, now)).get(personId);
    if (!facts) throw new AppError('NOT_FOUND');
    const decision = enforce(can(actor, 'person.readProtected', { person: facts, now }));
    const details = await loadDetails(trx, personId);
    await recordAudit(trx, auditOf(ctx, decision), {
      action: 'person.protected.read',
      personIds: [personId],
      purpose: decision.via,
    });
    return details;
  });
}

export async function createRelation(
  deps: ServiceDeps,
  ctx: ActionContext,
  personId: string,
  body: z.infer<typeof relationContract.body>,
): Promise<RelationView> {
  const actor = ctx.actor;
  const now = ctx.now;
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
  return deps.db.transaction().execute(async (trx) => {
    const facts = await loadPersonFacts(trx, [personId, body.otherPersonId], actor.userId, now);
    const from = facts.get(personId);
    const to = facts.get(body.otherPersonId);
    if (!from || !to) throw new AppError('NOT_FOUND');
    const decision = enforce(can(actor, 'relation.create', { from, to, now }));
    const stored = relationToStore(personId, {
      otherPersonId: body.otherPersonId,
      kind: body.kind,
      violence: body.violence,
    });
    const duplicate = await trx
      .selectFrom('person_relation')
      .select('id')
      .where('person_id', '=', stored.personId)
      .where('related_person_id', '=', stored.relatedPersonId)
      .where('kind', '=', stored.kind)
      .executeTakeFirst();
    if (duplicate) {
      throw new AppError('VALIDATION', {
        fields: [
          { path: 'body.kind', message: 'Relationen finns redan. Ändra den befintliga i stället.' },
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
        created_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const other = (await findPersonSummaries(trx, [body.otherPersonId])).get(body.otherPersonId);
    if (!other) throw new AppError('NOT_FOUND');
    await recordAudit(trx, auditOf(ctx, decision), {
      action: 'relation.create',
      personIds: [personId, body.otherPersonId],
      purpose: decision.via,
      details: { relationId: row.id, kind: body.kind },
    });
    return { id: row.id, kind: body.kind, violence: body.violence, other };
  });
}

/**
 * Nödåtkomst: with a stated reason, for a limited time, to one person found by exact identity
 * number. Recorded, and visible to the unit's manager at once. An attempt for a number nobody
 * has is recorded too.
 */
export async function startEmergencyAccess(
  deps: ServiceDeps,
  ctx: ActionContext,
  body: z.infer<typeof emergencyContract.body>,
): Promise<{ personId: string; expiresAt: string }> {
  const actor = ctx.actor;
  const decision = enforce(can(actor, 'emergencyAccess.start', {}));
  const now = ctx.now;
  const identity = parseIdentityOrFail(body.kind, body.number, stockholmDate(now));
  const result = await deps.db.transaction().execute(async (trx) => {
    const personId = await findPersonIdByIdentity(trx, identity.normalized);
    if (!personId) {
      await recordAudit(trx, auditOf(ctx, decision), {
        action: 'emergency_access.start',
        purpose: 'emergency_access',
        emergency: true,
        details: { found: false },
      });
      return undefined;
    }
    const expiresAt = new Date(now.getTime() + deps.config.emergencyAccessMs);
    const row = await trx
      .insertInto('emergency_access')
      .values({
        user_id: actor.userId,
        unit_id: decision.unitId,
        person_id: personId,
        reason: body.reason,
        started_at: now,
        expires_at: expiresAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, auditOf(ctx, decision), {
      action: 'emergency_access.start',
      personIds: [personId],
      purpose: 'emergency_access',
      emergency: true,
      details: { found: true, emergencyAccessId: row.id },
    });
    return { personId, expiresAt: expiresAt.toISOString() };
  });
  // The attempt is audited above (emergency_access.start, found: false).
  if (!result) throw new AppError('NOT_FOUND', { audited: true });
  return result;
}

/**
 * The shared shape of every change to a person's file: load the facts, ask the policy (with what
 * the change touches), make the change, and audit it — in one transaction.
 */
async function changePerson<T>(
  deps: ServiceDeps,
  ctx: ActionContext,
  personId: string,
  touches: (facts: PersonFacts) => { lowersProtection: boolean; touchesProtectedDetails: boolean },
  change: (
    trx: Trx,
    facts: PersonFacts,
  ) => Promise<{ result: T; audit: Record<string, string | number | boolean> }>,
): Promise<T> {
  const actor = ctx.actor;
  const now = ctx.now;
  return deps.db.transaction().execute(async (trx) => {
    const facts = (await loadPersonFacts(trx, [personId], actor.userId, now)).get(personId);
    if (!facts) throw new AppError('NOT_FOUND');
    const decision = enforce(
      can(actor, 'person.update', { person: facts, now, ...touches(facts) }),
    );
    const { result, audit } = await change(trx, facts);
    await recordAudit(trx, auditOf(ctx, decision), {
      action: 'person.update',
      personIds: [personId],
      purpose: decision.via,
      protectionBefore: [facts.protectionLevel],
      // Every change names the person whose file it changed; the change adds what else it names.
      details: { personId, ...audit },
    });
    return result;
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
