import type { Page } from '@playwright/test';
import { expectAccessible, expect, test } from '../fixtures.ts';

// Children's numbers from Skatteverket's test list that the demo data does not use.
const children = [
  { givenName: 'Alva', familyName: 'Strand', number: '20160902-2387' },
  { givenName: 'Elias', familyName: 'Strand', number: '20170101-2393' },
];

const caseUrl = /\/arenden\/([0-9a-f-]{36})$/;

/** Registers a police notification for a new woman without a known number, acute need yes. */
async function registerPoliceNotification(
  page: Page,
  woman: { givenName: string; familyName: string },
) {
  await page.getByRole('link', { name: 'Ny aktualisering' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ny aktualisering' })).toBeVisible();
  await page.getByLabel('Målgrupp').selectOption({ label: 'Våldsutsatt vuxen' });
  await page.getByRole('radio', { name: 'En ny person' }).check();
  await page.getByLabel('Förnamn').fill(woman.givenName);
  await page.getByLabel('Efternamn').fill(woman.familyName);
  await page.getByRole('radio', { name: 'Polisunderrättelse' }).check();
  await page.getByLabel('Från vem').fill('Polisen, region Stockholm');
  await page.getByLabel('Hur kom uppgifterna in?').selectOption({ label: 'Från polisen' });
  await page
    .getByLabel('Vad har kommit in?')
    .fill('Polisen underrättar om misshandel i bostaden i natt. Två barn fanns hemma.');
  await page.getByRole('radio', { name: 'Ja, akut skyddsbehov' }).check();
  await expect(page.getByText('Akut skyddsbehov: ärendet går först i kön.')).toBeVisible();
  await page
    .getByLabel('Motivering')
    .fill('Kvinnan säger att mannen har hotat att döda henne och att han vet var hon är.');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Registrera aktualiseringen' }).click();
  await expect(page).toHaveURL(caseUrl);
  await expect(
    page.getByRole('heading', {
      level: 1,
      name: `Ärende: ${woman.givenName} ${woman.familyName}`,
    }),
  ).toBeVisible();
  return caseUrl.exec(page.url())?.[1] ?? '';
}

test('a police notification for a new woman goes through the intake steps', async ({
  page,
  login,
  visit,
}) => {
  await login('anna.handlaggare');
  await visit('/arenden');
  const caseId = await registerPoliceNotification(page, {
    givenName: 'Nora',
    familyName: 'Strand',
  });
  expect(caseId).not.toBe('');
  await expect(page.getByText('Ja, akut skyddsbehov').first()).toBeVisible();
  await expect(page.getByText('Anna Handläggare').first()).toBeVisible();
  await expectAccessible(page);

  // Consent to an utredning.
  await page.getByRole('radio', { name: 'Samtycke till utredning' }).check();
  await page.getByRole('button', { name: 'Registrera samtycke till utredning' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'är registrerad' })).toBeVisible();
  await expect(
    page.getByText('Personen har ansökt eller samtyckt till en utredning.'),
  ).toBeVisible();

  // Her two children.
  for (const child of children) {
    await page.getByRole('button', { name: 'Lägg till barn i hushållet' }).click();
    const form = page.getByRole('form', { name: 'Nytt barn i hushållet' });
    await expect(form.getByRole('heading', { name: 'Nytt barn i hushållet' })).toBeFocused();
    await form.getByLabel('Förnamn').fill(child.givenName);
    await form.getByLabel('Efternamn').fill(child.familyName);
    await form.getByLabel('Personnummer', { exact: true }).fill(child.number);
    await expectAccessible(page);
    await form.getByRole('button', { name: 'Lägg till barnet' }).click();
    await expect(
      page.getByRole('row', { name: new RegExp(child.givenName) }).getByText('Orosanmälan saknas'),
    ).toBeVisible();
  }
  await expect(page.getByText('Orosanmälan saknas för 2 barn.')).toBeVisible();
  await expectAccessible(page);

  for (const child of children) {
    const row = page.getByRole('row', { name: new RegExp(child.givenName) });
    await row.getByRole('button', { name: /^Gör orosanmälan/ }).click();
    const form = page.getByRole('form', {
      name: `Orosanmälan för ${child.givenName} ${child.familyName}`,
    });
    await expect(form.getByRole('heading')).toBeFocused();
    await form
      .getByLabel('Oron för barnet')
      .fill('Barnet var hemma när pappan misshandlade mamman i natt.');
    await expectAccessible(page);
    await form.getByRole('button', { name: 'Skicka orosanmälan' }).click();
    await expect(row.getByText('Orosanmälan gjord')).toBeVisible();
  }

  // Förhandsbedömning: open an utredning with the template for a victim.
  await page.getByRole('radio', { name: 'Utredning inleds', exact: true }).check();
  await page.getByRole('radio', { name: 'Utredning (våldsutsatt)' }).check();
  await page.getByLabel('Skäl').fill('Hon samtycker och behöver skydd och stöd.');
  await page.getByRole('button', { name: 'Spara förhandsbedömningen' }).click();
  await expect(page.getByText('Utredningen är inledd.')).toBeVisible();
  await expect(page.getByText('Fas').locator('xpath=following-sibling::dd[1]')).toHaveText(
    'Utredning',
  );
  await expectAccessible(page);
});

test('the intake form names what is missing, and the server’s field errors land on the field', async ({
  page,
  login,
  visit,
  expectedApiErrors,
}) => {
  expectedApiErrors.push({ path: '/api/intakes', status: 400 });
  await login('anna.handlaggare');
  await visit('/arenden/ny');
  await page.getByRole('button', { name: 'Registrera aktualiseringen' }).click();
  for (const message of [
    'Välj målgrupp.',
    'Välj vem aktualiseringen gäller.',
    'Välj typ av aktualisering.',
    'Ange vem som lämnade uppgifterna.',
    'Svara på om det finns ett akut skyddsbehov.',
  ]) {
    await expect(page.getByRole('link', { name: message })).toBeVisible();
  }
  await expectAccessible(page);

  await page.getByLabel('Målgrupp').selectOption({ label: 'Våldsutsatt vuxen' });
  await page.getByRole('radio', { name: 'En ny person' }).check();
  await page.getByLabel('Förnamn').fill('Vera');
  await page.getByLabel('Efternamn').fill('Dahl');
  await page.getByLabel('Personnummer', { exact: true }).fill('19920312-2381');
  await page.getByRole('radio', { name: 'Ansökan (muntlig)' }).check();
  await page.getByLabel('Från vem').fill('Personen själv');
  await page.getByLabel('Hur kom uppgifterna in?').selectOption({ label: 'Telefon' });
  await page.getByLabel('Vad har kommit in?').fill('Ringer och vill ha stöd.');
  await page.getByRole('radio', { name: 'Nej', exact: true }).check();
  await page.getByLabel('Motivering').fill('Bor hos en väninna, mannen vet inte var.');
  await page.getByRole('button', { name: 'Registrera aktualiseringen' }).click();
  // Checked in the browser with the same rule as the server.
  await expect(page.getByLabel('Personnummer', { exact: true })).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await expect(
    page.getByRole('link', { name: 'Kontrollsiffran stämmer inte.', exact: false }),
  ).toBeVisible();
  await page.getByLabel('Personnummer', { exact: true }).fill('');

  // Only the server knows the time now: a receipt time tomorrow is refused on its field.
  const tomorrow = new Date(Date.now() + 36 * 3_600_000).toISOString().slice(0, 10);
  await page.getByLabel('Datum', { exact: true }).fill(tomorrow);
  await page.getByRole('button', { name: 'Registrera aktualiseringen' }).click();
  await expect(
    page.getByRole('link', { name: 'Tidpunkten kan inte ligga i framtiden.' }),
  ).toBeVisible();
  await expect(page.getByLabel('Datum', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);
});

test('a step taken out of order is refused in words that name the missing step', async ({
  page,
  login,
  visit,
  expectedApiErrors,
}) => {
  expectedApiErrors.push({
    path: /^\/api\/cases\/[0-9a-f-]{36}\/preliminary-assessment$/,
    status: 409,
  });
  await login('anna.handlaggare');
  await visit('/arenden');
  await registerPoliceNotification(page, { givenName: 'Ida', familyName: 'Berglund' });

  // No application or consent yet: an utredning about an adult cannot be opened.
  await page.getByRole('radio', { name: 'Utredning inleds', exact: true }).check();
  await page.getByLabel('Skäl').fill('Polisen bedömer att hon behöver stöd.');
  await page.getByRole('button', { name: 'Spara förhandsbedömningen' }).click();
  await expect(page.getByRole('alert')).toContainText(
    'En utredning om en vuxen kan inte inledas mot personens vilja. Registrera ansökan eller samtycke först.',
  );
  await expectAccessible(page);

  // With her consent, and the reason no orosanmälan is needed for a child, it can.
  await page.getByRole('radio', { name: 'Samtycke till utredning' }).check();
  await page.getByRole('button', { name: 'Registrera samtycke till utredning' }).click();
  await expect(
    page.getByText('Personen har ansökt eller samtyckt till en utredning.'),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Spara förhandsbedömningen' }).click();
  await expect(page.getByText('Utredningen är inledd.')).toBeVisible();
});
