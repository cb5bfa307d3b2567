import { setServerClock, swedishDate } from '../clock.ts';
import { recordConsent, revokeConsent } from '../consents.ts';
import { expectAccessible, expect, test } from '../fixtures.ts';
import {
  callMeeting,
  daysToSaturday,
  fillGround,
  myCaseId,
  recordGround,
  registerPerpetrator,
  writeMinutes,
} from '../meetings.ts';

/**
 * Samråd around a family (issue 15, item 2): Maria Lind (Relationsvåldsteamet, Anna), her
 * daughter Elsa (Barn och unga, Bo) and Kent Kvist, who uses violence against Maria, registered
 * by socialjour (Socialjouren, Sara) — three files in three units — and the school, present for
 * Elsa's file on her consent. Each file's handläggare joins it and records the grounds; the
 * minutes give each file only its own points.
 *
 * Socialjour keeps its own matter only on a day that is not a working day (the handover job
 * would otherwise pass it to the day unit mid-run), so the server and the browsers live on the
 * next Saturday (e2e/clock.ts), as e2e/specs/acute-decision.spec.ts does.
 */

const saturday = daysToSaturday();
const day = (days = 0) => swedishDate(saturday + days);
const onSaturday = () => new Date(Date.now() + saturday * 86_400_000);

const osl2 = '10 kap. 2 § offentlighets- och sekretesslagen (2009:400)';
const categories = ['Namn', 'Situation och behov'];
const school = 'Exempelskolan';
const purpose = 'Samordna skyddet för Maria och barnen: vem utreder vad, och i vilken ordning.';
const points = {
  maria: 'Relationsvåldsteamet gör en ny riskbedömning med Maria före nästa samråd.',
  elsa: 'Bo Barnsekreterare träffar Elsa på skolan tillsammans med kuratorn.',
  kent: 'Socialjouren erbjuder Kent samtal om att sluta utöva våld.',
};
const legal = (secrecyTest: string) => ({ legal: osl2, secrecyTest });

/** What the samråd's tests share as they go. */
const family = { maria: '', elsa: '', kent: '', meeting: '', consent: { title: '', option: '' } };

