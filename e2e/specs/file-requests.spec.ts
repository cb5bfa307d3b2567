import type { Locator, Page } from '@playwright/test';
import { readPdf } from '../../server/test/pdf-reader.ts';
import { expectAccessible, expect, test } from '../fixtures.ts';

/**
 * A person's own file: the man who uses violence asks to see his file. The handläggare registers
 * the request; in the extract what the woman told and the journal entry carrying her address are
 * never given, and a piece naming his brother is given after a written sekretessprövning. The
 * enhetschef approves it, the handläggare hands it over, and the PDF holds his own file and the
 * maskings — and nothing of hers: not her address, her phone or what she told.
 */

const caseUrl = /\/arenden\/([0-9a-f-]{36})$/;
const him = { givenName: 'Viktor', familyName: 'Utdragsson' };
const herAddress = 'Kanariegatan 7';
const herPhone = '070-765 43 21';
const addressEntry = `Viktor säger att han har åkt förbi ${herAddress} flera gånger i veckan.`;
const herStatement = 'Han slog mig i köket och hotade att ta barnen om jag berättar något.';
const brotherEntry = 'Brodern Bengt Broder följde med Viktor till mötet och väntade utanför.';
const ownEntry = 'Viktor vill börja i behandlingsgruppen för män som utövar våld.';
const secrecyTest =
  'Viktor var själv med vid mötet och vet att brodern följde med; uppgiften röjer inget om brodern som han inte redan vet.';

/** The man's own application, registered by the handläggare, without acute need: his case. */
async function registerPerpetrator(page: Page, visit: (path: string) => Promise<void>) {
  await visit('/arenden/ny');
  await page.getByLabel('Målgrupp').selectOption({ label: 'Våldsutövare' });
  await page.getByRole('radio', { name: 'En ny person' }).check();
  await page.getByLabel('Förnamn', { exact: true }).fill(him.givenName);
  await page.getByLabel('Efternamn', { exact: true }).fill(him.familyName);
  await page.getByRole('radio', { name: 'Ansökan (muntlig)' }).check();
  await page.getByLabel('Från vem').fill('Personen själv');
  await page.getByLabel('Hur kom uppgifterna in?').selectOption({ label: 'Telefon' });
  await page
    .getByLabel('Vad har kommit in?')
    .fill('Han ringer och vill ha hjälp att sluta använda våld mot sin sambo.');
  await page.getByRole('radio', { name: 'Nej', exact: true }).check();
  await page.getByLabel('Motivering').fill('Han bor hos en vän sedan några dagar.');
  await page.getByRole('button', { name: 'Registrera aktualiseringen' }).click();
  await expect(page).toHaveURL(caseUrl);
  return caseUrl.exec(page.url())?.[1] ?? '';
}

/** A person of his file, registered in the case's section of närstående. */
async function registerCounterpart(
  page: Page,
  p: { givenName: string; familyName: string; relation: string; contact: [string, string][] },
) {
  const section = page.getByRole('region', {
    name: 'Personer som utövar våld och andra närstående',
  });
  await section.getByRole('button', { name: 'Registrera person' }).click();
  const form = section.getByRole('form', { name: 'Registrera person' });
  await form.getByLabel('Förnamn', { exact: true }).fill(p.givenName);
  await form.getByLabel('Efternamn', { exact: true }).fill(p.familyName);
  await form.getByLabel('Relation till personen').selectOption({ label: p.relation });
  await form
    .getByRole('radiogroup', { name: 'Utövar personen våld mot henne?' })
    .getByRole('radio', { name: 'Nej' })
    .check();
  await form
    .getByRole('radiogroup', { name: 'Bor de tillsammans?' })
    .getByRole('radio', { name: 'Nej' })
    .check();
  for (const [i, [kind, value]] of p.contact.entries()) {
    await form.getByRole('button', { name: 'Lägg till kontaktuppgift' }).click();
    await form.getByLabel(`Slag, kontaktuppgift ${String(i + 1)}`).selectOption({ label: kind });
    await form.getByLabel(`Uppgift, kontaktuppgift ${String(i + 1)}`).fill(value);
  }
  await form.getByRole('button', { name: 'Registrera', exact: true }).click();
  await expect(
    section.getByRole('article', { name: `${p.givenName} ${p.familyName}` }),
  ).toBeVisible();
}

