import { expectAccessible, expect, test } from '../fixtures.ts';

test('a wrong password is refused in the server’s words', async ({
  page,
  visit,
  expectedApiErrors,
}) => {
  expectedApiErrors.push({ path: '/api/auth/login', status: 401 });
  await visit('/');
  await page.getByLabel('Användarnamn').fill('anna.handlaggare');
  await page.getByLabel('Lösenord').fill('fel-losenord');
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page.getByRole('alert')).toContainText('Fel användarnamn eller lösenord');
  await expectAccessible(page);
});

test('empty fields are named in an error summary and on the fields', async ({ page, visit }) => {
  await visit('/');
  await page.getByRole('button', { name: 'Logga in' }).click();
  const summary = page.getByRole('link', { name: 'Fyll i användarnamn.' });
  await expect(summary).toBeVisible();
  await expect(page.getByLabel('Användarnamn')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);
  await summary.click();
  await expect(page.getByLabel('Användarnamn')).toBeFocused();
});

test('login shows the user and logout returns to the login page', async ({ page, login }) => {
  await login('anna.handlaggare');
  await expect(page.getByRole('heading', { level: 1, name: 'Välkommen till Värn' })).toBeVisible();
  await expect(page.getByText('Anna', { exact: false }).first()).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Logga ut' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Logga in' })).toBeVisible();
  await expect(page.getByText('Du har loggats ut.')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Huvudmeny' })).toHaveCount(0);
  // The session is really gone: a reload still asks to log in.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Logga in' })).toBeVisible();
});

test('a deep link survives the login', async ({ page, visit }) => {
  await visit('/personer');
  await page.getByLabel('Användarnamn').fill('anna.handlaggare');
  await page.getByLabel('Lösenord').fill('demo-losenord');
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sök person' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Sök person' })).toBeFocused();
});

test('an ended session sends the user calmly back to login', async ({
  page,
  login,
  expectedApiErrors,
}) => {
  await login('anna.handlaggare');
  // The start page has loaded all it asks for (its samråd actions come a moment later): the
  // session ends while the page stands open, not while it is still loading.
  await page.waitForLoadState('networkidle');
  // The session ends on the server (here: its cookie is gone) while the page is open.
  await page.context().clearCookies();
  expectedApiErrors.push(
    { path: '/api/cases/mine', status: 401 },
    { path: /^\/api\/units\/[0-9a-f-]+\/queue$/, status: 401 },
    { path: '/api/meetings/actions/mine', status: 401 },
  );
  const loggedOut = page.getByRole('heading', { level: 1, name: 'Logga in' });
  // The next request meets the ended session — this click, or one the page still makes on its
  // own — and sends her back; whichever comes first, the click is not needed after it.
  await Promise.race([
    page
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link', { name: 'Mina ärenden' })
      .click()
      .catch(() => undefined),
    loggedOut.waitFor(),
  ]);
  await expect(loggedOut).toBeVisible();
  await expect(page.getByText('Du har loggats ut eftersom sessionen tog slut')).toBeVisible();
  await expectAccessible(page);
});

test('each role sees only its own areas in the menu', async ({ page, login }) => {
  const menus: [string, string[]][] = [
    [
      'anna.handlaggare',
      ['Mina ärenden', 'Ny aktualisering', 'Ta emot överflyttning', 'Samråd', 'Sök person'],
    ],
    [
      'sara.socialjour',
      ['Mina ärenden', 'Ny aktualisering', 'Ta emot överflyttning', 'Samråd', 'Sök person'],
    ],
    ['erik.chef', ['Samråd', 'Sök person', 'Loggkontroll', 'Uppföljning']],
    ['alva.analytiker', ['Uppföljning']],
    ['adam.admin', ['Administration']],
    ['ulf.utforare', ['Mina uppdrag']],
  ];
  for (const [user, expected] of menus) {
    await login(user);
    const menu = page.getByRole('navigation', { name: 'Huvudmeny' });
    await expect(menu.getByRole('link')).toHaveText(expected);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Logga ut' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Logga in' })).toBeVisible();
  }
});

