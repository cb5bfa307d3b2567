import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { AuditEvent } from '../../core/audit/events.ts';
import type { Db, Trx } from '../db/database.ts';
import { noteAudited } from '../db/request-transaction.ts';
import { anchorVerifies, readAnchor } from './anchor.ts';
import type { Anchor } from './anchor.ts';
import { LEGACY_KEY_ID, auditKeys, hmacHex, sameDigest } from './audit-keys.ts';
import type { AuditKeyRing } from './audit-keys.ts';

/** Who acted, in which role and unit, and which request it was. */
export interface AuditContext {
  actorUserId: string | null;
  role: string | null;
  unitId: string | null;
  correlationId: string;
}

/** The advisory lock that gives the chain one order; the insert trigger takes it too. */
const CHAIN_LOCK = 74011;

/** What a row's keyed hash covers: every column but the hash itself. */
export interface ChainedContent {
  seq: number;
  occurredAt: Date;
  keyId: string;
  prevHash: string;
  actorUserId: string | null;
  actorRole: string | null;
  actorUnitId: string | null;
  action: string;
  personIds: readonly string[];
  caseIds: readonly string[];
  purpose: string | null;
  correlationId: string;
  details: unknown;
  involvesProtected: boolean;
  emergency: boolean;
}

/**
 * JSON with object keys sorted by code unit and no white space: one text for one value,
 * whatever order a driver or jsonb gives the keys back in. Values come from JSON.parse (or a
 * driver's), so there is no undefined, function or non-finite number to meet.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const object = value as Record<string, unknown>;
  return `{${Object.keys(object)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson(object[key])}`)
    .join(',')}}`;
}

/** The text the HMAC is computed over. The first element separates it from any other MAC. */
export function chainedText(row: ChainedContent): string {
  return canonicalJson([
    'varn-audit-row/1',
    row.keyId,
    row.prevHash,
    String(row.seq),
    row.occurredAt.toISOString(),
    row.actorUserId,
    row.actorRole,
    row.actorUnitId,
    row.action,
    row.personIds,
    row.caseIds,
    row.purpose,
    row.correlationId,
    row.details,
    row.involvesProtected,
    row.emergency,
  ]);
}

/**
 * A uuid as PostgreSQL gives it back (lower case, hyphenated), so the hash computed before the
 * insert matches the row read back. Anything else is left for the database to refuse.
 */
