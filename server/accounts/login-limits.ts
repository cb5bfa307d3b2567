import { sql } from 'kysely';
import type { Db, Trx } from '../db/database.ts';
import { AppError } from '../errors.ts';

/**
 * How many failed login steps (password or second-factor code) count against whom, within a
 * sliding window:
 *
 * - per account and address: a tight limit, so one person (or one attacker) at one address gets
 *   only a few guesses at an account;
 * - per account over all addresses: a higher limit, which locks the account until the window has
 *   passed or someone clears it (a login reset, or an unlock by the manager of one of the user's
 *   units); from many addresses nobody gets more guesses than this;
 * - per address over all accounts: a loose guard against one address guessing across many
 *   accounts (credential stuffing), far above what an office behind one address produces.
 *
 * Accounts are counted by the username as typed (normalised), whether or not it exists, so an
 * unknown username locks exactly like a real one and the answers reveal nothing.
 */
export const LOGIN_WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES_PER_ACCOUNT_AND_IP = 5;
export const MAX_FAILURES_PER_ACCOUNT = 20;
export const MAX_FAILURES_PER_IP = 100;

/** Advisory-lock classes (the two-key form, its own key space) for the attempt counters. */
const ACCOUNT_LOCK_CLASS = 74_021;
const IP_LOCK_CLASS = 74_022;

export interface Reservation {
  attemptId: number;
  /** The lock this attempt completes if it fails: everywhere, or at this address. */
  lockedIfFailed: 'account' | 'account_and_address' | null;
}

/**
 * Counts a login step before its password or code is checked. Under a transaction-scoped lock
 * per account and then per address (always in that order, so two reservations cannot deadlock)
 * it counts the failures that still hold and, if every limit leaves room, records this attempt as
 * failed. The caller checks the password or code only after this has committed and marks the
 * attempt succeeded if it was right; so however many requests arrive at once, at most the limit
 * of them are ever checked. Refuses with ACCOUNT_LOCKED or RATE_LIMITED otherwise.
 */
export async function reserveAttempt(
  db: Db,
  input: { username: string; ip: string; now: Date },
): Promise<Reservation> {
  const { username, ip, now } = input;
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS);
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${ACCOUNT_LOCK_CLASS}::int, hashtext(${username}))`.execute(
      trx,
    );
    await sql`select pg_advisory_xact_lock(${IP_LOCK_CLASS}::int, hashtext(${ip}))`.execute(trx);
    const counts = await trx
      .selectFrom('login_attempt')
      .select([
        sql<number>`count(*) filter (where username = ${username} and ip = ${ip})::int`.as(
          'byAccountAndIp',
        ),
        sql<number>`count(*) filter (where username = ${username})::int`.as('byAccount'),
        sql<number>`count(*) filter (where ip = ${ip})::int`.as('byIp'),
      ])
      .where('succeeded', '=', false)
      .where('cleared_at', 'is', null)
      .where('at', '>', since)
      .where((eb) => eb.or([eb('username', '=', username), eb('ip', '=', ip)]))
      .executeTakeFirstOrThrow();
    if (
      counts.byAccountAndIp >= MAX_FAILURES_PER_ACCOUNT_AND_IP ||
      counts.byAccount >= MAX_FAILURES_PER_ACCOUNT
    ) {
      throw new AppError('ACCOUNT_LOCKED');
    }
    if (counts.byIp >= MAX_FAILURES_PER_IP) throw new AppError('RATE_LIMITED');
    const row = await trx
      .insertInto('login_attempt')
      .values({ username, ip, succeeded: false, at: now, cleared_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    // If this attempt fails, does it lock the account (for the audit row)?
    const locks =
      counts.byAccount + 1 >= MAX_FAILURES_PER_ACCOUNT
        ? 'account'
        : counts.byAccountAndIp + 1 >= MAX_FAILURES_PER_ACCOUNT_AND_IP
          ? 'account_and_address'
          : null;
    return { attemptId: row.id, lockedIfFailed: locks };
  });
}

/** The password or code was right: the attempt no longer counts as a failure. */
export async function markAttemptSucceeded(trx: Trx, attemptId: number) {
  await trx
    .updateTable('login_attempt')
    .set({ succeeded: true })
    .where('id', '=', attemptId)
    .execute();
}

/**
 * Lifts a lock: every failure of the user's account stops counting (kept, marked cleared). Done by
 * a login reset and by an unlock; the caller audits it in the same transaction.
 */
export async function clearFailures(trx: Trx, userId: string, now: Date): Promise<number> {
  const result = await trx
    .updateTable('login_attempt')
    .set({ cleared_at: now })
    .where('username', '=', (eb) =>
      eb.selectFrom('app_user').select('username').where('id', '=', userId),
    )
    .where('succeeded', '=', false)
    .where('cleared_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
