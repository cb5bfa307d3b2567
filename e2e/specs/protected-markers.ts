import type { Page } from '@playwright/test';
import { expect } from '../fixtures.ts';

/**
 * Canary markers from the demo data (server/seed/demo.ts): protected details that must never
 * reach a reader the policy does not allow, in the page's text, its markup or any API answer.
 */
export const leilaSecrets = [
  'Fristad, rum 4',
  '070-174 06 07',
  '070-174 06 08',
  'Nytt nummer, okänt för familjen',
  'Gammalt nummer, familjen kontrollerar telefonen',
];
export const emmaSecrets = [
  'Verklig identitet registrerad hos Skatteverket',
  'Uppgift finns hos handläggaren',
  'Skyddad digital brevlåda',
];

/** Records every API answer the page receives, to search them for markers afterwards. */
export function recordApiAnswers(page: Page): () => Promise<string> {
  const answers: Promise<string>[] = [];
  page.on('response', (response) => {
    if (new URL(response.url()).pathname.startsWith('/api/')) {
      answers.push(response.text().catch(() => ''));
    }
  });
  return async () => (await Promise.all(answers)).join('\n');
}

const compact = (text: string) => text.replace(/[\s\-–]/g, '');

/** None of the markers, also with spaces and dashes removed (a phone number written 0701740607). */
export async function expectNoneOf(
  page: Page,
  secrets: readonly string[],
  apiAnswers: () => Promise<string>,
) {
  await page.waitForLoadState('networkidle');
  const places = {
    'page text': await page.locator('body').innerText(),
    markup: await page.content(),
    'API answers': await apiAnswers(),
  };
  for (const [where, text] of Object.entries(places)) {
    for (const secret of secrets) {
      expect(text, `${secret} in the ${where}`).not.toContain(secret);
      expect(compact(text), `${secret} in the ${where}`).not.toContain(compact(secret));
    }
  }
}
