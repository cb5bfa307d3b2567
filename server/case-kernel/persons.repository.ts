import { sql } from 'kysely';
import type { Expression, SqlBool } from 'kysely';
import type { CaseSummary, ContactChannel, PersonSummary } from '../../core/contracts/persons.ts';
import { formatIdentityNumber } from '../../core/domain/personal-identity.ts';
import type { StoredRelation } from '../../core/domain/relations.ts';
import type { RecordStatus } from '../../core/domain/counterparts.ts';
import type { Actor, PersonFacts } from '../../core/policy/policy.ts';
import { caseworkerRoles } from '../../core/policy/roles.ts';
import type { Db, Trx } from '../db/database.ts';
import type { PersonTable } from '../db/schema.ts';

type Reader = Db | Trx;

/**
 * What the policy needs to decide about each person: protection level, every case with its unit,
 * assignee and status, and the actor's live emergency access. Persons that do not exist are absent.
 */
export async function loadPersonFacts(
  db: Reader,
  personIds: readonly string[],
  actorUserId: string,
  now: Date,
): Promise<Map<string, PersonFacts>> {
  const ids = [...new Set(personIds)];
  const facts = new Map<string, PersonFacts>();
  if (ids.length === 0) return facts;
  const [persons, cases, emergency] = await Promise.all([
    db.selectFrom('person').select(['id', 'protection_level']).where('id', 'in', ids).execute(),
    db
      .selectFrom('case')
      .select(['id', 'person_id', 'unit_id', 'assigned_user_id', 'status', 'routed_by'])
      .where('person_id', 'in', ids)
      .execute(),
    db
      .selectFrom('emergency_access')
      .select(['person_id', (eb) => eb.fn.max('expires_at').as('until')])
      .where('user_id', '=', actorUserId)
      .where('person_id', 'in', ids)
      .where('expires_at', '>', now)
      .groupBy('person_id')
      .execute(),
  ]);
  const casesOf = Map.groupBy(cases, (c) => c.person_id);
  const emergencyOf = new Map(emergency.map((e) => [e.person_id, e.until]));
  for (const p of persons) {
    facts.set(p.id, {
      personId: p.id,
      protectionLevel: p.protection_level,
      cases: (casesOf.get(p.id) ?? []).map((c) => ({
        caseId: c.id,
        unitId: c.unit_id,
        assignedUserId: c.assigned_user_id,
        status: c.status,
        routedBy: c.routed_by,
      })),
      emergencyAccessUntil: emergencyOf.get(p.id),
    });
  }
  return facts;
}

/**
 * The open cases through which an actor could possibly read the case's person, as a condition on
 * `c`: a superset of what the policy allows (it keeps a search from touching everyone; the
 * policy still decides for each result). Written as a plain OR of three index-shaped arms — own
 * cases, the unit's unassigned queue, a managed unit's open cases — so that the planner can
 * combine three partial indexes instead of reading every open case of the unit.
 */
function openCaseVisibleTo(actor: Actor) {
  const caseworkerUnits = actor.grants
    .filter((g) => caseworkerRoles.has(g.role))
    .map((g) => g.unitId);
  const managerUnits = actor.grants.filter((g) => g.role === 'unit_manager').map((g) => g.unitId);
  const none = ['00000000-0000-0000-0000-000000000000'];
  const cw = caseworkerUnits.length ? caseworkerUnits : none;
  return sql<SqlBool>`c.status = 'open' and (
    (c.assigned_user_id = ${actor.userId} and c.unit_id = any(${cw}::uuid[]))
    or (c.assigned_user_id is null and c.unit_id = any(${cw}::uuid[])
        and c.routed_by is distinct from ${actor.userId})
    or c.unit_id = any(${managerUnits.length ? managerUnits : none}::uuid[]))`;
}

/**
 * The possibly-visible filter for a search that starts from the person (one personnummer):
 * correlated EXISTS checks the one candidate through the case(person_id) index.
 */
export function possiblyVisible(actor: Actor, now: Date) {
  return sql<SqlBool>`(
    exists (select 1 from "case" c where c.person_id = person.id and ${openCaseVisibleTo(actor)})
    or exists (
      select 1 from emergency_access e
      where e.person_id = person.id and e.user_id = ${actor.userId} and e.expires_at > ${now}))`;
}

/**
 * The same persons as ids, for a search that starts from the actor (a name): a handläggare can
 * possibly read a few hundred persons, while a common name prefix matches tens of thousands, so
 * the name is checked on the candidates and not the other way round (bench/load.ts, search_name:
 * p95 461 ms on M when the search started from the name).
 */
export function possiblyVisibleIds(actor: Actor, now: Date) {
  return sql<string>`(
    select c.person_id from "case" c where ${openCaseVisibleTo(actor)}
    union
    select e.person_id from emergency_access e
    where e.user_id = ${actor.userId} and e.expires_at > ${now})`;
}

const summaryColumns = [
  'person.id',
  'given_name',
  'family_name',
  'identity_kind',
  'identity_number',
  'protection_level',
] as const;

type SummaryRow = Pick<
  PersonTable,
  'given_name' | 'family_name' | 'identity_kind' | 'identity_number'
> & {
  id: string;
  protection_level: PersonSummary['protectionLevel'];
};

