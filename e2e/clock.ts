import { rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// The file the server reads its clock offset from (see e2e/playwright.config.ts and
// server/test-clock.ts): the same name the config gives the server for this port.
const clockFile = path.join(os.tmpdir(), `varn-e2e-clock-${process.env.E2E_PORT ?? '3111'}`);

/** Moves the server's clock `days` days ahead of real time (0 to go back). */
export function setServerClock(days: number) {
  if (days === 0) rmSync(clockFile, { force: true });
  else writeFileSync(clockFile, String(days));
}

/** A date in Sweden, `days` from today, as the forms take it: 'YYYY-MM-DD'. */
export function swedishDate(days = 0) {
  const at = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}
