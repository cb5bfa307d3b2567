/**
 * Starts Värn: configuration → database (embedded or PostgreSQL) → migrations → demo data →
 * web client → HTTP. Every foreseeable failure ends in one line that says what is wrong and how to
 * fix it, and a non-zero exit; nothing is left half-done.
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildApp } from './app.ts';
import { AuditAnchorWriter } from './audit/anchor.ts';
import type { AnchorProblem } from './audit/anchor.ts';
import { auditKeys, useAuditKeys } from './audit/audit-keys.ts';
import { ConfigError, parseConfig } from './config.ts';
import type { AppConfig } from './config.ts';
import {
  findUnsafeDatabaseRole,
  findUnsafeDurabilitySettings,
  openDatabase,
  openPostgres,
  revokeAuditRewrites,
} from './db/database.ts';
import type { OpenDatabase } from './db/database.ts';
import { DataDirLockedError, DataDirUnwritableError, lockDataDir } from './db/data-dir-lock.ts';
import type { DataDirLock } from './db/data-dir-lock.ts';
import { MigrationError, migrateToLatest } from './db/migrate.ts';
import { createLogger } from './logger.ts';
import { prepareStoredSecrets } from './accounts/stored-secrets.ts';
import { loadExampleInstruments } from './features/risk/instruments.service.ts';
import { offsetClock } from './test-clock.ts';
import { runHandovers } from './jobs/handover.ts';
import { runPeriodEnds } from './jobs/period-ends.ts';
import { startJob } from './jobs/schedule.ts';
import { demoLogins, seedDemoData } from './seed/demo.ts';
import { buildWebIfNeeded, webRoot } from './web-build.ts';

const projectRoot = path.resolve(import.meta.dirname, '..');

class StartupError extends Error {}

function fail(message: string): never {
  throw new StartupError(message);
}

function describeDatabaseError(
  error: unknown,
  config: AppConfig,
  setting = 'DATABASE_URL',
): string {
  const code = (error as { code?: string }).code;
  if (config.database.engine === 'postgres') {
    if (
      code === 'ECONNREFUSED' ||
      code === 'ENOTFOUND' ||
      code === 'ETIMEDOUT' ||
      code === 'EAI_AGAIN'
    ) {
      return `PostgreSQL svarar inte på adressen i ${setting}. Kontrollera att servern är igång och att värd och port stämmer.`;
    }
    if (code === '28P01' || code === '28000') {
      return `PostgreSQL nekade inloggningen. Kontrollera användare och lösenord i ${setting}.`;
    }
    if (code === '3D000') {
      return `Databasen i ${setting} finns inte. Skapa den (createdb) eller rätta namnet.`;
    }
    return `Kunde inte ansluta till PostgreSQL (${code ?? 'okänt fel'}). Kontrollera ${setting}.`;
  }
  return `Den inbyggda databasen i ${config.database.dataDir} kunde inte öppnas (${code ?? 'okänt fel'}). Om katalogen är skadad: återställ från säkerhetskopia.`;
}

async function start() {
  let config: AppConfig;
  try {
    config = parseConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      fail(
        `Ogiltig konfiguration: ${error.problems.join('; ')}. Rätta miljövariablerna och starta igen.`,
      );
    }
    throw error;
  }

  const logger = createLogger(config.logLevel);
  // Every audit row from here on is signed with the configured key.
  useAuditKeys(config.auditKeys);
  let lock: DataDirLock | undefined;
  let database: OpenDatabase | undefined;
  let anchor: AuditAnchorWriter | undefined;
  const cleanup = async () => {
    await anchor?.close();
    await database?.db.destroy().catch(() => undefined);
    lock?.release();
  };

  try {
    if (config.database.engine === 'pglite') {
      try {
        lock = lockDataDir(config.database.dataDir);
      } catch (error) {
        if (error instanceof DataDirLockedError) {
          fail(
            `Datakatalogen ${config.database.dataDir} används redan av en annan Värn (process ${error.pid}). Stoppa den först, eller välj en annan katalog med VARN_DATA_DIR.`,
          );
        }
        if (error instanceof DataDirUnwritableError) {
          fail(
            `Datakatalogen ${config.database.dataDir} går inte att skriva till. Ge användaren skrivrätt eller välj en annan katalog med VARN_DATA_DIR.`,
          );
        }
        throw error;
      }
    }

    try {
      database = await openDatabase(config.database);
      if (config.database.engine === 'postgres') {
        const unsafe = await findUnsafeDurabilitySettings(database.db);
        if (unsafe.length > 0) {
          fail(
            `PostgreSQL är inställd så att sparade uppgifter kan gå förlorade vid ett avbrott (${unsafe.join(', ')} = off). Slå på inställningarna i postgresql.conf och starta om databasen.`,
          );
        }
      }
    } catch (error) {
      if (error instanceof StartupError) throw error;
      fail(describeDatabaseError(error, config));
    }

    // Migrations run as the tables' owner when one is configured (production requires it), so
    // the role that serves requests needs no right to alter or rewrite them.
    const migrator = config.migrationDatabaseUrl
      ? openPostgres(config.migrationDatabaseUrl, 1)
      : undefined;
    try {
      await migrateToLatest((migrator ?? database).db);
      // Default privileges may have given the serving role every right on new tables; on the
      // audit log it keeps only SELECT and INSERT.
      if (migrator) await revokeAuditRewrites(migrator.db, database.db);
    } catch (error) {
      if (error instanceof MigrationError) {
        logger.error({ err: error.cause }, 'migration failed');
        fail(
          `Databasmigreringen ${error.migration ?? ''} misslyckades och ingenting ändrades. Se loggen ovan och kontakta den som driftar Värn.`,
        );
      }
      if (migrator) fail(describeDatabaseError(error, config, 'VARN_MIGRATION_DATABASE_URL'));
      throw error;
    } finally {
      await migrator?.db.destroy().catch(() => undefined);
    }

    if (config.env === 'production' && config.database.engine === 'postgres') {
      const unsafe = await findUnsafeDatabaseRole(database.db);
      if (unsafe.length > 0) {
        fail(
          `Värn ska inte köras som en databasroll som kan ändra eller tömma granskningsloggen (${unsafe.join('; ')}). Låt DATABASE_URL använda en roll som inte äger tabellerna och bara får läsa och lägga till i audit_event, och VARN_MIGRATION_DATABASE_URL ägarrollen. Se docs/OPERATIONS.md.`,
        );
      }
    }

    const secrets = await prepareStoredSecrets(database.db, config.secretKey);
    if (!secrets.keyOpensStored) {
      fail(
        'VARN_SECRET_KEY öppnar inte de lagrade nycklarna för tvåstegsinloggning. Har nyckeln bytts? Starta med den nyckel som användes tidigare.',
      );
    }
    if (secrets.sealed > 0) {
      logger.info({ sealed: secrets.sealed }, 'sealed stored TOTP seeds under VARN_SECRET_KEY');
    }

    // The example risk instruments, labelled as examples, so a new installation can assess at once.
    await loadExampleInstruments(database.db);
    const seeded = config.demoData ? await seedDemoData(database.db) : false;

    if (config.auditAnchorFile) {
      const file = config.auditAnchorFile;
      anchor = new AuditAnchorWriter({
        db: database.db,
        file,
        keys: auditKeys,
        onProblem: (problem) => {
          if (problem instanceof Error) {
            logger.error({ err: problem, file }, 'could not write the audit anchor');
          } else {
            logger.error(
              { problem, file },
              'the audit chain no longer holds the anchored row; anchoring stopped, run npm run audit:verify',
            );
          }
        },
      });
      let problem: AnchorProblem | undefined;
      try {
        problem = await anchor.start();
      } catch (error) {
        anchor = undefined;
        logger.error({ err: error }, 'could not write the audit anchor');
        fail(
          `Förankringsfilen för granskningsloggen (${file}) kunde inte skrivas. Kontrollera katalogen och rättigheterna, eller välj en annan fil med VARN_AUDIT_ANCHOR_FILE.`,
        );
      }
      if (problem) {
        anchor = undefined;
        fail(
          problem === 'invalid'
            ? `Förankringsfilen för granskningsloggen (${file}) går inte att verifiera med de konfigurerade nycklarna (VARN_AUDIT_KEY, VARN_AUDIT_KEYS_PREVIOUS). Har nyckeln bytts utan att den gamla lades i VARN_AUDIT_KEYS_PREVIOUS? Kör npm run audit:verify.`
            : `Granskningsloggen i databasen slutar inte med raden som förankringsfilen (${file}) pekar ut: rader kan ha tagits bort eller ändrats. Kör npm run audit:verify, spara databasen och filen som de är och kontakta informationssäkerhetsansvarig.`,
        );
      }
    }

    // `npm start` builds the web client when its sources changed; production expects a build
    // made at deploy; tests serve whatever build exists and never write one concurrently.
    const root = webRoot(projectRoot);
    if (config.env === 'development') {
      await buildWebIfNeeded(projectRoot, (line) => {
        console.log(line);
      });
    } else if (config.env === 'production' && !fs.existsSync(path.join(root, 'index.html'))) {
      fail('Webbgränssnittet är inte byggt. Kör "npm run build" innan Värn startas i produktion.');
    }

    const version = (
      JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as {
        version: string;
      }
    ).version;
    const clock = config.testClockFile ? offsetClock(config.testClockFile) : () => new Date();
    const app = await buildApp({
      config,
      db: database.db,
      engine: database.engine,
      logger,
      webRoot: root,
      version,
      clock,
    });

    // Audit rows are written by requests: after each, the anchor follows (at most once a second).
    const writer = anchor;
    if (writer) {
      app.addHook('onResponse', (_request, _reply, done) => {
        writer.poke();
        done();
      });
    }

    // The background jobs, every VARN_JOB_INTERVAL_SECONDS: socialjour's handovers move to the
    // day units on their working day; an insats whose granted period ran out raises its safety
    // signals. What they write is audited, so the anchor follows.
    const jobDeps = { db: database.db, config, clock };
    const jobs = (
      [
        ['handover', () => runHandovers(jobDeps, clock)],
        ['period-end', () => runPeriodEnds(jobDeps, clock)],
      ] as const
    ).map(([job, run]) =>
      startJob(run, {
        everyMs: config.jobIntervalMs,
        onError: (error) => {
          logger.error({ err: error, job }, 'a job failed; it runs again at its next tick');
        },
        onDone: (done) => {
          if (done.length > 0) writer?.poke();
        },
      }),
    );
    app.addHook('onClose', async () => {
      await Promise.all(jobs.map((j) => j.stop()));
    });

    try {
      await app.listen({ port: config.port, host: config.host });
    } catch (error) {
      const code = (error as { code?: string }).code;
      await app.close();
      if (code === 'EADDRINUSE') {
        fail(
          `Port ${config.port} används redan av ett annat program. Stoppa det, eller välj en annan port med PORT=${config.port + 1}.`,
        );
      }
      if (code === 'EACCES') {
        fail(`Värn får inte lyssna på port ${config.port}. Välj en port över 1024 med PORT.`);
      }
      throw error;
    }

    const url = `http://${config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host}:${config.port}`;
    console.log(`\nVärn körs på ${config.publicUrl ?? url}`);
    console.log(
      config.database.engine === 'pglite'
        ? `Databas: inbyggd (PGlite) i ${config.database.dataDir}`
        : 'Databas: PostgreSQL (DATABASE_URL)',
    );
    if (config.demoData && demoLogins.length > 0) {
      console.log(
        `Demodata${seeded ? ' skapad' : ''}: allt är påhittat. Inloggningar (i demon utan engångskod):`,
      );
      const width = Math.max(...demoLogins.map((l) => l.role.length)) + 2;
      for (const login of demoLogins) {
        console.log(`  ${login.role.padEnd(width)}${login.username} / ${login.password}`);
      }
    }

    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, 'shutting down');
      // Stop taking requests, let the ones in flight finish, then close the database.
      void app
        .close()
        .then(cleanup)
        .then(() => process.exit(0))
        .catch((error: unknown) => {
          logger.error({ err: error }, 'shutdown failed');
          process.exit(1);
        });
    };
    process.on('SIGTERM', () => {
      stop('SIGTERM');
    });
    process.on('SIGINT', () => {
      stop('SIGINT');
    });
  } catch (error) {
    await cleanup();
    throw error;
  }
}

start().catch((error: unknown) => {
  if (error instanceof StartupError) {
    console.error(`Värn kunde inte starta: ${error.message}`);
  } else {
    console.error('Värn kunde inte starta på grund av ett oväntat fel:', error);
  }
  process.exit(1);
});
