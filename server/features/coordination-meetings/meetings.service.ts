import { execute } from '../../command.ts';
import { caseFacts } from '../../case-kernel/case-access.ts';
import { onCase } from '../../case-kernel/on-case.ts';
import { fullName, loadPersonFacts } from '../../case-kernel/persons.repository.ts';
import {
  loadGround,
  offeredLegalBases,
  recordDisclosure,
  requireCovered,
} from '../../case-kernel/disclosures.ts';
import type { ActionContext } from '../../http/action-context.ts';
import type { BodyOf } from '../../../core/contracts/contract.ts';
import type {
  Meeting,
  MeetingItem,
  MeetingSummary,
  ParticipantIn,
  addParticipant as addContract,
  callMeeting as callContract,
  closeAction as closeContract,
  holdMeeting as holdContract,
  recordPresenceGround as groundContract,
} from '../../../core/contracts/coordination-meetings.ts';
import {
  holdProblems,
  meetingDisclosures,
  needsGround,
  presence,
} from '../../../core/domain/coordination-meetings.ts';
import { can } from '../../../core/policy/policy.ts';
import type { Actor } from '../../../core/policy/policy.ts';
import type { Trx } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { namedOrganisations } from '../../case-kernel/organisations.ts';
import type { ServiceDeps } from '../../service-deps.ts';
import { loadMeeting } from './meetings.repository.ts';
import type { LoadedFile, LoadedMeeting } from './meetings.repository.ts';

/**
 * Samråd (core/domain/coordination-meetings.ts, core/policy/rules/meetings.ts). The holder calls
 * it from a case they work, naming who takes part; each other file joins by whoever works it,
 * once its unit takes part; that file's handläggare records the ground of each participant's
 * presence for it, from the file's own register; the holder writes the minutes once, each point
 * in one file, and holding records every presence as a disclosure. Each file's readers see its
 * points; a point of another file is never read through this one.
 */

const refuse = (detail: string) => new AppError('STEP_OUT_OF_ORDER', { detail });

// ---------------------------------------------------------------------------------------------
// Reading

const canRead = (actor: Actor, f: LoadedFile, now: Date) => {
  const read = can(actor, 'case.read', { person: f.person, case: f.case, now });
  // Nödåtkomst opens one file, not the samråd around it.
  return read.allowed && read.via !== 'emergency_access';
};
const canWork = (actor: Actor, f: LoadedFile, now: Date) =>
  can(actor, 'case.work', { person: f.person, case: f.case, now }).allowed;

/**
 * The files a reader is shown: those they may read; for the holder every file (they called the
 * samråd and write its minutes); for anyone else a file they may not read only as far as its
 * ground discloses it to a participant of their own unit.
 */
function shownFiles(m: LoadedMeeting, actor: Actor, now: Date, today: string) {
  const myUnits = new Set(actor.grants.map((g) => g.unitId));
  return m.files.filter((f) => {
    if (actor.userId === m.holder.id || canRead(actor, f, now)) return true;
    return m.participants.some(
      (p) =>
        p.recipient.kind === 'unit' &&
        myUnits.has(p.recipient.id) &&
        presence(f, p, m.current, m.minutes?.heldOn ?? today).status === 'covered',
    );
  });
}

function itemView(
  m: LoadedMeeting,
  item: LoadedMeeting['items'][number],
  actor: Actor,
  file: LoadedFile,
  now: Date,
): MeetingItem {
  return {
    id: item.id,
    caseId: item.caseId,
    kind: item.kind,
    text: item.text,
    owner: item.ownerName,
    ownedByReader: item.ownerUserId === actor.userId,
    dueOn: item.dueOn,
    done: item.done,
    canClose:
      item.kind === 'action' &&
      item.done === null &&
      can(actor, 'meeting.closeAction', {
        ownerUserId: item.ownerUserId,
        person: file.person,
        case: file.case,
        now,
      }).allowed &&
      m.minutes !== null,
  };
}

