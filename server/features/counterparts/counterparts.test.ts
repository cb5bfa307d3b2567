import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../../core/contracts/cases.ts';
import type { CaseCounterparts } from '../../../core/contracts/counterparts.ts';
import type { CaseCommissions } from '../../../core/contracts/commissions.ts';
import type { PersonFile } from '../../../core/contracts/persons.ts';
import { addDays } from '../../../core/domain/calendar.ts';
import { stockholmDate } from '../../time.ts';
import { createTestApp } from '../../test/test-app.ts';
import type { TestApp } from '../../test/test-app.ts';
import { intakePayload } from '../../test/factories.ts';
import { consentToProvider } from '../../test/consents.ts';
import { CANARY, buildWorld } from '../../test/world.ts';
import type { ActorName, World } from '../../test/world.ts';

/**
 * Counterparts and relations over real HTTP on the real database: recorded in her file, read
 * with her case (his details masked where her file is protected and the reader may not see her
 * protected details), corrected, ended and marked wrongly recorded as new versions; a number that
 * belongs to a file in Värn tells the author nothing of that file; and the safe-channel check of
 * kommunicering refuses a channel found in her file's record of him or on his own file — and no
 * longer once the record is marked wrongly recorded.
 */

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
});
afterAll(async () => {
  await t.close();
});

const send = (method: 'POST' | 'GET', url: string, payload?: object, as: ActorName = 'colleague') =>
  t.app.inject({ method, url, headers: w.sessions[as].headers, ...(payload ? { payload } : {}) });
const detail = async (caseId: string) =>
  (await send('GET', `/api/cases/${caseId}`)).json<CaseDetail>();
const list = async (caseId: string, as: ActorName = 'colleague') => {
  const res = await send('GET', `/api/cases/${caseId}/counterparts`, undefined, as);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<CaseCounterparts>();
};

