import type { Page } from '@playwright/test';
import { readPdf } from '../../server/test/pdf-reader.ts';
import { expectAccessible, expect, test } from '../fixtures.ts';
import { registerApplication } from '../plans.ts';

/**
 * Intyg: the handläggare writes one for the woman's målsägandebiträde, with two statements and
 * their sources; it is not reviewed yet, so it may not be issued. One whose statement names the
 * partner recorded in her file says so until a secrecy test is written. The enhetschef, who
 * wrote none of it, approves it with the three confirmations; the handläggare issues it and the
 * PDF holds its purpose, its statements and their sources.
 */

const recipient = 'Advokat Eva Ek, målsägandebiträde';
const purposeText = 'Underlag till målsägandebiträdet inför huvudförhandlingen i tingsrätten.';
const certifies = 'Att Ida Intygsdotter har haft kontakt med socialtjänsten sedan november 2026.';
const ownStatement = 'Hon har berättat att hon blivit slagen i hemmet vid flera tillfällen.';
const policeStatement = 'Polisen har underrättat socialtjänsten om en misshandel i bostaden.';
const legalProceedings = 'Rättslig process, till exempel till målsägandebiträde';

/** The case page's tab "Intyg", its heading shown. */
async function openTab(page: Page, visit: (path: string) => Promise<void>, caseId: string) {
  await visit(`/arenden/${caseId}?flik=intyg`);
  await expect(page.getByRole('heading', { level: 2, name: 'Intyg', exact: true })).toBeVisible();
}