function meetingView(
  m: LoadedMeeting,
  actor: Actor,
  now: Date,
  today: string,
  joinable: Meeting['joinable'],
  legalBases: Meeting['legalBases'],
): Meeting {
  const files = shownFiles(m, actor, now, today).map((f) => {
    const readable = canRead(actor, f, now);
    return {
      caseId: f.caseId,
      unitName: f.unitName,
      personName: readable ? f.personName : null,
      joinedBy: f.joinedBy,
      readable,
      workable: readable && m.minutes === null && canWork(actor, f, now),
      presences: readable
        ? m.participants.map((p) => {
            const s = presence(f, p, m.current, m.minutes?.heldOn ?? today);
            return {
              participantId: p.id,
              status: s.status,
              categories: 'ground' in s ? [...s.ground.categories] : null,
              ground: 'ground' in s ? { kind: s.ground.ground.kind, text: s.ground.text } : null,
              reason: s.status === 'not_covered' ? s.reason : null,
            };
          })
        : null,
      items: readable
        ? m.items.filter((i) => i.caseId === f.caseId).map((i) => itemView(m, i, actor, f, now))
        : null,
      handler:
        f.assignedUserId && f.assigneeName
          ? { id: f.assignedUserId, displayName: f.assigneeName }
          : null,
    };
  });
  return {
    id: m.id,
    plannedOn: m.plannedOn,
    purpose: m.purpose,
    unitName: m.unitName,
    holder: m.holder,
    calledAt: m.calledAt.toISOString(),
    followsId: m.followsId,
    status: m.minutes ? 'held' : 'called',
    minutes: m.minutes,
    participants: m.participants.map((p) => ({
      id: p.id,
      recipient: {
        kind: p.recipient.kind,
        id: 'id' in p.recipient ? p.recipient.id : null,
        name: p.recipient.name,
      },
      name: p.name,
      role: p.role,
    })),
    files,
    holds: actor.userId === m.holder.id && can(actor, 'meeting.hold', m.facts).allowed,
    joinable,
    legalBases,
  };
}

/** The persons whose data a view of the samråd shows: those of the files whose points it shows. */
const readPersons = (view: Meeting, m: LoadedMeeting) =>
  m.files.filter((f) => view.files.some((v) => v.caseId === f.caseId && v.readable));

/** The reader's open files that may join: in a unit that takes part, not yet in, worked by them. */
async function joinableFiles(trx: Trx, ctx: ActionContext, m: LoadedMeeting) {
  if (m.minutes) return [];
  const units = m.facts.participantUnitIds.filter((u) =>
    ctx.actor.grants.some((g) => g.unitId === u),
  );
  if (units.length === 0) return [];
  const rows = await trx
    .selectFrom('case as c')
    .innerJoin('person as p', 'p.id', 'c.person_id')
    .select(['c.id', 'c.person_id', 'c.unit_id', 'c.assigned_user_id', 'c.status', 'c.routed_by'])
    .select(['p.given_name', 'p.family_name'])
    .where('c.unit_id', 'in', units)
    .where('c.status', '=', 'open')
    .where('c.assigned_user_id', '=', ctx.actor.userId)
    .orderBy('c.opened_at')
    .execute();
  const joined = new Set(m.files.map((f) => f.caseId));
  return rows
    .filter((r) => !joined.has(r.id))
    .map((r) => ({
      caseId: r.id,
      personName: fullName(r),
    }));
}

export function getMeeting(deps: ServiceDeps, ctx: ActionContext, meetingId: string) {
  return execute(deps, ctx, {
    action: 'meeting.read',
    load: (trx) => loadMeeting(trx, ctx.actor, meetingId, ctx.now),
    authorize: (actor, m) => can(actor, 'meeting.read', m.facts),
    run: async (trx, m) => {
      const view = meetingView(
        m,
        ctx.actor,
        ctx.now,
        ctx.today,
        await joinableFiles(trx, ctx, m),
        await offeredLegalBases(trx, 'coordination_meeting'),
      );
      const read = readPersons(view, m);
      return {
        result: view,
        audit: {
          personIds: read.map((f) => f.personId),
          caseIds: read.map((f) => f.caseId),
          details: { meetingId },
        },
      };
    },
  });
}

