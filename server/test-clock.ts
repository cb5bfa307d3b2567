import { readFileSync } from 'node:fs';

const DAY_MS = 86_400_000;

/**
 * For browser tests only (config refuses it outside NODE_ENV=test): the real time moved forward by
 * the number of days written in `file`, read at every tick so a test can move time while the server
 * runs. A missing or unreadable file means no offset.
 */
export function offsetClock(file: string): () => Date {
  const offsetDays = () => {
    try {
      return Number(readFileSync(file, 'utf8').trim()) || 0;
    } catch {
      return 0;
    }
  };
  return () => new Date(Date.now() + offsetDays() * DAY_MS);
}
