import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { responsibleUnits } from '../../core/domain/routing.ts';
import { createUnit } from '../test/factories.ts';
import { createTestDatabase } from '../test/test-db.ts';
import type { TestDatabase } from '../test/test-db.ts';
import { unitsResponsibleFor } from './responsible-units.ts';

/**
 * The responsible units of a file have two forms: the pure rule that routes a matter
 * (core/domain/routing.ts) and the SQL that files nödåtkomst and refusals for review. They must
 * name the same units for any set of cases.
 */
let database: TestDatabase;
let units: string[];
beforeAll(async () => {
  database = await createTestDatabase();
  units = [];
  for (let i = 0; i < 3; i++) units.push((await createUnit(database.db)).id);
});
afterAll(async () => {
  await database.destroy();
});

describe('responsible units', () => {
  it('are the same in SQL as in the pure rule', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            unit: fc.nat({ max: 2 }),
            open: fc.boolean(),
            day: fc.integer({ min: 1, max: 28 }),
          }),
          { maxLength: 5 },
        ),
        async (cases) => {
          await database.db
            .transaction()
            .execute(async (trx) => {
              const person = await trx
                .insertInto('person')
                .values({
                  given_name: 'Test',
                  family_name: 'Ansvar',
                  protection_level: 'none',
                  created_by: null,
                  identity_kind: null,
                  identity_number: null,
                })
                .returning('id')
                .executeTakeFirstOrThrow();
              const stored = cases.map((c) => ({
                unitId: units[c.unit] ?? '',
                status: c.open ? ('open' as const) : ('closed' as const),
                // Distinct instants, so "most recent" is one case in both forms.
                openedAt: new Date(Date.UTC(2026, 0, c.day, 0, 0, cases.indexOf(c))),
              }));
              for (const c of stored) {
                await trx
                  .insertInto('case')
                  .values({
                    person_id: person.id,
                    unit_id: c.unitId,
                    target_group: 'victim',
                    status: c.status,
                    closed_at: c.status === 'closed' ? c.openedAt : null,
                    opened_at: c.openedAt,
                    created_by: null,
                  })
                  .execute();
              }
              const fromSql = await unitsResponsibleFor(trx, [person.id], []);
              expect(new Set(fromSql)).toEqual(new Set(responsibleUnits(stored)));
              throw new Rollback();
            })
            .catch((e: unknown) => {
              if (!(e instanceof Rollback)) throw e;
            });
        },
      ),
      { numRuns: 40, seed: 11 },
    );
  });
});

class Rollback extends Error {}
