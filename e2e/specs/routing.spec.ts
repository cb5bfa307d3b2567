import { expectAccessible, expect, test } from '../fixtures.ts';

// Leila Haddad in the demo data: skyddad folkbokföring, a case in Relationsvåldsteamet assigned
// to Anna. Hanna, in the same team, has no work relation to her.
const leila = { number: '19920615-2382' };

test('an intake about a protected person who already has a file is passed on, and tells nothing of her', async ({
  page,
  login,
  visit,
}) => {
  await login('hanna.handlaggare');
  await visit('/arenden/ny');
  await page.getByLabel('Målgrupp').selectOption({ label: 'Våldsutsatt vuxen' });
  await page.getByRole('radio', { name: 'En ny person' }).check();
  await page.getByLabel('Förnamn', { exact: true }).fill('Okänd');
  await page.getByLabel('Efternamn', { exact: true }).fill('Kvinna');
  await page.getByLabel('Personnummer', { exact: true }).fill(leila.number);
  await page.getByRole('radio', { name: 'Ansökan (muntlig)' }).check();
  await page.getByLabel('Från vem').fill('Personen själv');
  await page.getByLabel('Hur kom uppgifterna in?').selectOption({ label: 'Telefon' });
  await page.getByLabel('Vad har kommit in?').fill('Ringer och vill ha stöd.');
  await page.getByRole('radio', { name: 'Nej', exact: true }).check();
  await page.getByLabel('Motivering').fill('Inget akut enligt samtalet.');
  await page.getByRole('button', { name: 'Registrera aktualiseringen' }).click();

  await expect(
    page.getByRole('heading', { level: 1, name: 'Aktualiseringen är skickad vidare' }),
  ).toBeVisible();
  await expect(
    page.getByText('Aktualiseringen har skickats till den enhet som ansvarar för akten.', {
      exact: false,
    }),
  ).toBeVisible();
  await expect(
    page.getByText('Du har inte fått tillgång till personens akt.', { exact: false }),
  ).toBeVisible();
  // Nothing of her: not her name, not her protection.
  await expect(page.getByText('Haddad')).toHaveCount(0);
  await expect(page.getByText('Skyddad folkbokföring')).toHaveCount(0);
  await expectAccessible(page);

  // The team's queue shows the matter, marked as passed on, to the others in the team.
  await page.getByRole('button', { name: 'Logga ut' }).click();
  await login('anna.handlaggare');
  await visit('/arenden');
  const queue = page.getByRole('table', { name: 'Inkorg: Relationsvåldsteamet' });
  await expect(queue.getByRole('row', { name: /Leila Haddad/ })).toContainText(
    'Skickad hit: personen har en akt här',
  );
  await expectAccessible(page);
});
