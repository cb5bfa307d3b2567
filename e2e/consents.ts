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
  return recordConsent(page, visit, {
    caseId,
    recipient: { kind: 'Utförare', name: provider },
    purpose: 'Uppdrag till utförare',
    purposeText: 'Att utföraren ska kunna ta emot henne och verkställa beslutet.',
    categories,
    validUntil,
  });
}

/** A file as the browser's file picker is given it (Playwright's setInputFiles). */
export interface ConsentFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/**
 * Records a consent in the case's tab Samtycken: these categories, to this recipient — a
 * provider chosen by name, or an agency or person written in — for this purpose, given today
 * (the browser's today) orally, or in writing with the signed form attached and/or where it is
 * kept, and valid until `validUntil`. Returns the consent as the selects and the register name it.
 */
export async function recordConsent(
  page: Page,
  visit: (path: string) => Promise<void>,
  {
    caseId,
    recipient,
    purpose,
    purposeText,
    categories,
    validUntil,
    way = 'Muntligt',
    document,
    documentReference,
  }: {
    caseId: string;
    recipient: { kind: 'Utförare' | 'Myndighet eller verksamhet'; name: string };
    purpose: string;
    purposeText: string;
    categories: string[];
    validUntil: string;
    /** How the consent was given; orally unless told. */
    way?: 'Muntligt' | 'Skriftligt';
    /** For a written consent: the signed form, attached with it. */
    document?: ConsentFile;
    /** For a written consent: where the signed form is kept. */
    documentReference?: string;
  },
) {
  await visit(`/arenden/${caseId}?flik=samtycken`);
  await expect(page.getByRole('heading', { level: 2, name: 'Samtycken' })).toBeVisible();
  const form = page.getByRole('form', { name: 'Nytt samtycke' });
  for (const category of categories) {
    await form.getByRole('checkbox', { name: category, exact: true }).check();
  }
  await form.getByRole('checkbox', { name: purpose, exact: true }).check();
  await form.getByLabel('Syftet med samtycket').fill(purposeText);
  await form.getByRole('radio', { name: recipient.kind, exact: true }).check();
  if (recipient.kind === 'Utförare') {
    await form.getByRole('combobox', { name: 'Utförare' }).selectOption({ label: recipient.name });
  } else {
    await form.getByLabel('Myndighetens eller verksamhetens namn').fill(recipient.name);
  }
  const givenOn = await form.getByLabel('Lämnat den').inputValue();
  await form.getByLabel('Gäller till och med').fill(validUntil);
  await form.getByRole('radio', { name: way }).check();
  if (document) {
    await form.getByLabel('Det undertecknade samtycket').setInputFiles(document);
    await expect(form.getByText(document.name)).toBeVisible();
  }
  if (documentReference !== undefined) {
    await form.getByLabel('Var det skriftliga samtycket finns').fill(documentReference);
  }
  await form.getByRole('button', { name: 'Registrera samtycket' }).click();
  await expect(page.getByText('Samtycket är registrerat.')).toBeVisible();
  await expect(
    page.getByRole('article', { name: `Samtycke ${givenOn} till ${recipient.name}` }),
  ).toContainText('Gäller');
  return {
    givenOn,
    title: `${givenOn} till ${recipient.name}`,
    option: `${givenOn} till ${recipient.name} (${categories.join(', ')})`,
  };
}

/** Revokes a consent in the case's tab Samtycken, as told orally on the phone today. */
export async function revokeConsent(page: Page, caseId: string, title: string) {
  await page.goto(`/arenden/${caseId}?flik=samtycken`);
  const article = page.getByRole('article', { name: `Samtycke ${title}` });
  await article.getByRole('button', { name: /^Återkalla/ }).click();
  const revoke = page.getByRole('form', { name: `Återkalla samtycket ${title}` });
  await revoke
    .getByLabel('Hur återkallade personen samtycket?')
    .fill('Muntligt i telefon till handläggaren.');
  await revoke.getByRole('button', { name: 'Återkalla samtycket' }).click();
  await expect(page.getByText(`Samtycket ${title} är återkallat.`)).toBeVisible();
  await expect(article.getByText('Återkallat', { exact: true }).first()).toBeVisible();
}

/**
 * Records the perpetrator's consent to partnerkontakt in his case's tab Samtycken, as his
 * handläggare does: his participation in treatment, to the victim's unit, for "Partnerkontakt",
 * given orally today and valid until `validUntil`. Returns the consent as the partnerkontakt
 * beslut in her case offers it: by its dates only.
 */
export async function recordPartnerContactConsent(
  page: Page,
  visit: (path: string) => Promise<void>,
  { caseId, unit, validUntil }: { caseId: string; unit: string; validUntil: string },
) {
  await visit(`/arenden/${caseId}?flik=samtycken`);
  const form = page.getByRole('form', { name: 'Nytt samtycke' });
  await form.getByRole('checkbox', { name: 'Deltagande i behandling', exact: true }).check();
  await form.getByRole('checkbox', { name: 'Partnerkontakt', exact: true }).check();
  await form
    .getByLabel('Syftet med samtycket')
    .fill('Partnerkontakt med den våldsutsatta medan han går i behandling.');
  await form.getByRole('radio', { name: 'Enhet i kommunen', exact: true }).check();
  await form.getByRole('combobox', { name: 'Enhet', exact: true }).selectOption({ label: unit });
  const givenOn = await form.getByLabel('Lämnat den').inputValue();
  await form.getByLabel('Gäller till och med').fill(validUntil);
  await form.getByRole('radio', { name: 'Muntligt' }).check();
  await form.getByRole('button', { name: 'Registrera samtycket' }).click();
  await expect(
    page.getByRole('article', { name: `Samtycke ${givenOn} till ${unit}` }),
  ).toBeVisible();
  return { givenOn, option: `Lämnat ${givenOn}, gäller till ${validUntil}` };
}
