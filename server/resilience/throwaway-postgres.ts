/**
 * A PostgreSQL cluster of the test's own, in a temporary directory on a free port, that the test
 * may stop and start at will: the machine's shared cluster on 5432 serves other suites at the
 * same time and is never touched. Uses the Debian server binaries in /usr/lib/postgresql/<v>/bin.
 * PostgreSQL refuses to run as root, so as root the commands run as the user `postgres`.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './harness.ts';

const run = promisify(execFile);

/** The newest installed server's bin directory, or undefined when there is none. */
export function postgresBinDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return undefined;
  const versions = fs
    .readdirSync(root)
    .filter((v) => fs.existsSync(path.join(root, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : path.join(root, versions[0], 'bin');
}

const asRoot = process.getuid?.() === 0;

export class ThrowawayPostgres {
  readonly dir: string;
  readonly port: number;
  readonly #bin: string;

  private constructor(dir: string, port: number, bin: string) {
    this.dir = dir;
    this.port = port;
    this.#bin = bin;
  }

  get dataDir(): string {
    return path.join(this.dir, 'data');
  }

  url(database: string): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  async #as(tool: string, args: string[]): Promise<string> {
    const command = path.join(this.#bin, tool);
    const { stdout } = asRoot
      ? await run('runuser', ['-u', 'postgres', '--', command, ...args], { timeout: 120_000 })
      : await run(command, args, { timeout: 120_000 });
    return stdout;
  }

  /** initdb (fsync on, as in production: an acknowledged commit must survive a crash) and start. */
  static async create(bin: string): Promise<ThrowawayPostgres> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'varn-outage-pg-'));
    if (asRoot) {
      const uid = Number((await run('id', ['-u', 'postgres'])).stdout.trim());
      const gid = Number((await run('id', ['-g', 'postgres'])).stdout.trim());
      fs.chownSync(dir, uid, gid);
    }
    const cluster = new ThrowawayPostgres(dir, await freePort(), bin);
    await cluster.#as('initdb', [
      '-D',
      cluster.dataDir,
      '-U',
      'postgres',
      '--auth=trust',
      '--encoding=UTF8',
      '--locale=C',
    ]);
    fs.appendFileSync(
      path.join(cluster.dataDir, 'postgresql.conf'),
      [
        `port = ${cluster.port}`,
        "listen_addresses = '127.0.0.1'",
        `unix_socket_directories = '${dir}'`,
        'fsync = on',
        'synchronous_commit = on',
        'full_page_writes = on',
        'max_connections = 40',
        '',
      ].join('\n'),
    );
    await cluster.start();
    return cluster;
  }

  async start(): Promise<void> {
    await this.#as('pg_ctl', [
      '-D',
      this.dataDir,
      '-l',
      path.join(this.dir, 'server.log'),
      '-w',
      '-t',
      '60',
      'start',
    ]);
  }

  /** As a power cut or a crashed host: no shutdown checkpoint, crash recovery at the next start. */
  async stopImmediately(): Promise<void> {
    await this.#as('pg_ctl', ['-D', this.dataDir, '-m', 'immediate', '-w', 'stop']);
  }

  /** Stops the server if it runs and removes its directory. */
  async destroy(): Promise<void> {
    try {
      await this.#as('pg_ctl', ['-D', this.dataDir, '-m', 'immediate', '-w', 'stop']);
    } catch {
      // Not running.
    }
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  /** The server's own log, for a failing test to show. */
  log(): string {
    try {
      return fs.readFileSync(path.join(this.dir, 'server.log'), 'utf8');
    } catch {
      return '';
    }
  }
}
