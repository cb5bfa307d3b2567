import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../test/test-app.ts';
import type { TestApp } from '../test/test-app.ts';
import { buildWorld, CANARY } from '../test/world.ts';
import type { World } from '../test/world.ts';
import {
  channelsReachableByViolence,
  insertCounterpart,
  linkedPersons,
  loadCounterparts,
} from './counterparts.ts';
import type { CounterpartFields } from './counterparts.ts';

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
});
afterAll(async () => {
  await t.close();
});

const him = (over: Partial<CounterpartFields> = {}): CounterpartFields => ({
  identity: null,
  givenName: 'Okänd',
  familyName: null,
  description: null,
  relation: 'partner',
  usesViolence: true,
  livesTogether: true,
  contact: [],
  whereabouts: null,
  ...over,
});

describe('counterparts and the links for the rules', () => {
  it('writes the first version of every relation with it, whoever inserts it', async () => {
    const versions = await t.database.db
      .selectFrom('person_relation_version')
      .innerJoin('person_relation', 'person_relation.id', 'person_relation_version.relation_id')
      .select(['person_relation_version.version', 'person_relation_version.status'])
      .where('person_relation.person_id', '=', w.persons.q.id)
      .execute();
    expect(versions).toEqual([{ version: 1, status: 'current' }]);
  });

  it('links a counterpart to the file with the same identity number, both ways', async () => {
    const id = await t.database.db.transaction().execute((trx) =>
      insertCounterpart(
        trx,
        {
          personId: w.persons.r.id,
          caseId: w.persons.r.caseId,
          recordedBy: w.users.assigned.id,
          now: new Date(),
        },
        him({
          identity: { kind: 'personnummer', normalized: w.persons.s.personnummer },
          contact: [{ kind: 'phone', value: '070-111 22 33' }],
        }),
      ),
    );
    const own = await loadCounterparts(t.database.db, [w.persons.r.id]);
    expect(own.map((c) => [c.id, c.version, c.status])).toEqual([[id, 1, 'current']]);

    const fromR = await linkedPersons(t.database.db, w.persons.r.id);
    expect(fromR).toContainEqual({
      personId: w.persons.s.id,
      via: 'own_counterpart',
      usesViolenceAgainst: true,
      subjectedByPerson: false,
    });
    const fromS = await linkedPersons(t.database.db, w.persons.s.id);
    expect(fromS).toEqual([
      {
        personId: w.persons.r.id,
        via: 'their_counterpart',
        usesViolenceAgainst: false,
        subjectedByPerson: true,
      },
    ]);

    // What R's file records of him, and the channels on his own file, are both out of reach.
    const channels = await channelsReachableByViolence(t.database.db, w.persons.r.id);
    expect(channels).toContainEqual({ kind: 'phone', value: '070-111 22 33' });
    expect(channels).toContainEqual({ kind: 'phone', value: `${CANARY}-telefon-Sand` });
  });

  it('counts a relation that holds, in the direction it records', async () => {
    const fromP = await linkedPersons(t.database.db, w.persons.p.id);
    expect(fromP).toContainEqual({
      personId: w.persons.q.id,
      via: 'relation',
      usesViolenceAgainst: true,
      subjectedByPerson: false,
    });
    const channels = await channelsReachableByViolence(t.database.db, w.persons.p.id);
    expect(channels).toContainEqual({ kind: 'address', value: `${CANARY}-adress-Qvist` });
    // R is P's sibling, with no violence: R's channels are not the perpetrator's.
    expect(channels).not.toContainEqual({ kind: 'address', value: `${CANARY}-adress-Rask` });
  });

  it('refuses any change to a written version', async () => {
    await expect(
      t.database.db.updateTable('counterpart').set({ given_name: 'Annan' }).execute(),
    ).rejects.toThrow();
    await expect(t.database.db.deleteFrom('person_relation_version').execute()).rejects.toThrow();
  });
});
