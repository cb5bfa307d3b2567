import type { Page } from '@playwright/test';
import { expectAccessible, expect, test } from '../fixtures.ts';

/**
 * Closes the page as the writer does, while the server has not confirmed her text: the browser
 * asks "leave the page?" (beforeunload), and she leaves.
 */
async function closeAskedFirst(page: Page) {
  const asked = new Promise<string>((resolve) => {
    page.once('dialog', (dialog) => {
      resolve(dialog.type());
      void dialog.accept();
    });
  });
  await page.close({ runBeforeUnload: true });
  expect(await asked).toBe('beforeunload');
}

/** From Mina ärenden to a demo client's case (server/seed/demo.ts), on the given tab. */
async function openCase(page: Page, person: string, tab?: string) {
  await page.goto('/arenden');
  await page
    .getByRole('table', { name: 'Mina öppna ärenden' })
    .getByRole('row', { name: new RegExp(person) })
    .getByRole('link', { name: /Våldsutsatt vuxen|Våldsutövare/ })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: `Ärende: ${person}` })).toBeVisible();
  if (tab) {
    await page.getByRole('tab', { name: tab }).click();
    await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
  }
}

test('a journal entry is autosaved as a draft, restored after a reload, and saved', async ({
  page,
  login,
}) => {
  await login('anna.handlaggare');
  await openCase(page, 'Maria Lind', 'Journal');
  const form = page.getByRole('form', { name: 'Ny journalanteckning' });
  await form
    .getByLabel('Anteckning')
    .fill('Hembesök. Maria berättar att maken har ringt elva gånger sedan i går.');
  await form.getByLabel('Källa').selectOption({ label: 'Personen själv' });
  await expect(form.getByText(/^Utkast sparat \d\d:\d\d$/)).toBeVisible();
  await expectAccessible(page);

  // The page is closed by mistake: the draft comes back.
  await page.reload();
  await expect(page.getByText(/Utkast från .* har återställts\./)).toBeVisible();
  await expect(form.getByLabel('Anteckning')).toHaveValue(
    'Hembesök. Maria berättar att maken har ringt elva gånger sedan i går.',
  );
  await expect(form.getByText(/^Utkast sparat \d\d:\d\d$/)).toBeVisible();

  await form.getByRole('button', { name: 'Spara anteckningen' }).click();
  await expect(page.getByText('Journalanteckningen är sparad.')).toBeVisible();
  const entries = page.getByRole('article');
  await expect(entries.first()).toContainText('maken har ringt elva gånger');
  await expect(entries.first()).toContainText('Källa: Personen själv');
  await expect(form.getByLabel('Anteckning')).toHaveValue('');

  // Saved, the draft is gone.
  await page.reload();
  await expect(entries.first()).toContainText('maken har ringt elva gånger');
  await expect(form.getByLabel('Anteckning')).toHaveValue('');
  await expect(page.getByText(/Utkast från .* har återställts\./)).toHaveCount(0);
  await expectAccessible(page);
});

