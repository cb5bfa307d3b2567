import type { Page } from '@playwright/test';
import { daysBetween } from '../../core/domain/calendar.ts';
import { nextWorkingDay } from '../../core/domain/working-days.ts';
import { luhnCheckDigit } from '../../core/domain/personal-identity.ts';
import { setServerClock, swedishDate } from '../clock.ts';
import { recordProviderConsent } from '../consents.ts';
import { expectAccessible, expect, test } from '../fixtures.ts';

/**
 * Protection tonight, end to end (issue 13, item 9): socialjour on a Saturday night takes in a
 * woman and her two children, decides skyddat boende at once with a place found in a shelter
 * with free places, and sends the uppdrag, which the shelter accepts. On the next working day
 * the adult unit's queue shows the case first; the handläggare takes it and opens the utredning;
 * the children's own beslut are asked for; råd och stöd stops at the sixth session without a
 * beslut; and a perpetrator's tillfälligt boende is refused without the victim's wish. Axe on
 * every page on the way.
 */

const caseUrl = /\/arenden\/([0-9a-f-]{36})$/;

/** Days from today to the next Saturday in Sweden (1–7): a day that is never a working day. */
function daysToSaturday() {
  const weekday = new Date(`${swedishDate(0)}T12:00:00Z`).getUTCDay();
  return (6 - weekday + 7) % 7 || 7;
}

/** A personnummer with its check digit, for a child born on `yyyymmdd`. */
const personnummer = (yyyymmdd: string, serial: string) =>
  `${yyyymmdd}-${serial}${luhnCheckDigit(`${yyyymmdd.slice(2)}${serial}`)}`;

const children = [
  { givenName: 'Mira', number: personnummer('20160314', '471') },
  { givenName: 'Sami', number: personnummer('20190802', '472') },
];
const familyName = 'Nattviken';

async function registerIntake(
  page: Page,
  person: { givenName: string; familyName: string; targetGroup: string; text: string },
  receivedOn?: string,
) {
  await page.getByLabel('Målgrupp').selectOption({ label: person.targetGroup });
  await page.getByRole('radio', { name: 'En ny person' }).check();
  await page.getByLabel('Förnamn', { exact: true }).fill(person.givenName);
  await page.getByLabel('Efternamn', { exact: true }).fill(person.familyName);
  await page.getByRole('radio', { name: 'Ansökan (muntlig)' }).check();
  await page.getByLabel('Från vem').fill('Personen själv');
  await page.getByLabel('Hur kom uppgifterna in?').selectOption({ label: 'Telefon' });
  await page.getByLabel('Vad har kommit in?').fill(person.text);
  if (receivedOn) {
    const when = page.getByRole('group', { name: 'När kom uppgifterna in?' });
    await when.getByLabel('Datum').fill(receivedOn);
    // Midnight: the night, and never ahead of the server's clock — which is this very time of day
    // on that Saturday, so any later hour would be in the future when the suite runs just after
    // midnight.
    await when.getByLabel('Klockslag').fill('00:00');
  }
  await page.getByRole('radio', { name: 'Ja, akut skyddsbehov' }).check();
  await page.getByLabel('Motivering').fill('Han har hotat att döda henne i kväll.');
  await page.getByRole('button', { name: 'Registrera aktualiseringen' }).click();
  await expect(page).toHaveURL(caseUrl);
  return caseUrl.exec(page.url())?.[1] ?? '';
}

test.afterEach(() => {
  setServerClock(0);
});

