import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

// Start-up as an operator meets it: the real entry point in its own process.
const mainScript = path.join(import.meta.dirname, 'main.ts');
const running: ChildProcess[] = [];
const dirs: string[] = [];

afterEach(() => {
  for (const child of running.splice(0)) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function tempDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'varn-main-'));
  dirs.push(dir);
  return dir;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function startVarn(env: Record<string, string>): Started {
  const child = spawn(process.execPath, [mainScript], {
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let text = '';
  const collect = (chunk: Buffer) => {
    text += chunk.toString('utf8');
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise<number | null>((resolve) => {
    child.on('exit', resolve);
  });
  return { child, output: () => text, exited };
}

// Generous limits: these tests are about behaviour, not speed, and a busy CI machine may take a
// while to start a Node process, migrate and seed (speed is measured in bench/).
async function waitForOutput(started: Started, pattern: RegExp, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!pattern.test(started.output())) {
    if (Date.now() > deadline)
      throw new Error(`Timed out waiting for ${pattern}; got:\n${started.output()}`);
    if (started.child.exitCode !== null) throw new Error(`Exited early:\n${started.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('start-up', { timeout: 120_000 }, () => {
  it('serves, then shuts down cleanly on SIGTERM and releases the data directory', async () => {
    const dataDir = tempDir();
    const port = await freePort();
    const varn = startVarn({ VARN_DATA_DIR: dataDir, PORT: String(port) });
    await waitForOutput(varn, /Värn körs på/);
    const ready = await fetch(`http://127.0.0.1:${port}/ready`);
    expect(ready.status).toBe(200);
    expect(fs.existsSync(path.join(dataDir, 'varn.lock'))).toBe(true);

    varn.child.kill('SIGTERM');
    expect(await varn.exited).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'varn.lock'))).toBe(false);
  });

  it('refuses a second process on the same data directory, at once and with the reason', async () => {
    const dataDir = tempDir();
    const first = startVarn({ VARN_DATA_DIR: dataDir, PORT: String(await freePort()) });
    await waitForOutput(first, /Värn körs på/);
    const second = startVarn({ VARN_DATA_DIR: dataDir, PORT: String(await freePort()) });
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(/används redan av en annan Värn \(process \d+\)/);
    // The first one is unharmed.
    expect(first.child.exitCode).toBeNull();
  });

  it('names a port that is taken and how to choose another', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as net.AddressInfo;
    try {
      const varn = startVarn({ VARN_DATA_DIR: tempDir(), PORT: String(port) });
      expect(await varn.exited).toBe(1);
      expect(varn.output()).toContain(`Port ${port} används redan`);
      expect(varn.output()).toContain('PORT=');
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('says so when PostgreSQL does not answer', async () => {
    const port = await freePort(); // nothing listens there
    const varn = startVarn({ DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/test` });
    expect(await varn.exited).toBe(1);
    expect(varn.output()).toContain('PostgreSQL svarar inte');
  });

  it('names a bad setting', async () => {
    const varn = startVarn({ PORT: 'tretusen' });
    expect(await varn.exited).toBe(1);
    expect(varn.output()).toMatch(/Ogiltig konfiguration: PORT/);
  });

  it('says when the data directory cannot be used', async () => {
    const file = path.join(tempDir(), 'a-file');
    fs.writeFileSync(file, '');
    const varn = startVarn({ VARN_DATA_DIR: file });
    expect(await varn.exited).toBe(1);
    expect(varn.output()).toContain('går inte att skriva till');
  });
});
