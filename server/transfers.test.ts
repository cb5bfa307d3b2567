import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail } from '../core/contracts/cases.ts';
import { TransferPackage } from '../core/contracts/transfer-package.ts';
import type { Transfer } from '../core/contracts/transfers.ts';
import { parseConfig } from './config.ts';
import { httpAs } from './test/http.ts';
import { foreignPackage } from './test/transfer-packages.ts';
import { readPdf } from './test/pdf-reader.ts';
import { intakePayload } from './test/factories.ts';
import { createTestApp } from './test/test-app.ts';
import type { TestApp } from './test/test-app.ts';
import { buildWorld } from './test/world.ts';
import type { World } from './test/world.ts';
import { stockholmDate } from './time.ts';
import { packageDigest } from './case-kernel/transfer-packages.ts';

/**
 * Moving a case to another municipality over real HTTP, between two Värn installations on their
 * own databases: the request, the enhetschef's decision, the answer, the package (refused while
 * her protected address is in the utredning), the case closed here — and the package read into a
 * new case in the other Värn, where the man who uses violence against her is a counterpart whose
 * phone the guard refuses. The canary: her address and phone, the journal, the intake's content
 * and who reported it are in none of the package's JSON or its PDFs.
 */

let a: TestApp;
let b: TestApp;
let wa: World;
let wb: World;
let baseA: string;
let baseB: string;
const today = stockholmDate(new Date());

beforeAll(async () => {
  const config = (municipality: string) =>
    parseConfig({ NODE_ENV: 'test', VARN_DEMO_DATA: 'false', VARN_MUNICIPALITY: municipality });
  a = await createTestApp({ config: config('Avsändarkommunen') });
  b = await createTestApp({ config: config('Mottagarkommunen') });
  wa = await buildWorld(a);
  wb = await buildWorld(b);
  baseA = await a.app.listen({ port: 0, host: '127.0.0.1' });
  baseB = await b.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await a.close();
  await b.close();
});

const sendA = httpAs(
  () => baseA,
  () => wa,
  'assigned',
);
const sendB = httpAs(
  () => baseB,
  () => wb,
  'assigned',
);
const errorOf = (res: { json: () => unknown }) =>
  (res.json() as { error: { code: string; message: string; fields?: { message: string }[] } })
    .error;

const HER_ADDRESS = 'Kanariestigen 3, 765 43 Gömstad';
const HER_PHONE = '073-765 43 21';
const HIS_PHONE = '070-111 22 33';
const canaries = ['Kanariestigen', '7654321', 'JOURNALKANARIE', 'INTAKEKANARIE', 'Grannsdotter'];
const RECEIVER = { kind: 'email', value: 'socialtjansten@mottagarkommunen.example' };

