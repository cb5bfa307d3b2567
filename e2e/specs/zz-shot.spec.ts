import { test } from '../fixtures.ts';

test('shots', async ({ page, login }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await login('anna.handlaggare');
  await page.goto('/arenden');
  await page.waitForTimeout(800);
  await page.screenshot({ path: '/tmp/shot-mine.png', fullPage: true });
  await page
    .getByRole('table', { name: 'Mina öppna ärenden' })
    .getByRole('row', { name: /Maria Lind/ })
    .getByRole('link', { name: 'Våldsutsatt vuxen' })
    .click();
  await page.waitForTimeout(800);
  await page.screenshot({ path: '/tmp/shot-case.png', fullPage: true });
  await page.goto('/arenden/ny');
  await page.getByRole('radio', { name: 'En person som finns i Värn' }).check();
  await page.getByRole('radio', { name: 'Ja, akut skyddsbehov' }).check();
  await page.waitForTimeout(500);
  await page.screenshot({ path: '/tmp/shot-new.png', fullPage: true });
});
