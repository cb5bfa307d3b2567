import type { ProtectionLevel } from '../../core/domain/protection.ts';
import type { CounterpartRelation } from '../../core/domain/counterparts.ts';
import type { StoredRelationKind, StoredViolence } from '../../core/domain/relations.ts';
import type { Db } from '../db/database.ts';
import type { TargetGroup } from '../db/schema.ts';

/**
 * Families for the tests of the family view (issue 14): persons, their own cases, relations and
 * counterparts written as rows (the APIs that write them are built elsewhere). Every case's
 * content — the intake's text, a journal entry, what a counterpart's record says of his
 * whereabouts and contact — carries a marker of its own, so a test can prove that no view
 * reachable from one member's file carries another member's text.
 */

let serial = 0;

/** A valid personnummer nobody else has: born from `year` on, serial 239, Luhn check digit. */
export function uniquePersonnummer(year: number): string {
  const born = new Date(Date.UTC(year, 0, 1) + serial++ * 86_400_000);
  const digits = `${String(born.getUTCFullYear()).slice(2)}${String(born.getUTCMonth() + 1).padStart(2, '0')}${String(born.getUTCDate()).padStart(2, '0')}239`;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const v = Number(digits.charAt(i)) * (i % 2 === 0 ? 2 : 1);
    sum += Math.floor(v / 10) + (v % 10);
  }
  return `${born.getUTCFullYear()}${digits.slice(2)}${(10 - (sum % 10)) % 10}`;
}

export async function insertFamilyPerson(
  db: Db,
  input: {
    personnummer: string | null;
    givenName: string;
    familyName: string;
    protection?: ProtectionLevel;
  },
) {
  const row = await db
    .insertInto('person')
    .values({
      identity_kind: input.personnummer ? 'personnummer' : null,
      identity_number: input.personnummer,
      given_name: input.givenName,
      family_name: input.familyName,
      protection_level: input.protection ?? 'none',
      created_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A case with content: the intake's text and a journal entry, both carrying `marker`. */
export async function insertFamilyCase(
  db: Db,
  input: {
    personId: string;
    unitId: string;
    assignedUserId: string | null;
    targetGroup: TargetGroup;
    marker: string;
    authorId: string;
  },
) {
  const row = await db
    .insertInto('case')
    .values({
      person_id: input.personId,
      unit_id: input.unitId,
      target_group: input.targetGroup,
      status: 'open',
      assigned_user_id: input.assignedUserId,
      created_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('case_event')
    .values({
      case_id: row.id,
      seq: 1,
      type: 'intake_registered',
      payload: JSON.stringify({
        intakeType: 'self_contact',
        from: `${input.marker}-anmalare`,
        channel: 'phone',
        content: `${input.marker}-inkommet`,
      }),
      recorded_by: null,
    })
    .execute();
  const entry = await db
    .insertInto('journal_entry')
    .values({ case_id: row.id, created_by: input.authorId })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('journal_entry_version')
    .values({
      entry_id: entry.id,
      version: 1,
      occurred_on: '2026-11-20',
      text: `${input.marker}-journal`,
      source_kind: 'person',
      source_detail: null,
      correction_reason: null,
      recorded_by: input.authorId,
    })
    .execute();
  return row.id;
}

export async function insertFamilyRelation(
  db: Db,
  input: {
    from: string;
    to: string;
    kind: StoredRelationKind;
    violence?: StoredViolence;
    guardian?: boolean;
  },
) {
  await db
    .insertInto('person_relation')
    .values({
      person_id: input.from,
      related_person_id: input.to,
      kind: input.kind,
      violence: input.violence ?? 'none',
      guardian: input.guardian ?? false,
      created_by: null,
    })
    .execute();
}

/** A counterpart in `personId`'s file, what she told of him carrying `marker`. */
export async function insertFamilyCounterpart(
  db: Db,
  input: {
    personId: string;
    caseId: string;
    personnummer: string | null;
    relation: CounterpartRelation;
    usesViolence: boolean;
    marker: string;
    recordedBy: string;
    name?: string;
  },
) {
  await db
    .insertInto('counterpart')
    .values({
      id: crypto.randomUUID(),
      version: 1,
      person_id: input.personId,
      case_id: input.caseId,
      identity_kind: input.personnummer ? 'personnummer' : null,
      identity_number: input.personnummer,
      given_name: input.name ?? 'Motpart',
      family_name: null,
      description: `${input.marker}-beskrivning`,
      relation: input.relation,
      uses_violence: input.usesViolence,
      lives_together: null,
      contact: JSON.stringify([{ kind: 'phone', value: `${input.marker}-telefon` }]),
      whereabouts: `${input.marker}-vistelse`,
      recorded_by: input.recordedBy,
    })
    .execute();
}
