import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseListItem } from '../../../core/contracts/cases.ts';
import { httpAs } from '../../test/http.ts';
import { intakePayload } from '../../test/factories.ts';
import { createTestApp } from '../../test/test-app.ts';
import type { TestApp } from '../../test/test-app.ts';
import { buildWorld } from '../../test/world.ts';
import type { World } from '../../test/world.ts';
import { stockholmDate } from '../../time.ts';

/**
 * "Mina ärenden" by urgency over real HTTP (issue 17, item 2): a new user found the acute,
 * high-risk case fifth of six, the list sorted oldest first. Now it is first, whatever came in
 * before it; the list narrows to a deadline kind, a risk level or what is due today; and pages
 * by the last item's key, each case once.
 */

let t: TestApp;
let w: World;
let base: string;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await t.close();
});

const send = httpAs(
  () => base,
  () => w,
  'colleague',
);
type WorkList = { items: CaseListItem[]; nextCursor: string | null; dueToday: number };
const mine = async (query = '') => {
  const res = await send('GET', `/api/cases/mine${query}`);
  expect(res.status, res.text).toBe(200);
  return res.json() as WorkList;
};

async function intake(givenName: string, acuteNeed: 'yes' | 'no', hoursAgo: number) {
  const res = await send(
    'POST',
    '/api/intakes',
    intakePayload(
      w.units.adult,
      {
        existing: false,
        newPerson: {
          identity: null,
          givenName,
          familyName: 'Arbetslista',
          protectionLevel: 'none',
        },
      },
      {
        acuteNeed,
        assignToMe: true,
        receivedAt: new Date(Date.now() - hoursAgo * 3_600_000).toISOString(),
      },
    ),
  );
  expect(res.status, res.text).toBe(201);
  return res.json() as { caseId: string; personId: string };
}

describe('the work list', () => {
  it('puts the acute, high-risk case first, narrows to a kind, a risk or today, and pages each case once', async () => {
    // Five ordinary matters, oldest first, then the acute one last of all.
    for (const [i, name] of ['Anna', 'Berit', 'Cecilia', 'Dora', 'Eva'].entries()) {
      await intake(name, 'no', 100 - i * 10);
    }
    const acute = await intake('Fanny', 'yes', 1);
    const assessed = await send('POST', `/api/cases/${acute.caseId}/risk-assessments`, {
      personId: acute.personId,
      instrument: { id: 'varn-exempel-farlighet', version: 1 },
      answers: { strypt: { kind: 'yes_no_unknown', value: 'yes' } },
      scenarioRatings: null,
      motivation: 'Strypgrepp vid senaste händelsen.',
      assessedOn: stockholmDate(new Date()),
    });
    expect(assessed.status, assessed.text).toBe(201);

    const all = await mine();
    const ours = all.items.filter((i) => i.person.familyName === 'Arbetslista');
    expect(ours).toHaveLength(6);
    expect(all.items[0]?.id).toBe(acute.caseId);
    expect(all.items[0]?.riskLevel).not.toBeNull();
    // The rest: none acute, oldest first among equals.
    const rest = ours.slice(1).map((i) => i.person.givenName);
    expect(rest).toEqual(['Anna', 'Berit', 'Cecilia', 'Dora', 'Eva']);

    const level = all.items[0]?.riskLevel ?? 'high';
    const risky = await mine(`?risk=${level}`);
    expect(risky.items.map((i) => i.id)).toContain(acute.caseId);
    for (const i of risky.items) expect(i.riskLevel).toBe(level);

    const kind = all.items.flatMap((i) => i.deadlines).at(0)?.kind;
    if (kind) {
      const ofKind = await mine(`?kind=${kind}`);
      expect(ofKind.items.length).toBeGreaterThan(0);
      for (const i of ofKind.items) expect(i.deadlines.some((d) => d.kind === kind)).toBe(true);
    }
    const today = stockholmDate(new Date());
    const todays = await mine('?view=today');
    expect(todays.items.length).toBe(all.dueToday);
    for (const i of todays.items) expect(i.deadlines.some((d) => d.dueOn <= today)).toBe(true);

    // Two at a time: every case once, in the same order.
    const paged: string[] = [];
    let after: string | null = null;
    do {
      const query: string = after ? `?limit=2&after=${after}` : '?limit=2';
      const page = await mine(query);
      expect(page.items.length).toBeLessThanOrEqual(2);
      paged.push(...page.items.map((i) => i.id));
      after = page.nextCursor;
    } while (after);
    expect(paged).toEqual(all.items.map((i) => i.id));
  });

  it('refuses a filter it does not know, and a forged cursor, naming the field in Swedish', async () => {
    const kind = await send('GET', '/api/cases/mine?kind=whenever');
    expect(kind.status).toBe(400);
    expect(kind.text).toContain('Välj en tidsfrist i listan.');
    const cursor = await send(
      'GET',
      `/api/cases/mine?after=${Buffer.from('[9,9]').toString('base64url')}`,
    );
    expect(cursor.status).toBe(400);
    expect(cursor.text).toContain('query.after');
  });
});
