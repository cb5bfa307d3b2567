import { swedishDate } from '../clock.ts';
import { recordConsent, revokeConsent } from '../consents.ts';
import { expectAccessible, expect, test } from '../fixtures.ts';
import { registerApplication } from '../plans.ts';

/**
 * The police and other agencies: the handläggare records the woman's own decision not to report
 * the violence; a disclosure to the police on 10 kap. 18 c § OSL with its sekretessprövning,
 * listed with its reference and in the samtyckesregister; and her consent to the prosecutor,
 * revoked while a disclosure on it is filled in, refuses that disclosure with the sentence that
 * names the consent.
 */

const prosecutor = 'Åklagarmyndigheten';
const categories = ['Namn', 'Våldet och riskbedömningar'];
/** As the legal catalogue in force (the demo's: Socialtjänstlagen (2001:453)) cites it. */
const violencePrevention = '10 kap. 18 c § offentlighets- och sekretesslagen (2009:400)';
const secrecyTest =
  'Han har hotat att döda henne i helgen; polisen behöver veta det för att kunna skydda henne och barnen.';

test('her decision about reporting, a disclosure to the police on lagstöd, and one on a revoked consent refused', async ({
  page,
  login,
  visit,
  expectedApiErrors,
}) => {
  test.slow();
  // The refusal the test provokes: a disclosure on the consent revoked meanwhile.
  expectedApiErrors.push({
    path: /^\/api\/cases\/[0-9a-f-]{36}\/agency-disclosures$/,
    status: 409,
  });
  await login('anna.handlaggare');
  const caseId = await registerApplication(page, visit, {
    givenName: 'Polly',
    familyName: 'Polisdotter',
  });
  const today = swedishDate();

  // Her decision: she does not want to report.
  await visit(`/arenden/${caseId}?flik=myndigheter`);
  await expect(
    page.getByRole('heading', { level: 2, name: 'Polis och myndigheter' }),
  ).toBeVisible();
  const crimeReport = page.getByRole('region', { name: 'Polisanmälan' });
  await expect(
    crimeReport.getByText('Inget beslut om polisanmälan är registrerat i ärendet.'),
  ).toBeVisible();
  const decision = page.getByRole('form', { name: 'Registrera personens beslut om polisanmälan' });
  await decision.getByRole('button', { name: 'Registrera beslutet' }).click();
  await expect(decision.getByText('Ange vad personen har bestämt.').first()).toBeVisible();
  await expectAccessible(page);
  await decision.getByRole('radio', { name: 'Vill inte polisanmäla', exact: true }).check();
  await expect(decision.getByLabel('Den dag personen sa det')).toHaveValue(today);
  await decision
    .getByLabel('Anteckning (frivillig)')
    .fill('Hon är rädd för vad han gör om han blir förhörd.');
  await decision.getByRole('button', { name: 'Registrera beslutet' }).click();
  await expect(page.getByText('Personens beslut om polisanmälan är registrerat.')).toBeVisible();
  await expect(crimeReport).toContainText(`Personen har bestämt: Vill inte polisanmäla, ${today}`);
  await expect(crimeReport).toContainText('Hon är rädd för vad han gör om han blir förhörd.');
  await expect(crimeReport).toContainText('Anna Handläggare');

  // A disclosure to the police, on 10 kap. 18 c § OSL.
  await page.getByRole('button', { name: 'Nytt utlämnande' }).click();
  let form = page.getByRole('form', { name: 'Nytt utlämnande' });
  await expect(form.getByRole('heading', { name: 'Nytt utlämnande' })).toBeFocused();
  await expectAccessible(page);
  await form.getByRole('button', { name: 'Registrera utlämnandet' }).click();
  await expect(
    form.getByText('Välj vilken myndighet uppgifterna lämnades till.').first(),
  ).toBeVisible();
  await expectAccessible(page);
  await form.getByRole('radio', { name: 'Polisen', exact: true }).check();
  await expect(form.getByLabel('Myndighetens namn')).toHaveValue('Polisen');
  await form.getByLabel('Mottagare hos myndigheten (frivilligt)').fill('Inspektör Lisa Lag');
  await expect(form.getByLabel('Utlämnat den')).toHaveValue(today);
  await form.getByRole('radio', { name: 'Muntligt', exact: true }).check();
  for (const category of categories) {
    await form.getByRole('checkbox', { name: category, exact: true }).check();
  }
  await form
    .getByLabel('Vad lämnades ut')
    .fill('Att han har hotat att döda henne och var hon bor just nu.');
  await expect(form.getByLabel('Riskbedömning som delades')).toHaveValue('');
  await form.getByRole('radio', { name: 'Lagstöd', exact: true }).check();
  await form.getByRole('combobox', { name: 'Lagstöd' }).selectOption({ label: violencePrevention });
  await form.getByRole('textbox', { name: 'Sekretessprövning' }).fill(secrecyTest);
  await form.getByRole('button', { name: 'Registrera utlämnandet' }).click();
  await expect(page.getByText('Utlämnandet till Polisen är registrerat.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Nytt utlämnande' })).toBeFocused();
  const toPolice = page.getByRole('article', { name: `Utlämnande till Polisen ${today}` });
  await expect(toPolice).toContainText('Lagstöd: 10 kap. 18 c §');
  await expect(toPolice).toContainText(secrecyTest);
  await expect(toPolice).toContainText('Inspektör Lisa Lag');
  await expect(toPolice).toContainText('Namn, Våldet och riskbedömningar');
  await expect(toPolice).toContainText(`${today}, muntligt`);
  await expect(toPolice).toContainText('Anna Handläggare');
  await expectAccessible(page);

  // The samtyckesregister lists it among the case's utlämnanden.
  await visit(`/arenden/${caseId}?flik=samtycken`);
  await expect(
    page.getByRole('table', { name: 'Utlämnanden' }).getByRole('row', { name: /Polisen/ }),
  ).toContainText('10 kap. 18 c §');

  // Her consent to the prosecutor, for disclosures to agencies.
  const consent = await recordConsent(page, visit, {
    caseId,
    recipient: { kind: 'Myndighet eller verksamhet', name: prosecutor },
    purpose: 'Utlämnande till polis eller annan myndighet',
    purposeText: 'Att åklagaren får veta om våldet inför ett beslut om kontaktförbud.',
    categories,
    validUntil: swedishDate(90),
  });

  // A disclosure on it is filled in…
  await visit(`/arenden/${caseId}?flik=myndigheter`);
  await page.getByRole('button', { name: 'Nytt utlämnande' }).click();
  form = page.getByRole('form', { name: 'Nytt utlämnande' });
  await form.getByRole('radio', { name: 'Åklagare', exact: true }).check();
  await expect(form.getByLabel('Myndighetens namn')).toHaveValue(prosecutor);
  await form.getByRole('radio', { name: 'Skriftligt', exact: true }).check();
  for (const category of categories) {
    await form.getByRole('checkbox', { name: category, exact: true }).check();
  }
  await form.getByLabel('Vad lämnades ut').fill('Hotet i helgen och hennes situation nu.');
  await form.getByRole('radio', { name: 'Samtycke', exact: true }).check();
  await form.getByRole('combobox', { name: 'Samtycke' }).selectOption({ label: consent.option });

  // …while she revokes it, recorded in another tab.
  const other = await page.context().newPage();
  await revokeConsent(other, caseId, consent.title);
  await other.close();

  // The disclosure on it is refused, with the sentence that names it.
  await form.getByRole('button', { name: 'Registrera utlämnandet' }).click();
  await expect(form.getByRole('alert')).toContainText(
    `Samtycket den ${consent.givenOn} till ${prosecutor} återkallades`,
  );
  await expectAccessible(page);
  await expect(page.getByRole('article', { name: /^Utlämnande till / })).toHaveCount(1);
});