test('a provider finds its uppdrag, and an analyst is told calmly that the area comes later', async ({
  page,
  login,
}) => {
  await login('ulf.utforare');
  await page.getByRole('link', { name: 'Mina uppdrag' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mina uppdrag' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Logga ut' }).click();
  await login('alva.analytiker');
  await page.getByRole('link', { name: 'Uppföljning' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Uppföljning' })).toBeVisible();
  await expect(page.getByText('kommer i en senare version')).toBeVisible();
  await expectAccessible(page);
});

test('a page outside the user’s roles says so', async ({ page, login, visit }) => {
  await login('adam.admin');
  await visit('/personer');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Du har inte behörighet till sidan' }),
  ).toBeVisible();
});

test('before an idle logout the user is asked, and one press goes on working', async ({
  page,
  login,
}) => {
  // The page's clock, not the server's: the server's idle limit (30 minutes) is not reached in
  // real time, so this shows what the page does on its own.
  await page.clock.install();
  await login('anna.handlaggare');
  const dialog = page.getByRole('dialog', { name: 'Vill du fortsätta arbeta?' });
  // The clock moves only once the home page has its answers: an answer arriving after the jump
  // would count as activity at the jumped-to time and move the warning with it.
  await expect(page.getByRole('heading', { level: 1, name: 'Välkommen till Värn' })).toBeVisible();
  await page.waitForLoadState('networkidle');

  // Warned two minutes before the limit, counted from a minute before the last answer.
  await page.clock.fastForward('26:00');
  await expect(dialog).toBeHidden();
  await page.clock.fastForward('01:30');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Av säkerhetsskäl loggas du ut kl');
  await expect(dialog.getByRole('button', { name: 'Fortsätt arbeta' })).toBeFocused();
  await expectAccessible(page);
  const answered = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/session');
  await page.keyboard.press('Enter');
  await answered;
  await expect(dialog).toBeHidden();

  // The server's answer counts as activity: the next warning is a whole period away.
  await page.clock.fastForward('20:00');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'Välkommen till Värn' })).toBeVisible();

  // Away for good: the page forgets what it showed and returns to the login.
  await page.clock.fastForward('10:00');
  await expect(page.getByRole('heading', { level: 1, name: 'Logga in' })).toBeVisible();
  await expect(page.getByText('Du har loggats ut eftersom sessionen tog slut')).toBeVisible();
});

test('ten minutes before the hard end of a long working day the user is told when', async ({
  page,
  login,
}) => {
  await page.clock.install();
  await login('anna.handlaggare');
  const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
  const hardEnd = page.getByRole('dialog', { name: 'Din inloggning upphör snart' });
  const idle = page.getByRole('dialog', { name: 'Vill du fortsätta arbeta?' });

  // Busy all day: the case list is fetched every 20 minutes, so the idle limit is never reached.
  for (let minutes = 20; minutes <= 580; minutes += 20) {
    await page.clock.fastForward('20:00');
    await nav.getByRole('link', { name: 'Ny aktualisering' }).click();
    const fetched = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/cases/mine');
    await nav.getByRole('link', { name: 'Mina ärenden' }).click();
    expect((await fetched).status()).toBe(200);
    await expect(idle).toBeHidden();
  }
  await expect(hardEnd).toBeHidden();

  // 9 h 51 min after login: ten minutes left of the ten hours, which no activity extends.
  await page.clock.fastForward('11:00');
  await expect(hardEnd).toBeVisible();
  await expect(hardEnd).toContainText('Spara det du arbetar med och logga sedan in igen.');
  await expectAccessible(page);
  await page.keyboard.press('Enter');
  await expect(hardEnd).toBeHidden();

  await page.clock.fastForward('10:00');
  await expect(page.getByRole('heading', { level: 1, name: 'Logga in' })).toBeVisible();
});
