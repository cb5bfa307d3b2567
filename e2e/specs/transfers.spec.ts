import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { swedishDate } from '../clock.ts';
import { DEMO_PASSWORD, expectAccessible, expect, test } from '../fixtures.ts';

/**
 * Överflyttning (2 a kap. 10 § SoL): the handläggare asks that a woman's case be moved to
 * Mottagarkommunen, where she has her family; the enhetschef decides to make the request; the
 * answer "Godtar" is recorded; the package is produced and downloaded — her name in it, none of
 * her addresses, and the address of the man who uses violence only among the violent parties,
 * for the receiver's guard — and the case is closed here as transferred. A second Värn, serving
 * Mottagarkommunen, reads the package in as a new case with the documents that came with it.
 */

const caseUrl = /\/arenden\/([0-9a-f-]{36})$/;
const woman = { givenName: 'Tove', familyName: 'Flyttsson' };
const herAddress = 'Flyttgatan 5, 123 45 Exempelstad';
const him = { givenName: 'Vidar', familyName: 'Vargsson' };
const hisAddress = 'Vargvägen 13, 123 45 Exempelstad';
const receiver = 'Mottagarkommunen';
const receiverEmail = 'socialtjansten@mottagarkommunen.example';
const grounds = 'Hennes föräldrar och syskon bor i Mottagarkommunen, och hon har arbete där.';
const wishes = 'Hon vill flytta till sina föräldrar och få sitt stöd där.';
const duration = 'Stödet väntas behövas i minst ett år.';

// The second Värn, for Mottagarkommunen: its own port, data and demo data.
const secondPort = Number(process.env.E2E_PORT ?? 3111) + 50;
const secondUrl = `http://127.0.0.1:${String(secondPort)}`;
const projectRoot = path.resolve(import.meta.dirname, '../..');
let secondServer: ChildProcess | undefined;
let secondDataDir = '';
let secondOutput = '';
let downloadDir = '';

