/**
 * The load benchmark: generate S or M into a fresh PostgreSQL database, start Värn on it as its
 * own process on 127.0.0.1, and drive it with logged-in virtual users through the operation mix
 * of issue "Benchmarks at Stockholm scale". Every figure stands next to its floor: the same data
 * fetched by a bare prepared SQL statement over `pg`, in the same run. Then a saturation run —
 * no think time, rising concurrency — gives the highest rate of the mix with p95 ≤ 100 ms, next
 * to a bare Fastify server's and bare SQL's rates measured the same way.
 *
 *   npm run bench                         S, 300 users, about 4 minutes
 *   npm run bench -- --size M             M (generation about 10 minutes)
 *   options: --users N --duration S (seconds of the mix) --url postgres://…/db --no-saturation
 *            --keep NAME: generate into database NAME and keep it; a later run with the same
 *            NAME reuses it without generating (for working on a query; the figures of record
 *            come from a fresh database, since each run adds entries and intakes)
 *            --cpu-prof DIR: the server writes a V8 CPU profile to DIR when it stops
 *
 * Results are appended to bench/RESULTS.md and written to bench/results/<date>-<size>.json.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Fastify from 'fastify';
import pg from 'pg';
import { migrateToLatest } from '../server/db/migrate.ts';
import { dangerExample } from '../core/instruments/examples.ts';
import { BENCH_PASSWORD, generate, sizes } from './generate.ts';
import { commonSearches } from './names.ts';
import type { Size } from './generate.ts';
import { openBenchDatabase, rng, summary } from './lib.ts';
import type { Summary } from './lib.ts';
import { freePort } from '../server/test/free-port.ts';

const { values: args } = parseArgs({
  options: {
    size: { type: 'string', default: 'S' },
    users: { type: 'string', default: '300' },
    duration: { type: 'string' },
    url: {
      type: 'string',
      default: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    },
    'no-saturation': { type: 'boolean', default: false },
    keep: { type: 'string' },
    'cpu-prof': { type: 'string' },
  },
});
if (args.size !== 'S' && args.size !== 'M') throw new Error('--size is S or M');
const SIZE: Size = args.size;
const USERS = Number(args.users);
const DURATION_S = Number(args.duration ?? (SIZE === 'S' ? 120 : 300));
const root = path.resolve(import.meta.dirname, '..');

export const operations = {
  open_case: 12.5,
  open_person: 12.5,
  work_list: 17,
  read_journal: 15,
  search_pnr: 5,
  search_name: 5,
  save_journal: 12,
  new_intake: 5,
  risk_update: 5,
  login: 5,
  // Issue 13: the place search in skyddat boende, with live occupancy; a shelter's staff reading
  // the list of their uppdrag.
  shelter_search: 3,
  provider_inbox: 3,
  // Issue 14: the family view of a case in a household of 6 with 4 linked files.
  family_view: 3,
} as const;
type Op = keyof typeof operations;

interface UserData {
  username: string;
  unitId: string;
  cases: { id: string; personId: string; pnr: string; name: string }[];
  /** The victims' cases of the families (bench/families.ts) the user is assigned to. */
  families: { id: string; personId: string }[];
}

