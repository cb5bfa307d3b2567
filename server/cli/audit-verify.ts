/**
 * `npm run audit:verify`: checks the audit log on the configured database (DATABASE_URL, or the
 * embedded one in VARN_DATA_DIR, which Värn must not be running on): every row's keyed hash
 * with the audit keys (VARN_AUDIT_KEY, VARN_AUDIT_KEYS_PREVIOUS), every link, and the chain's
 * end against the anchor file (VARN_AUDIT_ANCHOR_FILE, or `--anchor=<file>`, e.g. a copy kept
 * on write-once storage).
 * Exits 0 when intact, 1 when broken, 2 when it could not check (the anchor file included).
 */
import { verifyAuditChain } from '../audit/audit.ts';
import type { ChainBreakKind, ChainVerification } from '../audit/audit.ts';
import { useAuditKeys } from '../audit/audit-keys.ts';
import { ConfigError, parseConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { DataDirLockedError, lockDataDir } from '../db/data-dir-lock.ts';
import type { DataDirLock } from '../db/data-dir-lock.ts';

const whatBroke: Record<ChainBreakKind, string> = {
  content: 'radens innehåll stämmer inte med dess kontrollsumma (raden har ändrats)',
  link: 'raden pekar inte på raden före (en rad före den har tagits bort eller lagts till)',
  'unknown-key':
    'raden är signerad med en nyckel som inte är konfigurerad (saknas en gammal nyckel i VARN_AUDIT_KEYS_PREVIOUS?)',
  'legacy-after-keyed':
    'raden påstår sig vara från före nycklade kontrollsummor men ligger efter nycklade rader',
  'tail-truncated':
    'loggen slutar före raden som förankringsfilen pekar ut (de sista raderna har tagits bort)',
  'anchor-mismatch': 'raden på förankrad plats är inte den som förankrades',
  'anchor-invalid':
    'förankringsfilen går inte att verifiera med de konfigurerade nycklarna (den har ändrats eller är skriven med en annan nyckel)',
};

function report(result: ChainVerification): number {
  const legacy =
    result.legacyRows > 0
      ? ` Varav ${result.legacyRows} rader från före nycklade kontrollsummor (SHA-256).`
      : '';
  if (!result.ok) {
    const where = result.firstBrokenSeq === undefined ? '' : ` vid rad ${result.firstBrokenSeq}`;
    console.error(
      `Granskningsloggen är BRUTEN${where} (${result.checked} rader kontrollerade): ${whatBroke[result.breakKind ?? 'content']}. Spara databasen och förankringsfilen som de är och kontakta informationssäkerhetsansvarig.`,
    );
    return 1;
  }
  const anchor = result.anchor;
  if (anchor.state === 'missing') {
    console.error(
      `Raderna i granskningsloggen är obrutna (${result.checked} rader kontrollerade), men förankringsfilen ${anchor.file} saknas, så det går inte att se om de sista raderna har tagits bort.${legacy}`,
    );
    return 2;
  }
  console.log(`Granskningsloggen är obruten: ${result.checked} rader kontrollerade.${legacy}`);
  if (anchor.state === 'checked') {
    console.log(
      `Slutet stämmer med förankringen (rad ${anchor.seq}, skriven ${anchor.writtenAt}); rader efter den tiden täcks inte av den.`,
    );
  } else {
    console.log(
      'Ingen förankringsfil är konfigurerad (VARN_AUDIT_ANCHOR_FILE): att de sista raderna tagits bort går inte att upptäcka.',
    );
  }
  return 0;
}

async function main(): Promise<number> {
  let lock: DataDirLock | undefined;
  try {
    const config = parseConfig(process.env);
    useAuditKeys(config.auditKeys);
    const anchorArgument = process.argv.find((a) => a.startsWith('--anchor='));
    const anchorFile = anchorArgument?.slice('--anchor='.length) ?? config.auditAnchorFile;
    if (config.database.engine === 'pglite') lock = lockDataDir(config.database.dataDir);
    const { db } = await openDatabase(config.database);
    try {
      return report(await verifyAuditChain(db, { keys: config.auditKeys, anchorFile }));
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