const summarySelect = (trx: Trx) =>
  trx
    .selectFrom('coordination_meeting as m')
    .innerJoin('unit as u', 'u.id', 'm.unit_id')
    .innerJoin('app_user as h', 'h.id', 'm.called_by')
    .leftJoin('coordination_meeting_minutes as n', 'n.meeting_id', 'm.id')
    .select([
      'm.id',
      'm.unit_id',
      'm.planned_on',
      'm.purpose',
      'u.name as unit_name',
      'm.called_by',
      'h.display_name as holder_name',
      'n.held_on',
      'n.follow_up_on',
    ])
    .orderBy('m.planned_on', 'desc')
    .orderBy('m.called_at', 'desc');

type SummaryRow = Awaited<ReturnType<ReturnType<typeof summarySelect>['execute']>>[number];
const toSummary = (r: SummaryRow): MeetingSummary => ({
  id: r.id,
  plannedOn: r.planned_on,
  purpose: r.purpose,
  unitName: r.unit_name,
  holder: { id: r.called_by, displayName: r.holder_name },
  status: r.held_on ? 'held' : 'called',
  heldOn: r.held_on,
  followUpOn: r.follow_up_on,
});

/**
 * The samråd the reader may know of. Every file's unit takes part in its samråd (a file joins
 * only then, and the holder takes part for theirs), so the holder and the units that take part
 * are all who may: each meeting is still decided by meeting.read on what decides it.
 */
export function listMeetings(deps: ServiceDeps, ctx: ActionContext) {
  return execute(deps, ctx, {
    action: 'meeting.list',
    load: () => Promise.resolve({}),
    authorize: (actor) => can(actor, 'meetings.list', {}),
    run: async (trx) => {
      const units = ctx.actor.grants.map((g) => g.unitId);
      const rows = await summarySelect(trx)
        .where((eb) =>
          eb.or([
            eb('m.called_by', '=', ctx.actor.userId),
            eb(
              'm.id',
              'in',
              eb
                .selectFrom('coordination_meeting_participant')
                .select('meeting_id')
                .where('unit_id', 'in', units.length > 0 ? units : [NO_UNIT]),
            ),
          ]),
        )
        .limit(200)
        .execute();
      const participants = await participantUnits(
        trx,
        rows.map((r) => r.id),
      );
      const meetings = rows.filter(
        (r) =>
          can(ctx.actor, 'meeting.read', {
            holderId: r.called_by,
            unitId: r.unit_id,
            participantUnitIds: participants.get(r.id) ?? [],
            files: [],
            now: ctx.now,
          }).allowed,
      );
      return { result: { meetings: meetings.map(toSummary) }, audit: {} };
    },
  });
}

const NO_UNIT = '00000000-0000-0000-0000-000000000000';

async function participantUnits(trx: Trx, meetingIds: string[]) {
  if (meetingIds.length === 0) return new Map<string, string[]>();
  const rows = await trx
    .selectFrom('coordination_meeting_participant')
    .select(['meeting_id', 'unit_id'])
    .where('meeting_id', 'in', meetingIds)
    .where('unit_id', 'is not', null)
    .execute();
  const map = new Map<string, string[]>();
  for (const r of rows) {
    if (r.unit_id) map.set(r.meeting_id, [...(map.get(r.meeting_id) ?? []), r.unit_id]);
  }
  return map;
}

