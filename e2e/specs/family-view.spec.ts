import { expectAccessible, expect, test } from '../fixtures.ts';

// The Lind family in the demo data: Maria (Relationsvåldsteamet, Anna), Johan who uses violence
// against her (his own case in the team's inkorg), their children Elsa (Barn och unga, Bo) and
// Noah (Barn och unga's inkorg). Each has their own file; the family view coordinates them.

test('the victim’s handläggare reaches Familjen from the case by keyboard, and sees whom to call — never what the others’ files say', async ({
  page,
  login,
  visit,
}) => {
  await login('anna.handlaggare');
  await visit('/arenden');
  await page
    .getByRole('table', { name: 'Mina öppna ärenden' })
    .getByRole('row', { name: /Maria Lind/ })
    .getByRole('link', { name: 'Våldsutsatt vuxen' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ärende: Maria Lind' })).toBeVisible();

  const toFamily = page.getByRole('link', { name: 'Familjen' });
  await toFamily.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Familjen: Maria Lind' })).toBeVisible();
  // The heading takes focus after the navigation, so reading starts at the new page.
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await expectAccessible(page);

  const persons = page.getByRole('region', { name: 'Personer i familjen' });
  const johan = persons.getByRole('listitem').filter({ hasText: 'Johan Lind' }).first();
  await expect(johan).toContainText('Partner');
  await expect(johan).toContainText('Relationsvåldsteamet');
  await expect(johan).toContainText('Ingen handläggare ännu');
  const elsa = persons.getByRole('listitem').filter({ hasText: 'Elsa Lind' }).first();
  await expect(elsa).toContainText('Barn');
  await expect(elsa).toContainText('Handläggare Bo Barnsekreterare, Barn och unga');
  // Not a word of the children's files: Elsa's orosanmälan, her school.
  await expect(page.getByText('bevittnat våld mellan föräldrarna', { exact: false })).toHaveCount(
    0,
  );
  await expect(page.getByText('Exempelskolan', { exact: false })).toHaveCount(0);

  // The one place to start the orosanmälan: the case's own step, by keyboard.
  const report = page.getByRole('link', { name: 'Gör orosanmälan för barnen i hushållet' });
  await report.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Ärende: Maria Lind' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Barn i hushållet' })).toBeVisible();
});

test('the children’s handläggare sees the parents and who handles each, on Familjen of the child’s case', async ({
  page,
  login,
  visit,
}) => {
  await login('bo.barn');
  await visit('/arenden');
  await page
    .getByRole('table', { name: 'Mina öppna ärenden' })
    .getByRole('row', { name: /Elsa Lind/ })
    .getByRole('link', { name: 'Barn som utsatts för eller upplevt våld' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ärende: Elsa Lind' })).toBeVisible();
  // A child's case shows its vårdnadshavare (the demo records both parents) and whom to call
  // about each, and so does the child's personakt.
  const mother = 'Maria Lind – handläggare Anna Handläggare, Relationsvåldsteamet';
  await expect(page.getByText('Vårdnadshavare', { exact: true })).toBeVisible();
  await expect(page.getByText(mother, { exact: true })).toBeVisible();
  await page.getByRole('link', { name: 'Personakt' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Elsa Lind' })).toBeVisible();
  const guardians = page.getByRole('region', { name: 'Vårdnadshavare' });
  await expect(guardians.getByText(mother, { exact: true })).toBeVisible();
  await expect(guardians.getByText('Inga registrerade')).toHaveCount(0);
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Ärende: Elsa Lind' })).toBeVisible();
  await page.getByRole('link', { name: 'Familjen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Familjen: Elsa Lind' })).toBeVisible();
  await expectAccessible(page);

  const persons = page.getByRole('region', { name: 'Personer i familjen' });
  const maria = persons.getByRole('listitem').filter({ hasText: 'Maria Lind' }).first();
  await expect(maria).toContainText('Förälder');
  await expect(maria).toContainText('Handläggare Anna Handläggare, Relationsvåldsteamet');
  // No orosanmälan from a child's own case; nothing of the mother's file.
  await expect(page.getByRole('heading', { name: 'Orosanmälan' })).toHaveCount(0);
  await expect(page.getByText('misshandel i hemmet', { exact: false })).toHaveCount(0);
  await expect(page.getByText('070-174 06 05')).toHaveCount(0);
});
