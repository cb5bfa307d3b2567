import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../../core/contracts/cases.ts';
import type { FileExtract, FileRequest } from '../../../core/contracts/file-requests.ts';
import type { Transfer } from '../../../core/contracts/transfers.ts';
import { extractCoverage } from '../../case-kernel/file-pieces.ts';
import { httpAs } from '../../test/http.ts';
import { readPdf } from '../../test/pdf-reader.ts';
import { intakePayload } from '../../test/factories.ts';
import { createTestApp } from '../../test/test-app.ts';
import type { TestApp } from '../../test/test-app.ts';
import { buildWorld } from '../../test/world.ts';
import type { World } from '../../test/world.ts';
import { stockholmDate } from '../../time.ts';

/**
 * A person's own file over real HTTP on the real database. The canary: a man who uses violence
 * asks for his file, and the victim's address, her phone, her own account and the name of the
 * neighbour who reported him are written into every kind of entry his file can hold. Whatever the
 * handläggare lifts, the enhetschef approves and the extract releases, none of it is in the PDF
 * or in the record of what was released — while his own data is.
 */

let t: TestApp;
let w: World;
let base: string;
const today = stockholmDate(new Date());
beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await t.close();
});

const send = httpAs(
  () => base,
  () => w,
  'assigned',
);
const errorOf = (res: { json: () => unknown }) =>
  (res.json() as { error: { code: string; message: string } }).error;

/** What must never reach him, and how it is written in his file. */
const ADDRESS = 'Kanariegatan 7, 123 45 Staden';
const PHONE = '070-123 45 67';
const HER_ACCOUNT = 'Hon berättar att han ströp henne i köket';
const REPORTER = 'Greta Grannsdotter';
const canaries = ['Kanariegatan', '1234567', 'ströp henne', 'Grannsdotter'];
/** The address and phone as a handläggare might write them anywhere. */
const traceText = `Hon bor nu på kanariegatan 7, 123 45 Staden och nås på +46 70 123 45 67.`;

type Included = {
  [K in keyof typeof extractCoverage]: (typeof extractCoverage)[K] extends 'pieces' ? K : never;
}[keyof typeof extractCoverage];

/** His case: a neighbour's report, assigned to the handläggare, in utredning. */
async function hisCase(): Promise<{ caseId: string; personId: string }> {
  const payload = {
    ...intakePayload(w.units.adult, {
      existing: false,
      newPerson: {
        identity: null,
        givenName: 'Kent',
        familyName: 'Kanarie',
        protectionLevel: 'none',
      },
    }),
    targetGroup: 'perpetrator',
  };
  payload.intake.type = 'report';
  payload.intake.from = `${REPORTER}, granne, ${PHONE}`;
  payload.intake.content = `Grannen hör skrik. ${traceText}`;
  payload.acuteScreening.motivation = `Bedömt per telefon. ${traceText}`;
  const created = await send('POST', '/api/intakes', payload);
  expect(created.status, created.text).toBe(201);
  const { caseId, personId } = created.json() as { caseId: string; personId: string };
  const version = async () =>
    ((await send('GET', `/api/cases/${caseId}`)).json() as CaseDetail).version;
  const consented = await send('POST', `/api/cases/${caseId}/application`, {
    kind: 'consent',
    form: 'oral',
    receivedOn: today,
    note: `Samtycker till utredning. ${traceText}`,
    version: await version(),
  });
  expect(consented.status, consented.text).toBe(201);
  const opened = await send('POST', `/api/cases/${caseId}/preliminary-assessment`, {
    outcome: 'open_investigation',
    template: 'perpetrator',
    reason: `Utredning inleds. ${traceText}`,
    version: await version(),
  });
  expect(opened.status, opened.text).toBe(201);
  return { caseId, personId };
}

