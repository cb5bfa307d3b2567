import { sql } from 'kysely';
import { isSealed, openSecret, sealSecret, totpContext } from '../crypto/secret-box.ts';
import type { Db } from '../db/database.ts';

/**
 * Run at start, after the migrations:
 * - seals any TOTP seed still stored in plain text (from before seeds were sealed), in one
 *   transaction; a half-finished enrolment's plain seed is dropped, and a new one is shown;
 * - checks that the configured key opens the stored seeds. A changed or mistyped
 *   VARN_SECRET_KEY would otherwise lock every user out at the second factor, one by one.
 */
export async function prepareStoredSecrets(
  db: Db,
  key: Buffer,
): Promise<{ sealed: number; keyOpensStored: boolean }> {
  const sealed = await db.transaction().execute(async (trx) => {
    const plain = await trx
      .selectFrom('app_user')
      .select(['id', 'totp_secret'])
      .where('totp_secret', 'is not', null)
      .where(sql<boolean>`totp_secret not like 'v1.%'`)
      .forUpdate()
      .execute();
    for (const row of plain) {
      if (!row.totp_secret) continue;
      await trx
        .updateTable('app_user')
        .set({ totp_secret: sealSecret(key, row.totp_secret, totpContext(row.id)) })
        .where('id', '=', row.id)
        .execute();
    }
    await trx
      .updateTable('session')
      .set({ pending_totp_secret: null })
      .where('pending_totp_secret', 'is not', null)
      .where(sql<boolean>`pending_totp_secret not like 'v1.%'`)
      .execute();
    return plain.length;
  });

  const sample = await db
    .selectFrom('app_user')
    .select(['id', 'totp_secret'])
    .where('totp_secret', 'is not', null)
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  let keyOpensStored = true;
  if (sample?.totp_secret && isSealed(sample.totp_secret)) {
    try {
      openSecret(key, sample.totp_secret, totpContext(sample.id));
    } catch {
      keyOpensStored = false;
    }
  }
  return { sealed, keyOpensStored };
}
