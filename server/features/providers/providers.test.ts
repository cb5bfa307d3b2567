import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../../core/contracts/cases.ts';
import type { Decision } from '../../../core/contracts/case-documents.ts';
import type { ProviderView, ShelterHit, TurnedAway } from '../../../core/contracts/providers.ts';
import { addDays } from '../../../core/domain/calendar.ts';
import { holdsPlace } from '../../../core/domain/shelters.ts';
import { runningByProvider } from '../../case-kernel/providers.ts';
import { readPdf } from '../../test/pdf-reader.ts';
import { createUnit, intakePayload } from '../../test/factories.ts';
import { decisionOn, providerPayload } from '../../test/matrix.ts';
import { createTestApp } from '../../test/test-app.ts';
import type { TestApp } from '../../test/test-app.ts';
import { buildWorld } from '../../test/world.ts';
import type { ActorName, World } from '../../test/world.ts';
import { stockholmDate } from '../../time.ts';

/**
 * Providers and shelter places over real HTTP on the real database: the registry (versions, the
 * 409 on a stale one, bad input as 400s), occupancy from running uppdrag, the place search on a
 * case, the turned-away record, and the beslut's place.
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

async function send(
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  body?: object,
  as: ActorName = 'admin',
) {
  const headers: Record<string, string> = { ...w.sessions[as].headers };
  if (body) headers['content-type'] = 'application/json';
  const res = await fetch(`${base}${url}`, {
    method,
    headers,
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return {
    status: res.status,
    text,
    correlationId: res.headers.get('x-correlation-id') ?? '',
    json: (): unknown => JSON.parse(text),
  };
}
const fieldsOf = (text: string) =>
  (JSON.parse(text) as { error: { fields: { path: string; message: string }[] } }).error.fields;

const shelterBody = providerPayload;

/** The text of a beslut's PDF as `as` prints it. */
async function decisionPdfText(decisionId: string, as: ActorName) {
  const res = await fetch(`${base}/api/decisions/${decisionId}/decision.pdf`, {
    headers: w.sessions[as].headers,
  });
  expect(res.status).toBe(200);
  return (await readPdf(new Uint8Array(await res.arrayBuffer()))).text;
}
async function register(body: object): Promise<ProviderView> {
  const res = await send('POST', '/api/admin/providers', body);
  expect(res.status, res.text).toBe(201);
  return res.json() as ProviderView;
}

/** An uppdrag at the provider on a granted beslut, as the commissions feature would write it. */
async function commission(
  providerId: string,
  c: { status: 'sent' | 'accepted' | 'declined' | 'ended'; from: string; to: string | null },
) {
  const db = t.database.db;
  const decisionId = await decisionOn(db, w);
  const { case_id, person_id } = await db
    .selectFrom('decision as d')
    .innerJoin('case as c', 'c.id', 'd.case_id')
    .select(['d.case_id', 'c.person_id'])
    .where('d.id', '=', decisionId)
    .executeTakeFirstOrThrow();
  await db
    .insertInto('commission')
    .values({
      case_id,
      decision_id: decisionId,
      person_id,
      provider_id: providerId,
      intervention: 'shelter',
      period_from: c.from,
      period_to: c.to,
      status: c.status,
      created_by: w.users.assigned.id,
    })
    .execute();
}

const needs = {
  children: 0,
  teenageBoy: false,
  pets: false,
  wheelchair: false,
  language: null as string | null,
  minSecurityLevel: 1,
};

