import { setServerClock } from '../clock.ts';
import { expectAccessible, expect, test } from '../fixtures.ts';

/**
 * Socialjour hands over to the day unit (issue 13, item 2), in the browser. The server's clock is
 * moved (e2e/clock.ts), never the job: an intake on a Saturday is planned for the next working
 * day, and a week later the handover job, on its own minute, carries it out.
 */

const DAY_MS = 86_400_000;
const stockholm = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
/** The Swedish date `days` from now, as the forms take it and the page shows it: 'YYYY-MM-DD'. */
const swedishDate = (days: number) => stockholm.format(new Date(Date.now() + days * DAY_MS));

/** Days from today to the next Saturday in Sweden (1–7): a day that is never a working day. */
function daysToSaturday() {
  const weekday = new Date(`${swedishDate(0)}T12:00:00Z`).getUTCDay();
  return (6 - weekday + 7) % 7 || 7;
}

const caseUrl = /\/arenden\/([0-9a-f-]{36})$/;

test.afterEach(() => {
  setServerClock(0);
});

test('the administrator sees and saves socialjour’s handover rules', async ({
  page,
  login,
  visit,
}) => {
  await login('adam.admin');
  await visit('/administration');
  const section = page.getByRole('region', { name: 'Socialjourens överlämning' });
  await expect(section.getByLabel('Dagenhet för våldsutsatt vuxen')).toBeVisible();
  await expect(section.getByLabel('Socialjouren från')).toBeVisible();
  await section.getByRole('button', { name: 'Spara regler' }).click();
  await expect(
    section.getByText('Reglerna för socialjourens överlämning är sparade.'),
  ).toBeVisible();
  await expectAccessible(page);
});

test('socialjour’s Saturday intake goes to the adult unit on the working day, ahead of the matters waiting', async ({
  page,
  login,
  visit,
  expectedApiErrors,
}) => {
  // The job runs every 5 s in the browser suite (playwright.config.ts); it is waited for.
  const saturday = daysToSaturday();
  setServerClock(saturday);
  await login('sara.socialjour');
  await visit('/arenden/ny');
  await page.getByLabel('Målgrupp').selectOption({ label: 'Våldsutsatt vuxen' });
  await page.getByRole('radio', { name: 'En ny person' }).check();
  await page.getByLabel('Förnamn', { exact: true }).fill('Lova');
  await page.getByLabel('Efternamn', { exact: true }).fill('Helgesson');
  await page.getByRole('radio', { name: 'Ansökan (muntlig)' }).check();
  await page.getByLabel('Från vem').fill('Personen själv');
  await page.getByLabel('Hur kom uppgifterna in?').selectOption({ label: 'Telefon' });
  await page.getByLabel('Vad har kommit in?').fill('Ringer på lördagen, vill ha stöd att gå.');
  const when = page.getByRole('group', { name: 'När kom uppgifterna in?' });
  // Saturday just after midnight: never a working day, and never ahead of the server's clock.
  await when.getByLabel('Datum').fill(swedishDate(saturday));
  await when.getByLabel('Klockslag').fill('00:00');
  await page.getByRole('radio', { name: 'Nej', exact: true }).check();
  await page.getByLabel('Motivering').fill('Inget akut enligt samtalet.');
  await page.getByRole('button', { name: 'Registrera aktualiseringen' }).click();
  await expect(page).toHaveURL(caseUrl);
  const caseId = caseUrl.exec(page.url())?.[1] ?? '';
  expect(caseId).not.toBe('');
  await expect(
    page.getByText(/^Överlämnas till Relationsvåldsteamet \d{4}-\d{2}-\d{2}$/),
  ).toBeVisible();
  await expectAccessible(page);

  // A week later the handover is due; the job carries it out on its next run. Her session has
  // expired by then.
  const later = saturday + 7;
  setServerClock(later);
  await login('anna.handlaggare');
  await visit('/arenden');
  const queue = page.getByRole('table', { name: 'Inkorg: Relationsvåldsteamet' });
  const row = queue.getByRole('row', { name: /Lova Helgesson/ });
  await expect(async () => {
    await page.reload();
    await expect(row).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000, intervals: [1_000] });
  await expect(row).toContainText(`Överlämnat från socialjouren ${swedishDate(later)}`);
  // First in the queue: only acute matters, and others handed over from socialjour (by earlier
  // specs), come before it, and it goes ahead of the older matters that are not acute.
  const rows = await queue.locator('tbody tr').allInnerTexts();
  const at = rows.findIndex((text) => text.includes('Lova Helgesson'));
  expect(at).toBeGreaterThanOrEqual(0);
  expect(
    rows
      .slice(0, at)
      .filter(
        (text) =>
          !text.includes('Akut skyddsbehov') && !text.includes('Överlämnat från socialjouren'),
      ),
  ).toEqual([]);
  expect(rows.slice(at + 1).some((text) => !text.includes('Akut skyddsbehov'))).toBe(true);
  await expectAccessible(page);

  await visit(`/arenden/${caseId}`);
  await expect(
    page.getByText(`Överlämnat från socialjouren ${swedishDate(later)}`, { exact: true }),
  ).toBeVisible();
  await expect(page.getByText(/^Överlämnas till/)).toHaveCount(0);
  await expectAccessible(page);

  // Socialjour's hold on the case ended with the handover.
  expectedApiErrors.push({ path: `/api/cases/${caseId}`, status: 404 });
  await page.getByRole('button', { name: 'Logga ut' }).click();
  await login('sara.socialjour');
  await visit(`/arenden/${caseId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Sidan finns inte' })).toBeVisible();
  await expect(page.getByText('Helgesson')).toHaveCount(0);
});
