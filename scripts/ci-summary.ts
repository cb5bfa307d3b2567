/**
 * Sums the suites' machine-readable reports into CI's one closing line. A suite whose report is
 * missing (it crashed before writing one) counts as a failure, so nothing passes by omission.
 */
import fs from 'node:fs';
import path from 'node:path';

interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
}
interface PlaywrightReport {
  stats: { expected: number; unexpected: number; flaky: number };
}

const out = path.resolve(import.meta.dirname, '..', '.ci', 'out');
const reports = [
  { file: 'test.json', kind: 'vitest' },
  { file: 'test-pg.json', kind: 'vitest' },
  { file: 'e2e.json', kind: 'playwright' },
] as const;

let passed = 0;
let failed = 0;
for (const { file, kind } of reports) {
  const full = path.join(out, file);
  if (!fs.existsSync(full)) {
    console.log(`${file}: no report — the suite did not finish`);
    failed += 1;
    continue;
  }
  const data: unknown = JSON.parse(fs.readFileSync(full, 'utf8'));
  if (kind === 'vitest') {
    const report = data as VitestReport;
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    console.log(`${file}: ${report.numPassedTests} passed, ${report.numFailedTests} failed`);
  } else {
    const { stats } = data as PlaywrightReport;
    // A flaky test passed only on retry; we run without retries, so it counts as failed.
    passed += stats.expected;
    failed += stats.unexpected + stats.flaky;
    console.log(`${file}: ${stats.expected} passed, ${stats.unexpected + stats.flaky} failed`);
  }
}
console.log(`Total: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
