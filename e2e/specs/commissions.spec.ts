import type { Page } from '@playwright/test';
import { swedishDate } from '../clock.ts';
import { recordProviderConsent } from '../consents.ts';
import { expectAccessible, expect, test } from '../fixtures.ts';

const caseUrl = /\/arenden\/([0-9a-f-]{36})$/;

/** A woman's application registered by the handläggare, and skyddat boende decided acutely. */
async function caseWithShelter(
  page: Page,
  visit: (path: string) => Promise<void>,
  { givenName, familyName } = { givenName: 'Ulla', familyName: 'Uppdragsson' },
) {
  await visit('/arenden/ny');
  await page.getByLabel('Målgrupp').selectOption({ label: 'Våldsutsatt vuxen' });
  await page.getByRole('radio', { name: 'En ny person' }).check();
  await page.getByLabel('Förnamn', { exact: true }).fill(givenName);
  await page.getByLabel('Efternamn', { exact: true }).fill(familyName);
  await page.getByRole('radio', { name: 'Ansökan (muntlig)' }).check();
  await page.getByLabel('Från vem').fill('Personen själv');
  await page.getByLabel('Hur kom uppgifterna in?').selectOption({ label: 'Telefon' });
  await page.getByLabel('Vad har kommit in?').fill('Hon har hotats och kan inte bo kvar hemma.');
  await page.getByRole('radio', { name: 'Ja, akut skyddsbehov' }).check();
  await page.getByLabel('Motivering').fill('Han har hotat att döda henne.');
  await page.getByRole('button', { name: 'Registrera aktualiseringen' }).click();
  await expect(page).toHaveURL(caseUrl);
  const caseId = caseUrl.exec(page.url())?.[1] ?? '';

  await visit(`/arenden/${caseId}?flik=beslut`);
  const form = page.getByRole('form', { name: 'Nytt akut beslut' });
  await form.getByLabel('Insats').selectOption({ label: 'Skyddat boende' });
  await form.getByLabel('Vad personen behöver').fill('En skyddad plats i dag.');
  await form
    .getByLabel('Personens egen bedömning av faran')
    .fill('Hon säger att han letar efter henne.');
  await form
    .getByLabel('Varför beslutet inte kan vänta på kommunicering')
    .fill('Hon kan inte återvända hem.');
  await form.getByLabel('Motivering').fill('Akut skyddsbehov.');
  await form.getByLabel('Till och med', { exact: true }).fill(swedishDate(14));
  await form.getByLabel('Hur?').selectOption({ label: 'Personligen vid möte' });
  await form.getByRole('button', { name: 'Fatta det akuta beslutet' }).click();
  await expect(page.getByRole('article', { name: 'Skyddat boende: Bifall' })).toBeVisible();
  return caseId;
}

/** The uppdrag form filled for the shelter, on the beslut, sharing the name: all but the ground. */
async function fillShelterOrder(page: Page, who: string) {
  const form = page.getByRole('form', { name: 'Nytt uppdrag' });
  await form.getByLabel('Beslut', { exact: true }).selectOption({ index: 1 });
  await form
    .getByLabel('Utförare', { exact: true })
    .selectOption({ label: 'Skyddat boende Fristad' });
  await form.getByLabel('Vad uppdraget gäller').fill(`Skyddat boende för ${who}.`);
  await form.getByLabel('Varför uppdraget ges').fill('Hon har hotats till livet.');
  await form.getByLabel('Till och med', { exact: true }).fill(swedishDate(14));
  await form
    .getByLabel('Vem utföraren kontaktar hos socialtjänsten')
    .fill('Anna Handläggare, Relationsvåldsteamet');
  await form.getByRole('checkbox', { name: 'Namn' }).check();
  return form;
}

