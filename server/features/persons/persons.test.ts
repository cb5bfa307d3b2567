import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PersonFile } from '../../../core/contracts/persons.ts';
import { createTestApp } from '../../test/test-app.ts';
import type { TestApp } from '../../test/test-app.ts';
import { buildWorld } from '../../test/world.ts';
import type { ActorName, World } from '../../test/world.ts';

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
});
afterAll(async () => {
  await t.close();
});

async function file(personId: string, actor: ActorName) {
  const res = await t.app.inject({
    method: 'GET',
    url: `/api/persons/${personId}`,
    headers: w.sessions[actor].headers,
  });
  expect(res.statusCode).toBe(200);
  return res.json<PersonFile>();
}

describe('the personakt', () => {
  it('shows relations from the file’s own side, with the violence direction', async () => {
    const p = await file(w.persons.p.id, 'assigned');
    expect(
      p.relations.map((r) => ({ other: r.other.familyName, kind: r.kind, violence: r.violence })),
    ).toEqual([
      { other: 'Qvist', kind: 'partner', violence: 'subjected' },
      { other: 'Rask', kind: 'sibling', violence: 'none' },
    ]);
    const q = await file(w.persons.q.id, 'assigned');
    expect(q.relations).toEqual([
      expect.objectContaining({ kind: 'partner', violence: 'uses_violence' }),
    ]);
  });

  it('shows a relation only to someone who may see both ends', async () => {
    const r = await file(w.persons.r.id, 'colleague');
    expect(r.relations).toEqual([]); // the colleague may not see P, R's sibling
    expect(r.access).toBe('intake_queue');
  });

  it('shows an unprotected person’s details inline and withholds a protected person’s', async () => {
    const p = await file(w.persons.p.id, 'assigned');
    expect(p.details?.contactChannels).toHaveLength(2);
    expect(p.details?.contactChannels.find((c) => c.kind === 'phone')?.safeForContact).toBe(false);
    const q = await file(w.persons.q.id, 'assigned');
    expect(q.protectionLevel).toBe('protected_registration');
    expect(q.details).toBeNull();
    expect(q.abilities).toEqual({
      readProtectedDetails: true,
      update: true,
      lowerProtection: true,
    });
    const qAsManager = await file(w.persons.q.id, 'manager');
    expect(qAsManager.abilities).toEqual({
      readProtectedDetails: false,
      update: false,
      lowerProtection: false,
    });
  });

  it('detects a concurrent change of the protection level', async () => {
    const r = await file(w.persons.r.id, 'colleague');
    const set = (level: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/persons/${w.persons.r.id}/protection-level`,
        headers: w.sessions.colleague.headers,
        payload: { protectionLevel: level, version: r.version },
      });
    expect((await set('confidentiality_marking')).statusCode).toBe(200);
    expect((await set('protected_registration')).statusCode).toBe(409);
    expect((await file(w.persons.r.id, 'colleague')).protectionLevel).toBe(
      'confidentiality_marking',
    );
  });

  it('does not let a colleague from the intake queue lower a protection', async () => {
    const r = await file(w.persons.r.id, 'colleague');
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/persons/${w.persons.r.id}/protection-level`,
      headers: w.sessions.colleague.headers,
      payload: { protectionLevel: 'none', version: r.version },
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('nödåtkomst', () => {
  it('records its start and every read under it as emergency access, flagged for review', async () => {
    // S's only case is closed: the colleague reaches S by nödåtkomst alone.
    const started = await t.app.inject({
      method: 'POST',
      url: '/api/emergency-access',
      headers: w.sessions.colleague.headers,
      payload: {
        kind: 'personnummer',
        number: w.persons.s.personnummer,
        reason: 'Polisen larmar om hot i natt.',
      },
    });
    expect(started.statusCode).toBe(201);
    const details = await t.app.inject({
      method: 'GET',
      url: `/api/persons/${w.persons.s.id}/protected-details`,
      headers: w.sessions.colleague.headers,
    });
    expect(details.statusCode).toBe(200);

    const rows = await t.database.db
      .selectFrom('audit_event')
      .select(['action', 'actor_role', 'actor_unit_id', 'purpose', 'emergency', 'person_ids'])
      .where('actor_user_id', '=', w.users.colleague.id)
      .where('action', 'in', ['emergency_access.start', 'person.protected.read'])
      .orderBy('seq')
      .execute();
    const asEmergency = {
      actor_role: 'adult_caseworker',
      actor_unit_id: w.units.adult,
      purpose: 'emergency_access',
      emergency: true,
      person_ids: [w.persons.s.id],
    };
    expect(rows).toEqual([
      { action: 'emergency_access.start', ...asEmergency },
      { action: 'person.protected.read', ...asEmergency },
    ]);
  });
});
