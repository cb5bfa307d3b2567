import { expectAccessible, expect, test } from '../fixtures.ts';

test('a handläggare sees her open cases with protection and target group', async ({
  page,
  login,
  visit,
}) => {
  await login('anna.handlaggare');
  await visit('/arenden');
  const mine = page.getByRole('table', { name: 'Mina öppna ärenden' });
  await expect(mine.getByRole('link', { name: 'Maria Lind' })).toBeVisible();
  const leila = mine.getByRole('row', { name: /Leila Haddad/ });
  await expect(leila).toContainText('Skyddad folkbokföring');
  await expect(leila).toContainText('Hedersrelaterat våld och förtryck');
  await expect(leila).toContainText('Relationsvåldsteamet');
  await expect(mine.getByRole('row', { name: /Emma Sjöberg/ })).toContainText(
    'Fingerade personuppgifter',
  );
  // A closed case is not among the open ones.
  await expect(mine.getByText('Karin Ek')).toHaveCount(0);
  // Another unit's case is not hers.
  await expect(mine.getByText('Elsa Lind')).toHaveCount(0);
});

test('from the intake queue a handläggare may raise a person’s protection, not lower it', async ({
  page,
  login,
  visit,
}) => {
  await login('anna.handlaggare');
  await visit('/arenden');
  const queue = page.getByRole('table', { name: 'Inkorg: Relationsvåldsteamet' });
  await queue.getByRole('link', { name: 'Sofia Berg' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sofia Berg' })).toBeVisible();
  await expect(page.getByText('Din åtkomst: Enhetens inkorg')).toBeVisible();
  await page.getByRole('button', { name: 'Ändra skyddade personuppgifter' }).click();
  await expect(page.getByRole('radio', { name: 'Sekretessmarkering (gäller nu)' })).toBeChecked();
  await expect(page.getByRole('radio', { name: 'Skyddad folkbokföring' })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Fingerade personuppgifter' })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Inga skyddade personuppgifter' })).toHaveCount(0);
  await expect(page.getByText('Bara den handläggare som har ärendet kan sänka det.')).toBeVisible();
  await expectAccessible(page);
  // Called off: the next test finds her in the queue with her level as it was.
  await page.getByRole('button', { name: 'Avbryt' }).click();
  await expect(page.getByRole('button', { name: 'Ändra skyddade personuppgifter' })).toBeFocused();
  await expect(page.getByText('Nu: Sekretessmarkering')).toBeVisible();
});

test('a handläggare takes a case from the unit’s intake queue', async ({ page, login, visit }) => {
  await login('anna.handlaggare');
  await visit('/arenden');
  const queue = page.getByRole('table', { name: 'Inkorg: Relationsvåldsteamet' });
  const sofia = queue.getByRole('row', { name: /Sofia Berg/ });
  await expect(sofia).toContainText('Sekretessmarkering');
  await sofia.getByRole('button', { name: /^Ta ärendet/ }).click();
  await expect(page.getByText('Du har tagit ärendet för Sofia Berg.')).toBeVisible();
  await expect(queue.getByText('Sofia Berg')).toHaveCount(0);
  await expect(
    page
      .getByRole('table', { name: 'Mina öppna ärenden' })
      .getByRole('link', { name: 'Sofia Berg' }),
  ).toBeVisible();
  await expectAccessible(page);
});

test('a handläggare without cases is told so, and still sees the queue', async ({
  page,
  login,
  visit,
}) => {
  await login('hanna.handlaggare');
  await visit('/arenden');
  await expect(page.getByText('Du har inga öppna ärenden just nu.')).toBeVisible();
  await expect(
    page.getByRole('heading', { level: 2, name: 'Inkorg: Relationsvåldsteamet' }),
  ).toBeVisible();
});

test('socialjouren sees its own cases and its own queue only', async ({ page, login, visit }) => {
  await login('sara.socialjour');
  await visit('/arenden');
  await expect(
    page.getByRole('table', { name: 'Mina öppna ärenden' }).getByRole('row', { name: /Lina Nord/ }),
  ).toContainText('Sexuellt våld');
  await expect(page.getByRole('heading', { level: 2, name: 'Inkorg: Socialjouren' })).toBeVisible();
  await expect(
    page.getByRole('heading', { level: 2, name: 'Inkorg: Relationsvåldsteamet' }),
  ).toHaveCount(0);
});
