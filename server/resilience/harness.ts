/**
 * What the outage tests share: Värn as a real child process on a PostgreSQL database, social
 * workers saving journal entries over real HTTP and retrying a failed save with the same
 * Idempotency-Key, and the checks that every acknowledged save exists exactly once with its audit
 * row and that the audit chain verifies.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { DEMO_PASSWORD } from '../seed/demo.ts';
import { freePort } from '../test/free-port.ts';

export { freePort };

const serverDir = path.resolve(import.meta.dirname, '..');

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface VarnProcess {
  child: ChildProcess;
  base: string;
  /** Everything the process wrote to stdout and stderr (pino's JSON lines among it). */
  output(): string;
  /** Resolves with the exit code (or the signal) when the process ends. */
  exited: Promise<number | string | null>;
  /** The JSON log lines whose `msg` matches. */
  logLines(msg: RegExp): Record<string, unknown>[];
}

/** `node server/main.ts` as an operator starts it, on `databaseUrl`, with the demo users seeded. */
export function startVarn(databaseUrl: string, port: number): VarnProcess {
  const child = spawn(process.execPath, [path.join(serverDir, 'main.ts')], {
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_SIZE: '5',
      VARN_DEMO_DATA: 'true',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  const collect = (chunk: Buffer) => {
    text += chunk.toString('utf8');
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise<number | string | null>((resolve) => {
    child.on('exit', (code, signal) => {
      resolve(code ?? signal);
    });
  });
  return {
    child,
    base: `http://127.0.0.1:${port}`,
    output: () => text,
    exited,
    logLines: (msg) =>
      text
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>)
        .filter((line) => typeof line.msg === 'string' && msg.test(line.msg)),
  };
}

/** Waits until /ready answers 200; fails at once if the process has ended. */
export async function waitForReady(varn: VarnProcess, timeoutMs = 60_000): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (varn.child.exitCode !== null || varn.child.signalCode !== null) {
      throw new Error(`Värn exited while waiting for /ready:\n${varn.output().slice(-4000)}`);
    }
    try {
      const res = await fetch(`${varn.base}/ready`, { signal: AbortSignal.timeout(5_000) });
      await res.arrayBuffer();
      if (res.status === 200) return Date.now() - started;
    } catch {
      // Not listening yet, or the answer was cut off.
    }
    if (Date.now() - started > timeoutMs) {
      throw new Error(
        `/ready did not answer 200 within ${timeoutMs} ms:\n${varn.output().slice(-4000)}`,
      );
    }
    await sleep(100);
  }
}

export interface Save {
  key: string;
  /** A fictional text unique to this save, to find it in the database. */
  text: string;
  caseId: string;
  user: string;
  attempts: number;
  /** The entry id from a 201 (or a replayed answer); undefined while not acknowledged. */
  entryId?: string;
  replayed?: boolean;
}

export interface Tally {
  acknowledged: Save[];
  /** Saves the client gave up on: never acknowledged, so they may or may not exist. */
  unacknowledged: Save[];
  /** Answers that were neither success, 503 nor a cut connection: each one is a bug. */
  unexpected: { status: number; body: string }[];
  refused503: number;
  retryAfter: Set<string>;
  socketErrors: number;
}

export const newTally = (): Tally => ({
  acknowledged: [],
  unacknowledged: [],
  unexpected: [],
  refused503: 0,
  retryAfter: new Set(),
  socketErrors: 0,
});

/** A logged-in demo user working on one of their cases, as the web client would. */
export class Client {
  readonly base: string;
  readonly user: string;
  cookie = '';
  csrf = '';
  caseId = '';
  readonly caseIndex: number;

  /** `caseIndex`: which of the user's open cases to write on, so clients spread over cases. */
  constructor(base: string, user: string, caseIndex = 0) {
    this.base = base;
    this.user = user;
    this.caseIndex = caseIndex;
  }

