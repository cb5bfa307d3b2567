import fs from 'node:fs';
import path from 'node:path';

/**
 * PGlite does not lock its data directory, and two processes writing one directory corrupt it.
 * The lock is a file holding the owner's process id, created exclusively. A lock whose process no
 * longer runs (a crash, a kill -9) is stale and taken over, so a restart never needs a hand.
 */
export class DataDirLockedError extends Error {
  readonly pid: number;
  readonly lockFile: string;
  constructor(lockFile: string, pid: number) {
    super(`Data directory is in use by process ${pid}`);
    this.name = 'DataDirLockedError';
    this.pid = pid;
    this.lockFile = lockFile;
  }
}

export class DataDirUnwritableError extends Error {
  readonly dataDir: string;
  constructor(dataDir: string, cause: unknown) {
    super(`Data directory ${dataDir} is not writable`, { cause });
    this.name = 'DataDirUnwritableError';
    this.dataDir = dataDir;
  }
}

export interface DataDirLock {
  readonly lockFile: string;
  release(): void;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else — still running.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(lockFile: string): number | undefined {
  try {
    const pid = Number.parseInt(fs.readFileSync(lockFile, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

export function lockDataDir(dataDir: string, pid = process.pid): DataDirLock {
  const lockFile = path.join(dataDir, 'varn.lock');
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.accessSync(dataDir, fs.constants.W_OK);
  } catch (error) {
    throw new DataDirUnwritableError(dataDir, error);
  }

  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, `${pid}\n`, { flag: 'wx' });
      return {
        lockFile,
        release: () => {
          if (readOwner(lockFile) === pid) fs.rmSync(lockFile, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new DataDirUnwritableError(dataDir, error);
      }
      const owner = readOwner(lockFile);
      if (owner !== undefined && owner !== pid && isRunning(owner)) {
        throw new DataDirLockedError(lockFile, owner);
      }
      // Stale (owner gone, or an unreadable half-written file): remove and try once more.
      fs.rmSync(lockFile, { force: true });
    }
  }
  throw new DataDirLockedError(lockFile, readOwner(lockFile) ?? 0);
}
