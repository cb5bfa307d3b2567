import type { Page } from '@playwright/test';
import { expect } from './fixtures.ts';

/**
 * Records the person's consent in the case's tab Samtycken, as the handläggare does before an
 * uppdrag shares anything with a provider: these categories, to this provider, for "Uppdrag till
 * utförare", given orally today (the browser's today) and valid until `validUntil`. Returns the
 * consent as the uppdrag form's select names it.
 */
export async function recordProviderConsent(
  page: Page,
  visit: (path: string) => Promise<void>,
  {
    caseId,
    provider,
    categories,
    validUntil,
  }: { caseId: string; provider: string; categories: string[]; validUntil: string },
) {
  await visit(`/arenden/${caseId}?flik=samtycken`);
  await expect(page.getByRole('heading', { level: 2, name: 'Samtycken' })).toBeVisible();
  const form = page.getByRole('form', { name: 'Nytt samtycke' });
  for (const category of categories) {
    await form.getByRole('checkbox', { name: category, exact: true }).check();
  }
  await form.getByRole('checkbox', { name: 'Uppdrag till utförare' }).check();
  await form
    .getByLabel('Syftet med samtycket')
    .fill('Att utföraren ska kunna ta emot henne och verkställa beslutet.');
  await form.getByRole('radio', { name: 'Utförare', exact: true }).check();
  await form.getByRole('combobox', { name: 'Utförare' }).selectOption({ label: provider });
  const givenOn = await form.getByLabel('Lämnat den').inputValue();
  await form.getByLabel('Gäller till och med').fill(validUntil);
  await form.getByRole('radio', { name: 'Muntligt' }).check();
  await form.getByRole('button', { name: 'Registrera samtycket' }).click();
  await expect(page.getByText('Samtycket är registrerat.')).toBeVisible();
  await expect(
    page.getByRole('article', { name: `Samtycke ${givenOn} till ${provider}` }),
  ).toContainText('Gäller');
  return {
    givenOn,
    title: `${givenOn} till ${provider}`,
    option: `${givenOn} till ${provider} (${categories.join(', ')})`,
  };
}
