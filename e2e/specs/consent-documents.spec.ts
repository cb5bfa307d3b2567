import { readFile } from 'node:fs/promises';
import { swedishDate } from '../clock.ts';
import { recordConsent } from '../consents.ts';
import { expectAccessible, expect, test } from '../fixtures.ts';
import { registerApplication } from '../plans.ts';

/**
 * The signed consent kept in Värn: the handläggare records a written consent with the scanned
 * form attached, finds it in the register and downloads it as it was; a file that only calls
 * itself a PDF is refused, by the server, on the field; the better scan that came later is
 * attached to the consent, and both are listed, oldest first.
 */

const recipient = 'Kvinnojouren Vågen';
const signed = {
  name: 'samtycke-underskrivet.pdf',
  mimeType: 'application/pdf',
  buffer: Buffer.from(
    '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
  ),
};
/** A text file with a PDF's name: the picker takes it by its name, the server reads its bytes. */
const notAPdf = {
  name: 'samtycke-sida-2.pdf',
  mimeType: 'application/pdf',
  buffer: Buffer.from('Sida 2 av samtycket, inskriven för hand.\n'),
};
/** A 1×1 PNG: the photographed form. */
const photo = {
  name: 'samtycke-foto.png',
  mimeType: 'image/png',
  buffer: Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    'base64',
  ),
};
const refusal = 'Bifoga samtycket som PDF, JPEG eller PNG.';

test('a written consent with its signed form attached: listed, downloaded as it was, a false PDF refused, a photo added later', async ({
  page,
  login,
  visit,
  expectedApiErrors,
}) => {
  test.slow();
  // The refusal the test provokes: a text file named .pdf attached to the consent.
  expectedApiErrors.push({
    path: /^\/api\/cases\/[0-9a-f-]{36}\/consents\/[0-9a-f-]{36}\/documents$/,
    status: 400,
  });
  await login('anna.handlaggare');
  const caseId = await registerApplication(page, visit, {
    givenName: 'Siri',
    familyName: 'Samtyckesson',
  });

  // Written, and neither the form nor where it is kept: the form says what is missing.
  await visit(`/arenden/${caseId}?flik=samtycken`);
  const newConsent = page.getByRole('form', { name: 'Nytt samtycke' });
  await newConsent.getByRole('radio', { name: 'Skriftligt' }).check();
  await newConsent.getByRole('button', { name: 'Registrera samtycket' }).click();
  await expect(
    newConsent.getByLabel('Var det skriftliga samtycket finns'),
  ).toHaveAccessibleDescription(
    /Bifoga det undertecknade samtycket eller ange var det finns, till exempel dess diarienummer\./,
  );
  // The picker with a file chosen, and the file removed again.
  await newConsent.getByLabel('Det undertecknade samtycket').setInputFiles(signed);
  await expect(newConsent.getByText(signed.name)).toBeVisible();
  await expectAccessible(page);
  await newConsent.getByRole('button', { name: 'Ta bort filen' }).click();
  await expect(newConsent.getByText(signed.name)).toHaveCount(0);
  await expect(newConsent.getByRole('button', { name: 'Välj fil' })).toBeFocused();
  // A file the picker can tell is of another kind is refused at once, in Swedish.
  await newConsent.getByLabel('Det undertecknade samtycket').setInputFiles({
    name: 'samtycke.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('Samtycke'),
  });
  await expect(newConsent.getByText(refusal)).toBeVisible();

  // Recorded with the signed form attached.
  const consent = await recordConsent(page, visit, {
    caseId,
    recipient: { kind: 'Myndighet eller verksamhet', name: recipient },
    purpose: 'Samråd',
    purposeText: 'Att kvinnojouren kan vara med i samrådet om stödet till henne.',
    categories: ['Namn', 'Situation och behov'],
    validUntil: swedishDate(90),
    way: 'Skriftligt',
    document: signed,
  });
  const article = page.getByRole('article', { name: `Samtycke ${consent.title}` });
  const link = article.getByRole('link', { name: signed.name });
  await expect(link).toBeVisible();
  await expect(article).toContainText(
    /samtycke-underskrivet\.pdf \(1 kB\), bifogat \d{4}-\d\d-\d\d \d\d:\d\d av Anna/,
  );
  await expectAccessible(page);

  // Downloaded: the bytes that were attached.
  const downloading = page.waitForEvent('download');
  await link.click();
  const download = await downloading;
  // The server names the download by its kind; the name it had is shown in the register only.
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  expect((await readFile(await download.path())).equals(signed.buffer)).toBe(true);

  // A text file named .pdf: the server reads its first bytes and refuses it, on the field.
  const attachButton = article.getByRole('button', {
    name: `Bifoga dokument till samtycket ${consent.title}`,
  });
  await attachButton.click();
  const attach = page.getByRole('form', {
    name: `Bifoga dokument till samtycket ${consent.title}`,
  });
  await expect(
    attach.getByRole('heading', { name: `Bifoga dokument till samtycket ${consent.title}` }),
  ).toBeFocused();
  await expectAccessible(page);
  await attach.getByLabel('Det undertecknade samtycket').setInputFiles(notAPdf);
  await expect(attach.getByText(notAPdf.name)).toBeVisible();
  await attach.getByRole('button', { name: 'Bifoga dokumentet' }).click();
  const picker = attach.getByRole('button', { name: 'Välj fil' });
  await expect(picker).toHaveAccessibleDescription(new RegExp(refusal.replace(/\./g, '\\.')));
  await expect(attach.getByRole('link', { name: refusal })).toBeVisible();
  await expectAccessible(page);

  // The photographed form instead: attached, and both listed, oldest first.
  await attach.getByLabel('Det undertecknade samtycket').setInputFiles(photo);
  await expect(attach.getByText(photo.name)).toBeVisible();
  await attach.getByRole('button', { name: 'Bifoga dokumentet' }).click();
  await expect(
    page.getByText(`Dokumentet är bifogat till samtycket ${consent.title}.`),
  ).toBeVisible();
  await expect(attach).toHaveCount(0);
  await expect(attachButton).toBeFocused();
  const documents = article.getByRole('listitem');
  await expect(documents).toHaveCount(2);
  await expect(documents.nth(0).getByRole('link')).toHaveText(signed.name);
  await expect(documents.nth(1).getByRole('link')).toHaveText(photo.name);
  await expectAccessible(page);
});
