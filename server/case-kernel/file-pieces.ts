import { caseEventRecord } from '../../core/domain/case-events.ts';
import { intakeTypeLabels } from '../../core/domain/case-labels.ts';
import { latestVersions } from '../../core/domain/counterparts.ts';
import type { FilePiece, OthersOfFile } from '../../core/domain/file-extracts.ts';
import { sectionDefinition } from '../../core/domain/investigation-template.ts';
import { safetyPlanPoints } from '../../core/domain/safety-plan.ts';
import type { Db, Trx } from '../db/database.ts';
import type { CaseRow } from './case-access.ts';
import { linkedPersons, loadCounterparts, othersOfFile } from './counterparts.ts';

type Reader = Db | Trx;

/**
 * Everything a case's file holds, as the pieces a person's own extract is made of
 * (core/domain/file-extracts.ts): each entry's texts with whom they are about and where they come
 * from. Every table that holds personal data of a case says in `extractCoverage` whether it comes
 * in here or why not, and a test compares that list with the database.
 */

/** For every table with a case's or person's data: what the extract takes from it, or why none. */
export const extractCoverage = {
  person: 'pieces',
  contact_channel: 'pieces',
  person_protected_detail: 'pieces',
  person_relation: 'pieces',
  case: 'the case’s own facts (unit, dates) head the extract',
  case_event: 'pieces',
  journal_entry: 'pieces',
  investigation: 'pieces',
  investigation_section_version: 'pieces',
  decision: 'pieces',
  risk_assessment: 'pieces',
  case_incident: 'pieces',
  safety_plan_version: 'pieces',
  advice_session: 'pieces',
  follow_up: 'pieces',
  counterpart: 'pieces',
  consent: 'pieces',
  agency_disclosure: 'pieces',
  crime_report_decision: 'pieces',
  certificate: 'pieces',
  journal_draft: 'a draft is the writer’s working material, not yet part of the file',
  draft: 'a draft is the writer’s working material, not yet part of the file',
  emergency_access: 'who opened the file is in the audit log, not the file',
  disclosure:
    'the disclosures are given as the entries they belong to (agency_disclosure, consent)',
  commission: 'pieces',
  shelter_turned_away: 'pieces',
  school_arrangement: 'pieces',
  coordination_meeting_file: 'pieces',
  coordination_meeting_ground:
    'the ground a participant took part on: given as the samråd’s disclosure, in the register',
  coordination_meeting_item: 'pieces',
  coordinated_plan: 'pieces',
  follow_up_due: 'a date set for an uppföljning; the uppföljning itself is given',
  file_request: 'the request itself, shown with the extract',
  case_transfer: 'pieces',
  transfer_import: 'pieces',
} as const;

const piece = (
  key: string,
  heading: string,
  label: string | null,
  text: string | null | undefined,
  about: FilePiece['about'],
  source: FilePiece['source'],
): FilePiece[] => (text && text.trim() ? [{ key, heading, label, text, about, source }] : []);

const day = (d: Date | string) => (typeof d === 'string' ? d : d.toISOString().slice(0, 10));

