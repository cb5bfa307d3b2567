import { consentName } from '../../../core/domain/consents.ts';
import type { Consent, Ground, Recipient } from '../../../core/domain/consents.ts';
import { currentGrounds } from '../../../core/domain/coordination-meetings.ts';
import type {
  MeetingFile,
  MeetingParticipant,
  PresenceGround,
} from '../../../core/domain/coordination-meetings.ts';
import type { Actor, CaseFacts, PersonFacts } from '../../../core/policy/policy.ts';
import type { MeetingFacts } from '../../../core/policy/rules/meetings.ts';
import { caseFacts } from '../../case-kernel/case-access.ts';
import { consentRows, toConsent } from '../../case-kernel/disclosures.ts';
import { fullName, loadPersonFacts } from '../../case-kernel/persons.repository.ts';
import type { Trx } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { stockholmDate } from '../../time.ts';

/**
 * A samråd as the rules and the views read it, loaded at once: the meeting, its participants,
 * its files with their persons' facts, the grounds of presence, the minutes and their points.
 * Nothing of a file's content but what the samråd itself wrote.
 */

export interface LoadedFile extends MeetingFile {
  case: CaseFacts;
  person: PersonFacts;
  personName: string;
  assignedUserId: string | null;
  assigneeName: string | null;
  joinedBy: { id: string; displayName: string };
}

export interface StoredGround extends PresenceGround {
  id: string;
  /** How the ground reads: "Samtycket den … till …" or the paragraph and the secrecy test. */
  text: string;
}

export interface LoadedMeeting {
  id: string;
  unitId: string;
  unitName: string;
  holder: { id: string; displayName: string };
  calledAt: Date;
  calledOn: string;
  plannedOn: string;
  purpose: string;
  followsId: string | null;
  participants: (MeetingParticipant & { role: string })[];
  files: LoadedFile[];
  grounds: StoredGround[];
  current: Map<string, StoredGround>;
  minutes: {
    heldOn: string;
    followUpOn: string | null;
    writtenBy: { id: string; displayName: string };
  } | null;
  items: {
    id: string;
    caseId: string;
    kind: 'question' | 'decision' | 'action';
    position: number;
    text: string;
    ownerUserId: string | null;
    ownerParticipantId: string | null;
    ownerName: string | null;
    dueOn: string | null;
    done: { doneOn: string; note: string | null; by: { id: string; displayName: string } } | null;
  }[];
  facts: MeetingFacts;
}

const capital = (s: string) => s.charAt(0).toLocaleUpperCase('sv') + s.slice(1);

function recipientOf(p: {
  kind: Recipient['kind'];
  unit_id: string | null;
  provider_id: string | null;
  unit_name: string | null;
  provider_name: string | null;
  organisation: string | null;
  name: string;
}): Recipient {
  if (p.kind === 'unit' && p.unit_id)
    return { kind: 'unit', id: p.unit_id, name: p.unit_name ?? '' };
  if (p.kind === 'provider' && p.provider_id) {
    return { kind: 'provider', id: p.provider_id, name: p.provider_name ?? '' };
  }
  if (p.kind === 'agency') return { kind: 'agency', name: p.organisation ?? '' };
  return { kind: 'person', name: p.name };
}

/**
 * The samråd, locked for a write when `lock` (its steps follow one another: no ground after the
 * minutes, no two minutes). 404 when it does not exist.
 */
