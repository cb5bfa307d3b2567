import { addDays } from '../../core/domain/calendar.ts';
import type { Db } from '../db/database.ts';
import { stockholmDate } from '../time.ts';
import { createUnit, createUser, loginAs } from './factories.ts';
import type { LoggedIn, TestUser } from './factories.ts';
import { insertFamilyCase, insertFamilyPerson, uniquePersonnummer } from './family.ts';
import type { TestApp } from './test-app.ts';
import type { World } from './world.ts';

/**
 * A family for the samråd tests (issue 15 item 2): the world's P (the victim, in the adult unit,
 * assigned to `assigned`), her child in the children's unit (assigned to `childrenWorker`) and
 * the man who uses violence against her in a third unit of his own, with its handläggare. Each
 * file's content carries its own marker, so a test can prove no view carries another's.
 */
export interface MeetingFamily {
  child: { personId: string; caseId: string };
  perpetrator: { personId: string; caseId: string };
  perpetratorUnit: { id: string; name: string };
  perpetratorWorker: TestUser;
  perpetratorSession: LoggedIn;
}

export async function buildMeetingFamily(t: TestApp, w: World): Promise<MeetingFamily> {
  const db = t.database.db;
  const perpetratorUnit = await createUnit(db, { name: 'Enheten för våldsutövare' });
  const perpetratorWorker = await createUser(db, {
    grants: [{ unitId: perpetratorUnit.id, role: 'adult_caseworker' }],
    totp: false,
  });
  const childId = await insertFamilyPerson(db, {
    personnummer: uniquePersonnummer(2016),
    givenName: 'Lilly',
    familyName: 'Persson',
  });
  const perpetratorId = await insertFamilyPerson(db, {
    personnummer: uniquePersonnummer(1988),
    givenName: 'Kent',
    familyName: 'Kvist',
  });
  const child = {
    personId: childId,
    caseId: await insertFamilyCase(db, {
      personId: childId,
      unitId: w.units.children,
      assignedUserId: w.users.childrenWorker.id,
      targetGroup: 'child',
      marker: 'BARNAKT',
      authorId: w.users.childrenWorker.id,
    }),
  };
  const perpetrator = {
    personId: perpetratorId,
    caseId: await insertFamilyCase(db, {
      personId: perpetratorId,
      unitId: perpetratorUnit.id,
      assignedUserId: perpetratorWorker.id,
      targetGroup: 'perpetrator',
      marker: 'UTOVARAKT',
      authorId: perpetratorWorker.id,
    }),
  };
  return {
    child,
    perpetrator,
    perpetratorUnit,
    perpetratorWorker,
    perpetratorSession: await loginAs(t.app, perpetratorWorker),
  };
}

/**
 * A samråd written as rows, for tests of who may reach it (calling one through the API is
 * server/features/coordination-meetings/meetings.test.ts's): called by `assigned` from P's case
 * for tomorrow, with the children's unit taking part, and the child's file joined when given.
 */
export async function meetingOnP(
  db: Db,
  w: World,
  input: { childCaseId?: string; childJoinedBy?: string } = {},
): Promise<{ meetingId: string; childrenParticipantId: string }> {
  const now = new Date();
  const tomorrow = addDays(stockholmDate(now), 1);
  const meeting = await db
    .insertInto('coordination_meeting')
    .values({
      unit_id: w.units.adult,
      called_by: w.users.assigned.id,
      called_at: now,
      planned_on: tomorrow,
      purpose: 'Samordna stödet till familjen.',
      follows_id: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const participants = await db
    .insertInto('coordination_meeting_participant')
    .values([
      {
        meeting_id: meeting.id,
        kind: 'unit',
        unit_id: w.units.adult,
        provider_id: null,
        organisation: null,
        name: 'Sammankallande handläggare',
        role: 'Sammankallande',
        added_by: w.users.assigned.id,
        added_at: now,
      },
      {
        meeting_id: meeting.id,
        kind: 'unit',
        unit_id: w.units.children,
        provider_id: null,
        organisation: null,
        name: 'Eva Ek',
        role: 'Socialsekreterare',
        added_by: w.users.assigned.id,
        added_at: now,
      },
    ])
    .returning(['id', 'unit_id'])
    .execute();
  await db
    .insertInto('coordination_meeting_file')
    .values([
      {
        meeting_id: meeting.id,
        case_id: w.persons.p.caseId,
        joined_by: w.users.assigned.id,
        joined_at: now,
      },
      ...(input.childCaseId
        ? [
            {
              meeting_id: meeting.id,
              case_id: input.childCaseId,
              joined_by: input.childJoinedBy ?? w.users.childrenWorker.id,
              joined_at: now,
            },
          ]
        : []),
    ])
    .execute();
  const children = participants.find((p) => p.unit_id === w.units.children);
  if (!children) throw new Error('no participant for the children’s unit');
  return { meetingId: meeting.id, childrenParticipantId: children.id };
}

/** A ground for a participant's presence for P's file, on 10 kap. 2 § OSL, written as a row. */
export async function groundOnP(
  db: Db,
  w: World,
  input: { meetingId: string; participantId: string },
): Promise<void> {
  await db
    .insertInto('coordination_meeting_ground')
    .values({
      meeting_id: input.meetingId,
      case_id: w.persons.p.caseId,
      participant_id: input.participantId,
      categories: ['name', 'situation'],
      consent_id: null,
      legal_basis: 'secrecyNecessaryDisclosure',
      legal_reference: '10 kap. 2 § offentlighets- och sekretesslagen (2009:400)',
      secrecy_test: 'Barnenheten behöver veta om våldet för att bedöma barnets behov av skydd.',
      recorded_by: w.users.assigned.id,
      recorded_at: new Date(),
    })
    .execute();
}

/**
 * A samråd on P held yesterday, its minutes holding one open action item of P's file owned by
 * `assigned` (P's handläggare).
 */
export async function heldMeetingOnP(
  db: Db,
  w: World,
): Promise<{ meetingId: string; itemId: string }> {
  const { meetingId, childrenParticipantId } = await meetingOnP(db, w);
  await groundOnP(db, w, { meetingId, participantId: childrenParticipantId });
  const yesterday = addDays(stockholmDate(new Date()), -1);
  await db
    .insertInto('coordination_meeting_minutes')
    .values({
      meeting_id: meetingId,
      held_on: yesterday,
      follow_up_on: null,
      written_by: w.users.assigned.id,
      written_at: new Date(),
    })
    .execute();
  const item = await db
    .insertInto('coordination_meeting_item')
    .values({
      meeting_id: meetingId,
      case_id: w.persons.p.caseId,
      kind: 'action',
      position: 0,
      text: 'Boka ett möte om skyddat boende.',
      owner_user_id: w.users.assigned.id,
      owner_participant_id: null,
      due_on: yesterday,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { meetingId, itemId: item.id };
}