/** The samråd a case's file is in: whoever may read the case. */
export function listCaseMeetings(deps: ServiceDeps, ctx: ActionContext, caseId: string) {
  return execute(deps, ctx, {
    action: 'meeting.list_for_case',
    ...onCase(ctx, caseId, 'case.read'),
    run: async (trx, { row, person }) => {
      const rows = await summarySelect(trx)
        .where('m.id', 'in', (eb) =>
          eb
            .selectFrom('coordination_meeting_file')
            .select('meeting_id')
            .where('case_id', '=', caseId),
        )
        .execute();
      const canCall =
        row.status === 'open' &&
        can(ctx.actor, 'case.work', { person, case: caseFacts(row), now: ctx.now }).allowed;
      return {
        result: { meetings: rows.map(toSummary), canCall },
        audit: { personIds: [row.person_id], caseIds: [caseId] },
      };
    },
  });
}

// ---------------------------------------------------------------------------------------------
// Calling and taking part

/** Each participant checked against what exists, then written. */
async function insertParticipants(
  trx: Trx,
  ctx: ActionContext,
  meetingId: string,
  participants: readonly ParticipantIn[],
): Promise<string[]> {
  await namedOrganisations(trx, {
    units: participants.flatMap((p) => (p.kind === 'unit' ? [p.unitId] : [])),
    providers: participants.flatMap((p) => (p.kind === 'provider' ? [p.providerId] : [])),
  });
  if (participants.length === 0) return [];
  const rows = await trx
    .insertInto('coordination_meeting_participant')
    .values(
      participants.map((p) => ({
        meeting_id: meetingId,
        kind: p.kind,
        unit_id: p.kind === 'unit' ? p.unitId : null,
        provider_id: p.kind === 'provider' ? p.providerId : null,
        organisation: p.kind === 'agency' ? p.organisation : null,
        name: p.name,
        role: p.role,
        added_by: ctx.actor.userId,
        added_at: ctx.now,
      })),
    )
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

export function callMeeting(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
  body: BodyOf<typeof callContract>,
): Promise<{ id: string }> {
  if (body.plannedOn < ctx.today) {
    throw new AppError('VALIDATION', {
      fields: [{ path: 'body.plannedOn', message: 'Ett samråd kallas till idag eller senare.' }],
    });
  }
  return execute(deps, ctx, {
    action: 'meeting.call',
    ...onCase(ctx, caseId),
    run: async (trx, { row }) => {
      if (row.status !== 'open') throw refuse('Ärendet är avslutat.');
      // A follow-up is called from a file of the first: asked of the file alone, so the answer
      // says nothing of a samråd the caller's file was not in.
      if (body.followsId) {
        const earlier = await trx
          .selectFrom('coordination_meeting_file')
          .select('meeting_id')
          .where('meeting_id', '=', body.followsId)
          .where('case_id', '=', caseId)
          .executeTakeFirst();
        if (!earlier) {
          throw refuse('Ett uppföljande samråd kallas från en akt som var med i det första.');
        }
      }
      const holder = await trx
        .selectFrom('app_user')
        .select('display_name')
        .where('id', '=', ctx.actor.userId)
        .executeTakeFirstOrThrow();
      const meeting = await trx
        .insertInto('coordination_meeting')
        .values({
          unit_id: row.unit_id,
          called_by: ctx.actor.userId,
          called_at: ctx.now,
          planned_on: body.plannedOn,
          purpose: body.purpose,
          follows_id: body.followsId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await insertParticipants(trx, ctx, meeting.id, [
        {
          kind: 'unit',
          unitId: row.unit_id,
          name: holder.display_name,
          role: 'Sammankallande',
        },
        ...body.participants,
      ]);
      await trx
        .insertInto('coordination_meeting_file')
        .values({
          meeting_id: meeting.id,
          case_id: caseId,
          joined_by: ctx.actor.userId,
          joined_at: ctx.now,
        })
        .execute();
      return {
        result: { id: meeting.id },
        audit: {
          personIds: [row.person_id],
          caseIds: [caseId],
          details: { meetingId: meeting.id },
        },
      };
    },
  });
}

export function addParticipant(
  deps: ServiceDeps,
  ctx: ActionContext,
  meetingId: string,
  body: BodyOf<typeof addContract>,
): Promise<{ id: string }> {
  return execute(deps, ctx, {
    action: 'meeting.participant',
    load: (trx) => loadMeeting(trx, ctx.actor, meetingId, ctx.now, true),
    authorize: (actor, m) => can(actor, 'meeting.hold', m.facts),
    run: async (trx, m) => {
      if (m.minutes) throw refuse('Samrådet är redan hållet.');
      const [id = ''] = await insertParticipants(trx, ctx, meetingId, [body.participant]);
      return { result: { id }, audit: { details: { meetingId, participantId: id } } };
    },
  });
}

/**
 * A file joins by whoever works it, while the samråd is not yet held, when its unit takes part
 * and the reader may know of the samråd: the holder cannot bring another's file in.
 */
export function joinMeeting(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
  meetingId: string,
): Promise<{ caseId: string }> {
  return execute(deps, ctx, {
    action: 'meeting.join',
    ...onCase(ctx, caseId),
    run: async (trx, { row }) => {
      const m = await loadMeeting(trx, ctx.actor, meetingId, ctx.now, true);
      if (!can(ctx.actor, 'meeting.read', m.facts).allowed) throw new AppError('NOT_FOUND');
      if (row.status !== 'open') throw refuse('Ärendet är avslutat.');
      if (m.minutes) throw refuse('Samrådet är redan hållet. Kalla till ett uppföljande samråd.');
      if (m.files.some((f) => f.caseId === caseId)) {
        throw refuse('Akten är redan ansluten till samrådet.');
      }
      if (!m.facts.participantUnitIds.includes(row.unit_id)) {
        throw refuse(
          `${row.unit_name} deltar inte i samrådet. Be den som kallat att lägga till enheten som deltagare.`,
        );
      }
      await trx
        .insertInto('coordination_meeting_file')
        .values({
          meeting_id: meetingId,
          case_id: caseId,
          joined_by: ctx.actor.userId,
          joined_at: ctx.now,
        })
        .execute();
      return {
        result: { caseId },
        audit: { personIds: [row.person_id], caseIds: [caseId], details: { meetingId, caseId } },
      };
    },
  });
}

/**
 * The ground of a participant's presence for the file, from the file's own register: checked by
 * the one rule now, again when the samråd is held, and recorded as a disclosure then.
 */
export function recordPresenceGround(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
  meetingId: string,
  body: BodyOf<typeof groundContract>,
): Promise<{ id: string }> {
  if (new Set(body.categories).size !== body.categories.length) {
    throw new AppError('VALIDATION', {
      fields: [{ path: 'body.categories', message: 'Välj varje uppgift en gång.' }],
    });
  }
  return execute(deps, ctx, {
    action: 'meeting.ground',
    ...onCase(ctx, caseId),
    run: async (trx, { row }) => {
      const m = await loadMeeting(trx, ctx.actor, meetingId, ctx.now, true);
      const file = m.files.find((f) => f.caseId === caseId);
      if (!file) throw refuse('Akten är inte ansluten till samrådet. Anslut den först.');
      if (m.minutes) throw refuse('Samrådet är redan hållet.');
      const participant = m.participants.find((p) => p.id === body.participantId);
      if (!participant) throw refuse('Deltagaren finns inte i samrådet.');
      const ground = await loadGround(trx, caseId, body.ground);
      const on = m.plannedOn > ctx.today ? m.plannedOn : ctx.today;
      if (!needsGround(file, participant)) {
        throw refuse(
          `${participant.recipient.name} håller akten och behöver ingen grund för sin närvaro.`,
        );
      }
      requireCovered(
        {
          personId: row.person_id,
          categories: body.categories,
          recipient: participant.recipient,
          purpose: 'coordination_meeting',
          on,
        },
        ground,
      );
      const created = await trx
        .insertInto('coordination_meeting_ground')
        .values({
          meeting_id: meetingId,
          case_id: caseId,
          participant_id: participant.id,
          categories: [...body.categories],
          consent_id: ground.kind === 'consent' ? ground.consent.id : null,
          legal_basis: ground.kind === 'legal' ? ground.basis : null,
          legal_reference: ground.kind === 'legal' ? ground.reference : null,
          secrecy_test: ground.kind === 'legal' ? ground.secrecyTest : null,
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
          details: { meetingId, groundId: created.id },
        },
      };
    },
  });
}

// ---------------------------------------------------------------------------------------------
// The minutes

/**
 * The samråd held: the minutes written once by the holder, each point in one file; every
 * participant's presence for every file covered on the day it was held, and each recorded as a
 * disclosure. A revocation waits for this, or this sees it (the consents are locked).
 */
export function holdMeeting(
  deps: ServiceDeps,
  ctx: ActionContext,
  meetingId: string,
  body: BodyOf<typeof holdContract>,
): Promise<{ id: string }> {
  return execute(deps, ctx, {
    action: 'meeting.hold',
    load: (trx) => loadMeeting(trx, ctx.actor, meetingId, ctx.now, true),
    authorize: (actor, m) => can(actor, 'meeting.hold', m.facts),
    run: async (trx, m) => {
      if (m.minutes) throw refuse('Minnesanteckningarna är redan skrivna. Samrådet är hållet.');
      const files = new Map(m.files.map((f) => [f.caseId, f]));
      const problems = holdProblems({
        files: m.files,
        participants: m.participants,
        grounds: m.current,
        calledOn: m.calledOn,
        heldOn: body.heldOn,
        followUpOn: body.followUpOn,
        today: ctx.today,
        readable: new Set(
          m.files.filter((f) => canRead(ctx.actor, f, ctx.now)).map((f) => f.caseId),
        ),
        items: body.items.map((i) => ({
          caseId: i.caseId,
          kind: i.kind,
          text: i.text,
          owner:
            i.owner === null
              ? null
              : i.owner.kind === 'handler'
                ? { kind: 'handler', userId: files.get(i.caseId)?.assignedUserId ?? null }
                : i.owner,
          dueOn: i.dueOn,
        })),
      });
      if (problems.length > 0) throw refuse(problems.join(' '));
      await trx
        .insertInto('coordination_meeting_minutes')
        .values({
          meeting_id: meetingId,
          held_on: body.heldOn,
          follow_up_on: body.followUpOn,
          written_by: ctx.actor.userId,
          written_at: ctx.now,
        })
        .execute();
      await trx
        .insertInto('coordination_meeting_item')
        .values(
          body.items.map((i, position) => ({
            meeting_id: meetingId,
            case_id: i.caseId,
            kind: i.kind,
            position,
            text: i.text,
            owner_user_id:
              i.owner?.kind === 'handler' ? (files.get(i.caseId)?.assignedUserId ?? null) : null,
            owner_participant_id: i.owner?.kind === 'participant' ? i.owner.participantId : null,
            due_on: i.kind === 'action' ? i.dueOn : null,
          })),
        )
        .execute();
      for (const d of meetingDisclosures(m.files, m.participants, m.current, body.heldOn)) {
        await recordDisclosure(trx, ctx, {
          caseId: d.file.caseId,
          disclosure: {
            personId: d.file.personId,
            categories: d.ground.categories,
            recipient: d.participant.recipient,
            purpose: 'coordination_meeting',
            on: body.heldOn,
          },
          ground: d.ground.ground,
          meetingId,
        });
      }
      // Every file the minutes write into; its person's data is written, not read.
      const touched = m.files.filter((f) => body.items.some((i) => i.caseId === f.caseId));
      return {
        result: { id: meetingId },
        audit: {
          personIds: touched.map((f) => f.personId),
          caseIds: touched.map((f) => f.caseId),
          details: { meetingId },
        },
      };
    },
  });
}

export function closeAction(
  deps: ServiceDeps,
  ctx: ActionContext,
  meetingId: string,
  itemId: string,
  body: BodyOf<typeof closeContract>,
): Promise<{ id: string }> {
  if (body.doneOn > ctx.today) {
    throw new AppError('VALIDATION', {
      fields: [{ path: 'body.doneOn', message: 'Datumet kan inte ligga i framtiden.' }],
    });
  }
  return execute(deps, ctx, {
    action: 'meeting.action_done',
    load: async (trx) => {
      const m = await loadMeeting(trx, ctx.actor, meetingId, ctx.now, true);
      const item = m.items.find((i) => i.id === itemId);
      const file = item && m.files.find((f) => f.caseId === item.caseId);
      if (!item || !file) throw new AppError('NOT_FOUND');
      return { m, item, file };
    },
    authorize: (actor, { item, file }) =>
      can(actor, 'meeting.closeAction', {
        ownerUserId: item.ownerUserId,
        person: file.person,
        case: file.case,
        now: ctx.now,
      }),
    run: async (trx, { m, item, file }) => {
      if (item.kind !== 'action') throw refuse('Bara en åtgärd kan markeras som klar.');
      if (item.done) throw refuse(`Åtgärden markerades som klar ${item.done.doneOn}.`);
      if (m.minutes && body.doneOn < m.minutes.heldOn) {
        throw refuse('Åtgärden kan inte ha blivit klar före samrådet.');
      }
      await trx
        .insertInto('coordination_action_done')
        .values({
          item_id: itemId,
          done_on: body.doneOn,
          note: body.note || null,
          recorded_by: ctx.actor.userId,
          recorded_at: ctx.now,
        })
        .execute();
      return {
        result: { id: itemId },
        audit: {
          personIds: [file.personId],
          caseIds: [file.caseId],
          details: { meetingId, itemId },
        },
      };
    },
  });
}

/**
 * The reader's open action items: each read through its file, so an item of a file they no
 * longer may read is not shown (the file's new handläggare sees it in the samråd).
 */
export function myMeetingActions(deps: ServiceDeps, ctx: ActionContext) {
  return execute(deps, ctx, {
    action: 'meeting_actions.list',
    load: () => Promise.resolve({}),
    authorize: (actor) => can(actor, 'meetingActions.listMine', {}),
    run: async (trx) => {
      const rows = await trx
        .selectFrom('coordination_meeting_item as i')
        .innerJoin('coordination_meeting_minutes as n', 'n.meeting_id', 'i.meeting_id')
        .innerJoin('case as c', 'c.id', 'i.case_id')
        .innerJoin('unit as u', 'u.id', 'c.unit_id')
        .innerJoin('person as p', 'p.id', 'c.person_id')
        .leftJoin('coordination_action_done as d', 'd.item_id', 'i.id')
        .select([
          'i.id',
          'i.meeting_id',
          'i.case_id',
          'i.text',
          'i.due_on',
          'n.held_on',
          'c.person_id',
          'c.unit_id',
          'c.assigned_user_id',
          'c.status',
          'c.routed_by',
          'u.name as unit_name',
          'p.given_name',
          'p.family_name',
        ])
        .where('i.owner_user_id', '=', ctx.actor.userId)
        .where('d.item_id', 'is', null)
        .orderBy('i.due_on')
        .limit(200)
        .execute();
      const persons = await loadPersonFacts(
        trx,
        rows.map((r) => r.person_id),
        ctx.actor.userId,
        ctx.now,
      );
      const shown = rows.filter((r) => {
        const person = persons.get(r.person_id);
        if (!person) return false;
        const read = can(ctx.actor, 'case.read', {
          person,
          case: caseFacts({ ...r, id: r.case_id }),
          now: ctx.now,
        });
        return read.allowed && read.via !== 'emergency_access';
      });
      return {
        result: {
          actions: shown.map((r) => ({
            itemId: r.id,
            meetingId: r.meeting_id,
            caseId: r.case_id,
            personName: fullName(r),
            unitName: r.unit_name,
            text: r.text,
            dueOn: r.due_on ?? r.held_on,
            heldOn: r.held_on,
          })),
        },
        audit: {
          personIds: [...new Set(shown.map((r) => r.person_id))],
          caseIds: [...new Set(shown.map((r) => r.case_id))],
        },
      };
    },
  });
}