describe('the provider registry', () => {
  it('registers a shelter, keeps every version, and refuses a stale one with a 409', async () => {
    const created = await register(shelterBody('Kvinnojouren Linnea', { places: 5 }));
    expect(created).toMatchObject({
      name: 'Kvinnojouren Linnea',
      version: 1,
      interventions: ['shelter'],
      shelter: { places: 5, securityLevel: 2 },
      occupancy: { places: 5, running: 0, free: 5 },
    });
    const edited = await send('PUT', `/api/admin/providers/${created.id}`, {
      ...shelterBody('Kvinnojouren Linnea', { places: 6, takesPets: true }),
      version: 1,
    });
    expect(edited.status, edited.text).toBe(200);
    expect(edited.json() as ProviderView).toMatchObject({
      version: 2,
      shelter: { places: 6, takesPets: true },
    });
    // The same version again: someone else got in first.
    const stale = await send('PUT', `/api/admin/providers/${created.id}`, {
      ...shelterBody('Kvinnojouren Linnea', { places: 1 }),
      version: 1,
    });
    expect(stale.status, stale.text).toBe(409);
    expect(stale.text).toContain('VERSION_CONFLICT');
    // Deactivated: a new version, and every version kept.
    const off = await send('PUT', `/api/admin/providers/${created.id}`, {
      ...shelterBody('Kvinnojouren Linnea', { places: 6, takesPets: true }),
      active: false,
      version: 2,
    });
    expect(off.status, off.text).toBe(200);
    expect(off.json() as ProviderView).toMatchObject({ active: false, version: 3 });
    const versions = await t.database.db
      .selectFrom('provider_version')
      .select(['version', 'changed_by'])
      .where('provider_id', '=', created.id)
      .orderBy('version')
      .execute();
    expect(versions).toEqual(
      [1, 2, 3].map((version) => ({ version, changed_by: w.users.admin.id })),
    );
    // The versions are history: never changed.
    await expect(
      sql`update provider_version set version = 9 where provider_id = ${created.id}`.execute(
        t.database.db,
      ),
    ).rejects.toThrow(/append-only/);
    const audit = await t.database.db
      .selectFrom('audit_event')
      .select(['action', 'purpose', 'details'])
      .where('correlation_id', '=', off.correlationId)
      .execute();
    expect(audit).toEqual([
      {
        action: 'admin.provider',
        purpose: 'administration',
        details: { providerId: created.id, version: 3, change: 'update', active: false },
      },
    ]);
  });

  it('refuses bad input with a Swedish sentence per field, and saves nothing', async () => {
    const noPlaces = await send('POST', '/api/admin/providers', {
      ...shelterBody('Utan platser'),
      shelter: null,
    });
    expect(noPlaces.status, noPlaces.text).toBe(400);
    expect(fieldsOf(noPlaces.text)).toEqual([
      {
        path: 'body.shelter',
        message: 'Ett skyddat boende behöver platser, skyddsnivå och vad det kan ta emot.',
      },
    ]);
    const boys = await send('POST', '/api/admin/providers', {
      ...shelterBody('Pojkar utan barn', { takesChildren: false, takesTeenageBoys: true }),
    });
    expect(boys.status, boys.text).toBe(400);
    expect(boys.text).toContain('body.shelter.takesTeenageBoys');
    const wrongUnit = await send('POST', '/api/admin/providers', {
      ...shelterBody('Fel enhet'),
      unitId: w.units.adult,
    });
    expect(wrongUnit.status, wrongUnit.text).toBe(400);
    expect(fieldsOf(wrongUnit.text)).toEqual([
      { path: 'body.unitId', message: 'Välj en enhet för utförare.' },
    ]);
    await register(shelterBody('Dubbletten'));
    const twice = await send('POST', '/api/admin/providers', shelterBody('Dubbletten'));
    expect(twice.status, twice.text).toBe(400);
    expect(fieldsOf(twice.text)).toEqual([
      { path: 'body.name', message: 'Det finns redan en utförare med det namnet.' },
    ]);
    const names = (await send('GET', '/api/admin/providers')).json() as { items: ProviderView[] };
    expect(names.items.map((p) => p.name)).not.toContain('Fel enhet');
    expect(names.items.filter((p) => p.name === 'Dubbletten')).toHaveLength(1);
  });

  it('keeps the unit its staff work in once it has been given uppdrag (409)', async () => {
    // A unit of its own: the world's provider units already belong to its providers.
    const unitId = (
      await createUnit(t.database.db, { kind: 'provider', name: 'Personalens enhet' })
    ).id;
    const body = { ...shelterBody('Boende med personal'), unitId };
    const created = await register(body);
    expect(created.unit?.id).toBe(unitId);
    await commission(created.id, { status: 'accepted', from: today, to: addDays(today, 30) });
    const moved = await send('PUT', `/api/admin/providers/${created.id}`, {
      ...body,
      unitId: null,
      version: 1,
    });
    expect(moved.status, moved.text).toBe(409);
    expect((moved.json() as { error: { code: string; message: string } }).error).toMatchObject({
      code: 'STEP_OUT_OF_ORDER',
    });
    expect(moved.text).toContain('enheten kan inte bytas');
    // Other edits still go through.
    const renamed = await send('PUT', `/api/admin/providers/${created.id}`, {
      ...body,
      contact: 'Ny jour 08-654 321',
      version: 1,
    });
    expect(renamed.status, renamed.text).toBe(200);
  });
});

