import { swedishDate } from '../clock.ts';
import { recordPartnerContactConsent } from '../consents.ts';
import { expectAccessible, expect, test } from '../fixtures.ts';

const caseUrl = /\/arenden\/([0-9a-f-]{36})/;

// Johan Lind in the demo data uses violence; his case waits in Relationsvåldsteamet's inkorg.
// His handläggare records his consent to partnerkontakt in his case; in the victim's case the
// beslut rests on it, offered only by when it was given and until when it holds.

test('partnerkontakt rests on his consent, recorded in his case and chosen in hers by its dates', async ({
  page,
  login,
  visit,
}) => {
  // Two users, four forms and their accessibility checks: more than the default minute.
  test.setTimeout(180_000);
  await login('hanna.handlaggare');
  await visit('/arenden');
  await page
    .getByRole('row', { name: /Johan Lind/ })
    .getByRole('link', { name: 'Våldsutövare' })
    .first()
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ärende: Johan Lind' })).toBeVisible();
  const hisCaseId = caseUrl.exec(page.url())?.[1] ?? '';
  expect(hisCaseId).not.toBe('');
  await page.getByRole('link', { name: 'Personakt' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Johan Lind' })).toBeVisible();
  const number = /\d{8}-\d{4}/.exec(
    (await page
      .getByText(/^Personnummer \d{8}-\d{4}$/)
      .first()
      .textContent()) ?? '',
  )?.[0];
  expect(number).toBeDefined();
  const validUntil = swedishDate(180);
  const consent = await recordPartnerContactConsent(page, visit, {
    caseId: hisCaseId,
    unit: 'Relationsvåldsteamet',
    validUntil,
  });
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Logga ut' }).click();

  // Her application, with Johan recorded in her file as the partner who uses violence.
  await login('anna.handlaggare');
  await visit('/arenden/ny');
  await page.getByLabel('Målgrupp').selectOption({ label: 'Våldsutsatt vuxen' });
  await page.getByRole('radio', { name: 'En ny person' }).check();
  await page.getByLabel('Förnamn', { exact: true }).fill('Pia');
  await page.getByLabel('Efternamn', { exact: true }).fill('Partnerkontakt');
  await page.getByRole('radio', { name: 'Ansökan (muntlig)' }).check();
  await page.getByLabel('Från vem').fill('Personen själv');
  await page.getByLabel('Hur kom uppgifterna in?').selectOption({ label: 'Telefon' });
  await page
    .getByLabel('Vad har kommit in?')
    .fill('Hon vill ha stöd medan hennes sambo går i behandling för sitt våld.');
  await page.getByRole('radio', { name: 'Ja, akut skyddsbehov' }).check();
  await page.getByLabel('Motivering').fill('Han har slagit henne tidigare.');
  await page.getByRole('button', { name: 'Registrera aktualiseringen' }).click();
  await expect(page).toHaveURL(caseUrl);
  const caseId = caseUrl.exec(page.url())?.[1] ?? '';

  const section = page.getByRole('region', {
    name: 'Personer som utövar våld och andra närstående',
  });
  await section.getByRole('button', { name: 'Registrera person' }).click();
  const counterpart = section.getByRole('form', { name: 'Registrera person' });
  await counterpart.getByLabel('Identitetsnummer').selectOption({ label: 'Personnummer' });
  await counterpart.getByRole('textbox', { name: 'Nummer' }).fill(number ?? '');
  await counterpart.getByLabel('Förnamn', { exact: true }).fill('Johan');
  await counterpart.getByLabel('Relation till personen').selectOption({ label: 'Partner' });
  await counterpart
    .getByRole('radiogroup', { name: 'Utövar personen våld mot henne?' })
    .getByRole('radio', { name: 'Ja' })
    .check();
  await counterpart
    .getByRole('radiogroup', { name: 'Bor de tillsammans?' })
    .getByRole('radio', { name: 'Nej' })
    .check();
  await counterpart.getByRole('button', { name: 'Registrera', exact: true }).click();
  await expect(section.getByText('Personen är registrerad.')).toBeVisible();

  await page.getByRole('radio', { name: 'Utredning inleds', exact: true }).check();
  await page.getByRole('radio', { name: 'Utredning (våldsutsatt)' }).check();
  await page.getByLabel('Skäl', { exact: true }).fill('Hon ansöker om partnerkontakt.');
  await page.getByRole('button', { name: 'Spara förhandsbedömningen' }).click();
  await expect(page.getByText('Utredningen är inledd.')).toBeVisible();

  await visit(`/arenden/${caseId}?flik=beslut`);
  const communication = page.getByRole('form', { name: 'Registrera kommunicering' });
  await communication.getByLabel('Vad kommunicerades?').fill('Utredningen i sin helhet.');
  await communication.getByRole('radio', { name: 'Vid ett möte' }).check();
  await communication.getByRole('button', { name: 'Registrera kommuniceringen' }).click();
  await expect(page.getByText('Kommuniceringen är registrerad.')).toBeVisible();
  await page.getByRole('button', { name: 'Logga ut' }).click();

  // Partnerkontakt is the manager's to decide in the demo's delegation list.
  await login('erik.chef');
  await visit(`/arenden/${caseId}?flik=beslut`);
  const form = page.getByRole('form', { name: 'Nytt beslut' });
  await form.getByLabel('Insats').selectOption({ label: 'Partnerkontakt' });
  const partnerContact = form.getByRole('group', { name: 'Partnerkontakt' });
  // His consent by its dates only: nothing else of his file.
  const choice = partnerContact.getByLabel('Våldsutövarens samtycke');
  await expect(choice.locator('option')).toHaveText(['Välj samtycke', consent.option]);
  await expectAccessible(page);
  await choice.selectOption({ label: consent.option });
  await partnerContact.getByLabel('Den våldsutsattas kontaktperson').fill('Sara Lind');
  await partnerContact.getByLabel('Våldsutövarens behandlare').fill('Per Ek');
  await form.getByLabel('Vad personen har ansökt om').fill('Partnerkontakt under hans behandling.');
  await form.getByRole('radio', { name: 'Bifall', exact: true }).check();
  await form.getByLabel('Motivering').fill('Partnerkontakten ökar hennes säkerhet.');
  await form.getByRole('button', { name: 'Fatta beslutet' }).click();
  await expect(page.getByText('Beslutet om partnerkontakt är fattat: bifall.')).toBeVisible();
  const decision = page.getByRole('article', { name: 'Partnerkontakt: Bifall' });
  await expect(decision).toContainText(`Våldsutövaren samtyckte ${consent.givenOn}`);
  await expect(decision).toContainText('Kontaktperson: Sara Lind');
  await expectAccessible(page);
});
