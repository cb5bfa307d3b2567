import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './chromium.ts';

// The browser suite drives Debian's Chromium (test tools may not download browsers here) against
// a real Värn on the embedded database, started fresh with demo data for each run.
const port = Number(process.env.E2E_PORT ?? 3111);
const dataDir = path.join(os.tmpdir(), `varn-e2e-${port}`);
/** Days to move the server's clock forward; a spec writes it (e2e/clock.ts). */
export const clockFile = path.join(os.tmpdir(), `varn-e2e-clock-${port}`);
const projectRoot = path.resolve(import.meta.dirname, '..');

export default defineConfig({
  testDir: './specs',
  outputDir: path.join(projectRoot, 'test-results'),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  reporter: process.env.CI
    ? [['list'], ['json', { outputFile: path.join(projectRoot, '.ci/out/e2e.json') }]]
    : 'list',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromiumPath,
      args: chromiumArgs,
    },
  },
  webServer: {
    command: `rm -rf ${dataDir} ${clockFile} && node server/main.ts`,
    cwd: projectRoot,
    url: `http://127.0.0.1:${port}/ready`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      NODE_ENV: 'test',
      PORT: String(port),
      HOST: '127.0.0.1',
      VARN_DATA_DIR: dataDir,
      VARN_DEMO_DATA: 'true',
      VARN_TEST_CLOCK_FILE: clockFile,
      // The handover job looks every 5 s, not every minute: a spec waits for its next run.
      VARN_JOB_INTERVAL_SECONDS: '5',
      LOG_LEVEL: 'warn',
    },
  },
});
