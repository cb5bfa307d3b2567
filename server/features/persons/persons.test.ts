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
