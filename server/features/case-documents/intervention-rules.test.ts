import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../../core/contracts/cases.ts';
import type { Decision } from '../../../core/contracts/case-documents.ts';
import { defaultInterventionCatalogue } from '../../../core/domain/intervention-catalogue.ts';
import { readPdf } from '../../test/pdf-reader.ts';
import { createTestApp } from '../../test/test-app.ts';
import type { TestApp } from '../../test/test-app.ts';
import { createUnit, createUser, intakePayload, loginAs } from '../../test/factories.ts';
import type { LoggedIn } from '../../test/factories.ts';
import { partnerContactConsent } from '../../test/consents.ts';

/**
 * The insatser catalogue and the rules of the sources (issue 13 item 4), through real HTTP on the
 * real database: a service is never decided, an insats only for the target groups it serves, a
 * perpetrator's tillfälligt boende rests on the victim's wish and a recent risk assessment, a
 * partnerkontakt on his consent in his case's register (to her unit, one she may know of) and a
 * contact person who is not his therapist, and an acute
 * ekonomiskt bistånd may skip the means test — each refusal a 409 naming what is missing, with
 * nothing saved.
 */

const now = new Date('2026-11-09T09:00:00Z');
const today = '2026-11-09';
let t: TestApp;
let session: LoggedIn;
let unitId: string;

beforeAll(async () => {
  t = await createTestApp({ clock: () => now });
  unitId = (await createUnit(t.database.db)).id;
  const worker = await createUser(t.database.db, {
    grants: [{ unitId, role: 'adult_caseworker' }],
    totp: false,
  });
  await t.database.db
    .insertInto('delegation')
    .values(
      (
        [
          'shelter',
          'temporary_housing',
          'financial_assistance',
          'partner_contact',
          'advice_and_support',
        ] as const
      ).map((intervention) => ({
        unit_id: unitId,
        intervention,
        role: 'adult_caseworker' as const,
        granted_by: null,
      })),
    )
    .execute();
  session = await loginAs(t.app, worker, now);
});
afterAll(async () => {
  await t.close();
});

const send = (method: 'POST' | 'GET', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: session.headers, ...(payload ? { payload } : {}) });
const detail = async (caseId: string) =>
  (await send('GET', `/api/cases/${caseId}`)).json<CaseDetail>();
const messageOf = (res: { json: () => unknown }) =>
  (res.json() as { error: { code: string; message: string } }).error;
const decisionsOf = async (caseId: string) =>
  (await send('GET', `/api/cases/${caseId}/decisions`)).json<{ items: Decision[] }>().items;

async function intake(targetGroup: 'victim' | 'perpetrator', familyName: string) {
  const payload = {
    ...intakePayload(
      unitId,
      {
        existing: false,
        newPerson: { identity: null, givenName: 'Kim', familyName, protectionLevel: 'none' },
      },
      { acuteNeed: 'yes', receivedAt: '2026-11-09T08:00:00Z' },
    ),
    targetGroup,
  };
  payload.intake.type = 'application_oral';
  const created = await send('POST', '/api/intakes', payload);
  expect(created.statusCode, created.body).toBe(201);
  return created.json<{ caseId: string; personId: string }>();
}

const acute = (intervention: string, version: number, extra: Record<string, unknown> = {}) => ({
  intervention,
  requested: 'Boende i natt.',
  motivation: 'Behovet kan inte vänta.',
  groundReason: 'Beslutet kan inte vänta på kommunicering.',
  ownView: 'Hon är rädd att han kommer tillbaka.',
  decidedOn: today,
  period: { from: today, to: '2026-11-23' },
  notified: { how: 'in_person', on: today },
  version,
  ...extra,
});

