import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdviceSessions } from '../../../core/contracts/advice-sessions.ts';
import type { CaseDetail } from '../../../core/contracts/cases.ts';
import { addDays } from '../../../core/domain/calendar.ts';
import { intakePayload } from '../../test/factories.ts';
import { httpAs } from '../../test/http.ts';
import { createTestApp } from '../../test/test-app.ts';
import type { TestApp } from '../../test/test-app.ts';
import { buildWorld } from '../../test/world.ts';
import type { ActorName, World } from '../../test/world.ts';
import { stockholmDate } from '../../time.ts';

/**
 * Råd och stöd over real HTTP: five sessions without a beslut, the sixth refused with the
 * sentence and nothing saved, and a granted beslut on stödsamtal covering the day allows it.
 */
const LIMIT_SENTENCE =
  'Råd och stöd ges utan beslut i högst 5 samtal. Fatta beslut om stödsamtal innan fler samtal registreras.';

let t: TestApp;
let w: World;
let base: string;
const today = stockholmDate(new Date());
beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
  // The adult unit's handläggare may decide on stödsamtal.
  await t.database.db
    .insertInto('delegation')
    .values({
      unit_id: w.units.adult,
      intervention: 'support_sessions',
      role: 'adult_caseworker',
      granted_by: null,
    })
    .execute();
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
const detail = async (caseId: string) =>
  (await send('GET', `/api/cases/${caseId}`)).json() as CaseDetail;
const list = async (caseId: string, as: ActorName = 'colleague') =>
  (
    await send('GET', `/api/cases/${caseId}/advice-sessions`, undefined, as)
  ).json() as AdviceSessions;

/** A case in utredning, kommunicerad, so that a beslut may be taken. */
async function caseForSessions(familyName: string) {
  const payload = intakePayload(w.units.adult, {
    existing: false,
    newPerson: { identity: null, givenName: 'Rut', familyName, protectionLevel: 'none' },
  });
  payload.intake.type = 'application_oral';
  const created = await send('POST', '/api/intakes', payload);
  expect(created.status, created.text).toBe(201);
  const { caseId } = created.json() as { caseId: string };
  const opened = await send('POST', `/api/cases/${caseId}/preliminary-assessment`, {
    outcome: 'open_investigation',
    template: 'victim',
    reason: 'Ansöker om stödsamtal.',
    version: (await detail(caseId)).version,
  });
  expect(opened.status, opened.text).toBe(201);
  const communicated = await send('POST', `/api/cases/${caseId}/communications`, {
    what: 'Utredningen',
    communicatedOn: addDays(today, -20),
    method: { kind: 'meeting' },
    version: (await detail(caseId)).version,
  });
  expect(communicated.status, communicated.text).toBe(201);
  return caseId;
}

const session = (heldOn: string, note = 'Samtal om stöd och skydd.') => ({ heldOn, note });

async function decideSupport(caseId: string, period: { from: string; to: string | null }) {
  const res = await send('POST', `/api/cases/${caseId}/decisions`, {
    intervention: 'support_sessions',
    requested: 'Stödsamtal.',
    outcome: 'granted',
    motivation: 'Behöver fortsatt stöd för att bearbeta våldet och planera för sin säkerhet.',
    decidedOn: period.from,
    period,
    notified: { how: 'in_person', on: period.from },
    version: (await detail(caseId)).version,
  });
  expect(res.status, res.text).toBe(201);
}

describe('råd och stöd', () => {
  it('takes 5 sessions, refuses the 6th with the sentence, and a beslut on stödsamtal allows it', async () => {
    const caseId = await caseForSessions('Samtalsson');
    const url = `/api/cases/${caseId}/advice-sessions`;
    for (let i = 0; i < 5; i++) {
      const res = await send('POST', url, session(addDays(today, -15 + i), `Samtal ${i + 1}`));
      expect(res.status, res.text).toBe(201);
    }
    const five = await list(caseId);
    expect(five.sessions.map((s) => s.note)).toEqual([
      'Samtal 1',
      'Samtal 2',
      'Samtal 3',
      'Samtal 4',
      'Samtal 5',
    ]);
    expect(five.sessions[0]?.heldBy.id).toBe(w.users.colleague.id);
    expect(five).toMatchObject({
      limit: 5,
      supportDecision: null,
      refusal: LIMIT_SENTENCE,
      abilities: { write: true },
    });

    const sixth = await send('POST', url, session(today));
    expect(sixth.status, sixth.text).toBe(409);
    expect((sixth.json() as { error: { code: string; message: string } }).error).toMatchObject({
      code: 'STEP_OUT_OF_ORDER',
      message: LIMIT_SENTENCE,
    });
    // Nothing saved, and no record of a session in the log.
    expect((await list(caseId)).sessions).toHaveLength(5);
    const rows = await t.database.db
      .selectFrom('audit_event')
      .select('action')
      .where('correlation_id', '=', sixth.correlationId)
      .execute();
    expect(rows.map((r) => r.action)).not.toContain('advice_session.record');

    // A beslut that ended before the day does not allow it.
    await decideSupport(caseId, { from: addDays(today, -12), to: addDays(today, -2) });
    const ended = await send('POST', url, session(today));
    expect(ended.status, ended.text).toBe(409);
    expect(ended.text).toContain('Fatta beslut om stödsamtal');
    // …but allows a session on a day it covered.
    const within = await send('POST', url, session(addDays(today, -3), 'Samtal 6'));
    expect(within.status, within.text).toBe(201);

    await decideSupport(caseId, { from: addDays(today, -1), to: null });
    const allowed = await send('POST', url, session(today, 'Samtal 7'));
    expect(allowed.status, allowed.text).toBe(201);
    const after = await list(caseId);
    expect(after.sessions).toHaveLength(7);
    expect(after.refusal).toBeNull();
    expect(after.supportDecision).toMatchObject({ from: addDays(today, -1), to: null });

    const audit = await t.database.db
      .selectFrom('audit_event')
      .select(['action', 'details', 'person_ids', 'case_ids'])
      .where('correlation_id', '=', allowed.correlationId)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'advice_session.record',
      details: { sessionId: (allowed.json() as { id: string }).id },
      case_ids: [caseId],
    });
  });

  it('refuses a date in the future on body.heldOn, and an empty note', async () => {
    const caseId = await caseForSessions('Framtidsson');
    const future = await send(
      'POST',
      `/api/cases/${caseId}/advice-sessions`,
      session(addDays(today, 1)),
    );
    expect(future.status, future.text).toBe(400);
    const fields = (future.json() as { error: { fields: { path: string; message: string }[] } })
      .error.fields;
    expect(fields).toEqual([
      { path: 'body.heldOn', message: 'Datumet kan inte ligga i framtiden.' },
    ]);
    const empty = await send('POST', `/api/cases/${caseId}/advice-sessions`, session(today, ' '));
    expect(empty.status, empty.text).toBe(400);
    expect(empty.text).toContain('body.note');
    expect((await list(caseId)).sessions).toEqual([]);
  });

  it("tells another unit's worker the case does not exist", async () => {
    const caseId = await caseForSessions('Annanenhet');
    const url = `/api/cases/${caseId}/advice-sessions`;
    expect((await send('GET', url, undefined, 'childrenWorker')).status).toBe(404);
    const write = await send('POST', url, session(today), 'childrenWorker');
    expect(write.status, write.text).toBe(404);
    expect((await list(caseId)).sessions).toEqual([]);
  });
});
