import type { Page } from '@playwright/test';
import { swedishDate } from '../clock.ts';
import { expectAccessible, expect, test } from '../fixtures.ts';

const caseUrl = /\/arenden\/([0-9a-f-]{36})$/;

/** A woman's application registered by the handläggare, and skyddat boende decided acutely. */
async function caseWithShelter(page: Page, visit: (path: string) => Promise<void>) {
  await visit('/arenden/ny');
  await page.getByLabel('Målgrupp').selectOption({ label: 'Våldsutsatt vuxen' });
  await page.getByRole('radio', { name: 'En ny person' }).check();
  await page.getByLabel('Förnamn', { exact: true }).fill('Ulla');
  await page.getByLabel('Efternamn', { exact: true }).fill('Uppdragsson');
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

test('an uppdrag to the shelter: sent with the consent, accepted and planned by the provider, seen on the case', async ({
  page,
  login,
  visit,
}) => {
  await login('anna.handlaggare');
  const caseId = await caseWithShelter(page, visit);

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
  await form.getByRole('radio', { name: 'Muntligt' }).check();
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
