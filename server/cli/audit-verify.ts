/**
 * `npm run audit:verify`: checks the audit log's hash chain on the configured database
 * (DATABASE_URL, or the embedded one in VARN_DATA_DIR, which Värn must not be running on).
 * Exits 0 when intact, 1 when broken, 2 when it could not check.
 */
import { verifyAuditChain } from '../audit/audit.ts';
import { ConfigError, parseConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { DataDirLockedError, lockDataDir } from '../db/data-dir-lock.ts';
import type { DataDirLock } from '../db/data-dir-lock.ts';

async function main(): Promise<number> {
  let lock: DataDirLock | undefined;
  try {
    const config = parseConfig(process.env);
    if (config.database.engine === 'pglite') lock = lockDataDir(config.database.dataDir);
    const { db } = await openDatabase(config.database);
    try {
      const result = await verifyAuditChain(db);
      if (result.ok) {
        console.log(`Granskningsloggen är obruten: ${result.checked} rader kontrollerade.`);
        return 0;
      }
      console.error(
        `Granskningsloggen är BRUTEN vid rad ${result.firstBrokenSeq} (av ${result.checked}). En rad har ändrats, tagits bort eller lagts till utanför Värn. Spara databasen som den är och kontakta informationssäkerhetsansvarig.`,
      );
      return 1;
    } finally {
      await db.destroy();
    }
  } catch (error) {
    if (error instanceof ConfigError)
      console.error(`Ogiltig konfiguration: ${error.problems.join('; ')}`);
    else if (error instanceof DataDirLockedError)
      console.error(
        `Datakatalogen används av en körande Värn (process ${error.pid}). Stoppa den först.`,
      );
    else console.error('Kunde inte kontrollera granskningsloggen:', error);
    return 2;
  } finally {
    lock?.release();
  }
}

process.exit(await main());