/** A case of colleague's in utredning: intake with application, förhandsbedömning opened. */
async function caseInInvestigation(
  familyName: string,
  protectionLevel: 'none' | 'protected_registration' = 'none',
) {
  const payload = intakePayload(w.units.adult, {
    existing: false,
    newPerson: { identity: null, givenName: 'Ines', familyName, protectionLevel },
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

const him = (over: object = {}) => ({
  identity: null,
  givenName: 'Kalle',
  familyName: 'Våldsson',
  description: null,
  relation: 'partner',
  usesViolence: true,
  livesTogether: 'yes',
  contact: [{ kind: 'phone', value: '070-555 66 77' }],
  whereabouts: 'Bor kvar i lägenheten på Storgatan.',
  ...over,
});

describe('counterparts', () => {
  it('records him in her file, corrects and ends him as new versions, and keeps the history', async () => {
    const { caseId } = await caseInInvestigation('Motpartsson');
    const recorded = await send('POST', `/api/cases/${caseId}/counterparts`, him());
    expect(recorded.statusCode, recorded.body).toBe(201);
    const { id, version } = recorded.json<{ id: string; version: number }>();
    expect(version).toBe(1);

    const corrected = await send('POST', `/api/cases/${caseId}/counterparts/${id}/versions`, {
      change: 'correction',
      ...him({ relation: 'former_partner', livesTogether: 'no' }),
      reason: 'De har separerat enligt henne.',
      version: 1,
    });
    expect(corrected.statusCode, corrected.body).toBe(201);
    // The same version again: someone else's change got in first.
    const stale = await send('POST', `/api/cases/${caseId}/counterparts/${id}/versions`, {
      change: 'status',
      status: 'ended',
      reason: 'Ingen kontakt längre.',
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('Någon annan har ändrat');

    const listed = await list(caseId);
    expect(listed.abilities.write).toBe(true);
    expect(listed.current).toHaveLength(1);
    const c = listed.current[0]!;
    expect(c).toMatchObject({
      id,
      name: 'Kalle Våldsson',
      relation: 'former_partner',
      usesViolence: true,
      livesTogether: 'no',
      version: 2,
      details: {
        masked: false,
        contact: [{ kind: 'phone', value: '070-555 66 77' }],
        whereabouts: 'Bor kvar i lägenheten på Storgatan.',
      },
    });
    expect(c.history.map((v) => [v.version, v.relation, v.changeReason])).toEqual([
      [1, 'partner', null],
      [2, 'former_partner', 'De har separerat enligt henne.'],
    ]);
    expect(c.history[1]?.recordedBy.id).toBe(w.users.colleague.id);

    const ended = await send('POST', `/api/cases/${caseId}/counterparts/${id}/versions`, {
      change: 'status',
      status: 'wrongly_recorded',
      reason: 'Fel person, förväxling.',
      version: 2,
    });
    expect(ended.statusCode, ended.body).toBe(201);
    const after = await list(caseId);
    expect(after.current).toEqual([]);
    expect(after.past.map((p) => [p.id, p.status, p.history.length])).toEqual([
      [id, 'wrongly_recorded', 3],
    ]);
    // Nothing was erased.
    const rows = await t.database.db
      .selectFrom('counterpart')
      .select('version')
      .where('id', '=', id)
      .execute();
    expect(rows).toHaveLength(3);
    // Ending again says why not, in Swedish.
    const again = await send('POST', `/api/cases/${caseId}/counterparts/${id}/versions`, {
      change: 'status',
      status: 'ended',
      reason: 'Igen.',
      version: 3,
    });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('felregistrerad');
  });

  it('refuses bad input with Swedish messages and writes nothing', async () => {
    const { caseId } = await caseInInvestigation('Felinmatning');
    const nobody = await send(
      'POST',
      `/api/cases/${caseId}/counterparts`,
      him({ givenName: '', familyName: null, description: '  ' }),
    );
    expect(nobody.statusCode).toBe(400);
    expect(nobody.body).toContain('Ange personnummer, namn eller en beskrivning');
    const badNumber = await send(
      'POST',
      `/api/cases/${caseId}/counterparts`,
      him({ identity: { kind: 'personnummer', number: '19800101-0000' } }),
    );
    expect(badNumber.statusCode).toBe(400);
    expect(badNumber.body).toContain('body.identity.number');
    const badRelation = await send(
      'POST',
      `/api/cases/${caseId}/counterparts`,
      him({ relation: 'granne' }),
    );
    expect(badRelation.statusCode).toBe(400);
    expect(badRelation.body).toContain('Välj relation.');
    const noReason = await send(
      'POST',
      `/api/cases/${caseId}/counterparts/3f1f0c4e-2b7a-4d3e-9a51-7c0d2e8b6a10/versions`,
      { change: 'status', status: 'ended', reason: '', version: 1 },
    );
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('Ange varför.');
    expect((await list(caseId)).current).toEqual([]);
  });

  it('lets only those working the case write, and those reading it read', async () => {
    const { caseId } = await caseInInvestigation('Behörighet');
    expect(
      (await send('POST', `/api/cases/${caseId}/counterparts`, him(), 'manager')).statusCode,
    ).toBe(403);
    expect(
      (await send('POST', `/api/cases/${caseId}/counterparts`, him(), 'assigned')).statusCode,
    ).toBe(404);
    expect(
      (await send('GET', `/api/cases/${caseId}/counterparts`, undefined, 'assigned')).statusCode,
    ).toBe(404);
    expect(
      (await send('GET', `/api/cases/${caseId}/counterparts`, undefined, 'analyst')).statusCode,
    ).toBe(404);
    expect((await list(caseId, 'manager')).abilities.write).toBe(false);
  });

  it('masks his details where her file is protected, to all but who may see her protected details', async () => {
    const { caseId } = await caseInInvestigation('Skyddadsson', 'protected_registration');
    expect((await send('POST', `/api/cases/${caseId}/counterparts`, him())).statusCode).toBe(201);
    const own = await list(caseId);
    expect(own.current[0]?.details).toEqual({
      masked: false,
      contact: [{ kind: 'phone', value: '070-555 66 77' }],
      whereabouts: 'Bor kvar i lägenheten på Storgatan.',
    });
    const res = await send('GET', `/api/cases/${caseId}/counterparts`, undefined, 'manager');
    const managers = res.json<CaseCounterparts>();
    expect(managers.current[0]?.details).toEqual({
      masked: true,
      contactCount: 1,
      hasWhereabouts: true,
    });
    for (const v of managers.current[0]?.history ?? []) expect(v.details.masked).toBe(true);
    expect(res.body).not.toContain('070-555');
    expect(res.body).not.toContain('Storgatan');
  });

  it('lets a writer who does not see his details correct the rest, keeping what she could not see', async () => {
    // A protected person's matter in the unit's queue: whoever takes from the queue works it,
    // but only the assigned handläggare sees her protected details, and so his.
    const created = await send(
      'POST',
      '/api/intakes',
      intakePayload(
        w.units.adult,
        {
          existing: false,
          newPerson: {
            identity: null,
            givenName: 'Ines',
            familyName: 'Kösson',
            protectionLevel: 'protected_registration',
          },
        },
        { assignToMe: false },
      ),
    );
    expect(created.statusCode, created.body).toBe(201);
    const { caseId } = created.json<{ caseId: string }>();
    const recorded = await send('POST', `/api/cases/${caseId}/counterparts`, him());
    expect(recorded.statusCode, recorded.body).toBe(201);
    const { id } = recorded.json<{ id: string }>();
    const listed = await list(caseId, 'assigned');
    expect(listed.abilities.write).toBe(true);
    expect(listed.current[0]?.details.masked).toBe(true);
    const url = `/api/cases/${caseId}/counterparts/${id}/versions`;
    const correction = {
      change: 'correction',
      ...him({ familyName: 'Rättad' }),
      reason: 'Rätt efternamn.',
      version: 1,
    };
    const withDetails = await send('POST', url, correction, 'assigned');
    expect(withDetails.statusCode).toBe(400);
    expect(withDetails.body).toContain('Kontaktuppgifter och vistelseort är skyddade.');
    const without = await send(
      'POST',
      url,
      { ...correction, contact: [], whereabouts: null },
      'assigned',
    );
    expect(without.statusCode, without.body).toBe(201);
    const latest = await t.database.db
      .selectFrom('counterpart')
      .select(['family_name', 'contact', 'whereabouts'])
      .where('id', '=', id)
      .where('version', '=', 2)
      .executeTakeFirstOrThrow();
    expect(latest).toEqual({
      family_name: 'Rättad',
      contact: [{ kind: 'phone', value: '070-555 66 77' }],
      whereabouts: 'Bor kvar i lägenheten på Storgatan.',
    });
  });

  it('gives the author nothing of the person whose number she records: the same answer as for an unknown number', async () => {
    const { caseId } = await caseInInvestigation('Länksson');
    const s = w.persons.s; // a file the colleague cannot open
    const known = await send(
      'POST',
      `/api/cases/${caseId}/counterparts`,
      him({
        identity: { kind: 'personnummer', number: s.personnummer },
        givenName: null,
        familyName: null,
      }),
    );
    const unknown = await send(
      'POST',
      `/api/cases/${caseId}/counterparts`,
      // A valid personnummer nobody in Värn has.
      him({
        identity: { kind: 'personnummer', number: '198001012387' },
        givenName: null,
        familyName: null,
      }),
    );
    expect(known.statusCode).toBe(201);
    expect(unknown.statusCode).toBe(201);
    expect(Object.keys(known.json<object>()).sort()).toEqual(
      Object.keys(unknown.json<object>()).sort(),
    );
    const listed = await send('GET', `/api/cases/${caseId}/counterparts`);
    expect(listed.body).not.toContain('Sand');
    expect(listed.body).not.toContain(CANARY);
    expect(listed.body).not.toContain(s.id);
    const [a, b] = listed.json<CaseCounterparts>().current;
    // Both named only by what her file says.
    expect(a?.name).toBe(b?.name);
    expect(Object.keys(a ?? {}).sort()).toEqual(Object.keys(b ?? {}).sort());
    // And no way in to his file came of it.
    expect((await send('GET', `/api/persons/${s.id}`)).statusCode).toBe(404);
    expect((await send('GET', `/api/persons/${s.id}/protected-details`)).statusCode).toBe(404);
  });

  it('refuses her own number as his', async () => {
    const created = await send(
      'POST',
      '/api/intakes',
      intakePayload(w.units.adult, {
        existing: false,
        newPerson: {
          identity: { kind: 'personnummer', number: '197502022382' },
          givenName: 'Egen',
          familyName: 'Nummersson',
          protectionLevel: 'none',
        },
      }),
    );
    expect(created.statusCode, created.body).toBe(201);
    const { caseId } = created.json<{ caseId: string }>();
    const res = await send(
      'POST',
      `/api/cases/${caseId}/counterparts`,
      him({ identity: { kind: 'personnummer', number: '197502022382' } }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Personnumret är personens eget.');
  });
});

describe('the safe-channel check of kommunicering', () => {
  const communicate = async (caseId: string, contactChannelId: string) =>
    send('POST', `/api/cases/${caseId}/communications`, {
      what: 'Utredningen',
      communicatedOn: '2026-11-01',
      method: { kind: 'channel', contactChannelId },
      version: (await detail(caseId)).version,
    });
  const channel = async (personId: string, kind: 'phone' | 'email', value: string) =>
    (
      await t.database.db
        .insertInto('contact_channel')
        .values({ person_id: personId, kind, value, safe_for_contact: true, note: null })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;

  it('refuses a channel of hers that her file records for him, written differently, until he is marked wrongly recorded', async () => {
    const { caseId, personId } = await caseInInvestigation('Telefonsson');
    const phone = await channel(personId, 'phone', '+46 70 555 66 77');
    const recorded = await send('POST', `/api/cases/${caseId}/counterparts`, him());
    const { id } = recorded.json<{ id: string }>();

    const refused = await communicate(caseId, phone);
    expect(refused.statusCode).toBe(409);
    expect(refused.json<{ error: object }>().error).toMatchObject({
      code: 'UNSAFE_CHANNEL',
      message:
        'Kontaktvägen delas med en person som är registrerad som våldsutövare mot personen. Välj en annan kontaktväg eller kommunicera vid ett möte.',
    });

    // Someone who does not use violence shares a channel: no refusal for that.
    const marked = await send('POST', `/api/cases/${caseId}/counterparts/${id}/versions`, {
      change: 'status',
      status: 'wrongly_recorded',
      reason: 'Numret var hennes systers.',
      version: 1,
    });
    expect(marked.statusCode, marked.body).toBe(201);
    const allowed = await communicate(caseId, phone);
    expect(allowed.statusCode, allowed.body).toBe(201);
  });

  it('refuses a channel registered on his own file through the link, and says nothing of that file', async () => {
    const { caseId, personId } = await caseInInvestigation('Länkkanal');
    const s = w.persons.s;
    const email = await channel(personId, 'email', 'Hemma@Example.se');
    await channel(s.id, 'email', ' hemma@example.se ');
    const recorded = await send(
      'POST',
      `/api/cases/${caseId}/counterparts`,
      him({ identity: { kind: 'personnummer', number: s.personnummer }, contact: [] }),
    );
    expect(recorded.statusCode, recorded.body).toBe(201);
    const refused = await communicate(caseId, email);
    expect(refused.statusCode).toBe(409);
    expect(refused.json<{ error: { code: string } }>().error.code).toBe('UNSAFE_CHANNEL');
    expect(refused.body).not.toContain('Sand');
    expect(refused.body).not.toContain(s.id);
    expect(refused.body).not.toContain(s.personnummer);
    expect(refused.body).not.toContain(CANARY);
    // The same sentence as for a channel her own file records.
    expect(refused.json<{ error: { message: string } }>().error.message).toContain(
      'Kontaktvägen delas med en person som är registrerad som våldsutövare',
    );
  });
});

describe('the phone an uppdrag shares', () => {
  it('is never one the person who uses violence can reach, marked safe or not', async () => {
    const today = stockholmDate(new Date());
    const { caseId, personId } = await caseInInvestigation('Uppdragsson');
    // One after the other: the newer is the one an uppdrag would share without the check.
    for (const value of ['070-777 77 77', '+46 70 888 88 88']) {
      await t.database.db
        .insertInto('contact_channel')
        .values({ person_id: personId, kind: 'phone', value, safe_for_contact: true, note: null })
        .execute();
    }
    // Her file records that he has the newer number.
    const recorded = await send(
      'POST',
      `/api/cases/${caseId}/counterparts`,
      him({ contact: [{ kind: 'phone', value: '0708888888' }] }),
    );
    expect(recorded.statusCode, recorded.body).toBe(201);
    const period = { from: today, to: addDays(today, 30) };
    expect(
      (
        await send('POST', `/api/cases/${caseId}/communications`, {
          what: 'Utredningen',
          communicatedOn: addDays(today, -2),
          method: { kind: 'meeting' },
          version: (await detail(caseId)).version,
        })
      ).statusCode,
    ).toBe(201);
    const decided = await send('POST', `/api/cases/${caseId}/decisions`, {
      intervention: 'shelter',
      requested: 'Skyddat boende.',
      outcome: 'granted',
      motivation: 'Hög risk för fortsatt våld.',
      decidedOn: today,
      period,
      notified: { how: 'in_person', on: today },
      version: (await detail(caseId)).version,
    });
    expect(decided.statusCode, decided.body).toBe(201);
    const options = (await send('GET', `/api/cases/${caseId}/commissions`)).json<CaseCommissions>();
    const sent = await send('POST', `/api/cases/${caseId}/commissions`, {
      decisionId: options.options?.decisions[0]?.id,
      providerId: w.providers.own,
      what: 'Skyddat boende.',
      why: 'Hon har hotats av sin partner.',
      period,
      contact: 'Handläggaren, Vuxenenheten, 08-123 45 67',
      categories: ['name', 'phone'],
      ground: {
        kind: 'consent',
        consentId: await consentToProvider(t.database.db, {
          caseId,
          providerId: w.providers.own,
          recordedBy: w.users.assigned.id,
        }),
      },
      language: null,
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const [c] = (await send('GET', `/api/cases/${caseId}/commissions`)).json<CaseCommissions>()
      .commissions;
    expect(c?.shared.phone).toBe('070-777 77 77');
  });
});

describe('relations are corrected, never erased', () => {
  it('corrects, ends and shows the history on the personakt, with the version race', async () => {
    const p = w.persons.p;
    const file = async () =>
      (await send('GET', `/api/persons/${p.id}`, undefined, 'assigned')).json<PersonFile>();
    const sibling = (await file()).relations.find((r) => r.other.id === w.persons.r.id);
    expect(sibling).toMatchObject({ kind: 'sibling', status: 'current', version: 1 });
    expect(sibling?.mayChange).toBe(true);
    const url = `/api/persons/${p.id}/relations/${sibling?.id}/versions`;

    const guardian = await send(
      'POST',
      url,
      {
        change: 'correction',
        kind: 'sibling',
        violence: 'none',
        guardian: true,
        reason: 'Fel.',
        version: 1,
      },
      'assigned',
    );
    expect(guardian.statusCode).toBe(400);
    expect(guardian.body).toContain('Vårdnadshavare kan bara anges för en förälder');

    const corrected = await send(
      'POST',
      url,
      {
        change: 'correction',
        kind: 'other_relative',
        violence: 'unknown',
        guardian: false,
        reason: 'Kusin, inte syster.',
        version: 1,
      },
      'assigned',
    );
    expect(corrected.statusCode, corrected.body).toBe(201);
    expect(corrected.json()).toEqual({ id: sibling?.id, version: 2 });
    const stale = await send(
      'POST',
      url,
      { change: 'status', status: 'ended', reason: 'Ingen kontakt.', version: 1 },
      'assigned',
    );
    expect(stale.statusCode).toBe(409);
    // The manager sees both ends but does not record relations.
    expect(
      (
        await send(
          'POST',
          url,
          { change: 'status', status: 'ended', reason: 'X', version: 2 },
          'manager',
        )
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await send(
          'POST',
          url,
          { change: 'status', status: 'ended', reason: 'X', version: 2 },
          'childrenWorker',
        )
      ).statusCode,
    ).toBe(404);

    const ended = await send(
      'POST',
      url,
      { change: 'status', status: 'ended', reason: 'Ingen kontakt längre.', version: 2 },
      'assigned',
    );
    expect(ended.statusCode, ended.body).toBe(201);
    const after = await file();
    expect(after.relations.some((r) => r.id === sibling?.id)).toBe(false);
    const past = after.pastRelations.find((r) => r.id === sibling?.id);
    expect(past?.status).toBe('ended');
    expect(
      past?.history.map((v) => [
        v.version,
        v.kind,
        v.status,
        v.changeReason,
        v.recordedBy?.id ?? null,
      ]),
    ).toEqual([
      [1, 'sibling', 'current', null, null],
      [2, 'other_relative', 'current', 'Kusin, inte syster.', w.users.assigned.id],
      [3, 'other_relative', 'ended', 'Ingen kontakt längre.', w.users.assigned.id],
    ]);
    // The rules read the relation's row: it says what the history's latest says.
    const row = await t.database.db
      .selectFrom('person_relation')
      .select(['kind', 'status', 'version'])
      .where('id', '=', sibling?.id ?? '')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ kind: 'other_relative', status: 'ended', version: 3 });
    // Recorded anew it is the ended one: corrected back, it holds again.
    const restored = await send(
      'POST',
      url,
      {
        change: 'correction',
        kind: 'other_relative',
        violence: 'none',
        guardian: false,
        reason: 'Avslutades av misstag.',
        version: 3,
      },
      'assigned',
    );
    expect(restored.statusCode, restored.body).toBe(201);
    expect((await file()).relations.find((r) => r.id === sibling?.id)?.status).toBe('current');
  });

  it('a relation seen from the other end keeps its direction; who is the parent is not corrected', async () => {
    const { personId: parentId } = await caseInInvestigation('Förälder');
    const { personId: childId } = await caseInInvestigation('Barnsson');
    const made = await send('POST', `/api/persons/${parentId}/relations`, {
      otherPersonId: childId,
      kind: 'parent_of',
      violence: 'uses_violence',
    });
    expect(made.statusCode, made.body).toBe(201);
    const relationId = made.json<{ id: string }>().id;
    const fromChild = `/api/persons/${childId}/relations/${relationId}/versions`;
    const flip = await send('POST', fromChild, {
      change: 'correction',
      kind: 'parent_of',
      violence: 'subjected',
      guardian: false,
      reason: 'Omvänt.',
      version: 1,
    });
    expect(flip.statusCode).toBe(400);
    expect(flip.body).toContain('Vem som är förälder kan inte rättas');
    const guardian = await send('POST', fromChild, {
      change: 'correction',
      kind: 'child_of',
      violence: 'subjected',
      guardian: true,
      reason: 'Pappan är vårdnadshavare.',
      version: 1,
    });
    expect(guardian.statusCode, guardian.body).toBe(201);
    const parentFile = (await send('GET', `/api/persons/${parentId}`)).json<PersonFile>();
    expect(parentFile.relations.find((r) => r.id === relationId)).toMatchObject({
      kind: 'parent_of',
      violence: 'uses_violence',
      guardian: true,
      version: 2,
    });
  });
});