/** Her case in A: protected, a child, a partner who uses violence, in utredning, communicated. */
async function herCase(personnummer = '19811218-9876') {
  const payload = intakePayload(wa.units.adult, {
    existing: false,
    newPerson: {
      identity: { kind: 'personnummer', number: personnummer },
      givenName: 'Vera',
      familyName: 'Vinter',
      protectionLevel: 'protected_registration',
    },
  });
  payload.intake.from = 'Greta Grannsdotter, granne';
  payload.intake.content = `Grannen hör skrik. INTAKEKANARIE. Hon bor på ${HER_ADDRESS}.`;
  const created = await sendA('POST', '/api/intakes', {
    ...payload,
    household: {
      adults: [],
      children: [
        { givenName: 'Lilla', familyName: 'Vinter', identity: null, statedAge: 7, guardian: true },
      ],
    },
  });
  expect(created.status, created.text).toBe(201);
  const { caseId, personId } = created.json() as { caseId: string; personId: string };
  const version = async () =>
    ((await sendA('GET', `/api/cases/${caseId}`)).json() as CaseDetail).version;
  const ok = async (res: Promise<{ status: number; text: string }>) => {
    const r = await res;
    expect(r.status, r.text).toBeLessThan(300);
  };
  const db = a.database.db;
  const child = await db
    .selectFrom('person_relation')
    .select('related_person_id')
    .where('person_id', '=', personId)
    .where('kind', '=', 'parent_of')
    .executeTakeFirstOrThrow();
  await ok(
    sendA('POST', `/api/cases/${caseId}/child-report-waivers`, {
      childPersonId: child.related_person_id,
      reason: 'Polisen har redan gjort orosanmälan.',
    }),
  );
  await db
    .insertInto('contact_channel')
    .values([
      {
        person_id: personId,
        kind: 'address',
        value: HER_ADDRESS,
        safe_for_contact: false,
        note: null,
      },
      { person_id: personId, kind: 'phone', value: HER_PHONE, safe_for_contact: true, note: null },
    ])
    .execute();
  await ok(
    sendA('POST', `/api/cases/${caseId}/counterparts`, {
      identity: null,
      givenName: 'Kalle',
      familyName: 'Kanarie',
      description: null,
      relation: 'partner',
      usesViolence: true,
      livesTogether: 'no',
      contact: [{ kind: 'phone', value: HIS_PHONE }],
      whereabouts: null,
    }),
  );
  await ok(
    sendA('POST', `/api/cases/${caseId}/journal`, {
      occurredOn: today,
      text: `Samtal med Vera. JOURNALKANARIE. Hon nås på ${HER_PHONE}.`,
      source: { kind: 'person', detail: null },
    }),
  );
  await ok(
    sendA('POST', `/api/cases/${caseId}/application`, {
      kind: 'consent',
      form: 'oral',
      receivedOn: today,
      note: 'Samtycker till utredning.',
      version: await version(),
    }),
  );
  await ok(
    sendA('POST', `/api/cases/${caseId}/preliminary-assessment`, {
      outcome: 'open_investigation',
      template: 'victim',
      reason: 'Utredning inleds.',
      version: await version(),
    }),
  );
  // The utredning carries her address: the package must not leave until it is corrected.
  await ok(
    sendA('PUT', `/api/cases/${caseId}/investigation/sections/background`, {
      version: 0,
      statements: [
        {
          text: `Vera bor sedan oktober på ${HER_ADDRESS} och vill flytta till sin syster.`,
          source: { kind: 'person', detail: null },
        },
      ],
    }),
  );
  await ok(
    sendA('POST', `/api/cases/${caseId}/communications`, {
      what: 'Utredningen',
      communicatedOn: today,
      method: { kind: 'meeting' },
      version: await version(),
    }),
  );
  await ok(
    sendA('POST', `/api/cases/${caseId}/decisions`, {
      intervention: 'shelter',
      requested: 'Skyddat boende.',
      outcome: 'granted',
      motivation: 'Hög risk för fortsatt våld.',
      decidedOn: today,
      period: { from: today, to: stockholmDate(new Date(Date.now() + 30 * 86_400_000)) },
      notified: null,
      version: await version(),
    }),
  );
  return { caseId, personId, version };
}

