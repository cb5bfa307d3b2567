import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../../core/contracts/cases.ts';
import type {
  Decision,
  Investigation,
  JournalEntry,
} from '../../../core/contracts/case-documents.ts';
import { readPdf } from '../../test/pdf-reader.ts';
import { createTestApp } from '../../test/test-app.ts';
import type { TestApp } from '../../test/test-app.ts';
import { intakePayload } from '../../test/factories.ts';
import { buildWorld } from '../../test/world.ts';
import type { ActorName, World } from '../../test/world.ts';

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
  // The world lets the adult unit's handläggare and manager decide on skyddat boende; ekonomiskt
  // bistånd is the manager's alone.
  await t.database.db
    .insertInto('delegation')
    .values({
      unit_id: w.units.adult,
      intervention: 'financial_assistance',
      role: 'unit_manager',
      granted_by: null,
    })
    .execute();
});
afterAll(async () => {
  await t.close();
});

const send = (
  method: 'POST' | 'PUT' | 'GET' | 'DELETE',
  url: string,
  payload?: object,
  as: ActorName = 'colleague',
) =>
  t.app.inject({ method, url, headers: w.sessions[as].headers, ...(payload ? { payload } : {}) });
const detail = async (caseId: string) =>
  (await send('GET', `/api/cases/${caseId}`)).json<CaseDetail>();
const pdfText = async (body: Buffer) => (await readPdf(body)).text;

/** A case in utredning: intake with application, förhandsbedömning opened. */
async function caseInInvestigation(familyName: string) {
  const payload = intakePayload(w.units.adult, {
    existing: false,
    newPerson: { identity: null, givenName: 'Ines', familyName, protectionLevel: 'none' },
  });
  payload.intake.type = 'application_oral';
  const created = await send('POST', '/api/intakes', payload);
  expect(created.statusCode, created.body).toBe(201);
  const { caseId, personId } = created.json<{ caseId: string; personId: string }>();
  const opened = await send('POST', `/api/cases/${caseId}/preliminary-assessment`, {
    outcome: 'open_investigation',
    template: 'victim',
    reason: 'Ansöker om skyddat boende.',
    version: (await detail(caseId)).version,
  });
  expect(opened.statusCode, opened.body).toBe(201);
  return { caseId, personId };
}

const own = { kind: 'person', detail: null };

