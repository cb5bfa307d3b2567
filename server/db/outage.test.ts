import { describe, expect, it } from 'vitest';
import { DatabaseOutage } from './outage.ts';

interface Line {
  level: 'warn' | 'info';
  object: Record<string, unknown>;
  message: string;
}

function recorder() {
  const lines: Line[] = [];
  return {
    lines,
    log: {
      warn: (object: Record<string, unknown>, message: string) =>
        lines.push({ level: 'warn', object, message }),
      info: (object: Record<string, unknown>, message: string) =>
        lines.push({ level: 'info', object, message }),
    },
  };
}

const lost = Object.assign(new Error('terminating connection'), { code: '57P01' });
const until = async (condition: () => boolean) => {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise((r) => setTimeout(r, 5));
};

describe('the outage tracker', () => {
  it('logs an outage once when it starts and once when the database answers again', async () => {
    const { lines, log } = recorder();
    let reachable = false;
    let probes = 0;
    const outage = new DatabaseOutage({
      log,
      probeEveryMs: 5,
      probe: () => {
        probes += 1;
        return reachable ? Promise.resolve() : Promise.reject(new Error('still down'));
      },
    });
    for (let i = 0; i < 40; i++) outage.refused(lost);
    expect(outage.down).toBe(true);
    await until(() => probes >= 3);
    expect(lines).toEqual([
      {
        level: 'warn',
        object: { reason: '57P01' },
        message: 'database unavailable: answering 503 until it is back',
      },
    ]);

    reachable = true;
    await until(() => !outage.down);
    expect(outage.down).toBe(false);
    expect(lines).toHaveLength(2);
    expect(lines[1]?.message).toBe('database available again');
    expect(lines[1]?.object.refusedRequests).toBe(40);
    expect(lines[1]?.object.downForMs).toBeGreaterThanOrEqual(0);

    // A second outage is a new one, counted from one.
    reachable = false;
    outage.refused(lost);
    reachable = true;
    await until(() => !outage.down);
    expect(lines.map((l) => l.message)).toEqual([
      'database unavailable: answering 503 until it is back',
      'database available again',
      'database unavailable: answering 503 until it is back',
      'database available again',
    ]);
    expect(lines[3]?.object.refusedRequests).toBe(1);
    outage.stop();
  });

  it('stops probing when stopped', async () => {
    const { log } = recorder();
    let probes = 0;
    const outage = new DatabaseOutage({
      log,
      probeEveryMs: 5,
      probe: () => {
        probes += 1;
        return Promise.reject(new Error('down'));
      },
    });
    outage.refused(lost);
    await until(() => probes >= 2);
    outage.stop();
    const seen = probes;
    await new Promise((r) => setTimeout(r, 50));
    expect(probes).toBe(seen);
  });
});
