import { randomUUID } from 'node:crypto';
import {
  channelsOfThoseUsingViolence,
  currentCounterparts,
  latestVersions,
} from '../../core/domain/counterparts.ts';
import type { ViolentParty } from '../../core/domain/disclosure-guard.ts';
import type { OtherPerson } from '../../core/domain/certificates.ts';
import type { CounterpartVersion, KnownChannel } from '../../core/domain/counterparts.ts';
import type { Db, Trx } from '../db/database.ts';
import { appendVersion } from '../db/versions.ts';
import type { CounterpartTable } from '../db/schema.ts';
import type { Selectable } from 'kysely';

type Reader = Db | Trx;

/** What a new counterpart or a new version of one says (core/domain/counterparts.ts). */
export type CounterpartFields = Omit<
  CounterpartVersion,
  'id' | 'version' | 'personId' | 'caseId' | 'status' | 'changeReason' | 'recordedBy' | 'recordedAt'
>;

function toVersion(r: Selectable<CounterpartTable>): CounterpartVersion {
  return {
    id: r.id,
    version: r.version,
    personId: r.person_id,
    caseId: r.case_id,
    identity:
      r.identity_kind && r.identity_number
        ? { kind: r.identity_kind, normalized: r.identity_number }
        : null,
    givenName: r.given_name,
    familyName: r.family_name,
    description: r.description,
    relation: r.relation,
    usesViolence: r.uses_violence,
    livesTogether: r.lives_together,
    contact: r.contact,
    whereabouts: r.whereabouts,
    status: r.status,
    changeReason: r.change_reason,
    recordedBy: r.recorded_by,
    recordedAt: r.recorded_at,
  };
}

function row(fields: CounterpartFields) {
  return {
    identity_kind: fields.identity?.kind ?? null,
    identity_number: fields.identity?.normalized ?? null,
    given_name: fields.givenName,
    family_name: fields.familyName,
    description: fields.description,
    relation: fields.relation,
    uses_violence: fields.usesViolence,
    lives_together: fields.livesTogether,
    contact: JSON.stringify(fields.contact),
    whereabouts: fields.whereabouts,
  };
}

/** Records a counterpart in the file of the case's person; its first version. */
export async function insertCounterpart(
  trx: Trx,
  at: { personId: string; caseId: string; recordedBy: string; now: Date },
  fields: CounterpartFields,
): Promise<string> {
  const id = randomUUID();
  await trx
    .insertInto('counterpart')
    .values({
      id,
      version: 1,
      person_id: at.personId,
      case_id: at.caseId,
      ...row(fields),
      recorded_by: at.recordedBy,
      recorded_at: at.now,
    })
    .execute();
  return id;
}

/**
 * The latest version of every counterpart in these persons' files. Only for a reader who may
 * read those files (what she told about him is her file's content), or for a rule.
 */
export async function loadCounterparts(
  db: Reader,
  personIds: readonly string[],
): Promise<CounterpartVersion[]> {
  if (personIds.length === 0) return [];
  const rows = await db
    .selectFrom('counterpart')
    .selectAll()
    .where('person_id', 'in', [...new Set(personIds)])
    .orderBy('recorded_at')
    .orderBy('id')
    .orderBy('version')
    .execute();
  return latestVersions(rows.map(toVersion));
}

/**
 * The persons in Värn whose identity numbers the counterparts carry: the link, for the rules
 * only. Never shown, and never a basis for access (core/domain/counterparts.ts).
 */
export async function linkedPersonIds(
  db: Reader,
  counterparts: readonly Pick<CounterpartVersion, 'identity' | 'status'>[],
): Promise<Map<string, string>> {
  const numbers = [
    ...new Set(
      counterparts.flatMap((c) =>
        c.status === 'current' && c.identity ? [c.identity.normalized] : [],
      ),
    ),
  ];
  if (numbers.length === 0) return new Map();
  const rows = await db
    .selectFrom('person')
    .select(['id', 'identity_number'])
    .where('identity_number', 'in', numbers)
    .execute();
  return new Map(rows.flatMap((r) => (r.identity_number ? [[r.identity_number, r.id]] : [])));
}

/** The contact channels registered on these persons' own files (for a rule, never shown). */
export async function channelsOfPersons(
  db: Reader,
  personIds: readonly string[],
): Promise<KnownChannel[]> {
  if (personIds.length === 0) return [];
  return db
    .selectFrom('contact_channel')
    .select(['kind', 'value'])
    .where('person_id', 'in', [...new Set(personIds)])
    .execute();
}