describe('moving a case to another municipality', () => {
  it('requests, decides, packages without her protected data, imports into another Värn and closes the case here', async () => {
    const { caseId, version } = await herCase();
    const on = (rest = '') => `/api/cases/${caseId}/transfers${rest}`;

    // Sent towards him: refused by the guard before anything is written.
    const toHim = await sendA('POST', on(), {
      receivingMunicipality: 'Mottagarkommunen',
      channel: { kind: 'phone', value: '+46 70 111 22 33' },
      grounds: 'Hennes syster bor där.',
      wishes: 'Hon vill flytta dit.',
      duration: 'Minst ett år.',
    });
    expect(toHim.status, toHim.text).toBe(409);
    expect(errorOf(toHim).message).toContain('utövar våld');
    expect(errorOf(toHim).message).not.toContain('Kalle');

    const requested = await sendA('POST', on(), {
      receivingMunicipality: 'Mottagarkommunen',
      channel: RECEIVER,
      grounds: 'Hennes syster och hennes nya arbete finns där.',
      wishes: 'Hon vill bo nära sin syster.',
      duration: 'Behovet av stöd väntas bestå i minst ett år.',
    });
    expect(requested.status, requested.text).toBe(201);
    const { id } = requested.json() as { id: string };
    const second = await sendA('POST', on(), {
      receivingMunicipality: 'Tredje kommunen',
      channel: RECEIVER,
      grounds: 'x',
      wishes: 'y',
      duration: 'z',
    });
    expect(second.status).toBe(409);
    expect(errorOf(second).message).toContain('Det finns redan en begäran');

    // The answer and the package wait for the enhetschef's decision, and say so.
    const early = await sendA('POST', on(`/${id}/answer`), {
      outcome: 'accepted',
      decidedOn: today,
      reference: null,
      comment: null,
    });
    expect(early.status).toBe(409);
    expect(errorOf(early).message).toBe(
      'Enhetschefen har inte beslutat att begära överflyttningen.',
    );
    const own = await sendA('POST', on(`/${id}/approval`), {});
    expect(own.status).toBe(403);
    expect(errorOf(own).code).toBe('NO_DELEGATION');
    const listed = (await sendA('GET', on(), undefined, 'manager')).json() as {
      transfers: Transfer[];
    };
    expect(listed.transfers[0]?.mayApprove).toBe(true);
    const approved = await sendA('POST', on(`/${id}/approval`), {}, 'manager');
    expect(approved.status, approved.text).toBe(201);
    expect((await sendA('POST', on(`/${id}/approval`), {}, 'manager')).status).toBe(409);

    const answered = await sendA('POST', on(`/${id}/answer`), {
      outcome: 'accepted',
      decidedOn: today,
      reference: 'MK 2026/117',
      comment: null,
    });
    expect(answered.status, answered.text).toBe(201);

    // Her address is in the utredning: the list says what would leak, and the package is refused.
    const waiting = ((await sendA('GET', on())).json() as { transfers: Transfer[] }).transfers[0];
    expect(waiting?.stage).toBe('accepted');
    expect(waiting?.problems.join(' ')).toContain('innehåller personens adress');
    const refused = await sendA('POST', on(`/${id}/package`), {});
    expect(refused.status).toBe(409);
    expect(errorOf(refused).message).toContain('innehåller personens adress');
    expect(errorOf(refused).message).not.toContain('Kanariestigen');
    // Closed with its beslut, the utredning cannot be corrected: it is left out, and said to be.
    const listedAccepted = ((await sendA('GET', on())).json() as { transfers: Transfer[] })
      .transfers[0];
    expect(listedAccepted?.candidates).toEqual([
      { filename: 'utredning.pdf', title: expect.any(String) as string, leaks: true },
      { filename: 'beslut-1.pdf', title: expect.any(String) as string, leaks: false },
    ]);
    const unknown = await sendA('POST', on(`/${id}/package`), { leaveOut: ['annat.pdf'] });
    expect(unknown.status).toBe(409);
    const produced = await sendA('POST', on(`/${id}/package`), { leaveOut: ['utredning.pdf'] });
    expect(produced.status, produced.text).toBe(201);
    const { packageId, sha256 } = produced.json() as { packageId: string; sha256: string };

    const file = await sendA('GET', on(`/${id}/package.json`));
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toContain('application/json');
    expect(file.headers.get('content-disposition')).toContain('overflyttningspaket.json');
    const pkg = TransferPackage.parse(file.json());
    const { digest, ...content } = pkg;
    expect(digest).toBe(packageDigest(content));
    expect(pkg.packageId).toBe(packageId);
    expect(sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(pkg.sender.municipality).toBe('Avsändarkommunen');
    expect(pkg.legalBasis).toBe('2 a kap. 10 § SoL');
    expect(pkg.person).toMatchObject({
      givenName: 'Vera',
      familyName: 'Vinter',
      identity: { kind: 'personnummer', number: '198112189876' },
      protectionLevel: 'protected_registration',
    });
    expect(pkg.violentParties).toEqual([
      {
        givenName: 'Kalle',
        familyName: 'Kanarie',
        relation: 'partner',
        knownChannels: [{ kind: 'phone', value: HIS_PHONE }],
      },
    ]);
    expect(pkg.children).toEqual([
      { givenName: 'Lilla', familyName: 'Vinter', identity: null, statedAge: 7, guardian: true },
    ]);
    expect(pkg.decisions).toHaveLength(1);
    expect(pkg.documents.map((d) => d.kind)).toEqual(['decision']);
    expect(pkg.documentsLeftOut).toEqual([{ title: listedAccepted?.candidates[0]?.title }]);
    // The canary: nothing of hers that must stay, nor the journal, the intake or its reporter.
    const pdfText = (
      await Promise.all(pkg.documents.map((d) => readPdf(Buffer.from(d.pdf, 'base64'))))
    )
      .map((p) => p.text)
      .join('\n');
    expect(pdfText).toContain('Skyddat boende');
    for (const text of [file.text, pdfText]) {
      const flat = text.replace(/[\s-]/g, '');
      for (const c of canaries) expect(flat, c).not.toContain(c);
    }

    // Sent: the case closes here, with the transfer as its reason; nothing more is written on it.
    const early2 = await sendA('POST', on(`/${id}/completion`), {
      sentOn: '2099-01-01',
      version: 1,
    });
    expect(early2.status).toBe(400);
    const completed = await sendA('POST', on(`/${id}/completion`), {
      sentOn: today,
      version: await version(),
    });
    expect(completed.status, completed.text).toBe(201);
    // Closed like any case: out of the handläggare's reach (issue 19), the transfer its reason.
    expect((await sendA('GET', `/api/cases/${caseId}`)).status).toBe(404);
    const db = a.database.db;
    const closedRow = await db
      .selectFrom('case')
      .select('status')
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(closedRow.status).toBe('closed');
    const closing = await db
      .selectFrom('case_event')
      .select('payload')
      .where('case_id', '=', caseId)
      .where('type', '=', 'case_closed')
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(closing.payload)).toContain('överflyttat till Mottagarkommunen');
    const completion = await db
      .selectFrom('case_transfer_completion')
      .select('sent_on')
      .where('transfer_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(completion.sent_on).toBe(today);
    const exported = await db
      .selectFrom('audit_event')
      .select('action')
      .where('action', 'in', ['transfer.package', 'transfer.complete', 'document.export'])
      .execute();
    expect(new Set(exported.map((e) => e.action))).toEqual(
      new Set(['transfer.package', 'transfer.complete', 'document.export']),
    );

    // The other Värn reads it in: a new case, with what came and the documents as they came.
    const imported = await sendB('POST', '/api/transfer-imports', {
      unitId: wb.units.adult,
      package: pkg,
      acuteScreening: { acuteNeed: 'no', motivation: 'Hon bor i skyddat boende enligt beslutet.' },
      assignToMe: true,
    });
    expect(imported.status, imported.text).toBe(201);
    const made = imported.json() as { outcome: string; caseId: string; personId: string };
    expect(made.outcome).toBe('registered');
    const there = (await sendB('GET', `/api/cases/${made.caseId}`)).json() as CaseDetail;
    expect(there.status).not.toBe('closed');
    const info = (await sendB('GET', `/api/cases/${made.caseId}/transfer-import`)).json() as {
      import: { fromMunicipality: string; documents: { id: string; filename: string }[] };
    };
    expect(info.import.fromMunicipality).toBe('Avsändarkommunen');
    expect(info.import.documents.map((d) => d.filename)).toEqual(['beslut-1.pdf']);
    const pdf = await sendB(
      'GET',
      `/api/cases/${made.caseId}/transfer-import/documents/${info.import.documents[0]?.id ?? ''}/document.pdf`,
    );
    expect(pdf.status).toBe(200);
    expect(pdf.bytes.equals(Buffer.from(pkg.documents[0]?.pdf ?? '', 'base64'))).toBe(true);
    const person = await b.database.db
      .selectFrom('person')
      .select(['identity_number', 'protection_level'])
      .where('id', '=', made.personId)
      .executeTakeFirstOrThrow();
    expect(person).toEqual({
      identity_number: '198112189876',
      protection_level: 'protected_registration',
    });
    // He is a counterpart in her new file, with his phone: the guard there knows him too.
    const him = await b.database.db
      .selectFrom('counterpart')
      .select(['given_name', 'uses_violence', 'relation', 'contact'])
      .where('person_id', '=', made.personId)
      .execute();
    expect(him).toEqual([
      {
        given_name: 'Kalle',
        uses_violence: true,
        relation: 'partner',
        contact: [{ kind: 'phone', value: HIS_PHONE }],
      },
    ]);
    // A case read in starts as any aktualisering: no transfer onward before its förhandsbedömning.
    const onward = await sendB('POST', `/api/cases/${made.caseId}/transfers`, {
      receivingMunicipality: 'Tredje kommunen',
      channel: RECEIVER,
      grounds: 'x',
      wishes: 'y',
      duration: 'z',
    });
    expect(onward.status).toBe(409);
    expect(errorOf(onward).message).toContain('Gör förhandsbedömningen först');
    // The child's duty to report opens there too.
    expect(there.childReportDuties.length).toBeGreaterThan(0);

    // Once only, and never altered.
    const again = await sendB('POST', '/api/transfer-imports', {
      unitId: wb.units.adult,
      package: pkg,
      acuteScreening: { acuteNeed: 'no', motivation: 'x' },
      assignToMe: true,
    });
    expect(again.status).toBe(409);
    expect(errorOf(again).message).toBe('Paketet är redan inläst.');
    const tampered = {
      ...pkg,
      packageId: crypto.randomUUID(),
      request: { ...pkg.request, grounds: 'Ändrat.' },
    };
    const bad = await sendB('POST', '/api/transfer-imports', {
      unitId: wb.units.adult,
      package: tampered,
      acuteScreening: { acuteNeed: 'no', motivation: 'x' },
      assignToMe: true,
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(errorOf(bad))).toContain('kontrollsumma');
    const future = await sendB('POST', '/api/transfer-imports', {
      unitId: wb.units.adult,
      package: { ...pkg, version: 2 },
      acuteScreening: { acuteNeed: 'no', motivation: 'x' },
      assignToMe: true,
    });
    expect(future.status).toBe(400);
  });

  it('lets a refused request end and a new one be written; a request is never written twice at once', async () => {
    const { caseId } = await herCase('19850505-1238');
    const on = (rest = '') => `/api/cases/${caseId}/transfers${rest}`;
    const body = {
      receivingMunicipality: 'Mottagarkommunen',
      channel: RECEIVER,
      grounds: 'Hennes syster bor där.',
      wishes: 'Hon vill flytta dit.',
      duration: 'Minst ett år.',
    };
    const racing = await Promise.all([sendA('POST', on(), body), sendA('POST', on(), body)]);
    expect(racing.map((r) => r.status).sort()).toEqual([201, 409]);
    const { id } = (racing.find((r) => r.status === 201)?.json() ?? {}) as { id: string };
    // Decided once, however many press at the same moment.
    const deciding = await Promise.all([
      sendA('POST', on(`/${id}/approval`), {}, 'manager'),
      sendA('POST', on(`/${id}/approval`), {}, 'manager'),
    ]);
    expect(deciding.map((r) => r.status).sort()).toEqual([201, 409]);
    const no = await sendA('POST', on(`/${id}/answer`), {
      outcome: 'refused',
      decidedOn: today,
      reference: null,
      comment: 'Anknytningen är starkare till er kommun.',
    });
    expect(no.status, no.text).toBe(201);
    const listed = ((await sendA('GET', on())).json() as { transfers: Transfer[] }).transfers;
    expect(listed[0]?.stage).toBe('refused');
    expect(listed[0]?.problems[0]).toContain('Inspektionen för vård och omsorg');
    const pack = await sendA('POST', on(`/${id}/package`), {});
    expect(pack.status).toBe(409);
    expect(errorOf(pack).message).toContain('avslagit');
    expect((await sendA('POST', on(), body)).status).toBe(201);
  });

  it('routes a package about a person with a file here to the unit responsible, telling the reader nothing more', async () => {
    const pkg = foreignPackage();
    const { digest: _old, ...content } = pkg;
    const about = {
      ...content,
      person: {
        ...content.person,
        identity: { kind: 'personnummer' as const, number: wb.persons.p.personnummer },
      },
    };
    const routed = await sendB(
      'POST',
      '/api/transfer-imports',
      {
        unitId: wb.units.adult,
        package: { ...about, digest: packageDigest(about) },
        acuteScreening: { acuteNeed: 'no', motivation: 'Inget akut behov.' },
        assignToMe: true,
      },
      'colleague',
    );
    expect(routed.status, routed.text).toBe(201);
    expect(routed.json()).toEqual({ outcome: 'routed', unitName: expect.any(String) as string });
    expect(routed.text).not.toContain(wb.persons.p.caseId);
  });

  it('reads a package in once when two press at the same moment', async () => {
    const pkg = foreignPackage();
    const body = {
      unitId: wb.units.adult,
      package: pkg,
      acuteScreening: { acuteNeed: 'no', motivation: 'Inget akut behov.' },
      assignToMe: false,
    };
    const both = await Promise.all([
      sendB('POST', '/api/transfer-imports', body),
      sendB('POST', '/api/transfer-imports', body, 'colleague'),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    const rows = await b.database.db
      .selectFrom('transfer_import')
      .select('case_id')
      .where('package_id', '=', pkg.packageId)
      .execute();
    expect(rows).toHaveLength(1);
    // The loser's intake rolled back with it: one person made, with one case.
    const persons = await b.database.db
      .selectFrom('person')
      .select('id')
      .where('given_name', '=', pkg.person.givenName)
      .where('family_name', '=', pkg.person.familyName)
      .execute();
    expect(persons).toHaveLength(1);
    const cases = await b.database.db
      .selectFrom('case')
      .select('id')
      .where('person_id', '=', persons[0]?.id ?? '')
      .execute();
    expect(cases).toHaveLength(1);
  });
});
