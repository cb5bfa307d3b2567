import type { KnownChannel } from '../../core/domain/counterparts.ts';
import type { IntakeHousehold } from '../../core/contracts/cases.ts';
import type { IdentityNumber } from '../../core/domain/personal-identity.ts';
import type { ProtectionLevel } from '../../core/domain/protection.ts';
import { relationFromSide } from '../../core/domain/relations.ts';
import { can } from '../../core/policy/policy.ts';
import type { Actor } from '../../core/policy/policy.ts';
import type { Trx } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { insertCounterpart } from './counterparts.ts';
import { parseIdentityOrFail } from './identity.ts';
import { changeRelation } from './relations.ts';
import { findPersonIdByIdentity, loadPersonFacts } from './persons.repository.ts';
import { routeMatter } from './routing.ts';

/**
 * The household around a case: the children linked to the case's person, the adults recorded as
 * counterparts in her file. One place for the rule that linking never gives a child one could
 * not open (docs/SECURITY.md, "Access is granted, never taken"): a number that belongs to a
 * child here whom the author may not read links nothing; the information is routed to the unit
 * responsible for the child's file, and the author learns only that it was passed on.
 */

/** Where the household is recorded: the case's person and the case, and who records it. */
export interface HouseholdAt {
  personId: string;
  caseId: string;
  /** The case's unit and its name: where the routed information says it came from. */
  unitId: string;
  unitName: string;
  actor: Actor;
  now: Date;
}

export interface HouseholdChildInput {
  identity: IdentityNumber | undefined;
  givenName: string;
  familyName: string;
  protectionLevel: ProtectionLevel;
  /** The age the person states for a child without a known number, and on which day. */
  statedAge: { age: number; on: string } | null;
  /** The case's person is the child's vårdnadshavare. */
  guardian: boolean;
}

export type LinkedChild =
  | { outcome: 'linked'; childPersonId: string; personCreated: boolean }
  | { outcome: 'routed'; childPersonId: string; routedCaseId: string };

/** Where information about a child with no case goes: the first unit for children and young people. */
export async function firstChildrenUnit(trx: Trx): Promise<string | undefined> {
  const unit = await trx
    .selectFrom('unit')
    .select('id')
    .where('kind', '=', 'children')
    .orderBy('name')
    .executeTakeFirst();
  return unit?.id;
}

/**
 * Links a child to the case's person as her child (parent_of), creating the child's record when
 * the number is not known; or routes the information when it belongs to a child the author may
 * not open. `identityPath` names the field for the error when the number is the person's own.
 */
