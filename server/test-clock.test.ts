import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { offsetClock } from './test-clock.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'varn-clock-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('offsetClock', () => {
  it('moves time by the days in the file, read at every tick; no file means no offset', () => {
    const file = path.join(dir, 'days');
    const clock = offsetClock(file);
    expect(Math.abs(clock().getTime() - Date.now())).toBeLessThan(1_000);
    writeFileSync(file, '30');
    expect(Math.round((clock().getTime() - Date.now()) / 86_400_000)).toBe(30);
    writeFileSync(file, 'inte ett tal');
    expect(Math.abs(clock().getTime() - Date.now())).toBeLessThan(1_000);
  });
});