describe('occupancy from running uppdrag', () => {
  it('counts exactly the uppdrag sent or accepted whose period covers today', async () => {
    const shelter = await register(shelterBody('Räkneboendet', { places: 4 }));
    const periods = [
      { status: 'accepted', from: addDays(today, -10), to: today },
      { status: 'sent', from: today, to: addDays(today, 5) },
      { status: 'accepted', from: addDays(today, -3), to: null },
      { status: 'accepted', from: addDays(today, 1), to: addDays(today, 9) },
      { status: 'accepted', from: addDays(today, -9), to: addDays(today, -1) },
      { status: 'declined', from: addDays(today, -1), to: addDays(today, 9) },
      { status: 'ended', from: addDays(today, -1), to: addDays(today, 9) },
    ] as const;
    for (const p of periods) await commission(shelter.id, p);
    const expected = periods.filter((p) =>
      holdsPlace({ status: p.status, periodFrom: p.from, periodTo: p.to }, today),
    ).length;
    expect(expected).toBe(3);
    expect((await runningByProvider(t.database.db, today, [shelter.id])).get(shelter.id)).toBe(3);
    const listed = (await send('GET', '/api/admin/providers')).json() as { items: ProviderView[] };
    expect(listed.items.find((p) => p.id === shelter.id)?.occupancy).toEqual({
      places: 4,
      running: 3,
      free: 1,
    });
  });
});

