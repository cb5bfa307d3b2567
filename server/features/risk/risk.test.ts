import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../../core/contracts/cases.ts';
import type { CaseRisk, SafetyPlan } from '../../../core/contracts/risk.ts';
import { dangerExample } from '../../../core/instruments/examples.ts';
import { createTestApp } from '../../test/test-app.ts';
import type { TestApp } from '../../test/test-app.ts';
import { createUnit, createUser, intakePayload, loginAs } from '../../test/factories.ts';
import type { LoggedIn } from '../../test/factories.ts';
import { readPdf } from '../../test/pdf-reader.ts';

// A clock the test moves: the reassessment prompt comes 30 days after the last assessment.
let now = new Date('2026-11-02T09:00:00Z');
let t: TestApp;
let unitId: string;
let worker: Awaited<ReturnType<typeof createUser>>;
let admin: Awaited<ReturnType<typeof createUser>>;
let session: LoggedIn;
let adminSession: LoggedIn;

beforeAll(async () => {
  t = await createTestApp({ clock: () => now });
  unitId = (await createUnit(t.database.db, { kind: 'adult' })).id;
  const management = (await createUnit(t.database.db, { kind: 'management' })).id;
  worker = await createUser(t.database.db, {
    grants: [{ unitId, role: 'adult_caseworker' }],
    totp: false,
  });
  admin = await createUser(t.database.db, {
    grants: [{ unitId: management, role: 'administrator' }],
    totp: false,
  });
  session = await loginAs(t.app, worker, now);
  adminSession = await loginAs(t.app, admin, now);
});
afterAll(async () => {
  await t.close();
});

const send = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, as = session) =>
  t.app.inject({ method, url, headers: as.headers, ...(payload ? { payload } : {}) });

async function newCase(familyName: string) {
  const payload = intakePayload(
    unitId,
    {
      existing: false,
      newPerson: { identity: null, givenName: 'Rut', familyName, protectionLevel: 'none' },
    },
    { receivedAt: new Date(now.getTime() - 3_600_000).toISOString() },
  );
  const res = await send('POST', '/api/intakes', payload);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ caseId: string; personId: string }>();
}

const yes = { kind: 'yes_no_unknown', value: 'yes' } as const;
const risk = async (caseId: string) =>
  (await send('GET', `/api/cases/${caseId}/risk`)).json<CaseRisk>();

describe('instruments', () => {
  it('lists the four example instruments, and an administrator can load and retire versions', async () => {
    const list = await send('GET', '/api/instruments');
    expect(list.statusCode).toBe(200);
    const ids = list.json<{ items: { id: string; example: boolean }[] }>().items;
    expect(ids.map((i) => i.id).sort()).toEqual([
      'varn-exempel-farlighet',
      'varn-exempel-heder',
      'varn-exempel-kartlaggning',
      'varn-exempel-upptackt',
    ]);
    expect(ids.every((i) => i.example)).toBe(true);

    const v2 = { ...dangerExample, version: 2, name: 'Exempel: Bedömning, version 2' };
    const loaded = await send('POST', '/api/admin/instruments', v2, adminSession);
    expect(loaded.statusCode, loaded.body).toBe(201);
    const again = await send('POST', '/api/admin/instruments', v2, adminSession);
    expect(again.statusCode).toBe(400);
    const malformed = await send(
      'POST',
      '/api/admin/instruments',
      { ...v2, version: 3, scoring: { kind: 'sum', thresholds: [] } },
      adminSession,
    );
    expect(malformed.statusCode).toBe(400);
    expect(malformed.body).toContain('body.scoring.thresholds');
    expect((await send('POST', '/api/admin/instruments', v2)).statusCode).toBe(403);
  });
});

