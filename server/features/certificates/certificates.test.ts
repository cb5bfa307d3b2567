import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Certificate } from '../../../core/contracts/certificates.ts';
import { httpAs } from '../../test/http.ts';
import { readPdf } from '../../test/pdf-reader.ts';
import { createTestApp } from '../../test/test-app.ts';
import type { TestApp } from '../../test/test-app.ts';
import { buildWorld } from '../../test/world.ts';
import type { World } from '../../test/world.ts';

/**
 * Intyg over real HTTP: written in versions by the assigned handläggare, refused while a
 * statement names someone else of the file without its secrecy test or the recipient is one the
 * disclosure guard refuses; reviewed by the enhetschef (never by a writer), issued once, and
 * printed as the version issued with the source of each statement; every step audited.
 */

let t: TestApp;
let w: World;
let base: string;
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
const url = (caseId: string, rest = '') => `/api/cases/${caseId}/certificates${rest}`;
const list = async (caseId: string, as: 'assigned' | 'manager' = 'assigned') => {
  const res = await send('GET', url(caseId), undefined, as);
  expect(res.status, res.text).toBe(200);
  return res.json() as { canWrite: boolean; certificates: Certificate[] };
};
const one = async (caseId: string, id: string, as: 'assigned' | 'manager' = 'assigned') =>
  (await list(caseId, as)).certificates.find((c) => c.id === id)!;
const auditOf = (correlationId: string) =>
  t.database.db
    .selectFrom('audit_event')
    .select(['action', 'details', 'person_ids', 'case_ids'])
    .where('correlation_id', '=', correlationId)
    .execute();

const forLawyer = (over: object = {}) => ({
  purpose: 'legal_proceedings',
  purposeText: 'Underlag till målsägandebiträdet i målet om grov kvinnofridskränkning.',
  recipient: { name: 'Advokat Maria Lind, målsägandebiträde', channel: null },
  certifies:
    'Att hon har haft kontakt med socialtjänsten sedan oktober 2026 om våld i nära relation.',
  statements: [
    {
      text: 'Hon har berättat att hon har utsatts för våld i hemmet under flera år.',
      source: { kind: 'person', detail: null },
      clearance: null,
    },
    {
      text: 'En strukturerad riskbedömning har gjorts i ärendet.',
      source: { kind: 'case_record', detail: 'Riskbedömning november 2026' },
      clearance: null,
    },
  ],
  ...over,
});

