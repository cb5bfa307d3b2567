import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../../core/contracts/cases.ts';
import type {
  CaseCommissions,
  Commission,
  CommissionSummary,
} from '../../../core/contracts/commissions.ts';
import { addDays } from '../../../core/domain/calendar.ts';
import { intakePayload } from '../../test/factories.ts';
import { httpAs } from '../../test/http.ts';
import { readPdf } from '../../test/pdf-reader.ts';
import { insertProvider } from '../../test/providers.ts';
import { consentToProvider } from '../../test/consents.ts';
import { createTestApp } from '../../test/test-app.ts';
import type { TestApp } from '../../test/test-app.ts';
import { CANARY, buildWorld } from '../../test/world.ts';
import type { World } from '../../test/world.ts';
import { stockholmDate } from '../../time.ts';

/**
 * Uppdrag over real HTTP: the handläggare sends one from a granted beslut, sharing only what the
 * person consented to (and for a protected person the notice instead of her phone); the provider
 * sees it in its inbox, accepts it, writes the genomförandeplan in versions, records notes and
 * reports back; the handläggare sees it all on the case. Every step is in the uppdrag's history
 * and the audit log; refusals are 409 with the sentence and save nothing; the provider reaches
 * nothing else.
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
  'colleague',
);
const caseVersion = async (caseId: string) =>
  ((await send('GET', `/api/cases/${caseId}`)).json() as CaseDetail).version;
const caseCommissions = async (caseId: string) =>
  (await send('GET', `/api/cases/${caseId}/commissions`)).json() as CaseCommissions;
const errorOf = (res: { json: () => unknown }) =>
  (res.json() as { error: { code: string; message: string; fields?: { path: string }[] } }).error;

const period = { from: today, to: addDays(today, 30) };
let children = 0;

/**
 * A case of a person with skyddad folkbokföring, a safe phone number, an address and whereabouts
 * (canaries) and a child, with a granted beslut on skyddat boende for `period`.
 */