/** The case's pieces, in the order the extract gives them. */
export async function filePieces(db: Reader, row: CaseRow): Promise<FilePiece[]> {
  const caseId = row.id;
  const personId = row.person_id;
  const [
    person,
    channels,
    hidden,
    relations,
    events,
    journal,
    investigation,
    sections,
    decisions,
    assessments,
    incidents,
    plans,
    advice,
    followUps,
    counterparts,
    consents,
    agency,
    crimeReports,
    certificates,
  ] = await Promise.all([
    db
      .selectFrom('person')
      .select(['given_name', 'family_name', 'identity_number'])
      .where('id', '=', personId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('contact_channel')
      .select(['id', 'kind', 'value'])
      .where('person_id', '=', personId)
      .execute(),
    db
      .selectFrom('person_protected_detail')
      .select(['whereabouts', 'school', 'real_identity'])
      .where('person_id', '=', personId)
      .executeTakeFirst(),
    db
      .selectFrom('person_relation')
      .select(['id', 'person_id', 'related_person_id'])
      .where('status', '=', 'current')
      .where((eb) =>
        eb.or([eb('person_id', '=', personId), eb('related_person_id', '=', personId)]),
      )
      .execute(),
    db
      .selectFrom('case_event')
      .select(['id', 'type', 'payload', 'recorded_at'])
      .where('case_id', '=', caseId)
      .orderBy('seq')
      .execute(),
    db
      .selectFrom('journal_entry as e')
      .innerJoin('journal_entry_version as v', (j) =>
        j.onRef('v.entry_id', '=', 'e.id').onRef('v.version', '=', 'e.version'),
      )
      .select(['e.id', 'v.occurred_on', 'v.text', 'v.source_kind', 'v.source_detail'])
      .where('e.case_id', '=', caseId)
      .orderBy('v.occurred_on')
      .orderBy('e.id')
      .execute(),
    db
      .selectFrom('investigation')
      .select(['template'])
      .where('case_id', '=', caseId)
      .executeTakeFirst(),
    db
      .selectFrom('investigation_section_version')
      .select(['section', 'version', 'statements'])
      .where('case_id', '=', caseId)
      .execute(),
    db
      .selectFrom('decision as d')
      .innerJoin('decision_version as v', (j) =>
        j.onRef('v.decision_id', '=', 'd.id').onRef('v.version', '=', 'd.version'),
      )
      .select(['d.id', 'v.decided_on', 'v.requested', 'v.motivation', 'v.conditions'])
      .where('d.case_id', '=', caseId)
      .orderBy('v.decided_on')
      .execute(),
    db
      .selectFrom('risk_assessment')
      .select(['id', 'kind', 'method', 'assessed_on', 'motivation', 'scenario_ratings'])
      .where('case_id', '=', caseId)
      .orderBy('assessed_on')
      .execute(),
    db
      .selectFrom('case_incident')
      .select(['id', 'occurred_on', 'description'])
      .where('case_id', '=', caseId)
      .orderBy('occurred_on')
      .execute(),
    db
      .selectFrom('safety_plan_version')
      .select(['person_id', 'version', 'items'])
      .where('case_id', '=', caseId)
      .execute(),
    db
      .selectFrom('advice_session')
      .select(['id', 'held_on', 'note'])
      .where('case_id', '=', caseId)
      .orderBy('held_on')
      .execute(),
    db
      .selectFrom('follow_up')
      .select(['id', 'version', 'followed_up_on', 'person_view', 'assessment', 'actions'])
      .where('case_id', '=', caseId)
      .execute(),
    loadCounterparts(db, [personId]),
    db
      .selectFrom('consent')
      .select(['id', 'given_on', 'purpose_text', 'recipient_name'])
      .where('case_id', '=', caseId)
      .orderBy('given_on')
      .execute(),
    db
      .selectFrom('agency_disclosure')
      .select(['id', 'disclosed_on', 'agency_name', 'received_by', 'what'])
      .where('case_id', '=', caseId)
      .orderBy('disclosed_on')
      .execute(),
    db
      .selectFrom('crime_report_decision')
      .select(['id', 'decided_on', 'note'])
      .where('case_id', '=', caseId)
      .orderBy('decided_on')
      .execute(),
    db
      .selectFrom('certificate_issue as i')
      .innerJoin('certificate as c', 'c.id', 'i.certificate_id')
      .innerJoin('certificate_version as v', (j) =>
        j.onRef('v.certificate_id', '=', 'i.certificate_id').onRef('v.version', '=', 'i.version'),
      )
      .select([
        'c.id',
        'i.issued_at',
        'v.recipient_name',
        'v.purpose_text',
        'v.certifies',
        'v.statements',
      ])
      .where('c.case_id', '=', caseId)
      .orderBy('i.issued_at')
      .execute(),
  ]);

  const pieces: FilePiece[] = [];
  const own = 'Uppgifter om personen';
  pieces.push(
    ...piece(
      'person:name',
      own,
      'Namn',
      `${person.given_name} ${person.family_name}`,
      'subject',
      null,
    ),
    ...piece('person:identity', own, 'Identitet', person.identity_number, 'subject', null),
    ...channels.flatMap((c) =>
      piece(`channel:${c.id}`, own, 'Kontaktuppgift', c.value, 'subject', null),
    ),
  );
  const relatedIds = relations.map((r) =>
    r.person_id === personId ? r.related_person_id : r.person_id,
  );
  const related = relatedIds.length
    ? await db
        .selectFrom('person')
        .select(['id', 'given_name', 'family_name'])
        .where('id', 'in', relatedIds)
        .execute()
    : [];
  pieces.push(
    ...piece('person:whereabouts', own, 'Vistelseadress', hidden?.whereabouts, 'subject', null),
    ...piece('person:school', own, 'Skola eller förskola', hidden?.school, 'subject', null),
    ...piece(
      'person:real_identity',
      own,
      'Verklig identitet',
      hidden?.real_identity,
      'subject',
      null,
    ),
  );
  for (const r of relations) {
    const other = related.find(
      (p) => p.id === (r.person_id === personId ? r.related_person_id : r.person_id),
    );
    pieces.push(
      ...piece(
        `relation:${r.id}`,
        'Relationer',
        'Närstående',
        other && `${other.given_name} ${other.family_name}`,
        'other',
        null,
      ),
    );
  }

  for (const e of events) {
    const parsed = caseEventRecord.safeParse({ type: e.type, payload: e.payload });
    if (!parsed.success) continue;
    const ev = parsed.data;
    const on = day(e.recorded_at);
    const key = (part: string) => `event:${e.id}:${part}`;
    switch (ev.type) {
      case 'intake_registered': {
        const heading = `Aktualisering ${on}: ${intakeTypeLabels[ev.payload.intakeType]}`;
        // What a reporter wrote is theirs; what the person applied for is the person's own.
        const fromOther = ['report', 'police_notification', 'referral'].includes(
          ev.payload.intakeType,
        );
        pieces.push(
          ...piece(
            key('from'),
            heading,
            'Anmälare eller uppgiftslämnare',
            ev.payload.from,
            'reporter',
            null,
          ),
          ...piece(
            key('content'),
            heading,
            'Innehåll',
            ev.payload.content,
            'subject',
            fromOther ? 'other_person' : 'person',
          ),
        );
        break;
      }
      case 'acute_screening':
        pieces.push(
          ...piece(
            key('motivation'),
            `Skyddsbedömning ${on}`,
            null,
            ev.payload.motivation,
            'subject',
            'own_observation',
          ),
        );
        break;
      case 'application_recorded':
      case 'consent_recorded':
        pieces.push(
          ...piece(key('note'), `Ansökan ${on}`, null, ev.payload.note, 'subject', 'person'),
        );
        break;
      case 'preliminary_assessment':
        pieces.push(
          ...piece(
            key('reason'),
            `Förhandsbedömning ${on}`,
            null,
            ev.payload.reason,
            'subject',
            'own_observation',
          ),
        );
        break;
      case 'child_report_registered':
        pieces.push(
          ...piece(
            key('content'),
            `Orosanmälan om barn ${on}`,
            null,
            ev.payload.content,
            'other',
            'own_observation',
          ),
        );
        break;
      case 'child_report_waived':
        pieces.push(
          ...piece(
            key('reason'),
            `Orosanmälan om barn ${on}`,
            'Skäl att inte anmäla',
            ev.payload.reason,
            'other',
            'own_observation',
          ),
        );
        break;
      case 'communication_recorded':
        pieces.push(
          ...piece(
            key('what'),
            `Kommunicering ${on}`,
            null,
            ev.payload.what,
            'subject',
            'own_observation',
          ),
        );
        break;
      default:
        break;
    }
  }

  for (const j of journal) {
    pieces.push(
      ...piece(
        `journal:${j.id}`,
        `Journalanteckning ${j.occurred_on}`,
        j.source_detail,
        j.text,
        'subject',
        j.source_kind,
      ),
    );
  }

  if (investigation) {
    const latest = latestVersions(sections.map((s) => ({ ...s, id: s.section })));
    for (const s of latest) {
      const heading = `Utredning: ${sectionDefinition(investigation.template, s.section)?.heading ?? s.section}`;
      s.statements.forEach((st, i) =>
        pieces.push(
          ...piece(
            `investigation:${s.section}:${i}`,
            heading,
            st.source.detail,
            st.text,
            'subject',
            st.source.kind,
          ),
        ),
      );
    }
  }

  for (const d of decisions) {
    const heading = `Beslut ${d.decided_on}`;
    pieces.push(
      ...piece(`decision:${d.id}:requested`, heading, 'Ansökan', d.requested, 'subject', 'person'),
      ...piece(
        `decision:${d.id}:motivation`,
        heading,
        'Motivering',
        d.motivation,
        'subject',
        'own_observation',
      ),
      // What the rules of an insats recorded: the wish of the one who was subjected, her risk.
      ...piece(
        `decision:${d.id}:conditions`,
        heading,
        'Villkor och underlag',
        d.conditions ? conditionsText(d.conditions) : null,
        'other',
        'case_record',
      ),
    );
  }

  for (const a of assessments) {
    const heading = `Riskbedömning ${a.assessed_on}`;
    pieces.push(
      ...piece(
        `risk:${a.id}:motivation`,
        heading,
        'Bedömning',
        a.motivation,
        'subject',
        a.kind === 'police' ? 'agency' : 'own_observation',
      ),
      ...(a.scenario_ratings ?? []).flatMap((r, i) =>
        piece(
          `risk:${a.id}:scenario:${i}`,
          heading,
          r.scenario,
          r.motivation,
          'subject',
          'own_observation',
        ),
      ),
    );
  }

  for (const i of incidents) {
    pieces.push(
      ...piece(
        `incident:${i.id}`,
        `Händelse ${i.occurred_on}`,
        null,
        i.description,
        'subject',
        null,
      ),
    );
  }

  for (const p of latestVersions(plans.map((p) => ({ ...p, id: p.person_id })))) {
    const about = p.person_id === personId ? 'subject' : 'other';
    for (const item of p.items) {
      const point = safetyPlanPoints.find((s) => s.key === item.key);
      pieces.push(
        ...piece(
          `safety_plan:${p.person_id}:${item.key}`,
          'Säkerhetsplan',
          point?.label ?? item.key,
          item.note,
          about,
          'own_observation',
        ),
      );
    }
  }

  for (const s of advice) {
    pieces.push(
      ...piece(
        `advice:${s.id}`,
        `Råd och stöd ${s.held_on}`,
        null,
        s.note,
        'subject',
        'own_observation',
      ),
    );
  }

  for (const f of latestVersions(followUps)) {
    const heading = `Uppföljning ${f.followed_up_on}`;
    pieces.push(
      ...piece(
        `follow_up:${f.id}:view`,
        heading,
        'Personens syn',
        f.person_view,
        'subject',
        'person',
      ),
      ...piece(
        `follow_up:${f.id}:assessment`,
        heading,
        'Bedömning',
        f.assessment,
        'subject',
        'own_observation',
      ),
      ...piece(
        `follow_up:${f.id}:actions`,
        heading,
        'Åtgärder',
        f.actions,
        'subject',
        'own_observation',
      ),
    );
  }

  for (const c of latestVersions(counterparts.filter((c) => c.personId === personId))) {
    if (c.status === 'wrongly_recorded') continue;
    const heading = 'Motpart';
    pieces.push(
      ...piece(
        `counterpart:${c.id}:name`,
        heading,
        'Namn',
        [c.givenName, c.familyName].filter(Boolean).join(' ') || c.description,
        'other',
        null,
      ),
      ...c.contact.flatMap((k, i) =>
        piece(
          `counterpart:${c.id}:contact:${i}`,
          heading,
          'Kontaktuppgift',
          k.value,
          'other',
          null,
        ),
      ),
      ...piece(
        `counterpart:${c.id}:whereabouts`,
        heading,
        'Vistelseort',
        c.whereabouts,
        'other',
        null,
      ),
    );
  }

  for (const c of consents) {
    pieces.push(
      ...piece(
        `consent:${c.id}`,
        `Samtycke ${c.given_on}`,
        c.recipient_name,
        c.purpose_text,
        'subject',
        'person',
      ),
    );
  }
  for (const a of agency) {
    // Headings carry dates and kinds only: a name is a piece, classified like any other.
    const heading = `Uppgifter till polis eller myndighet ${a.disclosed_on}`;
    pieces.push(
      ...piece(`agency:${a.id}:agency`, heading, 'Myndighet', a.agency_name, 'subject', null),
      ...piece(
        `agency:${a.id}:what`,
        heading,
        'Vad som lämnades',
        a.what,
        'subject',
        'own_observation',
      ),
      ...piece(`agency:${a.id}:received_by`, heading, 'Mottogs av', a.received_by, 'subject', null),
    );
  }
  for (const r of crimeReports) {
    pieces.push(
      ...piece(
        `crime_report:${r.id}`,
        `Polisanmälan ${r.decided_on}`,
        null,
        r.note,
        'subject',
        'person',
      ),
    );
  }
  for (const c of certificates) {
    const heading = `Intyg ${day(c.issued_at)}`;
    pieces.push(
      ...piece(
        `certificate:${c.id}:recipient`,
        heading,
        'Mottagare',
        c.recipient_name,
        'subject',
        null,
      ),
      ...piece(`certificate:${c.id}:purpose`, heading, 'Syfte', c.purpose_text, 'subject', null),
      ...piece(
        `certificate:${c.id}:certifies`,
        heading,
        'Vad som intygas',
        c.certifies,
        'subject',
        null,
      ),
      ...c.statements.flatMap((s, i) =>
        piece(
          `certificate:${c.id}:${i}`,
          heading,
          s.source.detail,
          s.text,
          'subject',
          s.source.kind,
        ),
      ),
    );
  }
  pieces.push(...(await coordinationPieces(db, row)), ...(await transferPieces(db, row)));
  return pieces;
}

/** A transfer to another municipality asked for from the case, and one that brought it here. */
async function transferPieces(db: Reader, row: CaseRow): Promise<FilePiece[]> {
  const [out, into] = await Promise.all([
    db
      .selectFrom('case_transfer as t')
      .leftJoin('case_transfer_answer as a', 'a.transfer_id', 't.id')
      .select([
        't.id',
        't.requested_at',
        't.receiving_municipality',
        't.grounds',
        't.wishes',
        't.duration',
        'a.comment',
      ])
      .where('t.case_id', '=', row.id)
      .orderBy('t.requested_at')
      .execute(),
    db
      .selectFrom('transfer_import')
      .select(['id', 'imported_at', 'from_municipality', 'grounds', 'wishes', 'duration'])
      .where('case_id', '=', row.id)
      .orderBy('imported_at')
      .execute(),
  ]);
  const parts = (
    key: string,
    heading: string,
    t: { grounds: string; wishes: string; duration: string },
  ) => [
    ...piece(`${key}:grounds`, heading, 'Anknytning', t.grounds, 'subject', null),
    ...piece(`${key}:wishes`, heading, 'Personens önskemål', t.wishes, 'subject', 'person'),
    ...piece(`${key}:duration`, heading, 'Hjälpbehovets varaktighet', t.duration, 'subject', null),
  ];
  return [
    ...out.flatMap((t) => {
      const heading = `Begäran om överflyttning ${day(t.requested_at)}`;
      return [
        ...piece(
          `transfer:${t.id}:to`,
          heading,
          'Mottagande kommun',
          t.receiving_municipality,
          'subject',
          null,
        ),
        ...parts(`transfer:${t.id}`, heading, t),
        ...piece(`transfer:${t.id}:answer`, heading, 'Svar', t.comment, 'subject', null),
      ];
    }),
    ...into.flatMap((t) => {
      const heading = `Överflyttat hit ${day(t.imported_at)}`;
      return [
        ...piece(
          `transfer-import:${t.id}:from`,
          heading,
          'Från',
          t.from_municipality,
          'subject',
          null,
        ),
        ...parts(`transfer-import:${t.id}`, heading, t),
      ];
    }),
  ];
}

/**
 * What the case's work with others holds: the uppdrag (the order, the genomförandeplan, the
 * provider's journal), samråd (the purpose and what this file's part of the minutes says), SIP
 * and samverkansplaner with their uppföljningar, the schooling of a child who came along, and the
 * shelter places that could not be had.
 */
async function coordinationPieces(db: Reader, row: CaseRow): Promise<FilePiece[]> {
  const caseId = row.id;
  const [orders, plans, entries, meetings, items, coordinated, planFollowUps, schooling, turned] =
    await Promise.all([
      db
        .selectFrom('commission as c')
        .innerJoin('commission_order as o', 'o.commission_id', 'c.id')
        .select(['c.id', 'c.period_from', 'o.what', 'o.why', 'o.contact', 'o.protection_notice'])
        .where('c.case_id', '=', caseId)
        .orderBy('c.created_at')
        .execute(),
      db
        .selectFrom('implementation_plan_version as v')
        .innerJoin('commission as c', 'c.id', 'v.commission_id')
        .select([
          'v.commission_id',
          'v.version',
          'v.goals',
          'v.actions',
          'v.schedule',
          'v.participation',
        ])
        .where('c.case_id', '=', caseId)
        .execute(),
      db
        .selectFrom('commission_entry as e')
        .innerJoin('commission as c', 'c.id', 'e.commission_id')
        .select(['e.id', 'e.occurred_on', 'e.text'])
        .where('c.case_id', '=', caseId)
        .orderBy('e.occurred_on')
        .orderBy('e.recorded_at')
        .execute(),
      db
        .selectFrom('coordination_meeting_file as f')
        .innerJoin('coordination_meeting as m', 'm.id', 'f.meeting_id')
        .select(['m.id', 'm.planned_on', 'm.purpose'])
        .where('f.case_id', '=', caseId)
        .orderBy('m.planned_on')
        .execute(),
      db
        .selectFrom('coordination_meeting_item as i')
        .innerJoin('coordination_meeting as m', 'm.id', 'i.meeting_id')
        .select(['i.id', 'i.kind', 'i.text', 'm.planned_on'])
        .where('i.case_id', '=', caseId)
        .orderBy('m.planned_on')
        .orderBy('i.position')
        .execute(),
      db
        .selectFrom('coordinated_plan as p')
        .innerJoin('coordinated_plan_version as v', 'v.plan_id', 'p.id')
        .select(['p.id', 'v.version', 'v.needs', 'v.others_do', 'v.participants', 'v.recorded_at'])
        .where('p.case_id', '=', caseId)
        .execute(),
      db
        .selectFrom('coordinated_plan_follow_up as u')
        .innerJoin('coordinated_plan as p', 'p.id', 'u.plan_id')
        .select(['u.id', 'u.followed_up_on', 'u.person_view', 'u.assessment'])
        .where('p.case_id', '=', caseId)
        .orderBy('u.followed_up_on')
        .execute(),
      db
        .selectFrom('school_arrangement')
        .select(['id', 'arranged_on', 'note'])
        .where('case_id', '=', caseId)
        .orderBy('arranged_on')
        .execute(),
      db
        .selectFrom('shelter_turned_away')
        .select(['id', 'recorded_at', 'note'])
        .where('case_id', '=', caseId)
        .orderBy('recorded_at')
        .execute(),
    ]);
  const pieces: FilePiece[] = [];
  for (const o of orders) {
    const heading = `Uppdrag ${o.period_from}`;
    pieces.push(
      ...piece(
        `commission:${o.id}:what`,
        heading,
        'Uppdraget',
        o.what,
        'subject',
        'own_observation',
      ),
      ...piece(`commission:${o.id}:why`, heading, 'Skäl', o.why, 'subject', 'own_observation'),
      ...piece(`commission:${o.id}:contact`, heading, 'Kontakt', o.contact, 'subject', null),
      ...piece(
        `commission:${o.id}:protection`,
        heading,
        'Om skydd',
        o.protection_notice,
        'subject',
        null,
      ),
    );
    for (const v of latestVersions(
      plans.filter((p) => p.commission_id === o.id).map((p) => ({ ...p, id: p.commission_id })),
    )) {
      const planHeading = `Genomförandeplan ${o.period_from}`;
      pieces.push(
        ...piece(`implementation:${o.id}:goals`, planHeading, 'Mål', v.goals, 'subject', 'agency'),
        ...piece(
          `implementation:${o.id}:actions`,
          planHeading,
          'Insatser',
          v.actions,
          'subject',
          'agency',
        ),
        ...piece(
          `implementation:${o.id}:schedule`,
          planHeading,
          'Tidsplan',
          v.schedule,
          'subject',
          'agency',
        ),
        ...piece(
          `implementation:${o.id}:participation`,
          planHeading,
          'Delaktighet',
          v.participation,
          'subject',
          'agency',
        ),
      );
    }
  }
  for (const e of entries) {
    pieces.push(
      ...piece(
        `commission_entry:${e.id}`,
        `Utförarens anteckning ${e.occurred_on}`,
        null,
        e.text,
        'subject',
        'agency',
      ),
    );
  }
  for (const m of meetings) {
    pieces.push(
      ...piece(
        `meeting:${m.id}:purpose`,
        `Samråd ${m.planned_on}`,
        'Syfte',
        m.purpose,
        'subject',
        'own_observation',
      ),
    );
  }
  for (const i of items) {
    pieces.push(
      ...piece(
        `meeting_item:${i.id}`,
        `Samråd ${i.planned_on}`,
        null,
        i.text,
        'subject',
        'own_observation',
      ),
    );
  }
  for (const p of latestVersions(coordinated)) {
    const heading = `Plan ${day(p.recorded_at)}`;
    pieces.push(
      ...piece(
        `plan:${p.id}:needs`,
        heading,
        'Behov av insatser',
        p.needs,
        'subject',
        'own_observation',
      ),
      ...piece(
        `plan:${p.id}:others`,
        heading,
        'Vad andra gör',
        p.others_do,
        'subject',
        'own_observation',
      ),
      ...p.participants.flatMap((x, i) =>
        piece(
          `plan:${p.id}:participant:${i}`,
          heading,
          'Ansvar',
          `${x.recipientName}: ${x.responsibility}`,
          'subject',
          'own_observation',
        ),
      ),
    );
  }
  for (const u of planFollowUps) {
    const heading = `Uppföljning av plan ${u.followed_up_on}`;
    pieces.push(
      ...piece(
        `plan_follow_up:${u.id}:view`,
        heading,
        'Personens syn',
        u.person_view,
        'subject',
        'person',
      ),
      ...piece(
        `plan_follow_up:${u.id}:assessment`,
        heading,
        'Bedömning',
        u.assessment,
        'subject',
        'own_observation',
      ),
    );
  }
  for (const a of schooling) {
    pieces.push(
      ...piece(
        `school:${a.id}`,
        `Skolgång för medföljande barn ${a.arranged_on}`,
        null,
        a.note,
        'other',
        'own_observation',
      ),
    );
  }
  for (const x of turned) {
    pieces.push(
      ...piece(
        `turned_away:${x.id}`,
        `Förfrågan om plats ${day(x.recorded_at)}`,
        null,
        x.note,
        'subject',
        'own_observation',
      ),
    );
  }
  return pieces;
}

/** A beslut's conditions as one text: every string in it, in order. */
function conditionsText(conditions: Record<string, unknown>): string {
  const texts: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') texts.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(conditions);
  return texts.join(' ');
}

/**
 * Who else the file names and what would show where they are: every counterpart's names,
 * contact details, identity number and whereabouts (every version: an old address is as
 * dangerous); the persons in Värn linked to the file with their channels, protected details and
 * identity numbers; and every reporter the case's intakes name. For the extract's rules only.
 */
export async function othersForExtract(db: Reader, row: CaseRow): Promise<OthersOfFile> {
  const personId = row.person_id;
  const [names, links, counterparts, events] = await Promise.all([
    othersOfFile(db, personId),
    linkedPersons(db, personId),
    loadCounterparts(db, [personId]),
    db
      .selectFrom('case_event')
      .select(['payload'])
      .where('case_id', '=', row.id)
      .where('type', '=', 'intake_registered')
      .execute(),
  ]);
  const ids = [...new Set(links.map((l) => l.personId))];
  const [persons, channels, hidden] = ids.length
    ? await Promise.all([
        db.selectFrom('person').select(['identity_number']).where('id', 'in', ids).execute(),
        db.selectFrom('contact_channel').select(['value']).where('person_id', 'in', ids).execute(),
        db
          .selectFrom('person_protected_detail')
          .select(['whereabouts', 'school', 'real_identity'])
          .where('person_id', 'in', ids)
          .execute(),
      ])
    : [[], [], []];
  const own = counterparts.filter((c) => c.personId === personId);
  const traces = [
    ...own.flatMap((c) => [
      ...c.contact.map((k) => k.value),
      c.whereabouts,
      c.identity?.normalized ?? null,
    ]),
    ...persons.map((p) => p.identity_number),
    ...channels.map((c) => c.value),
    ...hidden.flatMap((h) => [h.whereabouts, h.school, h.real_identity]),
    ...events.flatMap((e) => {
      const from = (e.payload as { from?: unknown }).from;
      return typeof from === 'string' ? reporterTraces(from) : [];
    }),
  ].filter((t): t is string => !!t && t.trim().length > 0);
  return {
    names,
    traces: [...new Set(traces)],
    usesViolence:
      row.target_group === 'perpetrator' ||
      links.some((l) => l.subjectedByPerson) ||
      own.some((c) => !c.usesViolence && row.target_group === 'perpetrator'),
  };
}

/**
 * A reporter as an intake names them ("Greta Grann, granne, 070-…"): the whole, and each part
 * that is a name of two words or more, or a number — a lone word like "granne" is no trace.
 */
function reporterTraces(from: string): string[] {
  const parts = from
    .split(/[,;\n]/)
    .map((p) => p.trim())
    .filter((p) => p.split(/\s+/).length >= 2 || p.replace(/\D/g, '').length >= 6);
  return [from, ...parts];
}
