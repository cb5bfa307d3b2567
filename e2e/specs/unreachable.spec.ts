import type { Page } from '@playwright/test';
import { expectAccessible, expect, test } from '../fixtures.ts';

// Issue 22: Värn survives its database going away. What the person sees while Värn cannot be
// reached.

const calm = 'Värn är inte nåbart just nu – det du skrivit finns kvar';

/** From Mina ärenden to a demo client's journal (server/seed/demo.ts). */
async function openJournal(page: Page, person: string) {
  await page.goto('/arenden');
  await page
    .getByRole('table', { name: 'Mina öppna ärenden' })
    .getByRole('row', { name: new RegExp(person) })
    .getByRole('link', { name: /Våldsutsatt vuxen|Våldsutövare/ })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: `Ärende: ${person}` })).toBeVisible();
  await page.getByRole('tab', { name: 'Journal' }).click();
  await expect(page.getByRole('tab', { name: 'Journal' })).toHaveAttribute('aria-selected', 'true');
  const form = page.getByRole('form', { name: 'Ny journalanteckning' });
  // The form opens once the writer's draft has been read.
  await expect(form.getByLabel('Anteckning')).toBeVisible();
  return form;
}

/**
 * The browser logs a request that got no answer as a console error, which fails any test. Only
 * the failures this test caused on purpose, on the journal path, are let through.
 */
function forgiveLostAnswers(problems: string[]) {
  for (let i = problems.length - 1; i >= 0; i--) {
    const problem = problems[i] ?? '';
    if (/^console: Failed to load resource: net::ERR_\w+ \(.*\/journal(-draft)?\)$/.test(problem)) {
      problems.splice(i, 1);
    }
  }
}

// After each test, pass or fail, so that a failure shows the cause and not these lines as well.
test.afterEach(({ pageProblems }) => {
  forgiveLostAnswers(pageProblems);
});

test('with the network gone, the calm message shows and the text stays until it can be saved', async ({
  page,
  login,
}) => {
  await login('anna.handlaggare');
  const form = await openJournal(page, 'Maria Lind');
  const caseUrl = page.url();
  const text = `Hembesök ${String(Date.now())}. Maria har packat en väska och vill till skyddat boende.`;

  await page.context().setOffline(true);
  await form.getByLabel('Anteckning').fill(text);
  await form.getByLabel('Källa').selectOption({ label: 'Personen själv' });
  // The draft cannot be autosaved either; that too is said calmly.
  await expect(form.locator('.draft-status')).toHaveText(calm);
  await form.getByRole('button', { name: 'Spara anteckningen' }).click();
  const message = page.getByRole('alert').filter({ hasText: calm });
  await expect(message).toBeVisible();
  await expect(message).toContainText('Försök igen om en liten stund.');
  await expect(form.getByLabel('Anteckning')).toHaveValue(text);
  expect(page.url()).toBe(caseUrl);
  await expectAccessible(page);

  // Back again: the same press saves it, once.
  await page.context().setOffline(false);
  await form.getByRole('button', { name: 'Spara anteckningen' }).click();
  await expect(page.getByText('Journalanteckningen är sparad.')).toBeVisible();
  await expect(message).toBeHidden();
  await page.reload();
  await expect(page.getByRole('article').filter({ hasText: text })).toHaveCount(1);
});