describe('journal', () => {
  it('saves, pages newest first, and corrects by new versions keeping the original', async () => {
    const { caseId } = await caseInInvestigation('Journalsson');
    for (let i = 0; i < 5; i++) {
      const res = await send('POST', `/api/cases/${caseId}/journal`, {
        occurredOn: '2026-11-01',
        text: `Anteckning ${i}`,
        source: own,
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const first = await send('GET', `/api/cases/${caseId}/journal?limit=3`);
    const page1 = first.json<{ items: JournalEntry[]; nextCursor: string | null }>();
    expect(page1.items.map((e) => e.text)).toEqual([
      'Anteckning 4',
      'Anteckning 3',
      'Anteckning 2',
    ]);
    const second = await send(
      'GET',
      `/api/cases/${caseId}/journal?limit=3&after=${page1.nextCursor ?? ''}`,
    );
    const page2 = second.json<{ items: JournalEntry[]; nextCursor: string | null }>();
    expect(page2.items.map((e) => e.text)).toEqual(['Anteckning 1', 'Anteckning 0']);
    expect(page2.nextCursor).toBeNull();

    const entry = page1.items[0];
    if (!entry) throw new Error('no entry');
    const corrected = await send('POST', `/api/journal/${entry.id}/versions`, {
      occurredOn: '2026-11-02',
      text: 'Anteckning 4, rättad',
      source: { kind: 'agency', detail: 'Polisen' },
      reason: 'Fel datum och källa.',
      version: 1,
    });
    expect(corrected.statusCode, corrected.body).toBe(201);
    // Someone still holding version 1 is told, not overwritten.
    const stale = await send(
      'POST',
      `/api/journal/${entry.id}/versions`,
      { occurredOn: '2026-11-02', text: 'Min version', source: own, reason: 'x', version: 1 },
      'assigned',
    );
    expect([404, 409]).toContain(stale.statusCode);
    const staleSame = await send('POST', `/api/journal/${entry.id}/versions`, {
      occurredOn: '2026-11-02',
      text: 'Min version',
      source: own,
      reason: 'x',
      version: 1,
    });
    expect(staleSame.statusCode).toBe(409);

    const history = await send('GET', `/api/journal/${entry.id}/versions`);
    const versions = history.json<{
      versions: { text: string; correctionReason: string | null }[];
    }>().versions;
    expect(versions.map((v) => v.text)).toEqual(['Anteckning 4', 'Anteckning 4, rättad']);
    expect(versions[1]?.correctionReason).toBe('Fel datum och källa.');
    // The database itself refuses to edit a version away.
    await expect(
      t.database.db.updateTable('journal_entry_version').set({ text: 'borta' }).execute(),
    ).rejects.toThrow(/append-only/);
  });

  it('requires a named source for another person or an agency', async () => {
    const { caseId } = await caseInInvestigation('Källsson');
    const res = await send('POST', `/api/cases/${caseId}/journal`, {
      occurredOn: '2026-11-01',
      text: 'Uppgift från skolan.',
      source: { kind: 'agency', detail: null },
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Ange vem uppgiften kommer från.');
  });

  it('autosaves a draft per writer and drops it when the entry is saved', async () => {
    const { caseId } = await caseInInvestigation('Utkastsson');
    const draft = { occurredOn: '2026-11-03', text: 'Halvskrivet', source: own };
    expect((await send('PUT', `/api/cases/${caseId}/journal-draft`, { draft })).statusCode).toBe(
      200,
    );
    const read = await send('GET', `/api/cases/${caseId}/journal-draft`);
    expect(read.json<{ draft: { text: string } | null }>().draft?.text).toBe('Halvskrivet');
    await send('POST', `/api/cases/${caseId}/journal`, { ...draft, text: 'Klar anteckning' });
    const after = await send('GET', `/api/cases/${caseId}/journal-draft`);
    expect(after.json<{ draft: unknown }>().draft).toBeNull();
  });
});

describe('utredning', () => {
  it('follows Bilaga 2, keeps sources, and shows the HSLF-FS coverage', async () => {
    const { caseId } = await caseInInvestigation('Utredsson');
    const before = (await send('GET', `/api/cases/${caseId}/investigation`)).json<Investigation>();
    expect(before.legalTitle).toBe('Utredning enligt 11 kap. 1 § SoL');
    expect(before.sections.map((s) => s.heading)).toContain('Riskbedömning');
    expect(before.coverage.find((c) => c.key === 'consequences')?.covered).toBe(false);

    const saved = await send('PUT', `/api/cases/${caseId}/investigation/sections/consequences`, {
      version: 0,
      statements: [
        { text: 'Sover dåligt sedan händelsen.', source: own },
        {
          text: 'Har varit sjukskriven två veckor.',
          source: { kind: 'agency', detail: 'Vårdcentralen' },
        },
      ],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const after = (await send('GET', `/api/cases/${caseId}/investigation`)).json<Investigation>();
    const section = after.sections.find((s) => s.key === 'consequences');
    expect(section?.version).toBe(1);
    expect(section?.statements[1]?.source).toEqual({ kind: 'agency', detail: 'Vårdcentralen' });
    expect(after.coverage.find((c) => c.key === 'consequences')?.covered).toBe(true);

    // A second writer who started from version 0 is refused, and nothing is overwritten.
    const stale = await send('PUT', `/api/cases/${caseId}/investigation/sections/consequences`, {
      version: 0,
      statements: [{ text: 'Skriver över', source: own }],
    });
    expect(stale.statusCode).toBe(409);
    const kept = (await send('GET', `/api/cases/${caseId}/investigation`)).json<Investigation>();
    expect(kept.sections.find((s) => s.key === 'consequences')?.statements).toHaveLength(2);

    const unknown = await send('PUT', `/api/cases/${caseId}/investigation/sections/no_such_part`, {
      version: 0,
      statements: [],
    });
    expect(unknown.statusCode).toBe(400);
  });

  it('prints as a PDF with extractable text and sources', async () => {
    const { caseId } = await caseInInvestigation('Pdfsson');
    await send('PUT', `/api/cases/${caseId}/investigation/sections/physical_violence`, {
      version: 0,
      statements: [{ text: 'Knuffad mot väggen i hallen.', source: own }],
    });
    const res = await send('GET', `/api/cases/${caseId}/investigation.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe('inline; filename="utredning.pdf"');
    const text = await pdfText(res.rawPayload);
    expect(text).toContain('Utredning enligt 11 kap. 1 § SoL');
    expect(text).toContain('Knuffad mot väggen i hallen.');
    expect(text).toContain('Källa: Personen själv');
    expect(text).toContain('Ines Pdfsson');
    expect(
      (await send('GET', `/api/cases/${caseId}/investigation.pdf`, undefined, 'childrenWorker'))
        .statusCode,
    ).toBe(404);
  });
});

describe('kommunicering', () => {
  it('refuses before an utredning, naming the missing step', async () => {
    const payload = intakePayload(w.units.adult, {
      existing: false,
      newPerson: {
        identity: null,
        givenName: 'Tidig',
        familyName: 'Kommunikation',
        protectionLevel: 'none',
      },
    });
    const { caseId } = (await send('POST', '/api/intakes', payload)).json<{ caseId: string }>();
    const res = await send('POST', `/api/cases/${caseId}/communications`, {
      what: 'Utredningen',
      communicatedOn: '2026-11-01',
      method: { kind: 'meeting' },
      version: (await detail(caseId)).version,
    });
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('förhandsbedömningen');
  });

  it('blocks a channel marked unsafe and one shared with the person using violence', async () => {
    const { caseId, personId } = await caseInInvestigation('Kanalsson');
    const db = t.database.db;
    const [unsafe, shared, safe] = await db
      .insertInto('contact_channel')
      .values([
        {
          person_id: personId,
          kind: 'phone',
          value: '070-111 11 11',
          safe_for_contact: false,
          note: null,
        },
        {
          person_id: personId,
          kind: 'email',
          value: 'familjen@example.se',
          safe_for_contact: true,
          note: null,
        },
        {
          person_id: personId,
          kind: 'phone',
          value: '070-222 22 22',
          safe_for_contact: true,
          note: null,
        },
      ])
      .returning('id')
      .execute();
    const perpetrator = await db
      .insertInto('person')
      .values({
        identity_kind: null,
        identity_number: null,
        given_name: 'Våld',
        family_name: 'Utövare',
        protection_level: 'none',
        created_by: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('contact_channel')
      .values({
        person_id: perpetrator.id,
        kind: 'email',
        value: ' Familjen@Example.se ',
        safe_for_contact: true,
        note: null,
      })
      .execute();
    await db
      .insertInto('person_relation')
      .values({
        person_id: perpetrator.id,
        related_person_id: personId,
        kind: 'partner',
        violence: 'person_against_related',
        created_by: null,
      })
      .execute();

    const communicate = async (contactChannelId: string) =>
      send('POST', `/api/cases/${caseId}/communications`, {
        what: 'Utredningen i sin helhet',
        communicatedOn: '2026-11-05',
        method: { kind: 'channel', contactChannelId },
        version: (await detail(caseId)).version,
      });
    const a = await communicate(unsafe?.id ?? '');
    expect(a.statusCode).toBe(409);
    expect(a.json<{ error: { code: string; message: string } }>().error.message).toContain(
      'markerad som osäker',
    );
    const b = await communicate(shared?.id ?? '');
    expect(b.statusCode).toBe(409);
    expect(b.json<{ error: { message: string } }>().error.message).toContain('våldsutövare');
    // Nothing was recorded by the refusals.
    expect((await detail(caseId)).phase).toBe('investigation');
    const c = await communicate(safe?.id ?? '');
    expect(c.statusCode, c.body).toBe(201);
    const after = await detail(caseId);
    expect(after.phase).toBe('communicated');
    expect(after.communications).toEqual([
      {
        communicatedOn: '2026-11-05',
        what: 'Utredningen i sin helhet',
        method: 'channel',
        channelKind: 'phone',
        recordedBy: expect.any(String) as string,
      },
    ]);
    // The channel's value never travels with the record of the kommunicering.
    expect(JSON.stringify(after.communications)).not.toContain('070-222');
  });
});

describe('beslut', () => {
  async function communicated(familyName: string) {
    const ids = await caseInInvestigation(familyName);
    const res = await send('POST', `/api/cases/${ids.caseId}/communications`, {
      what: 'Utredningen',
      communicatedOn: '2026-11-05',
      method: { kind: 'meeting' },
      version: (await detail(ids.caseId)).version,
    });
    expect(res.statusCode, res.body).toBe(201);
    return ids;
  }
  const decisionBody = (intervention: string, outcome: string, version: number) => ({
    intervention,
    requested: 'Skyddat boende för henne och barnen.',
    outcome,
    motivation: 'Hög risk för fortsatt våld; behovet kan inte tillgodoses på annat sätt.',
    decidedOn: '2026-11-06',
    period: outcome === 'refused' ? null : { from: '2026-11-06', to: '2026-12-06' },
    notified: { how: 'in_person', on: '2026-11-06' },
    version,
  });

  it('tells each reader which insatser they may decide on', async () => {
    const { caseId } = await caseInInvestigation('Förmåga');
    expect((await detail(caseId)).abilities.decide).toEqual(['shelter']);
    const asManager = await send('GET', `/api/cases/${caseId}`, undefined, 'manager');
    expect(asManager.json<CaseDetail>().abilities.decide.sort()).toEqual([
      'financial_assistance',
      'shelter',
    ]);
  });

  it('refuses before kommunicering, and without delegation', async () => {
    const { caseId } = await caseInInvestigation('Förtidig');
    const early = await send(
      'POST',
      `/api/cases/${caseId}/decisions`,
      decisionBody('shelter', 'granted', (await detail(caseId)).version),
    );
    expect(early.statusCode).toBe(409);
    expect(early.body).toContain('Kommunicera');
    // The case page says the same sentence before anyone tries: the flow decides, once.
    const before = await detail(caseId);
    expect(before.abilities.steps.decision).toEqual({
      allowed: false,
      message: early.json<{ error: { message: string } }>().error.message,
    });
    expect(before.abilities.steps.communication).toEqual({ allowed: true, message: null });

    const c = await communicated('Delegationslös');
    const res = await send(
      'POST',
      `/api/cases/${c.caseId}/decisions`,
      decisionBody('financial_assistance', 'granted', (await detail(c.caseId)).version),
    );
    expect(res.statusCode).toBe(403);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('NO_DELEGATION');
  });

  it('records avslag with överklagandehänvisning, and a rättelse keeps the original', async () => {
    const { caseId } = await communicated('Beslutsson');
    const res = await send(
      'POST',
      `/api/cases/${caseId}/decisions`,
      decisionBody('shelter', 'refused', (await detail(caseId)).version),
    );
    expect(res.statusCode, res.body).toBe(201);
    const { id } = res.json<{ id: string }>();
    let list = (await send('GET', `/api/cases/${caseId}/decisions`)).json<{ items: Decision[] }>();
    expect(list.items[0]?.current.appealInstructions).toContain(
      'förvaltningsrätten (16 kap. 3 § SoL)',
    );
    expect((await detail(caseId)).phase).toBe('decided');

    const revised = await send('POST', `/api/decisions/${id}/versions`, {
      ...decisionBody('shelter', 'granted', 1),
      kind: 'correction',
      reason: 'Fel utfall angavs av misstag.',
    });
    expect(revised.statusCode, revised.body).toBe(201);
    list = (await send('GET', `/api/cases/${caseId}/decisions`)).json<{ items: Decision[] }>();
    const d = list.items[0];
    expect(d?.history.map((v) => [v.kind, v.outcome])).toEqual([
      ['original', 'refused'],
      ['correction', 'granted'],
    ]);
    expect(d?.current.appealInstructions).toBeNull();
    await expect(t.database.db.deleteFrom('decision_version').execute()).rejects.toThrow(
      /append-only/,
    );

    const pdf = await send('GET', `/api/decisions/${id}/decision.pdf`);
    expect(pdf.statusCode).toBe(200);
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain('Beslut – Skyddat boende');
    expect(text).toContain('Rättelse');
    expect(text).toContain('36 § förvaltningslagen');
  });
});

describe('the legal catalogue is data', () => {
  it('switches the paragraphs shown without a code change', async () => {
    const { caseId } = await caseInInvestigation('Lagrumsson');
    const catalogue = {
      id: 'sol-2025-400-test',
      name: 'Socialtjänstlagen (2025:400)',
      references: {
        investigationDuty: '10 kap. 1 § SoL (2025:400)',
        preliminaryAssessmentChild: '10 kap. 2 § SoL (2025:400)',
        investigationTimeLimitChild: '10 kap. 3 § SoL (2025:400)',
        childConcernReport: '15 kap. 1 § SoL (2025:400)',
        assistance: '6 kap. 1 § SoL (2025:400)',
        shelterForAccompanyingChildren: '6 kap. 5 § SoL (2025:400)',
        documentation: '12 kap. 1 § SoL (2025:400)',
        appeal: '17 kap. 1 § SoL (2025:400)',
        correction: '36 § förvaltningslagen (2017:900)',
        change: '37–39 §§ förvaltningslagen (2017:900)',
        communication: '25 § förvaltningslagen (2017:900)',
        decisionWithoutCommunication: '25 § andra stycket 4 förvaltningslagen (2017:900)',
        secrecyOverridePolice: '10 kap. 23 § offentlighets- och sekretesslagen (2009:400)',
        secrecyNecessaryDisclosure: '10 kap. 2 § offentlighets- och sekretesslagen (2009:400)',
        secrecyViolencePrevention: '10 kap. 18 c § offentlighets- och sekretesslagen (2009:400)',
        secrecyOthers: '26 kap. 1 § offentlighets- och sekretesslagen (2009:400)',
        secrecyReporter: '26 kap. 5 § offentlighets- och sekretesslagen (2009:400)',
        secrecyAppeal: '6 kap. 7 § offentlighets- och sekretesslagen (2009:400)',
        caseTransfer: '2 a kap. 10 § SoL',
      },
    };
    expect((await send('POST', '/api/admin/legal-catalogues', catalogue, 'admin')).statusCode).toBe(
      201,
    );
    const broken = await send(
      'POST',
      '/api/admin/legal-catalogues',
      { ...catalogue, id: 'trasig', references: {} },
      'admin',
    );
    expect(broken.statusCode).toBe(400);
    try {
      expect(
        (await send('POST', `/api/admin/legal-catalogues/${catalogue.id}/activation`, {}, 'admin'))
          .statusCode,
      ).toBe(200);
      expect((await detail(caseId)).legal.investigationDuty).toBe('10 kap. 1 § SoL (2025:400)');
      const inv = (await send('GET', `/api/cases/${caseId}/investigation`)).json<Investigation>();
      expect(inv.legalTitle).toBe('Utredning enligt 10 kap. 1 § SoL (2025:400)');
    } finally {
      await send('POST', '/api/admin/legal-catalogues/sol-2001-453/activation', {}, 'admin');
    }
    expect((await detail(caseId)).legal.investigationDuty).toBe('11 kap. 1 § SoL');
  });
});