test('an uppdrag to the shelter: sent with the consent, accepted and planned by the provider, seen on the case', async ({
  page,
  login,
  visit,
}) => {
  await login('anna.handlaggare');
  const caseId = await caseWithShelter(page, visit);
  // Her consent first: her name and language, to the shelter, for the uppdrag.
  const consent = await recordProviderConsent(page, visit, {
    caseId,
    provider: 'Skyddat boende Fristad',
    categories: ['Namn', 'Språk och tolkbehov'],
    validUntil: swedishDate(90),
  });
  await expectAccessible(page);

  await visit(`/arenden/${caseId}?flik=uppdrag`);
  await expect(page.getByRole('heading', { level: 2, name: 'Uppdrag' })).toBeVisible();
  const form = page.getByRole('form', { name: 'Nytt uppdrag' });
  // Empty, it names what is missing, in Swedish.
  await form.getByRole('button', { name: 'Skicka uppdraget' }).click();
  await expect(page.getByText('Välj det beslut uppdraget gäller.').first()).toBeVisible();
  await expectAccessible(page);

  await form.getByLabel('Beslut', { exact: true }).selectOption({ index: 1 });
  await form
    .getByLabel('Utförare', { exact: true })
    .selectOption({ label: 'Skyddat boende Fristad' });
  await form.getByLabel('Vad uppdraget gäller').fill('Skyddat boende för Ulla.');
  await form.getByLabel('Varför uppdraget ges').fill('Hon har hotats till livet.');
  await form.getByLabel('Till och med', { exact: true }).fill(swedishDate(14));
  await form
    .getByLabel('Vem utföraren kontaktar hos socialtjänsten')
    .fill('Anna Handläggare, Relationsvåldsteamet');
  await form.getByRole('checkbox', { name: 'Namn' }).check();
  await form.getByRole('checkbox', { name: 'Språk och tolkbehov' }).check();
  await form
    .getByRole('textbox', { name: 'Språk och tolkbehov' })
    .fill('Behöver tolk på persiska.');
  await form.getByRole('radio', { name: 'Samtycke', exact: true }).check();
  await form.getByRole('combobox', { name: 'Samtycke' }).selectOption({ label: consent.option });
  await form.getByRole('button', { name: 'Skicka uppdraget' }).click();
  await expect(page.getByText('Uppdraget är skickat till utföraren.')).toBeVisible();
  await expect(page.getByText('Skyddat boende – Skyddat boende Fristad')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Logga ut' }).click();

  // The provider: its inbox, the uppdrag with what it shares, accept, plan, a note.
  await login('ulf.utforare');
  await page.getByRole('link', { name: 'Mina uppdrag' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mina uppdrag' })).toBeVisible();
  await expectAccessible(page);
  const row = page.getByRole('row', { name: /Ulla Uppdragsson/ });
  await row.getByRole('link', { name: 'Skyddat boende' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Uppdrag: Skyddat boende' }),
  ).toBeVisible();
  await expect(page.getByText('Behöver tolk på persiska.')).toBeVisible();
  await expect(page.getByText(`Samtycke lämnat muntligt ${consent.givenOn}`)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('radio', { name: 'Ja, vi accepterar uppdraget' }).check();
  await page.getByRole('button', { name: 'Skicka svaret' }).click();
  const plan = page.getByRole('form', { name: 'Skriv genomförandeplan' });
  await plan.getByLabel('Mål').fill('Att känna sig trygg.');
  await plan.getByLabel('Vad som ska göras').fill('Boende och stödsamtal.');
  await plan.getByLabel('Hur och när').fill('Samtal varje tisdag.');
  await plan
    .getByLabel('Hur personen har deltagit i planeringen')
    .fill('Skrevs med henne och tolk.');
  await plan.getByRole('button', { name: 'Spara genomförandeplanen' }).click();
  await expect(page.getByText('Version 1,', { exact: false })).toBeVisible();
  const entry = page.getByRole('form', { name: 'Anteckning eller återrapport' });
  await entry.getByRole('radio', { name: 'Återrapport till handläggaren' }).check();
  await entry.getByLabel('Vad gjordes?').fill('Hon har flyttat in och sover bättre.');
  await entry.getByRole('button', { name: 'Spara' }).click();
  await expect(
    page.getByRole('cell', { name: 'Hon har flyttat in och sover bättre.' }),
  ).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Logga ut' }).click();

  // The handläggare sees it accepted, with the plan and the report.
  await login('anna.handlaggare');
  await visit(`/arenden/${caseId}?flik=uppdrag`);
  const card = page.getByRole('region', { name: 'Uppdrag till Skyddat boende Fristad' });
  await card.getByRole('button', { expanded: false }).first().click();
  await expect(page.getByText('Accepterat').first()).toBeVisible();
  await expect(page.getByText('Att känna sig trygg.')).toBeVisible();
  await expect(
    page.getByRole('cell', { name: 'Hon har flyttat in och sover bättre.' }),
  ).toBeVisible();
  await expectAccessible(page);
});

test('a revoked consent: the provider no longer reads what the uppdrag shared, and no uppdrag rests on it', async ({
  page,
  login,
  visit,
  expectedApiErrors,
}) => {
  // The second uppdrag, sent on the consent revoked meanwhile, is refused.
  expectedApiErrors.push({ path: /^\/api\/cases\/[0-9a-f-]{36}\/commissions$/, status: 409 });
  await login('anna.handlaggare');
  const caseId = await caseWithShelter(page, visit, {
    givenName: 'Rut',
    familyName: 'Samtyckesson',
  });
  const consent = await recordProviderConsent(page, visit, {
    caseId,
    provider: 'Skyddat boende Fristad',
    categories: ['Namn'],
    validUntil: swedishDate(90),
  });
  await expectAccessible(page);

  // The uppdrag on her consent.
  await visit(`/arenden/${caseId}?flik=uppdrag`);
  let order = await fillShelterOrder(page, 'Rut');
  await order.getByRole('radio', { name: 'Samtycke', exact: true }).check();
  await order.getByRole('combobox', { name: 'Samtycke' }).selectOption({ label: consent.option });
  await order.getByRole('button', { name: 'Skicka uppdraget' }).click();
  await expect(page.getByText('Uppdraget är skickat till utföraren.')).toBeVisible();
  const card = page.getByRole('region', { name: 'Uppdrag till Skyddat boende Fristad' });
  await card.getByRole('button', { expanded: false }).first().click();
  const pdf = await card.getByRole('link', { name: /Uppdraget som PDF/ }).getAttribute('href');
  const commissionId = /commissions\/([0-9a-f-]{36})\//.exec(pdf ?? '')?.[1] ?? '';
  expect(commissionId).not.toBe('');
  await expectAccessible(page);

  // The register shows the utlämnande, on her consent.
  await visit(`/arenden/${caseId}?flik=samtycken`);
  const disclosures = page.getByRole('table', { name: 'Utlämnanden' });
  await expect(
    disclosures.getByRole('row', { name: /Uppdrag till utförare.*Skyddat boende Fristad/ }),
  ).toContainText(`Samtycke ${consent.title}`);
  await expectAccessible(page);

  // A next uppdrag is filled in on the same consent…
  await visit(`/arenden/${caseId}?flik=uppdrag`);
  order = await fillShelterOrder(page, 'Rut');
  await order.getByRole('radio', { name: 'Samtycke', exact: true }).check();
  await order.getByRole('combobox', { name: 'Samtycke' }).selectOption({ label: consent.option });

  // …while she revokes it, recorded in another tab.
  const other = await page.context().newPage();
  await other.goto(`/arenden/${caseId}?flik=samtycken`);
  const article = other.getByRole('article', { name: `Samtycke ${consent.title}` });
  await article.getByRole('button', { name: /^Återkalla/ }).click();
  const revoke = other.getByRole('form', { name: `Återkalla samtycket ${consent.title}` });
  await expect(revoke.getByLabel('Återkallat den')).toHaveValue(consent.givenOn);
  await expectAccessible(other);
  await revoke
    .getByLabel('Hur återkallade personen samtycket?')
    .fill('Muntligt i telefon till handläggaren.');
  await revoke.getByRole('button', { name: 'Återkalla samtycket' }).click();
  await expect(other.getByText(`Samtycket ${consent.title} är återkallat.`)).toBeVisible();
  await expect(article.getByText('Återkallat', { exact: true }).first()).toBeVisible();
  await expect(article).toContainText('Muntligt i telefon till handläggaren.');
  await expect(article.getByRole('button', { name: /^Återkalla/ })).toHaveCount(0);
  await expectAccessible(other);
  await other.close();

  // The next uppdrag on it is refused, with the sentence that names it.
  await order.getByRole('button', { name: 'Skicka uppdraget' }).click();
  await expect(order.getByRole('alert')).toContainText('återkallades');
  await expectAccessible(page);
  // Opened again, the form has no consent to offer, and says where one is recorded.
  await visit(`/arenden/${caseId}?flik=uppdrag`);
  order = page.getByRole('form', { name: 'Nytt uppdrag' });
  await order.getByRole('radio', { name: 'Samtycke', exact: true }).check();
  await expect(
    order.getByText('Det finns inget samtycke i ärendet som gäller uppdrag till utförare.', {
      exact: false,
    }),
  ).toBeVisible();
  await expect(order.getByRole('link', { name: 'fliken Samtycken' })).toHaveAttribute(
    'href',
    `/arenden/${caseId}?flik=samtycken`,
  );
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Logga ut' }).click();

  // The provider: the uppdrag says what was withheld, and not her name.
  await login('ulf.utforare');
  await visit(`/uppdrag/${commissionId}`);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Uppdrag: Skyddat boende' }),
  ).toBeVisible();
  await expect(page.getByText(`Samtycket återkallades ${consent.givenOn}.`)).toBeVisible();
  await expect(page.getByText('Uppgifterna om personen lämnas inte längre ut.')).toBeVisible();
  await expect(page.getByText('Samtyckesson')).toHaveCount(0);
  await expectAccessible(page);
});
