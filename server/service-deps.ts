import type { AppConfig } from './config.ts';
import type { Db } from './db/database.ts';

/** What every feature's services are built with: the one database handle, the configuration and the clock. */
export interface ServiceDeps {
  db: Db;
  config: AppConfig;
  /** The time, injectable so tests can move it (session expiry, deadlines). */
  clock: () => Date;
}
