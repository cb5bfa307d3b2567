/**
 * The web client measured with Lighthouse, as an outside reviewer would: a real Värn on the
 * embedded database with demo data, Debian's Chromium, the login page, Mina ärenden and a case
 * page, the desktop preset and the mobile default. Each page is measured `--runs` times (3 by
 * default) and the median judged against the thresholds below; any miss fails the command.
 *
 *   npm run lighthouse                              # median of 3, desktop and mobile
 *   npm run lighthouse -- --runs 1 --preset desktop # one run of the desktop preset only
 *
 * The report of each run is written to .ci/out/lighthouse/ as JSON.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../e2e/chromium.ts';
import { freePort } from '../server/test/free-port.ts';

const projectRoot = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    preset: { type: 'string', default: 'both' },
  },
});
const runs = Math.max(1, Number(values.runs));
function presetsOf(choice: string): ('desktop' | 'mobile')[] {
  if (choice === 'both') return ['desktop', 'mobile'];
  if (choice === 'desktop' || choice === 'mobile') return [choice];
  throw new Error('--preset is desktop, mobile or both');
}
const presets = presetsOf(values.preset);

/** The goals of issue 21: what a person on a municipal desktop, or a phone, should get. */
export const thresholds = {
  desktop: { lcpMs: 1000, cls: 0.1, tbtMs: 100, accessibility: 1 },
  mobile: { lcpMs: 2500, cls: 0.1, tbtMs: null, accessibility: 1 },
} as const;

async function startVarn(port: number) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'varn-lighthouse-'));
  const child = spawn(process.execPath, ['server/main.ts'], {
    cwd: projectRoot,
    // As the quick start runs it (npm start): the embedded database, the built client.
    env: {
      ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NODE_ENV')),
      PORT: String(port),
      HOST: '127.0.0.1',
      VARN_DATA_DIR: dataDir,
      VARN_DEMO_DATA: 'true',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error(`Värn exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/ready`)).ok) return { base, child, dataDir };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('Värn did not become ready');
}

interface Measured {
  lcpMs: number;
  cls: number;
  tbtMs: number;
  accessibility: number;
  performance: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
};

async function main() {
  const port = await freePort();
  const debugPort = await freePort();
  const varn = await startVarn(port);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'varn-lighthouse-chromium-'));
  // A persistent context is the browser's default one: the tab Lighthouse opens shares its
  // session cookie, so pages behind the login are measured as a signed-in person sees them.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: [`--remote-debugging-port=${debugPort}`, ...chromiumArgs],
  });
  const outDir = path.join(projectRoot, '.ci', 'out', 'lighthouse');
  fs.mkdirSync(outDir, { recursive: true });
  const failures: string[] = [];
  try {
    const page = await context.newPage();
    const measure = async (name: string, url: string, preset: 'desktop' | 'mobile') => {
      const results: Measured[] = [];
      for (let i = 0; i < runs; i++) {
        const result = await lighthouse(
          url,
          {
            port: debugPort,
            output: 'json',
            logLevel: 'error',
            onlyCategories: ['performance', 'accessibility'],
          },
          preset === 'desktop' ? desktopConfig : undefined,
        );
        if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
        const { lhr } = result;
        if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.message}`);
        fs.writeFileSync(
          path.join(outDir, `${name}-${preset}-${i + 1}.json`),
          String(result.report),
        );
        results.push({
          lcpMs: lhr.audits['largest-contentful-paint']?.numericValue ?? Number.NaN,
          cls: lhr.audits['cumulative-layout-shift']?.numericValue ?? Number.NaN,
          tbtMs: lhr.audits['total-blocking-time']?.numericValue ?? Number.NaN,
          accessibility: lhr.categories.accessibility?.score ?? 0,
          performance: lhr.categories.performance?.score ?? 0,
        });
      }
      const m: Measured = {
        lcpMs: median(results.map((r) => r.lcpMs)),
        cls: median(results.map((r) => r.cls)),
        tbtMs: median(results.map((r) => r.tbtMs)),
        accessibility: median(results.map((r) => r.accessibility)),
        performance: median(results.map((r) => r.performance)),
      };
      const goal = thresholds[preset];
      const misses = [
        m.lcpMs > goal.lcpMs ? `LCP ${Math.round(m.lcpMs)} ms > ${goal.lcpMs}` : null,
        m.cls > goal.cls ? `CLS ${m.cls.toFixed(3)} > ${goal.cls}` : null,
        goal.tbtMs !== null && m.tbtMs > goal.tbtMs
          ? `TBT ${Math.round(m.tbtMs)} ms > ${goal.tbtMs}`
          : null,
        m.accessibility < goal.accessibility ? `accessibility ${m.accessibility * 100}` : null,
      ].filter((x) => x !== null);
      process.stdout.write(
        `${name.padEnd(12)} ${preset.padEnd(7)} LCP ${String(Math.round(m.lcpMs)).padStart(5)} ms  CLS ${m.cls.toFixed(3)}  TBT ${String(Math.round(m.tbtMs)).padStart(4)} ms  performance ${Math.round(m.performance * 100)}  accessibility ${Math.round(m.accessibility * 100)}${misses.length ? `  MISSED: ${misses.join(', ')}` : ''}\n`,
      );
      for (const miss of misses) failures.push(`${name} (${preset}): ${miss}`);
    };

    for (const preset of presets) await measure('login', `${varn.base}/`, preset);

    // Sign in as a handläggare with cases, in the browser's default context.
    await page.goto(`${varn.base}/`);
    await page.getByLabel('Användarnamn').fill('anna.handlaggare');
    await page.getByLabel('Lösenord', { exact: true }).fill('demo-losenord');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.getByRole('button', { name: 'Logga ut' }).waitFor();
    const mine = await page.request.get(`${varn.base}/api/cases/mine?limit=1`);
    const caseId = ((await mine.json()) as { items: { id: string }[] }).items[0]?.id;
    if (!caseId) throw new Error('the demo handläggare has no case');

    for (const preset of presets) {
      await measure('arenden', `${varn.base}/arenden`, preset);
      await measure('case', `${varn.base}/arenden/${caseId}`, preset);
    }
  } finally {
    await context.close();
    varn.child.kill('SIGTERM');
    fs.rmSync(profile, { recursive: true, force: true });
  }
  if (failures.length > 0) {
    process.stderr.write(`Lighthouse thresholds missed:\n  ${failures.join('\n  ')}\n`);
    process.exit(1);
  }
}

await main();