async function startVarn(databaseUrl: string) {
  const port = await freePort();
  // --cpu-prof DIR: the server writes a V8 CPU profile there when it stops (open it in Chrome's
  // DevTools), to see where a request's time goes between the floor and the figure.
  const profile = args['cpu-prof'] ? ['--cpu-prof', '--cpu-prof-dir', args['cpu-prof']] : [];
  const child = spawn(process.execPath, [...profile, 'server/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_SIZE: '20',
      VARN_DEMO_DATA: 'false',
      LOG_LEVEL: 'error',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${base}/ready`)).status === 200) return { base, child };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill();
  throw new Error('Värn did not become ready');
}

class Session {
  cookie = '';
  csrf = '';
  readonly base: string;
  readonly user: UserData;
  constructor(base: string, user: UserData) {
    this.base = base;
    this.user = user;
  }

  async login() {
    const res = await fetch(`${this.base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: this.user.username, password: BENCH_PASSWORD }),
    });
    const body = (await res.json()) as { csrfToken?: string };
    this.cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    this.csrf = body.csrfToken ?? '';
    return res.status;
  }

  async call(method: string, url: string, body?: unknown) {
    const res = await fetch(`${this.base}${url}`, {
      method,
      headers: {
        cookie: this.cookie,
        ...(body === undefined
          ? {}
          : { 'content-type': 'application/json', 'x-csrf-token': this.csrf }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, text };
  }
}

const today = () => new Date().toISOString().slice(0, 10);

/**
 * The shelters' staff (bench.provider.N, one per shelter): the provider's list of its uppdrag is
 * theirs, whoever the virtual user is; each logs in on first use.
 */
let providerPool: Session[] = [];

/** One operation of the mix for a user; resolves to whether it succeeded. */
async function runOp(op: Op, s: Session, random: () => number): Promise<boolean> {
  const own = s.user.cases[Math.floor(random() * s.user.cases.length)];
  const ok = (status: number) => status >= 200 && status < 300;
  switch (op) {
    case 'open_case':
      return own ? ok((await s.call('GET', `/api/cases/${own.id}`)).status) : true;
    case 'open_person':
      return own ? ok((await s.call('GET', `/api/persons/${own.personId}`)).status) : true;
    case 'work_list': {
      const url =
        random() < 0.5 ? '/api/cases/mine?limit=25' : `/api/units/${s.user.unitId}/queue?limit=25`;
      const first = await s.call('GET', url);
      if (!ok(first.status)) return false;
      const next = (JSON.parse(first.text) as { nextCursor: string | null }).nextCursor;
      // A third of the time the user pages on.
      if (next && random() < 0.33) {
        return ok((await s.call('GET', `${url}&after=${encodeURIComponent(next)}`)).status);
      }
      return true;
    }
    case 'read_journal':
      return own ? ok((await s.call('GET', `/api/cases/${own.id}/journal?limit=25`)).status) : true;
    case 'search_pnr':
      return own
        ? ok(
            (
              await s.call('POST', '/api/persons/search', {
                by: 'identity',
                kind: 'personnummer',
                number: own.pnr,
              })
            ).status,
          )
        : true;
    case 'search_name':
      return ok(
        (
          await s.call('POST', '/api/persons/search', {
            by: 'name',
            // Half the time the name of someone the user works with, half a common name or prefix.
            query:
              own && random() < 0.5
                ? own.name
                : (commonSearches[Math.floor(random() * commonSearches.length)] ?? 'Lind'),
          })
        ).status,
      );
    case 'save_journal':
      return own
        ? ok(
            (
              await s.call('POST', `/api/cases/${own.id}/journal`, {
                occurredOn: today(),
                text: 'Telefonsamtal med personen om läget och nästa möte.',
                source: { kind: 'person', detail: null },
              })
            ).status,
          )
        : true;
    case 'new_intake':
      return ok(
        (
          await s.call('POST', '/api/intakes', {
            unitId: s.user.unitId,
            targetGroup: 'victim',
            person: {
              existing: false,
              newPerson: {
                identity: null,
                givenName: 'Ny',
                familyName: 'Klient',
                protectionLevel: 'none',
              },
            },
            intake: {
              type: 'police_notification',
              from: 'Polisen',
              channel: 'police',
              receivedAt: new Date(Date.now() - 60_000).toISOString(),
              content: 'Polisunderrättelse om våld i hemmet.',
            },
            acuteScreening: { acuteNeed: 'no', motivation: 'Bedömt i telefon.' },
            assignToMe: false,
          })
        ).status,
      );
    case 'risk_update':
      return own
        ? ok(
            (
              await s.call('POST', `/api/cases/${own.id}/risk-assessments`, {
                personId: own.personId,
                instrument: { id: dangerExample.id, version: dangerExample.version },
                answers: {
                  strypt: { kind: 'yes_no_unknown', value: random() < 0.5 ? 'yes' : 'no' },
                },
                scenarioRatings: null,
                motivation: 'Uppföljande bedömning.',
                assessedOn: today(),
              })
            ).status,
          )
        : true;
    case 'login':
      return ok(await s.login());
    case 'family_view': {
      const family = s.user.families[Math.floor(random() * s.user.families.length)];
      return family ? ok((await s.call('GET', `/api/cases/${family.id}/family`)).status) : true;
    }
    case 'provider_inbox': {
      const p = providerPool[Math.floor(random() * providerPool.length)];
      if (!p) return true;
      if (!p.cookie && !ok(await p.login())) return false;
      return ok((await p.call('GET', '/api/commissions')).status);
    }
    case 'shelter_search': {
      const children = random() < 0.5 ? 0 : 1 + Math.floor(random() * 3);
      return own
        ? ok(
            (
              await s.call('POST', `/api/cases/${own.id}/shelter-search`, {
                children,
                teenageBoy: children > 0 && random() < 0.2,
                pets: random() < 0.1,
                wheelchair: random() < 0.05,
                language: random() < 0.2 ? 'arabiska' : null,
                minSecurityLevel: 1 + Math.floor(random() * 3),
              })
            ).status,
          )
        : true;
    }
  }
}

function pickOp(random: () => number): Op {
  const entries = Object.entries(operations) as [Op, number][];
  const total = entries.reduce((a, [, w]) => a + w, 0);
  let x = random() * total;
  for (const [op, w] of entries) {
    x -= w;
    if (x < 0) return op;
  }
  return 'open_case';
}

interface Sample {
  op: Op;
  ms: number;
  ok: boolean;
}

/** Virtual users with think time, until the duration is over. */
async function mixRun(base: string, users: UserData[], durationMs: number) {
  const samples: Sample[] = [];
  const sessions = users.map((u) => new Session(base, u));
  for (const s of sessions) await s.login();
  const end = Date.now() + durationMs;
  await Promise.all(
    sessions.map(async (s, i) => {
      const random = rng(1000 + i);
      // Spread the first requests over the first think time, as people arrive.
      await new Promise((r) => setTimeout(r, random() * 10_000));
      while (Date.now() < end) {
        const op = pickOp(random);
        const started = performance.now();
        const ok = await runOp(op, s, random).catch(() => false);
        samples.push({ op, ms: performance.now() - started, ok });
        await new Promise((r) => setTimeout(r, 5_000 + random() * 10_000));
      }
    }),
  );
  return samples;
}

/** Closed loops with no think time: the rate reached at each concurrency and its p95. */
async function saturate(
  label: string,
  concurrencies: number[],
  stepMs: number,
  request: (worker: number, random: () => number) => Promise<unknown>,
) {
  const steps: { concurrency: number; rate: number; p95: number }[] = [];
  for (const c of concurrencies) {
    const times: number[] = [];
    const end = Date.now() + stepMs;
    await Promise.all(
      Array.from({ length: c }, async (_, w) => {
        const random = rng(7 + w);
        while (Date.now() < end) {
          const t = performance.now();
          await request(w, random);
          times.push(performance.now() - t);
        }
      }),
    );
    const s = summary(label, times);
    steps.push({ concurrency: c, rate: times.length / (stepMs / 1000), p95: s.p95 });
    console.log(
      `  ${label.padEnd(10)} ${String(c).padStart(3)} concurrent: ${(times.length / (stepMs / 1000)).toFixed(0).padStart(5)} req/s, p95 ${s.p95.toFixed(1)} ms`,
    );
  }
  const within = steps.filter((s) => s.p95 <= 100);
  return { steps, bestRateWithinP95: within.length ? Math.max(...within.map((s) => s.rate)) : 0 };
}

/** The floor of each operation: a bare prepared statement for the same data, p50 in ms. */
async function floors(client: pg.Client, users: UserData[]): Promise<Record<Op, number>> {
  const u = users.find((x) => x.cases.length > 0) ?? users[0];
  const family = users.flatMap((x) => x.families)[0];
  if (!family) throw new Error('no family case');
  const c = u?.cases[0];
  if (!u || !c) throw new Error('no user with an open case');
  const userId = (
    await client.query<{ id: string }>('select id from app_user where username = $1', [u.username])
  ).rows[0]?.id;
  const shelterIds = (
    await client.query<{ provider_id: string }>('select provider_id from shelter')
  ).rows.map((r) => r.provider_id);
  const statements: Record<Op, { text: string; values: unknown[]; write?: true }> = {
    open_case: {
      text: 'select c.*, p.given_name, p.family_name from "case" c join person p on p.id = c.person_id where c.id = $1',
      values: [c.id],
    },
    open_person: { text: 'select * from person where id = $1', values: [c.personId] },
    work_list: {
      text: `select id from "case" where assigned_user_id = $1 and status = 'open' order by opened_at, id limit 26`,
      values: [userId],
    },
    read_journal: {
      text: 'select e.id, v.text from journal_entry e join journal_entry_version v on v.entry_id = e.id and v.version = e.version where e.case_id = $1 order by e.created_at desc, e.id desc limit 26',
      values: [c.id],
    },
    search_pnr: { text: 'select id from person where identity_number = $1', values: [c.pnr] },
    // The persons of the user's own open cases whose family name begins like a client's.
    search_name: {
      text: `with mine as materialized (
               select person_id from "case" where assigned_user_id = $1 and status = 'open')
             select p.id from mine join person p on p.id = mine.person_id
             where lower(p.family_name) like $2 order by p.family_name, p.given_name limit 26`,
      values: [userId, `${(c.name.split(' ')[1] ?? '').toLowerCase()}%`],
    },
    save_journal: {
      text: `with e as (insert into journal_entry (case_id, created_by) values ($1, $2) returning id)
             insert into journal_entry_version (entry_id, version, occurred_on, text, source_kind, recorded_by)
             select id, 1, current_date, 'Golv', 'person', $2 from e`,
      values: [c.id, userId],
      write: true,
    },
    new_intake: {
      text: `insert into person (given_name, family_name) values ('Golv', 'Person')`,
      values: [],
      write: true,
    },
    risk_update: {
      text: `insert into risk_assessment (case_id, person_id, kind, instrument_id, instrument_version, method, motivation, assessed_on, recorded_by)
             values ($1, $2, 'structured', '${dangerExample.id}', ${dangerExample.version}, 'danger', 'Golv', current_date, $3)`,
      values: [c.id, c.personId, userId],
      write: true,
    },
    login: { text: 'select * from app_user where username = $1', values: [u.username] },
    // The uppdrag running today at the shelters (the server reads the shelters first, then this).
    shelter_search: {
      text: `select provider_id, count(*) as running from commission
             where provider_id = any($1) and status in ('sent', 'accepted')
               and period_from <= current_date
               and (period_to is null or period_to >= current_date)
             group by provider_id`,
      values: [shelterIds],
    },
    // The provider's list: its uppdrag with what each shares, unsent first, newest first.
    provider_inbox: {
      text: `select c.id, c.version, c.status, c.intervention, c.period_from, c.period_to,
               c.person_id, c.created_at, o.shared, o.protection_notice
             from commission c join provider p on p.id = c.provider_id
             join commission_order o on o.commission_id = c.id
             where p.unit_id = any($1)
             order by case when c.status = 'sent' then 0 when c.status = 'accepted' then 1 else 2 end,
               c.created_at desc
             limit 500`,
      values: [
        (
          await client.query<{ unit_id: string }>(
            `select unit_id from provider where unit_id is not null order by name limit 1`,
          )
        ).rows.map((r) => r.unit_id),
      ],
    },
    family_view: {
      // The related persons' open cases with unit and handläggare, by the relations that hold.
      text: `select c.id, c.phase, u.name, a.display_name from person_relation r
             join "case" c on c.person_id = case when r.person_id = $1 then r.related_person_id
               else r.person_id end and c.status = 'open'
             join unit u on u.id = c.unit_id left join app_user a on a.id = c.assigned_user_id
             where (r.person_id = $1 or r.related_person_id = $1) and r.status = 'current'`,
      values: [family.personId],
    },
  };
  const result = {} as Record<Op, number>;
  for (const [op, st] of Object.entries(statements) as [Op, (typeof statements)[Op]][]) {
    const times: number[] = [];
    for (let i = 0; i < 200; i++) {
      // Writes are measured inside a transaction that is rolled back, leaving the data as it was.
      if (st.write) await client.query('begin');
      const t = performance.now();
      await client.query({ name: `floor_${op}`, text: st.text, values: st.values });
      times.push(performance.now() - t);
      if (st.write) await client.query('rollback');
    }
    result[op] = summary(op, times).p50;
  }
  return result;
}

async function loadUsers(client: pg.Client): Promise<UserData[]> {
  const users = await client.query<{ id: string; username: string; unit_id: string }>(
    `select a.id, a.username, r.unit_id from app_user a join user_role r on r.user_id = a.id
     where a.username like 'bench.%' and r.role <> 'provider' order by a.username`,
  );
  const cases = await client.query<{
    assigned_user_id: string;
    id: string;
    person_id: string;
    identity_number: string;
    name: string;
  }>(
    `select c.assigned_user_id, c.id, c.person_id, p.identity_number,
       p.given_name || ' ' || p.family_name as name
     from "case" c join person p on p.id = c.person_id where c.status = 'open'`,
  );
  const byUser = Map.groupBy(cases.rows, (c) => c.assigned_user_id);
  const families = await client.query<{ assigned_user_id: string; id: string; person_id: string }>(
    `select c.assigned_user_id, c.id, c.person_id from "case" c
     where c.status = 'open' and exists (select 1 from counterpart k where k.case_id = c.id)`,
  );
  const familiesOf = Map.groupBy(families.rows, (c) => c.assigned_user_id);
  return users.rows.map((u) => ({
    families: (familiesOf.get(u.id) ?? []).map((c) => ({ id: c.id, personId: c.person_id })),
    username: u.username,
    unitId: u.unit_id,
    cases: (byUser.get(u.id) ?? []).map((c) => ({
      id: c.id,
      personId: c.person_id,
      pnr: c.identity_number,
      name: c.name,
    })),
  }));
}

function machine() {
  const cpus = os.cpus();
  return `${cpus.length} cores (${cpus[0]?.model.trim() ?? 'unknown'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB`;
}

function commit() {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root }).toString().trim();
  } catch {
    return 'unknown';
  }
}

