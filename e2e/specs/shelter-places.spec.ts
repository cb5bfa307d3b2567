import { expectAccessible, expect, test } from '../fixtures.ts';

const caseUrl = /\/arenden\/([0-9a-f-]{36})$/;

test('the administrator registers a shelter and edits it as a new version', async ({
  page,
  login,
  visit,
}) => {
  await login('adam.admin');
  await visit('/administration');
  const section = page.getByRole('region', { name: 'Utförare och skyddade boenden' });
  // The demo's shelters, with their free places counted from running uppdrag.
  await expect(section.getByRole('rowheader', { name: /Skyddat boende Fristad/ })).toBeVisible();

  const form = page.getByRole('form', { name: 'Ny utförare' });
  await form.getByLabel('Utförarens namn').fill('Kvinnojouren Lärkan');
  await form.getByRole('checkbox', { name: 'Skyddat boende' }).check();
  // A shelter without places is refused in Swedish, on the field.
  await form.getByRole('button', { name: 'Registrera utföraren' }).click();
  await expect(form.getByText('Ange ett heltal.').first()).toBeVisible();
  await form.getByLabel('Antal platser').fill('5');
  await form.getByLabel('Skyddsnivå').selectOption({ label: 'Skyddsnivå 1 – lås och larm' });
  await form.getByRole('checkbox', { name: 'Husdjur' }).check();
  await form.getByRole('button', { name: 'Registrera utföraren' }).click();
  await expect(page.getByText('Utföraren Kvinnojouren Lärkan är registrerad.')).toBeVisible();
  const row = section.getByRole('row', { name: /Kvinnojouren Lärkan/ });
  await expect(row).toContainText('5 lediga av 5');
  await expectAccessible(page);

  await row.getByRole('button', { name: /Ändra/ }).click();
  const edit = page.getByRole('form', { name: 'Ändra Kvinnojouren Lärkan' });
  await edit.getByLabel('Antal platser').fill('7');
  await edit.getByRole('radio', { name: 'Inaktiv' }).check();
  await edit.getByRole('button', { name: 'Spara ändringen' }).click();
  await expect(
    page.getByText('Utföraren Kvinnojouren Lärkan är sparad (version 2).'),
  ).toBeVisible();
  await expect(row).toContainText('7 lediga av 7');
  await expect(row).toContainText('Inaktiv');
  await expectAccessible(page);
});

test('a handläggare searches a place in skyddat boende, records who could not be placed, and names the place in the beslut', async ({
  page,
  login,
  visit,
}) => {
  await login('anna.handlaggare');
  await visit('/arenden/ny');
  await page.getByLabel('Målgrupp').selectOption({ label: 'Våldsutsatt vuxen' });
  await page.getByRole('radio', { name: 'En ny person' }).check();
  await page.getByLabel('Förnamn', { exact: true }).fill('Petra');
  await page.getByLabel('Efternamn', { exact: true }).fill('Platsson');
  await page.getByRole('radio', { name: 'Ansökan (muntlig)' }).check();
  await page.getByLabel('Från vem').fill('Personen själv');
  await page.getByLabel('Hur kom uppgifterna in?').selectOption({ label: 'Telefon' });
  await page.getByLabel('Vad har kommit in?').fill('Behöver skydd i kväll med sina två barn.');
  await page.getByRole('radio', { name: 'Ja, akut skyddsbehov' }).check();
  await page.getByLabel('Motivering').fill('Sambon har hotat att döda henne.');
  await page.getByRole('button', { name: 'Registrera aktualiseringen' }).click();
  await expect(page).toHaveURL(caseUrl);
  const caseId = caseUrl.exec(page.url())?.[1] ?? '';

  await visit(`/arenden/${caseId}?flik=beslut`);
  const form = page.getByRole('form', { name: 'Nytt akut beslut' });
  await form.getByLabel('Insats').selectOption({ label: 'Skyddat boende' });
  await form.getByRole('button', { name: 'Sök plats i skyddat boende' }).click();
  const search = page.getByRole('region', { name: 'Sök plats i skyddat boende' });
  await search.getByLabel('Antal barn som följer med').fill('2');
  await search.getByRole('checkbox', { name: 'Husdjur' }).check();
  await search.getByRole('checkbox', { name: 'Rullstol' }).check();
  await search.getByRole('button', { name: 'Sök', exact: true }).click();
  await expect(
    search.getByText('0 boenden med ledig plats, 0 som passar men är fulla.'),
  ).toBeVisible();
  await expectAccessible(page);

  // Nothing fits: recorded on the case with the reason and what was needed.
  await expect(search.getByLabel('Skäl')).toHaveValue('no_matching_shelter');
  await search.getByRole('button', { name: 'Registrera att ingen plats kunde ordnas' }).click();
  await expect(search.getByText('Förfrågan är registrerad på ärendet.')).toBeVisible();
  await expect(page.getByText('Förfrågningar om plats som inte kunde ordnas')).toBeVisible();
  await expect(
    page.getByRole('listitem').filter({ hasText: 'Inget boende som passar behoven' }),
  ).toBeVisible();

  // Without the wheelchair: the lowest sufficient protection first, not the highest.
  await search.getByRole('checkbox', { name: 'Husdjur' }).uncheck();
  await search.getByRole('checkbox', { name: 'Rullstol' }).uncheck();
  await search.getByRole('button', { name: 'Sök', exact: true }).click();
  const free = search.getByRole('table', { name: 'Passar och har ledig plats nu' });
  await expect(free.getByRole('rowheader')).toHaveText([
    'Kvinnojouren Tranan',
    'Skyddat boende Fristad',
  ]);
  await expectAccessible(page);
  await free.getByRole('button', { name: 'Välj Skyddat boende Fristad' }).click();
  await expect(form.getByLabel('Plats (utförare)')).toHaveValue(/[0-9a-f-]{36}/);
  await expect(form.getByLabel('Plats (utförare)').locator('option:checked')).toHaveText(
    'Skyddat boende Fristad',
  );

  await form.getByLabel('Vad personen behöver').fill('En skyddad plats i natt med barnen.');
  await form
    .getByLabel('Personens egen bedömning av faran')
    .fill('Hon tror att han kommer att leta efter henne.');
  await form
    .getByLabel('Varför beslutet inte kan vänta på kommunicering')
    .fill('Hon kan inte återvända hem i natt.');
  await form.getByLabel('Motivering').fill('Akut skyddsbehov.');
  const end = await page.evaluate(() => {
    const d = new Date(Date.now() + 14 * 86_400_000);
    return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(d);
  });
  await form.getByLabel('Till och med', { exact: true }).fill(end);
  await form.getByLabel('Hur?').selectOption({ label: 'Personligen vid möte' });
  await form.getByRole('button', { name: 'Fatta det akuta beslutet' }).click();
  const decision = page.getByRole('article', { name: 'Skyddat boende: Bifall' });
  await expect(decision).toContainText('Plats (utförare)');
  await expect(decision).toContainText('Skyddat boende Fristad');
  // The running insats names its place beside its end, for the handläggare assigned.
  await expect(
    page.getByText(`Pågår: Skyddat boende (Skyddat boende Fristad) till och med ${end}`),
  ).toBeVisible();
  await expectAccessible(page);
});
