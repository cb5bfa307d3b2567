import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAnchor } from '../audit/anchor.ts';
import { createTestDatabase, testDatabaseUrl, testEngine } from '../test/test-db.ts';
import type { TestDatabase } from '../test/test-db.ts';
import { findUnsafeDatabaseRole, openPostgres } from './database.ts';

// Roles belong to the whole PostgreSQL cluster: each run makes its own, uniquely named, and drops
// them after its database.
const suffix = randomBytes(4).toString('hex');
const ownerRole = `varn_owner_${suffix}`;
const appRole = `varn_app_${suffix}`;

async function asAdmin(statement: string) {
  const admin = new Kysely<unknown>({
    dialect: new PostgresDialect({
      pool: new pg.Pool({ connectionString: testDatabaseUrl, max: 1 }),
    }),
  });
  try {
    await sql.raw(statement).execute(admin);
  } finally {
    await admin.destroy();
  }
}

function urlAs(url: string, user: string): string {
  const u = new URL(url);
  u.username = user;
  return u.toString();
}

async function problemsAs(url: string): Promise<string[]> {
  const { db } = openPostgres(url, 1);
  try {
    return await findUnsafeDatabaseRole(db);
  } finally {
    await db.destroy();
  }
}

// Roles, ownership and grants exist only on a real PostgreSQL server: PGlite runs as its one
// superuser, so there is no second role to refuse. `npm run test:pg` runs this in CI.
describe.skipIf(testEngine !== 'postgres')('the database role Värn serves as', () => {
  let t: TestDatabase;
  let url: string;
  const run = (statement: string) => sql.raw(statement).execute(t.db);

  beforeAll(async () => {
    await asAdmin(`create role ${ownerRole} login`);
    await asAdmin(`create role ${appRole} login`);
    t = await createTestDatabase({ migrate: false });
    url = t.url!;
    // The installation's recipe (docs/OPERATIONS.md): the owner may create in the schema, and
    // whatever it creates is granted to the app role.
    await run(`grant create on schema public to ${ownerRole}`);
    await run(
      `alter default privileges for role ${ownerRole} in schema public grant select, insert, update, delete on tables to ${appRole}`,
    );
    await run(
      `alter default privileges for role ${ownerRole} in schema public grant usage, select on sequences to ${appRole}`,
    );
  });

  afterAll(async () => {
    await t.destroy();
    await asAdmin(`drop role if exists ${appRole}`);
    await asAdmin(`drop role if exists ${ownerRole}`);
  });

  const startVarn = (databaseUrl: string, anchorFile: string) =>
    new Promise<{ code: number | null; output: string }>((resolve) => {
      const child = spawn(process.execPath, [path.join(import.meta.dirname, '..', 'main.ts')], {
        env: {
          PATH: process.env.PATH ?? '',
          NODE_ENV: 'production',
          LOG_LEVEL: 'warn',
          HOST: '127.0.0.1',
          PORT: '0',
          DATABASE_URL: databaseUrl,
          VARN_MIGRATION_DATABASE_URL: urlAs(url, ownerRole),
          VARN_PUBLIC_URL: 'https://varn.kommun.example',
          VARN_SECRET_KEY: randomBytes(32).toString('base64'),
          VARN_AUDIT_KEY: `1:${randomBytes(32).toString('base64')}`,
          VARN_AUDIT_ANCHOR_FILE: anchorFile,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      const collect = (chunk: Buffer) => {
        output += chunk.toString('utf8');
        // A build of the web client may exist: then Värn serves, which is as far as this goes.
        if (output.includes('Värn körs på')) child.kill('SIGTERM');
      };
      child.stdout.on('data', collect);
      child.stderr.on('data', collect);
      child.on('exit', (code) => {
        resolve({ code, output });
      });
    });

  it(
    'in production migrates as the owner, serves as the app role, and refuses owner or superuser',
    { timeout: 120_000 },
    async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'varn-role-'));
      try {
        const anchorFile = path.join(dir, 'audit-anchor.json');
        const served = await startVarn(urlAs(url, appRole), anchorFile);
        expect(served.output).not.toMatch(/granskningsloggen \(/);
        expect(served.output).toMatch(/Webbgränssnittet är inte byggt|Värn körs på/);
        const owner = await sql<{
          tableowner: string;
        }>`select tableowner from pg_tables where tablename = 'audit_event'`.execute(t.db);
        expect(owner.rows).toEqual([{ tableowner: ownerRole }]);
        // Nothing audited yet (no demo data in production): no end to anchor.
        expect(readAnchor(anchorFile).state).toBe('missing');
        // Default privileges gave the app role UPDATE and DELETE on audit_event too; start-up
        // took them back.
        expect(await problemsAs(urlAs(url, appRole))).toEqual([]);

        const asOwner = await startVarn(urlAs(url, ownerRole), anchorFile);
        expect(asOwner.code).toBe(1);
        expect(asOwner.output).toContain(`${ownerRole} äger audit_event`);
        expect(asOwner.output).toContain('docs/OPERATIONS.md');

        const asSuperuser = await startVarn(url, anchorFile);
        expect(asSuperuser.code).toBe(1);
        expect(asSuperuser.output).toContain('är superanvändare');
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  );

  // Runs on the database the test above migrated as the owner.
  it('names each right on audit_event that would let it rewrite the log', async () => {
    expect(await problemsAs(url)).toEqual([expect.stringMatching(/är superanvändare$/)]);
    const app = urlAs(url, appRole);
    await run(`grant update, truncate on audit_event to ${appRole}`);
    expect(await problemsAs(app)).toEqual([
      `${appRole} har UPDATE på audit_event`,
      `${appRole} har TRUNCATE på audit_event`,
    ]);
    await run(`revoke update, truncate on audit_event from ${appRole}`);

    await run(`grant set on parameter session_replication_role to ${appRole}`);
    try {
      expect(await problemsAs(app)).toEqual([`${appRole} får sätta session_replication_role`]);
    } finally {
      await run(`revoke set on parameter session_replication_role from ${appRole}`);
    }

    // A member of the owning role can act as the owner (ALTER TABLE … DISABLE TRIGGER).
    await asAdmin(`grant ${ownerRole} to ${appRole}`);
    try {
      expect(await problemsAs(app)).toEqual([
        `${appRole} äger audit_event (eller kan agera som ${ownerRole})`,
      ]);
    } finally {
      await asAdmin(`revoke ${ownerRole} from ${appRole}`);
    }
    expect(await problemsAs(app)).toEqual([]);
  });
});
