import type { Page } from '@playwright/test';
import { expectAccessible, expect, test } from '../fixtures.ts';

const caseUrl = /\/arenden\/([0-9a-f-]{36})$/;

/** Registers a police notice about a new woman without a known number. */
async function registerIntake(page: Page, woman: { givenName: string; familyName: string }) {
  await page.getByRole('link', { name: 'Ny aktualisering' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ny aktualisering' })).toBeVisible();
  await page.getByLabel('Målgrupp').selectOption({ label: 'Våldsutsatt vuxen' });
  await page.getByRole('radio', { name: 'En ny person' }).check();
  await page.getByLabel('Förnamn', { exact: true }).fill(woman.givenName);
  await page.getByLabel('Efternamn', { exact: true }).fill(woman.familyName);
  await page.getByRole('radio', { name: 'Polisunderrättelse' }).check();
  await page.getByLabel('Från vem').fill('Polisen, region Stockholm');
  await page.getByLabel('Hur kom uppgifterna in?').selectOption({ label: 'Från polisen' });
  await page.getByLabel('Vad har kommit in?').fill('Polisen underrättar om misshandel i bostaden.');
  await page.getByRole('radio', { name: 'Ja, akut skyddsbehov' }).check();
  await page.getByLabel('Motivering').fill('Mannen har hotat henne.');
  await page.getByRole('button', { name: 'Registrera aktualiseringen' }).click();
  await expect(page).toHaveURL(caseUrl);
}

test('the person who uses violence is recorded in her file, corrected, and his history shown', async ({
  page,
  login,
  visit,
}) => {
  // Three forms and four accessibility checks: more than the default minute on a loaded machine.
  test.setTimeout(120_000);
  await login('anna.handlaggare');
  await visit('/arenden');
  await registerIntake(page, { givenName: 'Sara', familyName: 'Motpart' });
  const section = page.getByRole('region', {
    name: 'Personer som utövar våld och andra närstående',
  });
  await expect(section.getByText('Inga personer är registrerade.')).toBeVisible();
  await section.getByRole('button', { name: 'Registrera person' }).click();
  const form = section.getByRole('form', { name: 'Registrera person' });
  // Saved without a relation: the summary says what is missing, in Swedish.
  await form.getByRole('button', { name: 'Registrera', exact: true }).click();
  await expect(form.getByRole('link', { name: 'Välj relation.' })).toBeVisible();
  await expectAccessible(page);

  await form.getByLabel('Förnamn').fill('Peter');
  await form.getByLabel('Relation till personen').selectOption({ label: 'Partner' });
  await form
    .getByRole('radiogroup', { name: 'Utövar personen våld mot henne?' })
    .getByRole('radio', { name: 'Ja' })
    .check();
  await form
    .getByRole('radiogroup', { name: 'Bor de tillsammans?' })
    .getByRole('radio', { name: 'Ja' })
    .check();
  await form.getByRole('button', { name: 'Lägg till kontaktuppgift' }).click();
  await form.getByLabel('Uppgift, kontaktuppgift 1').fill('070-123 45 67');
  await form.getByLabel('Var personen finns eller bor').fill('I den gemensamma lägenheten.');
  await form.getByRole('button', { name: 'Registrera', exact: true }).click();
  await expect(section.getByText('Personen är registrerad.')).toBeVisible();
  const card = section.getByRole('article', { name: 'Peter' });
  await expect(card.locator('.aksel-tag', { hasText: 'Utövar våld' })).toBeVisible();
  await expect(card).toContainText('Telefon: 070-123 45 67');
  await expectAccessible(page);

  await card.getByRole('button', { name: 'Rätta uppgifter om Peter' }).click();
  const correction = card.getByRole('form', { name: 'Rätta uppgifter om Peter' });
  await correction.getByLabel('Efternamn').fill('Persson');
  await correction.getByLabel('Relation till personen').selectOption({ label: 'Tidigare partner' });
  await correction
    .getByRole('radiogroup', { name: 'Bor de tillsammans?' })
    .getByRole('radio', { name: 'Nej' })
    .check();
  await correction.getByLabel('Varför rättas uppgifterna?').fill('De har separerat, enligt henne.');
  await correction.getByRole('button', { name: 'Spara rättelsen' }).click();
  await expect(section.getByText('Uppgifterna är rättade.')).toBeVisible();
  const corrected = section.getByRole('article', { name: 'Peter Persson' });
  await expect(corrected).toContainText('Tidigare partner');
  await corrected.getByRole('button', { name: /Historik \(2 versioner\)/ }).click();
  await expect(corrected.getByText('Skäl: De har separerat, enligt henne.')).toBeVisible();
  await expect(corrected.getByText(/Version 1 ·/)).toBeVisible();
  await expectAccessible(page);

  // Marked wrongly recorded, it moves apart with its history; nothing is erased.
  await corrected.getByRole('button', { name: 'Avsluta eller markera som felregistrerad' }).click();
  const status = corrected.getByRole('form', {
    name: 'Avsluta eller markera Peter Persson som felregistrerad',
  });
  await status.getByRole('radio', { name: 'Uppgiften var felregistrerad' }).check();
  await status.getByLabel('Varför?').fill('Förväxling med en annan person.');
  await status.getByRole('button', { name: 'Spara' }).click();
  await expect(section.getByText('Peter Persson är markerad som felregistrerad.')).toBeVisible();
  await expect(
    section.getByRole('heading', { name: 'Avslutade och felregistrerade' }),
  ).toBeVisible();
  await expect(section.getByText('Inga personer är registrerade.')).toBeVisible();
  await expectAccessible(page);
});

/** The personakt of the case just opened: its id, from the case page's link. */
async function personIdOfCase(page: Page) {
  const href = await page.getByRole('link', { name: 'Personakt' }).getAttribute('href');
  return href?.split('/').at(-1) ?? '';
}

test('a relation on the personakt is corrected and ended with a reason, and keeps its history', async ({
  page,
  login,
  visit,
  expectedApiErrors,
}) => {
  // The guardian refused below answers 400, as it should.
  expectedApiErrors.push({
    path: /^\/api\/persons\/[0-9a-f-]{36}\/relations\/[0-9a-f-]{36}\/versions$/,
    status: 400,
  });
  test.setTimeout(120_000);
  await login('anna.handlaggare');
  await visit('/arenden');
  await registerIntake(page, { givenName: 'Rut', familyName: 'Relationsson' });
  const rut = await personIdOfCase(page);
  await visit('/arenden');
  await registerIntake(page, { givenName: 'Nils', familyName: 'Relationsson' });
  const nils = await personIdOfCase(page);
  // The relation as the API records it (the personakt has no form for a new one yet).
  const status = await page.evaluate(
    async ({ from, to }) => {
      const session = (await (await fetch('/api/session')).json()) as { csrfToken: string };
      const res = await fetch(`/api/persons/${from}/relations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify({ otherPersonId: to, kind: 'sibling', violence: 'subjected' }),
      });
      return res.status;
    },
    { from: rut, to: nils },
  );
  expect(status).toBe(201);
  await page.goto(`/personer/${rut}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Rut Relationsson' })).toBeVisible();

  const relations = page.getByRole('region', { name: 'Relationer' });
  await relations.getByRole('button', { name: 'Ändra relationen till Nils Relationsson' }).click();
  const form = relations.getByRole('form', { name: 'Ändra relationen till Nils Relationsson' });
  await form.getByLabel('Relation', { exact: true }).selectOption({ label: 'Annan släkting' });
  // Vårdnadshavare means nothing between relatives: said on the field, in Swedish.
  await form.getByRole('checkbox', { name: /vårdnadshavare/ }).check();
  await form.getByLabel('Varför?').fill('Kusin, inte bror, enligt henne.');
  await form.getByRole('button', { name: 'Spara' }).click();
  await expect(
    form.getByRole('link', {
      name: 'Vårdnadshavare kan bara anges för en förälder eller en annan vårdnadshavare.',
    }),
  ).toBeVisible();
  await expectAccessible(page);
  await form.getByRole('checkbox', { name: /vårdnadshavare/ }).uncheck();
  await form.getByRole('button', { name: 'Spara' }).click();
  await expect(relations.getByText('Relationen är rättad.')).toBeVisible();
  await expect(relations.getByRole('table', { name: 'Relationer' })).toContainText(
    'Annan släkting',
  );

  await relations.getByRole('button', { name: 'Ändra relationen till Nils Relationsson' }).click();
  const end = relations.getByRole('form', { name: 'Ändra relationen till Nils Relationsson' });
  await end.getByRole('radio', { name: 'Relationen har upphört' }).check();
  await end.getByLabel('Varför?').fill('Ingen kontakt längre.');
  await end.getByRole('button', { name: 'Spara' }).click();
  await expect(relations.getByText('Relationen är ändrad.')).toBeVisible();
  await expect(
    relations.getByRole('heading', { name: 'Avslutade och felregistrerade relationer' }),
  ).toBeVisible();
  await relations.getByRole('button', { name: /Historik \(3 versioner\)/ }).click();
  await expect(relations.getByText('Skäl: Kusin, inte bror, enligt henne.')).toBeVisible();
  await expect(relations.getByText('Skäl: Ingen kontakt längre.')).toBeVisible();
  await expectAccessible(page);
});
