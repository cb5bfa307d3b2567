import { setServerClock, swedishDate } from '../clock.ts';
import { expectAccessible, expect, test } from '../fixtures.ts';

const caseUrl = /\/arenden\/([0-9a-f-]{36})$/;

/** Days from today to the next Saturday in Sweden (1–7): a day that is never a working day. */
function daysToSaturday() {
  const weekday = new Date(`${swedishDate(0)}T12:00:00Z`).getUTCDay();
  return (6 - weekday + 7) % 7 || 7;
}

test.afterEach(() => {
  setServerClock(0);
});

test('socialjour places a woman in skyddat boende tonight, before the utredning, and sees its deadline', async ({
  page,
  login,
  visit,
}) => {
  // A Saturday, for the server and the page alike: socialjour's intake then waits for Monday's
  // handover, so the handover job (every minute) cannot take the case from her mid-test.
  const saturday = daysToSaturday();
  setServerClock(saturday);
  await page.clock.setFixedTime(new Date(Date.now() + saturday * 86_400_000));
  const day = (days = 0) => swedishDate(saturday + days);
  await login('sara.socialjour');
  await visit('/arenden/ny');
  await page.getByLabel('Målgrupp').selectOption({ label: 'Våldsutsatt vuxen' });
  await page.getByRole('radio', { name: 'En ny person' }).check();
  await page.getByLabel('Förnamn', { exact: true }).fill('Siri');
  await page.getByLabel('Efternamn', { exact: true }).fill('Nattsson');
  await page.getByRole('radio', { name: 'Ansökan (muntlig)' }).check();
  await page.getByLabel('Från vem').fill('Personen själv');
  await page.getByLabel('Hur kom uppgifterna in?').selectOption({ label: 'Telefon' });
  await page
    .getByLabel('Vad har kommit in?')
    .fill('Ringer från en bensinmack. Sambon har slagit henne i kväll, hon vågar inte gå hem.');
  await page.getByRole('radio', { name: 'Ja, akut skyddsbehov' }).check();
  await page.getByLabel('Motivering').fill('Hon har skador och säger att han letar efter henne.');
  await page.getByRole('button', { name: 'Registrera aktualiseringen' }).click();
  await expect(page).toHaveURL(caseUrl);
  const caseId = caseUrl.exec(page.url())?.[1] ?? '';
  expect(caseId).not.toBe('');

  // The beslut tab is there before any utredning: an acute beslut may be taken now.
  await visit(`/arenden/${caseId}?flik=beslut`);
  const form = page.getByRole('form', { name: 'Nytt akut beslut' });
  await expect(form).toBeVisible();
  // Only what may be decided acutely, and what she holds delegation for: not stödsamtal.
  await expect(form.getByRole('option', { name: 'Stödsamtal' })).toHaveCount(0);
  // The ordinary beslut still waits for the utredning and its kommunicering.
  await expect(
    page.getByText('Gör förhandsbedömningen och inled en utredning först.').first(),
  ).toBeVisible();

  // Submitting empty names what is missing, in Swedish.
  await form.getByRole('button', { name: 'Fatta det akuta beslutet' }).click();
  await expect(page.getByText('Skriv personens egen bedömning av faran.').first()).toBeVisible();
  await expectAccessible(page);

  await form.getByLabel('Insats').selectOption({ label: 'Skyddat boende' });
  await form.getByLabel('Vad personen behöver').fill('En skyddad plats i natt.');
  await form
    .getByLabel('Personens egen bedömning av faran')
    .fill('Hon säger att han kommer att döda henne om han hittar henne.');
  await form
    .getByLabel('Varför beslutet inte kan vänta på kommunicering')
    .fill('Hon kan inte återvända hem i natt.');
  await form.getByLabel('Motivering').fill('Akut skyddsbehov; inget annat skydd finns i natt.');
  const end = day(14);
  await form.getByLabel('Till och med', { exact: true }).fill(end);
  await form.getByLabel('Hur?').selectOption({ label: 'Personligen vid möte' });
  await form.getByRole('button', { name: 'Fatta det akuta beslutet' }).click();
  await expect(
    page.getByText(`Det akuta beslutet om skyddat boende är fattat och gäller ${day()}–${end}.`, {
      exact: false,
    }),
  ).toBeVisible();

  const decision = page.getByRole('article', { name: 'Skyddat boende: Bifall' });
  await expect(decision).toContainText('Akut beslut');
  await expect(decision).toContainText('25 § andra stycket 4 förvaltningslagen (2017:900)');
  await expect(decision).toContainText(`${day()}–${end}`);
  // The phase is still the förhandsbedömning; the utredning must follow within a week.
  await expect(page.getByText('Fas').locator('xpath=following-sibling::dd[1]')).toHaveText(
    'Förhandsbedömning',
  );
  await expect(
    page.getByText(`I tid: Utredning efter akut beslut, senast ${day(7)}`),
  ).toBeVisible();
  await expect(page.getByText(`Pågår: Skyddat boende till och med ${end}`)).toBeVisible();
  await expectAccessible(page);

  // Her own view of the danger is the case's first risk assessment, to be completed.
  await visit(`/arenden/${caseId}?flik=risk`);
  const assessments = page.getByRole('region', { name: 'Bedömningar' });
  await expect(assessments).toContainText('Personens egen bedömning');
  await expect(assessments).toContainText('han kommer att döda henne');
  await expect(
    page.getByText('Komplettera med en strukturerad riskbedömning.', { exact: false }),
  ).toBeVisible();
  await expectAccessible(page);
});
