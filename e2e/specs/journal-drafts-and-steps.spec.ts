import type { Page } from '@playwright/test';
import { expectAccessible, expect, test } from '../fixtures.ts';

// Issue 12: a journal correction being written is its writer's draft on the server, and the
// case page offers a step only as the case flow allows it, saying why where it does not.

const caseUrl = /\/arenden\/([0-9a-f-]{36})$/;

/** A new intake for a new person without a known number; returns the case page's URL. */
async function registerIntake(
  page: Page,
  person: { givenName: string; familyName: string },
  type: 'Polisunderrättelse' | 'Ansökan (muntlig)',
) {
  await page.goto('/arenden/ny');
  await page.getByLabel('Målgrupp').selectOption({ label: 'Våldsutsatt vuxen' });
  await page.getByRole('radio', { name: 'Identiteten är okänd' }).check();
  await page.getByLabel('Förnamn', { exact: true }).fill(person.givenName);
  await page.getByLabel('Efternamn', { exact: true }).fill(person.familyName);
  await page.getByRole('radio', { name: type }).check();
  await page.getByLabel('Från vem').fill(type === 'Polisunderrättelse' ? 'Polisen' : 'Hon själv');
  await page.getByLabel('Hur kom uppgifterna in?').selectOption({ label: 'Telefon' });
  await page.getByLabel('Vad har kommit in?').fill('Hot och misshandel i hemmet.');
  await page.getByRole('radio', { name: 'Nej', exact: true }).check();
  await page.getByLabel('Motivering').fill('Bor hos en väninna just nu.');
  await page.getByRole('button', { name: 'Registrera aktualiseringen' }).click();
  await expect(page).toHaveURL(caseUrl);
  await expect(
    page.getByRole('heading', {
      level: 1,
      name: `Ärende: ${person.givenName} ${person.familyName}`,
    }),
  ).toBeVisible();
  return page.url();
}

/** Records every dialog the browser shows (beforeunload is the one that matters here). */
function dialogsOf(page: Page) {
  const shown: string[] = [];
  page.on('dialog', (dialog) => {
    shown.push(dialog.type());
    // She leaves anyway: the page goes, and sends what it has as it goes.
    void dialog.accept();
  });
  return shown;
}

