import { expectAccessible, expect, test } from '../fixtures.ts';

/**
 * Safety signals between files (core/domain/safety-signals.ts), as the two handläggare see them.
 * The demo's Johan Lind uses violence against Maria Lind; his case is in the unit's queue, hers
 * is Anna's. Hanna takes his case and registers what happened in it; Anna, on Maria's case, is
 * asked to review the risk assessment by a day — and sees nothing of what happened, nor where —
 * and marks it reviewed.
 */
test('the victim’s handläggare is asked to review the risk assessment after an event in his file, and marks it reviewed', async ({
  page,
  login,
  visit,
}) => {
  test.slow(); // two logins, and every page is checked with axe
  const marker = `Händelse i hans akt ${String(Date.now())}`;
  await login('hanna.handlaggare');
  await visit('/arenden');
  const queue = page.getByRole('table', { name: 'Inkorg: Relationsvåldsteamet' });
  await queue.getByRole('button', { name: 'Ta ärendet för Johan Lind' }).click();
  await expect(page.getByText('Du har tagit ärendet för Johan Lind.')).toBeVisible();
  await page
    .getByRole('table', { name: 'Mina öppna ärenden' })
    .getByRole('row', { name: /Johan Lind/ })
    .getByRole('link', { name: 'Våldsutövare' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ärende: Johan Lind' })).toBeVisible();
  const hisCase = page.url();
  await visit(`${new URL(hisCase).pathname}?flik=risk`);
  await page.getByRole('button', { name: 'Registrera händelse' }).click();
  await page.getByLabel('Vad hände?').fill(marker);
  await page.getByRole('button', { name: 'Registrera händelsen' }).click();
  await expect(page.getByText('Händelsen är registrerad.')).toBeVisible();
  // His handläggare is told nothing of her file.
  await expect(page.getByText('Se över riskbedömningen')).toHaveCount(0);
  await page.getByRole('button', { name: 'Logga ut' }).click();

  await login('anna.handlaggare');
  await visit('/arenden');
  const mine = page.getByRole('table', { name: 'Mina öppna ärenden' });
  const maria = mine.getByRole('row', { name: /Maria Lind/ });
  await expect(maria).toContainText('Se över riskbedömningen');
  await expectAccessible(page);
  await maria.getByRole('link', { name: 'Våldsutsatt vuxen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ärende: Maria Lind' })).toBeVisible();
  const signals = page.getByRole('region', { name: 'Signaler om säkerhetsarbetet' });
  await expect(
    signals.getByText(/^Se över riskbedömningen senast \d{4}-\d{2}-\d{2}$/),
  ).toBeVisible();
  // Nothing of what happened, nor his name, nor his handläggare's.
  await expect(page.getByText(marker)).toHaveCount(0);
  await expect(signals).not.toContainText('Johan');
  await expect(signals).not.toContainText('Hanna');
  await expectAccessible(page);
  await signals.getByRole('button', { name: 'Riskbedömningen är översedd' }).click();
  await expect(
    signals.getByText(/^Riskbedömningen är översedd \d{4}-\d{2}-\d{2} \(Anna Handläggare\)$/),
  ).toBeVisible();
  await expect(signals.getByRole('button', { name: 'Riskbedömningen är översedd' })).toHaveCount(0);
  await expect(page.getByText(/Se över riskbedömningen/)).toHaveCount(0);
  await expectAccessible(page);
});