async function policeAssessment(caseId: string, personId: string, level: string, on: string) {
  const res = await send('POST', `/api/cases/${caseId}/police-risk-assessments`, {
    personId,
    level,
    summary: 'Polisens bedömning av risken för nytt våld.',
    policeReference: '5000-K123456-26',
    consentReference: 'Journalanteckning 2026-11-02',
    assessedOn: on,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}

describe('the insatser catalogue', () => {
  it('offers on a perpetrator case only what serves the target group, never a service', async () => {
    const { caseId } = await intake('perpetrator', 'Utövarsson');
    expect((await detail(caseId)).abilities.decide.sort()).toEqual([
      'financial_assistance',
      'temporary_housing',
    ]);
    const victim = await intake('victim', 'Utsattsson');
    expect((await detail(victim.caseId)).abilities.decide.sort()).toEqual([
      'financial_assistance',
      'partner_contact',
      'shelter',
      'temporary_housing',
    ]);
  });

  it('refuses a beslut on a service and on an insats outside the target group, saving nothing', async () => {
    const { caseId } = await intake('perpetrator', 'Katalogsson');
    const service = await send(
      'POST',
      `/api/cases/${caseId}/acute-decisions`,
      acute('advice_and_support', (await detail(caseId)).version),
    );
    expect(service.statusCode).toBe(409);
    expect(messageOf(service).message).toContain('Råd och stöd är en serviceinsats');

    const shelter = await send(
      'POST',
      `/api/cases/${caseId}/acute-decisions`,
      acute('shelter', (await detail(caseId)).version),
    );
    expect(shelter.statusCode).toBe(409);
    expect(messageOf(shelter).message).toContain('Skyddat boende ges inte till målgruppen');
    expect(await decisionsOf(caseId)).toEqual([]);
  });
});

describe('tillfälligt boende for the person who uses violence', () => {
  it('is refused without the victim’s wish and a supporting assessment, then granted with them', async () => {
    const { caseId, personId } = await intake('perpetrator', 'Flyttarsson');
    const bare = await send(
      'POST',
      `/api/cases/${caseId}/acute-decisions`,
      acute('temporary_housing', (await detail(caseId)).version),
    );
    expect(bare.statusCode).toBe(409);
    expect(messageOf(bare).message).toContain('önskan att bo kvar i bostaden är inte dokumenterad');
    expect(messageOf(bare).message).toContain('riskbedömning');
    // Nothing half-saved: no beslut, no own-view assessment.
    expect(await decisionsOf(caseId)).toEqual([]);
    expect(
      await t.database.db
        .selectFrom('risk_assessment')
        .select('id')
        .where('case_id', '=', caseId)
        .execute(),
    ).toEqual([]);

    const victimWish = {
      learntOn: '2026-11-08',
      how: 'Hon sa det själv i telefon till socialjouren.',
    };
    const high = await policeAssessment(caseId, personId, 'high', '2026-11-06');
    const onHigh = await send(
      'POST',
      `/api/cases/${caseId}/acute-decisions`,
      acute('temporary_housing', (await detail(caseId)).version, {
        conditions: {
          victimWish,
          riskSupport: { assessmentId: high, conclusion: 'Se bedömningen.' },
        },
      }),
    );
    expect(onHigh.statusCode).toBe(409);
    expect(messageOf(onHigh).message).toContain('hög risk');

    const old = await policeAssessment(caseId, personId, 'low', '2026-09-01');
    const onOld = await send(
      'POST',
      `/api/cases/${caseId}/acute-decisions`,
      acute('temporary_housing', (await detail(caseId)).version, {
        conditions: { victimWish, riskSupport: { assessmentId: old, conclusion: 'Låg risk.' } },
      }),
    );
    expect(onOld.statusCode).toBe(409);
    expect(messageOf(onOld).message).toContain('inom 30 dagar');

    const recent = await policeAssessment(caseId, personId, 'medium', '2026-11-05');
    const conditions = {
      victimWish,
      riskSupport: {
        assessmentId: recent,
        conclusion: 'Måttlig risk; med honom utflyttad och kontaktförbud kan hon bo kvar.',
      },
    };
    const granted = await send(
      'POST',
      `/api/cases/${caseId}/acute-decisions`,
      acute('temporary_housing', (await detail(caseId)).version, {
        conditions: { ...conditions, meansTestWaived: { reason: 'Hör inte hit.' } },
      }),
    );
    // The means test is skipped only on ekonomiskt bistånd.
    expect(granted.statusCode).toBe(409);
    expect(messageOf(granted).message).toContain('Bara ekonomiskt bistånd');
    const ok = await send(
      'POST',
      `/api/cases/${caseId}/acute-decisions`,
      acute('temporary_housing', (await detail(caseId)).version, { conditions }),
    );
    expect(ok.statusCode, ok.body).toBe(201);
    const [decision] = await decisionsOf(caseId);
    expect(decision?.current.conditions).toEqual(conditions);
  });

  it('does not accept an assessment from another case', async () => {
    const other = await intake('perpetrator', 'Annansson');
    const foreign = await policeAssessment(other.caseId, other.personId, 'low', '2026-11-05');
    const { caseId } = await intake('perpetrator', 'Egensson');
    const res = await send(
      'POST',
      `/api/cases/${caseId}/acute-decisions`,
      acute('temporary_housing', (await detail(caseId)).version, {
        conditions: {
          victimWish: { learntOn: today, how: 'Via hennes handläggare.' },
          riskSupport: { assessmentId: foreign, conclusion: 'Låg risk.' },
        },
      }),
    );
    expect(res.statusCode).toBe(409);
    expect(messageOf(res).message).toContain('saknar en riskbedömning');
  });
});

describe('ekonomiskt bistånd in acute need', () => {
  it('records that the usual means test was skipped', async () => {
    const { caseId } = await intake('victim', 'Pengsson');
    const meansTestWaived = {
      reason: 'Hon har inte tillgång till bankkort eller handlingar i natt.',
    };
    const res = await send(
      'POST',
      `/api/cases/${caseId}/acute-decisions`,
      acute('financial_assistance', (await detail(caseId)).version, {
        conditions: { meansTestWaived },
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const [decision] = await decisionsOf(caseId);
    expect(decision?.current.conditions).toEqual({ meansTestWaived });
    // Recorded as such on the beslut itself.
    const pdf = await send('GET', `/api/decisions/${decision?.id ?? ''}/decision.pdf`);
    expect(pdf.statusCode).toBe(200);
    const text = (await readPdf(pdf.rawPayload)).text;
    expect(text).toContain('Utan sedvanlig prövning');
    expect(text).toContain('Hon har inte tillgång till bankkort');
  });
});

describe('partnerkontakt', () => {
  /** His handläggare, in the perpetrator team: her handläggare has no work relation to him. */
  let his: { session: LoggedIn; userId: string; unitId: string };
  beforeAll(async () => {
    const team = (await createUnit(t.database.db, { name: 'Våldsutövarteamet' })).id;
    const worker = await createUser(t.database.db, {
      grants: [{ unitId: team, role: 'adult_caseworker' }],
      totp: false,
    });
    his = { session: await loginAs(t.app, worker, now), userId: worker.id, unitId: team };
  });

  /** His case, in the perpetrator team, related to her as a partner who uses violence. */
  async function hisCase(
    herPersonId: string | null,
    familyName: string,
    protectionLevel = 'none',
  ): Promise<{ caseId: string; personId: string }> {
    const payload = {
      ...intakePayload(
        his.unitId,
        {
          existing: false,
          newPerson: { identity: null, givenName: 'Jon', familyName, protectionLevel },
        },
        { acuteNeed: 'no', receivedAt: '2026-11-09T08:00:00Z' },
      ),
      targetGroup: 'perpetrator',
    };
    payload.intake.type = 'application_oral';
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/intakes',
      headers: his.session.headers,
      payload,
    });
    expect(created.statusCode, created.body).toBe(201);
    const him = created.json<{ caseId: string; personId: string }>();
    if (herPersonId) {
      await t.database.db
        .insertInto('person_relation')
        .values({
          person_id: him.personId,
          related_person_id: herPersonId,
          kind: 'partner',
          violence: 'person_against_related',
          created_by: null,
        })
        .execute();
    }
    return him;
  }

  async function communicated(familyName: string) {
    const { caseId, personId } = await intake('victim', familyName);
    const opened = await send('POST', `/api/cases/${caseId}/preliminary-assessment`, {
      outcome: 'open_investigation',
      template: 'victim',
      reason: 'Ansöker om partnerkontakt.',
      version: (await detail(caseId)).version,
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const communication = await send('POST', `/api/cases/${caseId}/communications`, {
      what: 'Utredningen',
      communicatedOn: today,
      method: { kind: 'meeting' },
      version: (await detail(caseId)).version,
    });
    expect(communication.statusCode, communication.body).toBe(201);
    return { caseId, personId };
  }
  const body = (version: number, conditions?: object) => ({
    intervention: 'partner_contact',
    requested: 'Partnerkontakt medan han går i behandling.',
    outcome: 'granted',
    motivation: 'Partnerkontakten ökar hennes och barnens säkerhet.',
    decidedOn: today,
    period: { from: today, to: null },
    notified: null,
    ...(conditions ? { conditions } : {}),
    version,
  });
  const people = { contactPerson: 'Sara Lind', perpetratorTherapist: 'Per Ek' };
  /** His consent in his register, given 2026-11-02 and valid until 2027-05-02 unless told. */
  const consent = (
    caseId: string,
    over: Partial<Parameters<typeof partnerContactConsent>[1]> = {},
  ) =>
    partnerContactConsent(t.database.db, {
      caseId,
      unitId,
      recordedBy: his.userId,
      givenOn: '2026-11-02',
      validUntil: '2027-05-02',
      ...over,
    });
  const offered = async (caseId: string) => {
    const res = await send('GET', `/api/cases/${caseId}/partner-contact-consents`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: { id: string; givenOn: string; validUntil: string }[] }>().items;
  };
  const decide = async (caseId: string, consentId: string, extra: object = people) =>
    send(
      'POST',
      `/api/cases/${caseId}/decisions`,
      body((await detail(caseId)).version, { partnerContact: { consentId, ...extra } }),
    );
  const disclosuresOf = (caseId: string) =>
    t.database.db.selectFrom('disclosure').selectAll().where('case_id', '=', caseId).execute();

  it('rests on his consent to the unit, recorded as a disclosure in his case', async () => {
    const her = await communicated('Partnersson');
    const him = await hisCase(her.personId, 'Behandlarsson');
    const consentId = await consent(him.caseId);

    const listed = await send('GET', `/api/cases/${her.caseId}/partner-contact-consents`);
    expect(listed.statusCode, listed.body).toBe(200);
    // By id and dates only: nothing else of his file.
    expect(listed.json()).toEqual({
      items: [{ id: consentId, givenOn: '2026-11-02', validUntil: '2027-05-02' }],
    });
    const audit = await t.database.db
      .selectFrom('audit_event')
      .select(['action', 'person_ids', 'case_ids'])
      .where('correlation_id', '=', listed.headers['x-correlation-id'] as string)
      .execute();
    expect(audit).toEqual([
      {
        action: 'consent.partner_contact.read',
        person_ids: [her.personId, him.personId],
        case_ids: [her.caseId, him.caseId],
      },
    ]);

    const bare = await send(
      'POST',
      `/api/cases/${her.caseId}/decisions`,
      body((await detail(her.caseId)).version),
    );
    expect(bare.statusCode).toBe(409);
    expect(messageOf(bare).message).toContain('våldsutövarens dokumenterade samtycke');
    const same = await decide(her.caseId, consentId, {
      contactPerson: 'Sara Lind',
      perpetratorTherapist: ' sara  lind',
    });
    expect(same.statusCode).toBe(409);
    expect(messageOf(same).message).toContain('inte vara samma person');
    expect(await decisionsOf(her.caseId)).toEqual([]);
    expect(await disclosuresOf(him.caseId)).toEqual([]);

    const ok = await decide(her.caseId, consentId);
    expect(ok.statusCode, ok.body).toBe(201);
    const decisionId = ok.json<{ id: string }>().id;
    const [decision] = await decisionsOf(her.caseId);
    expect(decision?.current.conditions).toEqual({
      partnerContact: { consentId, consentOn: '2026-11-02', ...people },
    });
    expect(await disclosuresOf(him.caseId)).toEqual([
      expect.objectContaining({
        person_id: him.personId,
        purpose: 'partner_contact',
        categories: ['treatment'],
        recipient_kind: 'unit',
        recipient_id: unitId,
        consent_id: consentId,
        decision_id: decisionId,
      }),
    ]);
    // Nothing of his is recorded in her case's register.
    expect(await disclosuresOf(her.caseId)).toEqual([]);
    const pdf = await send('GET', `/api/decisions/${decisionId}/decision.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect((await readPdf(pdf.rawPayload)).text).toContain('Våldsutövaren samtyckte 2026-11-02');

    // A new version rests on the consent again, and discloses again.
    const revised = await send('POST', `/api/decisions/${decisionId}/versions`, {
      ...body(1, { partnerContact: { consentId, ...people, contactPerson: 'Lena Ek' } }),
      kind: 'correction',
      reason: 'Fel kontaktperson.',
    });
    expect(revised.statusCode, revised.body).toBe(201);
    expect((await disclosuresOf(him.caseId)).map((d) => d.decision_id)).toEqual([
      decisionId,
      decisionId,
    ]);
  });

  it('is refused on a revoked or expired consent, naming it', async () => {
    const her = await communicated('Återkallarsson');
    const him = await hisCase(her.personId, 'Ångrarsson');
    const revoked = await consent(him.caseId);
    await t.database.db
      .insertInto('consent_revocation')
      .values({
        consent_id: revoked,
        revoked_on: '2026-11-08',
        how: 'Han sa det till sin handläggare.',
        recorded_by: his.userId,
        recorded_at: now,
      })
      .execute();
    const expired = await consent(him.caseId, { givenOn: '2026-05-01', validUntil: '2026-11-01' });
    expect(await offered(her.caseId)).toEqual([]);

    const onRevoked = await decide(her.caseId, revoked);
    expect(onRevoked.statusCode).toBe(409);
    expect(messageOf(onRevoked).message).toContain('återkallades 2026-11-08');
    const onExpired = await decide(her.caseId, expired);
    expect(onExpired.statusCode).toBe(409);
    expect(messageOf(onExpired).message).toContain('gällde till och med 2026-11-01');
    expect(await decisionsOf(her.caseId)).toEqual([]);
    expect(await disclosuresOf(him.caseId)).toEqual([]);
  });

  it('offers and takes only consents to this unit, for partnerkontakt, of a person whose file she may know of', async () => {
    const her = await communicated('Grannsson');
    const him = await hisCase(her.personId, 'Annanenhetsson');
    const toTheTeam = await consent(him.caseId, { unitId: his.unitId });
    const forSamråd = await consent(him.caseId, { purposes: ['coordination_meeting'] });
    // A stranger to her, with a consent to her unit.
    const stranger = await hisCase(null, 'Främlingsson');
    const strangers = await consent(stranger.caseId);
    // Related to her but protected: only whoever may open his file knows of it.
    const hidden = await hisCase(her.personId, 'Skyddsson', 'protected_registration');
    const hiddens = await consent(hidden.caseId);
    expect(await offered(her.caseId)).toEqual([]);

    for (const consentId of [toTheTeam, forSamråd, strangers, hiddens]) {
      const res = await decide(her.caseId, consentId);
      expect(res.statusCode).toBe(409);
      // Nothing more than that it is not among his consents to the unit.
      expect(messageOf(res).message).toBe(
        'Samtycket finns inte bland våldsutövarens samtycken till partnerkontakt med enheten. Välj ett av de samtycken som erbjuds.',
      );
    }
    expect(await decisionsOf(her.caseId)).toEqual([]);
  });

  it('shows a beslut recorded before the register, with only the day of his consent', async () => {
    const her = await communicated('Tidigaresson');
    const him = await hisCase(her.personId, 'Förrsson');
    const ok = await decide(her.caseId, await consent(him.caseId));
    expect(ok.statusCode, ok.body).toBe(201);
    const decisionId = ok.json<{ id: string }>().id;
    const first = await t.database.db
      .selectFrom('decision_version')
      .selectAll()
      .where('decision_id', '=', decisionId)
      .executeTakeFirstOrThrow();
    const before = { partnerContact: { consentOn: '2026-10-30', ...people } };
    await t.database.db
      .insertInto('decision_version')
      .values({
        ...first,
        version: 2,
        kind: 'correction',
        change_reason: 'Som det skrevs före samtyckesregistret.',
        conditions: JSON.stringify(before),
      })
      .execute();
    const [decision] = await decisionsOf(her.caseId);
    expect(decision?.current.conditions).toEqual(before);
    const pdf = await send('GET', `/api/decisions/${decisionId}/decision.pdf`);
    expect((await readPdf(pdf.rawPayload)).text).toContain('Våldsutövaren samtyckte 2026-10-30');
  });
});

describe('the catalogue is data', () => {
  it('a version loaded and put in force changes names, target groups and delegation at once', async () => {
    const admin = await loginAs(
      t.app,
      await createUser(t.database.db, { grants: [{ unitId, role: 'administrator' }] }),
      now,
    );
    const asAdmin = (method: 'POST' | 'GET', url: string, payload?: object) =>
      t.app.inject({ method, url, headers: admin.headers, ...(payload ? { payload } : {}) });
    const shipped = (await send('GET', '/api/intervention-catalogue')).json<
      typeof defaultInterventionCatalogue
    >();
    expect(shipped).toEqual(defaultInterventionCatalogue);

    // The municipality decides that tillfälligt boende is not given to perpetrators, calls
    // skyddat boende by its local name, and takes partnerkontakt from the caseworkers.
    const local = {
      ...defaultInterventionCatalogue,
      id: 'kommunen-insatser-2',
      name: 'Kommunens insatskatalog',
      version: 2,
      entries: defaultInterventionCatalogue.entries.map((e) =>
        e.code === 'temporary_housing'
          ? { ...e, targetGroups: e.targetGroups.filter((g) => g !== 'perpetrator') }
          : e.code === 'shelter'
            ? { ...e, name: 'Skyddat boende (kommunens)' }
            : e.code === 'partner_contact'
              ? { ...e, delegation: ['unit_manager'] }
              : e,
      ),
    };
    const broken = await asAdmin('POST', '/api/admin/intervention-catalogues', {
      ...local,
      entries: local.entries.slice(1),
    });
    expect(broken.statusCode).toBe(400);
    const loaded = await asAdmin('POST', '/api/admin/intervention-catalogues', local);
    expect(loaded.statusCode, loaded.body).toBe(201);
    const { caseId } = await intake('perpetrator', 'Lokalsson');
    // Loaded is not in force.
    expect((await detail(caseId)).abilities.decide).toContain('temporary_housing');

    const activated = await asAdmin(
      'POST',
      '/api/admin/intervention-catalogues/kommunen-insatser-2/activation',
    );
    expect(activated.statusCode, activated.body).toBe(200);
    try {
      expect((await detail(caseId)).abilities.decide).toEqual(['financial_assistance']);
      const refused = await send(
        'POST',
        `/api/cases/${caseId}/acute-decisions`,
        acute('temporary_housing', (await detail(caseId)).version),
      );
      expect(refused.statusCode).toBe(409);
      expect(messageOf(refused).message).toContain('Tillfälligt boende ges inte till målgruppen');
      const victim = await intake('victim', 'Lokaldottir');
      const partnerContact = await send(
        'POST',
        `/api/cases/${victim.caseId}/acute-decisions`,
        acute('partner_contact', (await detail(victim.caseId)).version),
      );
      // Partnerkontakt: the caseworker no longer holds delegation under this catalogue.
      expect(partnerContact.statusCode).toBe(403);
      expect((await detail(victim.caseId)).abilities.decide).not.toContain('partner_contact');
    } finally {
      const back = await asAdmin(
        'POST',
        `/api/admin/intervention-catalogues/${defaultInterventionCatalogue.id}/activation`,
      );
      expect(back.statusCode).toBe(200);
    }
  });
});