describe('the place search on a case', () => {
  const url = () => `/api/cases/${w.persons.p.caseId}/shelter-search`;

  it('finds the fitting shelters with a free place, lowest sufficient level first, and the full ones apart', async () => {
    const high = await register(
      shelterBody('Sök Hög', { securityLevel: 3, takesTeenageBoys: true, languages: ['arabiska'] }),
    );
    const low = await register(
      shelterBody('Sök Låg', { securityLevel: 2, takesTeenageBoys: true, languages: ['Arabiska'] }),
    );
    const full = await register(
      shelterBody('Sök Full', {
        places: 1,
        securityLevel: 2,
        takesTeenageBoys: true,
        languages: ['arabiska'],
      }),
    );
    await commission(full.id, { status: 'accepted', from: today, to: addDays(today, 3) });
    const noBoys = await register(shelterBody('Sök Utan pojkar', { languages: ['arabiska'] }));

    const res = await send(
      'POST',
      url(),
      { ...needs, children: 2, teenageBoy: true, language: 'arabiska', minSecurityLevel: 2 },
      'assigned',
    );
    expect(res.status, res.text).toBe(200);
    const found = res.json() as {
      available: ShelterHit[];
      full: ShelterHit[];
      suggestedReason: string;
    };
    expect(found.available.map((s) => s.providerId)).toEqual([low.id, high.id]);
    expect(found.full.map((s) => s.providerId)).toEqual([full.id]);
    expect(found.available[0]).toMatchObject({ name: 'Sök Låg', free: 3, securityLevel: 2 });
    const ids = [...found.available, ...found.full].map((s) => s.providerId);
    expect(ids).not.toContain(noBoys.id);

    // Audited with the case and its person; the row names counts, never the needs.
    const audit = await t.database.db
      .selectFrom('audit_event')
      .select(['action', 'person_ids', 'case_ids', 'details', 'purpose'])
      .where('correlation_id', '=', res.correlationId)
      .execute();
    expect(audit).toEqual([
      {
        action: 'shelter.search',
        person_ids: [w.persons.p.id],
        case_ids: [w.persons.p.caseId],
        details: { available: 2, full: 1 },
        purpose: 'assigned',
      },
    ]);
  });

  it('leaves out inactive shelters', async () => {
    const body = shelterBody('Sök Vilande', { securityLevel: 1, languages: ['tigrinja'] });
    const created = await register(body);
    const search = async () =>
      (await send('POST', url(), { ...needs, language: 'tigrinja' }, 'assigned')).json() as {
        available: ShelterHit[];
      };
    expect((await search()).available.map((s) => s.providerId)).toEqual([created.id]);
    const off = await send('PUT', `/api/admin/providers/${created.id}`, {
      ...body,
      active: false,
      version: 1,
    });
    expect(off.status, off.text).toBe(200);
    expect((await search()).available).toEqual([]);
  });

  it('counts anew when the same search is sent again, even with the same Idempotency-Key', async () => {
    const shelter = await register(
      shelterBody('Sök Igen', { securityLevel: 1, languages: ['finska'] }),
    );
    const again = async () => {
      const res = await fetch(`${base}${url()}`, {
        method: 'POST',
        headers: {
          ...w.sessions.assigned.headers,
          'content-type': 'application/json',
          'idempotency-key': 'd1c4b7a2-5e0f-4a8b-9c3d-2f1e0a9b8c7d',
        },
        body: JSON.stringify({ ...needs, language: 'finska' }),
      });
      expect(res.status).toBe(200);
      return ((await res.json()) as { available: ShelterHit[] }).available[0]?.free;
    };
    expect(await again()).toBe(3);
    await commission(shelter.id, { status: 'accepted', from: today, to: null });
    expect(await again()).toBe(2);
  });

  it('refuses a teenage boy without children as bad input', async () => {
    const res = await send('POST', url(), { ...needs, teenageBoy: true }, 'assigned');
    expect(res.status, res.text).toBe(400);
    expect(fieldsOf(res.text)[0]?.path).toBe('body.teenageBoy');
  });

  it('is for the handläggare of the case only', async () => {
    for (const as of ['provider', 'analyst', 'admin', 'childrenWorker', 'colleague'] as const) {
      expect((await send('POST', url(), needs, as)).status, as).toBe(404);
    }
    expect((await send('POST', url(), needs, 'manager')).status).toBe(403);
  });
});

describe('the turned-away record', () => {
  it('records the reason and what was needed, lists it on the case, and never changes it', async () => {
    const caseUrl = `/api/cases/${w.persons.q.caseId}/turned-away`;
    const wanted = { ...needs, children: 3, teenageBoy: true, pets: true, minSecurityLevel: 3 };
    const noNote = await send(
      'POST',
      caseUrl,
      { reason: 'other', needs: wanted, note: null },
      'assigned',
    );
    expect(noNote.status, noNote.text).toBe(400);
    expect(fieldsOf(noNote.text)).toEqual([
      { path: 'body.note', message: 'Skriv vilket skälet var.' },
    ]);

    const res = await send(
      'POST',
      caseUrl,
      { reason: 'no_free_place', needs: wanted, note: null },
      'assigned',
    );
    expect(res.status, res.text).toBe(201);
    const { id } = res.json() as { id: string };
    const listed = await send('GET', caseUrl, undefined, 'assigned');
    expect(listed.status, listed.text).toBe(200);
    const items = (listed.json() as { items: TurnedAway[] }).items;
    expect(items.map(({ recordedBy: _by, recordedAt: _at, ...rest }) => rest)).toEqual([
      { id, reason: 'no_free_place', needs: wanted, note: null },
    ]);
    expect(items[0]?.recordedBy).toBeTruthy();
    // The unit's manager counts who was turned away; nobody else in the unit.
    const counted = await send(
      'GET',
      `/api/units/${w.units.adult}/turned-away`,
      undefined,
      'manager',
    );
    expect(counted.status, counted.text).toBe(200);
    expect(counted.json()).toMatchObject({
      total: 1,
      byReason: { no_free_place: 1, no_matching_shelter: 0, other: 0 },
    });
    expect(
      (await send('GET', `/api/units/${w.units.adult}/turned-away`, undefined, 'assigned')).status,
    ).toBe(403);
    await expect(
      sql`delete from shelter_turned_away where id = ${id}`.execute(t.database.db),
    ).rejects.toThrow(/append-only/);
    expect(
      (await send('POST', caseUrl, { reason: 'no_free_place', needs: wanted, note: null }, 'admin'))
        .status,
    ).toBe(404);
  });
});

