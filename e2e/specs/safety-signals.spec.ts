import { swedishDate } from '../clock.ts';
import { expectAccessible, expect, test } from '../fixtures.ts';

const instrument = 'Exempel: Bedömning av risk för grovt våld (version 1) – exempel';

/**
 * Safety signals between files (core/domain/safety-signals.ts), as the two handläggare see them.
 * The demo's Johan Lind uses violence against Maria Lind; his case is in the unit's queue, hers
 * is Anna's. Hanna takes his case and registers what happened in it; Anna, on Maria's case, is
 * asked to review the risk assessment by a day — and sees nothing of what happened, nor where —
 * and marks it reviewed.
 */
test('the victim’s handläggare is asked to review the risk assessment after an event in his file, and marks it reviewed', async ({
  page,
  login,
  visit,
}) => {
  test.slow(); // two logins, and every page is checked with axe
  const marker = `Händelse i hans akt ${String(Date.now())}`;
  await login('hanna.handlaggare');
  await visit('/arenden');
  const queue = page.getByRole('table', { name: 'Inkorg: Relationsvåldsteamet' });
  await queue.getByRole('button', { name: 'Ta ärendet för Johan Lind' }).click();
  await expect(page.getByText('Du har tagit ärendet för Johan Lind.')).toBeVisible();
  await page
    .getByRole('table', { name: 'Mina öppna ärenden' })
    .getByRole('row', { name: /Johan Lind/ })
    .getByRole('link', { name: 'Våldsutövare' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ärende: Johan Lind' })).toBeVisible();
  const hisCase = page.url();
  await visit(`${new URL(hisCase).pathname}?flik=risk`);
  await page.getByRole('button', { name: 'Registrera händelse' }).click();
  await page.getByLabel('Vad hände?').fill(marker);
  await page.getByRole('button', { name: 'Registrera händelsen' }).click();
  await expect(page.getByText('Händelsen är registrerad.')).toBeVisible();
  // His handläggare is told nothing of her file.
  await expect(page.getByText('Se över riskbedömningen')).toHaveCount(0);
  await page.getByRole('button', { name: 'Logga ut' }).click();

  await login('anna.handlaggare');
  await visit('/arenden');
  const mine = page.getByRole('table', { name: 'Mina öppna ärenden' });
  const maria = mine.getByRole('row', { name: /Maria Lind/ });
  await expect(maria).toContainText('Se över riskbedömningen');
  await expectAccessible(page);
  await maria.getByRole('link', { name: 'Våldsutsatt vuxen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ärende: Maria Lind' })).toBeVisible();
  const signals = page.getByRole('region', { name: 'Signaler om säkerhetsarbetet' });
  await expect(
    signals.getByText(/^Se över riskbedömningen senast \d{4}-\d{2}-\d{2}$/),
  ).toBeVisible();
  // Nothing of what happened, nor his name, nor his handläggare's.
  await expect(page.getByText(marker)).toHaveCount(0);
  await expect(signals).not.toContainText('Johan');
  await expect(signals).not.toContainText('Hanna');
  await expectAccessible(page);
  await signals.getByRole('button', { name: 'Riskbedömningen är översedd' }).click();
  await expect(
    signals.getByText(/^Riskbedömningen är översedd \d{4}-\d{2}-\d{2} \(Anna Handläggare\)$/),
  ).toBeVisible();
  await expect(signals.getByRole('button', { name: 'Riskbedömningen är översedd' })).toHaveCount(0);
  await expect(page.getByText(/Se över riskbedömningen/)).toHaveCount(0);
  await expectAccessible(page);
});

/**
 * The same after his insats is broken off: Hanna (who took his case above) decides tillfälligt
 * boende for him at once, sends the uppdrag to the municipality's flats, and ends it when he
 * breaks it off. Anna is prompted on Maria's case and marks it reviewed.
 */
test('the victim’s handläggare is prompted when his insats is broken off, and marks it reviewed', async ({
  page,
  login,
  visit,
}) => {
  test.slow(); // two logins, a beslut and an uppdrag, and every page is checked with axe
  const reason = `Han avbröt insatsen ${String(Date.now())}`;
  await login('hanna.handlaggare');
  await visit('/arenden');
  await page
    .getByRole('table', { name: 'Mina öppna ärenden' })
    .getByRole('row', { name: /Johan Lind/ })
    .getByRole('link', { name: 'Våldsutövare' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ärende: Johan Lind' })).toBeVisible();
  const hisCase = new URL(page.url()).pathname;

  // Tillfälligt boende for him rests on a structured risk assessment (core/domain/intervention-rules.ts).
  await visit(`${hisCase}?flik=risk`);
  await page.getByRole('button', { name: 'Ny riskbedömning' }).click();
  const assessment = page.getByRole('form', { name: 'Ny riskbedömning' });
  await assessment.getByLabel('Person', { exact: true }).selectOption({ label: 'Johan Lind' });
  await assessment.getByLabel('Bedömningsinstrument').selectOption({ label: instrument });
  for (const question of [/strypgrepp/, /hotat att döda/]) {
    await assessment
      .getByRole('radiogroup', { name: question })
      .getByRole('radio', { name: 'Ja' })
      .check();
  }
  await assessment
    .getByLabel('Sammanfattande bedömning och motivering')
    .fill('Risken minskar om han bor på annat håll.');
  await assessment.getByLabel('Datum för bedömningen').fill(swedishDate(0));
  await assessment.getByRole('button', { name: 'Spara bedömningen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Risknivå:' })).toBeVisible();

  await visit(`${hisCase}?flik=beslut`);
  const decision = page.getByRole('form', { name: 'Nytt akut beslut' });
  await decision.getByLabel('Insats').selectOption({ label: 'Tillfälligt boende' });
  await decision.getByLabel('Vad personen behöver').fill('Ett boende så att hon kan bo kvar.');
  await decision
    .getByLabel('Personens egen bedömning av faran')
    .fill('Han säger att han inte är farlig.');
  await decision
    .getByLabel('Varför beslutet inte kan vänta på kommunicering')
    .fill('Hon och barnen bor kvar i bostaden från i kväll.');
  await decision
    .getByLabel('När framkom den våldsutsattas önskan att bo kvar?')
    .fill(swedishDate(0));
  await decision.getByLabel('Hur framkom önskan?').fill('Via hennes handläggare.');
  await decision.getByLabel('Riskbedömningen som beslutet grundas på').selectOption({ index: 1 });
  await decision
    .getByLabel('Hur talar riskbedömningen för att den våldsutsatta kan bo kvar?')
    .fill('Risken är lägre när han inte bor i bostaden.');
  await decision.getByLabel('Motivering').fill('Hennes riskbedömning stöder att han flyttar.');
  await decision.getByLabel('Till och med', { exact: true }).fill(swedishDate(14));
  await decision.getByLabel('Hur?').selectOption({ label: 'Personligen vid möte' });
  await decision.getByRole('button', { name: 'Fatta det akuta beslutet' }).click();
  await expect(page.getByRole('article', { name: 'Tillfälligt boende: Bifall' })).toBeVisible();

  await visit(`${hisCase}?flik=uppdrag`);
  const form = page.getByRole('form', { name: 'Nytt uppdrag' });
  await form.getByLabel('Beslut', { exact: true }).selectOption({ index: 1 });
  await form.getByLabel('Utförare', { exact: true }).selectOption({ label: 'Jourlägenheterna' });
  await form.getByLabel('Vad uppdraget gäller').fill('Tillfälligt boende för Johan.');
  await form.getByLabel('Varför uppdraget ges').fill('Hon bor kvar i bostaden.');
  await form.getByLabel('Till och med', { exact: true }).fill(swedishDate(14));
  await form
    .getByLabel('Vem utföraren kontaktar hos socialtjänsten')
    .fill('Hanna Handläggare, Relationsvåldsteamet');
  await form.getByRole('checkbox', { name: 'Namn' }).check();
  // His name goes to the flats on the lagstöd for an insats the nämnd decided, after a test.
  await form.getByRole('radio', { name: 'Lagstöd', exact: true }).check();
  await form
    .getByRole('combobox', { name: 'Lagstöd' })
    .selectOption({ label: '10 kap. 2 § offentlighets- och sekretesslagen (2009:400)' });
  await form
    .getByRole('textbox', { name: 'Sekretessprövning' })
    .fill('Jourlägenheterna behöver hans namn för att kunna ta emot honom i lägenheten.');
  await form.getByRole('button', { name: 'Skicka uppdraget' }).click();
  await expect(page.getByText('Uppdraget är skickat till utföraren.')).toBeVisible();
  const card = page.getByRole('region', { name: 'Uppdrag till Jourlägenheterna' });
  await card.getByRole('button', { expanded: false }).first().click();
  await card.getByLabel('Varför avslutas uppdraget?').fill(reason);
  await card.getByRole('button', { name: 'Avsluta uppdraget' }).click();
  await expect(card.getByText('Avslutat').first()).toBeVisible();
  await expect(page.getByText('Se över riskbedömningen')).toHaveCount(0);
  await page.getByRole('button', { name: 'Logga ut' }).click();

  await login('anna.handlaggare');
  await visit('/arenden');
  const maria = page
    .getByRole('table', { name: 'Mina öppna ärenden' })
    .getByRole('row', { name: /Maria Lind/ });
  await expect(maria).toContainText('Se över riskbedömningen');
  await maria.getByRole('link', { name: 'Våldsutsatt vuxen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ärende: Maria Lind' })).toBeVisible();
  const signals = page.getByRole('region', { name: 'Signaler om säkerhetsarbetet' });
  await expect(
    signals.getByText(/^Se över riskbedömningen senast \d{4}-\d{2}-\d{2}$/),
  ).toBeVisible();
  await expect(page.getByText(reason)).toHaveCount(0);
  await expect(page.getByText('Jourlägenheterna')).toHaveCount(0);
  await expectAccessible(page);
  await signals.getByRole('button', { name: 'Riskbedömningen är översedd' }).click();
  await expect(signals.getByRole('button', { name: 'Riskbedömningen är översedd' })).toHaveCount(0);
  await expect(page.getByText(/Se över riskbedömningen/)).toHaveCount(0);
  await expectAccessible(page);
});