/**
 * The persons in Värn recorded as using violence against `personId`: from either side of a
 * relation that holds now, and through her file's counterparts linked by identity number.
 */
export async function personsUsingViolenceAgainst(
  db: Reader,
  personId: string,
  counterparts: readonly CounterpartVersion[],
): Promise<string[]> {
  const rows = await db
    .selectFrom('person_relation')
    .select(['person_id', 'related_person_id'])
    .where('status', '=', 'current')
    .where((eb) =>
      eb.or([
        eb.and([
          eb('person_id', '=', personId),
          eb('violence', 'in', ['related_against_person', 'mutual']),
        ]),
        eb.and([
          eb('related_person_id', '=', personId),
          eb('violence', 'in', ['person_against_related', 'mutual']),
        ]),
      ]),
    )
    .execute();
  const related = rows.map((r) => (r.person_id === personId ? r.related_person_id : r.person_id));
  const linked = await linkedPersonIds(
    db,
    counterparts.filter((c) => c.usesViolence),
  );
  return [...new Set([...related, ...linked.values()])].filter((id) => id !== personId);
}

/**
 * Every channel that those who use violence against `personId` can reach, as far as Värn knows:
 * what her file records of them, and the channels on their own files (linked or related). For
 * the safe-channel check (core/domain/safe-channel.ts); never shown.
 */
export async function channelsReachableByViolence(
  db: Reader,
  personId: string,
): Promise<KnownChannel[]> {
  const counterparts = (await loadCounterparts(db, [personId])).filter(
    (c) => c.personId === personId,
  );
  const persons = await personsUsingViolenceAgainst(db, personId, counterparts);
  return channelsOfThoseUsingViolence(counterparts, await channelsOfPersons(db, persons));
}

/**
 * The people recorded as using violence against `personId`, as the disclosure guard compares
 * them (core/domain/disclosure-guard.ts): her file's counterparts who use violence, with what it
 * records of them, and the persons in Värn it links to, with their own files' names and channels.
 * For the guard only; never shown.
 */
export async function violentParties(db: Reader, personId: string): Promise<ViolentParty[]> {
  const counterparts = (await loadCounterparts(db, [personId])).filter(
    (c) => c.personId === personId,
  );
  const ids = await personsUsingViolenceAgainst(db, personId, counterparts);
  const [persons, channels] = await Promise.all([
    ids.length
      ? db
          .selectFrom('person')
          .select(['id', 'given_name', 'family_name'])
          .where('id', 'in', ids)
          .execute()
      : Promise.resolve([]),
    ids.length
      ? db
          .selectFrom('contact_channel')
          .select(['person_id', 'kind', 'value'])
          .where('person_id', 'in', ids)
          .execute()
      : Promise.resolve([]),
  ]);
  return [
    ...currentCounterparts(counterparts)
      .filter((c) => c.usesViolence)
      .map((c) => ({ givenName: c.givenName, familyName: c.familyName, channels: c.contact })),
    ...persons.map((p) => ({
      givenName: p.given_name,
      familyName: p.family_name,
      channels: channels
        .filter((c) => c.person_id === p.id)
        .map((c) => ({ kind: c.kind, value: c.value })),
    })),
  ];
}

/**
 * Everyone other than `personId` whom her file names: its counterparts, and the persons in Värn
 * linked to it (relatives, children, the other side of a relation). For the check that an intyg
 * says nothing about another person without a secrecy test (core/domain/certificates.ts); never
 * shown.
 */
export async function othersOfFile(db: Reader, personId: string): Promise<OtherPerson[]> {
  const [counterparts, links] = await Promise.all([
    loadCounterparts(db, [personId]),
    linkedPersons(db, personId),
  ]);
  const ids = [...new Set(links.map((l) => l.personId))];
  const persons = ids.length
    ? await db
        .selectFrom('person')
        .select(['given_name', 'family_name'])
        .where('id', 'in', ids)
        .execute()
    : [];
  return [
    ...currentCounterparts(counterparts.filter((c) => c.personId === personId)).map((c) => ({
      givenName: c.givenName,
      familyName: c.familyName,
    })),
    ...persons.map((p) => ({ givenName: p.given_name, familyName: p.family_name })),
  ];
}

