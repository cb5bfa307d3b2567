import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../../core/contracts/cases.ts';
import type { CaseConsents } from '../../../core/contracts/consents.ts';
import { addDays } from '../../../core/domain/calendar.ts';
import { signedFormPdf } from '../../test/consents.ts';
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

describe('the signed consent, attached', () => {
  // A real, if tiny, PDF and PNG: what a scanner or a phone gives, by their first bytes.
  const pdf = signedFormPdf;
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    Buffer.from('IHDR-och-resten'),
  ]);
  const file = (bytes: Buffer, filename = 'samtycke underskrivet.pdf') => ({
    filename,
    content: bytes.toString('base64'),
  });
  const documentUrl = (caseId: string, consentId: string, documentId: string) =>
    `/api/cases/${caseId}/consents/${consentId}/documents/${documentId}`;

  it('keeps the file with the consent, gives it back as it came, downloaded, and audits both', async () => {
    const caseId = w.persons.p.caseId;
    const res = await send(
      'POST',
      `/api/cases/${caseId}/consents`,
      schoolConsent({ documentReference: null, document: file(pdf) }),
    );
    expect(res.status, res.text).toBe(201);
    const { id } = res.json() as { id: string };
    const consent = (await register(caseId)).consents.find((c) => c.id === id);
    expect(consent?.documents).toEqual([
      {
        id: expect.any(String) as string,
        filename: 'samtycke underskrivet.pdf',
        mediaType: 'application/pdf',
        sizeBytes: pdf.length,
        attachedBy: { id: w.users.assigned.id, displayName: expect.any(String) as string },
        attachedAt: expect.any(String) as string,
      },
    ]);
    const documentId = consent?.documents[0]?.id ?? '';
    const recorded = await t.database.db
      .selectFrom('audit_event')
      .select(['action', 'details'])
      .where('correlation_id', '=', res.correlationId)
      .execute();
    expect(recorded).toEqual([
      { action: 'consent.record', details: { consentId: id, documentId } },
    ]);

    const got = await send('GET', documentUrl(caseId, id, documentId));
    expect(got.status, got.text).toBe(200);
    expect(got.bytes.equals(pdf)).toBe(true);
    expect(got.headers.get('content-type')).toBe('application/pdf');
    // Downloaded under a name that says what it is, not the free text it came with; never
    // run in Värn's origin.
    expect(got.headers.get('content-disposition')).toBe('attachment; filename="samtycke.pdf"');
    expect(got.headers.get('content-security-policy')).toContain('sandbox');
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    expect(got.headers.get('cache-control')).toBe('no-store');
    const read = await t.database.db
      .selectFrom('audit_event')
      .select(['action', 'details', 'person_ids', 'case_ids'])
      .where('correlation_id', '=', got.correlationId)
      .execute();
    expect(read).toEqual([
      {
        action: 'consent.document.read',
        details: { consentId: id, documentId },
        person_ids: [w.persons.p.id],
        case_ids: [caseId],
      },
    ]);

    // Through another case, or another consent, the document is not there.
    expect((await send('GET', documentUrl(w.persons.q.caseId, id, documentId))).status).toBe(404);
    const other = await send('POST', `/api/cases/${caseId}/consents`, schoolConsent());
    const otherId = (other.json() as { id: string }).id;
    expect((await send('GET', documentUrl(caseId, otherId, documentId))).status).toBe(404);
  });

  it('attaches a later scan to a written consent, even a revoked one, and never to an oral one', async () => {
    const caseId = w.persons.p.caseId;
    const written = await send('POST', `/api/cases/${caseId}/consents`, schoolConsent());
    const { id } = written.json() as { id: string };
    await send('POST', `/api/cases/${caseId}/consents/${id}/revocation`, {
      revokedOn: today,
      how: 'Hon ringde.',
    });
    const attached = await send(
      'POST',
      `/api/cases/${caseId}/consents/${id}/documents`,
      file(png, 'foto.png'),
    );
    expect(attached.status, attached.text).toBe(201);
    const documentId = (attached.json() as { id: string }).id;
    const audit = await t.database.db
      .selectFrom('audit_event')
      .select(['action', 'details'])
      .where('correlation_id', '=', attached.correlationId)
      .execute();
    expect(audit).toEqual([
      { action: 'consent.document.attach', details: { consentId: id, documentId } },
    ]);
    const got = await send('GET', documentUrl(caseId, id, documentId));
    expect(got.headers.get('content-type')).toBe('image/png');
    expect(got.bytes.equals(png)).toBe(true);

    const oral = await send(
      'POST',
      `/api/cases/${caseId}/consents`,
      schoolConsent({ way: 'oral', documentReference: null }),
    );
    const oralId = (oral.json() as { id: string }).id;
    const refused = await send(
      'POST',
      `/api/cases/${caseId}/consents/${oralId}/documents`,
      file(pdf),
    );
    expect(refused.status, refused.text).toBe(409);
    expect(errorOf(refused).message).toBe(
      'Samtycket lämnades muntligt och har inget dokument att bifoga.',
    );
    // Attaching is working the case: a reader who may not record may not attach.
    const manager = await send(
      'POST',
      `/api/cases/${caseId}/consents/${id}/documents`,
      file(pdf),
      'manager',
    );
    expect(manager.status, manager.text).toBe(403);
  });

  it('knows a file by its first bytes, refuses anything else or too large, and saves nothing', async () => {
    const caseId = w.persons.p.caseId;
    const before = await t.database.db
      .selectFrom('consent_document')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const consents = (await register(caseId)).consents.length;
    const html = Buffer.from('<html><script>alert(1)</script></html>');
    const cases: [object, string][] = [
      [{ documentReference: null, document: file(html, 'samtycke.pdf') }, 'body.document.content'],
      [{ document: { filename: 'a.pdf', content: 'inte base64!' } }, 'body.document.content'],
      [{ document: { filename: '', content: pdf.toString('base64') } }, 'body.document.filename'],
      [{ document: file(pdf, '../../etc/passwd') }, 'body.document.filename'],
      [{ way: 'oral', documentReference: null, document: file(pdf) }, 'body.document.content'],
      [{ document: { ...file(pdf), extra: 1 } }, 'body.document'],
    ];
    for (const [over, path] of cases) {
      const res = await send('POST', `/api/cases/${caseId}/consents`, schoolConsent(over));
      expect(res.status, `${JSON.stringify(over).slice(0, 80)}: ${res.text}`).toBe(400);
      expect(errorOf(res).fields?.map((f) => f.path)).toContain(path);
    }
    const written = await send('POST', `/api/cases/${caseId}/consents`, schoolConsent());
    const { id } = written.json() as { id: string };
    const url = `/api/cases/${caseId}/consents/${id}/documents`;
    const notPdf = await send('POST', url, file(html));
    expect(notPdf.status, notPdf.text).toBe(400);
    expect(errorOf(notPdf).fields).toEqual([
      { path: 'body.content', message: 'Bifoga samtycket som PDF, JPEG eller PNG.' },
    ]);
    // Over 4 MB: the contract's limit on the base64, with a message a person can act on.
    const big = Buffer.concat([pdf, Buffer.alloc(4 * 1024 * 1024)]);
    const tooBig = await send('POST', url, file(big));
    expect(tooBig.status, tooBig.text.slice(0, 200)).toBe(400);
    expect(errorOf(tooBig).fields?.[0]).toMatchObject({
      path: 'body.content',
      message: 'Filen får vara högst 4 MB.',
    });
    const after = await t.database.db
      .selectFrom('consent_document')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    expect((await register(caseId)).consents.length).toBe(consents + 1);
  });
});
