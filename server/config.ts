import path from 'node:path';
import { z } from 'zod';
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
    if (env.NODE_ENV !== 'production') return;
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
  /** Months an utredning may stay open before it shows as overdue. */
  investigationMonths: number;
  /** Browser tests only (NODE_ENV=test): a file with days to move the clock forward. */
  testClockFile: string | undefined;
  /** Cookies get the Secure attribute and the __Host- prefix when served over https. */
  secureCookies: boolean;
  /** Seals stored secrets (server/crypto/secret-box.ts). Never logged. */
  secretKey: Buffer;
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
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL
      ? { engine: 'postgres', url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE }
      : { engine: 'pglite', dataDir: path.resolve(cwd, e.VARN_DATA_DIR) },
    logLevel: e.LOG_LEVEL,
    demoData: e.VARN_DEMO_DATA ?? e.NODE_ENV !== 'production',
    publicUrl: e.VARN_PUBLIC_URL,
    trustedProxies: e.VARN_TRUSTED_PROXIES,
    sessionIdleMs: e.VARN_SESSION_IDLE_MINUTES * 60_000,
    sessionMaxMs: e.VARN_SESSION_MAX_HOURS * 3_600_000,
    emergencyAccessMs: e.VARN_EMERGENCY_ACCESS_MINUTES * 60_000,
    investigationMonths: e.VARN_INVESTIGATION_MONTHS,
    testClockFile: e.VARN_TEST_CLOCK_FILE,
    secureCookies: e.VARN_PUBLIC_URL?.startsWith('https://') ?? false,
    secretKey: e.VARN_SECRET_KEY
      ? Buffer.from(e.VARN_SECRET_KEY, 'base64')
      : DEVELOPMENT_SECRET_KEY,
  };
}