/** A journal entry, from the source named. */
async function writeJournal(page: Page, text: string, source: string, who?: string) {
  const form = page.getByRole('form', { name: 'Ny journalanteckning' });
  await form.getByLabel('Anteckning').fill(text);
  await form.getByLabel('Källa').selectOption({ label: source });
  if (who) await form.getByLabel('Vem?').fill(who);
  await form.getByRole('button', { name: 'Spara anteckningen' }).click();
  await expect(page.getByRole('article').filter({ hasText: text })).toBeVisible();
}

/** The case page's tab "Begäran om akt", its heading shown. */
async function openTab(page: Page, visit: (path: string) => Promise<void>, caseId: string) {
  await visit(`/arenden/${caseId}?flik=akt`);
  await expect(
    page.getByRole('heading', { level: 2, name: 'Begäran om akt', exact: true }),
  ).toBeVisible();
}

/** The piece of the extract whose text holds `text`. */
const piece = (scope: Locator | Page, text: string) =>
  scope.getByRole('group', { name: /^Uppgift \d+:/ }).filter({ hasText: text });

test('his own file: drafted, the maskings reasoned, approved, released — with nothing of hers', async ({
  page,
  login,
  visit,
}) => {
  // Two logins, several forms and their accessibility checks: more than the default minute.
  test.setTimeout(180_000);
  await login('anna.handlaggare');
  const caseId = await registerPerpetrator(page, visit);

  // The woman, with her address and phone; his brother, who only came along.
  await registerCounterpart(page, {
    givenName: 'Karin',
    familyName: 'Kanarie',
    relation: 'Partner',
    contact: [
      ['Adress', herAddress],
      ['Telefon', herPhone],
    ],
  });
  await registerCounterpart(page, {
    givenName: 'Bengt',
    familyName: 'Broder',
    relation: 'Syskon',
    contact: [],
  });

  await visit(`/arenden/${caseId}?flik=journal`);
  await writeJournal(page, ownEntry, 'Personen själv');
  await writeJournal(page, addressEntry, 'Personen själv');
  await writeJournal(page, herStatement, 'Annan person', 'Sambon');
  await writeJournal(page, brotherEntry, 'Personen själv');

  // The request, registered by the handläggare.
  await openTab(page, visit, caseId);
  await expect(page.getByText('Ingen begäran om akt är registrerad i ärendet.')).toBeVisible();
  const register = page.getByRole('form', { name: 'Registrera begäran' });
  await register.getByRole('button', { name: 'Registrera begäran' }).click();
  await expect(register.getByRole('link', { name: 'Ange vem som begär.' })).toBeVisible();
  await expectAccessible(page);
  await register.getByRole('radio', { name: 'Personen själv' }).check();
  await register.getByRole('button', { name: 'Registrera begäran' }).click();
  await expect(page.getByText('Begäran är registrerad. Utdraget visas nedan.')).toBeVisible();
  const request = page.getByRole('article', { name: /^Begäran / });
  await expect(request).toContainText('Utkast');
  await expect(request).toContainText('Personen själv');

  // The extract: her address and her statement are never given; his own words are open.
  const extract = page.getByRole('region', { name: /^Utdrag för Begäran / });
  await expect(extract.getByRole('heading', { name: /^Utdrag för Begäran / })).toBeFocused();
  await expect(
    extract.getByText('Ingen sekretessprövning är gjord.', { exact: false }),
  ).toBeVisible();
  const address = piece(extract, addressEntry);
  await expect(address).toContainText('Lämnas aldrig ut');
  await expect(address.getByRole('checkbox')).toHaveCount(0);
  const statement = piece(extract, herStatement);
  await expect(statement).toContainText('Lämnas aldrig ut');
  await expect(statement.getByRole('checkbox')).toHaveCount(0);
  await expect(piece(extract, herPhone)).toContainText('Lämnas aldrig ut');
  await expect(piece(extract, ownEntry)).toContainText('Öppen');
  await expect(piece(extract, ownEntry).getByRole('checkbox', { name: 'Maskera' })).toBeVisible();

  // The piece naming his brother is masked; it is given once the sekretessprövning is written.
  const brother = piece(extract, brotherEntry);
  await expect(brother).toContainText('Maskeras');
  await brother.getByRole('checkbox', { name: 'Lämna ut' }).check();
  await extract.getByRole('button', { name: 'Spara sekretessprövning' }).click();
  await expect(
    extract.getByRole('link', { name: /^Skriv sekretessprövningen som visar att uppgift/ }),
  ).toBeVisible();
  await expectAccessible(page);
  await brother.getByRole('textbox', { name: 'Sekretessprövning' }).fill(secrecyTest);
  await expectAccessible(page);
  await extract.getByRole('button', { name: 'Spara sekretessprövning' }).click();
  await expect(page.getByText('Sekretessprövningen är sparad som version 1.')).toBeVisible();
  await expect(extract.getByText(/Version 1 är inte godkänd/)).toBeVisible();
  await expect(request).toContainText('Version 1');
  // Its drafter may not approve it, nor release it before it is approved.
  await expect(extract.getByRole('button', { name: /^Godkänn/ })).toHaveCount(0);
  await expect(extract.getByRole('button', { name: 'Lämna ut', exact: true })).toHaveCount(0);
  await page.getByRole('button', { name: 'Logga ut' }).click();

  // The enhetschef approves the newest version.
  await login('erik.chef');
  await openTab(page, visit, caseId);
  await request.getByRole('button', { name: /^Visa utdraget/ }).click();
  await expect(extract).toContainText(addressEntry);
  await expectAccessible(page);
  await extract.getByRole('button', { name: /^Godkänn/ }).click();
  await expect(page.getByText('Version 1 av utdraget är godkänd.')).toBeVisible();
  await expect(request).toContainText('Godkänt');
  await expect(request).toContainText('Erik Enhetschef');
  await page.getByRole('button', { name: 'Logga ut' }).click();

  // The handläggare hands it over.
  await login('anna.handlaggare');
  await openTab(page, visit, caseId);
  await request.getByRole('button', { name: /^Visa utdraget/ }).click();
  await expect(extract.getByText('Version 1 är godkänd av enhetschefen.')).toBeVisible();
  const release = extract.getByRole('form', { name: 'Lämna ut utdraget' });
  await expectAccessible(page);
  await release.getByRole('radio', { name: 'Lämnas över' }).check();
  await release.getByRole('button', { name: 'Lämna ut', exact: true }).click();
  await expect(page.getByText(/^Utdraget är utlämnat\. Öppna det som PDF/)).toBeVisible();
  await expect(request).toContainText('Utlämnat');
  await expect(request).toContainText('lämnades över');
  const pdfLink = request.getByRole('link', { name: /Öppna utdraget \(PDF\)/ });
  await expect(pdfLink).toBeVisible();
  await expectAccessible(page);

  // The PDF: his own file and the maskings, nothing of hers.
  const href = (await pdfLink.getAttribute('href')) ?? '';
  expect(href).toMatch(
    new RegExp(`^/api/cases/${caseId}/file-requests/[0-9a-f-]{36}/extract\\.pdf$`),
  );
  const response = await page.request.get(href);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('application/pdf');
  const pdf = await readPdf(await response.body());
  expect(pdf.text).toContain(`${him.givenName} ${him.familyName}`);
  expect(pdf.text).toContain(ownEntry);
  expect(pdf.text).toContain(brotherEntry);
  expect(pdf.text).toContain('Maskerad uppgift');
  expect(pdf.text).not.toContain('Kanariegatan');
  expect(pdf.text).not.toContain(herPhone);
  expect(pdf.text.replace(/\D+/g, '')).not.toContain('0707654321');
  expect(pdf.text).not.toContain('Han slog mig');
  expect(pdf.text).not.toContain('Karin Kanarie');
});
