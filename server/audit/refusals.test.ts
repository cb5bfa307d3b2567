import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../test/test-app.ts';
import type { TestApp } from '../test/test-app.ts';
import { createUnit, createUser, loginAs } from '../test/factories.ts';
import { REFUSAL_ROWS_PER_WINDOW, RefusalLimiter, idsFromParams } from './refusals.ts';

describe('RefusalLimiter', () => {
  it('writes up to the limit per user and window, then counts, and reports the count on the next row', () => {
    const limiter = new RefusalLimiter(3, 1000);
    const admitted = [0, 1, 2, 3, 4].map(() => limiter.admit('u', 100));
    expect(admitted.map((a) => a.write)).toEqual([true, true, true, false, false]);
    expect(admitted[2]).toMatchObject({ limitReached: true });
    // Another user has a window of their own.
    expect(limiter.admit('v', 100)).toMatchObject({ write: true, suppressedBefore: 0 });
    // The next window starts afresh and carries the count of what was not written.
    expect(limiter.admit('u', 1100)).toEqual({
      write: true,
      suppressedBefore: 2,
      limitReached: false,
    });
  });
});

describe('idsFromParams', () => {
  it('sorts the ids of a path by what they identify, and keeps nothing but ids', () => {
    const person = '3f1f0c4e-2b7a-4d3e-9a51-7c0d2e8b6a10';
    const kase = '0b8f3c1e-7d2a-4f5b-9c6d-1e2f3a4b5c6d';
    expect(
      idsFromParams({ caseId: kase, personId: person, section: 'background', userId: person }),
    ).toEqual({ personIds: [person], caseIds: [kase], other: { targetUserId: person } });
  });
});

describe('a flood of refused attempts', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('is capped per user: the answers stay the same, the rows stop at the limit', async () => {
    const unit = await createUnit(t.database.db, { kind: 'adult' });
    const user = await createUser(t.database.db, {
      grants: [{ unitId: unit.id, role: 'adult_caseworker' }],
      totp: false,
    });
    const session = await loginAs(t.app, user);
    const statuses = new Set<number>();
    for (let i = 0; i < REFUSAL_ROWS_PER_WINDOW + 5; i++) {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/persons/3f1f0c4e-2b7a-4d3e-9a51-${String(i).padStart(12, '0')}`,
        headers: session.headers,
      });
      statuses.add(res.statusCode);
    }
    expect([...statuses]).toEqual([404]);
    const rows = await t.database.db
      .selectFrom('audit_event')
      .select(['details'])
      .where('action', '=', 'security.refused')
      .where('actor_user_id', '=', user.id)
      .orderBy('seq')
      .execute();
    expect(rows).toHaveLength(REFUSAL_ROWS_PER_WINDOW);
    expect(rows.at(-1)?.details).toMatchObject({ limitReached: true });
  });
});
