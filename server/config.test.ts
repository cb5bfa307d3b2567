import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config.ts';
import { DEVELOPMENT_AUDIT_KEY } from './audit/audit-keys.ts';
import { DEVELOPMENT_SECRET_KEY } from './crypto/secret-box.ts';

function problemsOf(env: Record<string, string>): string[] {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('parseConfig', () => {
  it('runs on the embedded database in ./data on port 3000 with demo data by default', () => {
    const config = parseConfig({}, '/srv/varn');
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({ engine: 'pglite', dataDir: path.resolve('/srv/varn/data') });
    expect(config.demoData).toBe(true);
    expect(config.secureCookies).toBe(false);
  });

  it('honours PORT and VARN_DATA_DIR', () => {
    const config = parseConfig({ PORT: '3100', VARN_DATA_DIR: '/tmp/varn-x' });
    expect(config.port).toBe(3100);
    expect(config.database).toEqual({ engine: 'pglite', dataDir: '/tmp/varn-x' });
  });

  it('uses PostgreSQL when DATABASE_URL is set', () => {
    const config = parseConfig({ DATABASE_URL: 'postgres://u@db:5432/varn' });
    expect(config.database).toMatchObject({ engine: 'postgres', url: 'postgres://u@db:5432/varn' });
  });

  it('names each bad setting', () => {
    const problems = problemsOf({ PORT: 'abc', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
    expect(problems.some((p) => p.startsWith('PORT'))).toBe(true);
    expect(problems.some((p) => p.startsWith('DATABASE_URL'))).toBe(true);
    expect(problems.some((p) => p.startsWith('LOG_LEVEL'))).toBe(true);
  });

  it('refuses production without a real database, an https address, or with demo data', () => {
    const problems = problemsOf({
      NODE_ENV: 'production',
      VARN_DEMO_DATA: 'true',
      VARN_PUBLIC_URL: 'http://x.se',
    });
    expect(problems.map((p) => p.split(' ')[0])).toEqual(
      expect.arrayContaining(['DATABASE_URL', 'VARN_PUBLIC_URL', 'VARN_DEMO_DATA']),
    );
  });

  it('runs the jobs every minute unless told otherwise, and never more often than every second', () => {
    expect(parseConfig({}).jobIntervalMs).toBe(60_000);
    expect(parseConfig({ VARN_JOB_INTERVAL_SECONDS: '5' }).jobIntervalMs).toBe(5_000);
    expect(problemsOf({ VARN_JOB_INTERVAL_SECONDS: '0' })[0]).toMatch(/^VARN_JOB_INTERVAL_SECONDS/);
  });

  it('moves the clock only in browser tests', () => {
    expect(problemsOf({ VARN_TEST_CLOCK_FILE: '/tmp/klocka' })[0]).toMatch(/^VARN_TEST_CLOCK_FILE/);
    expect(
      parseConfig({ NODE_ENV: 'test', VARN_TEST_CLOCK_FILE: '/tmp/klocka' }).testClockFile,
    ).toBe('/tmp/klocka');
  });

  const auditKey = `1:${randomBytes(32).toString('base64')}`;
  const productionAudit = {
    VARN_AUDIT_KEY: auditKey,
    VARN_AUDIT_ANCHOR_FILE: '/var/lib/varn-anchor/audit-anchor.json',
    VARN_MIGRATION_DATABASE_URL: 'postgres://varn_owner@db/varn',
  };

  it('accepts a complete production configuration, without demo data', () => {
    const key = randomBytes(32);
    const config = parseConfig({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://varn@db/varn',
      VARN_PUBLIC_URL: 'https://varn.kommun.example',
      VARN_SECRET_KEY: key.toString('base64'),
      ...productionAudit,
    });
    expect(config.demoData).toBe(false);
    expect(config.secureCookies).toBe(true);
    expect(config.secretKey.equals(key)).toBe(true);
    expect(config.auditKeys.current.id).toBe('1');
    expect([...config.auditKeys.byId.keys()]).toEqual(['1']);
    expect(config.auditAnchorFile).toBe('/var/lib/varn-anchor/audit-anchor.json');
    expect(config.migrationDatabaseUrl).toBe('postgres://varn_owner@db/varn');
  });

  it('refuses production without its own audit key, anchor file and owner connection', () => {
    const production = {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://varn@db/varn',
      VARN_PUBLIC_URL: 'https://varn.kommun.example',
      VARN_SECRET_KEY: randomBytes(32).toString('base64'),
    };
    expect(problemsOf(production).map((p) => p.split(' ')[0])).toEqual([
      'VARN_AUDIT_KEY',
      'VARN_AUDIT_ANCHOR_FILE',
      'VARN_MIGRATION_DATABASE_URL',
    ]);
    const withAudit = { ...production, ...productionAudit };
    expect(
      problemsOf({ ...withAudit, VARN_AUDIT_KEY: `1:${DEVELOPMENT_AUDIT_KEY.toString('base64')}` }),
    ).toEqual([expect.stringMatching(/^VARN_AUDIT_KEY is the public development key/)]);
    expect(problemsOf({ ...withAudit, VARN_AUDIT_KEY: `1:${production.VARN_SECRET_KEY}` })).toEqual(
      [expect.stringMatching(/^VARN_AUDIT_KEY is the same as VARN_SECRET_KEY/)],
    );
    expect(
      problemsOf({
        ...withAudit,
        VARN_AUDIT_KEYS_PREVIOUS: `dev:${randomBytes(32).toString('base64')}`,
      }),
    ).toEqual([expect.stringMatching(/^VARN_AUDIT_KEYS_PREVIOUS uses the key id dev/)]);
  });

  it('reads the audit key ring, always knowing the development key outside production', () => {
    const previous = `0:${randomBytes(32).toString('base64')}`;
    const config = parseConfig({ VARN_AUDIT_KEY: auditKey, VARN_AUDIT_KEYS_PREVIOUS: previous });
    expect(config.auditKeys.current.id).toBe('1');
    expect([...config.auditKeys.byId.keys()].sort()).toEqual(['0', '1', 'dev']);
    expect(parseConfig({}).auditKeys.current.id).toBe('dev');
    expect(parseConfig({}, '/srv/varn').auditAnchorFile).toBe(
      path.resolve('/srv/varn/data/audit-anchor.json'),
    );
    expect(parseConfig({ DATABASE_URL: 'postgres://u@db/varn' }).auditAnchorFile).toBeUndefined();

    const key = randomBytes(32).toString('base64');
    expect(problemsOf({ VARN_AUDIT_KEY: key })).toEqual([
      expect.stringMatching(/^VARN_AUDIT_KEY must be <id>:/),
    ]);
    expect(problemsOf({ VARN_AUDIT_KEY: `sha256:${key}` })).toEqual([
      expect.stringMatching(/^VARN_AUDIT_KEY cannot use the key id sha256/),
    ]);
    expect(
      problemsOf({ VARN_AUDIT_KEY: `1:${key}`, VARN_AUDIT_KEYS_PREVIOUS: `1:${key}` }),
    ).toEqual([expect.stringMatching(/^VARN_AUDIT_KEYS_PREVIOUS names the key id 1 twice/)]);
    const short = problemsOf({ VARN_AUDIT_KEY: `1:${randomBytes(16).toString('base64')}` });
    expect(short).toEqual([expect.stringMatching(/^VARN_AUDIT_KEY must have 32 bytes/)]);
    // The problem names the setting, never its value.
    expect(problemsOf({ VARN_AUDIT_KEYS_PREVIOUS: `x:${key}!` }).join(' ')).not.toContain(key);
    expect(problemsOf({ VARN_MIGRATION_DATABASE_URL: 'postgres://o@db/varn' })).toEqual([
      expect.stringMatching(/^VARN_MIGRATION_DATABASE_URL needs DATABASE_URL/),
    ]);
  });

  it('refuses production without its own secret key, and a key of the wrong size anywhere', () => {
    const production = {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://varn@db/varn',
      VARN_PUBLIC_URL: 'https://varn.kommun.example',
      ...productionAudit,
    };
    expect(problemsOf(production)).toEqual([expect.stringMatching(/^VARN_SECRET_KEY is required/)]);
    expect(
      problemsOf({ ...production, VARN_SECRET_KEY: DEVELOPMENT_SECRET_KEY.toString('base64') }),
    ).toEqual([expect.stringMatching(/^VARN_SECRET_KEY is required/)]);
    const short = problemsOf({ VARN_SECRET_KEY: randomBytes(16).toString('base64') });
    expect(short).toEqual([expect.stringMatching(/^VARN_SECRET_KEY must be 32 bytes/)]);
    // The problem names the setting, never its value.
    const key = randomBytes(32).toString('base64');
    expect(problemsOf({ VARN_SECRET_KEY: `${key}!` }).join(' ')).not.toContain(key);
  });
});