test('socialjour protects a woman and her children on a Saturday night, and the day unit carries on', async ({
  page,
  login,
  visit,
  expectedApiErrors,
}) => {
  // A long evening and morning of work; the handover job runs every 5 s here (playwright.config.ts).
  test.setTimeout(240_000);
  expectedApiErrors.push(
    { path: /^\/api\/cases\/[0-9a-f-]{36}\/advice-sessions$/, status: 409 },
    { path: /^\/api\/cases\/[0-9a-f-]{36}\/acute-decisions$/, status: 409 },
  );
  const saturday = daysToSaturday();
  setServerClock(saturday);
  await page.clock.setFixedTime(new Date(Date.now() + saturday * 86_400_000));
  const day = (days = 0) => swedishDate(saturday + days);

  // Saturday night: socialjour's acute intake.
  await login('sara.socialjour');
  await visit('/arenden/ny');
  const caseId = await registerIntake(
    page,
    {
      givenName: 'Nora',
      familyName,
      targetGroup: 'Våldsutsatt vuxen',
      text: 'Ringer med sina två barn från en bensinmack. Sambon har slagit henne i kväll.',
    },
    day(),
  );
  expect(caseId).not.toBe('');
  await expect(
    page.getByText(/^Överlämnas till Relationsvåldsteamet \d{4}-\d{2}-\d{2}$/),
  ).toBeVisible();

  // Her two children, in the household: the child-report duty opens for each.
  for (const child of children) {
    await page.getByRole('button', { name: 'Lägg till barn i hushållet' }).click();
    const form = page.getByRole('form', { name: 'Nytt barn i hushållet' });
    await form.getByLabel('Förnamn', { exact: true }).fill(child.givenName);
    await form.getByLabel('Efternamn', { exact: true }).fill(familyName);
    await form.getByLabel('Personnummer', { exact: true }).fill(child.number);
    await form.getByRole('button', { name: 'Lägg till barnet' }).click();
    await expect(
      page.getByRole('row', { name: new RegExp(child.givenName) }).getByText('Orosanmälan saknas'),
    ).toBeVisible();
  }
  await expectAccessible(page);

  // Skyddat boende at once, with a place found in a shelter with free places now.
  await visit(`/arenden/${caseId}?flik=beslut`);
  const form = page.getByRole('form', { name: 'Nytt akut beslut' });
  await form.getByLabel('Insats').selectOption({ label: 'Skyddat boende' });
  await form.getByRole('button', { name: 'Sök plats i skyddat boende' }).click();
  const search = page.getByRole('region', { name: 'Sök plats i skyddat boende' });
  await search.getByLabel('Antal barn som följer med').fill('2');
  await search.getByRole('button', { name: 'Sök', exact: true }).click();
  const free = search.getByRole('table', { name: 'Passar och har ledig plats nu' });
  await expect(free.getByRole('rowheader', { name: 'Skyddat boende Fristad' })).toBeVisible();
  await expectAccessible(page);
  await free.getByRole('button', { name: 'Välj Skyddat boende Fristad' }).click();
  await form
    .getByLabel('Vad personen behöver')
    .fill('En skyddad plats i natt för henne och barnen.');
  await form
    .getByLabel('Personens egen bedömning av faran')
    .fill('Hon säger att han kommer att döda henne om han hittar dem.');
  await form
    .getByLabel('Varför beslutet inte kan vänta på kommunicering')
    .fill('Hon och barnen kan inte återvända hem i natt.');
  await form.getByLabel('Motivering').fill('Akut skyddsbehov; inget annat skydd finns i natt.');
  const end = day(14);
  await form.getByLabel('Till och med', { exact: true }).fill(end);
  await form.getByLabel('Hur?').selectOption({ label: 'Personligen vid möte' });
  await form.getByRole('button', { name: 'Fatta det akuta beslutet' }).click();
  const decision = page.getByRole('article', { name: 'Skyddat boende: Bifall' });
  await expect(decision).toContainText('Akut beslut');
  await expect(decision).toContainText('Skyddat boende Fristad');
  // Each child going along is assessed and decided on its own, by the children's unit.
  await expect(page.getByText('2 barn saknar eget beslut om skyddat boende.')).toBeVisible();
  await expectAccessible(page);

  // Her consent to share her name with the shelter for the uppdrag, in the samtyckesregister.
  const consent = await recordProviderConsent(page, visit, {
    caseId,
    provider: 'Skyddat boende Fristad',
    categories: ['Namn'],
    validUntil: day(90),
  });
  await expectAccessible(page);

  // The uppdrag to the shelter, with what she consented to share.
  await visit(`/arenden/${caseId}?flik=uppdrag`);
  const order = page.getByRole('form', { name: 'Nytt uppdrag' });
  await order.getByLabel('Beslut', { exact: true }).selectOption({ index: 1 });
  await order
    .getByLabel('Utförare', { exact: true })
    .selectOption({ label: 'Skyddat boende Fristad' });
  await order.getByLabel('Vad uppdraget gäller').fill('Skyddat boende för Nora och två barn.');
  await order.getByLabel('Varför uppdraget ges').fill('Hon har hotats till livet i kväll.');
  await order.getByLabel('Till och med', { exact: true }).fill(end);
  await order
    .getByLabel('Vem utföraren kontaktar hos socialtjänsten')
    .fill('Socialjouren, därefter Relationsvåldsteamet');
  await order.getByRole('checkbox', { name: 'Namn' }).check();
  await order.getByRole('radio', { name: 'Samtycke', exact: true }).check();
  await order.getByRole('combobox', { name: 'Samtycke' }).selectOption({ label: consent.option });
  await order.getByRole('button', { name: 'Skicka uppdraget' }).click();
  await expect(page.getByText('Uppdraget är skickat till utföraren.')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Logga ut' }).click();

  // The shelter accepts it.
  await login('ulf.utforare');
  await page.getByRole('link', { name: 'Mina uppdrag' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mina uppdrag' })).toBeVisible();
  await page
    .getByRole('row', { name: new RegExp(`Nora ${familyName}`) })
    .getByRole('link', { name: 'Skyddat boende' })
    .click();
  await page.getByRole('radio', { name: 'Ja, vi accepterar uppdraget' }).check();
  await page.getByRole('button', { name: 'Skicka svaret' }).click();
  await expect(page.getByRole('form', { name: 'Skriv genomförandeplan' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Logga ut' }).click();

  // The next working day: the adult unit's queue shows the case first.
  const monday = saturday + daysBetween(day(), nextWorkingDay(day()));
  setServerClock(monday);
  await page.clock.setFixedTime(new Date(Date.now() + monday * 86_400_000));
  await login('anna.handlaggare');
  await visit('/arenden');
  const queue = page.getByRole('table', { name: 'Inkorg: Relationsvåldsteamet' });
  const row = queue.getByRole('row', { name: new RegExp(`Nora ${familyName}`) });
  await expect(async () => {
    await page.reload();
    await expect(row).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000, intervals: [1_000] });
  await expect(row).toContainText('Överlämnat från socialjouren');
  await expect(row).toContainText('Akut skyddsbehov');
  // First: only the night's other handovers (earlier ones, of other tests) come before it.
  const rows = await queue.locator('tbody tr').allInnerTexts();
  const at = rows.findIndex((text) => text.includes(`Nora ${familyName}`));
  expect(at).toBeGreaterThanOrEqual(0);
  expect(
    rows.slice(0, at).filter((text) => !text.includes('Överlämnat från socialjouren')),
  ).toEqual([]);
  await expectAccessible(page);
  await queue.getByRole('button', { name: `Ta ärendet för Nora ${familyName}` }).click();
  await expect(page.getByText(`Du har tagit ärendet för Nora ${familyName}.`)).toBeVisible();

  // What socialjour decided that night is on the case; the utredning is opened, after the
  // children's orosanmälan.
  await visit(`/arenden/${caseId}`);
  for (const child of children) {
    const row = page.getByRole('row', { name: new RegExp(child.givenName) });
    await row.getByRole('button', { name: /^Gör orosanmälan/ }).click();
    const report = page.getByRole('form', {
      name: `Orosanmälan för ${child.givenName} ${familyName}`,
    });
    await report
      .getByLabel('Oron för barnet')
      .fill('Barnet var hemma när pappan misshandlade mamman och följer med till skyddat boende.');
    await report.getByRole('button', { name: 'Skicka orosanmälan' }).click();
    await expect(row.getByText('Orosanmälan gjord')).toBeVisible();
  }
  await page.getByRole('radio', { name: 'Utredning inleds', exact: true }).check();
  await page.getByRole('radio', { name: 'Utredning (våldsutsatt)' }).check();
  await page
    .getByLabel('Skäl', { exact: true })
    .fill('Hon har ansökt om skydd och stöd för sig och barnen.');
  await page.getByRole('button', { name: 'Spara förhandsbedömningen' }).click();
  await expect(page.getByText('Utredningen är inledd.')).toBeVisible();
  await expectAccessible(page);

  // The children's own beslut are still asked for.
  await visit(`/arenden/${caseId}?flik=beslut`);
  await expect(page.getByText('2 barn saknar eget beslut om skyddat boende.')).toBeVisible();
  await expect(page.getByRole('article', { name: 'Skyddat boende: Bifall' })).toContainText(
    'Akut beslut',
  );

  // Råd och stöd: five sessions without a beslut, the sixth refused with the rule's sentence.
  await visit(`/arenden/${caseId}?flik=rad-och-stod`);
  const sessions = page.getByRole('form', { name: 'Registrera samtal' });
  for (let i = 1; i <= 5; i++) {
    await sessions.getByLabel('Vad gjordes i samtalet?').fill(`Stödsamtal ${i} om trygghet.`);
    await sessions.getByRole('button', { name: 'Registrera samtalet' }).click();
    await expect(page.getByText(`${i} av 5 samtal utan beslut`)).toBeVisible();
  }
  await sessions.getByLabel('Vad gjordes i samtalet?').fill('Ett sjätte samtal.');
  await sessions.getByRole('button', { name: 'Registrera samtalet' }).click();
  await expect(sessions.getByRole('alert')).toContainText('beslut');
  await expectAccessible(page);

  // A perpetrator asking to move out: refused without the victim's recorded wish to stay.
  await visit('/arenden/ny');
  const perpetratorCase = await registerIntake(page, {
    givenName: 'Tor',
    familyName: 'Utflyttare',
    targetGroup: 'Våldsutövare',
    text: 'Vill flytta ut så att sambon och barnen kan bo kvar.',
  });
  await visit(`/arenden/${perpetratorCase}?flik=beslut`);
  const acute = page.getByRole('form', { name: 'Nytt akut beslut' });
  await acute.getByLabel('Insats').selectOption({ label: 'Tillfälligt boende' });
  await acute.getByLabel('Vad personen behöver').fill('Ett rum i två veckor.');
  await acute.getByLabel('Personens egen bedömning av faran').fill('Han säger att det är lugnt.');
  await acute
    .getByLabel('Varför beslutet inte kan vänta på kommunicering')
    .fill('Han behöver lämna bostaden i dag.');
  await acute.getByLabel('Motivering').fill('Han flyttar ut så att hon och barnen kan bo kvar.');
  await acute.getByLabel('Till och med', { exact: true }).fill(swedishDate(monday + 14));
  await acute.getByLabel('Hur?').selectOption({ label: 'Personligen vid möte' });
  await acute.getByRole('button', { name: 'Fatta det akuta beslutet' }).click();
  await expect(acute.getByRole('alert')).toContainText(
    'Den våldsutsattas önskan att bo kvar i bostaden är inte dokumenterad',
  );
  await expectAccessible(page);
});
