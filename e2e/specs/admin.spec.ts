import { URI } from 'otpauth';
import { expectAccessible, expect, test } from '../fixtures.ts';

test('an administrator sees no person search and no cases in the menu', async ({ page, login }) => {
  await login('adam.admin');
  const menu = page.getByRole('navigation', { name: 'Huvudmeny' });
  await expect(menu.getByRole('link')).toHaveText(['Administration']);
  await expect(menu.getByRole('link', { name: 'Sök person' })).toHaveCount(0);
});

test('an administrator creates a user and asks for roles; a second administrator approves, and the user starts', async ({
  page,
  login,
  visit,
}) => {
  test.slow(); // three people log in, and every page is checked with axe
  await login('adam.admin');
  await visit('/administration');
  await expect(page.getByRole('table', { name: 'Användare' })).toContainText('anna.handlaggare');

  // Field errors come back on the field.
  await page.getByRole('textbox', { name: 'Namn', exact: true }).fill('Lisa Larsson');
  await page.getByRole('textbox', { name: 'Användarnamn' }).fill('Lisa Larsson!');
  await page.getByRole('button', { name: 'Skapa användare' }).click();
  await expect(page.getByRole('textbox', { name: 'Användarnamn' })).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await expectAccessible(page);

  await page.getByRole('textbox', { name: 'Användarnamn' }).fill('lisa.larsson');
  await page.getByRole('button', { name: 'Skapa användare' }).click();
  const created = page.getByRole('status').filter({ hasText: 'Lisa Larsson är skapad' });
  await expect(created).toContainText('Du ser det aldrig själv.');
  // The one who created the account never sees a password for it.
  await expect(page.locator('code.initial-password')).toHaveCount(0);
  await expect(page.getByRole('row', { name: /lisa\.larsson/ })).toContainText(
    'Väntar på godkännande',
  );
  await expectAccessible(page);

  await created.getByRole('link', { name: 'Begär roller för Lisa Larsson' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Lisa Larsson' })).toBeVisible();
  await page.getByLabel('Roll', { exact: true }).selectOption({ label: 'Handläggare vuxen' });
  await page.getByLabel('Enhet', { exact: true }).selectOption({ label: 'Relationsvåldsteamet' });
  await page.getByRole('button', { name: 'Begär rollen' }).click();
  const asked = page.getByRole('article', {
    name: 'Rollen Handläggare vuxen i Relationsvåldsteamet för Lisa Larsson',
  });
  await expect(asked).toContainText('Väntar på godkännande');
  await page.getByLabel('Roll', { exact: true }).selectOption({ label: 'Socialjour' });
  await page.getByLabel('Enhet', { exact: true }).selectOption({ label: 'Socialjouren' });
  await page.getByRole('button', { name: 'Begär rollen' }).click();
  const second = page.getByRole('article', {
    name: 'Rollen Socialjour i Socialjouren för Lisa Larsson',
  });
  await expect(second).toBeVisible();
  // Asked for is not given; the one who asked cannot approve.
  await expect(page.getByText('Användaren har inga roller')).toBeVisible();
  await expect(asked.getByRole('button', { name: /^Godkänn/ })).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Logga ut' }).click();

  // The second administrator approves the roles and the first login, and hands the password over.
  await login('agnes.admin');
  await visit('/administration');
  const waiting = page.getByRole('region', { name: 'Väntar på godkännande' });
  await waiting
    .getByRole('button', {
      name: 'Godkänn Rollen Handläggare vuxen i Relationsvåldsteamet för Lisa Larsson',
    })
    .click();
  await waiting
    .getByRole('button', { name: 'Godkänn Rollen Socialjour i Socialjouren för Lisa Larsson' })
    .click();
  await expect(waiting.getByRole('article', { name: /Rollen .* för Lisa Larsson/ })).toHaveCount(0);
  await waiting
    .getByRole('button', { name: 'Godkänn Nytt engångslösenord för Lisa Larsson' })
    .click();
  const box = page.getByRole('status').filter({ hasText: 'visas bara nu' });
  await expect(box).toContainText('Tillfälligt lösenord för Lisa Larsson – visas bara nu');
  const password = (await box.locator('code').textContent()) ?? '';
  expect(password.length).toBeGreaterThan(8);
  await expect(waiting.getByRole('table')).toContainText('Godkänd');
  await expectAccessible(page);

  // Taking a role away needs no second person.
  await page.getByRole('link', { name: 'Lisa Larsson' }).click();
  const roles = page.getByRole('table', { name: 'Roller' });
  await expect(roles).toContainText('Handläggare vuxen');
  await roles.getByRole('button', { name: /Ta bort rollen Socialjour/ }).click();
  await expect(roles.getByText('Socialjour', { exact: true })).toHaveCount(0);
  // The pointer now rests on the next row's button: axe would measure its hover transition.
  await page.mouse.move(0, 0);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Logga ut' }).click();

  // First login: choose a password and register the authenticator.
  await page.getByLabel('Användarnamn').fill('lisa.larsson');
  await page.getByLabel('Lösenord').fill(password);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Kom igång med ditt konto' }),
  ).toBeVisible();
  await expectAccessible(page);
  const uri = (await page.locator('code.totp-uri').textContent()) ?? '';
  await page.getByLabel('Nytt lösenord').fill('en lång mening som lösenord');
  await page.getByLabel('Upprepa det nya lösenordet').fill('en lång mening som lösenord');
  await page.getByLabel('Koden från appen').fill(URI.parse(uri).generate());
  await page.getByRole('button', { name: 'Spara och fortsätt' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Välkommen till Värn' })).toBeVisible();
  await expect(
    page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Mina ärenden' }),
  ).toBeVisible();
  // The user is told what was done to the account, and by whom.
  const notices = page.getByRole('region', { name: 'Ändringar av ditt konto' });
  await expect(notices).toContainText(
    'Du har fått rollen Handläggare vuxen i Relationsvåldsteamet. Agnes Administratör godkände det.',
  );
  await expect(notices).toContainText('Rollen Socialjour i Socialjouren har tagits bort');
  await expectAccessible(page);
  const before = await notices.getByRole('button', { name: 'Jag har läst det' }).count();
  await notices.getByRole('button', { name: 'Jag har läst det' }).first().click();
  await expect(notices.getByRole('button', { name: 'Jag har läst det' })).toHaveCount(before - 1);

  // From now on every login asks for the code from the app.
  await page.getByRole('button', { name: 'Logga ut' }).click();
  await page.getByLabel('Användarnamn').fill('lisa.larsson');
  await page.getByLabel('Lösenord').fill('en lång mening som lösenord');
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Engångskod' })).toBeVisible();
  const code = page.getByLabel('Engångskod');
  await expect(code).toHaveAttribute('inputmode', 'numeric');
  await expect(code).toHaveAttribute('autocomplete', 'one-time-code');
  await code.fill('12345');
  await page.getByRole('button', { name: 'Fortsätt' }).click();
  await expect(page.getByRole('link', { name: 'Koden har sex siffror.' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Avbryt och logga ut' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Logga in' })).toBeVisible();
});

test('the unit manager approves a role in the unit, and finds it in loggkontroll', async ({
  page,
  login,
  visit,
}) => {
  test.slow(); // two logins, and every page is checked with axe
  await login('adam.admin');
  await visit('/administration');
  await page.getByRole('textbox', { name: 'Namn', exact: true }).fill('Maja Malm');
  await page.getByRole('textbox', { name: 'Användarnamn' }).fill('maja.malm');
  await page.getByRole('button', { name: 'Skapa användare' }).click();
  await page.getByRole('link', { name: 'Begär roller för Maja Malm' }).click();
  await page.getByLabel('Roll', { exact: true }).selectOption({ label: 'Handläggare vuxen' });
  await page.getByLabel('Enhet', { exact: true }).selectOption({ label: 'Relationsvåldsteamet' });
  await page.getByRole('button', { name: 'Begär rollen' }).click();
  await expect(
    page.getByRole('article', {
      name: 'Rollen Handläggare vuxen i Relationsvåldsteamet för Maja Malm',
    }),
  ).toContainText('Väntar på godkännande');
  await page.getByRole('button', { name: 'Logga ut' }).click();

  await login('erik.chef');
  await visit('/loggkontroll');
  const section = page.getByRole('region', { name: 'Behörigheter som väntar på godkännande' });
  const card = section.getByRole('article', {
    name: 'Rollen Handläggare vuxen i Relationsvåldsteamet för Maja Malm',
  });
  await expect(card).toContainText('Begärd av Adam Administratör');
  await card.getByRole('button', { name: /^Godkänn/ }).click();
  await expect(card).toHaveCount(0);
  await expect(section.getByRole('table')).toContainText('Godkänd');
  await expectAccessible(page);
  // The request, by the administrator, is in the unit's log.
  await page.getByLabel('Händelse', { exact: true }).selectOption({
    label: 'Begärde ändring av behörighet',
  });
  await page.getByRole('button', { name: 'Visa loggen' }).click();
  const others = page.getByRole('table', { name: /Övriga händelser/ });
  await expect(others.getByRole('row', { name: /Adam Administratör/ }).first()).toContainText(
    'Begärde ändring av behörighet',
  );
  await expectAccessible(page);
});

test('an administrator turns a user off and on again', async ({ page, login, visit }) => {
  await login('adam.admin');
  await visit('/administration');
  await page.getByRole('link', { name: 'Ulf Utförare' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ulf Utförare' })).toBeVisible();
  await page.getByRole('button', { name: 'Stäng av användaren' }).click();
  await expect(page.getByText('Avstängd', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Aktivera användaren' }).click();
  await expect(page.getByText('Aktiv', { exact: true })).toBeVisible();
  await expectAccessible(page);
});

test('a login reset asked for by one administrator is approved and handed over by another', async ({
  page,
  login,
  visit,
  expectedApiErrors,
}) => {
  test.slow(); // four logins, and every page is checked with axe
  expectedApiErrors.push({ path: '/api/auth/login', status: 401 });
  await login('adam.admin');
  await visit('/administration');
  await page.getByRole('textbox', { name: 'Namn', exact: true }).fill('Rita Rydberg');
  await page.getByRole('textbox', { name: 'Användarnamn' }).fill('rita.rydberg');
  await page.getByRole('button', { name: 'Skapa användare' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Rita Rydberg är skapad' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Logga ut' }).click();

  await login('agnes.admin');
  await visit('/administration');
  await page.getByRole('button', { name: 'Godkänn Nytt engångslösenord för Rita Rydberg' }).click();
  const firstBox = page.getByRole('status').filter({ hasText: 'visas bara nu' });
  const first = (await firstBox.locator('code').textContent()) ?? '';
  expect(first.length).toBeGreaterThan(8);
  await page.getByRole('button', { name: 'Logga ut' }).click();

  // Adam asks for a reset. One more question first; "Avbryt" leaves everything as it was.
  await login('adam.admin');
  await visit('/administration');
  await page.getByRole('link', { name: 'Rita Rydberg' }).click();
  await page.getByRole('button', { name: 'Återställ inloggningen' }).click();
  await expect(page.getByText('Begära ett nytt engångslösenord för Rita Rydberg?')).toBeVisible();
  await page.getByRole('button', { name: 'Avbryt' }).click();
  await page.getByRole('button', { name: 'Återställ inloggningen' }).click();
  await page.getByRole('button', { name: 'Ja, begär nytt engångslösenord' }).click();
  const pending = page.getByRole('article', { name: 'Nytt engångslösenord för Rita Rydberg' });
  await expect(pending).toContainText('Väntar på godkännande');
  await expect(pending.getByRole('button', { name: /^Godkänn/ })).toHaveCount(0);
  await expect(page.locator('code.initial-password')).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Logga ut' }).click();

  // Agnes approves on the user's page, and sees the password once.
  await login('agnes.admin');
  await visit('/administration');
  await page.getByRole('link', { name: 'Rita Rydberg' }).click();
  await page.getByRole('button', { name: 'Godkänn Nytt engångslösenord för Rita Rydberg' }).click();
  const box = page.getByRole('status').filter({ hasText: 'visas bara nu' });
  await expect(box).toContainText('Vid nästa inloggning väljer användaren ett eget lösenord');
  const password = (await box.locator('code').textContent()) ?? '';
  expect(password).not.toBe(first);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Logga ut' }).click();

  // The old one-time password no longer works; the new one leads to enrolment.
  await page.getByLabel('Användarnamn').fill('rita.rydberg');
  await page.getByLabel('Lösenord').fill(first);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page.getByRole('alert')).toContainText('Fel användarnamn eller lösenord');
  await page.getByLabel('Lösenord').fill(password);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Kom igång med ditt konto' }),
  ).toBeVisible();
  await expect(page.locator('code.totp-uri')).toBeVisible();
});

test('an administrator cannot change their own account', async ({ page, login, visit }) => {
  await login('adam.admin');
  await visit('/administration');
  await page.getByRole('link', { name: 'Adam Administratör' }).click();
  await expect(page.getByText('Det här är ditt eget konto.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Stäng av användaren' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Begär rollen' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Återställ inloggningen' })).toHaveCount(0);
});

test('an administrator changes the delegation list, one box at a time', async ({
  page,
  login,
  visit,
}) => {
  await login('adam.admin');
  await visit('/administration');
  const rvt = page.getByRole('table', { name: 'Relationsvåldsteamet' });
  const box = rvt.getByRole('checkbox', {
    name: 'Handläggare vuxen i Relationsvåldsteamet får besluta om annat bistånd',
  });
  await expect(box).not.toBeChecked();
  await box.check();
  await expect(
    page.getByText('Handläggare vuxen i Relationsvåldsteamet får nu besluta om annat bistånd.'),
  ).toBeVisible();
  await page.reload();
  await expect(box).toBeChecked();
  await expectAccessible(page);
  // Put back as it was.
  await box.uncheck();
  await expect(
    page.getByText(
      'Handläggare vuxen i Relationsvåldsteamet får inte längre besluta om annat bistånd.',
    ),
  ).toBeVisible();
  await page.reload();
  await expect(box).not.toBeChecked();
});

test('an administrator loads a legal catalogue and puts it in force', async ({
  page,
  login,
  visit,
  expectedApiErrors,
}) => {
  expectedApiErrors.push({ path: '/api/admin/legal-catalogues', status: 400 });
  await login('adam.admin');
  await visit('/administration');
  const catalogues = page.getByRole('table', { name: 'Lagrumskataloger' });
  await expect(
    catalogues.getByRole('row', { name: /Socialtjänstlagen \(2001:453\)/ }),
  ).toContainText('Gäller nu');

  const json = page.getByLabel('Katalog (JSON)');
  await json.fill('{ inte json');
  await page.getByRole('button', { name: 'Läs in katalogen' }).click();
  await expect(page.getByRole('alert')).toContainText('Texten är inte giltig JSON.');

  const references = {
    investigationDuty: '12 kap. 1 § SoL',
    preliminaryAssessmentChild: '12 kap. 2 § SoL',
    investigationTimeLimitChild: '12 kap. 3 § SoL',
    childConcernReport: '15 kap. 1 § SoL',
    assistance: '5 kap. 1 § SoL',
    shelterForAccompanyingChildren: '5 kap. 2 § SoL',
    documentation: '12 kap. 5 § SoL',
    appeal: '17 kap. 3 § SoL',
    correction: '36 § förvaltningslagen (2017:900)',
    change: '37–39 §§ förvaltningslagen (2017:900)',
    communication: '25 § förvaltningslagen (2017:900)',
    decisionWithoutCommunication: '25 § andra stycket 4 förvaltningslagen (2017:900)',
    secrecyOverridePolice: '10 kap. 23 § offentlighets- och sekretesslagen (2009:400)',
    secrecyNecessaryDisclosure: '10 kap. 2 § offentlighets- och sekretesslagen (2009:400)',
    secrecyViolencePrevention: '10 kap. 18 c § offentlighets- och sekretesslagen (2009:400)',
    secrecyOthers: '26 kap. 1 § offentlighets- och sekretesslagen (2009:400)',
    secrecyReporter: '26 kap. 5 § offentlighets- och sekretesslagen (2009:400)',
    secrecyAppeal: '6 kap. 7 § offentlighets- och sekretesslagen (2009:400)',
    caseTransfer: '2 a kap. 10 § SoL',
  };
  const catalogue = { id: 'sol-e2e-test', name: 'Socialtjänstlagen (testnumrering)', references };
  await json.fill(JSON.stringify({ ...catalogue, references: { ...references, appeal: '' } }));
  await page.getByRole('button', { name: 'Läs in katalogen' }).click();
  await expect(page.getByRole('alert')).toContainText('references.appeal');
  await expectAccessible(page);

  await json.fill(JSON.stringify(catalogue, null, 2));
  await page.getByRole('button', { name: 'Läs in katalogen' }).click();
  await expect(
    page.getByText('Socialtjänstlagen (testnumrering) är inläst. Aktivera den när den ska gälla.'),
  ).toBeVisible();
  const loaded = catalogues.getByRole('row', { name: /testnumrering/ });
  await loaded.getByRole('button', { name: /^Aktivera/ }).click();
  await expect(page.getByText('Socialtjänstlagen (testnumrering) gäller nu.')).toBeVisible();
  await expect(loaded).toContainText('Gäller nu');
  await expectAccessible(page);

  // The same id twice is refused, on the server.
  await json.fill(JSON.stringify(catalogue));
  await page.getByRole('button', { name: 'Läs in katalogen' }).click();
  await expect(page.getByRole('alert')).toContainText('Det finns redan en katalog med det id:t.');

  // Back to the numbering the rest of the suite expects.
  await catalogues
    .getByRole('row', { name: /Socialtjänstlagen \(2001:453\)/ })
    .getByRole('button', { name: /^Aktivera/ })
    .click();
  await expect(page.getByText('Socialtjänstlagen (2001:453) gäller nu.')).toBeVisible();
});