export async function linkHouseholdChild(
  trx: Trx,
  at: Omit<HouseholdAt, 'caseId'>,
  child: HouseholdChildInput,
  identityPath: string,
): Promise<LinkedChild> {
  const { actor, now } = at;
  const knownId = child.identity
    ? await findPersonIdByIdentity(trx, child.identity.normalized)
    : undefined;
  if (knownId === at.personId) {
    throw new AppError('VALIDATION', {
      fields: [{ path: identityPath, message: 'Det är ärendets egen person.' }],
    });
  }
  let childId: string;
  if (knownId) {
    const known = (await loadPersonFacts(trx, [knownId], actor.userId, now)).get(knownId);
    if (!known) throw new AppError('NOT_FOUND');
    if (!can(actor, 'person.read', { person: known, now }).allowed) {
      const routed = await routeMatter(
        trx,
        {
          unitId: at.unitId,
          targetGroup: 'child',
          intake: {
            type: 'referral',
            from: `${at.unitName}, i ett ärende om en vuxen`,
            channel: 'other',
            receivedAt: now.toISOString(),
            content:
              'Barnet har uppgetts ingå i hushållet hos en vuxen som har ett ärende hos oss. Kontakta enheten för mer information.',
          },
          acuteScreening: {
            acuteNeed: 'unclear',
            motivation: 'Inte bedömt: uppgiften skickades vidare från en annan enhet.',
          },
        },
        knownId,
        actor.userId,
        now,
        await firstChildrenUnit(trx),
      );
      return { outcome: 'routed', childPersonId: knownId, routedCaseId: routed.caseId };
    }
    childId = knownId;
  } else {
    const created = await trx
      .insertInto('person')
      .values({
        identity_kind: child.identity?.kind ?? null,
        identity_number: child.identity?.normalized ?? null,
        given_name: child.givenName,
        family_name: child.familyName,
        protection_level: child.protectionLevel,
        stated_age: child.statedAge?.age ?? null,
        stated_age_on: child.statedAge?.on ?? null,
        created_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    childId = created.id;
  }
  const inserted = await trx
    .insertInto('person_relation')
    .values({
      person_id: at.personId,
      related_person_id: childId,
      kind: 'parent_of',
      violence: 'unknown',
      guardian: child.guardian,
      created_by: actor.userId,
    })
    .onConflict((oc) => oc.columns(['person_id', 'related_person_id', 'kind']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) {
    await holdAgain(trx, { parentId: at.personId, childId, guardian: child.guardian }, actor, now);
  }
  return { outcome: 'linked', childPersonId: childId, personCreated: !knownId };
}

/**
 * A child registered again in the household of a parent whose relation to it was ended or marked
 * wrongly recorded: the relation holds again, as its next version with the reason — its history
 * (who ended it, when and why) stays. A relation that holds is left as it is.
 */
async function holdAgain(
  trx: Trx,
  r: { parentId: string; childId: string; guardian: boolean },
  actor: { userId: string },
  now: Date,
) {
  const existing = await trx
    .selectFrom('person_relation')
    .select(['id', 'status', 'version', 'violence'])
    .where('person_id', '=', r.parentId)
    .where('related_person_id', '=', r.childId)
    .where('kind', '=', 'parent_of')
    .executeTakeFirstOrThrow();
  if (existing.status === 'current') return;
  const seen = relationFromSide(
    {
      personId: r.parentId,
      relatedPersonId: r.childId,
      kind: 'parent_of',
      violence: existing.violence,
    },
    r.parentId,
  );
  await changeRelation(
    trx,
    { relationId: existing.id, viewerPersonId: r.parentId, recordedBy: actor.userId, now },
    {
      change: 'correction',
      kind: seen.kind,
      violence: seen.violence,
      guardian: r.guardian,
      reason: 'Registrerat igen som barn i hushållet.',
      version: existing.version,
    },
  );
}

/** The household with its numbers checked: what recordHousehold writes. */
export interface ParsedHousehold {
  adults: (IntakeHousehold['adults'][number] & {
    parsed: Extract<IdentityNumber, { kind: 'personnummer' | 'samordningsnummer' }> | undefined;
    /** The channels known of the adult (from a transfer package); none when told at intake. */
    contact?: readonly KnownChannel[];
  })[];
  children: (IntakeHousehold['children'][number] & { parsed: IdentityNumber | undefined })[];
}

/**
 * Checks every number in the household before anything is written: each must be valid, none the
 * person's own, no child twice. Errors name the field (`base` is the household's path).
 */
export function parseHousehold(
  household: IntakeHousehold,
  today: string,
  ownNumber: string | undefined,
  base = 'body.household',
): ParsedHousehold {
  const fail = (path: string, message: string): never => {
    throw new AppError('VALIDATION', { fields: [{ path, message }] });
  };
  const adults = household.adults.map((a, i) => {
    const path = `${base}.adults.${String(i)}.identity.number`;
    const parsed = a.identity
      ? (parseIdentityOrFail(a.identity.kind, a.identity.number, today, path) as Extract<
          IdentityNumber,
          { kind: 'personnummer' | 'samordningsnummer' }
        >)
      : undefined;
    if (parsed && parsed.normalized === ownNumber) fail(path, 'Det är personens eget nummer.');
    return { ...a, parsed };
  });
  const seen = new Set<string>();
  const children = household.children.map((c, i) => {
    const path = `${base}.children.${String(i)}.identity.number`;
    const parsed = c.identity
      ? parseIdentityOrFail(c.identity.kind, c.identity.number, today, path)
      : undefined;
    if (parsed) {
      if (parsed.normalized === ownNumber) fail(path, 'Det är personens eget nummer.');
      if (seen.has(parsed.normalized)) fail(path, 'Barnet finns redan med i hushållet.');
      if (adults.some((a) => a.parsed?.normalized === parsed.normalized)) {
        fail(path, 'Numret är redan ifyllt för en vuxen i hushållet.');
      }
      seen.add(parsed.normalized);
    }
    return { ...c, parsed };
  });
  return { adults, children };
}

export interface RecordedHousehold {
  counterpartIds: string[];
  children: LinkedChild[];
}

/**
 * Records the household in the case: each adult as a counterpart in the person's file, each
 * child linked (or routed). Part of the caller's transaction: an error anywhere writes nothing.
 * New children get the person's protection level — a child living with a parent under skyddade
 * personuppgifter is, as a rule, protected too, and the level can be changed on the child's file.
 */
export async function recordHousehold(
  trx: Trx,
  at: HouseholdAt,
  household: ParsedHousehold,
  protectionLevel: ProtectionLevel,
  today: string,
): Promise<RecordedHousehold> {
  const counterpartIds: string[] = [];
  for (const a of household.adults) {
    counterpartIds.push(
      await insertCounterpart(
        trx,
        { personId: at.personId, caseId: at.caseId, recordedBy: at.actor.userId, now: at.now },
        {
          identity: a.parsed ? { kind: a.parsed.kind, normalized: a.parsed.normalized } : null,
          givenName: a.givenName || null,
          familyName: a.familyName || null,
          description: a.description || null,
          relation: a.relation,
          usesViolence: a.usesViolence,
          livesTogether: a.livesTogether,
          contact: [...(a.contact ?? [])],
          whereabouts: null,
        },
      ),
    );
  }
  const children: LinkedChild[] = [];
  for (const [i, c] of household.children.entries()) {
    children.push(
      await linkHouseholdChild(
        trx,
        at,
        {
          identity: c.parsed,
          givenName: c.givenName,
          familyName: c.familyName,
          protectionLevel,
          statedAge: c.parsed || c.statedAge === null ? null : { age: c.statedAge, on: today },
          guardian: c.guardian,
        },
        `body.household.children.${String(i)}.identity.number`,
      ),
    );
  }
  return { counterpartIds, children };
}