/** A person's name as one line in a document or a list: given and family name, as far as known. */
export function fullName(row: Pick<PersonTable, 'given_name' | 'family_name'>): string {
  return [row.given_name, row.family_name].filter(Boolean).join(' ') || 'Okänd person';
}

export function toSummary(row: SummaryRow): PersonSummary {
  return {
    id: row.id,
    givenName: row.given_name,
    familyName: row.family_name,
    identity:
      row.identity_kind && row.identity_number
        ? {
            kind: row.identity_kind,
            display: formatIdentityNumber(row.identity_number, row.identity_kind),
          }
        : null,
    protectionLevel: row.protection_level,
  };
}

export async function findPersonSummaries(
  db: Reader,
  ids: readonly string[],
): Promise<Map<string, PersonSummary>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('person')
    .select(summaryColumns)
    .where('person.id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, toSummary(r)]));
}

export async function searchByIdentity(
  db: Reader,
  normalized: string,
  visible: Expression<SqlBool>,
) {
  const rows = await db
    .selectFrom('person')
    .select(summaryColumns)
    .where('identity_number', '=', normalized)
    .where(visible)
    .execute();
  return rows.map(toSummary);
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Every word must begin the given or the family name, case-insensitively. */
export async function searchByName(
  db: Reader,
  query: string,
  candidates: Expression<string>,
  limit: number,
) {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 5);
  let q = db.selectFrom('person').select(summaryColumns).where('person.id', 'in', candidates);
  for (const word of words) {
    const pattern = `${escapeLike(word)}%`;
    q = q.where((eb) =>
      eb.or([
        eb(sql`lower(given_name)`, 'like', pattern),
        eb(sql`lower(family_name)`, 'like', pattern),
      ]),
    );
  }
  const rows = await q
    .orderBy('family_name')
    .orderBy('given_name')
    .orderBy('person.id')
    .limit(limit + 1)
    .execute();
  return { results: rows.slice(0, limit).map(toSummary), truncated: rows.length > limit };
}

export async function findPersonIdByIdentity(db: Reader, normalized: string) {
  const row = await db
    .selectFrom('person')
    .select('id')
    .where('identity_number', '=', normalized)
    .executeTakeFirst();
  return row?.id;
}

export async function loadCaseSummaries(
  db: Reader,
  caseIds: readonly string[],
): Promise<CaseSummary[]> {
  if (caseIds.length === 0) return [];
  const rows = await db
    .selectFrom('case')
    .innerJoin('unit', 'unit.id', 'case.unit_id')
    .leftJoin('app_user', 'app_user.id', 'case.assigned_user_id')
    .select([
      'case.id',
      'case.unit_id',
      'unit.name as unit_name',
      'case.target_group',
      'case.status',
      'case.opened_at',
      'case.closed_at',
      'app_user.id as assignee_id',
      'app_user.display_name as assignee_name',
    ])
    .where('case.id', 'in', [...caseIds])
    .orderBy('case.opened_at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    targetGroup: r.target_group,
    status: r.status,
    openedAt: r.opened_at.toISOString(),
    closedAt: r.closed_at?.toISOString() ?? null,
    assignedTo:
      r.assignee_id && r.assignee_name ? { id: r.assignee_id, displayName: r.assignee_name } : null,
  }));
}

export async function loadRelations(
  db: Reader,
  personId: string,
): Promise<
  (StoredRelation & { id: string; guardian: boolean; status: RecordStatus; version: number })[]
> {
  // Every relation, ended and wrongly recorded ones too: the personakt shows them apart. A rule
  // that decides anything reads only those with status 'current'.
  const rows = await db
    .selectFrom('person_relation')
    .select([
      'id',
      'person_id',
      'related_person_id',
      'kind',
      'violence',
      'guardian',
      'status',
      'version',
    ])
    .where((eb) => eb.or([eb('person_id', '=', personId), eb('related_person_id', '=', personId)]))
    .orderBy('created_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    personId: r.person_id,
    relatedPersonId: r.related_person_id,
    kind: r.kind,
    violence: r.violence,
    guardian: r.guardian,
    status: r.status,
    version: r.version,
  }));
}

export async function loadDetails(db: Reader, personId: string) {
  const [channels, detail] = await Promise.all([
    db
      .selectFrom('contact_channel')
      .select(['id', 'kind', 'value', 'safe_for_contact', 'note', 'version'])
      .where('person_id', '=', personId)
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('person_protected_detail')
      .select(['whereabouts', 'school', 'real_identity'])
      .where('person_id', '=', personId)
      .executeTakeFirst(),
  ]);
  const contactChannels: ContactChannel[] = channels.map(toContactChannel);
  return {
    contactChannels,
    whereabouts: detail?.whereabouts ?? null,
    school: detail?.school ?? null,
    realIdentity: detail?.real_identity ?? null,
  };
}

export function toContactChannel(c: {
  id: string;
  kind: ContactChannel['kind'];
  value: string;
  safe_for_contact: boolean;
  note: string | null;
  version: number;
}): ContactChannel {
  return {
    id: c.id,
    kind: c.kind,
    value: c.value,
    safeForContact: c.safe_for_contact,
    note: c.note,
    version: c.version,
  };
}

export async function findPersonVersion(db: Reader, personId: string) {
  const row = await db
    .selectFrom('person')
    .select('version')
    .where('id', '=', personId)
    .executeTakeFirst();
  return row?.version;
}
