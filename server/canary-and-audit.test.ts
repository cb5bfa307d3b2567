import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from './audit/audit.ts';
import { runScenario, scenarios } from './test/matrix.ts';
import { readPdf } from './test/pdf-reader.ts';
import { createTestApp } from './test/test-app.ts';
import { parseConfig } from './config.ts';
import type { TestApp } from './test/test-app.ts';
import { CANARY, actorNames, buildWorld } from './test/world.ts';
import type { ActorName, World } from './test/world.ts';

/**
 * Every protected field in the test world holds the marker CANARY. Replaying every request of the
 * authorization matrix as every actor, the marker of a protected person may appear only where the
 * policy allows it, and never in a log line or an error. Every successful call that touches
 * personal data leaves exactly one audit row; a refused call (403/404) leaves exactly one
 * security.refused row.
 */
interface Call {
  scenario: string;
  actor: ActorName;
  status: number;
  body: string;
  pdf: boolean;
  correlationId: string;
  audited: boolean;
}

let t: TestApp;
let world: World;
const calls: Call[] = [];

beforeAll(async () => {
  // Every actor is refused far more often here than a person would be in a minute: the limit
  // on refusal rows (server/audit/refusals.ts) would otherwise count them instead of writing.
  t = await createTestApp({
    config: parseConfig({
      NODE_ENV: 'test',
      VARN_DEMO_DATA: 'false',
      VARN_REFUSAL_ROWS_PER_MINUTE: '100000',
    }),
  });
  world = await buildWorld(t);
  for (const scenario of scenarios) {
    for (const actor of actorNames) {
      const res = await runScenario(t, world, scenario, actor);
      // A document is checked by its text, as a reader would see it.
      const isPdf = res.headers['content-type'] === 'application/pdf';
      calls.push({
        scenario: scenario.name,
        actor,
        status: res.statusCode,
        body: isPdf ? (await readPdf(res.rawPayload)).text : res.body,
        pdf: isPdf,
        correlationId: String(res.headers['x-correlation-id']),
        audited: scenario.audited ?? false,
      });
    }
  }
  // The whole matrix as every actor: on a loaded CI machine this takes longer than a hook's default.
}, 180_000);
afterAll(async () => {
  await t.close();
});

describe('canary', () => {
  it('shows the protected person’s details only to the handläggare assigned to their case', () => {
    const protectedMarker = `${CANARY}-`;
    const leaks = calls.filter(
      (c) =>
        /-Qvist/.test(c.body) &&
        c.body.includes(protectedMarker) &&
        !(
          c.actor === 'assigned' &&
          c.scenario === 'read the protected details of a protected person'
        ),
    );
    expect(leaks.map((c) => `${c.actor}: ${c.scenario}`)).toEqual([]);
    // And it does reach the one who may see it: the marker test can fail.
    expect(
      calls.some((c) => c.actor === 'assigned' && c.body.includes(`${CANARY}-vistelse-Qvist`)),
    ).toBe(true);
  });

  it('shows an unprotected person’s contact details only to those who may open the file', () => {
    const readers = new Set<ActorName>(['assigned', 'manager']);
    const leaks = calls.filter(
      (c) => c.body.includes(`${CANARY}-adress-Persson`) && !readers.has(c.actor),
    );
    expect(leaks.map((c) => `${c.actor}: ${c.scenario}`)).toEqual([]);
  });

  it('never prints a protected-identity field in a document, whoever prints it', () => {
    const pdfs = calls.filter((c) => c.pdf);
    expect(pdfs.length).toBeGreaterThan(0);
    // The documents are about the persons, so the test can see them: the name is printed.
    expect(pdfs.some((c) => c.body.includes('Qvist'))).toBe(true);
    expect(pdfs.filter((c) => c.body.includes(CANARY)).map((c) => c.scenario)).toEqual([]);
  });

  it('never carries anything of the linked file in a counterpart list', () => {
    // P's file records Q's identity number as a counterpart (server/test/matrix-counterparts.ts):
    // the link is for the rules only, so no list shows Q's name or any protected field of hers.
    const lists = calls.filter((c) => c.scenario.startsWith('list the counterparts'));
    expect(
      lists.some((c) => c.status === 200 && c.body.includes('Partnern, enligt henne.')),
      'the counterpart with the linked number is listed',
    ).toBe(true);
    expect(
      lists
        .filter((c) => c.body.includes(CANARY) || /Qvist/.test(c.body))
        .map((c) => `${c.actor}: ${c.scenario}`),
    ).toEqual([]);
  });

  it('never carries a marker, or a word of another file, in the family view', () => {
    const views = calls.filter((c) => c.scenario.startsWith('the family view') && c.status === 200);
    expect(views.length).toBeGreaterThan(0);
    expect(
      views.filter((c) => c.body.includes(CANARY)).map((c) => `${c.actor}: ${c.scenario}`),
    ).toEqual([]);
    // It does name the related persons to whoever may know of them: the test can fail.
    expect(views.some((c) => c.actor === 'assigned' && c.body.includes('Qvist'))).toBe(true);
    // The protected partner, to a reader of the sibling's queued case who may not open her file.
    const colleague = views.filter((c) => c.actor === 'colleague');
    expect(colleague.length).toBeGreaterThan(0);
    expect(colleague.filter((c) => c.body.includes('Qvist'))).toEqual([]);
  });

  it('never puts a marker in an error response', () => {
    const leaks = calls.filter((c) => c.status >= 400 && c.body.includes(CANARY));
    expect(leaks.map((c) => `${c.actor}: ${c.scenario}`)).toEqual([]);
  });

  it('never writes a marker, a personnummer or a name to the log', () => {
    const logs = t.logLines.join('\n');
    expect(logs.length).toBeGreaterThan(0);
    expect(logs).not.toContain(CANARY);
    for (const person of Object.values(world.persons))
      expect(logs).not.toContain(person.personnummer);
    expect(logs).not.toMatch(/Persson|Qvist|Rask/);
  });
});