describe('an intyg', () => {
  it('is written, reviewed by the enhetschef, issued and printed with the source of each statement', async () => {
    const caseId = w.persons.p.caseId;
    const created = await send('POST', url(caseId), forLawyer());
    expect(created.status, created.text).toBe(201);
    const { id, version } = created.json() as { id: string; version: number };
    expect(version).toBe(1);
    expect(await auditOf(created.correlationId)).toEqual([
      {
        action: 'certificate.write',
        details: { certificateId: id, version: 1 },
        person_ids: [w.persons.p.id],
        case_ids: [caseId],
      },
    ]);

    const draft = await one(caseId, id);
    expect(draft).toMatchObject({
      version: 1,
      issued: null,
      mayReview: false,
      writtenBy: { id: w.users.assigned.id },
      current: { recipient: { name: 'Advokat Maria Lind, målsägandebiträde', channel: null } },
    });
    expect(draft.problems).toEqual([
      'Version 1 av intyget är inte granskad. Någon annan än den som skrev intyget måste granska det innan det utfärdas.',
    ]);
    // Not issued before it is reviewed, and the refusal says so; no PDF of a draft.
    const early = await send('POST', url(caseId, `/${id}/issue`), { version: 1 });
    expect(early.status, early.text).toBe(409);
    expect(errorOf(early).message).toContain('inte granskad');
    const draftPdf = await send('GET', url(caseId, `/${id}/intyg.pdf`));
    expect(draftPdf.status).toBe(409);

    // The writer may not review it.
    const own = await send('POST', url(caseId, `/${id}/reviews`), {
      version: 1,
      outcome: 'approved',
      comment: null,
      confirmed: { purposeClear: true, factsOnly: true, sourcesShown: true },
    });
    expect(own.status, own.text).toBe(403);

    // The enhetschef returns it, the handläggare writes version 2, the enhetschef approves it.
    expect((await one(caseId, id, 'manager')).mayReview).toBe(true);
    const returned = await send(
      'POST',
      url(caseId, `/${id}/reviews`),
      {
        version: 1,
        outcome: 'returned',
        comment: 'Skriv när kontakten började.',
        confirmed: { purposeClear: true, factsOnly: true, sourcesShown: false },
      },
      'manager',
    );
    expect(returned.status, returned.text).toBe(201);
    expect((await one(caseId, id)).problems[0]).toMatch(/lämnade tillbaka version 1/);
    const revised = await send('POST', url(caseId, `/${id}/versions`), {
      ...forLawyer({
        certifies: 'Att hon har haft kontakt med socialtjänsten sedan den 3 oktober 2026.',
      }),
      version: 1,
    });
    expect(revised.status, revised.text).toBe(201);
    // A second writer from the same version is refused: nothing is overwritten.
    const stale = await send('POST', url(caseId, `/${id}/versions`), {
      ...forLawyer(),
      version: 1,
    });
    expect(stale.status).toBe(409);
    expect(errorOf(stale).code).toBe('VERSION_CONFLICT');
    // Approving without the confirmations is a 400 on them.
    const unconfirmed = await send(
      'POST',
      url(caseId, `/${id}/reviews`),
      {
        version: 2,
        outcome: 'approved',
        comment: null,
        confirmed: { purposeClear: true, factsOnly: false, sourcesShown: true },
      },
      'manager',
    );
    expect(unconfirmed.status).toBe(400);
    expect(errorOf(unconfirmed).fields?.map((f) => f.path)).toEqual(['body.confirmed']);
    const approved = await send(
      'POST',
      url(caseId, `/${id}/reviews`),
      {
        version: 2,
        outcome: 'approved',
        comment: null,
        confirmed: { purposeClear: true, factsOnly: true, sourcesShown: true },
      },
      'manager',
    );
    expect(approved.status, approved.text).toBe(201);
    const reviewId = (approved.json() as { id: string }).id;
    expect(await auditOf(approved.correlationId)).toEqual([
      expect.objectContaining({
        action: 'certificate.review',
        details: { certificateId: id, reviewId },
      }),
    ]);
    expect((await one(caseId, id)).problems).toEqual([]);

    // Only the newest version is issued.
    const old = await send('POST', url(caseId, `/${id}/issue`), { version: 1 });
    expect(old.status).toBe(409);
    const issued = await send('POST', url(caseId, `/${id}/issue`), { version: 2 });
    expect(issued.status, issued.text).toBe(200);
    expect(await auditOf(issued.correlationId)).toEqual([
      expect.objectContaining({
        action: 'certificate.issue',
        details: { certificateId: id, version: 2 },
      }),
    ]);
    const shown = await one(caseId, id);
    expect(shown.issued).toMatchObject({ version: 2, issuedBy: { id: w.users.assigned.id } });
    expect(shown.mayReview).toBe(false);
    // Issued is final: no new version, no second issue.
    const after = await send('POST', url(caseId, `/${id}/versions`), {
      ...forLawyer(),
      version: 2,
    });
    expect(after.status).toBe(409);
    expect(errorOf(after).message).toContain('redan utfärdat');
    expect((await send('POST', url(caseId, `/${id}/issue`), { version: 2 })).status).toBe(409);

    const pdf = await send('GET', url(caseId, `/${id}/intyg.pdf`));
    expect(pdf.status, pdf.text).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const { text } = await readPdf(pdf.bytes);
    expect(text).toContain('Intyg');
    expect(text).toContain('Underlag till målsägandebiträdet');
    expect(text).toContain('sedan den 3 oktober 2026');
    expect(text).toContain('Källa: Personen själv');
    expect(text).toContain(
      'Källa: Bedömning eller uppgift som redan finns i ärendet – Riskbedömning november 2026',
    );
    expect(text).toContain('Granskat av');
    expect(await auditOf(pdf.correlationId)).toEqual([
      expect.objectContaining({
        action: 'document.export',
        details: { document: 'certificate', certificateId: id },
      }),
    ]);
  });

  it('says nothing about another person of the file without a secrecy test, and goes to nobody who uses violence against her', async () => {
    const caseId = w.persons.p.caseId;
    const him = await send('POST', `/api/cases/${caseId}/counterparts`, {
      identity: null,
      givenName: 'Kalle',
      familyName: 'Våldsson',
      description: null,
      relation: 'partner',
      usesViolence: true,
      livesTogether: 'yes',
      contact: [{ kind: 'email', value: 'kalle@example.org' }],
      whereabouts: null,
    });
    expect(him.status, him.text).toBe(201);
    const naming = forLawyer({
      statements: [
        {
          text: 'Hon har berättat att Kalle Våldsson slog henne i september.',
          source: { kind: 'person', detail: null },
          clearance: null,
        },
      ],
    });
    const created = await send('POST', url(caseId), naming);
    expect(created.status, created.text).toBe(201);
    const { id } = created.json() as { id: string };
    expect((await one(caseId, id)).problems).toContain(
      'Uppgift 1 nämner en annan person än den intyget gäller. Ange sekretessprövningen som visar att uppgiften kan lämnas, eller ta bort den.',
    );
    const review = {
      outcome: 'approved',
      comment: null,
      confirmed: { purposeClear: true, factsOnly: true, sourcesShown: true },
    };
    const refused = await send(
      'POST',
      url(caseId, `/${id}/reviews`),
      { ...review, version: 1 },
      'manager',
    );
    expect(refused.status, refused.text).toBe(409);
    expect(errorOf(refused).message).toContain('Uppgift 1 nämner en annan person');
    expect(errorOf(refused).message).not.toContain('Våldsson');

    // With the secrecy test, it may be approved — but not to him, nor to his e-mail.
    const cleared = {
      ...naming,
      statements: [
        {
          ...naming.statements[0],
          clearance:
            'Prövat 2026-12-03: uppgiften behövs i målet och kan lämnas till hennes ombud.',
        },
      ],
    };
    const toHim = await send('POST', url(caseId, `/${id}/versions`), {
      ...cleared,
      recipient: {
        name: 'Advokat Maria Lind',
        channel: { kind: 'email', value: 'KALLE@example.org' },
      },
      version: 1,
    });
    expect(toHim.status, toHim.text).toBe(201);
    const guarded = await one(caseId, id);
    expect(guarded.problems).toContain(
      'E-postadressen KALLE@example.org är registrerad för en person som utövar våld mot personen. Välj en annan väg.',
    );
    expect(
      (await send('POST', url(caseId, `/${id}/reviews`), { ...review, version: 2 }, 'manager'))
        .status,
    ).toBe(409);
    const fixed = await send('POST', url(caseId, `/${id}/versions`), { ...cleared, version: 2 });
    expect(fixed.status, fixed.text).toBe(201);
    const ok = await send(
      'POST',
      url(caseId, `/${id}/reviews`),
      { ...review, version: 3 },
      'manager',
    );
    expect(ok.status, ok.text).toBe(201);
    expect((await send('POST', url(caseId, `/${id}/issue`), { version: 3 })).status).toBe(200);
  });

  it('answers bad input with the field to mend, and writes nothing', async () => {
    const caseId = w.persons.p.caseId;
    const before = (await list(caseId)).certificates.length;
    const bad = await send(
      'POST',
      url(caseId),
      forLawyer({
        purposeText: ' ',
        statements: [{ text: 'Något.', source: { kind: 'agency', detail: null }, clearance: null }],
      }),
    );
    expect(bad.status).toBe(400);
    expect(
      errorOf(bad)
        .fields?.map((f) => f.path)
        .sort(),
    ).toEqual(['body.purposeText', 'body.statements.0.source.detail']);
    const none = await send('POST', url(caseId), forLawyer({ statements: [] }));
    expect(none.status).toBe(400);
    expect((await list(caseId)).certificates.length).toBe(before);
    // Another case's intyg is not found through this one.
    const mine = (await list(caseId)).certificates[0]!;
    const elsewhere = await send('POST', url(w.persons.q.caseId, `/${mine.id}/issue`), {
      version: mine.version,
    });
    expect(elsewhere.status).toBe(404);
  });
});
