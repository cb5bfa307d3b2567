import path from 'node:path';
import { z } from 'zod';
import {
  DEVELOPMENT_AUDIT_KEY,
  DEVELOPMENT_AUDIT_KEY_ID,
  developmentAuditKeys,
  keyRing,
  parseAuditKey,
} from './audit/audit-keys.ts';
import type { AuditKey, AuditKeyRing } from './audit/audit-keys.ts';
import { DEVELOPMENT_SECRET_KEY } from './crypto/secret-box.ts';

/**
 * Configuration comes from the environment, parsed once at start. A bad or missing setting stops
 * start-up with a message naming it; nothing later reads process.env.
 */
const booleanFlag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const Environment = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('localhost'),
    /** Embedded database (PGlite) directory; used when DATABASE_URL is not set. */
    VARN_DATA_DIR: z.string().min(1).default('./data'),
    /** A real PostgreSQL server. Required in production. */
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
    /**
     * The role that owns the tables, used only to run migrations; DATABASE_URL is then the
     * application's role, which must not own them. Required in production.
     */
    VARN_MIGRATION_DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    /** Seed clearly fictional demo data into an empty database. Never in production. */
    VARN_DEMO_DATA: booleanFlag.optional(),
    /** The address users reach Värn at; in production it must be https. */
    VARN_PUBLIC_URL: z.url().optional(),
    /** Number of reverse proxies in front of Värn whose X-Forwarded-* headers are trusted. */
    VARN_TRUSTED_PROXIES: z.coerce.number().int().min(0).max(5).default(0),
    /**
     * The key that seals stored secrets (TOTP seeds): 32 random bytes in base64, e.g. from
     * `openssl rand -base64 32`. Required in production; keep it outside the database's backups.
     */
    VARN_SECRET_KEY: z
      .string()
      .refine(
        (v) => /^[A-Za-z0-9+/]+={0,2}$/.test(v) && Buffer.from(v, 'base64').length === 32,
        'must be 32 bytes in base64 (openssl rand -base64 32)',
      )
      .optional(),
    /**
     * The audit chain's key, `<id>:<32 bytes in base64>` (server/audit/audit-keys.ts). Required
     * in production; like VARN_SECRET_KEY, never in the database or its backups.
     */
    VARN_AUDIT_KEY: z.string().optional(),
    /** Earlier audit keys, comma-separated `<id>:<base64>`, so rows signed with them verify. */
    VARN_AUDIT_KEYS_PREVIOUS: z.string().optional(),
    /**
     * Where Värn keeps the signed end of the audit chain (server/audit/anchor.ts). Default: in
     * the embedded database's directory; required in production.
     */
    VARN_AUDIT_ANCHOR_FILE: z.string().min(1).optional(),
    /** A session ends after this many minutes without a request. */
    VARN_SESSION_IDLE_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(30),
    /** A session ends this many hours after login, however active. */
    VARN_SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(24).default(10),
    /** How long a nödåtkomst lasts. */
    /** How long an utredning may stay open before it shows as overdue (months). */
    /**
     * Browser tests only: a file holding a number of days to move the server's clock forward, read
     * at each tick, so a test can see what happens a month later. Refused outside NODE_ENV=test.
     */
    VARN_TEST_CLOCK_FILE: z.string().min(1).optional(),
    VARN_INVESTIGATION_MONTHS: z.coerce.number().int().min(1).max(12).default(4),
    /** The municipality this installation serves: the sender in a transfer package. */
    VARN_MUNICIPALITY: z.string().trim().min(1).max(200).default('Demokommunen'),
    /**
     * Refused requests one user may leave in the audit log per minute; beyond it they are only
     * counted (server/audit/refusals.ts), so no session can flood the audit chain.
     */
    VARN_REFUSAL_ROWS_PER_MINUTE: z.coerce.number().int().min(10).max(100_000).default(120),
    /** Calendar days after an acute beslut by which the utredning must be opened (deadlines.ts). */
    VARN_ACUTE_INVESTIGATION_DAYS: z.coerce.number().int().min(1).max(60).default(7),
    /**
     * Days between reviews of the safety plan while the person stays in skyddat boende
     * (core/domain/follow-ups.ts).
     */
    VARN_SHELTER_SAFETY_PLAN_REVIEW_DAYS: z.coerce.number().int().min(1).max(90).default(14),
    /** How often the background jobs (handovers, ended periods) look for work. */
    VARN_JOB_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
    VARN_EMERGENCY_ACCESS_MINUTES: z.coerce
      .number()
      .int()
      .min(5)
      .max(24 * 60)
      .default(60),
  })
  .superRefine((env, ctx) => {
    if (env.VARN_TEST_CLOCK_FILE !== undefined && env.NODE_ENV !== 'test') {
      ctx.addIssue({
        code: 'custom',
        path: ['VARN_TEST_CLOCK_FILE'],
        message: 'is only for browser tests (NODE_ENV=test)',
      });
    }
    if (env.VARN_MIGRATION_DATABASE_URL && !env.DATABASE_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['VARN_MIGRATION_DATABASE_URL'],
        message: 'needs DATABASE_URL (the embedded database has one role)',
      });
    }
    const audit = auditKeysOf(env);
    for (const problem of audit.problems) {
      ctx.addIssue({ code: 'custom', path: [problem.setting], message: problem.message });
    }
    if (env.NODE_ENV !== 'production') return;
    if (!env.VARN_AUDIT_KEY || audit.keys?.current.id === DEVELOPMENT_AUDIT_KEY_ID) {
      ctx.addIssue({
        code: 'custom',
        path: ['VARN_AUDIT_KEY'],
        message:
          'is required in production: <id>:<32 random bytes in base64>, e.g. 1:$(openssl rand -base64 32)',
      });
    }
    for (const [id, key] of env.VARN_AUDIT_KEY ? (audit.keys?.byId ?? []) : []) {
      const problem = key.equals(DEVELOPMENT_AUDIT_KEY)
        ? 'is the public development key'
        : env.VARN_SECRET_KEY && key.equals(Buffer.from(env.VARN_SECRET_KEY, 'base64'))
          ? 'is the same as VARN_SECRET_KEY; use a key of its own'
          : id === DEVELOPMENT_AUDIT_KEY_ID
            ? `uses the key id ${DEVELOPMENT_AUDIT_KEY_ID}, kept for development`
            : undefined;
      if (problem) {
        ctx.addIssue({
          code: 'custom',
          path: [id === audit.keys?.current.id ? 'VARN_AUDIT_KEY' : 'VARN_AUDIT_KEYS_PREVIOUS'],
          message: `${problem} (key ${id})`,
        });
      }
    }
    if (!env.VARN_AUDIT_ANCHOR_FILE) {
      ctx.addIssue({
        code: 'custom',
        path: ['VARN_AUDIT_ANCHOR_FILE'],
        message:
          'is required in production: a file outside the database host where Värn keeps the signed end of the audit chain',
      });
    }
    if (!env.VARN_MIGRATION_DATABASE_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['VARN_MIGRATION_DATABASE_URL'],
        message:
          'is required in production: the role that owns the tables runs the migrations, and DATABASE_URL is a role that does not own them',
      });
    }
    if (!env.DATABASE_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['DATABASE_URL'],
        message: 'is required in production (the embedded database is for trying Värn out)',
      });
    }
    if (!env.VARN_PUBLIC_URL?.startsWith('https://')) {
      ctx.addIssue({
        code: 'custom',
        path: ['VARN_PUBLIC_URL'],
        message: 'is required in production and must start with https://',
      });
    }
    if (
      !env.VARN_SECRET_KEY ||
      Buffer.from(env.VARN_SECRET_KEY, 'base64').equals(DEVELOPMENT_SECRET_KEY)
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['VARN_SECRET_KEY'],
        message: 'is required in production: 32 random bytes in base64 (openssl rand -base64 32)',
      });
    }
    if (env.VARN_DEMO_DATA === true) {
      ctx.addIssue({
        code: 'custom',
        path: ['VARN_DEMO_DATA'],
        message: 'must not be true in production: demo data is fictional',
      });
    }
  });