test.beforeAll(() => {
  secondDataDir = mkdtempSync(path.join(os.tmpdir(), 'varn-e2e-receiver-'));
  downloadDir = mkdtempSync(path.join(os.tmpdir(), 'varn-e2e-transfer-'));
  // Started now, so it boots while the first part runs; the second part waits for it.
  secondServer = spawn(process.execPath, ['server/main.ts'], {
    cwd: projectRoot,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      PORT: String(secondPort),
      HOST: '127.0.0.1',
      VARN_DATA_DIR: secondDataDir,
      VARN_DEMO_DATA: 'true',
      VARN_MUNICIPALITY: receiver,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    secondOutput = (secondOutput + chunk.toString()).slice(-4000);
  };
  secondServer.stdout?.on('data', keep);
  secondServer.stderr?.on('data', keep);
});

test.afterAll(async () => {
  const server = secondServer;
  if (server && server.exitCode === null && server.signalCode === null) {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    const timer = setTimeout(() => server.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  }
  if (secondDataDir) rmSync(secondDataDir, { recursive: true, force: true });
  if (downloadDir) rmSync(downloadDir, { recursive: true, force: true });
});

/** Waits for the second Värn to answer GET /ready with 200, for up to two minutes. */
async function secondServerReady() {
  const until = Date.now() + 120_000;
  while (Date.now() < until) {
    if (secondServer?.exitCode !== null && secondServer?.exitCode !== undefined) {
      throw new Error(
        `The second Värn exited (${String(secondServer.exitCode)}):\n${secondOutput}`,
      );
    }
    const status = await fetch(`${secondUrl}/ready`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`The second Värn did not get ready in two minutes:\n${secondOutput}`);
}

/** Logs in through the login page, as the fixture does, on a page of another context. */
async function loginOn(page: Page, username: string) {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Logga in' })).toBeVisible();
  await page.getByLabel('Användarnamn').fill(username);
  await page.getByLabel('Lösenord', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page.getByRole('button', { name: 'Logga ut' })).toBeVisible();
}

/** The case page's tab "Överflyttning", its heading shown. */
async function openTab(page: Page, visit: (path: string) => Promise<void>, caseId: string) {
  await visit(`/arenden/${caseId}?flik=overflyttning`);
  await expect(
    page.getByRole('heading', { level: 2, name: 'Överflyttning', exact: true }),
  ).toBeVisible();
}

test('a case moves to another municipality: requested, decided, accepted, packaged, read in there', async ({
  page,
  login,
  visit,
  browser,
}) => {
  // Two Värn, three logins, an acute beslut and a package: well more than the default minute.
  test.setTimeout(300_000);
  await login('anna.handlaggare');

  // Her application, with acute need: an acute beslut on skyddat boende is its document.
  await visit('/arenden/ny');
  await page.getByLabel('Målgrupp').selectOption({ label: 'Våldsutsatt vuxen' });
  await page.getByRole('radio', { name: 'En ny person' }).check();
  await page.getByLabel('Förnamn', { exact: true }).fill(woman.givenName);
  await page.getByLabel('Efternamn', { exact: true }).fill(woman.familyName);
  await page.getByRole('radio', { name: 'Ansökan (muntlig)' }).check();
  await page.getByLabel('Från vem').fill('Personen själv');
  await page.getByLabel('Hur kom uppgifterna in?').selectOption({ label: 'Telefon' });
  await page
    .getByLabel('Vad har kommit in?')
    .fill('Sambon har slagit henne; hon vill bort från honom och flytta till sina föräldrar.');
  await page.getByRole('radio', { name: 'Ja, akut skyddsbehov' }).check();
  await page.getByLabel('Motivering').fill('Han vet var hon bor och har hotat att komma tillbaka.');
  await page.getByRole('button', { name: 'Registrera aktualiseringen' }).click();
  await expect(page).toHaveURL(caseUrl);
  const caseId = caseUrl.exec(page.url())?.[1] ?? '';
  expect(caseId).not.toBe('');
  const personHref =
    (await page.getByRole('link', { name: 'Personakt', exact: true }).getAttribute('href')) ?? '';

  // The man who uses violence, with his address, recorded in her file.
  const section = page.getByRole('region', {
    name: 'Personer som utövar våld och andra närstående',
  });
  await section.getByRole('button', { name: 'Registrera person' }).click();
  const counterpart = section.getByRole('form', { name: 'Registrera person' });
  await counterpart.getByLabel('Förnamn', { exact: true }).fill(him.givenName);
  await counterpart.getByLabel('Efternamn', { exact: true }).fill(him.familyName);
  await counterpart.getByLabel('Relation till personen').selectOption({ label: 'Partner' });
  await counterpart
    .getByRole('radiogroup', { name: 'Utövar personen våld mot henne?' })
    .getByRole('radio', { name: 'Ja' })
    .check();
  await counterpart
    .getByRole('radiogroup', { name: 'Bor de tillsammans?' })
    .getByRole('radio', { name: 'Nej' })
    .check();
  await counterpart.getByRole('button', { name: 'Lägg till kontaktuppgift' }).click();
  await counterpart.getByLabel('Slag, kontaktuppgift 1').selectOption({ label: 'Adress' });
  await counterpart.getByLabel('Uppgift, kontaktuppgift 1').fill(hisAddress);
  await counterpart.getByRole('button', { name: 'Registrera', exact: true }).click();
  await expect(section.getByText('Personen är registrerad.')).toBeVisible();

  // Her own address, in her personakt: it never goes in the package.
  await page.goto(personHref);
  await expect(
    page.getByRole('heading', { level: 1, name: `${woman.givenName} ${woman.familyName}` }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Lägg till kontaktuppgift' }).click();
  const channel = page.getByRole('form', { name: 'Ny kontaktuppgift' });
  await channel.getByLabel('Typ av kontaktuppgift').selectOption('address');
  await channel.getByLabel('Adress', { exact: true }).fill(herAddress);
  await channel.getByRole('radio', { name: 'Ja, säker för kontakt' }).check();
  await channel.getByRole('button', { name: 'Spara kontaktuppgiften' }).click();
  await expect(page.getByText(`Adress ${herAddress} är sparad.`)).toBeVisible();

  // The acute beslut: skyddat boende for two weeks.
  await visit(`/arenden/${caseId}?flik=beslut`);
  const acute = page.getByRole('form', { name: 'Nytt akut beslut' });
  await acute.getByLabel('Insats').selectOption({ label: 'Skyddat boende' });
  await acute.getByLabel('Vad personen behöver').fill('En skyddad plats tills hon kan flytta.');
  await acute
    .getByLabel('Personens egen bedömning av faran')
    .fill('Hon säger att han kommer att skada henne igen om han hittar henne.');
  await acute
    .getByLabel('Varför beslutet inte kan vänta på kommunicering')
    .fill('Hon kan inte stanna i bostaden i natt.');
  await acute.getByLabel('Motivering').fill('Akut skyddsbehov; inget annat skydd finns i natt.');
  await acute.getByLabel('Till och med', { exact: true }).fill(swedishDate(14));
  await acute.getByLabel('Hur?').selectOption({ label: 'Personligen vid möte' });
  await acute.getByRole('button', { name: 'Fatta det akuta beslutet' }).click();
  await expect(page.getByRole('article', { name: 'Skyddat boende: Bifall' })).toBeVisible();

  // The förhandsbedömning: an utredning is opened on her application, and is under way.
  await visit(`/arenden/${caseId}`);
  await page.getByRole('radio', { name: 'Utredning inleds', exact: true }).check();
  await page.getByRole('radio', { name: 'Utredning (våldsutsatt)' }).check();
  await page.getByLabel('Skäl', { exact: true }).fill('Hon ansöker och behöver skydd och stöd.');
  await page.getByRole('button', { name: 'Spara förhandsbedömningen' }).click();
  await expect(page.getByText('Utredningen är inledd.')).toBeVisible();

  // The request, written by the handläggare. Sent empty, it names what is missing.
  await openTab(page, visit, caseId);
  await expect(page.getByText('Ingen överflyttning är begärd i ärendet.')).toBeVisible();
  const request = page.getByRole('form', { name: 'Begär överflyttning' });
  await request.getByRole('button', { name: 'Begär överflyttning' }).click();
  await expect(
    request.getByRole('link', { name: 'Ange vilken kommun ärendet ska flyttas till.' }),
  ).toBeVisible();
  await expectAccessible(page);
  await request.getByLabel('Mottagande kommun').fill(receiver);
  await request.getByLabel('Kontaktväg dit begäran skickas').selectOption({ label: 'E-post' });
  await request.getByLabel('Kontaktuppgift dit begäran skickas').fill(receiverEmail);
  await request.getByLabel('Personens anknytning till kommunen').fill(grounds);
  await request.getByLabel('Personens önskemål').fill(wishes);
  await request.getByLabel('Hjälpbehovets varaktighet').fill(duration);
  await request.getByRole('button', { name: 'Begär överflyttning' }).click();
  const transfer = page.getByRole('article', { name: `Överflyttning till ${receiver}` });
  await expect(transfer).toContainText('Begärd – beslut saknas');
  await expect(transfer).toContainText(grounds);
  await expect(
    transfer.getByRole('heading', { name: `Överflyttning till ${receiver}` }),
  ).toBeFocused();
  // Its author may not decide it, and no second request is written while it is under way.
  await expect(page.getByRole('button', { name: 'Besluta att begära överflyttning' })).toHaveCount(
    0,
  );
  await expect(page.getByRole('form', { name: 'Begär överflyttning' })).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Logga ut' }).click();

  // The enhetschef decides to make the request.
  await login('erik.chef');
  await openTab(page, visit, caseId);
  await expectAccessible(page);
  await transfer.getByRole('button', { name: 'Besluta att begära överflyttning' }).click();
  await expect(transfer).toContainText('Begäran skickad – svar saknas');
  await expect(transfer).toContainText('Erik Enhetschef');
  await page.getByRole('button', { name: 'Logga ut' }).click();

  // The handläggare records the answer: Mottagarkommunen takes the case over.
  await login('anna.handlaggare');
  await openTab(page, visit, caseId);
  const answer = transfer.getByRole('form', { name: 'Registrera svaret' });
  await answer.getByRole('button', { name: 'Registrera svaret' }).click();
  await expect(
    answer.getByRole('link', { name: 'Ange om kommunen tog emot ärendet.' }),
  ).toBeVisible();
  await expectAccessible(page);
  await answer.getByRole('radio', { name: 'Godtar' }).check();
  await answer.getByLabel('Diarienummer (valfritt)').fill('MK 2026/118');
  await answer.getByRole('button', { name: 'Registrera svaret' }).click();
  await expect(transfer).toContainText('Godtagen – paket ska tas fram');
  await expect(transfer).toContainText('MK 2026/118');

  // The package, produced and downloaded.
  await transfer.getByRole('button', { name: 'Ta fram överflyttningspaket' }).click();
  await expect(transfer).toContainText('Paket framtaget – ska skickas');
  const link = transfer.getByRole('link', { name: /^Ladda ned överflyttningspaketet/ });
  await expect(link).toBeVisible();
  await expectAccessible(page);
  const downloading = page.waitForEvent('download');
  await link.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('overflyttningspaket.json');
  const packageFile = path.join(downloadDir, 'overflyttning.json');
  await download.saveAs(packageFile);
  const text = readFileSync(packageFile, 'utf8');
  const pkg = JSON.parse(text) as {
    format: string;
    version: number;
    sender: { municipality: string };
    receiver: { municipality: string };
    person: { givenName: string; familyName: string };
    violentParties: { knownChannels: { kind: string; value: string }[] }[];
    decisions: unknown[];
    documents: { title: string; filename: string }[];
  };
  expect(pkg.format).toBe('varn.case-transfer');
  expect(pkg.version).toBe(1);
  expect(pkg.sender.municipality).toBe('Demokommunen');
  expect(pkg.receiver.municipality).toBe(receiver);
  expect(pkg.person.givenName).toBe(woman.givenName);
  expect(pkg.person.familyName).toBe(woman.familyName);
  expect(pkg.decisions.length).toBeGreaterThan(0);
  expect(pkg.documents.length).toBeGreaterThan(0);
  // None of her addresses; his only among the violent parties, for the receiver's guard.
  expect(text).not.toContain('Flyttgatan');
  expect(JSON.stringify(pkg.person)).not.toContain('Vargvägen');
  expect(pkg.violentParties.flatMap((p) => p.knownChannels)).toContainEqual({
    kind: 'address',
    value: hisAddress,
  });
  expect(JSON.stringify({ ...pkg, violentParties: [] })).not.toContain('Vargvägen');

  // Sent: the case is closed here as transferred.
  const complete = transfer.getByRole('form', { name: 'Avsluta ärendet som överflyttat' });
  await expect(complete.getByLabel('Datum då paketet skickades')).toHaveValue(swedishDate());
  await complete.getByRole('button', { name: 'Avsluta ärendet som överflyttat' }).click();
  await expect(
    page.getByText(
      `Överflyttat: ärendet för ${woman.givenName} ${woman.familyName} är avslutat här och flyttat till ${receiver}.`,
    ),
  ).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Mina ärenden' })).toBeVisible();
  await expectAccessible(page);

  // Mottagarkommunen's Värn reads the package in as a new case.
  await secondServerReady();
  const there = await browser.newContext({
    baseURL: secondUrl,
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
  });
  try {
    const other = await there.newPage();
    const problems: string[] = [];
    other.on('console', (m) => {
      if (m.type() !== 'error') return;
      const url = m.location().url;
      // Asking for the session before login is how the client learns to show the login page.
      if (url && new URL(url).pathname === '/api/session' && m.text().includes('401')) return;
      problems.push(`console: ${m.text()} (${url})`);
    });
    other.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    await loginOn(other, 'anna.handlaggare');
    const menu = other.getByRole('navigation', { name: 'Huvudmeny' });
    await menu.getByRole('link', { name: 'Ta emot överflyttning' }).click();
    await expect(
      other.getByRole('heading', { level: 1, name: 'Ta emot överflyttning' }),
    ).toBeVisible();
    await expect(other).toHaveURL(/\/overflyttning\/ta-emot$/);
    await expectAccessible(other);

    // Something that is not a package is refused at once, in Swedish.
    await other.getByLabel('Överflyttningspaket (JSON)').setInputFiles({
      name: 'anteckning.json',
      mimeType: 'application/json',
      buffer: Buffer.from('inte json'),
    });
    await expect(other.getByText(/den går inte att läsa som JSON/).first()).toBeVisible();
    await expectAccessible(other);

    await other.getByLabel('Överflyttningspaket (JSON)').setInputFiles(packageFile);
    const preview = other.getByRole('region', { name: 'Paketet från Demokommunen' });
    await expect(preview).toContainText(`${woman.givenName} ${woman.familyName}`);
    for (const d of pkg.documents) await expect(preview).toContainText(d.title);
    await other.getByRole('radio', { name: 'Nej', exact: true }).check();
    await other
      .getByLabel('Motivering')
      .fill('Hon bor hos sina föräldrar; mannen vet inte var de bor.');
    await expect(other.getByRole('checkbox', { name: 'Tilldela mig ärendet' })).toBeChecked();
    await expectAccessible(other);
    await other.getByRole('button', { name: 'Läs in ärendet' }).click();
    await expect(other).toHaveURL(caseUrl);
    const newCaseId = caseUrl.exec(other.url())?.[1] ?? '';
    expect(newCaseId).not.toBe('');
    await expect(
      other.getByRole('heading', {
        level: 1,
        name: `Ärende: ${woman.givenName} ${woman.familyName}`,
      }),
    ).toBeVisible();

    // Its tab says where it came from, with the documents that came with it.
    await other.goto(`/arenden/${newCaseId}?flik=overflyttning`);
    const origin = other.getByRole('region', { name: 'Överflyttat hit från Demokommunen' });
    await expect(origin).toBeVisible();
    await expect(origin).toContainText(grounds);
    await expect(origin).toContainText(wishes);
    await expect(origin).toContainText(duration);
    const documents = origin.getByRole('list', { name: 'Dokument som kom med' });
    await expect(documents.getByRole('link')).toHaveCount(pkg.documents.length);
    await expectAccessible(other);
    const href = (await documents.getByRole('link').first().getAttribute('href')) ?? '';
    expect(href).toMatch(
      new RegExp(
        `^/api/cases/${newCaseId}/transfer-import/documents/[0-9a-f-]{36}/document\\.pdf$`,
      ),
    );
    const pdf = await other.request.get(href);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    expect(problems, 'console errors on the receiving Värn').toEqual([]);
  } finally {
    await there.close();
  }
});
