import type { Locator, Page } from '@playwright/test';
import { swedishDate } from './clock.ts';
import { expect } from './fixtures.ts';

/** Helpers for the samråd specs (e2e/specs/coordination-meetings.spec.ts). */

type Visit = (path: string) => Promise<void>;

const caseUrl = /\/arenden\/([0-9a-f-]{36})$/;
const meetingUrl = /\/samrad\/([0-9a-f-]{36})$/;

/** Days from today to the next Saturday in Sweden (1–7): a day that is never a working day. */
export function daysToSaturday() {
  const weekday = new Date(`${swedishDate(0)}T12:00:00Z`).getUTCDay();
  return (6 - weekday + 7) % 7 || 7;
}

/** The id of the user's case about `person`, from Mina ärenden. */
export async function myCaseId(page: Page, visit: Visit, person: string) {
  await visit('/arenden');
  const row = page.getByRole('table', { name: 'Mina öppna ärenden' }).getByRole('row', {
    name: new RegExp(person),
  });
  const href = (await row.locator('a[href^="/arenden/"]').first().getAttribute('href')) ?? '';
  const id = /\/arenden\/([0-9a-f-]{36})/.exec(href)?.[1] ?? '';
  expect(id).not.toBe('');
  return id;
}

/**
 * Socialjour registers a police report about a man who uses violence, a new person, without
 * acute need; she handles it herself. On a day that is not a working day it stays with
 * Socialjouren until the handover (e2e/specs/acute-decision.spec.ts).
 */
export async function registerPerpetrator(
  page: Page,
  visit: Visit,
  man: { givenName: string; familyName: string },
) {
  await visit('/arenden/ny');
  await page.getByLabel('Målgrupp').selectOption({ label: 'Våldsutövare' });
  await page.getByRole('radio', { name: 'En ny person' }).check();
  await page.getByLabel('Förnamn', { exact: true }).fill(man.givenName);
  await page.getByLabel('Efternamn', { exact: true }).fill(man.familyName);
  await page.getByRole('radio', { name: 'Polisunderrättelse' }).check();
  await page.getByLabel('Från vem').fill('Polisen, region Stockholm');
  await page.getByLabel('Hur kom uppgifterna in?').selectOption({ label: 'Från polisen' });
  await page
    .getByLabel('Vad har kommit in?')
    .fill('Polisen underrättar om att mannen är misstänkt för misshandel av sin partner.');
  await page.getByRole('radio', { name: 'Nej', exact: true }).check();
  await page.getByLabel('Motivering').fill('Han bor inte längre i bostaden.');
  await page.getByRole('button', { name: 'Registrera aktualiseringen' }).click();
  await expect(page).toHaveURL(caseUrl);
  await expect(
    page.getByRole('heading', { level: 1, name: `Ärende: ${man.givenName} ${man.familyName}` }),
  ).toBeVisible();
  return caseUrl.exec(page.url())?.[1] ?? '';
}

export interface ParticipantInput {
  kind: 'Enhet i kommunen' | 'Myndighet eller verksamhet, till exempel skola';
  /** The unit chosen, or the agency written in. */
  of: string;
  name: string;
  role: string;
}

/** "Kalla till samråd" in the case's tab Samråd; returns the new samråd's id. */
export async function callMeeting(
  page: Page,
  visit: Visit,
  caseId: string,
  meeting: {
    plannedOn: string;
    purpose: string;
    participants: ParticipantInput[];
    follows?: string;
  },
) {
  await visit(`/arenden/${caseId}?flik=samrad`);
  const form = page.getByRole('form', { name: 'Kalla till samråd' });
  await form.getByLabel('Datum för samrådet').fill(meeting.plannedOn);
  await form.getByLabel('Syfte').fill(meeting.purpose);
  if (meeting.follows) {
    await form.getByLabel('Följer upp samråd').selectOption({ label: meeting.follows });
  }
  for (const [i, p] of meeting.participants.entries()) {
    const row = `deltagare ${String(i + 1)}`;
    if (i > 0) await form.getByRole('button', { name: 'Lägg till en deltagare' }).click();
    await form.getByLabel(`Typ av deltagare för ${row}`).selectOption({ label: p.kind });
    if (p.kind === 'Enhet i kommunen') {
      await form.getByLabel(`Enhet för ${row}`).selectOption({ label: p.of });
    } else {
      await form.getByLabel(`Myndighet eller verksamhet för ${row}`).fill(p.of);
    }
    await form.getByLabel(`Namn för ${row}`).fill(p.name);
    await form.getByLabel(`Roll för ${row}`).fill(p.role);
  }
  await form.getByRole('button', { name: 'Kalla till samrådet' }).click();
  await expect(page).toHaveURL(meetingUrl);
  return meetingUrl.exec(page.url())?.[1] ?? '';
}

export type GroundInput = { consent: string } | { legal: string; secrecyTest: string };

/** "Registrera grund" for one participant's presence for one file, and its outcome. */
export async function fillGround(
  page: Page,
  file: Locator,
  participant: string,
  categories: string[],
  ground: GroundInput,
) {
  await file.getByRole('button', { name: `Registrera grund för ${participant}` }).click();
  const form = page.getByRole('form', { name: new RegExp(`^Registrera grund för ${participant}`) });
  for (const category of categories) {
    await form.getByRole('checkbox', { name: category, exact: true }).check();
  }
  if ('consent' in ground) {
    await form.getByRole('radio', { name: 'Samtycke', exact: true }).check();
    await form.getByRole('combobox', { name: 'Samtycke' }).selectOption({ label: ground.consent });
  } else {
    await form.getByRole('radio', { name: 'Lagstöd', exact: true }).check();
    await form.getByRole('combobox', { name: 'Lagstöd' }).selectOption({ label: ground.legal });
    await form.getByRole('textbox', { name: 'Sekretessprövning' }).fill(ground.secrecyTest);
  }
  return form;
}

export async function recordGround(
  page: Page,
  file: Locator,
  participant: string,
  categories: string[],
  ground: GroundInput,
) {
  const form = await fillGround(page, file, participant, categories, ground);
  await form.getByRole('button', { name: 'Registrera grunden' }).click();
  await expect(page.getByText(`Grunden för ${participant} `, { exact: false })).toBeVisible();
  await expect(form).toHaveCount(0);
}

export interface ItemInput {
  file: string;
  kind: 'Fråga' | 'Beslut vid samrådet' | 'Åtgärd';
  text: string;
  owner?: string;
  dueOn?: string;
}

/** "Skriv minnesanteckningar": held today (the browser's), with these points. */
export async function writeMinutes(page: Page, followUpOn: string, items: ItemInput[]) {
  await page.getByRole('button', { name: 'Skriv minnesanteckningar' }).click();
  const form = page.getByRole('form', { name: 'Skriv minnesanteckningar' });
  await form.getByLabel('Uppföljande samråd (frivilligt)').fill(followUpOn);
  for (const [i, item] of items.entries()) {
    const row = `punkt ${String(i + 1)}`;
    if (i > 0) await form.getByRole('button', { name: 'Lägg till en punkt' }).click();
    await form.getByLabel(`Akt för ${row}`).selectOption({ label: item.file });
    await form.getByLabel(`Typ av punkt för ${row}`).selectOption({ label: item.kind });
    await form.getByLabel(`Text för ${row}`).fill(item.text);
    if (item.owner !== undefined) {
      await form.getByLabel(`Ansvarig för ${row}`).selectOption({ label: item.owner });
    }
    if (item.dueOn !== undefined) await form.getByLabel(`Klar senast för ${row}`).fill(item.dueOn);
  }
  return form;
}
