import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/database.ts';
import { hmacHex, sameDigest } from './audit-keys.ts';
import type { AuditKeyRing } from './audit-keys.ts';

/**
 * The chain's end, kept outside the database (VARN_AUDIT_ANCHOR_FILE): the position and hash of
 * the last audit row Värn saw committed, signed with the audit key. Keyed hashes stop a database
 * owner from changing rows; they cannot stop one from deleting the last rows, since what is left
 * is still a valid chain. The anchor can: `audit:verify` reports a chain that ends before the
 * anchored row, or has another row there, as broken.
 *
 * Värn rewrites the file at most once a second after requests (which is when audit rows are
 * written), at start and at shutdown. Rows committed since the last write are not covered: a
 * tail deletion of at most about a second of rows before a crash goes unnoticed.
 */
export interface Anchor {
  format: typeof FORMAT;
  seq: number;
  hash: string;
  writtenAt: string;
  keyId: string;
  mac: string;
}

const FORMAT = 'varn-audit-anchor/1';

const macText = (a: Pick<Anchor, 'seq' | 'hash' | 'writtenAt' | 'keyId'>) =>
  JSON.stringify([FORMAT, a.keyId, String(a.seq), a.hash, a.writtenAt]);

export function signAnchor(
  keys: AuditKeyRing,
  head: { seq: number; hash: string },
  writtenAt: Date,
): Anchor {
  const unsigned = {
    seq: head.seq,
    hash: head.hash,
    writtenAt: writtenAt.toISOString(),
    keyId: keys.current.id,
  };
  return { format: FORMAT, ...unsigned, mac: hmacHex(keys.current.key, macText(unsigned)) };
}

export function anchorVerifies(anchor: Anchor, keys: AuditKeyRing): boolean {
  const key = keys.byId.get(anchor.keyId);
  return key !== undefined && sameDigest(hmacHex(key, macText(anchor)), anchor.mac);
}

export type AnchorRead =
  { state: 'missing' } | { state: 'invalid' } | { state: 'found'; anchor: Anchor };

export function readAnchor(file: string): AnchorRead {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'missing' };
    throw error;
  }
  try {
    const value = JSON.parse(text) as Partial<Anchor>;
    if (
      value.format === FORMAT &&
      Number.isSafeInteger(value.seq) &&
      typeof value.hash === 'string' &&
      typeof value.writtenAt === 'string' &&
      typeof value.keyId === 'string' &&
      typeof value.mac === 'string'
    ) {
      return { state: 'found', anchor: value as Anchor };
    }
  } catch {
    // falls through: not an anchor
  }
  return { state: 'invalid' };
}

/** Replaces the file in one step (write aside, flush, rename), readable by its owner only. */
export function writeAnchor(file: string, anchor: Anchor): void {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  const fd = fs.openSync(temporary, 'w', 0o600);
  try {
    fs.writeSync(fd, `${JSON.stringify(anchor, null, 2)}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temporary, file);
}

/** Why the anchor on file does not fit the database; start-up refuses to run on it. */
export type AnchorProblem = 'invalid' | 'tail-truncated' | 'mismatch';

/**
 * Keeps the anchor file at the chain's end while Värn runs. It only moves forward: if the row it
 * last anchored is gone or changed, it stops writing (the file stays as evidence) and reports.
 */
export class AuditAnchorWriter {
  private last: { seq: number; hash: string } | undefined;
  private timer: NodeJS.Timeout | undefined;
  private lastWriteAt = 0;
  private queue: Promise<void> = Promise.resolve();
  private stuck = false;
  private closed = false;

  private readonly db: Db;
  readonly file: string;
  private readonly keys: () => AuditKeyRing;
  private readonly onProblem: (problem: AnchorProblem | Error) => void;
  private readonly minIntervalMs: number;

  constructor(options: {
    db: Db;
    file: string;
    /** The keys to sign with; read at each write, so the configured ones are used. */
    keys: () => AuditKeyRing;
    /** Told when the chain no longer holds the anchored row, or a write fails. */
    onProblem: (problem: AnchorProblem | Error) => void;
    minIntervalMs?: number;
  }) {
    this.db = options.db;
    this.file = options.file;
    this.keys = options.keys;
    this.onProblem = options.onProblem;
    this.minIntervalMs = options.minIntervalMs ?? 1_000;
  }

  /**
   * Checks the anchor on file against the database: undefined when it fits (or there is none),
   * else what is wrong. Then anchors the current end; a file that cannot be written throws.
   */
  async start(): Promise<AnchorProblem | undefined> {
    const read = readAnchor(this.file);
    if (read.state === 'invalid') return 'invalid';
    if (read.state === 'found') {
      if (!anchorVerifies(read.anchor, this.keys())) return 'invalid';
      const row = await this.rowAt(read.anchor.seq);
      if (row === undefined) {
        const head = await this.head();
        return head === undefined || head.seq < read.anchor.seq ? 'tail-truncated' : 'mismatch';
      }
      if (!sameDigest(row, read.anchor.hash)) return 'mismatch';
      this.last = { seq: read.anchor.seq, hash: read.anchor.hash };
    }
    await this.write();
    return undefined;
  }

  /** Audit rows may have been committed: anchor them within the interval. */
  poke(): void {
    if (this.closed || this.stuck || this.timer) return;
    const wait = Math.max(0, this.lastWriteAt + this.minIntervalMs - Date.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, wait);
    // Never keeps the process (or a test) alive.
    this.timer.unref();
  }

  /** Anchors the current end now; writes run one at a time. */
  flush(): Promise<void> {
    this.queue = this.queue
      .then(() => this.write())
      .catch((error: unknown) => {
        this.onProblem(error instanceof Error ? error : new Error(String(error)));
      });
    return this.queue;
  }

  /** At shutdown, before the database closes: a last write, then no more. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.flush();
  }

  private async head() {
    return this.db
      .selectFrom('audit_event')
      .select(['seq', 'hash'])
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
  }

  private async rowAt(seq: number): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('audit_event')
      .select('hash')
      .where('seq', '=', seq)
      .executeTakeFirst();
    return row?.hash;
  }

  private async write(): Promise<void> {
    if (this.stuck) return;
    const head = await this.head();
    if (!head) return;
    const last = this.last;
    if (last) {
      if (head.seq === last.seq && head.hash === last.hash) return;
      const anchored = await this.rowAt(last.seq);
      if (anchored === undefined || !sameDigest(anchored, last.hash)) {
        this.stuck = true;
        this.onProblem(
          anchored === undefined && head.seq < last.seq ? 'tail-truncated' : 'mismatch',
        );
        return;
      }
    }
    writeAnchor(this.file, signAnchor(this.keys(), head, new Date()));
    this.last = { seq: head.seq, hash: head.hash };
    this.lastWriteAt = Date.now();
  }
}