test('an intyg for her lawyer: written with its sources, reviewed by the enhetschef, issued as a PDF', async ({
  page,
  login,
  visit,
}) => {
  // Three logins, four forms and their accessibility checks: more than the default minute.
  test.setTimeout(180_000);
  await login('anna.handlaggare');
  const caseId = await registerApplication(page, visit, {
    givenName: 'Ida',
    familyName: 'Intygsdotter',
  });

  // The partner who uses violence, recorded in her file: an intyg may not name him untested.
  const section = page.getByRole('region', {
    name: 'Personer som utövar våld och andra närstående',
  });
  await section.getByRole('button', { name: 'Registrera person' }).click();
  const counterpart = section.getByRole('form', { name: 'Registrera person' });
  await counterpart.getByLabel('Förnamn', { exact: true }).fill('Peter');
  await counterpart.getByLabel('Efternamn', { exact: true }).fill('Persson');
  await counterpart.getByLabel('Relation till personen').selectOption({ label: 'Partner' });
  await counterpart
    .getByRole('radiogroup', { name: 'Utövar personen våld mot henne?' })
    .getByRole('radio', { name: 'Ja' })
    .check();
  await counterpart
    .getByRole('radiogroup', { name: 'Bor de tillsammans?' })
    .getByRole('radio', { name: 'Nej' })
    .check();
  await counterpart.getByRole('button', { name: 'Registrera', exact: true }).click();
  await expect(section.getByText('Personen är registrerad.')).toBeVisible();

  // The intyg for her lawyer, with two statements from different sources.
  await openTab(page, visit, caseId);
  await expect(page.getByText('Inga intyg är skrivna i ärendet.')).toBeVisible();
  await page.getByRole('button', { name: 'Skriv intyg' }).click();
  let form = page.getByRole('form', { name: 'Skriv intyg' });
  await expect(form.getByRole('heading', { name: 'Skriv intyg' })).toBeFocused();
  await expectAccessible(page);
  await form.getByRole('button', { name: 'Spara intyget' }).click();
  await expect(form.getByRole('link', { name: 'Välj syftet med intyget.' })).toBeVisible();
  await expectAccessible(page);
  await form.getByLabel('Syfte', { exact: true }).selectOption({ label: legalProceedings });
  await form.getByLabel('Syftet med intyget').fill(purposeText);
  await form.getByLabel('Vem intyget ska till').fill(recipient);
  await form.getByLabel('Hur intyget skickas').selectOption({ label: 'E-post' });
  await form.getByLabel('Dit intyget skickas').fill('eva.ek@advokatbyran.example');
  await form.getByLabel('Vad som intygas').fill(certifies);
  await form.getByLabel('Text för uppgift 1').fill(ownStatement);
  await form.getByLabel('Källa för uppgift 1').selectOption({ label: 'Personen själv' });
  await form.getByRole('button', { name: 'Lägg till en uppgift' }).click();
  await form.getByLabel('Text för uppgift 2').fill(policeStatement);
  await form
    .getByLabel('Källa för uppgift 2')
    .selectOption({ label: 'Myndighet eller annan verksamhet' });
  await form
    .getByLabel('Vem eller vad uppgiften kommer från för uppgift 2')
    .fill('Polisen, region Stockholm');
  await expectAccessible(page);
  await form.getByRole('button', { name: 'Spara intyget' }).click();
  await expect(page.getByText('Intyget är sparat som utkast.', { exact: false })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Skriv intyg' })).toBeFocused();
  const lawyers = page.getByRole('article', { name: `Intyg till ${recipient}` });
  await expect(lawyers).toContainText('Utkast');
  await expect(lawyers).toContainText(legalProceedings);
  await expect(lawyers).toContainText(purposeText);
  await expect(lawyers).toContainText('Version 1, skriven');
  await expect(lawyers).toContainText('Anna Handläggare');
  await expect(lawyers).toContainText(ownStatement);
  await expect(lawyers).toContainText('Källa: Personen själv');
  await expect(lawyers).toContainText(
    'Källa: Myndighet eller annan verksamhet – Polisen, region Stockholm',
  );
  await expect(lawyers.getByText(/Version 1 av intyget är inte granskad/)).toBeVisible();
  // Its writer may not review it, nor issue it before it is reviewed.
  await expect(lawyers.getByRole('button', { name: 'Granska' })).toHaveCount(0);
  await expect(lawyers.getByRole('button', { name: /^Utfärda/ })).toHaveCount(0);
  await expectAccessible(page);

  // One whose statement names the partner: it says so, until a secrecy test is written.
  await page.getByRole('button', { name: 'Skriv intyg' }).click();
  form = page.getByRole('form', { name: 'Skriv intyg' });
  await form.getByLabel('Syfte', { exact: true }).selectOption({ label: 'Förtur i bostadskön' });
  await form.getByLabel('Syftet med intyget').fill('Underlag till ansökan om förtur.');
  await form.getByLabel('Vem intyget ska till').fill('Bostadsförmedlingen');
  await form.getByLabel('Vad som intygas').fill('Att hon behöver en egen bostad.');
  await form.getByLabel('Text för uppgift 1').fill('Peter Persson har hotat henne i bostaden.');
  await form.getByLabel('Källa för uppgift 1').selectOption({ label: 'Personen själv' });
  await form.getByRole('button', { name: 'Spara intyget' }).click();
  await expect(page.getByText('Intyget är sparat som utkast.', { exact: false })).toBeVisible();
  const housing = page.getByRole('article', { name: 'Intyg till Bostadsförmedlingen' });
  await expect(
    housing.getByText(/Uppgift 1 nämner en annan person än den intyget gäller/),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Logga ut' }).click();

  // The enhetschef, who wrote none of it, approves it with the three confirmations.
  await login('erik.chef');
  await openTab(page, visit, caseId);
  await lawyers.getByRole('button', { name: 'Granska' }).click();
  const review = page.getByRole('form', {
    name: `Granska Intyg till ${recipient}, version 1`,
  });
  await expect(review.getByRole('heading', { name: /^Granska Intyg till/ })).toBeFocused();
  await review.getByRole('radio', { name: 'Godkänn intyget' }).check();
  await review.getByRole('button', { name: 'Spara granskningen' }).click();
  await expect(review.getByRole('link', { name: /^Bekräfta att syftet framgår/ })).toBeVisible();
  await expectAccessible(page);
  await review.getByRole('checkbox', { name: 'Syftet med intyget framgår tydligt' }).check();
  await review
    .getByRole('checkbox', { name: 'Intyget redovisar bara fakta, inga nya bedömningar' })
    .check();
  await review.getByRole('checkbox', { name: 'Varje uppgifts källa framgår' }).check();
  await review.getByRole('button', { name: 'Spara granskningen' }).click();
  await expect(page.getByText('Version 1 av intyget är granskad och godkänd.')).toBeVisible();
  await expect(lawyers).toContainText('Granskat');
  await expect(lawyers).toContainText('Version 1: Godkänt');
  await expect(lawyers).toContainText('Erik Enhetschef');
  await expect(lawyers.getByRole('alert')).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Logga ut' }).click();

  // The handläggare issues it; the PDF holds its purpose, statements and sources.
  await login('anna.handlaggare');
  await openTab(page, visit, caseId);
  await expect(lawyers.getByText(/inte granskad/)).toHaveCount(0);
  await lawyers.getByRole('button', { name: /^Utfärda/ }).click();
  await expect(page.getByText('Intyget är utfärdat, version 1.')).toBeVisible();
  await expect(lawyers).toContainText('Utfärdat');
  await expect(lawyers.getByRole('button', { name: /^Ny version/ })).toHaveCount(0);
  const pdfLink = lawyers.getByRole('link', { name: /Öppna intyget \(PDF\)/ });
  await expect(pdfLink).toBeVisible();
  await expectAccessible(page);
  const href = (await pdfLink.getAttribute('href')) ?? '';
  expect(href).toBe(`/api/cases/${caseId}/certificates/${await idOf(lawyers)}/intyg.pdf`);
  const response = await page.request.get(href);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('application/pdf');
  const pdf = await readPdf(await response.body());
  expect(pdf.text).toContain(purposeText);
  expect(pdf.text).toContain(ownStatement);
  expect(pdf.text).toContain(policeStatement);
  expect(pdf.text).toContain('Källa: Personen själv');
  expect(pdf.text).toContain('Källa: Myndighet eller annan verksamhet – Polisen, region Stockholm');
  expect(pdf.text).toContain(recipient);
});

/** The certificate's id, from its article's heading id (`intyg-<id>`). */
async function idOf(article: ReturnType<Page['getByRole']>) {
  const id = (await article.getAttribute('aria-labelledby')) ?? '';
  return id.replace(/^intyg-/, '');
}
