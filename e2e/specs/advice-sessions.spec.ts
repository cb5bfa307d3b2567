import type { Page } from '@playwright/test';
import { expectAccessible, expect, test } from '../fixtures.ts';

const caseUrl = /\/arenden\/([0-9a-f-]{36})$/;
const limitSentence =
  'Råd och stöd ges utan beslut i högst 5 samtal. Fatta beslut om stödsamtal innan fler samtal registreras.';

/** Registers a police report about a new woman, acute need yes (as e2e/specs/risk.spec.ts). */
async function registerIntake(page: Page, woman: { givenName: string; familyName: string }) {
  await page.getByRole('link', { name: 'Ny aktualisering' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ny aktualisering' })).toBeVisible();
  await page.getByLabel('Målgrupp').selectOption({ label: 'Våldsutsatt vuxen' });
  await page.getByRole('radio', { name: 'En ny person' }).check();
  await page.getByLabel('Förnamn', { exact: true }).fill(woman.givenName);
  await page.getByLabel('Efternamn', { exact: true }).fill(woman.familyName);
  await page.getByRole('radio', { name: 'Polisunderrättelse' }).check();
  await page.getByLabel('Från vem').fill('Polisen, region Stockholm');
  await page.getByLabel('Hur kom uppgifterna in?').selectOption({ label: 'Från polisen' });
  await page.getByLabel('Vad har kommit in?').fill('Polisen underrättar om hot i bostaden.');
  await page.getByRole('radio', { name: 'Ja, akut skyddsbehov' }).check();
  await page.getByLabel('Motivering').fill('Mannen har hotat henne.');
  await page.getByRole('button', { name: 'Registrera aktualiseringen' }).click();
  await expect(page).toHaveURL(caseUrl);
  return caseUrl.exec(page.url())?.[1] ?? '';
}

test.describe('råd och stöd', () => {
  test('five sessions without a beslut, and the sixth refused with the sentence', async ({
    page,
    login,
    visit,
    expectedApiErrors,
  }) => {
    expectedApiErrors.push({ path: /^\/api\/cases\/[0-9a-f-]{36}\/advice-sessions$/, status: 409 });
    await login('anna.handlaggare');
    await visit('/arenden');
    const caseId = await registerIntake(page, { givenName: 'Siv', familyName: 'Samtal' });
    expect(caseId).not.toBe('');

    await visit(`/arenden/${caseId}?flik=rad-och-stod`);
    await expect(page.getByRole('heading', { level: 2, name: 'Råd och stöd' })).toBeVisible();
    await expect(page.getByText('0 av 5 samtal utan beslut')).toBeVisible();
    await expect(page.getByText('Inga samtal är registrerade.')).toBeVisible();

    const form = page.getByRole('form', { name: 'Registrera samtal' });
    for (let i = 1; i <= 5; i++) {
      await form.getByLabel('Vad gjordes i samtalet?').fill(`Samtal ${i} om stöd och skydd.`);
      await form.getByRole('button', { name: 'Registrera samtalet' }).click();
      await expect(page.getByText(`${i} av 5 samtal utan beslut`)).toBeVisible();
      await expect(
        page.getByRole('cell', { name: `Samtal ${i} om stöd och skydd.` }),
      ).toBeVisible();
    }
    await expect(page.getByRole('row')).toHaveCount(6);
    await expectAccessible(page);

    await form.getByLabel('Vad gjordes i samtalet?').fill('Ett sjätte samtal.');
    await form.getByRole('button', { name: 'Registrera samtalet' }).click();
    await expect(form.getByRole('alert')).toContainText(limitSentence);
    // Nothing saved: still five, and what was written is still in the form.
    await expect(page.getByRole('row')).toHaveCount(6);
    await expect(form.getByLabel('Vad gjordes i samtalet?')).toHaveValue('Ett sjätte samtal.');
    await expectAccessible(page);
  });
});
