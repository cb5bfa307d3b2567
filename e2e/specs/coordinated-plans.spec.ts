import { swedishDate } from '../clock.ts';
import { recordConsent, revokeConsent } from '../consents.ts';
import { expectAccessible, expect, test } from '../fixtures.ts';
import { fillPlanParticipant, registerApplication } from '../plans.ts';

/**
 * A SIP with the region (issue 15): the handläggare records the woman's consent to the
 * vårdcentral for SIP, writes the plan with her own unit and the vårdcentral on that consent —
 * after a first attempt without the region is refused — prints it, revises it, follows it up;
 * the consent revoked, the plan says it must be revised, and a revision on it is refused naming
 * the consent.
 */

const region = 'Vårdcentralen Centrum';
const ownUnit = 'Relationsvåldsteamet';
const categories = ['Namn', 'Situation och behov', 'Hälsa och vård'];

test('a SIP with the vårdcentral on her consent: written, printed, revised, followed up, and to be revised once the consent is revoked', async ({
  page,
  login,
  visit,
  expectedApiErrors,
}) => {
  test.slow();
  // The refusals the test provokes: a SIP without the region, a revision on a revoked consent.
  expectedApiErrors.push(
    { path: /^\/api\/cases\/[0-9a-f-]{36}\/plans$/, status: 409 },
    { path: /^\/api\/cases\/[0-9a-f-]{36}\/plans\/[0-9a-f-]{36}\/versions$/, status: 409 },
  );
  await login('anna.handlaggare');
  const caseId = await registerApplication(page, visit, {
    givenName: 'Greta',
    familyName: 'Planberg',
  });
  const consent = await recordConsent(page, visit, {
    caseId,
    recipient: { kind: 'Myndighet eller verksamhet', name: region },
    purpose: 'SIP, samordnad individuell plan',
    purposeText: 'Att vårdcentralen och socialtjänsten gör en gemensam plan för stödet till henne.',
    categories,
    validUntil: swedishDate(180),
  });
  await expectAccessible(page);
  const consentOption = `${region}, ${consent.givenOn} – ${swedishDate(180)}`;

  await visit(`/arenden/${caseId}?flik=planer`);
  await expect(
    page.getByRole('heading', { level: 2, name: 'SIP och samverkansplaner' }),
  ).toBeVisible();
  await expect(page.getByText('Ingen plan är skriven i ärendet.')).toBeVisible();
  await page.getByRole('button', { name: 'Ny plan' }).click();
  const form = page.getByRole('form', { name: 'Ny plan' });
  await expect(form.getByLabel('Enhet för deltagare 1')).toHaveValue(/.+/);
  await expectAccessible(page);

  // Her own unit alone: the server refuses, a SIP is made with the region.
  await form.getByRole('radio', { name: 'SIP, samordnad individuell plan' }).check();
  await form
    .getByLabel('Insatser som behövs')
    .fill('Samtalsstöd om våldet, stöd att hitta en egen bostad och uppföljning av hälsan.');
  await fillPlanParticipant(form, 0, {
    name: 'Anna Handläggare',
    role: 'Socialsekreterare',
    responsibility: 'Samtalsstöd varannan vecka och stöd i kontakten med hyresvärdar.',
  });
  await form.getByLabel('Vad andra gör').fill('Hennes syster följer med till vårdcentralen.');
  await form
    .getByLabel('Övergripande ansvar')
    .selectOption({ label: `Deltagare 1: ${ownUnit}, Anna Handläggare` });
  const followUpOn = swedishDate(90);
  await form.getByLabel('Uppföljning senast').fill(followUpOn);
  for (const category of categories) {
    await form.getByRole('checkbox', { name: category, exact: true }).check();
  }
  await form.getByRole('button', { name: 'Spara planen' }).click();
  await expect(form.getByRole('alert')).toContainText('En SIP görs tillsammans med regionen.');
  await expectAccessible(page);

  // With the vårdcentral, on her consent.
  await fillPlanParticipant(form, 1, {
    kind: 'Myndighet eller verksamhet, till exempel skola',
    organisation: region,
    name: 'Vera Vård',
    role: 'Distriktssköterska',
    responsibility: 'Följer upp hennes sömn och smärta och remitterar till psykolog.',
    consent: consentOption,
  });
  await form.getByRole('button', { name: 'Spara planen' }).click();
  await expect(page.getByText('Planen är sparad.')).toBeVisible();
  const plan = page.getByRole('article', { name: /^SIP, samordnad individuell plan, upprättad/ });
  await expect(plan.getByText('Version 1, skriven')).toBeVisible();
  const responsibilities = plan.getByRole('table', { name: 'Vem ansvarar för vad' }).first();
  await expect(responsibilities.getByRole('row', { name: /Vera Vård/ })).toContainText(
    `Samtycket den ${consent.givenOn} till ${region}.`,
  );
  await expect(responsibilities.getByRole('row', { name: /Anna Handläggare/ })).toContainText(
    'Ärendets egen enhet',
  );
  await expect(plan).toContainText(`${ownUnit}, Anna Handläggare`);
  await expect(plan).toContainText(followUpOn);
  await expectAccessible(page);

  // The printout.
  const pdf =
    (await plan.getByRole('link', { name: /Skriv ut \(PDF\)/ }).getAttribute('href')) ?? '';
  expect(pdf).toMatch(/\/plans\/[0-9a-f-]{36}\/plan\.pdf$/);
  const printed = await page.request.get(pdf);
  expect(printed.status()).toBe(200);
  expect(printed.headers()['content-type']).toContain('application/pdf');

  // Revised: version 2 in force, version 1 kept.
  await plan.getByRole('button', { name: /^Revidera/ }).click();
  const revise = page.getByRole('form', { name: 'Revidera planen, version 2' });
  await expect(revise.getByLabel('Insatser som behövs')).toHaveValue(/Samtalsstöd om våldet/);
  await expectAccessible(page);
  await revise
    .getByLabel('Ansvar för deltagare 2')
    .fill('Följer upp hennes sömn och smärta; psykologkontakt från januari.');
  await revise.getByRole('button', { name: 'Spara den nya versionen' }).click();
  await expect(page.getByText(/^Planen är reviderad/)).toBeVisible();
  await expect(plan.getByText('Version 2, skriven')).toBeVisible();
  await expect(plan).toContainText('psykologkontakt från januari');
  await plan.getByRole('button', { name: 'Tidigare versioner (1)' }).click();
  await expect(plan.getByText('Version 1, skriven')).toBeVisible();
  await expectAccessible(page);

  // Followed up.
  await plan.getByRole('button', { name: /^Följ upp planen/ }).click();
  const followUp = page.getByRole('form', { name: 'Följ upp planen' });
  await followUp.getByLabel('Personens syn').fill('Hon sover bättre men vill ha mer samtalsstöd.');
  await followUp.getByLabel('Bedömning').fill('Stödet fungerar; bostadsfrågan är inte löst ännu.');
  await followUp.getByRole('radio', { name: 'Målen är delvis uppfyllda' }).check();
  await followUp.getByRole('button', { name: 'Spara uppföljningen' }).click();
  await expect(page.getByText(/^Uppföljningen är sparad/)).toBeVisible();
  await expect(
    plan.getByRole('table', { name: 'Uppföljningar' }).getByRole('row', { name: /delvis/ }),
  ).toContainText('bostadsfrågan är inte löst');
  await expectAccessible(page);

  // The consent revoked: the plan says so, and a revision on it is refused naming it.
  await revokeConsent(page, caseId, consent.title);
  await expectAccessible(page);
  await visit(`/arenden/${caseId}?flik=planer`);
  const warning = plan.getByText(/återkallades/).first();
  await expect(warning).toBeVisible();
  await expect(plan).toContainText('Planen behöver revideras');
  await expect(plan).toContainText(`Samtycket den ${consent.givenOn} till ${region} återkallades`);
  await plan.getByRole('button', { name: /^Revidera/ }).click();
  const again = page.getByRole('form', { name: 'Revidera planen, version 3' });
  await again.getByRole('button', { name: 'Spara den nya versionen' }).click();
  await expect(again.getByRole('alert')).toContainText(
    `Samtycket den ${consent.givenOn} till ${region} återkallades`,
  );
  await expectAccessible(page);
});