type RawEnvironment = {
  NODE_ENV: string;
  VARN_AUDIT_KEY?: string | undefined;
  VARN_AUDIT_KEYS_PREVIOUS?: string | undefined;
};

/**
 * The audit key ring from VARN_AUDIT_KEY (current) and VARN_AUDIT_KEYS_PREVIOUS. Outside
 * production the development key is always in the ring, so rows written before a key was
 * configured keep verifying; production refuses it.
 */
function auditKeysOf(env: RawEnvironment): {
  keys: AuditKeyRing | undefined;
  problems: { setting: string; message: string }[];
} {
  const problems: { setting: string; message: string }[] = [];
  let current: AuditKey | undefined;
  if (env.VARN_AUDIT_KEY !== undefined) {
    const parsed = parseAuditKey(env.VARN_AUDIT_KEY);
    if (typeof parsed === 'string') problems.push({ setting: 'VARN_AUDIT_KEY', message: parsed });
    else current = parsed;
  }
  const previous: AuditKey[] = [];
  for (const item of (env.VARN_AUDIT_KEYS_PREVIOUS ?? '').split(',')) {
    if (item.trim() === '') continue;
    const parsed = parseAuditKey(item.trim());
    if (typeof parsed === 'string') {
      problems.push({ setting: 'VARN_AUDIT_KEYS_PREVIOUS', message: `each key ${parsed}` });
    } else if (previous.some((k) => k.id === parsed.id) || parsed.id === current?.id) {
      problems.push({
        setting: 'VARN_AUDIT_KEYS_PREVIOUS',
        message: `names the key id ${parsed.id} twice; each key needs an id of its own`,
      });
    } else previous.push(parsed);
  }
  if (problems.length > 0) return { keys: undefined, problems };
  const development = developmentAuditKeys().current;
  if (env.NODE_ENV !== 'production' && current?.id !== development.id) previous.push(development);
  return { keys: current ? keyRing(current, previous) : keyRing(development, previous), problems };
}

