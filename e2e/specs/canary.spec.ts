import type { Page } from '@playwright/test';
import { expectAccessible, expect, test } from '../fixtures.ts';
import { emmaSecrets, expectNoneOf, leilaSecrets, recordApiAnswers } from './protected-markers.ts';

// Canaries in the browser: the protected details of Leila Haddad (skyddad folkbokföring) and
// Emma Sjöberg (fingerade personuppgifter) reach only the assigned handläggare, and only when she
// asks. The first test finds the persons' ids as anna; the others open them by address.
test.describe.configure({ mode: 'serial' });

const leila = { number: '19920615-2382', name: 'Leila Haddad', id: '' };
const emma = { number: '19930204-2388', name: 'Emma Sjöberg', id: '' };

async function openByNumber(page: Page, person: { number: string; name: string }) {
  await page.getByLabel('Typ av nummer').selectOption('personnummer');
  await page.getByLabel('Personnummer', { exact: true }).fill(person.number);
  await page.getByRole('button', { name: 'Sök', exact: true }).click();
  await page.getByRole('link', { name: person.name }).click();
  await expect(page.getByRole('heading', { level: 1, name: person.name })).toBeVisible();
  return /\/personer\/([0-9a-f-]{36})$/.exec(page.url())?.[1] ?? '';
}

test('the assigned handläggare sees protected details only after asking for them', async ({
  page,
  login,
  visit,
}) => {
  await login('anna.handlaggare');
  await visit('/personer');
  const leilaAnswers = recordApiAnswers(page);
  leila.id = await openByNumber(page, leila);
  expect(leila.id).not.toBe('');
  await expect(page.getByText('Din åtkomst: Tilldelad handläggare')).toBeVisible();
  await expectNoneOf(page, leilaSecrets, leilaAnswers);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Visa skyddade uppgifter' }).click();
  await expect(page.getByText('Skyddat boende Fristad, rum 4')).toBeVisible();
  await expect(page.getByText('070-174 06 07', { exact: true })).toBeVisible();
  await expect(page.getByText('070-174 06 08', { exact: true })).toBeVisible();
  await expectAccessible(page);

  await visit('/personer');
  const emmaAnswers = recordApiAnswers(page);
  emma.id = await openByNumber(page, emma);
  expect(emma.id).not.toBe('');
  await expectNoneOf(page, emmaSecrets, emmaAnswers);
  await page.getByRole('button', { name: 'Visa skyddade uppgifter' }).click();
  await expect(page.getByText(emmaSecrets[0] ?? '')).toBeVisible();
  await expectAccessible(page);
});

test('the enhetschef sees the files but never the protected details', async ({
  page,
  login,
  visit,
}) => {
  await login('erik.chef');
  for (const [person, secrets] of [
    [leila, leilaSecrets],
    [emma, emmaSecrets],
  ] as const) {
    const answers = recordApiAnswers(page);
    await visit(`/personer/${person.id}`);
    await expect(page.getByRole('heading', { level: 1, name: person.name })).toBeVisible();
    await expect(page.getByText('Din åtkomst: Enhetschef')).toBeVisible();
    await expect(page.getByRole('table', { name: 'Ärenden' })).toBeVisible();
    await expect(page.locator('.protection-banner')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Visa skyddade uppgifter' })).toHaveCount(0);
    // A manager does not change the file either.
    await expect(page.getByRole('button', { name: 'Lägg till kontaktuppgift' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /Ändra skyddade/ })).toHaveCount(0);
    await expectNoneOf(page, secrets, answers);
  }
});

test.describe('roles without case work', () => {
  for (const username of ['ulf.utforare', 'alva.analytiker', 'adam.admin']) {
    test(`${username} cannot open a protected person's file`, async ({
      page,
      login,
      visit,
      expectedApiErrors,
    }) => {
      // Refused exactly like a person who does not exist.
      expectedApiErrors.push({ path: /^\/api\/persons\/[0-9a-f-]{36}$/, status: 404 });
      await login(username);
      for (const [person, secrets] of [
        [leila, leilaSecrets],
        [emma, emmaSecrets],
      ] as const) {
        const answers = recordApiAnswers(page);
        await visit(`/personer/${person.id}`);
        await expect(
          page.getByRole('heading', { level: 1, name: 'Sidan finns inte' }),
        ).toBeVisible();
        await expect(page.getByText(person.name)).toHaveCount(0);
        await expectNoneOf(page, [...secrets, person.name, person.number], answers);
      }
    });
  }
});
