import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, DataDirUnwritableError, lockDataDir } from './data-dir-lock.ts';

const dirs: string[] = [];
function tempDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'varn-lock-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('lockDataDir', () => {
  it('lets one process own the directory and refuses another while it runs', () => {
    const dir = tempDir();
    // Another live process holds the lock.
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      fs.writeFileSync(path.join(dir, 'varn.lock'), `${other.pid}\n`);
      expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    } finally {
      other.kill();
    }
  });

  it('takes over a lock left behind by a process that no longer runs', async () => {
    const dir = tempDir();
    const gone = spawn(process.execPath, ['-e', '0']);
    await new Promise((resolve) => gone.on('exit', resolve));
    fs.writeFileSync(path.join(dir, 'varn.lock'), `${gone.pid}\n`);
    const lock = lockDataDir(dir);
    expect(fs.readFileSync(lock.lockFile, 'utf8').trim()).toBe(String(process.pid));
    lock.release();
    expect(fs.existsSync(lock.lockFile)).toBe(false);
  });

  it('creates a missing directory and releases only its own lock', () => {
    const dir = path.join(tempDir(), 'nested', 'data');
    const lock = lockDataDir(dir);
    expect(fs.existsSync(lock.lockFile)).toBe(true);
    // Someone else's lock (a different pid) is never removed by our release.
    fs.writeFileSync(lock.lockFile, '999999\n');
    lock.release();
    expect(fs.existsSync(lock.lockFile)).toBe(true);
  });

  // Runs as root in CI, where permission bits do not stop writes; a file in the way does.
  it('reports a data directory path that cannot be a directory', () => {
    const file = path.join(tempDir(), 'not-a-dir');
    fs.writeFileSync(file, '');
    expect(() => lockDataDir(file)).toThrow(DataDirUnwritableError);
  });
});