export async function loadMeeting(
  trx: Trx,
  actor: Actor,
  meetingId: string,
  now: Date,
  lock = false,
): Promise<LoadedMeeting> {
  let query = trx
    .selectFrom('coordination_meeting as m')
    .innerJoin('unit as u', 'u.id', 'm.unit_id')
    .innerJoin('app_user as h', 'h.id', 'm.called_by')
    .select([
      'm.id',
      'm.unit_id',
      'u.name as unit_name',
      'm.called_by',
      'h.display_name as holder_name',
      'm.called_at',
      'm.planned_on',
      'm.purpose',
      'm.follows_id',
    ])
    .where('m.id', '=', meetingId);
  if (lock) query = query.forUpdate('m');
  const meeting = await query.executeTakeFirst();
  if (!meeting) throw new AppError('NOT_FOUND');

  const [participants, files, grounds, minutes, items] = await Promise.all([
    trx
      .selectFrom('coordination_meeting_participant as p')
      .leftJoin('unit as u', 'u.id', 'p.unit_id')
      .leftJoin('provider as v', 'v.id', 'p.provider_id')
      .select([
        'p.id',
        'p.kind',
        'p.unit_id',
        'p.provider_id',
        'p.organisation',
        'p.name',
        'p.role',
        'u.name as unit_name',
        'v.name as provider_name',
      ])
      .where('p.meeting_id', '=', meetingId)
      .orderBy('p.added_at')
      .orderBy('p.id')
      .execute(),
    trx
      .selectFrom('coordination_meeting_file as f')
      .innerJoin('case as c', 'c.id', 'f.case_id')
      .innerJoin('unit as u', 'u.id', 'c.unit_id')
      .innerJoin('person as p', 'p.id', 'c.person_id')
      .innerJoin('app_user as j', 'j.id', 'f.joined_by')
      .leftJoin('app_user as a', 'a.id', 'c.assigned_user_id')
      .select([
        'c.id',
        'c.person_id',
        'c.unit_id',
        'c.assigned_user_id',
        'c.status',
        'c.routed_by',
        'u.name as unit_name',
        'p.given_name',
        'p.family_name',
        'f.joined_by',
        'j.display_name as joined_name',
        'a.display_name as assignee_name',
      ])
      .where('f.meeting_id', '=', meetingId)
      .orderBy('f.joined_at')
      .orderBy('c.id')
      .execute(),
    trx
      .selectFrom('coordination_meeting_ground')
      .selectAll()
      .where('meeting_id', '=', meetingId)
      .orderBy('recorded_at')
      .orderBy('id')
      .execute(),
    trx
      .selectFrom('coordination_meeting_minutes as n')
      .innerJoin('app_user as w', 'w.id', 'n.written_by')
      .select(['n.held_on', 'n.follow_up_on', 'n.written_by', 'w.display_name'])
      .where('n.meeting_id', '=', meetingId)
      .executeTakeFirst(),
    trx
      .selectFrom('coordination_meeting_item as i')
      .leftJoin('app_user as o', 'o.id', 'i.owner_user_id')
      .leftJoin('coordination_meeting_participant as op', 'op.id', 'i.owner_participant_id')
      .leftJoin('coordination_action_done as d', 'd.item_id', 'i.id')
      .leftJoin('app_user as db', 'db.id', 'd.recorded_by')
      .select([
        'i.id',
        'i.case_id',
        'i.kind',
        'i.position',
        'i.text',
        'i.owner_user_id',
        'i.owner_participant_id',
        'o.display_name as owner_user_name',
        'op.name as owner_participant_name',
        'i.due_on',
        'd.done_on',
        'd.note',
        'd.recorded_by as done_by',
        'db.display_name as done_name',
      ])
      .where('i.meeting_id', '=', meetingId)
      .orderBy('i.position')
      .execute(),
  ]);

  // The grounds' consents, fresh (a revocation takes effect at once), locked with the samråd.
  const consentIds = [...new Set(grounds.flatMap((g) => (g.consent_id ? [g.consent_id] : [])))];
  let consentQuery = consentRows(trx).where('c.id', 'in', consentIds);
  if (lock) consentQuery = consentQuery.forUpdate('c');
  const consents = new Map<string, Consent>(
    consentIds.length > 0 ? (await consentQuery.execute()).map((r) => [r.id, toConsent(r)]) : [],
  );

  const persons = await loadPersonFacts(
    trx,
    files.map((f) => f.person_id),
    actor.userId,
    now,
  );
  const loadedFiles: LoadedFile[] = files.flatMap((f) => {
    const person = persons.get(f.person_id);
    if (!person) return [];
    return [
      {
        caseId: f.id,
        personId: f.person_id,
        unitId: f.unit_id,
        unitName: f.unit_name,
        case: caseFacts(f),
        person,
        personName: fullName(f),
        assignedUserId: f.assigned_user_id,
        assigneeName: f.assignee_name,
        joinedBy: { id: f.joined_by, displayName: f.joined_name },
      },
    ];
  });

  const storedGrounds: StoredGround[] = grounds.flatMap((g) => {
    let ground: Ground;
    let text: string;
    if (g.consent_id) {
      const consent = consents.get(g.consent_id);
      if (!consent) return [];
      ground = { kind: 'consent', consent };
      text = `${capital(consentName(consent))}.`;
    } else {
      if (!g.legal_basis || !g.legal_reference || !g.secrecy_test) return [];
      ground = {
        kind: 'legal',
        basis: g.legal_basis,
        reference: g.legal_reference,
        secrecyTest: g.secrecy_test,
      };
      text = `Lagstöd: ${g.legal_reference}. Sekretessprövning: ${g.secrecy_test}`;
    }
    return [
      {
        id: g.id,
        caseId: g.case_id,
        participantId: g.participant_id,
        categories: g.categories,
        ground,
        text,
      },
    ];
  });

  const loadedParticipants = participants.map((p) => ({
    id: p.id,
    recipient: recipientOf(p),
    name: p.name,
    role: p.role,
  }));
  return {
    id: meeting.id,
    unitId: meeting.unit_id,
    unitName: meeting.unit_name,
    holder: { id: meeting.called_by, displayName: meeting.holder_name },
    calledAt: meeting.called_at,
    calledOn: stockholmDate(meeting.called_at),
    plannedOn: meeting.planned_on,
    purpose: meeting.purpose,
    followsId: meeting.follows_id,
    participants: loadedParticipants,
    files: loadedFiles,
    grounds: storedGrounds,
    current: currentGrounds(storedGrounds),
    minutes: minutes
      ? {
          heldOn: minutes.held_on,
          followUpOn: minutes.follow_up_on,
          writtenBy: { id: minutes.written_by, displayName: minutes.display_name },
        }
      : null,
    items: items.map((i) => ({
      id: i.id,
      caseId: i.case_id,
      kind: i.kind,
      position: i.position,
      text: i.text,
      ownerUserId: i.owner_user_id,
      ownerParticipantId: i.owner_participant_id,
      ownerName: i.owner_user_name ?? i.owner_participant_name ?? null,
      dueOn: i.due_on,
      done:
        i.done_on && i.done_by
          ? {
              doneOn: i.done_on,
              note: i.note,
              by: { id: i.done_by, displayName: i.done_name ?? '' },
            }
          : null,
    })),
    facts: {
      holderId: meeting.called_by,
      unitId: meeting.unit_id,
      participantUnitIds: loadedParticipants.flatMap((p) =>
        p.recipient.kind === 'unit' ? [p.recipient.id] : [],
      ),
      files: loadedFiles.map((f) => ({ person: f.person, case: f.case })),
      now,
    },
  };
}