test('a correction being written survives closing the page, and comes back when reopened', async ({
  page,
  login,
}) => {
  await login('anna.handlaggare');
  const url = await registerIntake(
    page,
    { givenName: 'Tyra', familyName: 'Rättelse' },
    'Ansökan (muntlig)',
  );
  await page.goto(`${url}?flik=journal`);
  const newEntry = page.getByRole('form', { name: 'Ny journalanteckning' });
  await newEntry.getByLabel('Anteckning').fill('Samtal med Tyra. Hon har bytt lås hemma.');
  await newEntry.getByLabel('Källa').selectOption({ label: 'Personen själv' });
  await newEntry.getByRole('button', { name: 'Spara anteckningen' }).click();
  await expect(page.getByText('Journalanteckningen är sparad.')).toBeVisible();
  const entry = page.getByRole('article').filter({ hasText: 'Samtal med Tyra.' });

  // She starts a correction and closes the tab at once, well within the autosave delay: the
  // browser asks first, since the server has not confirmed her text, and she leaves anyway.
  const text = 'Samtal med Tyra. Hon har bytt lås hemma och fått ett trygghetslarm.';
  const reason = 'Trygghetslarmet föll bort när anteckningen skrevs.';
  await entry.getByRole('button', { name: /^Rätta/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Rätta journalanteckningen' });
  await dialog.getByLabel('Anteckning').fill(text);
  await dialog.getByLabel('Skäl till rättelsen').fill(reason);
  const asked = dialogsOf(page);
  const context = page.context();
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => asked).toEqual(['beforeunload']);

  // Opened again: the correction comes back as she left it, and says so.
  const again = await context.newPage();
  const restored = again.getByRole('dialog', { name: 'Rätta journalanteckningen' });
  await expect(async () => {
    await again.goto(`${url}?flik=journal`);
    await again
      .getByRole('article')
      .filter({ hasText: 'Samtal med Tyra.' })
      .getByRole('button', { name: /^Rätta/ })
      .click();
    await expect(restored.getByLabel('Anteckning')).toHaveValue(text, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await expect(restored.getByLabel('Skäl till rättelsen')).toHaveValue(reason);
  await expect(restored.getByText(/Utkast från .* har återställts\./)).toBeVisible();
  await expectAccessible(again);

  // Closed with Avbryt and opened again: still her draft.
  await restored.getByRole('button', { name: 'Avbryt' }).click();
  await expect(restored).toBeHidden();
  const againEntry = again.getByRole('article').filter({ hasText: 'Samtal med Tyra.' });
  await againEntry.getByRole('button', { name: /^Rätta/ }).click();
  await expect(restored.getByLabel('Anteckning')).toHaveValue(text);
  await expect(restored.getByText(/Utkast från .* har återställts\./)).toBeVisible();

  // Everything confirmed saved: leaving asks nothing.
  const draftSaved = again.waitForResponse(
    (r) => r.request().method() === 'PUT' && r.url().endsWith('/draft') && r.ok(),
  );
  await restored.getByLabel('Skäl till rättelsen').fill(`${reason} Rättat samma dag.`);
  await draftSaved;
  // (The status said "sparat" already, of the restored draft: the answer is what counts.)
  await expect(restored.locator('.draft-status')).toHaveText(/^Utkast sparat \d\d:\d\d$/);
  const askedAgain = dialogsOf(again);
  await again.reload();
  await againEntry.getByRole('button', { name: /^Rätta/ }).click();
  await expect(restored.getByLabel('Skäl till rättelsen')).toHaveValue(
    `${reason} Rättat samma dag.`,
  );
  expect(askedAgain).toEqual([]);

  // Saved, the correction is a new version and its draft is gone.
  await restored.getByRole('button', { name: 'Spara rättelsen' }).click();
  await expect(restored).toBeHidden();
  await expect(
    again.getByText('Rättelsen är sparad. Den tidigare texten finns kvar.'),
  ).toBeVisible();
  await expect(againEntry).toContainText('fått ett trygghetslarm');
  await againEntry.getByRole('button', { name: /^Rätta/ }).click();
  await expect(restored.getByLabel('Skäl till rättelsen')).toHaveValue('');
  await expect(restored.getByText(/Utkast från .* har återställts\./)).toHaveCount(0);
  await expectAccessible(again);
});

test('a step the case flow does not allow yet says why, where the step would be', async ({
  page,
  login,
}) => {
  await login('anna.handlaggare');
  await registerIntake(page, { givenName: 'Tilda', familyName: 'Steg' }, 'Polisunderrättelse');
  const application = page.getByRole('region', { name: 'Ansökan eller samtycke' });
  const assessment = page.getByRole('region', { name: 'Förhandsbedömning', exact: true });
  const closing = page.getByRole('region', { name: 'Avsluta ärendet' });

  // A police notification, no application: an utredning about her cannot be opened yet.
  await expect(application.getByRole('button', { name: /^Registrera/ })).toBeVisible();
  await expect(
    assessment.getByRole('radio', { name: 'Utredning inleds', exact: true }),
  ).toBeDisabled();
  await expect(assessment).toContainText(
    'En utredning om en vuxen kan inte inledas mot personens vilja. Registrera ansökan eller samtycke först.',
  );
  await expect(assessment.getByRole('radio', { name: 'Ingen utredning inleds' })).toBeEnabled();
  // In förhandsbedömning the matter ends with the förhandsbedömning, not a bare closing.
  await expect(closing).toContainText(
    'Ett ärende i förhandsbedömning avslutas med förhandsbedömningen: välj att ingen utredning inleds och skriv skälet.',
  );
  await expect(closing.getByRole('button', { name: 'Avsluta ärendet' })).toHaveCount(0);
  await expectAccessible(page);

  // A child in the household without orosanmälan holds both the förhandsbedömning and closing.
  await page.getByRole('button', { name: 'Lägg till barn i hushållet' }).click();
  const child = page.getByRole('form', { name: 'Nytt barn i hushållet' });
  await child.getByLabel('Förnamn', { exact: true }).fill('Sigge');
  await child.getByLabel('Efternamn', { exact: true }).fill('Steg');
  await child.getByRole('button', { name: 'Lägg till barnet' }).click();
  await expect(page.getByText('Sigge Steg är registrerad i hushållet.')).toBeVisible();
  await expect(assessment).toContainText(
    'Det finns barn i hushållet. Registrera orosanmälan till barn och unga, eller ange skälet till att den inte görs, innan förhandsbedömningen avslutas.',
  );
  await expect(assessment.getByRole('radio')).toHaveCount(0);
  await expect(closing).toContainText(
    'Det finns barn i hushållet. Registrera orosanmälan, eller ange skälet till att den inte görs, innan ärendet avslutas.',
  );
  await expect(closing.getByRole('button', { name: 'Avsluta ärendet' })).toHaveCount(0);
  // Her application may still come: it is not held by the child's duty.
  await expect(application.getByRole('button', { name: /^Registrera/ })).toBeVisible();
  await expectAccessible(page);
});
