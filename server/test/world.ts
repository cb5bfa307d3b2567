import type { Role } from '../../core/policy/roles.ts';
import type { Db } from '../db/database.ts';
import type { ProtectionLevel } from '../../core/domain/protection.ts';
import { createUnit, createUser, loginAs } from './factories.ts';
import type { LoggedIn, TestUser } from './factories.ts';
import { insertProvider } from './providers.ts';
import type { TestApp } from './test-app.ts';

/**
 * A small municipality for authorization tests: two case-handling units, and one actor for each
 * role and relation to the records that matters. Every protected field holds a canary marker, so
 * a test can prove it reaches no one who may not see it.
 */
export const CANARY = 'KANARIEFAGEL';

export const actorNames = [
  'assigned', // adult handläggare assigned to P's and Q's cases
  'colleague', // adult handläggare in the same unit, no assigned cases: sees the intake queue only
  'childrenWorker', // children's handläggare in the other unit
  'outOfHours',
  'manager', // enhetschef of the adult unit
  'otherManager', // enhetschef of the children's unit
  'provider', // a user of the provider the world's uppdrag go to
  'otherProvider', // a user of another provider
  'analyst',
  'admin',
] as const;
export type ActorName = (typeof actorNames)[number];

export interface World {
  units: {
    adult: string;
    children: string;
    outOfHours: string;
    provider: string;
    otherProvider: string;
    management: string;
  };
  /** Providers tied to the provider units, both carrying skyddat boende. */
  providers: { own: string; other: string };
  users: Record<ActorName, TestUser>;
  sessions: Record<ActorName, LoggedIn>;
  persons: {
    /** Unprotected, open case in the adult unit assigned to `assigned`. */
    p: { id: string; personnummer: string; caseId: string };
    /** Skyddad folkbokföring, open case in the adult unit assigned to `assigned`. */
    q: { id: string; personnummer: string; caseId: string };
    /** Unprotected, open unassigned case in the adult unit's intake queue. */
    r: { id: string; personnummer: string; caseId: string };
    /** Unprotected, only a closed case: nobody has a work relation. */
    s: { id: string; personnummer: string; caseId: string };
  };
}

async function insertPerson(
  db: Db,
  input: {
    personnummer: string;
    givenName: string;
    familyName: string;
    protection: ProtectionLevel;
  },
) {
  const person = await db
    .insertInto('person')
    .values({
      identity_kind: 'personnummer',
      identity_number: input.personnummer,
      given_name: input.givenName,
      family_name: input.familyName,
      protection_level: input.protection,
      created_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('contact_channel')
    .values([
      {
        person_id: person.id,
        kind: 'address',
        value: `${CANARY}-adress-${input.familyName}`,
        safe_for_contact: true,
        note: null,
      },
      {
        person_id: person.id,
        kind: 'phone',
        value: `${CANARY}-telefon-${input.familyName}`,
        safe_for_contact: false,
        note: null,
      },
    ])
    .execute();
  await db
    .insertInto('person_protected_detail')
    .values({
      person_id: person.id,
      whereabouts: `${CANARY}-vistelse-${input.familyName}`,
      school: `${CANARY}-skola-${input.familyName}`,
      real_identity:
        input.protection === 'fictitious_identity' ? `${CANARY}-verklig-identitet` : null,
    })
    .execute();
  return person.id;
}

async function insertCase(
  db: Db,
  input: { personId: string; unitId: string; assignedUserId: string | null; closed?: boolean },
) {
  const row = await db
    .insertInto('case')
    .values({
      person_id: input.personId,
      unit_id: input.unitId,
      target_group: 'victim',
      status: input.closed ? 'closed' : 'open',
      closed_at: input.closed ? new Date() : null,
      assigned_user_id: input.assignedUserId,
      created_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // Every case starts its log with the aktualisering.
  await db
    .insertInto('case_event')
    .values({
      case_id: row.id,
      seq: 1,
      type: 'intake_registered',
      payload: JSON.stringify({ intakeType: 'self_contact' }),
      recorded_by: null,
    })
    .execute();
  return row.id;
}

export async function buildWorld(t: TestApp): Promise<World> {
  const db = t.database.db;
  const units = {
    adult: (await createUnit(db, { kind: 'adult' })).id,
    children: (await createUnit(db, { kind: 'children' })).id,
    outOfHours: (await createUnit(db, { kind: 'out_of_hours' })).id,
    provider: (await createUnit(db, { kind: 'provider' })).id,
    otherProvider: (await createUnit(db, { kind: 'provider' })).id,
    management: (await createUnit(db, { kind: 'management' })).id,
  };
  const grants: Record<ActorName, { unitId: string; role: Role }[]> = {
    assigned: [{ unitId: units.adult, role: 'adult_caseworker' }],
    colleague: [{ unitId: units.adult, role: 'adult_caseworker' }],
    childrenWorker: [{ unitId: units.children, role: 'children_caseworker' }],
    outOfHours: [{ unitId: units.outOfHours, role: 'out_of_hours' }],
    manager: [{ unitId: units.adult, role: 'unit_manager' }],
    otherManager: [{ unitId: units.children, role: 'unit_manager' }],
    provider: [{ unitId: units.provider, role: 'provider' }],
    otherProvider: [{ unitId: units.otherProvider, role: 'provider' }],
    analyst: [{ unitId: units.management, role: 'analyst' }],
    admin: [{ unitId: units.management, role: 'administrator' }],
  };
  // Delegation: in the adult unit, handläggare and the manager decide on skyddat boende.
  await db
    .insertInto('delegation')
    .values(
      (['adult_caseworker', 'unit_manager'] as const).map((role) => ({
        unit_id: units.adult,
        intervention: 'shelter' as const,
        role,
        granted_by: null,
      })),
    )
    .execute();
  const users = {} as Record<ActorName, TestUser>;
  for (const name of actorNames)
    users[name] = await createUser(db, { grants: grants[name], totp: false });

  const make = async (
    personnummer: string,
    familyName: string,
    protection: ProtectionLevel,
    assignedUserId: string | null,
    closed = false,
  ) => {
    const id = await insertPerson(db, { personnummer, givenName: 'Testa', familyName, protection });
    const caseId = await insertCase(db, {
      personId: id,
      unitId: units.adult,
      assignedUserId,
      closed,
    });
    return { id, personnummer, caseId };
  };
  const persons = {
    p: await make('199203122388', 'Persson', 'none', users.assigned.id),
    q: await make('199206152382', 'Qvist', 'protected_registration', users.assigned.id),
    r: await make('199211042388', 'Rask', 'none', null),
    s: await make('199302042388', 'Sand', 'none', users.assigned.id, true),
  };
  // P and Q are partners; Q uses violence against P. R is P's sibling.
  await db
    .insertInto('person_relation')
    .values([
      {
        person_id: persons.q.id,
        related_person_id: persons.p.id,
        kind: 'partner',
        violence: 'person_against_related',
        created_by: null,
      },
      {
        person_id: persons.p.id,
        related_person_id: persons.r.id,
        kind: 'sibling',
        violence: 'none',
        created_by: null,
      },
    ])
    .execute();

  const providers = {
    own: await insertProvider(db, { unitId: units.provider, interventions: ['shelter'] }),
    other: await insertProvider(db, { unitId: units.otherProvider, interventions: ['shelter'] }),
  };

  const sessions = {} as Record<ActorName, LoggedIn>;
  for (const name of actorNames) sessions[name] = await loginAs(t.app, users[name]);
  return { units, users, sessions, persons, providers };
}
