import type { Page } from '@playwright/test';
import { expectAccessible, expect, test } from '../fixtures.ts';

// Children's numbers from Skatteverket's test list that the demo data does not use.
const children = [
  { givenName: 'Alva', familyName: 'Strand', number: '20160902-2387' },
  { givenName: 'Elias', familyName: 'Strand', number: '20170101-2393' },
];

const caseUrl = /\/arenden\/([0-9a-f-]{36})$/;

/** Registers a police notification for a new woman without a known number, acute need yes. */
async function registerPoliceNotification(
  page: Page,
  woman: { givenName: string; familyName: string },
) {
  await page.getByRole('link', { name: 'Ny aktualisering' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ny aktualisering' })).toBeVisible();
  await page.getByLabel('Målgrupp').selectOption({ label: 'Våldsutsatt vuxen' });
  await page.getByRole('radio', { name: 'En ny person' }).check();
  await page.getByLabel('Förnamn', { exact: true }).fill(woman.givenName);
  await page.getByLabel('Efternamn', { exact: true }).fill(woman.familyName);
  await page.getByRole('radio', { name: 'Polisunderrättelse' }).check();
  await page.getByLabel('Från vem').fill('Polisen, region Stockholm');
  await page.getByLabel('Hur kom uppgifterna in?').selectOption({ label: 'Från polisen' });
  await page
    .getByLabel('Vad har kommit in?')
    .fill('Polisen underrättar om misshandel i bostaden i natt. Två barn fanns hemma.');
  await page.getByRole('radio', { name: 'Ja, akut skyddsbehov' }).check();
  await expect(page.getByText('Akut skyddsbehov: ärendet går först i kön.')).toBeVisible();
  await page
    .getByLabel('Motivering')
    .fill('Kvinnan säger att mannen har hotat att döda henne och att han vet var hon är.');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Registrera aktualiseringen' }).click();
  await expect(page).toHaveURL(caseUrl);
  await expect(
    page.getByRole('heading', {
      level: 1,
      name: `Ärende: ${woman.givenName} ${woman.familyName}`,
    }),
  ).toBeVisible();
  return caseUrl.exec(page.url())?.[1] ?? '';
}

test.describe('the whole flow, from police notification to beslut', () => {
  test.describe.configure({ mode: 'serial' });
  let caseId = '';
  const woman = { givenName: 'Nora', familyName: 'Strand' };

  test('1. a police notification for a new woman: consent, her children, orosanmälan, utredning', async ({
    page,
    login,
    visit,
  }) => {
    await login('anna.handlaggare');
    await visit('/arenden');
    caseId = await registerPoliceNotification(page, woman);
    expect(caseId).not.toBe('');
    await expect(page.getByText('Ja, akut skyddsbehov').first()).toBeVisible();
    await expect(page.getByText('Anna Handläggare').first()).toBeVisible();
    await expectAccessible(page);

    // Consent to an utredning.
    await page.getByRole('radio', { name: 'Samtycke till utredning' }).check();
    await page.getByRole('button', { name: 'Registrera samtycke till utredning' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'är registrerad' })).toBeVisible();
    await expect(
      page.getByText('Personen har ansökt eller samtyckt till en utredning.'),
    ).toBeVisible();

    // Her two children.
    for (const child of children) {
      await page.getByRole('button', { name: 'Lägg till barn i hushållet' }).click();
      const form = page.getByRole('form', { name: 'Nytt barn i hushållet' });
      await expect(form.getByRole('heading', { name: 'Nytt barn i hushållet' })).toBeFocused();
      await form.getByLabel('Förnamn', { exact: true }).fill(child.givenName);
      await form.getByLabel('Efternamn', { exact: true }).fill(child.familyName);
      await form.getByLabel('Personnummer', { exact: true }).fill(child.number);
      await expectAccessible(page);
      await form.getByRole('button', { name: 'Lägg till barnet' }).click();
      await expect(
        page
          .getByRole('row', { name: new RegExp(child.givenName) })
          .getByText('Orosanmälan saknas'),
      ).toBeVisible();
    }
    await expect(page.getByText('Orosanmälan saknas för 2 barn.')).toBeVisible();
    await expectAccessible(page);

    for (const child of children) {
      const row = page.getByRole('row', { name: new RegExp(child.givenName) });
      await row.getByRole('button', { name: /^Gör orosanmälan/ }).click();
      const form = page.getByRole('form', {
        name: `Orosanmälan för ${child.givenName} ${child.familyName}`,
      });
      await expect(form.getByRole('heading')).toBeFocused();
      await form
        .getByLabel('Oron för barnet')
        .fill('Barnet var hemma när pappan misshandlade mamman i natt.');
      await expectAccessible(page);
      await form.getByRole('button', { name: 'Skicka orosanmälan' }).click();
      await expect(row.getByText('Orosanmälan gjord')).toBeVisible();
    }

    // Förhandsbedömning: open an utredning with the template for a victim.
    await page.getByRole('radio', { name: 'Utredning inleds', exact: true }).check();
    await page.getByRole('radio', { name: 'Utredning (våldsutsatt)' }).check();
    await page
      .getByLabel('Skäl', { exact: true })
      .fill('Hon samtycker och behöver skydd och stöd.');
    await page.getByRole('button', { name: 'Spara förhandsbedömningen' }).click();
    await expect(page.getByText('Utredningen är inledd.')).toBeVisible();
    await expect(page.getByText('Fas').locator('xpath=following-sibling::dd[1]')).toHaveText(
      'Utredning',
    );
    await expectAccessible(page);
  });

  test('2. the utredning: statements with their sources, coverage, and the PDF', async ({
    page,
    login,
    visit,
  }) => {
    await login('anna.handlaggare');
    await visit(`/arenden/${caseId}?flik=utredning`);
    // The utredning: statements with their sources, section by section.
    await expect(
      page.getByRole('heading', { level: 2, name: 'Utredning (våldsutsatt)' }),
    ).toBeVisible();
    await expect(
      page.getByText('Utredning enligt 11 kap. 1 § SoL', { exact: false }),
    ).toBeVisible();
    // Group-only headings are headings, nothing to write under them.
    await expect(page.getByRole('heading', { name: 'SOCIAL SITUATION' })).toBeVisible();
    await expect(page.getByRole('form', { name: 'SOCIAL SITUATION' })).toHaveCount(0);
    await expect(page.getByText('Våldets karaktär och omfattning: Inte täckt än')).toBeVisible();
    await expectAccessible(page);

    await writeStatements(page, 'Fysiskt våld', [
      {
        text: 'Mannen har slagit henne i ansiktet och tagit strypgrepp.',
        source: 'Personen själv',
      },
      {
        text: 'Blåmärken på halsen dokumenterade vid förhöret.',
        source: 'Myndighet eller annan verksamhet',
        who: 'Polisen',
      },
    ]);
    await expect(page.getByText('Våldets karaktär och omfattning: Täckt')).toBeVisible();
    await writeStatements(page, 'Riskbedömning', [
      {
        text: 'FREDA farlighetsbedömning: hög risk för fortsatt grovt våld.',
        source: 'Handläggarens egen iakttagelse',
      },
    ]);
    await expect(page.getByText('Risk för fortsatt våld: Täckt')).toBeVisible();
    await writeStatements(page, 'Barnens situation med anledning av våldet', [
      { text: 'Barnen var hemma och hörde bråket.', source: 'Annan person', who: 'Mormor' },
    ]);
    await expect(page.getByText('Behov av stöd som förälder: Täckt')).toBeVisible();
    await expectAccessible(page);

    // Stored: the same after a reload.
    await page.reload();
    const physical = page.getByRole('form', { name: 'Fysiskt våld' });
    await expect(physical.getByRole('group', { name: 'Uppgift 2' }).getByLabel('Vem?')).toHaveValue(
      'Polisen',
    );

    const pdfLink = page.getByRole('link', { name: /Skriv ut utredning \(PDF\)/ });
    await expectPdf(page, (await pdfLink.getAttribute('href')) ?? '');
  });

  test('3. kommunicering: an unsafe channel is refused in the server’s words, a meeting is not', async ({
    page,
    login,
    visit,
    expectedApiErrors,
  }) => {
    expectedApiErrors.push({
      path: /^\/api\/cases\/[0-9a-f-]{36}\/communications$/,
      status: 409,
    });
    await login('anna.handlaggare');
    // The e-mail the couple share: recorded on her file as not safe for contact.
    await visit(`/arenden/${caseId}`);
    await page.getByRole('link', { name: 'Personakt' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Nora Strand' })).toBeVisible();
    await page.getByRole('button', { name: 'Lägg till kontaktuppgift' }).click();
    const channel = page.getByRole('form', { name: 'Ny kontaktuppgift' });
    await channel.getByLabel('Typ av kontaktuppgift').selectOption('email');
    await channel.getByLabel('E-postadress').fill('familjen.strand@exempel.invalid');
    await channel.getByRole('radio', { name: 'Nej, får inte användas för kontakt' }).check();
    await channel.getByLabel('Anteckning (frivillig)').fill('Delad med maken');
    await channel.getByRole('button', { name: 'Spara kontaktuppgiften' }).click();
    await expect(page.getByText('E-post familjen.strand@exempel.invalid är sparad.')).toBeVisible();

    await visit(`/arenden/${caseId}?flik=beslut`);
    const form = page.getByRole('form', { name: 'Registrera kommunicering' });
    await form.getByLabel('Vad kommunicerades?').fill('Utredningen i sin helhet.');
    await form.getByRole('radio', { name: 'E-post familjen.strand@exempel.invalid' }).check();
    await form.getByRole('button', { name: 'Registrera kommuniceringen' }).click();
    await expect(form.getByRole('alert')).toContainText(
      'Kontaktvägen är markerad som osäker: den som utövar våld kan nå den.',
    );
    await expectAccessible(page);

    await form.getByRole('radio', { name: 'Vid ett möte' }).check();
    await form.getByRole('button', { name: 'Registrera kommuniceringen' }).click();
    await expect(page.getByText('Kommuniceringen är registrerad.')).toBeVisible();
    await expect(
      page
        .getByRole('region', { name: 'Kommunicering' })
        .getByText(/Utredningen i sin helhet\. · Vid möte · Anna Handläggare/),
    ).toBeVisible();
    await expectAccessible(page);
  });

  test('4. beslut: not offered without delegation, granted by the administrator, then made and corrected', async ({
    page,
    login,
    visit,
  }) => {
    await login('anna.handlaggare');
    await visit(`/arenden/${caseId}?flik=beslut`);
    await expect(page.getByRole('heading', { level: 2, name: 'Beslut' })).toBeVisible();
    // Only the insatser she holds delegation for are offered: not ekonomiskt bistånd yet.
    await expect(page.getByRole('option', { name: 'Ekonomiskt bistånd' })).toHaveCount(0);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Logga ut' }).click();

    // The administrator adds ekonomiskt bistånd to the handläggare's delegation.
    await login('adam.admin');
    await visit('/administration');
    await page
      .getByRole('checkbox', {
        name: 'Handläggare vuxen i Relationsvåldsteamet får besluta om ekonomiskt bistånd',
      })
      .check();
    await expect(
      page.getByText(
        'Handläggare vuxen i Relationsvåldsteamet får nu besluta om ekonomiskt bistånd.',
      ),
    ).toBeVisible();
    await page.getByRole('button', { name: 'Logga ut' }).click();

    await login('anna.handlaggare');
    await visit(`/arenden/${caseId}?flik=beslut`);
    await fillDecision(page);
    await page.getByRole('button', { name: 'Fatta beslutet' }).click();
    await expect(
      page.getByText('Beslutet om ekonomiskt bistånd är fattat: delvis bifall.'),
    ).toBeVisible();
    const decision = page.getByRole('article', { name: 'Ekonomiskt bistånd: Delvis bifall' });
    await expect(decision).toContainText('Du kan överklaga beslutet till förvaltningsrätten');
    await expect(decision).toContainText('Personligen vid möte');
    await expectAccessible(page);

    // Rättelse: a new version; the original stays.
    await decision.getByRole('button', { name: 'Rätta eller ändra beslutet' }).click();
    const dialog = page.getByRole('dialog', { name: 'Rätta eller ändra beslutet' });
    await dialog.getByRole('radio', { name: 'Rättelse' }).check();
    await dialog
      .getByLabel('Motivering')
      .fill('Bistånd till hyra för december beviljas. Bistånd till möbler avslås.');
    await dialog.getByLabel('Skäl', { exact: true }).fill('Skrivfel: månaden var fel.');
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Spara den nya versionen' }).click();
    await expect(dialog).toBeHidden();
    await expect(decision.getByText('Rättelse', { exact: true })).toBeVisible();
    await expect(decision).toContainText('hyra för december');
    await decision.getByRole('button', { name: 'Visa alla 2 versioner' }).click();
    const versions = decision.getByRole('list', { name: 'Beslutets versioner' });
    await expect(versions.getByRole('listitem').first()).toContainText('Ursprungligt beslut');
    await expect(versions.getByRole('listitem').first()).toContainText('hyra för november');
    await expect(versions.getByRole('listitem').nth(1)).toContainText(
      'Skäl: Skrivfel: månaden var fel.',
    );
    await expectAccessible(page);

    const pdf = decision.getByRole('link', { name: /Beslutet som PDF/ });
    await expectPdf(page, (await pdf.getAttribute('href')) ?? '');
  });

  test('5. the children’s unit finds both orosanmälningar in its queue', async ({
    page,
    login,
    visit,
  }) => {
    await login('bo.barn');
    await visit('/arenden');
    const queue = page.getByRole('table', { name: 'Inkorg: Barn och unga' });
    for (const child of children) {
      const row = queue.getByRole('row', {
        name: new RegExp(`${child.givenName} ${child.familyName}`),
      });
      await expect(row).toContainText('Barn som utsatts för eller upplevt våld');
      await expect(row).toContainText('Skyddsbedömning (samma dag)');
    }
  });

  test('6. a handläggare in another unit sees none of it', async ({
    page,
    login,
    visit,
    expectedApiErrors,
  }) => {
    expectedApiErrors.push({ path: `/api/cases/${caseId}`, status: 404 });
    await login('sara.socialjour');
    await visit(`/arenden/${caseId}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Sidan finns inte' })).toBeVisible();
    await expect(page.getByText('Nora Strand')).toHaveCount(0);
    await visit('/arenden');
    await expect(page.getByText('Nora Strand')).toHaveCount(0);
    await expect(page.getByText('Alva Strand')).toHaveCount(0);
  });
});

/** The decision that needs delegation for ekonomiskt bistånd. */
async function fillDecision(page: Page) {
  const form = page.getByRole('form', { name: 'Nytt beslut' });
  await form.getByLabel('Insats').selectOption({ label: 'Ekonomiskt bistånd' });
  await form.getByLabel('Vad personen har ansökt om').fill('Hyra för december och möbler.');
  await form.getByRole('radio', { name: 'Delvis bifall' }).check();
  await form
    .getByLabel('Motivering')
    .fill('Bistånd till hyra för november beviljas. Bistånd till möbler avslås.');
  // Ekonomiskt bistånd is granted for a stated time: fr.o.m. today, t.o.m. a month on.
  const to = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  await form.getByLabel('Till och med', { exact: true }).fill(to);
  await form.getByRole('radio', { name: 'Ja', exact: true }).check();
  await form.getByLabel('Hur?').selectOption({ label: 'Personligen vid möte' });
}

/** A document link answers a PDF, with the reader's session. */
async function expectPdf(page: Page, href: string) {
  expect(href).toMatch(/\.pdf$/);
  const response = await page.request.get(href);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('application/pdf');
  expect((await response.body()).subarray(0, 5).toString()).toBe('%PDF-');
}

interface StatementInput {
  text: string;
  source: string;
  who?: string;
}

/** Writes statements into one section of the utredning and saves it. */
async function writeStatements(page: Page, section: string, statements: StatementInput[]) {
  const form = page.getByRole('form', { name: section, exact: true });
  for (const [i, statement] of statements.entries()) {
    await form.getByRole('button', { name: 'Lägg till uppgift' }).click();
    const row = form.getByRole('group', { name: `Uppgift ${i + 1}` });
    await expect(row.getByLabel('Text')).toBeFocused();
    await row.getByLabel('Text').fill(statement.text);
    await row.getByLabel('Källa').selectOption({ label: statement.source });
    if (statement.who) await row.getByLabel('Vem?').fill(statement.who);
  }
  await form.getByRole('button', { name: 'Spara avsnittet' }).click();
  await expect(form.getByText('Avsnittet är sparat.')).toBeVisible();
}

test('the intake form names what is missing, and the server’s field errors land on the field', async ({
  page,
  login,
  visit,
  expectedApiErrors,
}) => {
  expectedApiErrors.push({ path: '/api/intakes', status: 400 });
  await login('anna.handlaggare');
  await visit('/arenden/ny');
  await page.getByRole('button', { name: 'Registrera aktualiseringen' }).click();
  // The common call is prefilled (a victim, new, her own call by phone); the rest is asked for.
  for (const message of [
    'Fyll i förnamn.',
    'Beskriv vad som har kommit in.',
    'Svara på om det finns ett akut skyddsbehov.',
  ]) {
    await expect(page.getByRole('link', { name: message })).toBeVisible();
  }
  await expectAccessible(page);

  await page.getByLabel('Målgrupp').selectOption({ label: 'Våldsutsatt vuxen' });
  await page.getByRole('radio', { name: 'En ny person' }).check();
  await page.getByLabel('Förnamn', { exact: true }).fill('Vera');
  await page.getByLabel('Efternamn', { exact: true }).fill('Dahl');
  await page.getByLabel('Personnummer', { exact: true }).fill('19920312-2381');
  await page.getByRole('radio', { name: 'Ansökan (muntlig)' }).check();
  await page.getByLabel('Från vem').fill('Personen själv');
  await page.getByLabel('Hur kom uppgifterna in?').selectOption({ label: 'Telefon' });
  await page.getByLabel('Vad har kommit in?').fill('Ringer och vill ha stöd.');
  await page.getByRole('radio', { name: 'Nej', exact: true }).check();
  await page.getByLabel('Motivering').fill('Bor hos en väninna, mannen vet inte var.');
  await page.getByRole('button', { name: 'Registrera aktualiseringen' }).click();
  // Checked in the browser with the same rule as the server.
  await expect(page.getByLabel('Personnummer', { exact: true })).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await expect(
    page.getByRole('link', { name: 'Kontrollsiffran stämmer inte.', exact: false }),
  ).toBeVisible();
  await page.getByLabel('Personnummer', { exact: true }).fill('');

  // Only the server knows the time now: a receipt time tomorrow is refused on its field.
  const tomorrow = new Date(Date.now() + 36 * 3_600_000).toISOString().slice(0, 10);
  await page.getByLabel('Datum', { exact: true }).fill(tomorrow);
  await page.getByRole('button', { name: 'Registrera aktualiseringen' }).click();
  await expect(
    page.getByRole('link', { name: 'Tidpunkten kan inte ligga i framtiden.' }),
  ).toBeVisible();
  await expect(page.getByLabel('Datum', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);
});

test('a step not open yet is not offered, in words that name the missing step', async ({
  page,
  login,
  visit,
}) => {
  await login('anna.handlaggare');
  await visit('/arenden');
  await registerPoliceNotification(page, { givenName: 'Ida', familyName: 'Berglund' });

  // No application or consent yet: an utredning about an adult cannot be opened, and the page
  // says why in the case flow's words (the server's 409 says the same).
  const assessment = page.getByRole('region', { name: 'Förhandsbedömning', exact: true });
  const open = assessment.getByRole('radio', { name: 'Utredning inleds', exact: true });
  await expect(open).toBeDisabled();
  await expect(assessment).toContainText(
    'En utredning om en vuxen kan inte inledas mot personens vilja. Registrera ansökan eller samtycke först.',
  );
  await expect(assessment.getByRole('radio', { name: 'Ingen utredning inleds' })).toBeEnabled();
  await page.getByLabel('Skäl', { exact: true }).fill('Polisen bedömer att hon behöver stöd.');
  await expectAccessible(page);

  // With her consent it still cannot while a child in the household has no orosanmälan.
  await page.getByRole('radio', { name: 'Samtycke till utredning' }).check();
  await page.getByRole('button', { name: 'Registrera samtycke till utredning' }).click();
  await expect(
    page.getByText('Personen har ansökt eller samtyckt till en utredning.'),
  ).toBeVisible();
  await expect(open).toBeEnabled();
  await page.getByRole('button', { name: 'Lägg till barn i hushållet' }).click();
  const child = page.getByRole('form', { name: 'Nytt barn i hushållet' });
  await child.getByLabel('Förnamn', { exact: true }).fill('Tove');
  await child.getByLabel('Efternamn', { exact: true }).fill('Berglund');
  await child.getByRole('button', { name: 'Lägg till barnet' }).click();
  await expect(page.getByText('Tove Berglund är registrerad i hushållet.')).toBeVisible();
  await expect(assessment).toContainText(
    'Det finns barn i hushållet. Registrera orosanmälan till barn och unga, eller ange skälet till att den inte görs',
  );
  await expect(page.getByRole('button', { name: 'Spara förhandsbedömningen' })).toHaveCount(0);

  // The police reported her concern for the child today: the reason is recorded instead.
  const row = page.getByRole('row', { name: /Tove Berglund/ });
  await row.getByRole('button', { name: /^Ange skäl att inte anmäla/ }).click();
  const waiver = page.getByRole('form', { name: 'Ingen orosanmälan för Tove Berglund' });
  await expect(waiver.getByRole('heading')).toBeFocused();
  await waiver
    .getByLabel('Skäl till att orosanmälan inte görs')
    .fill('Polisen har gjort en orosanmälan om barnet i dag.');
  await expectAccessible(page);
  await waiver.getByRole('button', { name: 'Spara skälet' }).click();
  await expect(row).toContainText('Ingen orosanmälan, skäl angivet');
  await expect(row).toContainText('Skäl: Polisen har gjort en orosanmälan om barnet i dag.');
  await expect(row.getByRole('button', { name: /^Gör orosanmälan/ })).toHaveCount(0);

  // The förhandsbedömning is offered again, with what she had written.
  await expect(page.getByLabel('Skäl', { exact: true })).toHaveValue(
    'Polisen bedömer att hon behöver stöd.',
  );
  await open.check();
  await page.getByRole('button', { name: 'Spara förhandsbedömningen' }).click();
  await expect(page.getByText('Utredningen är inledd.')).toBeVisible();
});

test('no utredning: the intake is filed among handlingar som inte föranlett åtgärd', async ({
  page,
  login,
  visit,
}) => {
  await login('anna.handlaggare');
  await visit('/arenden/ny');
  await page.getByLabel('Målgrupp').selectOption({ label: 'Våldsutsatt vuxen' });
  await page.getByRole('radio', { name: 'Identiteten är okänd' }).check();
  await page.getByLabel('Förnamn', { exact: true }).fill('Okänd');
  await page.getByLabel('Efternamn', { exact: true }).fill('Uppringare');
  await page.getByRole('radio', { name: 'Egen kontakt' }).check();
  await page.getByLabel('Från vem').fill('Anonym kvinna');
  await page.getByLabel('Hur kom uppgifterna in?').selectOption({ label: 'Telefon' });
  await page
    .getByLabel('Vad har kommit in?')
    .fill('Frågar om vilket stöd som finns, vill vara anonym.');
  await page.getByRole('radio', { name: 'Nej', exact: true }).check();
  await page.getByLabel('Motivering').fill('Beskriver ingen pågående fara.');
  await page.getByRole('button', { name: 'Registrera aktualiseringen' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Ärende: Okänd Uppringare' }),
  ).toBeVisible();

  await page.getByRole('radio', { name: 'Ingen utredning inleds' }).check();
  await expect(page.getByText('Ärendet avslutas.', { exact: false })).toBeVisible();
  await page
    .getByLabel('Skäl', { exact: true })
    .fill('Fick information om stöd; vill inte ansöka.');
  await page.getByRole('button', { name: 'Spara förhandsbedömningen' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Mina ärenden' })).toBeVisible();
  await expect(
    page.getByRole('status').filter({
      hasText:
        'Ingen utredning inleds för Okänd Uppringare. Ärendet är avslutat och arkiverat bland handlingar som inte föranlett åtgärd.',
    }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Visa handlingarna' }).click();
  const records = page.getByRole('table', {
    name: 'Handlingar som inte föranlett åtgärd: Relationsvåldsteamet',
  });
  await expect(records.getByRole('row', { name: /Okänd Uppringare/ })).toContainText(
    'Fick information om stöd; vill inte ansöka.',
  );
  await expectAccessible(page);
});

test('a protected person’s case carries the protection banner', async ({ page, login, visit }) => {
  await login('anna.handlaggare');
  await visit('/arenden');
  await page
    .getByRole('table', { name: 'Mina öppna ärenden' })
    .getByRole('row', { name: /Leila Haddad/ })
    .getByRole('link', { name: 'Hedersrelaterat våld och förtryck' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ärende: Leila Haddad' })).toBeVisible();
  await expect(page.locator('.protection-banner')).toContainText(
    'Skyddad folkbokföring – lämna aldrig ut adress eller kontaktuppgifter',
  );
  // Her whereabouts are never on the case page.
  await expect(page.getByText('Skyddat boende Fristad, rum 4')).toHaveCount(0);
  await expectAccessible(page);
});
