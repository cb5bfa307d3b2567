import type { Page } from '@playwright/test';
import { expectAccessible, expect, test } from '../fixtures.ts';
import { expectNoneOf, leilaSecrets, recordApiAnswers } from './protected-markers.ts';

// Demo persons (server/seed/demo.ts): all fictional, numbers from Skatteverket's test list.
const maria = { number: '19920312-2388', name: 'Maria Lind' };
const leila = { number: '19920615-2382', name: 'Leila Haddad' };

async function searchByNumber(page: Page, number: string) {
  await page.getByLabel('Typ av nummer').selectOption('personnummer');
  await page.getByLabel('Personnummer', { exact: true }).fill(number);
  await page.getByRole('button', { name: 'Sök', exact: true }).click();
}

test('a handläggare finds her client by personnummer and sees which channels are unsafe', async ({
  page,
  login,
  visit,
}) => {
  await login('anna.handlaggare');
  await visit('/personer');
  await searchByNumber(page, maria.number);
  await expect(page.getByText('En person hittades.')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: maria.name }).click();
  await expect(page.getByRole('heading', { level: 1, name: maria.name })).toBeVisible();
  await expect(page.getByText(`Personnummer ${maria.number}`)).toBeVisible();
  // No protection: no banner; details are shown inline with unsafe channels marked in words.
  await expect(page.locator('.protection-banner')).toHaveCount(0);
  await expect(page.getByText('Får inte användas för kontakt').first()).toBeVisible();
  await expect(page.getByText('Säker för kontakt').first()).toBeVisible();
  await expect(page.getByRole('table', { name: 'Relationer' })).toContainText('Partner');
  await expect(page.getByRole('table', { name: 'Ärenden' })).toContainText('Våldsutsatt vuxen');
  await expectAccessible(page);

  // The relation leads to the other person's file (here through the unit's intake queue).
  await page.getByRole('link', { name: 'Johan Lind' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Johan Lind' })).toBeVisible();
  await expect(page.getByText('Din åtkomst: Enhetens inkorg')).toBeVisible();
  await expectAccessible(page);
});

test('a protected person carries a banner and her details are shown only on request', async ({
  page,
  login,
  visit,
}) => {
  await login('anna.handlaggare');
  await visit('/personer');
  await searchByNumber(page, leila.number);
  await expect(page.getByText('Skyddad folkbokföring')).toBeVisible();
  await page.getByRole('link', { name: leila.name }).click();
  await expect(page.getByRole('heading', { level: 1, name: leila.name })).toBeVisible();
  const banner = page.locator('.protection-banner');
  await expect(banner).toContainText(
    'Skyddad folkbokföring – lämna aldrig ut adress eller kontaktuppgifter',
  );
  // Never fetched on its own: nothing of the whereabouts until she asks.
  await expect(page.getByText('Skyddat boende Fristad, rum 4')).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Visa skyddade uppgifter' }).click();
  await expect(page.getByText('Skyddat boende Fristad, rum 4')).toBeVisible();
  await expect(page.getByText('Får inte användas för kontakt')).toBeVisible();
  await expectAccessible(page);
});

test('a name search needs two letters, said on the field and in the summary', async ({
  page,
  login,
  visit,
}) => {
  await login('anna.handlaggare');
  await visit('/personer');
  await page.getByRole('radio', { name: 'Namn' }).check();
  await page.getByRole('textbox', { name: 'Namn' }).fill('L');
  await page.getByRole('button', { name: 'Sök', exact: true }).click();
  await expect(page.getByRole('link', { name: 'Skriv minst två bokstäver.' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Namn' })).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);
  await page.getByRole('textbox', { name: 'Namn' }).fill('Lind');
  await page.getByRole('button', { name: 'Sök', exact: true }).click();
  await expect(page.getByRole('link', { name: maria.name })).toBeVisible();
});

test('without a work relation nothing is found; nödåtkomst opens the file, logged', async ({
  page,
  login,
  visit,
}) => {
  await login('hanna.handlaggare');
  await visit('/personer');
  await searchByNumber(page, leila.number);
  await expect(page.getByText('Ingen person hittades.')).toBeVisible();
  await expect(
    page.getByText('Du ser bara personer som du har en arbetsrelation till'),
  ).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Nödåtkomst' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Nödåtkomst' })).toBeFocused();
  await expect(page.getByText('granskar varje nödåtkomst')).toBeVisible();
  const form = page.locator('section', { has: page.getByRole('heading', { name: 'Nödåtkomst' }) });
  // The number searched for is already filled in.
  await expect(form.getByLabel('Personnummer', { exact: true })).toHaveValue(leila.number);
  await form.getByLabel('Skäl till nödåtkomst').fill('Akut');
  await form.getByRole('button', { name: 'Öppna personakten med nödåtkomst' }).click();
  await expect(
    page.getByRole('link', { name: 'Beskriv skälet med minst tio tecken.' }),
  ).toBeVisible();
  await expectAccessible(page);
  await form
    .getByLabel('Skäl till nödåtkomst')
    .fill('Polisen ringer om akut hot mot Leila; socialjouren behöver veta vem som har ärendet.');
  const answers = recordApiAnswers(page);
  const started = Date.now();
  await form.getByRole('button', { name: 'Öppna personakten med nödåtkomst' }).click();

  await expect(page.getByRole('heading', { level: 1, name: leila.name })).toBeVisible();
  await expect(page.getByText('Du läser personakten med nödåtkomst')).toBeVisible();
  await expect(page.locator('.protection-banner')).toContainText('Skyddad folkbokföring');
  // The banner says until when, in Swedish time: 60 minutes from now.
  const until = (ms: number) =>
    new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Europe/Stockholm',
      hour: '2-digit',
      minute: '2-digit',
    }).format(new Date(ms + 60 * 60_000));
  const times = [...new Set([until(started), until(Date.now())])];
  await expect(page.getByText(/^Nödåtkomst till kl\. \d\d:\d\d$/)).toHaveText(
    new RegExp(`^Nödåtkomst till kl\\. (${times.join('|')})$`),
  );
  // Nödåtkomst never opens the protected details: not on the page, not in any answer.
  await expect(page.getByRole('button', { name: 'Visa skyddade uppgifter' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Ändra skyddade/ })).toHaveCount(0);
  await expectNoneOf(page, leilaSecrets, answers);
  await expectAccessible(page);
});

