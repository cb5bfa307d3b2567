import { setServerClock } from '../clock.ts';
import { expectAccessible, expect, test } from '../fixtures.ts';

const caseUrl = /\/arenden\/([0-9a-f-]{36})$/;

/** Days from today to the next Saturday in Sweden: socialjour's night, no handover mid-test. */
function daysToSaturday() {
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(
    new Date(),
  );
  const weekday = new Date(`${today}T12:00:00Z`).getUTCDay();
  return (6 - weekday + 7) % 7 || 7;
}

test.afterEach(() => {
  setServerClock(0);
});

test('a perpetrator’s tillfälligt boende is refused without the victim’s wish, naming what is missing', async ({
  page,
  login,
  visit,
  expectedApiErrors,
}) => {
  expectedApiErrors.push({ path: /^\/api\/cases\/[0-9a-f-]{36}\/acute-decisions$/, status: 409 });
  const saturday = daysToSaturday();
  setServerClock(saturday);
  await page.clock.setFixedTime(new Date(Date.now() + saturday * 86_400_000));
  await login('sara.socialjour');
  await visit('/arenden/ny');
  await page.getByLabel('Målgrupp').selectOption({ label: 'Våldsutövare' });
  await page.getByRole('radio', { name: 'En ny person' }).check();
  await page.getByLabel('Förnamn', { exact: true }).fill('Ulf');
  await page.getByLabel('Efternamn', { exact: true }).fill('Utflyttad');
  await page.getByRole('radio', { name: 'Ansökan (muntlig)' }).check();
  await page.getByLabel('Från vem').fill('Personen själv');
  await page.getByLabel('Hur kom uppgifterna in?').selectOption({ label: 'Telefon' });
  await page
    .getByLabel('Vad har kommit in?')
    .fill(
      'Ringer efter ett bråk hemma. Vill flytta ut i natt så att sambon och barnen kan bo kvar.',
    );
  await page.getByRole('radio', { name: 'Ja, akut skyddsbehov' }).check();
  await page.getByLabel('Motivering').fill('Han behöver tak över huvudet i natt.');
  await page.getByRole('button', { name: 'Registrera aktualiseringen' }).click();
  await expect(page).toHaveURL(caseUrl);
  const caseId = caseUrl.exec(page.url())?.[1] ?? '';
  expect(caseId).not.toBe('');

  await visit(`/arenden/${caseId}?flik=beslut`);
  const form = page.getByRole('form', { name: 'Nytt akut beslut' });
  await expect(form).toBeVisible();
  // The catalogue: skyddat boende is not for the person who uses violence.
  await expect(
    form.getByLabel('Insats').locator('option', { hasText: 'Skyddat boende' }),
  ).toHaveCount(0);
  await form.getByLabel('Insats').selectOption({ label: 'Tillfälligt boende' });
  await expect(
    form.getByRole('group', { name: 'Tillfälligt boende för våldsutövaren' }),
  ).toBeVisible();
  await form.getByLabel('Vad personen behöver').fill('Ett rum på vandrarhem i två veckor.');
  await form
    .getByLabel('Personens egen bedömning av faran')
    .fill('Han säger att det inte är farligt.');
  await form
    .getByLabel('Varför beslutet inte kan vänta på kommunicering')
    .fill('Han behöver lämna bostaden i natt.');
  await form.getByLabel('Motivering').fill('Han flyttar ut så att hon och barnen kan bo kvar.');
  const end = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(
    new Date(Date.now() + (saturday + 14) * 86_400_000),
  );
  await form.getByLabel('Till och med', { exact: true }).fill(end);
  await form.getByLabel('Hur?').selectOption({ label: 'Personligen vid möte' });
  await form.getByRole('button', { name: 'Fatta det akuta beslutet' }).click();
  await expect(form.getByRole('alert')).toContainText(
    'Den våldsutsattas önskan att bo kvar i bostaden är inte dokumenterad',
  );
  await expect(form.getByRole('alert')).toContainText('riskbedömning');
  await expectAccessible(page);
});