function storedUuid(value: string): string {
  const hex = value.replace(/[{}-]/g, '').toLowerCase();
  if (!/^[0-9a-f]{32}$/.test(hex)) return value;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const uuidOrNull = (value: string | null) => (value === null ? null : storedUuid(value));
// Text goes to the database as UTF-8, which turns a lone surrogate into U+FFFD; hash that.
const storedText = (value: string) => value.toWellFormed();
const textOrNull = (value: string | null | undefined) =>
  value === null || value === undefined ? null : storedText(value);

/**
 * Whether a row names a person with skyddade personuppgifter, directly or through a case: read
 * in the operation's own transaction, so it sees what the operation wrote. One place decides it,
 * so no caller can forget it or set it by hand.
 */
async function involvesProtected(trx: Trx, event: AuditEvent): Promise<boolean> {
  if (event.protectionBefore?.some((level) => level !== 'none')) return true;
  const personIds = [...new Set(event.personIds ?? [])];
  const caseIds = [...new Set(event.caseIds ?? [])];
  if (personIds.length === 0 && caseIds.length === 0) return false;
  // Two lookups by primary key. One `where id = any(…) or id in (subquery)` cannot use the index
  // and read the whole person table on every audited request (80 ms at 600 000 persons).
  const result = await sql<{ protected: boolean }>`
    select exists (
        select 1 from person p
        where p.id = any(${personIds}::uuid[]) and p.protection_level <> 'none')
      or exists (
        select 1 from "case" c join person p on p.id = c.person_id
        where c.id = any(${caseIds}::uuid[]) and p.protection_level <> 'none') as protected`.execute(
    trx,
  );
  return result.rows[0]?.protected === true;
}

/**
 * Writes one audit row. It takes a transaction, never a plain connection, so the compiler
 * guarantees the row commits or rolls back with the operation it records.
 *
 * Under the chain lock (held until the transaction ends) it takes the next position and the
 * previous row's hash, and signs the row with the current audit key: HMAC-SHA-256 over
 * {@link chainedText}. The database only checks that the row extends the chain; it cannot make
 * the hash, because it never has the key.
 */
export async function recordAudit(trx: Trx, ctx: AuditContext, event: AuditEvent): Promise<void> {
  // Before the lock: the lock is held until commit, so nothing waits on this lookup.
  const flagged = await involvesProtected(trx, event);
  const { current } = auditKeys();
  await sql`select pg_advisory_xact_lock(${sql.lit(CHAIN_LOCK)})`.execute(trx);
  // A statement after the lock, so its snapshot holds every row committed before the lock.
  const position = await sql<{ seq: number; prev: string | null }>`
    select nextval('audit_event_seq') as seq,
           (select hash from audit_event order by seq desc limit 1) as prev`.execute(trx);
  const head = position.rows[0];
  if (!head) throw new Error('audit_event_seq returned nothing');

  const content: ChainedContent = {
    seq: head.seq,
    occurredAt: new Date(),
    keyId: current.id,
    prevHash: head.prev ?? 'genesis',
    actorUserId: uuidOrNull(ctx.actorUserId),
    actorRole: textOrNull(ctx.role),
    actorUnitId: uuidOrNull(ctx.unitId),
    action: storedText(event.action),
    personIds: [...new Set((event.personIds ?? []).map(storedUuid))],
    caseIds: [...new Set((event.caseIds ?? []).map(storedUuid))],
    purpose: textOrNull(event.purpose),
    correlationId: storedText(ctx.correlationId),
    // What jsonb will hold: undefined dropped, dates as strings.
    details: JSON.parse(JSON.stringify(event.details ?? {})) as unknown,
    involvesProtected: flagged,
    emergency: event.emergency ?? false,
  };
  await trx
    .insertInto('audit_event')
    .values({
      seq: content.seq,
      occurred_at: content.occurredAt,
      key_id: content.keyId,
      prev_hash: content.prevHash,
      hash: hmacHex(current.key, chainedText(content)),
      actor_user_id: content.actorUserId,
      actor_role: content.actorRole,
      actor_unit_id: content.actorUnitId,
      correlation_id: content.correlationId,
      action: content.action,
      person_ids: [...content.personIds],
      case_ids: [...content.caseIds],
      purpose: content.purpose,
      involves_protected: content.involvesProtected,
      emergency: content.emergency,
      details: canonicalJson(content.details),
    })
    .execute();
  noteAudited(content.personIds, content.caseIds);
}

/** How the chain is broken at the first broken row. */
export type ChainBreakKind =
  /** The row's content does not give its hash: edited, or re-hashed without the key. */
  | 'content'
  /** The row does not link to the row before it: a row was deleted or inserted before it. */
  | 'link'
  /** The row was signed with a key that is not configured (removed, or never Värn's). */
  | 'unknown-key'
  /** A row claims the legacy unkeyed digest after keyed rows began: a downgrade. */
  | 'legacy-after-keyed'
  /** The chain ends before the row the anchor names: its tail was deleted. */
  | 'tail-truncated'
  /** The row at the anchored position is not the one anchored. */
  | 'anchor-mismatch'
  /** The anchor file does not verify under any configured key. */
  | 'anchor-invalid';

export type AnchorState =
  | { state: 'not-configured' }
  | { state: 'missing'; file: string }
  | { state: 'invalid'; file: string }
  | { state: 'checked'; file: string; seq: number; writtenAt: string };

export interface ChainVerification {
  ok: boolean;
  checked: number;
  /** The first row whose content or link does not match, if any. */
  firstBrokenSeq: number | undefined;
  /** What is wrong at firstBrokenSeq (or with the anchor). */
  breakKind: ChainBreakKind | undefined;
  /** The last row in the database. */
  lastSeq: number | undefined;
  /** Rows chained by the old unkeyed SHA-256 trigger, before migration 010. */
  legacyRows: number;
  anchor: AnchorState;
}

export interface VerifyOptions {
  /** The keys to verify with; the configured ones by default. */
  keys?: AuditKeyRing;
  /** The anchor file to hold the chain's end against; without it the tail is not checked. */
  anchorFile?: string | undefined;
}

const BATCH = 2_000;

/**
 * Checks every row's hash and every link, then the chain's end against the anchor.
 *
 * Keyed rows are recomputed here with the key, never by the database. Legacy rows (key id
 * `sha256`) are recomputed from the database's own JSON text with Node's SHA-256, as the old
 * trigger made them, by built-in functions only (a function in the schema could be replaced by
 * the owner); they are only as strong as before, except that the first keyed row's signed link
 * fixes the last legacy hash and so, through the chain, every legacy row before it.
 */
export async function verifyAuditChain(
  db: Db,
  options: VerifyOptions = {},
): Promise<ChainVerification> {
  const keys = options.keys ?? auditKeys();
  let checked = 0;
  let legacyRows = 0;
  let previous: { seq: number; hash: string } | undefined;
  let seenKeyed = false;
  let broken: { seq: number; kind: ChainBreakKind } | undefined;
  const hashAt = new Map<number, string>();

  const anchorRead = options.anchorFile === undefined ? undefined : readAnchor(options.anchorFile);
  const anchor: Anchor | undefined = anchorRead?.state === 'found' ? anchorRead.anchor : undefined;

  for (;;) {
    const rows = await db
      .selectFrom('audit_event as a')
      .select([
        'a.seq',
        'a.occurred_at',
        'a.key_id',
        'a.prev_hash',
        'a.hash',
        'a.actor_user_id',
        'a.actor_role',
        'a.actor_unit_id',
        'a.action',
        'a.person_ids',
        'a.case_ids',
        'a.purpose',
        'a.correlation_id',
        'a.details',
        'a.involves_protected',
        'a.emergency',
        sql<string | null>`case when a.key_id = ${LEGACY_KEY_ID} then pg_catalog.jsonb_build_array(
            a.prev_hash, a.seq::text,
            pg_catalog.to_char(a.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
            a.actor_user_id, a.actor_role, a.actor_unit_id, a.action,
            pg_catalog.to_jsonb(a.person_ids), pg_catalog.to_jsonb(a.case_ids), a.purpose,
            a.correlation_id, a.details, a.involves_protected, a.emergency
          )::text end`.as('legacy_text'),
      ])
      .where('a.seq', '>', previous?.seq ?? Number.MIN_SAFE_INTEGER)
      .orderBy('a.seq')
      .limit(BATCH)
      .execute();

    for (const row of rows) {
      checked++;
      const breakHere = (kind: ChainBreakKind) => {
        broken ??= { seq: row.seq, kind };
      };
      if (row.prev_hash !== (previous?.hash ?? 'genesis')) breakHere('link');
      if (row.key_id === LEGACY_KEY_ID) {
        legacyRows++;
        if (seenKeyed) breakHere('legacy-after-keyed');
        const recomputed = createHash('sha256')
          .update(row.legacy_text ?? '', 'utf8')
          .digest('hex');
        if (!sameDigest(recomputed, row.hash)) breakHere('content');
      } else {
        seenKeyed = true;
        const key = keys.byId.get(row.key_id);
        if (!key) breakHere('unknown-key');
        else {
          const recomputed = hmacHex(
            key,
            chainedText({
              seq: row.seq,
              occurredAt: row.occurred_at,
              keyId: row.key_id,
              prevHash: row.prev_hash,
              actorUserId: row.actor_user_id,
              actorRole: row.actor_role,
              actorUnitId: row.actor_unit_id,
              action: row.action,
              personIds: row.person_ids,
              caseIds: row.case_ids,
              purpose: row.purpose,
              correlationId: row.correlation_id,
              details: row.details,
              involvesProtected: row.involves_protected,
              emergency: row.emergency,
            }),
          );
          if (!sameDigest(recomputed, row.hash)) breakHere('content');
        }
      }
      if (anchor && row.seq === anchor.seq) hashAt.set(row.seq, row.hash);
      previous = { seq: row.seq, hash: row.hash };
    }
    if (rows.length < BATCH) break;
  }

  let anchorState: AnchorState = { state: 'not-configured' };
  let anchorBreak: { seq: number | undefined; kind: ChainBreakKind } | undefined;
  if (options.anchorFile !== undefined && anchorRead) {
    const file = options.anchorFile;
    if (anchorRead.state === 'missing') anchorState = { state: 'missing', file };
    else if (anchorRead.state === 'invalid' || !anchorVerifies(anchorRead.anchor, keys)) {
      anchorState = { state: 'invalid', file };
      anchorBreak = { seq: undefined, kind: 'anchor-invalid' };
    } else {
      const a = anchorRead.anchor;
      anchorState = { state: 'checked', file, seq: a.seq, writtenAt: a.writtenAt };
      if (previous === undefined || previous.seq < a.seq) {
        anchorBreak = { seq: a.seq, kind: 'tail-truncated' };
      } else {
        const stored = hashAt.get(a.seq);
        if (stored === undefined || !sameDigest(stored, a.hash)) {
          anchorBreak = { seq: a.seq, kind: 'anchor-mismatch' };
        }
      }
    }
  }
  // A break inside the chain is named first; the anchor speaks when the chain itself is whole.
  const first = broken ?? anchorBreak;

  return {
    ok: first === undefined,
    checked,
    firstBrokenSeq: first?.seq,
    breakKind: first?.kind,
    lastSeq: previous?.seq,
    legacyRows,
    anchor: anchorState,
  };
}
