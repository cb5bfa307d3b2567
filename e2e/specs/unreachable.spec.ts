import type { Page, Request } from '@playwright/test';
import { expectAccessible, expect, test } from '../fixtures.ts';

// Issue 22: Värn survives its database going away. What the person sees while Värn cannot be
// reached, and that pressing "Spara" again after a lost answer does not save twice.

const calm = 'Värn är inte nåbart just nu – det du skrivit finns kvar';
// Playwright matches a route's pattern against the whole URL.
const journalPath = /\/api\/cases\/[0-9a-f-]{36}\/journal$/;

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

const isJournalSave = (request: Request) =>
  request.method() === 'POST' && journalPath.test(new URL(request.url()).pathname);

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

test('a save whose answer was lost, pressed again, leaves exactly one journal entry', async ({
  page,
  login,
}) => {
  await login('anna.handlaggare');
  const form = await openJournal(page, 'Maria Lind');
  const text = `Telefonsamtal ${String(Date.now())}. Maria vill inte att maken får veta var hon bor.`;
  await form.getByLabel('Anteckning').fill(text);
  await form.getByLabel('Källa').selectOption({ label: 'Personen själv' });
  await expect(form.getByText(/^Utkast sparat \d\d:\d\d$/)).toBeVisible();
  const caseUrl = page.url();

  const keys: (string | undefined)[] = [];
  page.on('request', (request) => {
    if (isJournalSave(request)) keys.push(request.headers()['idempotency-key']);
  });
  // The first save reaches the real server, which saves it; then the connection drops before
  // the answer arrives, as when a server restarts mid-request.
  let firstAnswer: number | undefined;
  await page.route(journalPath, async (route) => {
    if (route.request().method() !== 'POST' || firstAnswer !== undefined) {
      await route.fallback();
      return;
    }
    const response = await route.fetch();
    firstAnswer = response.status();
    await route.abort('connectionreset');
  });

  await form.getByRole('button', { name: 'Spara anteckningen' }).click();
  const message = page.getByRole('alert').filter({ hasText: calm });
  await expect(message).toBeVisible();
  expect(firstAnswer, 'the server saved the first try').toBe(201);
  await expect(form.getByLabel('Anteckning')).toHaveValue(text);
  await expect(form.getByLabel('Källa')).toHaveValue('person');
  expect(page.url()).toBe(caseUrl);
  await expectAccessible(page);

  await form.getByRole('button', { name: 'Spara anteckningen' }).click();
  await expect(page.getByText('Journalanteckningen är sparad.')).toBeVisible();
  await expect(message).toBeHidden();
  await expect(form.getByLabel('Anteckning')).toHaveValue('');
  expect(keys).toHaveLength(2);
  expect(keys[0], 'the first save carries a key').toMatch(/^[0-9a-f-]{36}$/);
  expect(keys[1], 'the retry carries the same key').toBe(keys[0]);

  // The server answered the retry with what it stored the first time: one entry, not two.
  await page.reload();
  const entries = page.getByRole('article').filter({ hasText: text });
  await expect(entries.first()).toBeVisible();
  // Soft, so that the rest of the chain is checked too if this fails.
  await expect.soft(entries).toHaveCount(1);

  // A new entry afterwards is a new action, with a new key.
  const next = `Uppföljning ${String(Date.now())}.`;
  await form.getByLabel('Anteckning').fill(next);
  await form.getByLabel('Källa').selectOption({ label: 'Personen själv' });
  await form.getByRole('button', { name: 'Spara anteckningen' }).click();
  await expect(page.getByText('Journalanteckningen är sparad.')).toBeVisible();
  expect(keys).toHaveLength(3);
  expect(keys[2]).toMatch(/^[0-9a-f-]{36}$/);
  expect(keys[2]).not.toBe(keys[0]);
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