test.describe.serial('samråd for a family with files in three units', () => {
  test.beforeAll(() => {
    setServerClock(saturday);
  });
  test.afterAll(() => {
    setServerClock(0);
  });
  test.beforeEach(async ({ page }) => {
    await page.clock.setFixedTime(onSaturday());
  });

  test('the victim’s handläggare calls a samråd from her case with the child’s unit, socialjour and the school', async ({
    page,
    login,
    visit,
  }) => {
    test.slow();
    // Socialjour's file on the man; the school's consent in the child's own register.
    await login('sara.socialjour');
    family.kent = await registerPerpetrator(page, visit, {
      givenName: 'Kent',
      familyName: 'Kvist',
    });
    await page.getByRole('button', { name: 'Logga ut' }).click();
    await login('bo.barn');
    family.elsa = await myCaseId(page, visit, 'Elsa Lind');
    family.consent = await recordConsent(page, visit, {
      caseId: family.elsa,
      recipient: { kind: 'Myndighet eller verksamhet', name: school },
      purpose: 'Samråd',
      purposeText: 'Att skolans kurator får vara med på samrådet om Elsa.',
      categories,
      validUntil: day(90),
    });
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Logga ut' }).click();

    await login('anna.handlaggare');
    family.maria = await myCaseId(page, visit, 'Maria Lind');
    await visit(`/arenden/${family.maria}?flik=samrad`);
    await expect(page.getByRole('heading', { level: 2, name: 'Samråd' })).toBeVisible();
    await expect(page.getByText('Akten är inte ansluten till något samråd.')).toBeVisible();
    // Empty, the form names what is missing, on the fields.
    const form = page.getByRole('form', { name: 'Kalla till samråd' });
    await form.getByRole('button', { name: 'Kalla till samrådet' }).click();
    await expect(page.getByText('Ange deltagarens namn.').first()).toBeVisible();
    await expectAccessible(page);

    family.meeting = await callMeeting(page, visit, family.maria, {
      plannedOn: day(0),
      purpose,
      participants: [
        {
          kind: 'Enhet i kommunen',
          of: 'Barn och unga',
          name: 'Bo Barnsekreterare',
          role: 'socialsekreterare',
        },
        {
          kind: 'Enhet i kommunen',
          of: 'Socialjouren',
          name: 'Sara Socialjour',
          role: 'socialsekreterare',
        },
        {
          kind: 'Myndighet eller verksamhet, till exempel skola',
          of: school,
          name: 'Eva Ek',
          role: 'kurator',
        },
      ],
    });
    await expect(
      page.getByRole('heading', { level: 1, name: `Samråd ${day(0)}: ${purpose}` }),
    ).toBeVisible();
    await expect(page.getByText('Kallat', { exact: true })).toBeVisible();
    await expectAccessible(page);

    // Her own file: she records the ground for everyone from outside her unit.
    const maria = page.getByRole('region', { name: 'Maria Lind', exact: true });
    const presence = maria.getByRole('table', { name: 'Närvaro för Maria Lind' });
    await expect(presence.getByRole('row', { name: /Anna Handläggare/ })).toContainText(
      'Egen enhet',
    );
    await expect(presence.getByRole('row', { name: /Eva Ek/ })).toContainText('Grund saknas');
    const secrecy =
      'Skolan och de andra enheterna behöver känna till hotet mot Maria för barnens skydd.';
    await fillGround(page, maria, 'Eva Ek', categories, legal('För kort.'));
    await page.getByRole('button', { name: 'Registrera grunden' }).click();
    await expect(page.getByRole('link', { name: /Skriv sekretessprövningen/ })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Avbryt' }).click();
    for (const who of ['Bo Barnsekreterare', 'Sara Socialjour', 'Eva Ek']) {
      await recordGround(page, maria, who, categories, legal(secrecy));
    }
    await expect(presence.getByRole('row', { name: /Eva Ek/ })).toContainText('Lagstöd');
    await expectAccessible(page);
  });

  test('the child’s and the perpetrator’s handläggare each join their file and record the grounds', async ({
    page,
    login,
    visit,
  }) => {
    test.slow();
    await login('bo.barn');
    await visit('/samrad');
    await expect(page.getByRole('table', { name: 'Samråd' })).toContainText(purpose);
    // This samråd's row: the demo's own samråd, five days ahead, falls on the same Saturday
    // when the suite runs on a Monday.
    await page
      .getByRole('table', { name: 'Samråd' })
      .getByRole('row')
      .filter({ hasText: purpose })
      .getByRole('link', { name: `Samråd ${day(0)}` })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: /^Samråd / })).toBeVisible();
    // Maria's file is there, but not for him to read.
    await expect(page.getByRole('heading', { name: 'Akt hos Relationsvåldsteamet' })).toBeVisible();
    await page.getByRole('button', { name: 'Anslut akten för Elsa Lind' }).click();
    const elsa = page.getByRole('region', { name: 'Elsa Lind', exact: true });
    await expect(elsa.getByRole('table', { name: 'Närvaro för Elsa Lind' })).toBeVisible();
    await expectAccessible(page);
    const secrecy =
      'Relationsvåldsteamet och socialjouren behöver veta hur Elsa har det för att planera skyddet.';
    await recordGround(page, elsa, 'Anna Handläggare', categories, legal(secrecy));
    await recordGround(page, elsa, 'Sara Socialjour', categories, legal(secrecy));
    // The school on Elsa's own consent, from her Samtycken.
    await recordGround(page, elsa, 'Eva Ek', categories, { consent: family.consent.option });
    await expect(
      elsa
        .getByRole('table', { name: 'Närvaro för Elsa Lind' })
        .getByRole('row', { name: /Eva Ek/ }),
    ).toContainText('Samtycke');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Logga ut' }).click();

    await login('sara.socialjour');
    await visit(`/samrad/${family.meeting}`);
    await page.getByRole('button', { name: 'Anslut akten för Kent Kvist' }).click();
    const kent = page.getByRole('region', { name: 'Kent Kvist', exact: true });
    await expect(kent.getByRole('table', { name: 'Närvaro för Kent Kvist' })).toBeVisible();
    // The other files by their unit only: never the child's name.
    await expect(page.getByRole('heading', { name: 'Akt hos Barn och unga' })).toBeVisible();
    await expect(page.getByText('Elsa Lind')).toHaveCount(0);
    await expectAccessible(page);
    const kentSecrecy =
      'Deltagarna behöver veta att Kent erbjuds insatser för att kunna planera skyddet för Maria.';
    for (const who of ['Anna Handläggare', 'Bo Barnsekreterare', 'Eva Ek']) {
      await recordGround(page, kent, who, categories, legal(kentSecrecy));
    }
    await expectAccessible(page);
  });

  test('the holder writes the minutes, and each handläggare reads only the points of their own file', async ({
    page,
    login,
    visit,
  }) => {
    test.slow();
    await login('anna.handlaggare');
    await visit(`/samrad/${family.meeting}`);
    const form = await writeMinutes(page, day(28), [
      { file: 'Maria Lind', kind: 'Beslut vid samrådet', text: points.maria },
      {
        file: 'Akt hos Barn och unga',
        kind: 'Åtgärd',
        text: points.elsa,
        owner: 'Bo Barnsekreterare, handläggare för akten',
        dueOn: day(7),
      },
      {
        file: 'Akt hos Socialjouren',
        kind: 'Åtgärd',
        text: points.kent,
        owner: 'Sara Socialjour, handläggare för akten',
        dueOn: day(14),
      },
    ]);
    await expectAccessible(page);
    await form.getByRole('button', { name: 'Spara minnesanteckningarna' }).click();
    await expect(
      page.getByText('Minnesanteckningarna är sparade och samrådet är hållet.'),
    ).toBeVisible();
    await expect(page.getByText('Hållet', { exact: true })).toBeVisible();
    await expect(page.getByText(points.maria)).toBeVisible();
    await expect(page.getByText(points.elsa)).toHaveCount(0);
    await expect(page.getByText(points.kent)).toHaveCount(0);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Logga ut' }).click();

    // Each from their own file's tab Samråd.
    for (const [user, caseId, own, others] of [
      ['bo.barn', family.elsa, points.elsa, [points.maria, points.kent]],
      ['sara.socialjour', family.kent, points.kent, [points.maria, points.elsa]],
    ] as const) {
      await login(user);
      await visit(`/arenden/${caseId}?flik=samrad`);
      const list = page.getByRole('table', { name: 'Aktens samråd' });
      await expect(list).toContainText('Hållet');
      await list
        .getByRole('row')
        .filter({ hasText: 'Hållet' })
        .getByRole('link', { name: `Samråd ${day(0)}` })
        .click();
      await expect(page.getByText(own)).toBeVisible();
      for (const text of others) await expect(page.getByText(text)).toHaveCount(0);
      await expectAccessible(page);
      await page.getByRole('button', { name: 'Logga ut' }).click();
    }
  });

  test('the owners find their actions on the start page, close them, and they are gone', async ({
    page,
    login,
    visit,
  }) => {
    test.slow();
    for (const [user, text] of [
      ['bo.barn', points.elsa],
      ['sara.socialjour', points.kent],
    ] as const) {
      await login(user);
      const mine = page.getByRole('region', { name: 'Mina åtgärder från samråd' });
      await expect(mine).toContainText(text);
      await expectAccessible(page);
      await mine.getByRole('link', { name: new RegExp(`^Samråd ${day(0)}`) }).click();
      const item = page.getByRole('article', { name: `Åtgärd: ${text}` });
      await expect(item).toContainText('Pågår');
      await item.getByRole('button', { name: 'Åtgärden är klar' }).click();
      await item.getByLabel('Kommentar (frivillig)').fill('Gjort som planerat.');
      await expectAccessible(page);
      await item.getByRole('button', { name: 'Markera som klar' }).click();
      await expect(page.getByText('Åtgärden är markerad som klar.')).toBeVisible();
      await expect(item).toContainText('Gjort som planerat.');
      await visit('/');
      await expect(
        page.getByRole('heading', { level: 1, name: 'Välkommen till Värn' }),
      ).toBeVisible();
      await expect(page.getByRole('region', { name: 'Mina åtgärder från samråd' })).toHaveCount(0);
      await page.getByRole('button', { name: 'Logga ut' }).click();
    }
  });

  test('a follow-up samråd: minutes without grounds are refused; a consent revoked in the child’s file refuses the next disclosure on it, naming it', async ({
    page,
    login,
    visit,
    expectedApiErrors,
  }) => {
    test.slow();
    expectedApiErrors.push(
      { path: /^\/api\/meetings\/[0-9a-f-]{36}\/minutes$/, status: 409 },
      { path: /^\/api\/cases\/[0-9a-f-]{36}\/meetings\/[0-9a-f-]{36}\/grounds$/, status: 409 },
    );
    // The follow-up samråd, with the school again.
    await login('anna.handlaggare');
    const followUp = await callMeeting(page, visit, family.maria, {
      plannedOn: day(28),
      purpose: 'Följa upp riskbedömningen och skolans stöd till Elsa.',
      follows: `${day(0)}: ${purpose}`,
      participants: [
        {
          kind: 'Enhet i kommunen',
          of: 'Barn och unga',
          name: 'Bo Barnsekreterare',
          role: 'socialsekreterare',
        },
        {
          kind: 'Myndighet eller verksamhet, till exempel skola',
          of: school,
          name: 'Eva Ek',
          role: 'kurator',
        },
      ],
    });
    await expect(page.getByRole('link', { name: 'Det tidigare samrådet' })).toBeVisible();
    // Minutes before the grounds are recorded are refused, naming every presence without one.
    const minutes = await writeMinutes(page, '', [
      { file: 'Maria Lind', kind: 'Fråga', text: 'Hur går riskbedömningen?' },
    ]);
    await minutes.getByRole('button', { name: 'Spara minnesanteckningarna' }).click();
    const refusal = minutes.getByRole('alert');
    await expect(refusal).toContainText(
      'Barn och unga saknar grund för sin närvaro för akten hos Relationsvåldsteamet.',
    );
    await expect(refusal).toContainText(
      `${school} saknar grund för sin närvaro för akten hos Relationsvåldsteamet.`,
    );
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Logga ut' }).click();

    // Bo fills in the school's presence on the consent…
    await login('bo.barn');
    await visit(`/samrad/${followUp}`);
    await page.getByRole('button', { name: 'Anslut akten för Elsa Lind' }).click();
    const elsa = page.getByRole('region', { name: 'Elsa Lind', exact: true });
    const form = await fillGround(page, elsa, 'Eva Ek', categories, {
      consent: family.consent.option,
    });

    // …while her revocation is recorded in another tab.
    const other = await page.context().newPage();
    await other.clock.setFixedTime(onSaturday());
    await revokeConsent(other, family.elsa, family.consent.title);
    await expectAccessible(other);
    await other.close();

    await form.getByRole('button', { name: 'Registrera grunden' }).click();
    await expect(form.getByRole('alert')).toContainText('återkallades');
    await expect(form.getByRole('alert')).toContainText(school);
    await expectAccessible(page);
  });
});