describe("the beslut's place", () => {
  const detail = async (caseId: string) =>
    (await send('GET', `/api/cases/${caseId}`, undefined, 'colleague')).json() as CaseDetail;

  /** A case in utredning, kommunicerad, so that a beslut may be taken. */
  async function communicatedCase(familyName: string) {
    const payload = intakePayload(w.units.adult, {
      existing: false,
      newPerson: { identity: null, givenName: 'Rut', familyName, protectionLevel: 'none' },
    });
    payload.intake.type = 'application_oral';
    const created = await send('POST', '/api/intakes', payload, 'colleague');
    expect(created.status, created.text).toBe(201);
    const { caseId } = created.json() as { caseId: string };
    const opened = await send(
      'POST',
      `/api/cases/${caseId}/preliminary-assessment`,
      {
        outcome: 'open_investigation',
        template: 'victim',
        reason: 'Ansöker om skyddat boende.',
        version: (await detail(caseId)).version,
      },
      'colleague',
    );
    expect(opened.status, opened.text).toBe(201);
    const communicated = await send(
      'POST',
      `/api/cases/${caseId}/communications`,
      {
        what: 'Utredningen',
        communicatedOn: addDays(today, -2),
        method: { kind: 'meeting' },
        version: (await detail(caseId)).version,
      },
      'colleague',
    );
    expect(communicated.status, communicated.text).toBe(201);
    return caseId;
  }
  const decision = async (caseId: string, extra: object) => ({
    intervention: 'shelter',
    requested: 'Skyddat boende.',
    outcome: 'granted',
    motivation: 'Hög risk för nytt våld.',
    decidedOn: today,
    period: { from: today, to: addDays(today, 30) },
    notified: null,
    version: (await detail(caseId)).version,
    ...extra,
  });

  it('names an active provider that carries the insats, shown with the beslut', async () => {
    const place = await register(shelterBody('Platsboendet'));
    const caseId = await communicatedCase('Platsson');
    const res = await send(
      'POST',
      `/api/cases/${caseId}/decisions`,
      await decision(caseId, { providerId: place.id }),
      'colleague',
    );
    expect(res.status, res.text).toBe(201);
    const list = await send('GET', `/api/cases/${caseId}/decisions`, undefined, 'colleague');
    const [made] = (list.json() as { items: Decision[] }).items;
    expect(made?.current.place).toEqual({ providerId: place.id, name: 'Platsboendet' });
    // The beslut as a document names its place beside its period.
    const printed = await decisionPdfText(made?.id ?? '', 'colleague');
    expect(printed).toContain('Plats');
    expect(printed).toContain('Platsboendet');
  });

  it("withholds a protected person's place from whoever may not read her protected details", async () => {
    const place = await register(shelterBody('Hemliga boendet'));
    const decision = {
      id: await decisionOn(t.database.db, w, {
        caseId: w.persons.q.caseId,
        from: today,
        to: addDays(today, 10),
        providerId: place.id,
      }),
    };
    const url = `/api/cases/${w.persons.q.caseId}/decisions`;
    const seen = async (as: ActorName) => {
      const res = await send('GET', url, undefined, as);
      expect(res.status, res.text).toBe(200);
      return (res.json() as { items: Decision[] }).items.find((d) => d.id === decision.id)?.current;
    };
    expect(await seen('assigned')).toMatchObject({
      place: { providerId: place.id, name: 'Hemliga boendet' },
      placeWithheld: false,
    });
    const manager = await seen('manager');
    expect(manager).toMatchObject({ place: null, placeWithheld: true });
    expect(JSON.stringify(manager)).not.toContain('Hemliga boendet');
    // Printed, the same: the place for her handläggare, withheld from the manager.
    expect(await decisionPdfText(decision.id, 'assigned')).toContain('Hemliga boendet');
    const managersPrint = await decisionPdfText(decision.id, 'manager');
    expect(managersPrint).not.toContain('Hemliga boendet');
    expect(managersPrint).toContain('Skyddad uppgift');
    // The case's running insatser: the place beside its end date, for the same readers only.
    const running = async (as: ActorName) => {
      const res = await send('GET', `/api/cases/${w.persons.q.caseId}`, undefined, as);
      expect(res.status, res.text).toBe(200);
      return { text: res.text, detail: res.json() as CaseDetail };
    };
    const mine = await running('assigned');
    expect(mine.detail.deadlines).toContainEqual({
      kind: 'intervention_period',
      dueOn: addDays(today, 10),
      status: 'ok',
      intervention: 'shelter',
      place: 'Hemliga boendet',
    });
    const managers = await running('manager');
    expect(managers.detail.deadlines.find((d) => d.kind === 'intervention_period')).toEqual({
      kind: 'intervention_period',
      dueOn: addDays(today, 10),
      status: 'ok',
      intervention: 'shelter',
    });
    expect(managers.text).not.toContain('Hemliga boendet');
    // Nor in the work list.
    const list = await send('GET', '/api/cases/mine?limit=100', undefined, 'assigned');
    expect(list.status, list.text).toBe(200);
    expect(list.text).not.toContain('Hemliga boendet');

    // The manager corrects the beslut without seeing the place: it stays.
    const revise = (body: object) =>
      send(
        'POST',
        `/api/decisions/${decision.id}/versions`,
        {
          intervention: 'shelter',
          requested: 'Skyddat boende.',
          outcome: 'granted',
          motivation: 'Hög risk för nytt våld.',
          decidedOn: today,
          period: { from: today, to: addDays(today, 10) },
          notified: null,
          kind: 'correction',
          reason: 'Skrivfel i motiveringen.',
          ...body,
        },
        'manager',
      );
    const kept = await revise({ version: 1 });
    expect(kept.status, kept.text).toBe(201);
    expect(await seen('assigned')).toMatchObject({ version: 2, place: { providerId: place.id } });
    // Null takes it away.
    const removed = await revise({ version: 2, providerId: null });
    expect(removed.status, removed.text).toBe(201);
    expect(await seen('assigned')).toMatchObject({ version: 3, place: null, placeWithheld: false });
  });

  it('refuses a provider that does not carry the insats, an inactive one, and one on an avslag', async () => {
    const counsellors = await register({
      ...shelterBody('Samtalsmottagningen'),
      interventions: ['support_sessions'],
      shelter: null,
    });
    const sleeping = await register({ ...shelterBody('Sovande boendet'), active: false });
    const open = await register(shelterBody('Öppna boendet'));
    const caseId = await communicatedCase('Felplats');
    const cases = [
      [counsellors.id, {}, 'Utföraren utför inte den insatsen. Välj en utförare som gör det.'],
      [sleeping.id, {}, 'Utföraren är inte aktiv. Välj en aktiv utförare.'],
      [
        open.id,
        { outcome: 'refused', period: null },
        'Ett avslag har ingen plats. Ta bort utföraren eller ändra beslutet.',
      ],
    ] as const;
    for (const [providerId, extra, message] of cases) {
      const res = await send(
        'POST',
        `/api/cases/${caseId}/decisions`,
        await decision(caseId, { providerId, ...extra }),
        'colleague',
      );
      expect(res.status, res.text).toBe(400);
      expect(fieldsOf(res.text)).toContainEqual({ path: 'body.providerId', message });
    }
    const list = await send('GET', `/api/cases/${caseId}/decisions`, undefined, 'colleague');
    expect((list.json() as { items: Decision[] }).items).toEqual([]);
  });
});
