import { expectAccessible, expect, test } from '../fixtures.ts';

// Elsa Lind (demo data) has a case only in Barn och unga: Hanna in Relationsvåldsteamet has no
// work relation to her and needs nödåtkomst.
const elsa = { number: '20150508-2386', name: 'Elsa Lind' };
const reason = 'Polisen ringer en fredagkväll: pappan har hotat barnen, vi behöver skolan nu.';

test('a manager sees a nödåtkomst in loggkontroll, flagged first, and reviews it', async ({
  page,
  login,
  visit,
}) => {
  await login('hanna.handlaggare');
  await visit('/personer');
  await page.getByLabel('Personnummer', { exact: true }).fill(elsa.number);
  await page.getByRole('button', { name: 'Sök', exact: true }).click();
  await expect(page.getByText('Ingen person hittades.')).toBeVisible();
  await page.getByRole('button', { name: 'Nödåtkomst' }).click();
  await page.getByLabel('Skäl till nödåtkomst').fill(reason);
  await page.getByRole('button', { name: 'Öppna personakten med nödåtkomst' }).click();
  await expect(page.getByRole('heading', { level: 1, name: elsa.name })).toBeVisible();
  await expect(page.getByText('Du läser personakten med nödåtkomst')).toBeVisible();
  await page.getByRole('button', { name: 'Logga ut' }).click();

  await login('erik.chef');
  await visit('/loggkontroll');
  const card = page.getByRole('article', { name: `Hanna Handläggare öppnade ${elsa.name}` });
  await expect(card).toContainText(reason);
  await expect(card).toContainText('Inte granskad');
  // The access itself is among the flagged rows, above everything else.
  const flagged = page.getByRole('table', { name: /Skyddade personer och nödåtkomst/ });
  await expect(flagged.getByRole('row', { name: /Hanna Handläggare/ }).first()).toContainText(
    'Nödåtkomst',
  );
  await expectAccessible(page);

  // A review needs a comment.
  await card.getByRole('button', { name: 'Markera som granskad' }).click();
  await expect(card.getByRole('link', { name: 'Skriv en kommentar.' })).toBeVisible();
  await card
    .getByLabel('Kommentar till granskningen')
    .fill('Befogat: akut hot mot barnen. Samtal med Hanna på måndag.');
  await card.getByRole('button', { name: 'Markera som granskad' }).click();
  await expect(card).toContainText('Granskad');
  await expect(card).toContainText('av Erik Enhetschef');
  await expect(card.getByRole('button', { name: 'Markera som granskad' })).toHaveCount(0);
  await expectAccessible(page);
});

test('the log can be narrowed by event and by date', async ({ page, login, visit }) => {
  await login('erik.chef');
  await visit('/loggkontroll');
  await page.getByLabel('Händelse', { exact: true }).selectOption({ label: 'Loggade in' });
  await page.getByRole('button', { name: 'Visa loggen' }).click();
  const others = page.getByRole('table', { name: /Övriga händelser/ });
  await expect(others.getByRole('row', { name: /Erik Enhetschef/ }).first()).toContainText(
    'Loggade in',
  );
  await expect(others.getByText('Sökte person')).toHaveCount(0);

  await page.getByLabel('Från och med').fill('igår');
  await page.getByRole('button', { name: 'Visa loggen' }).click();
  await expect(page.getByLabel('Från och med')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);
});

test('a refused attempt is a security event the manager can filter on', async ({
  page,
  login,
  visit,
  expectedApiErrors,
}) => {
  // Hanna guesses at a personakt that is not hers (here: one that does not exist).
  const guessed = '5d0c9b1e-3a4f-4e2b-8c7d-6f5e4d3c2b1a';
  expectedApiErrors.push({ path: `/api/persons/${guessed}`, status: 404 });
  await login('hanna.handlaggare');
  await visit(`/personer/${guessed}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Logga ut' }).click();

  await login('erik.chef');
  await visit('/loggkontroll');
  await page.getByRole('checkbox', { name: /Visa bara säkerhetshändelser/ }).check();
  await page.getByRole('button', { name: 'Visa loggen' }).click();
  const others = page.getByRole('table', { name: /Övriga händelser/ });
  const refused = others.getByRole('row', { name: /Hanna Handläggare/ }).first();
  await expect(refused).toContainText('Nekad åtkomst');
  await expect(refused).toContainText('Dolt (404): GET /api/persons/:personId');
  await expect(others.getByText('Loggade in')).toHaveCount(0);
  await expectAccessible(page);
});

test('a handläggare has no loggkontroll', async ({ page, login, visit }) => {
  await login('anna.handlaggare');
  await expect(
    page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Loggkontroll' }),
  ).toHaveCount(0);
  await visit('/loggkontroll');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Du har inte behörighet till sidan' }),
  ).toBeVisible();
});