async function protectedCaseWithDecision(familyName: string) {
  const payload = intakePayload(w.units.adult, {
    existing: false,
    newPerson: {
      identity: null,
      givenName: 'Sara',
      familyName,
      protectionLevel: 'protected_registration',
    },
  });
  payload.intake.type = 'application_oral';
  const created = await send('POST', '/api/intakes', payload);
  expect(created.status, created.text).toBe(201);
  const { caseId } = created.json() as { caseId: string };
  const db = t.database.db;
  const { person_id: personId } = await db
    .selectFrom('case')
    .select('person_id')
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
  await db
    .insertInto('contact_channel')
    .values([
      {
        person_id: personId,
        kind: 'phone',
        value: '0701234567',
        safe_for_contact: true,
        note: null,
      },
      {
        person_id: personId,
        kind: 'address',
        value: `${CANARY}-adress-${familyName}`,
        safe_for_contact: true,
        note: null,
      },
    ])
    .execute();
  await db
    .insertInto('person_protected_detail')
    .values({
      person_id: personId,
      whereabouts: `${CANARY}-vistelse-${familyName}`,
      school: null,
      real_identity: null,
    })
    .execute();
  const opened = await send('POST', `/api/cases/${caseId}/preliminary-assessment`, {
    outcome: 'open_investigation',
    template: 'victim',
    reason: 'Ansöker om skyddat boende.',
    version: await caseVersion(caseId),
  });
  expect(opened.status, opened.text).toBe(201);
  const communicated = await send('POST', `/api/cases/${caseId}/communications`, {
    what: 'Utredningen',
    communicatedOn: addDays(today, -2),
    method: { kind: 'meeting' },
    version: await caseVersion(caseId),
  });
  expect(communicated.status, communicated.text).toBe(201);
  const decided = await send('POST', `/api/cases/${caseId}/decisions`, {
    intervention: 'shelter',
    requested: 'Skyddat boende.',
    outcome: 'granted',
    motivation: 'Hög risk för fortsatt våld; hon kan inte bo kvar hemma.',
    decidedOn: today,
    period,
    notified: { how: 'in_person', on: today },
    version: await caseVersion(caseId),
  });
  expect(decided.status, decided.text).toBe(201);
  // Her daughter, registered after the förhandsbedömning.
  const child = await db
    .insertInto('person')
    .values({
      identity_kind: 'personnummer',
      identity_number: `20180512${String(2380 + ++children)}`,
      given_name: 'Lea',
      family_name: familyName,
      protection_level: 'none',
      created_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('person_relation')
    .values({
      person_id: personId,
      related_person_id: child.id,
      kind: 'parent_of',
      created_by: null,
    })
    .execute();

  const { decisions } = (await caseCommissions(caseId)).options ?? { decisions: [] };
  const decisionId = decisions[0]?.id ?? '';
  const consentId = await consentToProvider(db, {
    caseId,
    providerId: w.providers.own,
    recordedBy: w.users.colleague.id,
  });
  return { caseId, personId, childId: child.id, decisionId, consentId };
}

const orderFor = (decisionId: string, providerId: string, consentId: string) => ({
  decisionId,
  providerId,
  what: 'Skyddat boende för Sara och hennes dotter.',
  why: 'Hon har hotats till livet av sin före detta partner och kan inte bo kvar hemma.',
  period,
  contact: 'Kim Handläggare, Vuxenenheten, 08-123 45 67',
  categories: ['name', 'phone', 'language', 'children'],
  ground: { kind: 'consent', consentId },
  language: 'Arabiska; behöver tolk vid samtal.',
});

describe('uppdrag', () => {
  let commissionId = '';
  let caseId = '';
  let personId = '';

  it('sends an uppdrag that shares only what she consented to, with the notice instead of her phone', async () => {
    const made = await protectedCaseWithDecision('Fristadsson');
    ({ caseId, personId } = made);
    const before = await caseCommissions(caseId);
    expect(before.commissions).toEqual([]);
    expect(before.options?.protectedPerson).toBe(true);
    expect(before.options?.providers.map((p) => p.id)).toContain(w.providers.own);
    // Besides consent, the legal basis an uppdrag may rest on, as the catalogue in force cites it.
    expect(before.options?.legalBases).toEqual([
      {
        basis: 'secrecyNecessaryDisclosure',
        reference: '10 kap. 2 § offentlighets- och sekretesslagen (2009:400)',
      },
    ]);

    const res = await send(
      'POST',
      `/api/cases/${caseId}/commissions`,
      orderFor(made.decisionId, w.providers.own, made.consentId),
    );
    expect(res.status, res.text).toBe(201);
    commissionId = (res.json() as { id: string }).id;

    const [c] = (await caseCommissions(caseId)).commissions;
    expect(c).toMatchObject({
      id: commissionId,
      status: 'sent',
      version: 1,
      intervention: 'shelter',
      decisionId: made.decisionId,
      period,
      provider: { id: w.providers.own },
      categories: ['name', 'phone', 'language', 'children'],
      ground: { kind: 'consent' },
      withheld: null,
      shared: {
        name: 'Sara Fristadsson',
        personalIdentityNumber: null,
        phone: null,
        language: 'Arabiska; behöver tolk vid samtal.',
        children: [{ givenName: 'Lea', birthYear: 2018 }],
      },
      sentBy: { id: w.users.colleague.id },
    });
    expect(c?.protectionNotice).toContain('skyddad folkbokföring');
    expect(c?.protectionNotice).toContain('Kontakta Kim Handläggare');
    expect(c?.events.map((e) => e.type)).toEqual(['sent']);

    const audit = await t.database.db
      .selectFrom('audit_event')
      .select(['action', 'details', 'person_ids', 'case_ids', 'involves_protected'])
      .where('correlation_id', '=', res.correlationId)
      .execute();
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'commission.create',
        details: { commissionId, version: 1 },
        person_ids: [personId, made.childId],
        case_ids: [caseId],
        involves_protected: true,
      }),
    ]);
  });

  it('refuses an uppdrag outside the beslut, to a provider that does not carry the insats or is inactive, saving nothing', async () => {
    const made = await protectedCaseWithDecision('Vägrasson');
    const url = `/api/cases/${made.caseId}/commissions`;
    const order = orderFor(made.decisionId, w.providers.own, made.consentId);
    const tooLong = await send('POST', url, {
      ...order,
      period: { from: today, to: addDays(today, 31) },
    });
    expect(tooLong.status, tooLong.text).toBe(409);
    expect(errorOf(tooLong).message).toBe(
      'Uppdraget kan inte gälla längre än beslutet. Ange ett till och med-datum inom beslutets period.',
    );
    const counselling = await insertProvider(t.database.db, {
      unitId: null,
      interventions: ['support_sessions'],
    });
    const wrong = await send('POST', url, { ...order, providerId: counselling });
    expect(wrong.status, wrong.text).toBe(409);
    expect(errorOf(wrong).message).toBe('Utföraren utför inte den insats som beslutet gäller.');
    const closed = await insertProvider(t.database.db, {
      unitId: null,
      interventions: ['shelter'],
      active: false,
    });
    const inactive = await send('POST', url, { ...order, providerId: closed });
    expect(inactive.status, inactive.text).toBe(409);
    expect(errorOf(inactive).message).toBe('Utföraren finns inte eller är inte aktiv.');
    const noLanguage = await send('POST', url, { ...order, language: null });
    expect(noLanguage.status, noLanguage.text).toBe(400);
    expect(errorOf(noLanguage).fields?.map((f) => f.path)).toEqual(['body.language']);
    // A beslut that names its place (another shelter) is carried out there, not here.
    const elsewhere = await insertProvider(t.database.db, {
      unitId: null,
      interventions: ['shelter'],
    });
    const placed = await send('POST', `/api/cases/${made.caseId}/decisions`, {
      intervention: 'shelter',
      requested: 'Skyddat boende på annan ort.',
      outcome: 'granted',
      motivation: 'Hög risk för fortsatt våld; hon behöver bo långt från honom.',
      decidedOn: today,
      period,
      notified: { how: 'in_person', on: today },
      providerId: elsewhere,
      version: await caseVersion(made.caseId),
    });
    expect(placed.status, placed.text).toBe(201);
    const placedId = (placed.json() as { id: string }).id;
    const notThePlace = await send(
      'POST',
      url,
      orderFor(placedId, w.providers.own, made.consentId),
    );
    expect(notThePlace.status, notThePlace.text).toBe(409);
    expect(errorOf(notThePlace).message).toBe(
      'Beslutet anger en annan utförare som plats. Skicka uppdraget dit, eller ändra beslutet först.',
    );
    const notADecision = await send('POST', url, { ...order, decisionId: made.personId });
    expect(notADecision.status, notADecision.text).toBe(409);
    expect((await caseCommissions(made.caseId)).commissions).toEqual([]);
  });

  it("is in its provider's inbox only, and shows the provider only what it shares", async () => {
    const mine = await send('GET', '/api/commissions', undefined, 'provider');
    expect(mine.status, mine.text).toBe(200);
    const items = (mine.json() as { items: CommissionSummary[] }).items;
    expect(items.find((i) => i.id === commissionId)).toMatchObject({
      status: 'sent',
      name: 'Sara Fristadsson',
      protectedPerson: true,
    });
    const others = await send('GET', '/api/commissions', undefined, 'otherProvider');
    expect((others.json() as { items: CommissionSummary[] }).items.map((i) => i.id)).not.toContain(
      commissionId,
    );

    const detail = await send('GET', `/api/commissions/${commissionId}`, undefined, 'provider');
    expect(detail.status, detail.text).toBe(200);
    expect(detail.text).not.toContain(CANARY);
    expect(detail.text).not.toContain(caseId);
    expect(detail.text).not.toContain(personId);
    expect(detail.text).not.toContain('0701234567');
    expect(detail.text).not.toContain('20180512');
    expect((detail.json() as Commission).protectionNotice).toContain('Kontakta');

    for (const actor of ['otherProvider', 'colleague', 'assigned', 'manager', 'analyst'] as const) {
      const res = await send('GET', `/api/commissions/${commissionId}`, undefined, actor);
      expect(res.status, `${actor}: ${res.text}`).toBe(404);
    }
  });

  it('is accepted by its provider, with the version seen, once', async () => {
    const url = `/api/commissions/${commissionId}/response`;
    const stale = await send(
      'POST',
      url,
      { answer: 'accept', reason: null, version: 2 },
      'provider',
    );
    expect(stale.status, stale.text).toBe(409);
    expect(errorOf(stale).code).toBe('VERSION_CONFLICT');
    const noReason = await send(
      'POST',
      url,
      { answer: 'decline', reason: null, version: 1 },
      'provider',
    );
    expect(noReason.status, noReason.text).toBe(400);
    expect(noReason.text).toContain('body.reason');
    const other = await send(
      'POST',
      url,
      { answer: 'accept', reason: null, version: 1 },
      'otherProvider',
    );
    expect(other.status, other.text).toBe(404);
    const planEarly = await send(
      'POST',
      `/api/commissions/${commissionId}/plan`,
      {
        goals: 'Trygghet.',
        actions: 'Boende.',
        schedule: 'Nu.',
        participation: 'Tillsammans.',
        planVersion: 0,
      },
      'provider',
    );
    expect(planEarly.status, planEarly.text).toBe(409);
    expect(errorOf(planEarly).code).toBe('STEP_OUT_OF_ORDER');

    const accepted = await send(
      'POST',
      url,
      { answer: 'accept', reason: null, version: 1 },
      'provider',
    );
    expect(accepted.status, accepted.text).toBe(200);
    expect(accepted.json()).toEqual({ id: commissionId, version: 2 });
    const again = await send(
      'POST',
      url,
      { answer: 'decline', reason: 'Fullt.', version: 2 },
      'provider',
    );
    expect(again.status, again.text).toBe(409);
    expect(errorOf(again).message).toBe('Uppdraget kan bara avböjas medan det väntar på svar.');
  });

  it('takes one answer when two are sent at once, and records only that one', async () => {
    const made = await protectedCaseWithDecision('Samtidigsson');
    const sent = await send(
      'POST',
      `/api/cases/${made.caseId}/commissions`,
      orderFor(made.decisionId, w.providers.own, made.consentId),
    );
    expect(sent.status, sent.text).toBe(201);
    const { id } = sent.json() as { id: string };
    const url = `/api/commissions/${id}/response`;
    const both = await Promise.all([
      send('POST', url, { answer: 'accept', reason: null, version: 1 }, 'provider'),
      send('POST', url, { answer: 'decline', reason: 'Inga platser.', version: 1 }, 'provider'),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    const [c] = (await caseCommissions(made.caseId)).commissions;
    expect(c?.version).toBe(2);
    expect(c?.events.map((e) => e.type)).toEqual([
      'sent',
      c?.status === 'accepted' ? 'accepted' : 'declined',
    ]);
  });

  it('takes the genomförandeplan in versions, notes and a report, and the handläggare sees them all', async () => {
    const planUrl = `/api/commissions/${commissionId}/plan`;
    const plan = (goals: string, planVersion: number) => ({
      goals,
      actions: 'Boende på Fristad; stödsamtal med kontaktperson.',
      schedule: 'Samtal varje tisdag under vistelsen.',
      participation: 'Planen skrevs tillsammans med Sara, med tolk.',
      planVersion,
    });
    // Two first versions at once: one is written, the other told someone else was first.
    const both = await Promise.all([
      send('POST', planUrl, plan('Att känna sig trygg.', 0), 'provider'),
      send('POST', planUrl, plan('Att hitta en egen bostad.', 0), 'provider'),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    const second = await send('POST', planUrl, plan('Trygghet och egen bostad.', 1), 'provider');
    expect(second.status, second.text).toBe(201);
    expect(second.json()).toEqual({ planVersion: 2 });
    const stale = await send('POST', planUrl, plan('Gammal.', 1), 'provider');
    expect(stale.status, stale.text).toBe(409);
    expect(errorOf(stale).code).toBe('VERSION_CONFLICT');

    const entryUrl = `/api/commissions/${commissionId}/entries`;
    const note = await send(
      'POST',
      entryUrl,
      { kind: 'note', occurredOn: today, text: 'Första samtalet: hon sover bättre.' },
      'provider',
    );
    expect(note.status, note.text).toBe(201);
    const report = await send(
      'POST',
      entryUrl,
      { kind: 'report', occurredOn: today, text: 'Vistelsen går enligt plan.' },
      'provider',
    );
    expect(report.status, report.text).toBe(201);
    const future = await send(
      'POST',
      entryUrl,
      { kind: 'note', occurredOn: addDays(today, 1), text: 'Framtid.' },
      'provider',
    );
    expect(future.status, future.text).toBe(400);

    const [c] = (await caseCommissions(caseId)).commissions;
    expect(c?.status).toBe('accepted');
    expect(c?.plan.map((p) => p.version)).toEqual([2, 1]);
    expect(c?.plan[0]?.goals).toBe('Trygghet och egen bostad.');
    expect(c?.plan[0]?.recordedBy.id).toBe(w.users.provider.id);
    expect(c?.entries.map((e) => [e.kind, e.text])).toEqual([
      ['note', 'Första samtalet: hon sover bättre.'],
      ['report', 'Vistelsen går enligt plan.'],
    ]);
    expect(c?.events.map((e) => [e.seq, e.type, e.recordedBy.id])).toEqual([
      [1, 'sent', w.users.colleague.id],
      [2, 'accepted', w.users.provider.id],
      [3, 'plan_version', w.users.provider.id],
      [4, 'plan_version', w.users.provider.id],
      [5, 'note', w.users.provider.id],
      [6, 'report', w.users.provider.id],
    ]);
    const actions = await t.database.db
      .selectFrom('audit_event')
      .select('action')
      .where('correlation_id', '=', report.correlationId)
      .execute();
    expect(actions.map((a) => a.action)).toEqual(['commission.record']);
  });

  it('is ended by the handläggare with the version, after which the provider writes nothing more', async () => {
    const url = `/api/cases/${caseId}/commissions/${commissionId}/end`;
    const byProvider = await send('POST', url, { reason: 'Klart.', version: 2 }, 'provider');
    expect(byProvider.status, byProvider.text).toBe(404);
    const stale = await send('POST', url, { reason: 'Klart.', version: 1 });
    expect(stale.status, stale.text).toBe(409);
    const ended = await send('POST', url, { reason: 'Hon har fått en egen bostad.', version: 2 });
    expect(ended.status, ended.text).toBe(200);
    const note = await send(
      'POST',
      `/api/commissions/${commissionId}/entries`,
      { kind: 'note', occurredOn: today, text: 'Efteråt.' },
      'provider',
    );
    expect(note.status, note.text).toBe(409);
    const [c] = (await caseCommissions(caseId)).commissions;
    expect(c?.status).toBe('ended');
    expect(c?.events.at(-1)).toMatchObject({
      type: 'ended',
      reason: 'Hon har fått en egen bostad.',
    });
  });

  it('gives the provider no way to the case, the person, the journal, the utredning or a search', async () => {
    const routes: [string, string, object?][] = [
      ['GET', `/api/cases/${caseId}`],
      ['GET', `/api/cases/${caseId}/journal`],
      ['GET', `/api/cases/${caseId}/investigation`],
      ['GET', `/api/cases/${caseId}/risk`],
      ['GET', `/api/cases/${caseId}/decisions`],
      ['GET', `/api/cases/${caseId}/commissions`],
      ['GET', `/api/persons/${personId}`],
      ['GET', `/api/persons/${personId}/protected-details`],
      ['POST', '/api/persons/search', { by: 'name', query: 'Fristadsson' }],
    ];
    for (const [method, url, body] of routes) {
      const res = await send(method as 'GET' | 'POST', url, body, 'provider');
      expect(res.status, `${method} ${url}: ${res.text}`).toBe(404);
      expect(res.text).not.toContain(CANARY);
    }
  });

  it('prints the uppdrag for an external provider with the notice and nothing it does not share', async () => {
    const url = `/api/cases/${caseId}/commissions/${commissionId}/uppdrag.pdf`;
    const res = await fetch(`${base}${url}`, { headers: w.sessions.colleague.headers });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const { text } = await readPdf(new Uint8Array(await res.arrayBuffer()));
    expect(text).toContain('Uppdrag – Skyddat boende');
    expect(text).toContain('Skyddade personuppgifter');
    expect(text).toContain('Kontakta Kim Handläggare');
    expect(text).toContain('Sara Fristadsson');
    expect(text).toContain('Lea (född 2018)');
    expect(text).toContain('Arabiska; behöver tolk vid samtal.');
    // Nothing the uppdrag does not share: no address or whereabouts, no phone, no personnummer.
    expect(text).not.toContain(CANARY);
    expect(text).not.toContain('0701234567');
    expect(text).not.toContain('20180512');
    expect(text).not.toContain('Personnummer:');
    for (const actor of ['provider', 'otherProvider', 'childrenWorker', 'analyst'] as const) {
      const refused = await send('GET', url, undefined, actor);
      expect(refused.status, actor).toBe(404);
    }
    const audit = await t.database.db
      .selectFrom('audit_event')
      .select(['action', 'details', 'case_ids'])
      .where('correlation_id', '=', res.headers.get('x-correlation-id') ?? '')
      .execute();
    expect(audit).toEqual([
      {
        action: 'document.export',
        details: { document: 'commission', commissionId },
        case_ids: [caseId],
      },
    ]);
  });
});

describe('the ground an uppdrag shares on (the consent register)', () => {
  const pdfText = async (caseId: string, commissionId: string) => {
    const res = await fetch(`${base}/api/cases/${caseId}/commissions/${commissionId}/uppdrag.pdf`, {
      headers: w.sessions.colleague.headers,
    });
    expect(res.status).toBe(200);
    return (await readPdf(new Uint8Array(await res.arrayBuffer()))).text;
  };

  it('once its consent is revoked, the provider reads nothing it shared, and the next uppdrag on it is refused naming the consent', async () => {
    const made = await protectedCaseWithDecision('Återkallasson');
    const url = `/api/cases/${made.caseId}/commissions`;
    const sent = await send(
      'POST',
      url,
      orderFor(made.decisionId, w.providers.own, made.consentId),
    );
    expect(sent.status, sent.text).toBe(201);
    const { id } = sent.json() as { id: string };
    const before = (
      await send('GET', `/api/commissions/${id}`, undefined, 'provider')
    ).json() as Commission;
    expect(before.shared.name).toBe('Sara Återkallasson');

    const revoked = await send(
      'POST',
      `/api/cases/${made.caseId}/consents/${made.consentId}/revocation`,
      { revokedOn: today, how: 'Hon ringde och sa att hon inte längre vill.' },
    );
    expect(revoked.status, revoked.text).toBe(201);

    const after = await send('GET', `/api/commissions/${id}`, undefined, 'provider');
    expect(after.status, after.text).toBe(200);
    const view = after.json() as Commission;
    expect(view.withheld).toContain(`Samtycket återkallades ${today}.`);
    expect(view.shared).toEqual({
      name: null,
      personalIdentityNumber: null,
      phone: null,
      language: null,
      children: null,
    });
    expect(after.text).not.toContain('Återkallasson');
    expect(after.text).not.toContain('Arabiska');
    const inbox = (await send('GET', '/api/commissions', undefined, 'provider')).json() as {
      items: CommissionSummary[];
    };
    expect(inbox.items.find((i) => i.id === id)?.name).toBeNull();
    const printed = await pdfText(made.caseId, id);
    expect(printed).toContain('Samtycket återkallades');
    expect(printed).not.toContain('Återkallasson');

    const next = await send(
      'POST',
      url,
      orderFor(made.decisionId, w.providers.own, made.consentId),
    );
    expect(next.status, next.text).toBe(409);
    expect(errorOf(next).message).toMatch(
      new RegExp(`^Samtycket den \\d{4}-\\d{2}-\\d{2} till .+ återkallades ${today}\\.`),
    );
    const again = await send(
      'POST',
      `/api/cases/${made.caseId}/consents/${made.consentId}/revocation`,
      { revokedOn: today, how: 'Igen.' },
    );
    expect(again.status).toBe(409);
    const records = await t.database.db
      .selectFrom('disclosure')
      .select(['commission_id', 'consent_id', 'purpose', 'recipient_id', 'categories'])
      .where('case_id', '=', made.caseId)
      .execute();
    expect(records).toEqual([
      {
        commission_id: id,
        consent_id: made.consentId,
        purpose: 'commission',
        recipient_id: w.providers.own,
        categories: ['name', 'phone', 'language', 'children'],
      },
    ]);
  });

  it('refuses what the consent does not cover: another provider, more categories, a consent of another case; nothing is saved', async () => {
    const made = await protectedCaseWithDecision('Täckssson');
    const url = `/api/cases/${made.caseId}/commissions`;
    const other = await protectedCaseWithDecision('Annanssson');
    const narrow = await consentToProvider(t.database.db, {
      caseId: made.caseId,
      providerId: w.providers.own,
      recordedBy: w.users.colleague.id,
      categories: ['name'],
    });
    const elsewhere = await consentToProvider(t.database.db, {
      caseId: made.caseId,
      providerId: w.providers.other,
      recordedBy: w.users.colleague.id,
    });
    const wider = await send('POST', url, orderFor(made.decisionId, w.providers.own, narrow));
    expect(wider.status, wider.text).toBe(409);
    expect(errorOf(wider).message).toContain(
      'omfattar inte telefonnummer, språk och tolkbehov, medföljande barn.',
    );
    const toAnother = await send(
      'POST',
      url,
      orderFor(made.decisionId, w.providers.own, elsewhere),
    );
    expect(toAnother.status, toAnother.text).toBe(409);
    expect(errorOf(toAnother).message).toMatch(/gäller inte /);
    const foreign = await send(
      'POST',
      url,
      orderFor(made.decisionId, w.providers.own, other.consentId),
    );
    expect(foreign.status, foreign.text).toBe(409);
    expect(errorOf(foreign).message).toBe(
      'Samtyckesregistret i ärendet har inte det samtycket. Välj ett registrerat samtycke.',
    );
    expect((await caseCommissions(made.caseId)).commissions).toEqual([]);
    const records = await t.database.db
      .selectFrom('disclosure')
      .select('id')
      .where('case_id', '=', made.caseId)
      .execute();
    expect(records).toEqual([]);
  });

  it('shares on a legal basis only with the secrecy test written, and records it', async () => {
    const made = await protectedCaseWithDecision('Lagstödsson');
    const url = `/api/cases/${made.caseId}/commissions`;
    const order = orderFor(made.decisionId, w.providers.own, made.consentId);
    const thin = await send('POST', url, {
      ...order,
      ground: { kind: 'legal', basis: 'secrecyNecessaryDisclosure', secrecyTest: 'Behövs.' },
    });
    expect(thin.status, thin.text).toBe(409);
    expect(errorOf(thin).message).toContain('Skriv sekretessprövningen');
    const police = await send('POST', url, {
      ...order,
      ground: {
        kind: 'legal',
        basis: 'secrecyOverridePolice',
        secrecyTest: 'Polisen behöver uppgifterna för förundersökningen om grov misshandel.',
      },
    });
    expect(police.status, police.text).toBe(409);
    expect(errorOf(police).message).toContain('Uppdrag till utförare kräver personens samtycke');
    const secrecyTest =
      'Boendet kan inte ta emot henne och barnet utan namn och tolkbehov; utlämnandet är nödvändigt för att nämnden ska kunna verkställa beslutet om skyddat boende.';
    const sent = await send('POST', url, {
      ...order,
      ground: { kind: 'legal', basis: 'secrecyNecessaryDisclosure', secrecyTest },
    });
    expect(sent.status, sent.text).toBe(201);
    const [c] = (await caseCommissions(made.caseId)).commissions;
    expect(c?.ground).toEqual({
      kind: 'legal',
      text: 'Lagstöd: 10 kap. 2 § offentlighets- och sekretesslagen (2009:400).',
    });
    const register = (await send('GET', `/api/cases/${made.caseId}/consents`)).json() as {
      disclosures: { consentId: string | null; legalReference: string; secrecyTest: string }[];
    };
    expect(register.disclosures).toEqual([
      expect.objectContaining({
        consentId: null,
        legalReference: '10 kap. 2 § offentlighets- och sekretesslagen (2009:400)',
        secrecyTest,
      }),
    ]);
  });
});