describe('assessments', () => {
  it('computes the level from the named version, which the assessment keeps after retirement', async () => {
    const { caseId, personId } = await newCase('Riskberg');
    const res = await send('POST', `/api/cases/${caseId}/risk-assessments`, {
      personId,
      instrument: { id: 'varn-exempel-farlighet', version: 1 },
      answers: { strypt: yes, dodshot: yes, vapen: yes, egen_bedomning: yes },
      scenarioRatings: null,
      motivation: 'Flera allvarliga riskfaktorer; hon tror själv att han kan döda henne.',
      assessedOn: '2026-11-02',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ level: 'high', score: 12 });

    let r = await risk(caseId);
    expect(r.persons[0]?.currentLevel).toBe('high');
    expect(r.prompts).toEqual([{ kind: 'high_without_safety_plan' }]);
    expect(r.assessments[0]?.instrument).toMatchObject({
      id: 'varn-exempel-farlighet',
      version: 1,
      example: true,
    });

    // Retired: no new assessments with it, the old one still names it.
    const retired = await send(
      'POST',
      '/api/admin/instruments/varn-exempel-farlighet/versions/1/retirement',
      undefined,
      adminSession,
    );
    expect(retired.statusCode, retired.body).toBe(200);
    try {
      const refused = await send('POST', `/api/cases/${caseId}/risk-assessments`, {
        personId,
        instrument: { id: 'varn-exempel-farlighet', version: 1 },
        answers: {},
        scenarioRatings: null,
        motivation: 'Ny bedömning.',
        assessedOn: '2026-11-02',
      });
      expect(refused.statusCode).toBe(400);
      r = await risk(caseId);
      expect(r.assessments[0]?.instrument?.name).toBe(dangerExample.name);
    } finally {
      await t.database.db
        .updateTable('instrument_version')
        .set({ retired_at: null, retired_by: null })
        .where('id', '=', 'varn-exempel-farlighet')
        .execute();
    }
  });

  it('refuses answers that do not fit the instrument, naming the item', async () => {
    const { caseId, personId } = await newCase('Felsvar');
    const res = await send('POST', `/api/cases/${caseId}/risk-assessments`, {
      personId,
      instrument: { id: 'varn-exempel-farlighet', version: 1 },
      answers: { strypt: { kind: 'text', value: 'ja' }, finns_inte: yes },
      scenarioRatings: null,
      motivation: 'x',
      assessedOn: '2026-11-02',
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('body.answers.strypt');
    expect(res.body).toContain('body.answers.finns_inte');
    expect((await risk(caseId)).assessments).toEqual([]);
  });

  it('takes a judgement per scenario, the most serious giving the level', async () => {
    const { caseId, personId } = await newCase('Heder');
    const ratings = [
      { scenario: 'kontroll', level: 'high', motivation: 'Pågående kontroll av familjen.' },
      { scenario: 'grovt_vald', level: 'medium', motivation: 'Hot men inget grovt våld.' },
    ];
    const incomplete = await send('POST', `/api/cases/${caseId}/risk-assessments`, {
      personId,
      instrument: { id: 'varn-exempel-heder', version: 1 },
      answers: { begransning: yes },
      scenarioRatings: ratings,
      motivation: 'Bedömning i hederskontext.',
      assessedOn: '2026-11-02',
    });
    expect(incomplete.statusCode).toBe(400);
    const done = await send('POST', `/api/cases/${caseId}/risk-assessments`, {
      personId,
      instrument: { id: 'varn-exempel-heder', version: 1 },
      answers: { begransning: yes },
      scenarioRatings: [
        ...ratings,
        { scenario: 'tvang', level: 'low', motivation: 'Inga planer kända.' },
      ],
      motivation: 'Bedömning i hederskontext.',
      assessedOn: '2026-11-02',
    });
    expect(done.statusCode, done.body).toBe(201);
    expect(done.json()).toMatchObject({ level: 'high', score: null });
    const listed = (await risk(caseId)).assessments[0]?.scenarioRatings?.map((r) => r.title);
    expect(listed).toEqual([
      'Fortsatt kontroll och begränsning',
      'Grovt fysiskt våld',
      'Tvångsäktenskap eller bortförande',
    ]);
  });

  it('records the police’s assessment only with a reference to the consent', async () => {
    const { caseId, personId } = await newCase('Polisen');
    const body = {
      personId,
      level: 'medium',
      summary: 'Polisens bedömning enligt deras metod: förhöjd risk.',
      policeReference: '5000-K123456-26',
      consentReference: '',
      assessedOn: '2026-11-01',
    };
    expect(
      (await send('POST', `/api/cases/${caseId}/police-risk-assessments`, body)).statusCode,
    ).toBe(400);
    const ok = await send('POST', `/api/cases/${caseId}/police-risk-assessments`, {
      ...body,
      consentReference: 'Samtycke muntligt 2026-11-01, journalanteckning samma dag',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const r = await risk(caseId);
    expect(r.assessments[0]).toMatchObject({ kind: 'police', level: 'medium', method: 'police' });
  });

  it('refuses an assessment of someone outside the case', async () => {
    const { caseId } = await newCase('Utanför');
    const other = await newCase('Annan');
    const res = await send('POST', `/api/cases/${caseId}/police-risk-assessments`, {
      personId: other.personId,
      level: 'low',
      summary: 'x',
      policeReference: 'x',
      consentReference: 'x',
      assessedOn: '2026-11-01',
    });
    expect(res.statusCode).toBe(400);
  });
});

describe('safety plan and reassessment over time', () => {
  it('a plan removes the prompt; an incident and 30 days bring prompts back; a lower level follows', async () => {
    const { caseId, personId } = await newCase('Tidslinje');
    await send('POST', `/api/cases/${caseId}/risk-assessments`, {
      personId,
      instrument: { id: 'varn-exempel-farlighet', version: 1 },
      answers: { strypt: yes, dodshot: yes, vapen: yes, egen_bedomning: yes },
      scenarioRatings: null,
      motivation: 'Hög risk.',
      assessedOn: '2026-11-02',
    });
    const plan = (
      await send('GET', `/api/cases/${caseId}/safety-plans/${personId}`)
    ).json<SafetyPlan>();
    expect(plan.version).toBe(0);
    expect(plan.items).toHaveLength(17);
    const saved = await send('PUT', `/api/cases/${caseId}/safety-plans/${personId}`, {
      version: 0,
      items: [
        { key: 'code_word', status: 'done', note: 'Kodordet är avtalat med systern.' },
        { key: 'packed_bag', status: 'in_progress', note: 'Väskan står hos grannen.' },
      ],
      reviewOn: '2026-11-16',
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const stale = await send('PUT', `/api/cases/${caseId}/safety-plans/${personId}`, {
      version: 0,
      items: [],
      reviewOn: null,
    });
    expect(stale.statusCode).toBe(409);
    expect((await risk(caseId)).prompts).toEqual([]);

    const pdf = await send('GET', `/api/cases/${caseId}/safety-plans/${personId}/safety-plan.pdf`);
    expect(pdf.statusCode).toBe(200);
    const text = (await readPdf(pdf.rawPayload)).text;
    expect(text).toContain('Säkerhetsplan');
    expect(text).toContain('Kodordet är avtalat med systern.');
    expect(text).toContain('Klar');

    now = new Date('2026-11-02T09:05:00Z');
    await send('POST', `/api/cases/${caseId}/incidents`, {
      occurredOn: '2026-11-02',
      description: 'Han har skickat hotfulla sms.',
    });
    now = new Date('2026-12-03T09:00:00Z');
    session = await loginAs(t.app, worker, now);
    const later = await risk(caseId);
    expect(later.prompts.map((p) => p.kind).sort()).toEqual(['interval', 'new_incident']);

    const reassessed = await send('POST', `/api/cases/${caseId}/risk-assessments`, {
      personId,
      instrument: { id: 'varn-exempel-farlighet', version: 1 },
      answers: { separation: yes },
      scenarioRatings: null,
      motivation: 'Hon bor i skyddat boende; kontakten har upphört.',
      assessedOn: '2026-12-03',
    });
    expect(reassessed.json()).toMatchObject({ level: 'low' });
    const after = await risk(caseId);
    expect(after.assessments.map((a) => a.level)).toEqual(['high', 'low']);
    expect(after.persons[0]?.currentLevel).toBe('low');
    expect(after.prompts).toEqual([]);
    // The current level shows on the case header and in Mina ärenden.
    const c = (await send('GET', `/api/cases/${caseId}`)).json<CaseDetail>();
    expect(c.riskLevel).toBe('low');
    const mine = (await send('GET', '/api/cases/mine?limit=100')).json<{
      items: { id: string; riskLevel: string | null }[];
    }>();
    expect(mine.items.find((i) => i.id === caseId)?.riskLevel).toBe('low');
  });
});

describe('the safety plan during a nödåtkomst', () => {
  it('is read and exported as nödåtkomst, each recorded as one', async () => {
    const { caseId, personId } = await newCase('Nodlage');
    await t.database.db
      .updateTable('person')
      .set({ identity_kind: 'personnummer', identity_number: '198505052384' })
      .where('id', '=', personId)
      .execute();
    const saved = await send('PUT', `/api/cases/${caseId}/safety-plans/${personId}`, {
      version: 0,
      items: [{ key: 'code_word', status: 'done', note: 'Kodordet är avtalat.' }],
      reviewOn: null,
    });
    expect(saved.statusCode, saved.body).toBe(200);

    const otherUnit = (await createUnit(t.database.db, { kind: 'adult' })).id;
    const colleague = await createUser(t.database.db, {
      grants: [{ unitId: otherUnit, role: 'adult_caseworker' }],
      totp: false,
    });
    const theirs = await loginAs(t.app, colleague, now);
    const started = await send(
      'POST',
      '/api/emergency-access',
      {
        kind: 'personnummer',
        number: '198505052384',
        reason: 'Polisen ringer om akut hot mot personen ikväll.',
      },
      theirs,
    );
    expect(started.statusCode, started.body).toBe(201);

    const read = await send(
      'GET',
      `/api/cases/${caseId}/safety-plans/${personId}`,
      undefined,
      theirs,
    );
    expect(read.statusCode, read.body).toBe(200);
    const pdf = await send(
      'GET',
      `/api/cases/${caseId}/safety-plans/${personId}/safety-plan.pdf`,
      undefined,
      theirs,
    );
    expect(pdf.statusCode).toBe(200);
    for (const [res, action] of [
      [read, 'safety_plan.read'],
      [pdf, 'document.export'],
    ] as const) {
      const rows = await t.database.db
        .selectFrom('audit_event')
        .select(['action', 'purpose', 'emergency', 'actor_unit_id', 'person_ids', 'case_ids'])
        .where('correlation_id', '=', String(res.headers['x-correlation-id']))
        .execute();
      expect(rows).toEqual([
        {
          action,
          purpose: 'emergency_access',
          emergency: true,
          actor_unit_id: otherUnit,
          person_ids: [personId],
          case_ids: [caseId],
        },
      ]);
    }
  });
});
