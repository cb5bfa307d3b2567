import { expectAccessible, expect, test } from '../fixtures.ts';

test('the app loads in Swedish with the demo banner and asks to log in', async ({
  page,
  visit,
}) => {
  await visit('/');
  await expect(page).toHaveTitle('Logga in – Värn');
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
  await expect(page.getByRole('heading', { level: 1, name: 'Logga in' })).toBeVisible();
  await expect(page.getByText('Demoversion: alla personer och ärenden är påhittade')).toBeVisible();
  // Nothing of the app is shown before login.
  await expect(page.getByRole('navigation', { name: 'Huvudmeny' })).toHaveCount(0);
});

test('every area of a manager’s and a handläggare’s menu opens its page', async ({
  page,
  login,
}) => {
  for (const [user, menuAreas] of [
    [
      'anna.handlaggare',
      ['Mina ärenden', 'Ny aktualisering', 'Ta emot överflyttning', 'Samråd', 'Sök person'],
    ],
    ['erik.chef', ['Samråd', 'Sök person', 'Loggkontroll', 'Uppföljning']],
  ] as const) {
    await login(user);
    await expect(
      page.getByRole('heading', { level: 1, name: 'Välkommen till Värn' }),
    ).toBeVisible();
    await expectAccessible(page);
    const menu = page.getByRole('navigation', { name: 'Huvudmeny' });
    await expect(menu.getByRole('link')).toHaveText([...menuAreas]);
    for (const area of menuAreas) {
      await menu.getByRole('link', { name: area }).click();
      await expect(page.getByRole('heading', { level: 1, name: area })).toBeVisible();
      await expect(page).toHaveTitle(`${area} – Värn`);
      await expect(menu.getByRole('link', { name: area })).toHaveAttribute('aria-current', 'page');
      // After navigating, focus is on the new page's heading, not left in the menu.
      await expect(page.getByRole('heading', { level: 1, name: area })).toBeFocused();
      await expectAccessible(page);
    }
    await page.getByRole('button', { name: 'Logga ut' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Logga in' })).toBeVisible();
  }
});

test('the accessibility check finds what it is there to find', async ({ page, visit }) => {
  await visit('/');
  // An image without a text alternative and a field without a label, put on the real page: the
  // check that every other test relies on must name both, or its silence means nothing.
  await page.evaluate(() => {
    const { document } = globalThis as unknown as {
      document: {
        createElement(tag: string): { setAttribute(name: string, value: string): void };
        querySelector(selector: string): { append(...nodes: unknown[]): void } | null;
      };
    };
    const image = document.createElement('img');
    image.setAttribute('src', '/favicon.svg');
    const field = document.createElement('input');
    field.setAttribute('type', 'text');
    document.querySelector('main')?.append(image, field);
  });
  const failure = await expectAccessible(page).then(
    () => '',
    (error: unknown) => String(error),
  );
  expect(failure).toContain('image-alt');
  expect(failure).toMatch(/label/);
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

test('an unknown address says so and leads home', async ({ page, login, visit }) => {
  await login('anna.handlaggare');
  await visit('/finns-inte');
  await expect(page.getByRole('heading', { level: 1, name: 'Sidan finns inte' })).toBeVisible();
  await page.getByRole('link', { name: 'Till startsidan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Välkommen till Värn' })).toBeVisible();
});

test('the session and the app’s information are asked for once, while the code loads', async ({
  page,
  visit,
}) => {
  // index.html preloads both (issue 21: on a slow phone the wait for them came after the code's);
  // the app must take the preloaded answers over rather than ask again.
  const asked: string[] = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname === '/api/session' || pathname === '/api/app-info') asked.push(pathname);
  });
  await visit('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Logga in' })).toBeVisible();
  await expect(page.getByText('Demoversion: alla personer och ärenden är påhittade')).toBeVisible();
  expect(asked.sort()).toEqual(['/api/app-info', '/api/session']);
});