const anders = { number: '19930815-2397', name: 'Anders Holm' };
const noah = { number: '20160101-2394', name: 'Noah Lind' };

async function openByNumber(page: Page, person: { number: string; name: string }) {
  await searchByNumber(page, person.number);
  await page.getByRole('link', { name: person.name }).click();
  await expect(page.getByRole('heading', { level: 1, name: person.name })).toBeVisible();
}

test('a handläggare marks a channel unsafe and adds a new safe number', async ({
  page,
  login,
  visit,
}) => {
  await login('anna.handlaggare');
  await visit('/personer');
  await openByNumber(page, maria);
  const channels = page.locator('.contact-list');
  const oldPhone = channels.getByRole('listitem').filter({ hasText: '070-174 06 05' });
  await expect(oldPhone).toContainText('Säker för kontakt');

  // The husband has learnt the number: it must not be used any more.
  await oldPhone
    .getByRole('button', { name: 'Ändra om telefon 070-174 06 05 är säker för kontakt' })
    .click();
  await expect(oldPhone.getByRole('radio', { name: 'Ja, säker för kontakt' })).toBeFocused();
  await oldPhone.getByRole('radio', { name: 'Nej, får inte användas för kontakt' }).check();
  await oldPhone.getByLabel('Anteckning', { exact: true }).fill('Maken har fått numret');
  await expectAccessible(page);
  await oldPhone.getByRole('button', { name: 'Spara', exact: true }).click();
  await expect(
    page.getByText('Telefon 070-174 06 05: får inte användas för kontakt.'),
  ).toBeVisible();
  await expect(oldPhone.getByText('Får inte användas för kontakt')).toBeVisible();
  await expect(oldPhone.getByRole('button', { name: /^Ändra/ })).toBeFocused();

  // A new number only Maria has. Both questions must be answered.
  await page.getByRole('button', { name: 'Lägg till kontaktuppgift' }).click();
  const form = page.getByRole('form', { name: 'Ny kontaktuppgift' });
  await expect(form.getByRole('heading', { name: 'Ny kontaktuppgift' })).toBeFocused();
  await form.getByRole('button', { name: 'Spara kontaktuppgiften' }).click();
  await expect(page.getByRole('link', { name: 'Fyll i uppgiften.' })).toBeVisible();
  await expect(
    page.getByRole('link', { name: 'Välj om uppgiften är säker för kontakt.' }),
  ).toBeVisible();
  await expectAccessible(page);
  await form.getByLabel('Typ av kontaktuppgift').selectOption('phone');
  await form.getByLabel('Telefonnummer').fill('070-174 06 12');
  await form.getByRole('radio', { name: 'Ja, säker för kontakt' }).check();
  await form.getByLabel('Anteckning (frivillig)').fill('Nytt nummer, bara Maria har det');
  await form.getByRole('button', { name: 'Spara kontaktuppgiften' }).click();
  await expect(page.getByText('Telefon 070-174 06 12 är sparad.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Lägg till kontaktuppgift' })).toBeFocused();

  // Stored: still so after a reload.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: maria.name })).toBeVisible();
  await expect(oldPhone).toContainText('Får inte användas för kontakt');
  await expect(oldPhone).toContainText('Maken har fått numret');
  await expect(oldPhone).not.toContainText('Säker för kontakt');
  const newPhone = channels.getByRole('listitem').filter({ hasText: '070-174 06 12' });
  await expect(newPhone).toContainText('Säker för kontakt');
  await expect(newPhone).toContainText('Nytt nummer, bara Maria har det');
  await expectAccessible(page);
});

