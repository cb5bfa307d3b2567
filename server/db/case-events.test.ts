import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { caseEventTypes, parseCaseEvent } from '../../core/domain/case-events.ts';
import type { CaseEventType } from '../../core/domain/case-events.ts';
import type { CaseEvent } from '../../core/domain/case-flow.ts';
import { createTestDatabase } from '../test/test-db.ts';
import type { TestDatabase } from '../test/test-db.ts';

/** The case event union, the database's check constraint and the flow rules name one set of types. */

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.destroy();
});

describe('case event types', () => {
  it('the check constraint on case_event.type lists exactly the union of event schemas', async () => {
    const result = await sql<{ definition: string }>`
      select pg_get_constraintdef(c.oid) as definition
      from pg_constraint c
      where c.conrelid = 'case_event'::regclass and c.conname = 'case_event_type_check'`.execute(
      database.db,
    );
    const definition = result.rows[0]?.definition;
    expect(definition).toBeDefined();
    const listed = [...(definition ?? '').matchAll(/'([a-z_]+)'/g)].map((m) => m[1]);
    expect(listed.sort()).toEqual([...caseEventTypes].sort());
  });

  it('the flow rules read the same types the log stores', () => {
    expectTypeOf<CaseEvent['type']>().toEqualTypeOf<CaseEventType>();
    expect(caseEventTypes).toHaveLength(new Set(caseEventTypes).size);
  });

  it('a payload that does not fit its type is refused, extra fields are dropped', () => {
    expect(() =>
      parseCaseEvent('acute_screening', { acuteNeed: 'maybe', motivation: 'x' }),
    ).toThrow();
    expect(() => parseCaseEvent('no_such_event', {})).toThrow();
    expect(
      parseCaseEvent('case_closed', { reason: 'klart', filedAsNoAction: false, extra: 1 }),
    ).toEqual({ type: 'case_closed', payload: { reason: 'klart', filedAsNoAction: false } });
  });

  it('every event the migrations wrote parses (a case from before the log)', () => {
    expect(
      parseCaseEvent('intake_registered', { intakeType: 'self_contact', migrated: true }),
    ).toEqual({
      type: 'intake_registered',
      payload: { intakeType: 'self_contact', migrated: true },
    });
  });
});
