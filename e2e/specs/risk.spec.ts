import type { Page } from '@playwright/test';
import { setServerClock } from '../clock.ts';
import { expectAccessible, expect, test } from '../fixtures.ts';

const caseUrl = /\/arenden\/([0-9a-f-]{36})$/;
const instrument = 'Exempel: Bedömning av risk för grovt våld (version 1) – exempel';

/** Registers an application from a new woman without a known number, acute need yes. */
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
  await page.getByLabel('Vad har kommit in?').fill('Polisen underrättar om misshandel i bostaden.');
  await page.getByRole('radio', { name: 'Ja, akut skyddsbehov' }).check();
  await page.getByLabel('Motivering').fill('Mannen har hotat att döda henne.');
  await page.getByRole('button', { name: 'Registrera aktualiseringen' }).click();
  await expect(page).toHaveURL(caseUrl);
  return caseUrl.exec(page.url())?.[1] ?? '';
}

/** Today in Stockholm, `days` ahead: the date the server's moved clock shows. */
function stockholmDate(days: number) {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(
    new Date(Date.now() + days * 86_400_000),
  );
}

async function assess(page: Page, yes: RegExp[], motivation: string, on: string) {
  await page.getByRole('button', { name: 'Ny riskbedömning' }).click();
  const form = page.getByRole('form', { name: 'Ny riskbedömning' });
  await form.getByLabel('Bedömningsinstrument').selectOption({ label: instrument });
  await expect(form.getByText('Exempel', { exact: true })).toBeVisible();
  for (const question of yes) {
    await form
      .getByRole('radiogroup', { name: question })
      .getByRole('radio', { name: 'Ja' })
      .check();
  }
  await form.getByLabel('Sammanfattande bedömning och motivering').fill(motivation);
  await form.getByLabel('Datum för bedömningen').fill(on);
  await expectAccessible(page);
  await form.getByRole('button', { name: 'Spara bedömningen' }).click();
}

