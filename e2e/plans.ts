import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures.ts';

/** Helpers for the SIP and samverkansplan spec (e2e/specs/coordinated-plans.spec.ts). */

type Visit = (path: string) => Promise<void>;

const caseUrl = /\/arenden\/([0-9a-f-]{36})$/;

/** A woman's own application, registered by the handläggare, without acute need: her case. */
export async function registerApplication(
  page: Page,
  visit: Visit,
  woman: { givenName: string; familyName: string },
) {
  await visit('/arenden/ny');
  await page.getByLabel('Målgrupp').selectOption({ label: 'Våldsutsatt vuxen' });
  await page.getByRole('radio', { name: 'En ny person' }).check();
  await page.getByLabel('Förnamn', { exact: true }).fill(woman.givenName);
  await page.getByLabel('Efternamn', { exact: true }).fill(woman.familyName);
  await page.getByRole('radio', { name: 'Ansökan (muntlig)' }).check();
  await page.getByLabel('Från vem').fill('Personen själv');
  await page.getByLabel('Hur kom uppgifterna in?').selectOption({ label: 'Telefon' });
  await page
    .getByLabel('Vad har kommit in?')
    .fill('Hon lever med en våldsam partner och mår dåligt; vårdcentralen har remitterat henne.');
  await page.getByRole('radio', { name: 'Nej', exact: true }).check();
  await page.getByLabel('Motivering').fill('Hon bor hos sin syster sedan en vecka.');
  await page.getByRole('button', { name: 'Registrera aktualiseringen' }).click();
  await expect(page).toHaveURL(caseUrl);
  return caseUrl.exec(page.url())?.[1] ?? '';
}

export interface PlanParticipantInput {
  /** The kind as the select names it; the first row is the case's own unit already. */
  kind?: 'Enhet i kommunen' | 'Myndighet eller verksamhet, till exempel skola';
  /** The agency written in, for a row of that kind. */
  organisation?: string;
  name: string;
  role: string;
  responsibility: string;
  /** The consent as the row's select names it. */
  consent?: string;
}

/** Fills participant `i` (0-based) of a plan form, adding the row when it is not there. */
export async function fillPlanParticipant(form: Locator, i: number, p: PlanParticipantInput) {
  const row = `deltagare ${String(i + 1)}`;
  if ((await form.getByLabel(`Typ av deltagare för ${row}`).count()) === 0) {
    await form.getByRole('button', { name: 'Lägg till en deltagare' }).click();
  }
  if (p.kind) await form.getByLabel(`Typ av deltagare för ${row}`).selectOption({ label: p.kind });
  if (p.organisation !== undefined) {
    await form.getByLabel(`Myndighet eller verksamhet för ${row}`).fill(p.organisation);
  }
  await form.getByLabel(`Namn för ${row}`).fill(p.name);
  await form.getByLabel(`Roll för ${row}`).fill(p.role);
  await form.getByLabel(`Ansvar för ${row}`).fill(p.responsibility);
  if (p.consent !== undefined) {
    await form.getByLabel(`Samtycke för ${row}`).selectOption({ label: p.consent });
  }
}