async function main() {
  const started = performance.now();
  const { db, url, existed, close } = await openBenchDatabase(
    'postgres',
    args.url,
    undefined,
    args.keep,
  );
  if (!url) throw new Error('the load benchmark runs on PostgreSQL');
  let server: Awaited<ReturnType<typeof startVarn>> | undefined;
  const client = new pg.Client({ connectionString: url });
  try {
    await migrateToLatest(db);
    let generationSeconds = 0;
    if (existed) {
      console.log(`Reusing the kept database ${args.keep ?? ''} (migrated to the latest schema)`);
    } else {
      console.log(`Generating ${SIZE} (${sizes[SIZE].cases} cases):`);
      const genStarted = performance.now();
      await generate(db, SIZE);
      generationSeconds = (performance.now() - genStarted) / 1000;
      console.log(`Generated in ${generationSeconds.toFixed(0)} s`);
    }
    await db.destroy();

    await client.connect();
    const all = await loadUsers(client);
    const users = Array.from({ length: USERS }, (_, i) => all[i % all.length] as UserData);
    server = await startVarn(url);
    const providerUsers = await client.query<{ username: string; unit_id: string }>(
      `select a.username, r.unit_id from app_user a join user_role r on r.user_id = a.id
       where r.role = 'provider' and a.username like 'bench.provider.%' order by a.username`,
    );
    providerPool = providerUsers.rows.map(
      (u) =>
        new Session(server?.base ?? '', {
          username: u.username,
          unitId: u.unit_id,
          cases: [],
          families: [],
        }),
    );
    console.log(`Mix: ${USERS} virtual users, think time 5–15 s, ${DURATION_S} s …`);
    const samples = await mixRun(server.base, users, DURATION_S * 1000);
    const floor = await floors(client, all);

    const opsResult: Record<
      string,
      {
        p50_ms: number;
        p95_ms: number;
        p99_ms: number;
        errors: number;
        count: number;
        floor_p50_ms: number;
      }
    > = {};
    const table: (Summary & { errors: number; floor: number })[] = [];
    for (const op of Object.keys(operations) as Op[]) {
      const mine = samples.filter((s) => s.op === op);
      const s = summary(
        op,
        mine.map((m) => m.ms),
      );
      const errors = mine.filter((m) => !m.ok).length;
      opsResult[op] = {
        p50_ms: round(s.p50),
        p95_ms: round(s.p95),
        p99_ms: round(s.p99),
        errors,
        count: s.count,
        floor_p50_ms: round(floor[op], 3),
      };
      table.push({ ...s, errors, floor: floor[op] });
    }
    console.log(
      '\noperation       count  errors   p50 ms   p95 ms   p99 ms   floor p50   p50/floor',
    );
    for (const r of table) {
      console.log(
        `${r.name.padEnd(14)} ${String(r.count).padStart(6)} ${String(r.errors).padStart(7)} ${r.p50.toFixed(1).padStart(8)} ${r.p95.toFixed(1).padStart(8)} ${r.p99.toFixed(1).padStart(8)} ${r.floor.toFixed(3).padStart(11)} ${(r.p50 / r.floor).toFixed(0).padStart(10)}×`,
      );
    }

    let saturation: Record<string, unknown> | undefined;
    if (!args['no-saturation']) {
      console.log('\nSaturation (no think time, rising concurrency):');
      const concurrencies = [1, 2, 4, 8, 16, 32];
      const sessions = all
        .filter((u) => u.cases.length > 0)
        .slice(0, 32)
        .map((u) => new Session(server?.base ?? '', u));
      for (const s of sessions) await s.login();
      const mix = await saturate('Värn mix', concurrencies, 8_000, async (w, random) => {
        const s = sessions[w % sessions.length];
        if (s) await runOp(pickOp(random), s, random);
      });
      const bare = Fastify();
      bare.get('/', () => ({ ok: true }));
      const bareBase = await bare.listen({ port: 0, host: '127.0.0.1' });
      const fastify = await saturate('Fastify', concurrencies, 4_000, async () => {
        await (await fetch(bareBase)).arrayBuffer();
      });
      await bare.close();
      const pool = new pg.Pool({ connectionString: url, max: 32 });
      const one = all.find((u) => u.cases.length > 0)?.cases[0];
      const sqlRate = await saturate('bare SQL', concurrencies, 4_000, async () => {
        await pool.query({
          name: 'sat_case',
          text: 'select c.*, p.given_name from "case" c join person p on p.id = c.person_id where c.id = $1',
          values: [one?.id],
        });
      });
      await pool.end();
      saturation = {
        mix_rate_at_p95_100ms: round(mix.bestRateWithinP95),
        bare_fastify_rate: round(Math.max(...fastify.steps.map((s) => s.rate))),
        bare_sql_rate: round(Math.max(...sqlRate.steps.map((s) => s.rate))),
        mix_steps: mix.steps.map((s) => ({ ...s, rate: round(s.rate), p95: round(s.p95) })),
      };
      console.log(
        `Highest mix rate with p95 ≤ 100 ms: ${saturation.mix_rate_at_p95_100ms as number} req/s; bare Fastify ${saturation.bare_fastify_rate as number} req/s; bare SQL ${saturation.bare_sql_rate as number} req/s`,
      );
    }

    const date = new Date().toISOString().slice(0, 10);
    const result = {
      size: SIZE,
      commit: commit(),
      users: USERS,
      operations: opsResult,
      date,
      machine: machine(),
      duration_s: DURATION_S,
      generation_s: round(generationSeconds, 0),
      ...(saturation ? { saturation } : {}),
    };
    if (existed) {
      console.log('\nA reused database: figures printed, not recorded.');
      return;
    }
    const dir = path.join(root, 'bench', 'results');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${date}-${SIZE}.json`);
    fs.writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    appendResults(result, table);
    console.log(
      `\nWrote ${path.relative(root, file)} and bench/RESULTS.md in ${((performance.now() - started) / 1000).toFixed(0)} s total.`,
    );
  } finally {
    if (server) {
      const exited = new Promise((resolve) => server?.child.once('exit', resolve));
      server.child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    }
    await client.end().catch(() => undefined);
    await close();
  }
}

function round(x: number, digits = 2) {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

function appendResults(
  result: {
    size: string;
    commit: string;
    users: number;
    date: string;
    machine: string;
    duration_s: number;
    generation_s: number;
    saturation?: Record<string, unknown>;
  },
  table: (Summary & { errors: number; floor: number })[],
) {
  const file = path.join(root, 'bench', 'RESULTS.md');
  const header = fs.existsSync(file)
    ? ''
    : '# Benchmark results\n\nAppended by `npm run bench`; the same figures are in `bench/results/`.';
  const lines = [
    header,
    `\n## ${result.date} · size ${result.size} · commit ${result.commit}\n`,
    `${result.machine}; PostgreSQL on the same machine; ${result.users} virtual users, think time 5–15 s, ${result.duration_s} s; generated in ${result.generation_s} s.\n`,
    '| operation | count | errors | p50 ms | p95 ms | p99 ms | floor p50 ms | p50 / floor |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...table.map(
      (r) =>
        `| ${r.name} | ${r.count} | ${r.errors} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.floor.toFixed(3)} | ${(r.p50 / r.floor).toFixed(0)}× |`,
    ),
    ...(result.saturation
      ? [
          '',
          `Saturation: the mix holds p95 ≤ 100 ms up to ${String(result.saturation.mix_rate_at_p95_100ms)} req/s; bare Fastify ${String(result.saturation.bare_fastify_rate)} req/s; bare SQL ${String(result.saturation.bare_sql_rate)} req/s.`,
        ]
      : []),
    '',
  ];
  fs.appendFileSync(file, lines.join('\n'));
}

await main();