describe('the extract of a person’s own file', () => {
  it('declares every table with a case’s or a person’s data: in the extract, or why not', async () => {
    const rows = await sql<{ table_name: string }>`
      select distinct table_name from information_schema.columns
      where table_schema = current_schema()
        and column_name in ('case_id', 'person_id', 'child_person_id', 'related_person_id')
        and table_name not in ('audit_event', 'kysely_migration')`.execute(t.database.db);
    const tables = rows.rows.map((r) => r.table_name).sort();
    expect(tables.filter((name) => !(name in extractCoverage))).toEqual([]);
  });

  it('never gives him her address, her phone, her account or who reported him, whatever entry they are in', async () => {
    const { caseId, personId } = await hisCase();
    const db = t.database.db;
    const by = w.users.assigned.id;
    const now = new Date();
    // Vera, whom he uses violence against, is a person in Värn too; her file has his number.
    const vera = await db
      .insertInto('person')
      .values({
        identity_kind: null,
        identity_number: null,
        given_name: 'Vera',
        family_name: 'Vinter',
        created_by: by,
      })
      .returning('id')
      .executeTakeFirstOrThrow();

    let decisionId = '';
    let commissionId = '';
    let meetingId = '';
    const writers: Record<Included, () => Promise<unknown>> = {
      person: () => Promise.resolve(),
      contact_channel: () =>
        // The home phone they shared: his channel, and hers.
        db
          .insertInto('contact_channel')
          .values({
            person_id: personId,
            kind: 'phone',
            value: PHONE,
            safe_for_contact: false,
            note: null,
          })
          .execute(),
      person_protected_detail: () =>
        db
          .insertInto('person_protected_detail')
          .values({
            person_id: personId,
            whereabouts: `Hos henne, ${ADDRESS}`,
            school: null,
            real_identity: null,
          })
          .execute(),
      person_relation: () =>
        db
          .insertInto('person_relation')
          .values({
            person_id: personId,
            related_person_id: vera.id,
            kind: 'partner',
            violence: 'person_against_related',
            created_by: by,
          })
          .execute(),
      case_event: () => Promise.resolve(), // the intake, screening and förhandsbedömning above
      journal_entry: async () => {
        for (const [text, source] of [
          [traceText, { kind: 'own_observation', detail: null }],
          [HER_ACCOUNT, { kind: 'other_person', detail: 'Vera' }],
          [`Ringde ${REPORTER} som berättade mer.`, { kind: 'own_observation', detail: null }],
        ] as const) {
          const res = await send('POST', `/api/cases/${caseId}/journal`, {
            occurredOn: today,
            text,
            source,
          });
          expect(res.status, res.text).toBe(201);
        }
      },
      investigation: () => Promise.resolve(), // opened by the förhandsbedömning
      investigation_section_version: () =>
        db
          .insertInto('investigation_section_version')
          .values({
            case_id: caseId,
            section: 'relationship_history',
            version: 1,
            statements: JSON.stringify([
              { text: traceText, source: { kind: 'own_observation', detail: null } },
              { text: HER_ACCOUNT, source: { kind: 'other_person', detail: 'Vera' } },
            ]),
            recorded_by: by,
          })
          .execute(),
      decision: async () => {
        const decision = await db
          .insertInto('decision')
          .values({ case_id: caseId })
          .returning('id')
          .executeTakeFirstOrThrow();
        decisionId = decision.id;
        await db
          .insertInto('decision_version')
          .values({
            decision_id: decision.id,
            version: 1,
            kind: 'original',
            intervention: 'support_sessions',
            requested: traceText,
            outcome: 'granted',
            motivation: HER_ACCOUNT,
            legal_basis: '4 kap. 1 § SoL',
            appeal_instructions: null,
            decided_on: today,
            decided_by: by,
            decided_role: 'adult_caseworker',
            notified_how: null,
            notified_on: null,
            change_reason: null,
            period_from: today,
            period_to: null,
            conditions: JSON.stringify({ victimWish: { learntOn: today, how: traceText } }),
          })
          .execute();
      },
      risk_assessment: async () => {
        const instrument = await db
          .selectFrom('instrument_version')
          .select(['id', 'version', 'method'])
          .orderBy('id')
          .orderBy('version')
          .executeTakeFirstOrThrow();
        await db
          .insertInto('risk_assessment')
          .values({
            case_id: caseId,
            person_id: personId,
            kind: 'structured',
            instrument_id: instrument.id,
            instrument_version: instrument.version,
            method: instrument.method,
            answers: '{}',
            score: null,
            level: 'high',
            scenario_ratings: JSON.stringify([
              { scenario: 'repeat', level: 'high', motivation: traceText },
            ]),
            motivation: `${HER_ACCOUNT}. ${traceText}`,
            police_reference: null,
            consent_reference: null,
            assessed_on: today,
            recorded_by: by,
          })
          .execute();
      },
      case_incident: () =>
        db
          .insertInto('case_incident')
          .values({ case_id: caseId, occurred_on: today, description: traceText, recorded_by: by })
          .execute(),
      safety_plan_version: () =>
        db
          .insertInto('safety_plan_version')
          .values({
            case_id: caseId,
            person_id: vera.id,
            version: 1,
            items: JSON.stringify([{ key: 'contact', status: 'done', note: traceText }]),
            review_on: null,
            recorded_by: by,
          })
          .execute(),
      advice_session: () =>
        db
          .insertInto('advice_session')
          .values({
            case_id: caseId,
            person_id: personId,
            held_on: today,
            held_by: by,
            note: traceText,
          })
          .execute(),
      follow_up: () =>
        db
          .insertInto('follow_up')
          .values({
            id: crypto.randomUUID(),
            version: 1,
            case_id: caseId,
            person_id: personId,
            commission_id: commissionId,
            due_id: null,
            followed_up_on: today,
            method: 'meeting',
            with_person: true,
            with_provider: false,
            person_view: HER_ACCOUNT,
            assessment: traceText,
            actions: 'Fortsatta samtal.',
            goal_fulfilment: 'partly',
            correction_reason: null,
            recorded_by: by,
          })
          .execute(),
      commission: async () => {
        const { id } = await db
          .insertInto('commission')
          .values({
            case_id: caseId,
            decision_id: decisionId,
            person_id: personId,
            provider_id: w.providers.own,
            intervention: 'support_sessions',
            period_from: today,
            period_to: null,
            created_by: by,
            created_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        commissionId = id;
        await db
          .insertInto('commission_order')
          .values({
            commission_id: id,
            what: 'Samtal om våldet.',
            why: traceText,
            contact: 'Handläggaren',
            consent_categories: ['name'],
            consent_way: 'oral',
            consent_on: today,
            shared: JSON.stringify({
              name: 'Kent Kanarie',
              personalIdentityNumber: null,
              phone: null,
              language: null,
              children: null,
            }),
            protection_notice: null,
          })
          .execute();
        await db
          .insertInto('implementation_plan_version')
          .values({
            commission_id: id,
            version: 1,
            goals: traceText,
            actions: HER_ACCOUNT,
            schedule: 'Varje vecka.',
            participation: 'Han deltar.',
            recorded_by: by,
          })
          .execute();
        await db
          .insertInto('commission_entry')
          .values({
            commission_id: id,
            kind: 'note',
            occurred_on: today,
            text: `${REPORTER} ringde. ${traceText}`,
            recorded_by: by,
          })
          .execute();
      },
      coordination_meeting_file: async () => {
        const { id } = await db
          .insertInto('coordination_meeting')
          .values({
            unit_id: w.units.adult,
            called_by: by,
            called_at: now,
            planned_on: today,
            purpose: traceText,
            follows_id: null,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        meetingId = id;
        await db
          .insertInto('coordination_meeting_file')
          .values({ meeting_id: id, case_id: caseId, joined_by: by, joined_at: now })
          .execute();
        await db
          .insertInto('coordination_meeting_minutes')
          .values({
            meeting_id: id,
            held_on: today,
            follow_up_on: null,
            written_by: by,
            written_at: now,
          })
          .execute();
      },
      coordination_meeting_item: () =>
        db
          .insertInto('coordination_meeting_item')
          .values({
            meeting_id: meetingId,
            case_id: caseId,
            kind: 'question',
            position: 0,
            text: HER_ACCOUNT,
            owner_user_id: null,
            owner_participant_id: null,
            due_on: null,
          })
          .execute(),
      coordinated_plan: async () => {
        const { id } = await db
          .insertInto('coordinated_plan')
          .values({
            kind: 'internal',
            case_id: caseId,
            person_id: personId,
            created_by: by,
            created_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await db
          .insertInto('coordinated_plan_version')
          .values({
            plan_id: id,
            version: 1,
            needs: traceText,
            participants: JSON.stringify([
              {
                kind: 'unit',
                unitId: w.units.adult,
                providerId: null,
                recipientName: 'Vuxenenheten',
                name: 'Testa',
                role: 'Socialsekreterare',
                responsibility: HER_ACCOUNT,
                consentId: null,
              },
            ]),
            others_do: '',
            overall_responsible: 0,
            follow_up_on: today,
            categories: ['name'],
            recorded_by: by,
            recorded_at: now,
          })
          .execute();
        await db
          .insertInto('coordinated_plan_follow_up')
          .values({
            plan_id: id,
            followed_up_on: today,
            person_view: HER_ACCOUNT,
            assessment: traceText,
            goal_fulfilment: 'partly',
            recorded_by: by,
            recorded_at: now,
          })
          .execute();
      },
      school_arrangement: () =>
        db
          .insertInto('school_arrangement')
          .values({
            case_id: caseId,
            child_person_id: vera.id,
            arrangement: 'school_near_shelter',
            note: traceText,
            arranged_on: today,
            recorded_by: by,
          })
          .execute(),
      shelter_turned_away: () =>
        db
          .insertInto('shelter_turned_away')
          .values({
            case_id: caseId,
            person_id: personId,
            unit_id: w.units.adult,
            reason: 'no_free_place',
            needs: '{}',
            note: traceText,
            recorded_by: by,
          })
          .execute(),
      counterpart: async () => {
        const res = await send('POST', `/api/cases/${caseId}/counterparts`, {
          identity: null,
          givenName: 'Vera',
          familyName: 'Vinter',
          description: null,
          relation: 'partner',
          usesViolence: false,
          livesTogether: 'no',
          contact: [{ kind: 'phone', value: PHONE }],
          whereabouts: ADDRESS,
        });
        expect(res.status, res.text).toBe(201);
      },
      consent: () =>
        db
          .insertInto('consent')
          .values({
            person_id: personId,
            case_id: caseId,
            categories: ['name'],
            purposes: ['partner_contact'],
            purpose_text: traceText,
            recipient_kind: 'agency',
            recipient_unit_id: null,
            recipient_provider_id: null,
            recipient_name: 'Kvinnojouren',
            given_on: today,
            valid_until: today,
            way: 'oral',
            document_reference: null,
            recorded_by: by,
            recorded_at: now,
          })
          .execute(),
      agency_disclosure: () =>
        db
          .insertInto('agency_disclosure')
          .values({
            case_id: caseId,
            person_id: personId,
            agency_kind: 'police',
            agency_name: 'Polisen',
            received_by: REPORTER,
            disclosed_on: today,
            way: 'oral',
            what: traceText,
            risk_assessment_id: null,
            recorded_by: by,
            recorded_at: now,
          })
          .execute(),
      crime_report_decision: () =>
        db
          .insertInto('crime_report_decision')
          .values({
            case_id: caseId,
            person_id: personId,
            decision: 'undecided',
            decided_on: today,
            note: HER_ACCOUNT,
            recorded_by: by,
            recorded_at: now,
          })
          .execute(),
      certificate: async () => {
        const { id } = await db
          .insertInto('certificate')
          .values({ case_id: caseId, person_id: personId, created_by: by, created_at: now })
          .returning('id')
          .executeTakeFirstOrThrow();
        await db
          .insertInto('certificate_version')
          .values({
            certificate_id: id,
            version: 1,
            purpose: 'other',
            purpose_text: 'Till hans advokat.',
            recipient_name: 'Advokat Ada',
            recipient_channel: null,
            certifies: 'Att han deltar i samtal.',
            statements: JSON.stringify([
              {
                text: traceText,
                source: { kind: 'own_observation', detail: null },
                clearance: 'x',
              },
            ]),
            written_by: by,
            written_at: now,
          })
          .execute();
        const review = await db
          .insertInto('certificate_review')
          .values({
            certificate_id: id,
            version: 1,
            outcome: 'approved',
            comment: null,
            reviewed_by: w.users.manager.id,
            reviewed_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await db
          .insertInto('certificate_issue')
          .values({
            certificate_id: id,
            version: 1,
            review_id: review.id,
            issued_by: by,
            issued_at: now,
          })
          .execute();
      },
      // An earlier request, refused there: its words stay in the file.
      case_transfer: async () => {
        const { id } = await db
          .insertInto('case_transfer')
          .values({
            case_id: caseId,
            person_id: personId,
            receiving_municipality: 'Mottagarkommunen',
            channel: JSON.stringify({ kind: 'email', value: 'soc@mottagarkommunen.example' }),
            grounds: traceText,
            wishes: `Han vill flytta dit. ${traceText}`,
            duration: 'Ett år.',
            requested_by: by,
            requested_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await db
          .insertInto('case_transfer_approval')
          .values({ transfer_id: id, approved_by: w.users.manager.id, approved_at: now })
          .execute();
        await db
          .insertInto('case_transfer_answer')
          .values({
            transfer_id: id,
            outcome: 'refused',
            decided_on: today,
            reference: null,
            comment: HER_ACCOUNT,
            recorded_by: by,
            recorded_at: now,
          })
          .execute();
      },
      transfer_import: () =>
        db
          .insertInto('transfer_import')
          .values({
            package_id: crypto.randomUUID(),
            package_sha256: 'b'.repeat(64),
            case_id: caseId,
            person_id: personId,
            from_municipality: 'Avsändarkommunen',
            from_unit: 'Enheten',
            from_handlaggare: 'Hanna H',
            legal_basis: '2 a kap. 10 § SoL',
            grounds: traceText,
            wishes: `Han vill flytta. ${traceText}`,
            duration: 'Ett år.',
            risk: null,
            decisions: '[]',
            imported_by: by,
            imported_at: now,
          })
          .execute(),
    };
    // What others rest on first: the uppföljning on the uppdrag, the uppdrag on the beslut.
    const first: Included[] = ['decision', 'commission', 'coordination_meeting_file'];
    for (const kind of first) await writers[kind]();
    for (const [kind, write] of Object.entries(writers)) {
      if (!first.includes(kind as Included)) await write();
    }
    // The request, the draft: every kind written above is in it, and every canary withheld.
    const registered = await send('POST', `/api/cases/${caseId}/file-requests`, {
      requestedOn: today,
      requester: { kind: 'person', name: null },
    });
    expect(registered.status, registered.text).toBe(201);
    const { id: requestId } = registered.json() as { id: string };
    const extractUrl = `/api/cases/${caseId}/file-requests/${requestId}/extract`;
    const draft = (await send('GET', extractUrl)).json() as FileExtract;
    const prefixes = [
      'person:',
      'channel:',
      'relation:',
      'event:',
      'journal:',
      'investigation:',
      'decision:',
      'risk:',
      'incident:',
      'safety_plan:',
      'advice:',
      'follow_up:',
      'counterpart:',
      'consent:',
      'agency:',
      'crime_report:',
      'certificate:',
      'commission:',
      'implementation:',
      'commission_entry:',
      'meeting:',
      'meeting_item:',
      'plan:',
      'plan_follow_up:',
      'school:',
      'turned_away:',
      'transfer:',
      'transfer-import:',
    ];
    for (const prefix of prefixes) {
      expect(
        draft.pieces.some((p) => p.key.startsWith(prefix)),
        `no ${prefix} piece`,
      ).toBe(true);
    }
    const dangerous = draft.pieces.filter((p) =>
      canaries.some((c) =>
        `${p.label ?? ''} ${p.text}`.replace(/[\s-]/g, '').includes(c.replace(/\s/g, '')),
      ),
    );
    expect(dangerous.length).toBeGreaterThan(15);
    for (const p of dangerous) expect(p.class, p.key).toBe('withheld');

    // Trying to give a withheld piece is refused, naming the rule.
    const withheld = dangerous[0]!;
    const refused = await send('POST', `/api/cases/${caseId}/file-requests/${requestId}/versions`, {
      version: 0,
      choices: [{ key: withheld.key, mask: false, reason: 'Han vet redan.' }],
    });
    expect(refused.status, refused.text).toBe(409);
    expect(errorOf(refused).message).toContain('kan inte lämnas ut');

    // The handläggare lifts every masking the rules allow, with a reason; the enhetschef approves.
    const lifted = draft.pieces
      .filter((p) => p.class !== 'withheld')
      .map((p) => ({
        key: p.key,
        mask: false,
        reason: 'Prövat: uppgiften kan lämnas ut utan men.',
      }));
    const saved = await send('POST', `/api/cases/${caseId}/file-requests/${requestId}/versions`, {
      version: 0,
      choices: lifted,
    });
    expect(saved.status, saved.text).toBe(201);
    // Not released before it is approved, nor approved by the one who drafted it.
    const early = await send('POST', `/api/cases/${caseId}/file-requests/${requestId}/release`, {
      version: 1,
      delivery: { way: 'handed_over', channel: null },
    });
    expect(early.status, early.text).toBe(409);
    expect(errorOf(early).message).toContain('inte godkänd');
    const own = await send('POST', `/api/cases/${caseId}/file-requests/${requestId}/approvals`, {
      version: 1,
    });
    expect(own.status).toBe(403);
    const approved = await send(
      'POST',
      `/api/cases/${caseId}/file-requests/${requestId}/approvals`,
      { version: 1 },
      'manager',
    );
    expect(approved.status, approved.text).toBe(201);
    const afterApproval = (
      await send('GET', extractUrl, undefined, 'manager')
    ).json() as FileExtract;
    expect(afterApproval).toMatchObject({ approved: true, mayApprove: false, problems: [] });
    // Sent to her phone: the guard refuses it.
    const toHer = await send('POST', `/api/cases/${caseId}/file-requests/${requestId}/release`, {
      version: 1,
      delivery: { way: 'sent', channel: { kind: 'phone', value: PHONE } },
    });
    expect(toHer.status, toHer.text).toBe(409);
    expect(errorOf(toHer).message).toContain('registrerad för en annan person i akten');
    const released = await send('POST', `/api/cases/${caseId}/file-requests/${requestId}/release`, {
      version: 1,
      delivery: { way: 'handed_over', channel: null },
    });
    expect(released.status, released.text).toBe(200);

    const pdf = await send('GET', `/api/cases/${caseId}/file-requests/${requestId}/extract.pdf`);
    expect(pdf.status, pdf.text).toBe(200);
    const { text } = await readPdf(pdf.bytes);
    const flat = text.replace(/[\s-]/g, '');
    for (const c of canaries) expect(flat, c).not.toContain(c.replace(/\s/g, ''));
    expect(text).toContain('Kent Kanarie');
    expect(text).toContain('Maskerad uppgift');
    expect(text).toContain('26 kap. 5 §');
    // The record of what was released holds no canary either, and says how much was masked.
    const record = await db
      .selectFrom('file_extract_release')
      .select(['pieces', 'masked', 'pdf_sha256'])
      .where('request_id', '=', requestId)
      .executeTakeFirstOrThrow();
    const recorded = JSON.stringify(record.pieces).replace(/[\s-]/g, '');
    for (const c of canaries) expect(recorded, c).not.toContain(c.replace(/\s/g, ''));
    expect(record.masked).toBeGreaterThanOrEqual(dangerous.length);
    const list = (await send('GET', `/api/cases/${caseId}/file-requests`)).json() as {
      requests: FileRequest[];
    };
    expect(list.requests[0]?.release).toMatchObject({
      version: 1,
      masked: record.masked,
      way: 'handed_over',
    });
    // Released once.
    const again = await send('POST', `/api/cases/${caseId}/file-requests/${requestId}/release`, {
      version: 1,
      delivery: { way: 'handed_over', channel: null },
    });
    expect(again.status).toBe(409);

    // Moved to another municipality, his file takes none of it along either: every document
    // that carries where she is stops the package until it is left out.
    const asked = await send('POST', `/api/cases/${caseId}/transfers`, {
      receivingMunicipality: 'Mottagarkommunen',
      channel: { kind: 'email', value: 'soc@mottagarkommunen.example' },
      grounds: 'Han har fått arbete där.',
      wishes: 'Han vill flytta dit.',
      duration: 'Minst ett år.',
    });
    expect(asked.status, asked.text).toBe(201);
    const { id: transferId } = asked.json() as { id: string };
    const onTransfer = `/api/cases/${caseId}/transfers/${transferId}`;
    expect((await send('POST', `${onTransfer}/approval`, {}, 'manager')).status).toBe(201);
    const accepted = await send('POST', `${onTransfer}/answer`, {
      outcome: 'accepted',
      decidedOn: today,
      reference: null,
      comment: null,
    });
    expect(accepted.status, accepted.text).toBe(201);
    const standing = (
      (await send('GET', `/api/cases/${caseId}/transfers`)).json() as { transfers: Transfer[] }
    ).transfers.find((x) => x.id === transferId);
    const leaking = standing?.candidates.filter((c) => c.leaks).map((c) => c.filename) ?? [];
    expect(leaking).toContain('utredning.pdf');
    expect(standing?.problems.join(' ')).toContain('visar var en annan person i ärendet finns');
    const stopped = await send('POST', `${onTransfer}/package`, { leaveOut: [] });
    expect(stopped.status).toBe(409);
    const made = await send('POST', `${onTransfer}/package`, { leaveOut: leaking });
    expect(made.status, made.text).toBe(201);
    const pkgFile = await send('GET', `${onTransfer}/package.json`);
    const pkg = pkgFile.json() as { documents: { pdf: string }[]; person: { givenName: string } };
    expect(pkg.person.givenName).toBe('Kent');
    const pdfs = await Promise.all(pkg.documents.map((d) => readPdf(Buffer.from(d.pdf, 'base64'))));
    for (const text of [pkgFile.text, ...pdfs.map((p) => p.text)]) {
      const flatText = text.replace(/[\s-]/g, '');
      for (const c of canaries) expect(flatText, c).not.toContain(c.replace(/\s/g, ''));
    }
  });

  it('holds an approval only for the file it saw', async () => {
    const caseId = w.persons.p.caseId;
    const registered = await send('POST', `/api/cases/${caseId}/file-requests`, {
      requestedOn: today,
      requester: { kind: 'representative', name: 'Advokat Olle Ombud' },
    });
    expect(registered.status, registered.text).toBe(201);
    const { id } = registered.json() as { id: string };
    const saved = await send('POST', `/api/cases/${caseId}/file-requests/${id}/versions`, {
      version: 0,
      choices: [],
    });
    expect(saved.status, saved.text).toBe(201);
    const approved = await send(
      'POST',
      `/api/cases/${caseId}/file-requests/${id}/approvals`,
      { version: 1 },
      'manager',
    );
    expect(approved.status, approved.text).toBe(201);
    // A journal entry after the approval: the extract must be gone through again.
    const entry = await send('POST', `/api/cases/${caseId}/journal`, {
      occurredOn: today,
      text: 'Nytt samtal.',
      source: { kind: 'person', detail: null },
    });
    expect(entry.status).toBe(201);
    const release = await send('POST', `/api/cases/${caseId}/file-requests/${id}/release`, {
      version: 1,
      delivery: { way: 'handed_over', channel: null },
    });
    expect(release.status).toBe(409);
    expect(errorOf(release).message).toContain('Akten har ändrats');
    const stale = await send('POST', `/api/cases/${caseId}/file-requests/${id}/versions`, {
      version: 0,
      choices: [],
    });
    expect(stale.status).toBe(409);
    expect(errorOf(stale).code).toBe('VERSION_CONFLICT');
    // A piece chosen twice is a 400 on the choices.
    const twice = await send('POST', `/api/cases/${caseId}/file-requests/${id}/versions`, {
      version: 1,
      choices: [
        { key: 'person:name', mask: false, reason: null },
        { key: 'person:name', mask: true, reason: 'x' },
      ],
    });
    expect(twice.status).toBe(400);
    // No PDF before release; a representative needs a name.
    expect((await send('GET', `/api/cases/${caseId}/file-requests/${id}/extract.pdf`)).status).toBe(
      409,
    );
    const nameless = await send('POST', `/api/cases/${caseId}/file-requests`, {
      requestedOn: today,
      requester: { kind: 'representative', name: null },
    });
    expect(nameless.status).toBe(400);
  });
});
