import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roles } from '../../core/policy/roles.ts';
import { createTestApp } from '../test/test-app.ts';
import type { TestApp } from '../test/test-app.ts';
import { DEMO_PASSWORD, demoLogins, seedDemoData } from './demo.ts';
import { testPersonnummer } from './skatteverket-test-numbers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('demo data', () => {
  it('is written into an empty database once, and never again', async () => {
    expect(await seedDemoData(t.database.db)).toBe(true);
    expect(await seedDemoData(t.database.db)).toBe(false);
    const units = await t.database.db.selectFrom('unit').select('name').execute();
    expect(units).toHaveLength(5);
  });

  it('has one login per role, each able to log in with the printed password', async () => {
    const grants = await t.database.db.selectFrom('user_role').select('role').execute();
    expect(new Set(grants.map((g) => g.role))).toEqual(new Set(roles));
    for (const login of demoLogins) {
      expect(login.password).toBe(DEMO_PASSWORD);
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: login.username, password: login.password },
      });
      expect(res.json(), login.username).toMatchObject({ stage: 'active' });
    }
  });

  it('uses only fictional identities and contact details', async () => {
    const published = new Set<string>(Object.values(testPersonnummer).flat());
    const persons = await t.database.db
      .selectFrom('person')
      .select(['identity_number', 'protection_level'])
      .execute();
    expect(persons.length).toBeGreaterThanOrEqual(12);
    for (const p of persons)
      expect(published.has(p.identity_number ?? ''), p.identity_number ?? '').toBe(true);
    // A victim with children, a protected identity, fingerade personuppgifter, a sekretessmarkering.
    expect(new Set(persons.map((p) => p.protection_level))).toEqual(
      new Set(['none', 'confidentiality_marking', 'protected_registration', 'fictitious_identity']),
    );

    const channels = await t.database.db
      .selectFrom('contact_channel')
      .select(['kind', 'value'])
      .execute();
    for (const c of channels) {
      if (c.kind === 'phone') {
        // PTS reserves 070-174 06 05 – 070-174 06 99 for use in fiction.
        const digits = c.value.replace(/\D/g, '');
        expect(digits.startsWith('0701740'), c.value).toBe(true);
        expect(Number(digits.slice(7))).toBeGreaterThanOrEqual(605);
        expect(Number(digits.slice(7))).toBeLessThanOrEqual(699);
      }
      if (c.kind === 'email') expect(c.value).toMatch(/@[a-z.]+\.invalid$/);
    }
  });

  it('records vårdnadshavare and a counterpart known only by what she told, with fictional contact details', async () => {
    const db = t.database.db;
    const guardians = await db
      .selectFrom('person_relation as r')
      .innerJoin('person as child', 'child.id', 'r.related_person_id')
      .select(['child.given_name', 'r.kind'])
      .where('r.guardian', '=', true)
      .execute();
    expect(guardians.every((g) => g.kind === 'parent_of')).toBe(true);
    expect(new Set(guardians.map((g) => g.given_name))).toEqual(new Set(['Elsa', 'Noah', 'Ella']));
    const counterparts = await db
      .selectFrom('counterpart as c')
      .innerJoin('person as p', 'p.id', 'c.person_id')
      .innerJoin('case as k', 'k.id', 'c.case_id')
      .select([
        'p.given_name',
        'k.person_id',
        'c.person_id as file',
        'c.identity_number',
        'c.contact',
      ])
      .execute();
    expect(counterparts).toHaveLength(1);
    const [sofias] = counterparts;
    expect(sofias).toMatchObject({ given_name: 'Sofia', identity_number: null });
    // Recorded through one of her own cases.
    expect(sofias?.person_id).toBe(sofias?.file);
    for (const c of (sofias?.contact ?? []) as { kind: string; value: string }[]) {
      const digits = c.value.replace(/\D/g, '');
      expect(c.kind).toBe('phone');
      expect(digits.startsWith('0701740') && Number(digits.slice(7)) >= 605).toBe(true);
    }
  });

  it("records Sofia's written consent to a samråd and a SIP with her vårdcentral, in her own case", async () => {
    const consents = await t.database.db
      .selectFrom('consent as c')
      .innerJoin('person as p', 'p.id', 'c.person_id')
      .innerJoin('case as k', 'k.id', 'c.case_id')
      .select(['p.given_name', 'k.person_id', 'c.person_id as whose', 'c.recipient_name', 'c.way'])
      .execute();
    expect(consents).toEqual([
      expect.objectContaining({
        given_name: 'Sofia',
        recipient_name: 'Vårdcentralen Centrum',
        way: 'written',
      }),
    ]);
    expect(consents[0]?.person_id).toBe(consents[0]?.whose);
  });

  it('has a samråd called from Emma’s file, Ella’s file joined by its own handläggare, the school not yet grounded', async () => {
    const db = t.database.db;
    const files = await db
      .selectFrom('coordination_meeting_file as f')
      .innerJoin('case as c', 'c.id', 'f.case_id')
      .innerJoin('person as p', 'p.id', 'c.person_id')
      .select(['p.given_name', 'f.joined_by', 'c.assigned_user_id'])
      .orderBy('p.given_name')
      .execute();
    expect(files.map((f) => f.given_name)).toEqual(['Ella', 'Emma']);
    // Each file joined by who works it: calling a samråd brings no one else's file in.
    for (const f of files) expect(f.joined_by).toBe(f.assigned_user_id);
    const grounds = await db
      .selectFrom('coordination_meeting_ground as g')
      .innerJoin('coordination_meeting_participant as p', 'p.id', 'g.participant_id')
      .select(['p.kind'])
      .execute();
    expect(grounds.map((g) => g.kind)).toEqual(['unit', 'unit']);
    expect(await db.selectFrom('coordination_meeting_minutes').selectAll().execute()).toEqual([]);
  });

  it('starts every case’s history with its aktualisering and screening; a closed case is closed in it', async () => {
    const cases = await t.database.db
      .selectFrom('case')
      .select(['id', 'status', 'phase', 'closed_at'])
      .execute();
    const events = await t.database.db
      .selectFrom('case_event')
      .select(['case_id', 'seq', 'type', 'recorded_at'])
      .orderBy('seq')
      .execute();
    expect(cases.some((c) => c.status === 'closed')).toBe(true);
    for (const c of cases) {
      const log = events.filter((e) => e.case_id === c.id);
      const expected = ['intake_registered', 'acute_screening'];
      if (c.status === 'closed') expected.push('case_closed');
      expect(
        log.map((e) => e.type),
        c.id,
      ).toEqual(expected);
      // The row is the log's projection: closed when and as the log says.
      expect(c.phase === 'closed', c.id).toBe(c.status === 'closed');
      expect(c.closed_at?.getTime() ?? null, c.id).toBe(
        c.status === 'closed' ? (log.at(-1)?.recorded_at.getTime() ?? null) : null,
      );
    }
  });
});