test('a section and a safety plan typed just before the tab is closed come back', async ({
  page,
  login,
}) => {
  await login('anna.handlaggare');
  const url = await openInvestigationFor(page, 'Siv', 'Utkast');
  await page.goto(`${url}?flik=utredning`);
  const text = 'Bor sedan i våras hos en väninna på en adress som inte får lämnas ut.';
  const section = page.getByRole('form', { name: 'Bakgrund', exact: true });
  await section.getByRole('button', { name: 'Lägg till uppgift' }).click();
  await section.getByRole('group', { name: 'Uppgift 1' }).getByLabel('Text').fill(text);
  // Closed at once, well within the autosave delay: the browser asks first (the text is not yet
  // confirmed saved); she leaves anyway, and the page sends the text as it goes.
  const context = page.context();
  await closeAskedFirst(page);
  const again = await context.newPage();
  const restored = again.getByRole('form', { name: 'Bakgrund', exact: true });
  await expect(async () => {
    await again.goto(`${url}?flik=utredning`);
    await expect(restored.getByRole('group', { name: 'Uppgift 1' }).getByLabel('Text')).toHaveValue(
      text,
      { timeout: 1_000 },
    );
  }).toPass({ timeout: 15_000 });
  await expect(restored.getByText(/Utkast från .* har återställts\./)).toBeVisible();
  await expectAccessible(again);

  // The safety plan, hidden (a phone locked) right after typing.
  await again.goto(`${url}?flik=risk`);
  await again
    .getByRole('button', { name: /säkerhetsplan för Siv Utkast/i })
    .first()
    .click();
  const plan = again.getByRole('form', { name: 'Säkerhetsplan för Siv Utkast' });
  const note = 'Kan nås via väninnans telefon efter klockan 18.';
  await plan.getByLabel('Anteckning: Kodord').fill(note);
  await again.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  const third = await context.newPage();
  await again.close();
  const plan3 = third.getByRole('form', { name: 'Säkerhetsplan för Siv Utkast' });
  await expect(async () => {
    await third.goto(`${url}?flik=risk`);
    await third
      .getByRole('button', { name: /säkerhetsplan för Siv Utkast/i })
      .first()
      .click();
    await expect(plan3.getByLabel('Anteckning: Kodord')).toHaveValue(note, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await expect(third.getByText(/Utkast från .* har återställts\./)).toBeVisible();
  await plan3.getByRole('button', { name: 'Spara säkerhetsplanen' }).click();
  await expect(third.getByText('Säkerhetsplanen är sparad som version 1.')).toBeVisible();
  await expectAccessible(third);
});

test('what is typed just before the tab is closed is kept as the draft', async ({
  page,
  login,
}) => {
  await login('anna.handlaggare');
  await openCase(page, 'Maria Lind', 'Journal');
  const text = 'Ringde kvart över nio på kvällen och lät rädd. Maken står utanför dörren.';
  await page
    .getByRole('form', { name: 'Ny journalanteckning' })
    .getByLabel('Anteckning')
    .fill(text);
  // Closed at once, well within the autosave delay: the browser asks first (the text is not yet
  // confirmed saved); she leaves anyway, and the page sends the text as it goes.
  const context = page.context();
  await closeAskedFirst(page);
  const again = await context.newPage();
  const form = again.getByRole('form', { name: 'Ny journalanteckning' });
  await expect(async () => {
    await openCase(again, 'Maria Lind', 'Journal');
    await expect(form.getByLabel('Anteckning')).toHaveValue(text, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await expect(again.getByText(/Utkast från .* har återställts\./)).toBeVisible();
  await form.getByRole('button', { name: 'Spara anteckningen' }).click();
  await expect(again.getByText('Journalanteckningen är sparad.')).toBeVisible();
  await expectAccessible(again);
});

test('a correction keeps the original; a stale correction is refused and keeps her text beside the saved one', async ({
  page,
  login,
  expectedApiErrors,
}) => {
  expectedApiErrors.push({ path: /^\/api\/journal\/[0-9a-f-]{36}\/versions$/, status: 409 });
  await login('anna.handlaggare');
  await openCase(page, 'Anders Holm', 'Journal');
  const form = page.getByRole('form', { name: 'Ny journalanteckning' });
  await form
    .getByLabel('Anteckning')
    .fill('Anders uppger att han har slagit sin partner två gånger.');
  await form.getByLabel('Källa').selectOption({ label: 'Myndighet eller annan verksamhet' });
  await form.getByRole('button', { name: 'Spara anteckningen' }).click();
  // An agency must be named.
  await expect(page.getByRole('link', { name: 'Ange vem uppgiften kommer från.' })).toBeVisible();
  await expect(form.getByLabel('Vem?')).toHaveAttribute('aria-invalid', 'true');
  await form.getByLabel('Vem?').fill('Polisen');
  await form.getByRole('button', { name: 'Spara anteckningen' }).click();
  const entry = page.getByRole('article').filter({ hasText: 'har slagit sin partner' });
  await expect(entry).toContainText('Källa: Myndighet eller annan verksamhet – Polisen');

  // Rätta: the reason is required.
  await entry.getByRole('button', { name: /^Rätta/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Rätta journalanteckningen' });
  await dialog
    .getByLabel('Anteckning')
    .fill('Anders uppger att han har slagit sin partner tre gånger.');
  await dialog.getByRole('button', { name: 'Spara rättelsen' }).click();
  await expect(
    dialog.getByRole('link', { name: 'Ange varför anteckningen rättas.' }),
  ).toBeVisible();
  await expectAccessible(page);
  await dialog.getByLabel('Skäl till rättelsen').fill('Felskrivet antal: han sa tre gånger.');
  await dialog.getByRole('button', { name: 'Spara rättelsen' }).click();
  await expect(dialog).toBeHidden();
  await expect(
    page.getByText('Rättelsen är sparad. Den tidigare texten finns kvar.'),
  ).toBeVisible();
  await expect(entry).toContainText('tre gånger');
  await expect(entry.getByText('Rättad', { exact: true })).toBeVisible();
  await expect(entry.getByRole('button', { name: /^Rätta/ })).toBeFocused();

  // The history shows the original and the correction, with who and why.
  await entry.getByRole('button', { name: 'Visa alla 2 versioner' }).click();
  const versions = entry.getByRole('list', { name: /Versioner av anteckningen/ });
  await expect(versions.getByRole('listitem')).toHaveCount(2);
  await expect(versions.getByRole('listitem').first()).toContainText('Original');
  await expect(versions.getByRole('listitem').first()).toContainText('två gånger');
  await expect(versions.getByRole('listitem').nth(1)).toContainText('Rättelse 1');
  await expect(versions.getByRole('listitem').nth(1)).toContainText(
    'Skäl till rättelsen: Felskrivet antal: han sa tre gånger.',
  );
  await expect(versions).toContainText('Anna Handläggare');
  await expectAccessible(page);
  await entry.getByRole('button', { name: 'Dölj versionerna' }).click();

  // Meanwhile in another tab the same entry is corrected again.
  const other = await page.context().newPage();
  await other.goto(page.url());
  const otherEntry = other.getByRole('article').filter({ hasText: 'har slagit sin partner' });
  await otherEntry.getByRole('button', { name: /^Rätta/ }).click();
  const otherDialog = other.getByRole('dialog', { name: 'Rätta journalanteckningen' });
  await otherDialog.getByLabel('Datum').fill('2026-01-05');
  await otherDialog.getByLabel('Skäl till rättelsen').fill('Fel datum.');
  await otherDialog.getByRole('button', { name: 'Spara rättelsen' }).click();
  await expect(otherDialog).toBeHidden();
  await other.close();

  // This tab still has version 2: refused. Her text stays in the dialog, as her draft, and the
  // entry as saved meanwhile is shown beside it to compare.
  await entry.getByRole('button', { name: /^Rätta/ }).click();
  await dialog.getByLabel('Skäl till rättelsen').fill('Förtydligande.');
  await dialog.getByRole('button', { name: 'Spara rättelsen' }).click();
  const saved = dialog.getByRole('region', { name: 'Sparad text att jämföra med' });
  await expect(saved).toContainText('Datum 2026-01-05');
  await expect(dialog.getByRole('status')).toContainText(
    'Någon annan rättade anteckningen medan du skrev.',
  );
  await expect(dialog.getByLabel('Skäl till rättelsen')).toHaveValue('Förtydligande.');
  await expect(entry.getByRole('button', { name: 'Visa alla 3 versioner' })).toBeVisible();
  await expectAccessible(page);
  // She takes the other tab's date and saves over the version she has now seen.
  await dialog.getByLabel('Datum').fill('2026-01-05');
  await dialog.getByRole('button', { name: 'Spara rättelsen' }).click();
  await expect(dialog).toBeHidden();
  await expect(entry.getByRole('button', { name: 'Visa alla 4 versioner' })).toBeVisible();
  await expect(entry.getByRole('heading')).toContainText('2026-01-05');
});

/** A new client who applies herself, with an utredning opened on her case; returns its URL. */
async function openInvestigationFor(page: Page, givenName: string, familyName: string) {
  await page.goto('/arenden/ny');
  await page.getByLabel('Målgrupp').selectOption({ label: 'Våldsutsatt vuxen' });
  await page.getByRole('radio', { name: 'Identiteten är okänd' }).check();
  await page.getByLabel('Förnamn', { exact: true }).fill(givenName);
  await page.getByLabel('Efternamn', { exact: true }).fill(familyName);
  await page.getByRole('radio', { name: 'Ansökan (muntlig)' }).check();
  await page.getByLabel('Från vem').fill('Personen själv');
  await page.getByLabel('Hur kom uppgifterna in?').selectOption({ label: 'Besök' });
  await page.getByLabel('Vad har kommit in?').fill('Söker stöd efter hot från tidigare partner.');
  await page.getByRole('radio', { name: 'Oklart' }).check();
  await page.getByLabel('Motivering').fill('Vill inte berätta var hon bor nu.');
  await page.getByRole('button', { name: 'Registrera aktualiseringen' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: `Ärende: ${givenName} ${familyName}` }),
  ).toBeVisible();
  // Her own application counts: no separate consent is asked for.
  await expect(
    page.getByText('Personen har ansökt eller samtyckt till en utredning.'),
  ).toBeVisible();
  await page.getByRole('radio', { name: 'Utredning inleds', exact: true }).check();
  await page.getByLabel('Skäl', { exact: true }).fill('Hon ansöker om stöd.');
  await page.getByRole('button', { name: 'Spara förhandsbedömningen' }).click();
  await expect(page.getByText('Utredningen är inledd.')).toBeVisible();
  return page.url();
}

test('a section saved meanwhile in another tab is not overwritten; the case is then closed', async ({
  page,
  login,
  expectedApiErrors,
}) => {
  expectedApiErrors.push({
    path: /^\/api\/cases\/[0-9a-f-]{36}\/investigation\/sections\/background$/,
    status: 409,
  });
  await login('anna.handlaggare');
  const url = await openInvestigationFor(page, 'Mira', 'Ek');
  await page.goto(`${url}?flik=utredning`);
  const section = page.getByRole('form', { name: 'Bakgrund', exact: true });
  await section.getByRole('button', { name: 'Lägg till uppgift' }).click();
  await section
    .getByRole('group', { name: 'Uppgift 1' })
    .getByLabel('Text')
    .fill('Uppvuxen i Exempelstad.');

  await expect(section.locator('.draft-status')).toHaveText(/^Utkast sparat \d\d:\d\d$/);

  // Another tab saves the same section first. Her draft follows her there.
  const other = await page.context().newPage();
  await other.goto(`${url}?flik=utredning`);
  const otherSection = other.getByRole('form', { name: 'Bakgrund', exact: true });
  const row = otherSection.getByRole('group', { name: 'Uppgift 1' });
  await expect(row.getByLabel('Text')).toHaveValue('Uppvuxen i Exempelstad.');
  await row.getByLabel('Text').fill('Flyttade till Sverige som barn.');
  await row.getByLabel('Källa').selectOption({ label: 'Annan person' });
  await row.getByLabel('Vem?').fill('Hennes syster');
  await otherSection.getByRole('button', { name: 'Spara avsnittet' }).click();
  await expect(otherSection.getByText('Avsnittet är sparat.')).toBeVisible();
  await other.close();

  await section.getByRole('button', { name: 'Spara avsnittet' }).click();
  // Her text stays in the form; the saved text is shown beside it to compare.
  const saved = section.getByRole('region', { name: 'Sparad text att jämföra med' });
  await expect(saved).toContainText('Någon annan sparade avsnittet medan du skrev.');
  await expect(saved).toContainText('Flyttade till Sverige som barn.');
  await expect(section.getByRole('group', { name: 'Uppgift 1' }).getByLabel('Text')).toHaveValue(
    'Uppvuxen i Exempelstad.',
  );
  await expectAccessible(page);
  // Not lost on reload: her text comes back as her draft, the saved one still beside it.
  await expect(section.locator('.draft-status')).toHaveText(/^Utkast sparat \d\d:\d\d$/);
  await page.reload();
  await expect(section.getByText(/Utkast från .* har återställts\./)).toBeVisible();
  await expect(section.getByRole('group', { name: 'Uppgift 1' }).getByLabel('Text')).toHaveValue(
    'Uppvuxen i Exempelstad.',
  );
  await expect(saved).toContainText('Flyttade till Sverige som barn.');
  // She merges by hand: both statements, saved over the version she has seen.
  await section.getByRole('button', { name: 'Lägg till uppgift' }).click();
  await section
    .getByRole('group', { name: 'Uppgift 2' })
    .getByLabel('Text')
    .fill('Flyttade till Sverige som barn.');
  await section.getByRole('button', { name: 'Spara avsnittet' }).click();
  await expect(section.getByText('Avsnittet är sparat.')).toBeVisible();
  await expect(saved).toHaveCount(0);

  // She withdraws her application: the case is closed with the reason.
  await page.getByRole('tab', { name: 'Översikt' }).click();
  await page.getByLabel('Skäl till avslut').fill('Hon återkallar sin ansökan.');
  await page.getByRole('button', { name: 'Avsluta ärendet' }).click();
  // Closed, it is no longer hers to open: Mina ärenden says so.
  await expect(page.getByRole('heading', { level: 1, name: 'Mina ärenden' })).toBeVisible();
  await expect(
    page.getByRole('status').filter({ hasText: 'Ärendet för Mira Ek är avslutat.' }),
  ).toBeVisible();
  await expect(
    page.getByRole('table', { name: 'Mina öppna ärenden' }).getByText('Mira Ek'),
  ).toHaveCount(0);
  await expectAccessible(page);
});
