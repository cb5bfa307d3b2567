import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../../core/contracts/cases.ts';
import type { CaseConsents } from '../../../core/contracts/consents.ts';
import { addDays } from '../../../core/domain/calendar.ts';
import { httpAs } from '../../test/http.ts';
import { createTestApp } from '../../test/test-app.ts';
import type { TestApp } from '../../test/test-app.ts';
import { buildWorld } from '../../test/world.ts';
import type { World } from '../../test/world.ts';
import { stockholmDate } from '../../time.ts';

/**
 * The consent register over real HTTP: a consent recorded with what, to whom, for what, from
 * when until when, how; its status as the days go; revoked once, effective at once; bad input a
 * 400 naming the field and saving nothing; every read and write audited with the consent's id.
 * Whether a consent covers a disclosure is core/domain/consents.ts's; the uppdrag that discloses
 * on one is server/features/commissions/commissions.test.ts's.
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
const register = async (caseId: string) => {
  const res = await send('GET', `/api/cases/${caseId}/consents`);
  expect(res.status, res.text).toBe(200);
  return res.json() as CaseConsents;
};
const errorOf = (res: { json: () => unknown }) =>
  (res.json() as { error: { code: string; message: string; fields?: { path: string }[] } }).error;

const schoolConsent = (over: object = {}) => ({
  categories: ['name', 'situation'],
  purposes: ['coordination_meeting'],
  purposeText: 'Samråd med skolan om barnens trygghet.',
  recipient: { kind: 'agency', name: 'Kvarnbyskolan' },
  givenOn: today,
  validUntil: addDays(today, 90),
  way: 'written',
  documentReference: 'Undertecknat samtycke, dnr 2026/77',
  ...over,
});

describe('the consent register', () => {
  it('records a consent with its recipient, purpose, days and way, and shows its status', async () => {
    const caseId = w.persons.p.caseId;
    const res = await send('POST', `/api/cases/${caseId}/consents`, schoolConsent());
    expect(res.status, res.text).toBe(201);
    const { id } = res.json() as { id: string };
    const toShelter = await send(
      'POST',
      `/api/cases/${caseId}/consents`,
      schoolConsent({
        categories: ['name', 'phone'],
        purposes: ['commission'],
        recipient: { kind: 'provider', providerId: w.providers.own },
        validUntil: addDays(today, 10),
        way: 'oral',
        documentReference: null,
      }),
    );
    expect(toShelter.status, toShelter.text).toBe(201);
    const shelterId = (toShelter.json() as { id: string }).id;

    const list = await register(caseId);
    expect(list.consents.find((c) => c.id === id)).toMatchObject({
      categories: ['name', 'situation'],
      purposes: ['coordination_meeting'],
      recipient: { kind: 'agency', id: null, name: 'Kvarnbyskolan' },
      givenOn: today,
      validUntil: addDays(today, 90),
      way: 'written',
      documentReference: 'Undertecknat samtycke, dnr 2026/77',
      status: 'valid',
      recordedBy: { id: w.users.assigned.id },
      revocation: null,
    });
    // Ten days left: time to ask for a new one — a deadline of the case.
    expect(list.consents.find((c) => c.id === shelterId)).toMatchObject({
      recipient: { kind: 'provider', id: w.providers.own },
      status: 'expiring',
    });
    const detail = (await send('GET', `/api/cases/${caseId}`)).json() as CaseDetail;
    expect(detail.deadlines).toContainEqual(
      expect.objectContaining({ kind: 'consent_expiry', dueOn: addDays(today, 10) }),
    );
    expect(list.options?.providers.map((p) => p.id)).toContain(w.providers.own);
    expect(list.options?.units.map((u) => u.id)).toContain(w.units.children);

    const audit = await t.database.db
      .selectFrom('audit_event')
      .select(['action', 'details', 'person_ids', 'case_ids'])
      .where('correlation_id', '=', res.correlationId)
      .execute();
    expect(audit).toEqual([
      {
        action: 'consent.record',
        details: { consentId: id },
        person_ids: [w.persons.p.id],
        case_ids: [caseId],
      },
    ]);
  });

  it('revokes a consent once, effective at once, with how and when', async () => {
    const caseId = w.persons.p.caseId;
    const made = await send('POST', `/api/cases/${caseId}/consents`, schoolConsent());
    const { id } = made.json() as { id: string };
    const url = `/api/cases/${caseId}/consents/${id}/revocation`;
    const early = await send('POST', url, { revokedOn: addDays(today, -1), how: 'I telefon.' });
    expect(early.status, early.text).toBe(400);
    expect(errorOf(early).fields?.map((f) => f.path)).toEqual(['body.revokedOn']);
    const future = await send('POST', url, { revokedOn: addDays(today, 1), how: 'I telefon.' });
    expect(future.status, future.text).toBe(400);

    const revoked = await send('POST', url, { revokedOn: today, how: 'Hon ringde och sa nej.' });
    expect(revoked.status, revoked.text).toBe(201);
    const again = await send('POST', url, { revokedOn: today, how: 'Igen.' });
    expect(again.status, again.text).toBe(409);
    expect(errorOf(again).message).toBe(`Samtycket återkallades redan ${today}.`);
    const consent = (await register(caseId)).consents.find((c) => c.id === id);
    expect(consent).toMatchObject({
      status: 'revoked',
      revocation: {
        revokedOn: today,
        how: 'Hon ringde och sa nej.',
        recordedBy: { id: w.users.assigned.id },
      },
    });
    // A consent of another case is not this case's to revoke.
    const other = await send('POST', `/api/cases/${w.persons.q.caseId}/consents/${id}/revocation`, {
      revokedOn: today,
      how: 'Fel ärende.',
    });
    expect(other.status, other.text).toBe(404);
  });

  it('refuses bad input with a message naming the field, and saves nothing', async () => {
    const caseId = w.persons.p.caseId;
    const before = (await register(caseId)).consents.length;
    const cases: [object, string][] = [
      [{ categories: [] }, 'body.categories'],
      [{ purposes: [] }, 'body.purposes'],
      [{ categories: ['address'] }, 'body.categories.0'],
      [{ recipient: { kind: 'agency', name: ' ' } }, 'body.recipient.name'],
      [{ recipient: { kind: 'unit' } }, 'body.recipient.unitId'],
      [{ givenOn: addDays(today, 1) }, 'body.givenOn'],
      [{ validUntil: addDays(today, -1) }, 'body.validUntil'],
      [{ documentReference: null }, 'body.documentReference'],
      [{ categories: ['name', 'name'] }, 'body.categories'],
    ];
    for (const [over, path] of cases) {
      const res = await send('POST', `/api/cases/${caseId}/consents`, schoolConsent(over));
      expect(res.status, `${JSON.stringify(over)}: ${res.text}`).toBe(400);
      expect(errorOf(res).fields?.map((f) => f.path)).toContain(path);
    }
    const unknownUnit = await send(
      'POST',
      `/api/cases/${caseId}/consents`,
      schoolConsent({ recipient: { kind: 'unit', unitId: w.persons.p.id } }),
    );
    expect(unknownUnit.status, unknownUnit.text).toBe(409);
    expect(errorOf(unknownUnit).message).toBe('Enheten finns inte. Välj en enhet i listan.');
    expect((await register(caseId)).consents.length).toBe(before);
  });

  it('shows the register without the form to a reader who may not record', async () => {
    const res = await send(
      'GET',
      `/api/cases/${w.persons.p.caseId}/consents`,
      undefined,
      'manager',
    );
    expect(res.status, res.text).toBe(200);
    expect((res.json() as CaseConsents).options).toBeNull();
  });
});
