import AxeBuilder from '@axe-core/playwright';
import { test as base, expect } from '@playwright/test';
import type { Page } from '@playwright/test';

/** WCAG 2.1 A and AA: the level Värn promises. */
const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
  const summary = results.violations.map(
    (v) =>
      `${v.id} (${v.impact ?? 'okänd'}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

interface Fixtures {
  /** Go to a path, wait for its heading, and check it with axe. Every page the suite visits goes through here. */
  visit: (path: string) => Promise<void>;
  /** Console errors and CSP violations; any of them fails the test. */
  pageProblems: string[];
}

export const test = base.extend<Fixtures>({
  pageProblems: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      // Runs in the page: report every content-security-policy violation as a console error.
      await page.addInitScript({
        content: `document.addEventListener('securitypolicyviolation', (event) => {
          console.error('CSP violation: ' + event.violatedDirective + ' ' + event.blockedURI);
        });`,
      });
      await use(problems);
      expect(problems, 'console errors or CSP violations').toEqual([]);
    },
    { auto: true },
  ],
  visit: async ({ page }, use) => {
    await use(async (path: string) => {
      await page.goto(path);
      await expect(page.locator('h1')).toBeVisible();
      await expectAccessible(page);
    });
  },
});

export { expect };
