import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from './audit/audit.ts';
import { runScenario, scenarios } from './test/matrix.ts';
import { readPdf } from './test/pdf-reader.ts';
import { createTestApp } from './test/test-app.ts';
import type { TestApp } from './test/test-app.ts';
import { CANARY, actorNames, buildWorld } from './test/world.ts';
import type { ActorName, World } from './test/world.ts';

/**
 * Every protected field in the test world holds the marker CANARY. Replaying every request of the
 * authorization matrix as every actor, the marker of a protected person may appear only where the
 * policy allows it, and never in a log line or an error. Every successful call that touches
 * personal data leaves exactly one audit row; a refused call leaves none.
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
  t = await createTestApp();
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
});
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
  it('leaves exactly one audit row for each successful call that touches personal data, none for a refused one', async () => {
    const rows = await t.database.db.selectFrom('audit_event').select(['correlation_id']).execute();
    const perRequest = new Map<string, number>();
    for (const r of rows)
      perRequest.set(r.correlation_id, (perRequest.get(r.correlation_id) ?? 0) + 1);

    const wrong = calls
      .filter((c) => c.audited)
      .map((c) => ({
        ...c,
        rows: perRequest.get(c.correlationId) ?? 0,
        want: c.status < 400 ? 1 : 0,
      }))
      .filter((c) => c.rows !== c.want)
      .map((c) => `${c.actor}: ${c.scenario} (${c.status}) → ${c.rows} rows`);
    expect(wrong).toEqual([]);
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