/** How another person in Värn is linked to a person's file. */
export interface LinkedPerson {
  personId: string;
  /**
   * 'relation': a relation between the two persons holds (person_relation). 'own_counterpart':
   * her file records a counterpart with the other's identity number. 'their_counterpart': the
   * other's file records a counterpart with her identity number. The last two are links for the
   * rules only.
   */
  via: 'relation' | 'own_counterpart' | 'their_counterpart';
  /** The other uses violence against the person, as the link records it. */
  usesViolenceAgainst: boolean;
  /** The person uses violence against the other, as the link records it. */
  subjectedByPerson: boolean;
}

/**
 * Every person in Värn linked to `personId`'s file, in both directions: by a relation that holds,
 * or by a counterpart's identity number in either file. For the rules and for what the policy
 * lets a reader know of — never itself a basis for access.
 */
export async function linkedPersons(db: Reader, personId: string): Promise<LinkedPerson[]> {
  const [relations, own, me] = await Promise.all([
    db
      .selectFrom('person_relation')
      .select(['person_id', 'related_person_id', 'violence'])
      .where('status', '=', 'current')
      .where((eb) =>
        eb.or([eb('person_id', '=', personId), eb('related_person_id', '=', personId)]),
      )
      .execute(),
    loadCounterparts(db, [personId]),
    db.selectFrom('person').select('identity_number').where('id', '=', personId).executeTakeFirst(),
  ]);
  const links: LinkedPerson[] = relations.map((r) => {
    const fromPerson = r.person_id === personId;
    const againstOther = fromPerson ? 'person_against_related' : 'related_against_person';
    const againstMe = fromPerson ? 'related_against_person' : 'person_against_related';
    return {
      personId: fromPerson ? r.related_person_id : r.person_id,
      via: 'relation',
      usesViolenceAgainst: r.violence === againstMe || r.violence === 'mutual',
      subjectedByPerson: r.violence === againstOther || r.violence === 'mutual',
    };
  });
  const current = own.filter((c) => c.status === 'current');
  const byNumber = await linkedPersonIds(db, current);
  for (const c of current) {
    const linked = c.identity && byNumber.get(c.identity.normalized);
    if (linked && linked !== personId) {
      links.push({
        personId: linked,
        via: 'own_counterpart',
        usesViolenceAgainst: c.usesViolence,
        subjectedByPerson: false,
      });
    }
  }
  if (me?.identity_number) {
    const theirs = await db
      .selectFrom('counterpart')
      .select(['id', 'person_id'])
      .where('identity_number', '=', me.identity_number)
      .execute();
    const owners = latestVersions(
      await loadCounterparts(db, [...new Set(theirs.map((t) => t.person_id))]),
    ).filter(
      (c) =>
        c.status === 'current' &&
        c.identity?.normalized === me.identity_number &&
        c.personId !== personId,
    );
    for (const c of owners) {
      links.push({
        personId: c.personId,
        via: 'their_counterpart',
        usesViolenceAgainst: false,
        subjectedByPerson: c.usesViolence,
      });
    }
  }
  return links;
}

/**
 * The next version of a counterpart: a correction (new fields), or its end or a mistake (the
 * fields as they were, a new status). Refused with a 409 when `basedOn` is not the latest, or
 * when another change from the same version got in first (server/db/versions.ts).
 */
export async function appendCounterpartVersion(
  trx: Trx,
  latest: CounterpartVersion,
  basedOn: number,
  at: { recordedBy: string; now: Date },
  next: { fields: CounterpartFields; status: CounterpartVersion['status']; reason: string },
): Promise<number> {
  return appendVersion(latest.version, basedOn, (version) =>
    trx
      .insertInto('counterpart')
      .values({
        id: latest.id,
        version,
        person_id: latest.personId,
        case_id: latest.caseId,
        ...row(next.fields),
        status: next.status,
        change_reason: next.reason,
        recorded_by: at.recordedBy,
        recorded_at: at.now,
      })
      .execute(),
  );
}

/** Every version of the counterparts in these persons' files, oldest first per counterpart. */
export async function loadCounterpartHistory(
  db: Reader,
  personIds: readonly string[],
): Promise<CounterpartVersion[]> {
  if (personIds.length === 0) return [];
  const rows = await db
    .selectFrom('counterpart')
    .selectAll()
    .where('person_id', 'in', [...new Set(personIds)])
    .orderBy('id')
    .orderBy('version')
    .execute();
  return rows.map(toVersion);
}
