import AxeBuilder from '@axe-core/playwright';
import { test as base, expect } from '@playwright/test';
import type { Page } from '@playwright/test';

/** WCAG 2.1 A and AA: the level Värn promises. */
const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** The part of the browser's Web Animations API this file uses (e2e code has no DOM types). */
interface AnimatedWindow {
  document: {
    getAnimations(): {
      effect: { getTiming(): { iterations?: number } } | null;
      finished: Promise<unknown>;
    }[];
  };
}

export async function expectAccessible(page: Page) {
  // Colour contrast measured mid-fade (a dialog opening) is not what a person sees: wait until
  // every finite animation has finished. Spinners run forever and are left alone. (A function,
  // not a string: the content security policy rightly forbids eval in the page.)
  await page.evaluate(async () => {
    const { document } = globalThis as unknown as AnimatedWindow;
    await Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getTiming().iterations !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    );
  });
  // Legacy mode runs axe.run in the page itself; the default runs it per frame and then opens a
  // blank page for axe.finishRun — half of every check's time, for frames Värn does not have.
  // Only the violations are read, so only they are collected. (options() before withTags():
  // it replaces the options, run-only tags included.)
  const results = await new AxeBuilder({ page })
    .setLegacyMode()
    .options({ resultTypes: ['violations'] })
    .withTags(wcagTags)
    .analyze();
  const summary = results.violations.map(
    (v) =>
      `${v.id} (${v.impact ?? 'okänd'}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/** The password of every demo account (server/seed/demo.ts); demo only. */
export const DEMO_PASSWORD = 'demo-losenord';

interface ExpectedApiError {
  /** The exact path, or a pattern for paths with ids in them. */
  path: string | RegExp;
  status: number;
}

interface Fixtures {
  /** Go to a path, wait for its heading, and check it with axe. Every page the suite visits goes through here. */
  visit: (path: string) => Promise<void>;
  /** Console errors and CSP violations; any of them fails the test. */
  pageProblems: string[];
  /**
   * API answers a test provokes on purpose (a wrong password, a refused read). The browser logs
   * every 4xx as a console error; only those named here, by exact path and status, are let
   * through. Asking for the session without one (GET /api/session → 401) is always expected:
   * it is how the client learns to show the login page.
   */
  expectedApiErrors: ExpectedApiError[];
  /** Log in through the login page as a demo user and wait for the start page. */
  login: (username: string, password?: string) => Promise<void>;
}

const failedResource = /^Failed to load resource: the server responded with a status of (\d{3})/;

export const test = base.extend<Fixtures>({
  // Playwright reads a fixture's dependencies from its destructuring pattern; this one has none.
  // eslint-disable-next-line no-empty-pattern
  expectedApiErrors: async ({}, use) => {
    await use([{ path: '/api/session', status: 401 }]);
  },
  pageProblems: [
    async ({ page, expectedApiErrors }, use) => {
      const problems: string[] = [];
      const expected = (text: string, url: string) => {
        const status = failedResource.exec(text)?.[1];
        if (!status || !url) return false;
        const path = new URL(url).pathname;
        return expectedApiErrors.some(
          (e) =>
            (typeof e.path === 'string' ? e.path === path : e.path.test(path)) &&
            e.status === Number(status),
        );
      };
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        if (expected(message.text(), message.location().url)) return;
        problems.push(`console: ${message.text()} (${message.location().url})`);
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
  login: async ({ page }, use) => {
    await use(async (username: string, password = DEMO_PASSWORD) => {
      await page.goto('/');
      await expect(page.getByRole('heading', { level: 1, name: 'Logga in' })).toBeVisible();
      await page.getByLabel('Användarnamn').fill(username);
      await page.getByLabel('Lösenord', { exact: true }).fill(password);
      await page.getByRole('button', { name: 'Logga in' }).click();
      await expect(page.getByRole('button', { name: 'Logga ut' })).toBeVisible();
    });
  },
});

export { expect };