  async login(): Promise<void> {
    const res = await fetch(`${this.base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: this.user, password: DEMO_PASSWORD }),
    });
    if (res.status !== 200)
      throw new Error(`login ${this.user}: ${res.status} ${await res.text()}`);
    const body = (await res.json()) as { csrfToken: string; stage: string };
    if (body.stage !== 'active') throw new Error(`login ${this.user}: stage ${body.stage}`);
    this.csrf = body.csrfToken;
    this.cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const cases = await fetch(`${this.base}/api/cases/mine`, { headers: { cookie: this.cookie } });
    const list = (await cases.json()) as { items: { id: string }[] };
    const first = list.items[this.caseIndex];
    if (!first) throw new Error(`${this.user} has no case to write on`);
    this.caseId = first.id;
  }

  /**
   * One journal entry, retried on 503 or a cut connection with the same Idempotency-Key until
   * acknowledged or `deadline`. The pause is shorter than Retry-After so the test stays short; a
   * real client waits as told.
   */
  async save(tally: Tally, deadline: number): Promise<void> {
    const save: Save = {
      key: randomUUID(),
      text: `Provanteckning ${randomUUID()}: samtal om planering (påhittad).`,
      caseId: this.caseId,
      user: this.user,
      attempts: 0,
    };
    while (Date.now() < deadline) {
      save.attempts += 1;
      try {
        const res = await fetch(`${this.base}/api/cases/${this.caseId}/journal`, {
          method: 'POST',
          headers: {
            cookie: this.cookie,
            'content-type': 'application/json',
            'x-csrf-token': this.csrf,
            'idempotency-key': save.key,
          },
          body: JSON.stringify({
            occurredOn: new Date().toISOString().slice(0, 10),
            text: save.text,
            source: { kind: 'own_observation', detail: null },
          }),
          signal: AbortSignal.timeout(15_000),
        });
        const body = await res.text();
        if (res.status === 201 || res.status === 200) {
          save.entryId = (JSON.parse(body) as { id: string }).id;
          save.replayed = res.headers.get('idempotency-replayed') === 'true';
          tally.acknowledged.push(save);
          return;
        }
        if (res.status === 503) {
          tally.refused503 += 1;
          tally.retryAfter.add(res.headers.get('retry-after') ?? '(none)');
        } else {
          tally.unexpected.push({ status: res.status, body: body.slice(0, 300) });
          tally.unacknowledged.push(save);
          return;
        }
      } catch {
        // The connection was cut or the answer never came: the save may or may not have landed.
        tally.socketErrors += 1;
      }
      await sleep(150);
    }
    tally.unacknowledged.push(save);
  }
}

/** Clients saving one entry after another until `stop()` is called. */
export function saveStream(clients: Client[], tally: Tally) {
  let running = true;
  const loops = clients.map(async (client) => {
    while (running) await client.save(tally, Date.now() + 120_000);
  });
  return {
    async stop() {
      running = false;
      await Promise.all(loops);
    },
  };
}

export interface Ledger {
  /** Acknowledged saves not in the database: lost. */
  lost: Save[];
  /** Saves (acknowledged or not) stored more than once. */
  duplicated: { save: Save; copies: number }[];
  /** Journal entries the test's saves made, and journal.write audit rows since it began. */
  entries: number;
  auditRows: number;
  /** Case/author pairs whose entries and audit rows are not equally many. */
  mismatched: string[];
}

/** What the database holds of the saves, read directly, after Värn has stopped. */
export async function ledger(db: Db, tally: Tally, since: Date): Promise<Ledger> {
  const all = [...tally.acknowledged, ...tally.unacknowledged];
  const texts = all.map((s) => s.text);
  const rows =
    texts.length === 0
      ? []
      : await db
          .selectFrom('journal_entry_version as v')
          .innerJoin('journal_entry as e', 'e.id', 'v.entry_id')
          .select(['v.text', 'e.id', 'e.case_id', 'e.created_by'])
          .where('v.text', 'in', texts)
          .execute();
  const copies = new Map<string, string[]>();
  for (const row of rows) copies.set(row.text, [...(copies.get(row.text) ?? []), row.id]);
  const lost = tally.acknowledged.filter(
    (s) => !(copies.get(s.text) ?? []).includes(s.entryId ?? ''),
  );
  const duplicated = all
    .map((save) => ({ save, copies: copies.get(save.text)?.length ?? 0 }))
    .filter((d) => d.copies > 1);
  // The entry and its journal.write row are written in one transaction: per case and author,
  // the test's entries and the audit rows written since the stream began are equally many.
  const entriesBy = new Map<string, number>();
  for (const row of rows) {
    const key = `${row.case_id}/${row.created_by}`;
    entriesBy.set(key, (entriesBy.get(key) ?? 0) + 1);
  }
  const caseIds = [...new Set(all.map((s) => s.caseId))];
  const audit =
    caseIds.length === 0
      ? { rows: [] }
      : await sql<{ case_id: string; actor_user_id: string; n: number }>`
          select c.case_id, a.actor_user_id, count(*)::int as n
          from audit_event a, unnest(a.case_ids) as c(case_id)
          where a.action = 'journal.write' and a.occurred_at >= ${since}
            and c.case_id = any(${caseIds}::uuid[])
          group by 1, 2`.execute(db);
  const auditBy = new Map<string, number>();
  for (const row of audit.rows) auditBy.set(`${row.case_id}/${row.actor_user_id}`, row.n);
  const keys = new Set([...entriesBy.keys(), ...auditBy.keys()]);
  const mismatched = [...keys].filter((k) => (entriesBy.get(k) ?? 0) !== (auditBy.get(k) ?? 0));
  const auditRows = [...auditBy.values()].reduce((a, b) => a + b, 0);
  return { lost, duplicated, entries: rows.length, auditRows, mismatched };
}

/** `npm run audit:verify` on the database: its exit code and what it said. */
export async function auditVerify(
  databaseUrl: string,
): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [path.join(serverDir, 'cli', 'audit-verify.ts')], {
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (output += c.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { code, output };
}

/** SIGTERM, and the exit code of a clean shutdown. */
export async function stopVarn(varn: VarnProcess): Promise<number | string | null> {
  if (varn.child.exitCode !== null || varn.child.signalCode !== null) return varn.exited;
  varn.child.kill('SIGTERM');
  const timer = setTimeout(() => varn.child.kill('SIGKILL'), 20_000);
  try {
    return await varn.exited;
  } finally {
    clearTimeout(timer);
  }
}
