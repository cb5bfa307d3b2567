import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';
import type { AppDeps } from '../app.ts';
import { parseConfig } from '../config.ts';
import { createLogger } from '../logger.ts';
import { loadExampleInstruments } from '../features/risk/instruments.service.ts';
import { createTestDatabase } from './test-db.ts';
import type { TestDatabase } from './test-db.ts';

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  /** Every log line the app wrote, for tests that prove what never reaches a log. */
  logLines: string[];
  close(): Promise<void>;
}

/** The whole application on a fresh database, logging at debug level into memory. */
export async function createTestApp(
  overrides: Partial<Pick<AppDeps, 'webRoot' | 'config' | 'clock'>> = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  await loadExampleInstruments(database.db);
  const logLines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(chunk.toString('utf8'));
      done();
    },
  });
  const config = overrides.config ?? parseConfig({ NODE_ENV: 'test', VARN_DEMO_DATA: 'false' });
  const app = await buildApp({
    config,
    db: database.db,
    engine: database.engine,
    logger: createLogger('debug', sink),
    webRoot: overrides.webRoot,
    clock: overrides.clock,
  });
  return {
    app,
    database,
    logLines,
    close: async () => {
      await app.close();
      await database.destroy();
    },
  };
}