test.describe('risk assessment, safety plan and reassessment', () => {
  test.afterEach(() => {
    setServerClock(0);
  });

  test('a danger assessment, the safety plan, and a reassessment 30 days later', async ({
    page,
    login,
    visit,
    expectedApiErrors,
  }) => {
    expectedApiErrors.push({
      path: /^\/api\/cases\/[0-9a-f-]{36}\/safety-plans\/[0-9a-f-]{36}$/,
      status: 409,
    });
    const woman = { givenName: 'Vera', familyName: 'Lind' };
    const name = `${woman.givenName} ${woman.familyName}`;
    await login('anna.handlaggare');
    await visit('/arenden');
    const caseId = await registerIntake(page, woman);
    expect(caseId).not.toBe('');

    await visit(`/arenden/${caseId}?flik=risk`);
    await expect(page.getByRole('heading', { level: 2, name: 'Risk och säkerhet' })).toBeVisible();
    await expect(page.getByText('Mannen har hotat att döda henne.').first()).toBeVisible();
    await expectAccessible(page);

    // A danger assessment: 3 + 3 + 3 + 3 = 12 points, Hög risk.
    await assess(
      page,
      [/strypgrepp/, /hotat att döda/, /tillgång till vapen/, /själv att hen kan komma att döda/],
      'Strypgrepp, dödshot och vapen. Hon tror själv att han kan döda henne.',
      stockholmDate(0),
    );
    await expect(
      page.getByRole('status').filter({ hasText: 'Risknivå: Hög risk, 12 poäng' }),
    ).toBeVisible();
    await expect(
      page.getByText('Hög risk men ingen säkerhetsplan – gör en säkerhetsplan.'),
    ).toBeVisible();
    await expect(
      page.getByText('Risknivå').locator('xpath=following-sibling::dd[1]').first(),
    ).toContainText('Hög risk');
    await expectAccessible(page);

    // The safety plan.
    await page.getByRole('button', { name: `Gör en säkerhetsplan för ${name}` }).click();
    await expect(
      page.getByRole('heading', { level: 3, name: `Säkerhetsplan för ${name}` }),
    ).toBeFocused();
    const plan = page.getByRole('form', { name: `Säkerhetsplan för ${name}` });
    await expect(plan.getByText('Ett ord att använda med personer hon litar på')).toBeVisible();
    await plan.getByLabel('Status: Kodord').selectOption({ label: 'Klar' });
    await plan.getByLabel('Anteckning: Kodord').fill('Kodordet är "blåbär" med systern.');
    await plan.getByLabel('Status: Packad väska').selectOption({ label: 'Pågår' });
    await plan.getByLabel('Anteckning: Packad väska').fill('Väskan står hos grannen.');
    await plan.getByLabel('Följs upp senast').fill(stockholmDate(14));
    await expectAccessible(page);
    await plan.getByRole('button', { name: 'Spara säkerhetsplanen' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: 'Säkerhetsplanen är sparad som version 1.' }),
    ).toBeVisible();
    await expect(page.getByText('Hög risk men ingen säkerhetsplan')).toHaveCount(0);
    await expect(page.getByText(/Version 1 · .* · Anna Handläggare/)).toBeVisible();
    const pdf = page.getByRole('link', { name: /Skriv ut säkerhetsplan \(PDF\)/ });
    const href = await pdf.getAttribute('href');
    expect(href).toBe(
      `/api/cases/${caseId}/safety-plans/${await personIdOf(page)}/safety-plan.pdf`,
    );
    const response = await page.request.get(href ?? '');
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('application/pdf');

    // Someone else saves the plan in another tab first: this tab's save is refused, then reloads.
    const other = await page.context().newPage();
    await other.goto(`/arenden/${caseId}?flik=risk`);
    await other.getByRole('button', { name: `Säkerhetsplan för ${name}`, exact: true }).click();
    const otherPlan = other.getByRole('form', { name: `Säkerhetsplan för ${name}` });
    await otherPlan.getByLabel('Anteckning: Kontanter').fill('500 kronor i en bok.');
    await otherPlan.getByRole('button', { name: 'Spara säkerhetsplanen' }).click();
    await expect(other.getByText('Säkerhetsplanen är sparad som version 2.')).toBeVisible();
    await other.close();
    await plan.getByLabel('Anteckning: Husdjur').fill('Katten kan bo hos systern.');
    await plan.getByRole('button', { name: 'Spara säkerhetsplanen' }).click();
    // Her text is kept, and the saved plan's text is shown beside it where the two differ.
    await expect(plan.getByText(/Någon annan sparade säkerhetsplanen \(version 2\)/)).toBeVisible();
    await expect(plan.getByLabel('Anteckning: Husdjur')).toHaveValue('Katten kan bo hos systern.');
    const savedCash = plan
      .locator('.draft-conflict-saved')
      .filter({ hasText: '500 kronor i en bok.' });
    await expect(savedCash).toContainText('Sparad text, version 2:');
    await expect(page.getByText(/Version 2 · .* · Anna Handläggare/)).toBeVisible();
    await expectAccessible(page);
    // A reload keeps both: her draft and the saved plan beside it.
    await page.reload();
    await page.getByRole('button', { name: `Säkerhetsplan för ${name}`, exact: true }).click();
    await expect(page.getByText(/Utkast från .* har återställts\./)).toBeVisible();
    await expect(plan.getByLabel('Anteckning: Husdjur')).toHaveValue('Katten kan bo hos systern.');
    await expect(savedCash).toBeVisible();
    // She merges by hand and saves over the version she has seen.
    await plan.getByLabel('Anteckning: Kontanter').fill('500 kronor i en bok.');
    await plan.getByRole('button', { name: 'Spara säkerhetsplanen' }).click();
    await expect(page.getByText('Säkerhetsplanen är sparad som version 3.')).toBeVisible();
    await expect(plan.locator('.draft-conflict-saved')).toHaveCount(0);

    // 30 days later: the session has expired; the prompt to assess again.
    setServerClock(30);
    await login('anna.handlaggare');
    await visit(`/arenden/${caseId}?flik=risk`);
    await expect(
      page.getByText(/Dags att bedöma risken igen – 30 dagar sedan senaste bedömningen/),
    ).toBeVisible();
    await expectAccessible(page);

    // She has left him: only separation, 2 points, Låg risk.
    await assess(
      page,
      [/nyligen lämnat/],
      'Hon har lämnat honom och bor i skyddat boende.',
      stockholmDate(30),
    );
    await expect(
      page.getByRole('status').filter({ hasText: 'Risknivå: Låg risk, 2 poäng' }),
    ).toBeVisible();
    await expect(page.getByText(/Dags att bedöma risken igen/)).toHaveCount(0);

    // The levels over time: the chart, and the same in the table beside it.
    await expect(page.locator('.risk-chart svg')).toBeVisible();
    const table = page.getByRole('table', { name: 'Risknivå över tid' });
    await expect(table.getByRole('row')).toHaveCount(3);
    await expect(table.getByRole('row').nth(1)).toContainText(stockholmDate(0));
    await expect(table.getByRole('row').nth(1)).toContainText('Hög risk');
    await expect(table.getByRole('row').nth(2)).toContainText(stockholmDate(30));
    await expect(table.getByRole('row').nth(2)).toContainText('Låg risk');
    await expectAccessible(page);
  });
});

