import { expectAccessible, expect, test } from '../fixtures.ts';

test('the app loads in Swedish with the demo banner', async ({ page, visit }) => {
  await visit('/');
  await expect(page).toHaveTitle('Välkommen till Värn – Värn');
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
  await expect(page.getByRole('heading', { level: 1, name: 'Välkommen till Värn' })).toBeVisible();
  await expect(page.getByText('Demoversion: alla personer och ärenden är påhittade')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Huvudmeny' })).toBeVisible();
});

test('every area of the main menu opens its page', async ({ page, visit }) => {
  await visit('/');
  const menu = page.getByRole('navigation', { name: 'Huvudmeny' });
  for (const area of [
    'Mina ärenden',
    'Sök person',
    'Loggkontroll',
    'Uppföljning',
    'Administration',
  ]) {
    await menu.getByRole('link', { name: area }).click();
    await expect(page.getByRole('heading', { level: 1, name: area })).toBeVisible();
    await expect(page).toHaveTitle(`${area} – Värn`);
    await expect(menu.getByRole('link', { name: area })).toHaveAttribute('aria-current', 'page');
    // After navigating, focus is on the new page's heading, not left in the menu.
    await expect(page.getByRole('heading', { level: 1, name: area })).toBeFocused();
    await expectAccessible(page);
  }
});

test('keyboard users can skip straight to the content', async ({ page, visit }) => {
  await visit('/arenden');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Hoppa till huvudinnehållet' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#huvudinnehall$/);
});

test('an unknown address says so and leads home', async ({ page, visit }) => {
  await visit('/finns-inte');
  await expect(page.getByRole('heading', { level: 1, name: 'Sidan finns inte' })).toBeVisible();
  await page.getByRole('link', { name: 'Till startsidan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Välkommen till Värn' })).toBeVisible();
});
