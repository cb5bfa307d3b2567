import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseAgencyDisclosures } from '../../../core/contracts/agency-disclosures.ts';
import type { CaseConsents } from '../../../core/contracts/consents.ts';
import { addDays } from '../../../core/domain/calendar.ts';
import { structuredAssessment } from '../../test/agency-disclosures.ts';
import { httpAs } from '../../test/http.ts';
import { createTestApp } from '../../test/test-app.ts';
import type { TestApp } from '../../test/test-app.ts';
import { buildWorld } from '../../test/world.ts';
import type { World } from '../../test/world.ts';
import { stockholmDate } from '../../time.ts';

/**
 * Disclosure to the police and other agencies over real HTTP: on a legal basis with the secrecy
 * test, or on her consent to that agency for that purpose — and refused, naming the consent,
 * once it is revoked; our risk assessment shared as information about the violence; each one a
 * disclosure of the register, audited; and her own decision about reporting, as it stands.
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
  (
    res.json() as {
      error: { code: string; message: string; fields?: { path: string; message: string }[] };
    }
  ).error;
const list = async (caseId: string, as: 'assigned' | 'manager' = 'assigned') => {
  const res = await send('GET', `/api/cases/${caseId}/agency-disclosures`, undefined, as);
  expect(res.status, res.text).toBe(200);
  return res.json() as CaseAgencyDisclosures;
};
const toPolice = (over: object = {}) => ({
  agency: { kind: 'police', name: 'Polisen region Stockholm' },
  receivedBy: 'Inspektör Berg, relationsvåldsgruppen',
  disclosedOn: today,
  way: 'oral',
  categories: ['name', 'violence'],
  what: 'Att hon hotats till livet i går och var han kan befinna sig.',
  riskAssessmentId: null,
  ground: {
    kind: 'legal',
    basis: 'secrecyViolencePrevention',
    secrecyTest:
      'Uppgifterna behövs för att polisen ska kunna förebygga våld mot henne; risken är hög.',
  },
  ...over,
});

describe('disclosure to the police and other agencies', () => {
  it('records a disclosure on a legal basis with its secrecy test, a disclosure of the register too, audited', async () => {
    const caseId = w.persons.p.caseId;
    const assessmentId = await structuredAssessment(t.database.db, {
      caseId,
      assessedBy: w.users.assigned.id,
    });
    const offered = await list(caseId);
    expect(offered.riskAssessments?.map((r) => r.id)).toContain(assessmentId);
    // The grounds offered, as the catalogue in force cites them.
    expect(offered.legalBases).toEqual([
      {
        basis: 'secrecyViolencePrevention',
        reference: '10 kap. 18 c § offentlighets- och sekretesslagen (2009:400)',
      },
      {
        basis: 'secrecyOverridePolice',
        reference: '10 kap. 23 § offentlighets- och sekretesslagen (2009:400)',
      },
      {
        basis: 'secrecyNecessaryDisclosure',
        reference: '10 kap. 2 § offentlighets- och sekretesslagen (2009:400)',
      },
    ]);
    const res = await send(
      'POST',
      `/api/cases/${caseId}/agency-disclosures`,
      toPolice({ riskAssessmentId: assessmentId }),
    );
    expect(res.status, res.text).toBe(201);
    const { id } = res.json() as { id: string };
    const shown = (await list(caseId)).disclosures.find((d) => d.id === id);
    expect(shown).toMatchObject({
      agency: { kind: 'police', name: 'Polisen region Stockholm' },
      receivedBy: 'Inspektör Berg, relationsvåldsgruppen',
      disclosedOn: today,
      way: 'oral',
      categories: ['name', 'violence'],
      riskAssessment: { id: assessmentId, assessedOn: today },
      ground: {
        consentId: null,
        legalBasis: 'secrecyViolencePrevention',
        legalReference: '10 kap. 18 c § offentlighets- och sekretesslagen (2009:400)',
      },
      decidedBy: { id: w.users.assigned.id },
    });
    // In the register's list of every disclosure of the case, with the same ground.
    const register = (await send('GET', `/api/cases/${caseId}/consents`)).json() as CaseConsents;
    expect(register.disclosures).toContainEqual(
      expect.objectContaining({
        purpose: 'agency_disclosure',
        recipient: { kind: 'agency', id: null, name: 'Polisen region Stockholm' },
        legalReference: '10 kap. 18 c § offentlighets- och sekretesslagen (2009:400)',
      }),
    );
    const audit = await t.database.db
      .selectFrom('audit_event')
      .select(['action', 'details', 'person_ids', 'case_ids'])
      .where('correlation_id', '=', res.correlationId)
      .execute();
    expect(audit).toEqual([
      {
        action: 'agency_disclosure.record',
        details: { agencyDisclosureId: id, disclosureId: expect.any(String) as string },
        person_ids: [w.persons.p.id],
        case_ids: [caseId],
      },
    ]);
    // The manager reads it, and is offered nothing to share.
    const manager = await list(caseId, 'manager');
    expect(manager.disclosures.map((d) => d.id)).toContain(id);
    expect(manager.riskAssessments).toBeNull();
    expect(manager.canWrite).toBe(false);
    expect(offered.canWrite).toBe(true);
  });

  it('rests on her consent to that agency for that purpose, and is refused naming it once revoked', async () => {
    const caseId = w.persons.p.caseId;
    const made = await send('POST', `/api/cases/${caseId}/consents`, {
      categories: ['name', 'situation'],
      purposes: ['agency_disclosure'],
      purposeText: 'Att Försäkringskassan får veta att hon bor i skyddat boende.',
      recipient: { kind: 'agency', name: 'Försäkringskassan' },
      givenOn: today,
      validUntil: addDays(today, 60),
      way: 'oral',
      documentReference: null,
    });
    expect(made.status, made.text).toBe(201);
    const consentId = (made.json() as { id: string }).id;
    const body = toPolice({
      agency: { kind: 'other', name: 'försäkringskassan' },
      categories: ['name', 'situation'],
      what: 'Att hon bor i skyddat boende sedan en vecka.',
      ground: { kind: 'consent', consentId },
    });
    const ok = await send('POST', `/api/cases/${caseId}/agency-disclosures`, body);
    expect(ok.status, ok.text).toBe(201);

    // Not to another agency, not more than she said yes to.
    const police = await send('POST', `/api/cases/${caseId}/agency-disclosures`, {
      ...body,
      agency: { kind: 'police', name: 'Polisen' },
    });
    expect(police.status, police.text).toBe(409);
    expect(errorOf(police).message).toContain('Försäkringskassan');
    const wider = await send('POST', `/api/cases/${caseId}/agency-disclosures`, {
      ...body,
      categories: ['name', 'situation', 'violence'],
    });
    expect(wider.status, wider.text).toBe(409);

    await send('POST', `/api/cases/${caseId}/consents/${consentId}/revocation`, {
      revokedOn: today,
      how: 'Hon ringde.',
    });
    const revoked = await send('POST', `/api/cases/${caseId}/agency-disclosures`, body);
    expect(revoked.status, revoked.text).toBe(409);
    expect(errorOf(revoked).message).toContain('återkallades');
    expect(errorOf(revoked).message).toContain('Försäkringskassan');
  });

  it('refuses bad input with a message on the field, and saves nothing', async () => {
    const caseId = w.persons.p.caseId;
    const before = (await list(caseId)).disclosures.length;
    const other = await structuredAssessment(t.database.db, {
      caseId: w.persons.q.caseId,
      assessedBy: w.users.assigned.id,
    });
    const own = await structuredAssessment(t.database.db, {
      caseId,
      assessedBy: w.users.assigned.id,
    });
    const cases: [object, string][] = [
      [{ disclosedOn: addDays(today, 1) }, 'body.disclosedOn'],
      [{ categories: [] }, 'body.categories'],
      [{ categories: ['name', 'name'] }, 'body.categories'],
      [{ what: ' ' }, 'body.what'],
      [{ agency: { kind: 'police', name: '' } }, 'body.agency.name'],
      [{ agency: { kind: 'embassy', name: 'X' } }, 'body.agency.kind'],
      [{ riskAssessmentId: other }, 'body.riskAssessmentId'],
      [{ riskAssessmentId: own, categories: ['name'] }, 'body.categories'],
      [
        { ground: { kind: 'legal', basis: 'secrecyViolencePrevention' } },
        'body.ground.secrecyTest',
      ],
    ];
    for (const [over, path] of cases) {
      const res = await send('POST', `/api/cases/${caseId}/agency-disclosures`, toPolice(over));
      expect(res.status, `${JSON.stringify(over)}: ${res.text}`).toBe(400);
      expect(errorOf(res).fields?.map((f) => f.path)).toContain(path);
    }
    // A secrecy test that says nothing is the rule's refusal.
    const thin = await send(
      'POST',
      `/api/cases/${caseId}/agency-disclosures`,
      toPolice({
        ground: { kind: 'legal', basis: 'secrecyOverridePolice', secrecyTest: 'Behövs.' },
      }),
    );
    expect(thin.status, thin.text).toBe(409);
    expect((await list(caseId)).disclosures.length).toBe(before);
    // Whoever may only read the case may not disclose from it.
    const manager = await send(
      'POST',
      `/api/cases/${caseId}/agency-disclosures`,
      toPolice(),
      'manager',
    );
    expect(manager.status, manager.text).toBe(403);
  });
});

describe('the disclosure guard', () => {
  it('refuses a disclosure to someone recorded as using violence against her, saying which entry', async () => {
    const caseId = w.persons.p.caseId;
    const him = await send('POST', `/api/cases/${caseId}/counterparts`, {
      identity: null,
      givenName: 'Kalle',
      familyName: 'Våldsson',
      description: null,
      relation: 'partner',
      usesViolence: true,
      livesTogether: 'yes',
      contact: [{ kind: 'phone', value: '070-555 66 77' }],
      whereabouts: null,
    });
    expect(him.status, him.text).toBe(201);
    const before = (await list(caseId)).disclosures.length;
    const refused = await send(
      'POST',
      `/api/cases/${caseId}/agency-disclosures`,
      toPolice({
        agency: { kind: 'other', name: 'Advokatbyrån Lag & Rätt' },
        receivedBy: 'advokat kalle VÅLDSSON',
      }),
    );
    expect(refused.status, refused.text).toBe(409);
    expect(errorOf(refused).message).toBe(
      'Mottagaren "advokat kalle VÅLDSSON" har samma namn som en person som är registrerad som våldsutövare mot personen. Kontrollera mottagaren.',
    );
    expect((await list(caseId)).disclosures.length).toBe(before);
    // Another Kalle is not him.
    const other = await send(
      'POST',
      `/api/cases/${caseId}/agency-disclosures`,
      toPolice({ receivedBy: 'Kalle Berg' }),
    );
    expect(other.status, other.text).toBe(201);
  });
});

describe('her decision about reporting', () => {
  it('is recorded each time she says it; the newest is where she stands', async () => {
    const caseId = w.persons.p.caseId;
    const url = `/api/cases/${caseId}/crime-report-decisions`;
    const first = await send('POST', url, {
      decision: 'declined',
      decidedOn: addDays(today, -3),
      note: 'Hon är rädd för vad han gör om hon anmäler.',
    });
    expect(first.status, first.text).toBe(201);
    const second = await send('POST', url, {
      decision: 'will_report',
      decidedOn: today,
      note: null,
    });
    expect(second.status, second.text).toBe(201);
    const { crimeReport } = await list(caseId);
    expect(crimeReport.map((c) => c.decision)).toEqual(['will_report', 'declined']);
    expect(crimeReport[1]).toMatchObject({
      decidedOn: addDays(today, -3),
      note: 'Hon är rädd för vad han gör om hon anmäler.',
      recordedBy: { id: w.users.assigned.id },
    });
    const future = await send('POST', url, {
      decision: 'reported',
      decidedOn: addDays(today, 1),
      note: null,
    });
    expect(future.status).toBe(400);
    expect(errorOf(future).fields?.map((f) => f.path)).toEqual(['body.decidedOn']);
    const bad = await send('POST', url, { decision: 'maybe', decidedOn: today, note: null });
    expect(bad.status).toBe(400);
    const audit = await t.database.db
      .selectFrom('audit_event')
      .select(['action', 'details'])
      .where('correlation_id', '=', second.correlationId)
      .execute();
    expect(audit).toEqual([
      {
        action: 'crime_report.record',
        details: { decisionId: (second.json() as { id: string }).id },
      },
    ]);
  });
});