test('a change made meanwhile in another tab is not overwritten; lowering asks first', async ({
  page,
  login,
  visit,
  expectedApiErrors,
}) => {
  expectedApiErrors.push({
    path: /^\/api\/persons\/[0-9a-f-]{36}\/protection-level$/,
    status: 409,
  });
  await login('anna.handlaggare');
  await visit('/personer');
  await openByNumber(page, anders);
  await expect(page.getByText('Nu: Inga skyddade personuppgifter')).toBeVisible();

  // Another tab, same handläggare: she marks him first.
  const other = await page.context().newPage();
  await other.goto(page.url());
  await other.getByRole('button', { name: 'Ändra skyddade personuppgifter' }).click();
  await other.getByRole('radio', { name: 'Sekretessmarkering', exact: true }).check();
  await other.getByRole('button', { name: 'Spara skyddet' }).click();
  await expect(other.getByText('Nu: Sekretessmarkering')).toBeVisible();
  await other.close();

  // This tab still shows the old version: the server refuses, the file is fetched again.
  await page.getByRole('button', { name: 'Ändra skyddade personuppgifter' }).click();
  await page.getByRole('radio', { name: 'Skyddad folkbokföring', exact: true }).check();
  await page.getByRole('button', { name: 'Spara skyddet' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'Någon annan har ändrat uppgifterna' }),
  ).toBeVisible();
  await expect(page.getByText('Nu: Sekretessmarkering')).toBeVisible();
  await expect(page.locator('.protection-banner')).toContainText('Sekretessmarkering');
  await expectAccessible(page);

  // Lowering says in plain words what it means, and can be called off.
  await page.getByRole('radio', { name: 'Inga skyddade personuppgifter', exact: true }).check();
  await page.getByRole('button', { name: 'Spara skyddet' }).click();
  const dialog = page.getByRole('dialog', { name: 'Vill du sänka skyddet?' });
  await expect(dialog).toContainText('Fler medarbetare kommer att kunna se kontaktuppgifterna');
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Nej, behåll skyddet' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Nu: Sekretessmarkering')).toBeVisible();

  await page.getByRole('button', { name: 'Spara skyddet' }).click();
  await dialog.getByRole('button', { name: 'Ja, sänk skyddet' }).click();
  await expect(page.getByText('Nu: Inga skyddade personuppgifter')).toBeVisible();
  await expect(page.locator('.protection-banner')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Kontaktuppgifter och vistelse' })).toBeVisible();
});

test('from the intake queue a handläggare may raise the protection, never lower it', async ({
  page,
  login,
  visit,
}) => {
  await login('bo.barn');
  await visit('/personer');
  await openByNumber(page, noah);
  await expect(page.getByText('Din åtkomst: Enhetens inkorg')).toBeVisible();
  await page.getByRole('button', { name: 'Ändra skyddade personuppgifter' }).click();
  await page.getByRole('radio', { name: 'Sekretessmarkering', exact: true }).check();
  await page.getByRole('button', { name: 'Spara skyddet' }).click();
  await expect(page.getByText('Nu: Sekretessmarkering')).toBeVisible();

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: noah.name })).toBeVisible();
  await expect(page.locator('.protection-banner')).toContainText('Sekretessmarkering');
  await page.getByRole('button', { name: 'Ändra skyddade personuppgifter' }).click();
  await expect(page.getByRole('radio')).toHaveCount(3);
  await expect(page.getByRole('radio', { name: /Sekretessmarkering/ })).toBeChecked();
  await expect(page.getByRole('radio', { name: 'Skyddad folkbokföring' })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Inga skyddade personuppgifter' })).toHaveCount(0);
  await expectAccessible(page);
});