/** The woman's person id, from the personakt link in the case header. */
async function personIdOf(page: Page) {
  const href = await page.getByRole('link', { name: 'Personakt' }).getAttribute('href');
  return href?.split('/').pop() ?? '';
}

test('Administration → Bedömningsinstrument: the server names each problem, then load and retire', async ({
  page,
  login,
  visit,
  expectedApiErrors,
}) => {
  expectedApiErrors.push({ path: '/api/admin/instruments', status: 400 });
  await login('adam.admin');
  await visit('/administration');
  const section = page.getByRole('region', { name: 'Bedömningsinstrument' });
  const examples = section.getByRole('row', { name: /Exempel: Bedömning av risk för grovt våld/ });
  await expect(examples.getByText('Exempel', { exact: true })).toBeVisible();
  await expect(examples).toContainText('I bruk');

  const form = page.getByRole('form', { name: 'Läs in ett instrument' });
  const definition = {
    id: 'kommun-testinstrument',
    version: 1,
    name: 'Kommunens testinstrument',
    description: 'Ett instrument för att pröva inläsningen.',
    example: false,
    method: 'other',
    targetGroups: ['adult_victim'],
    sections: [
      {
        key: 'fragor',
        title: 'Frågor',
        items: [{ key: 'hot', text: 'Finns hot?', answer: { kind: 'yes_no_unknown' }, weight: 2 }],
      },
    ],
    scoring: { kind: 'none' },
  };
  await form.getByLabel('Instrumentets definition (JSON)').fill(JSON.stringify(definition));
  await form.getByRole('button', { name: 'Läs in instrumentet' }).click();
  await expect(form.getByRole('alert')).toContainText(
    'sections.0.items.0.weight: Vikt passar bara på ja/nej- och skalfrågor',
  );
  await expectAccessible(page);

  const { weight: _weight, ...item } = definition.sections[0]?.items[0] ?? {};
  const valid = { ...definition, sections: [{ key: 'fragor', title: 'Frågor', items: [item] }] };
  await form.getByLabel('Instrumentets definition (JSON)').fill(JSON.stringify(valid));
  await form.getByRole('button', { name: 'Läs in instrumentet' }).click();
  await expect(
    section.getByText('Kommunens testinstrument, version 1, är inläst och kan användas.'),
  ).toBeVisible();
  const row = section.getByRole('row', { name: /Kommunens testinstrument/ });
  await row.getByRole('button', { name: /Ta ur bruk/ }).click();
  await expect(row.getByText('Ur bruk')).toBeVisible();
  await expectAccessible(page);
});