describe('audit completeness', () => {
  it('leaves exactly one audit row for each successful call that touches personal data, one security event for each refused call', async () => {
    const rows = await t.database.db
      .selectFrom('audit_event')
      .select(['correlation_id', 'action'])
      .execute();
    const perRequest = Map.groupBy(rows, (r) => r.correlation_id);

    const wrong = calls
      .filter((c) => c.audited || c.status === 403 || c.status === 404)
      .map((c) => {
        const actions = (perRequest.get(c.correlationId) ?? []).map((r) => r.action);
        const want = c.status < 400 ? 1 : c.status === 403 || c.status === 404 ? 1 : 0;
        const refused = c.status === 403 || c.status === 404;
        const ok =
          actions.length === want &&
          (!refused || actions[0] === 'security.refused') &&
          (refused || !actions.includes('security.refused'));
        return { c, actions, ok };
      })
      .filter((x) => !x.ok)
      .map((x) => `${x.c.actor}: ${x.c.scenario} (${x.c.status}) → ${x.actions.join(', ')}`);
    expect(wrong).toEqual([]);
  });

  it('records who was refused what, and why, without personal data', async () => {
    const refusals = await t.database.db
      .selectFrom('audit_event')
      .selectAll()
      .where('action', '=', 'security.refused')
      .execute();
    expect(refusals.length).toBeGreaterThan(100);
    const text = JSON.stringify(refusals);
    expect(text).not.toContain(CANARY);
    for (const person of Object.values(world.persons))
      expect(text).not.toContain(person.personnummer);
    expect(text).not.toMatch(/Persson|Qvist|Rask|Sand/);

    const byCall = (actor: ActorName, scenario: string) => {
      const call = calls.find((c) => c.actor === actor && c.scenario === scenario);
      return refusals.find((r) => r.correlation_id === call?.correlationId);
    };
    // A protected person's file refused to a colleague: flagged, with the policy's reason, and
    // reviewed by the unit responsible for her.
    const refusedQ = byCall(
      'childrenWorker',
      'open the personakt of a protected person with an assigned case',
    );
    expect(refusedQ).toMatchObject({
      actor_user_id: world.users.childrenWorker.id,
      person_ids: [world.persons.q.id],
      involves_protected: true,
      details: {
        route: 'GET /api/persons/:personId',
        status: 404,
        policyAction: 'person.read',
        reason: 'no work relation to the person',
      },
    });
    expect((refusedQ?.details as { reviewUnitIds: string[] }).reviewUnitIds.sort()).toEqual(
      [world.units.adult, world.units.children].sort(),
    );
    // UUID probing: a person that does not exist.
    expect(byCall('assigned', 'open a personakt that does not exist')).toMatchObject({
      person_ids: ['3f1f0c4e-2b7a-4d3e-9a51-7c0d2e8b6a10'],
      involves_protected: false,
      details: { status: 404, reason: 'no such record' },
    });
    // A change to one's own rights.
    expect(
      byCall('admin', 'grant oneself a role (Primero: users must not change their own roles)'),
    ).toMatchObject({
      details: {
        status: 403,
        policyAction: 'admin.requestChange',
        reason: 'nobody asks for changes to their own account',
        targetUserId: world.users.admin.id,
      },
    });
    // A role that never uses the route.
    expect(byCall('analyst', 'search by the name of a protected person')).toMatchObject({
      details: { status: 404, policyAction: 'person.search', route: 'POST /api/persons/search' },
    });
  });

  it('records the person ids the call returned, and flags protected persons and nödåtkomst', async () => {
    const readQ = calls.find(
      (c) =>
        c.actor === 'assigned' &&
        c.scenario === 'open the personakt of a protected person with an assigned case',
    );
    const row = await t.database.db
      .selectFrom('audit_event')
      .selectAll()
      .where('correlation_id', '=', readQ?.correlationId ?? '')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      action: 'person.read',
      purpose: 'assigned',
      involves_protected: true,
      emergency: false,
    });
    expect(row.person_ids).toContain(world.persons.q.id);
    expect(row.person_ids).toContain(world.persons.p.id); // the related partner shown on the file

    const emergency = calls.find(
      (c) => c.actor === 'colleague' && c.scenario === 'open that personakt during the nödåtkomst',
    );
    const emergencyRow = await t.database.db
      .selectFrom('audit_event')
      .selectAll()
      .where('correlation_id', '=', emergency?.correlationId ?? '')
      .executeTakeFirstOrThrow();
    expect(emergencyRow).toMatchObject({ purpose: 'emergency_access', emergency: true });
  });

  it('flags every row that names a protected person, directly or through a case', async () => {
    // Q is protected throughout the replay (the scenario that lowers it puts it back first).
    const rows = await t.database.db
      .selectFrom('audit_event')
      .select(['action', 'person_ids', 'case_ids', 'involves_protected', 'correlation_id'])
      .execute();
    const namesQ = rows.filter(
      (r) =>
        r.person_ids.includes(world.persons.q.id) || r.case_ids.includes(world.persons.q.caseId),
    );
    expect(namesQ.length).toBeGreaterThan(10);
    const scenarioOf = new Map(calls.map((c) => [c.correlationId, `${c.actor}: ${c.scenario}`]));
    expect(
      namesQ
        .filter((r) => !r.involves_protected)
        .map((r) => `${r.action} (${scenarioOf.get(r.correlation_id) ?? 'setup'})`),
    ).toEqual([]);
  });

  it('keeps the chain whole after all of it', async () => {
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });
});