export type DatabaseConfig =
  { engine: 'pglite'; dataDir: string } | { engine: 'postgres'; url: string; poolSize: number };

export interface AppConfig {
  env: 'development' | 'test' | 'production';
  port: number;
  host: string;
  database: DatabaseConfig;
  logLevel: z.infer<typeof Environment>['LOG_LEVEL'];
  demoData: boolean;
  publicUrl: string | undefined;
  trustedProxies: number;
  sessionIdleMs: number;
  sessionMaxMs: number;
  emergencyAccessMs: number;
  /** How often the background jobs look for work (VARN_JOB_INTERVAL_SECONDS). */
  jobIntervalMs: number;
  /** Months an utredning may stay open before it shows as overdue. */
  investigationMonths: number;
  /** The municipality this installation serves (VARN_MUNICIPALITY). */
  municipality: string;
  /** Refusal rows one user may cause per minute before they are only counted. */
  refusalRowsPerMinute: number;
  /** Days after an acute beslut before the utredning not yet opened shows as overdue. */
  acuteInvestigationDays: number;
  /** Days between reviews of the safety plan during a stay in skyddat boende. */
  safetyPlanReviewDays: number;
  /** Browser tests only (NODE_ENV=test): a file with days to move the clock forward. */
  testClockFile: string | undefined;
  /** Cookies get the Secure attribute and the __Host- prefix when served over https. */
  secureCookies: boolean;
  /** Seals stored secrets (server/crypto/secret-box.ts). Never logged. */
  secretKey: Buffer;
  /** Signs and verifies the audit chain (server/audit/audit-keys.ts). Never logged. */
  auditKeys: AuditKeyRing;
  /** The signed end of the audit chain (server/audit/anchor.ts); none on PostgreSQL outside production unless set. */
  auditAnchorFile: string | undefined;
  /** The table owner's connection, for migrations only; DATABASE_URL when not set. */
  migrationDatabaseUrl: string | undefined;
}

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

export function parseConfig(
  env: Record<string, string | undefined>,
  cwd = process.cwd(),
): AppConfig {
  const result = Environment.safeParse(env);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map(
        (issue) => `${issue.path.join('.') || '(environment)'} ${issue.message}`,
      ),
    );
  }
  const e = result.data;
  const dataDir = path.resolve(cwd, e.VARN_DATA_DIR);
  const auditKeys = auditKeysOf(e).keys;
  if (!auditKeys) throw new ConfigError(['VARN_AUDIT_KEY could not be read']);
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL
      ? { engine: 'postgres', url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE }
      : { engine: 'pglite', dataDir },
    logLevel: e.LOG_LEVEL,
    demoData: e.VARN_DEMO_DATA ?? e.NODE_ENV !== 'production',
    publicUrl: e.VARN_PUBLIC_URL,
    trustedProxies: e.VARN_TRUSTED_PROXIES,
    sessionIdleMs: e.VARN_SESSION_IDLE_MINUTES * 60_000,
    sessionMaxMs: e.VARN_SESSION_MAX_HOURS * 3_600_000,
    emergencyAccessMs: e.VARN_EMERGENCY_ACCESS_MINUTES * 60_000,
    jobIntervalMs: e.VARN_JOB_INTERVAL_SECONDS * 1000,
    investigationMonths: e.VARN_INVESTIGATION_MONTHS,
    municipality: e.VARN_MUNICIPALITY,
    refusalRowsPerMinute: e.VARN_REFUSAL_ROWS_PER_MINUTE,
    acuteInvestigationDays: e.VARN_ACUTE_INVESTIGATION_DAYS,
    safetyPlanReviewDays: e.VARN_SHELTER_SAFETY_PLAN_REVIEW_DAYS,
    testClockFile: e.VARN_TEST_CLOCK_FILE,
    secureCookies: e.VARN_PUBLIC_URL?.startsWith('https://') ?? false,
    secretKey: e.VARN_SECRET_KEY
      ? Buffer.from(e.VARN_SECRET_KEY, 'base64')
      : DEVELOPMENT_SECRET_KEY,
    auditKeys,
    auditAnchorFile: e.VARN_AUDIT_ANCHOR_FILE
      ? path.resolve(cwd, e.VARN_AUDIT_ANCHOR_FILE)
      : e.DATABASE_URL
        ? undefined
        : path.join(dataDir, 'audit-anchor.json'),
    migrationDatabaseUrl: e.VARN_MIGRATION_DATABASE_URL,
  };
}
