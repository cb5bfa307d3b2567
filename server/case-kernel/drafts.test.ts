import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../core/contracts/cases.ts';
import { createTestApp } from '../test/test-app.ts';
import type { TestApp } from '../test/test-app.ts';
import { intakePayload } from '../test/factories.ts';
import { buildWorld } from '../test/world.ts';
import type { ActorName, World } from '../test/world.ts';

/**
 * Every long form's draft through real HTTP (issue 12): a draft is only its writer's, is refused
 * to whoever may not write the record, goes when the record is saved, and stays when the save
 * loses a version conflict — so the loser's text is never lost.
 */

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
});
afterAll(async () => {
  await t.close();
});

const send = (
  as: ActorName,
  method: 'POST' | 'PUT' | 'GET' | 'DELETE',
  url: string,
  payload?: object,
) =>
  t.app.inject({ method, url, headers: w.sessions[as].headers, ...(payload ? { payload } : {}) });

const own = { kind: 'person', detail: null };
const MARKER = 'Skyddad adress Hemligvägen 7';

/** A case in utredning in the adult unit's queue, where both its handläggare may work. */
async function caseInInvestigation(familyName: string) {
  const payload = intakePayload(w.units.adult, {
    existing: false,
    newPerson: { identity: null, givenName: 'Ines', familyName, protectionLevel: 'none' },
  });
  payload.intake.type = 'application_oral';
  const created = await send('colleague', 'POST', '/api/intakes', payload);
  expect(created.statusCode, created.body).toBe(201);
  const { caseId, personId } = created.json<{ caseId: string; personId: string }>();
  const opened = await send('colleague', 'POST', `/api/cases/${caseId}/preliminary-assessment`, {
    outcome: 'open_investigation',
    template: 'victim',
    reason: 'Ansöker om skyddat boende.',
    version: await caseVersion(caseId),
  });
  expect(opened.statusCode, opened.body).toBe(201);
  // Back in the unit's queue (as when the handläggare who took it is away): both may work it.
  await t.database.db
    .updateTable('case')
    .set({ assigned_user_id: null })
    .where('id', '=', caseId)
    .execute();
  return { caseId, personId };
}

async function caseVersion(caseId: string) {
  return (await send('manager', 'GET', `/api/cases/${caseId}`)).json<CaseDetail>().version;
}

const sectionDraft = (version: number, text: string) => ({
  draft: { version, statements: [{ text, source: own }] },
});

interface DraftAnswer {
  draft: { version: number; statements?: { text: string }[] } | null;
  savedAt: string | null;
}

describe('drafts of long forms', () => {
  it('are only their writer’s: another handläggare on the same case reads none of them', async () => {
    const { caseId } = await caseInInvestigation('Utkastdotter');
    const url = `/api/cases/${caseId}/investigation/sections/background/draft`;
    const saved = await send('colleague', 'PUT', url, sectionDraft(0, MARKER));
    expect(saved.statusCode, saved.body).toBe(200);

    const mine = (await send('colleague', 'GET', url)).json<DraftAnswer>();
    expect(mine.draft?.statements?.[0]?.text).toBe(MARKER);
    expect(mine.savedAt).toBe(saved.json<{ savedAt: string }>().savedAt);

    // `assigned` works in the same unit's queue and may write the section, but not read the draft.
    const theirs = await send('assigned', 'GET', url);
    expect(theirs.statusCode, theirs.body).toBe(200);
    expect(theirs.json<DraftAnswer>().draft).toBeNull();
    const list = await send('assigned', 'GET', `/api/cases/${caseId}/investigation/drafts`);
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(MARKER);
    // Throwing "hers" away throws away nothing of the writer's.
    await send('assigned', 'DELETE', url);
    const still = (await send('colleague', 'GET', url)).json<DraftAnswer>();
    expect(still.draft?.statements?.[0]?.text).toBe(MARKER);
    const all = await send('colleague', 'GET', `/api/cases/${caseId}/investigation/drafts`);
    expect(all.json<{ items: { section: string }[] }>().items.map((i) => i.section)).toEqual([
      'background',
    ]);

    // The audit log names the draft, never its text.
    const rows = await t.database.db
      .selectFrom('audit_event')
      .select(['action', 'details'])
      .where('action', 'in', ['draft.save', 'draft.read', 'draft.discard'])
      .execute();
    expect(rows.map((r) => r.action)).toContain('draft.save');
    expect(JSON.stringify(rows)).not.toContain('Hemligvägen');
  });

  it('are refused to whoever may not write the record, and go with the access to the case', async () => {
    const { caseId } = await caseInInvestigation('Åtkomstsson');
    const url = `/api/cases/${caseId}/investigation/sections/background/draft`;
    expect((await send('colleague', 'PUT', url, sectionDraft(0, MARKER))).statusCode).toBe(200);
    // The enhetschef reads the case but does not write in it; the children's unit sees nothing.
    expect((await send('manager', 'PUT', url, sectionDraft(0, 'x'))).statusCode).toBe(403);
    expect((await send('manager', 'GET', url)).statusCode).toBe(403);
    expect((await send('childrenWorker', 'GET', url)).statusCode).toBe(404);

    // The case is given to `assigned`: the colleague no longer works with it, nor reads her draft.
    const assigned = await send('manager', 'POST', `/api/cases/${caseId}/assignment`, {
      userId: w.users.assigned.id,
      version: await caseVersion(caseId),
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    const lost = await send('colleague', 'GET', url);
    expect([403, 404]).toContain(lost.statusCode);
    expect(lost.body).not.toContain(MARKER);
    const lostList = await send('colleague', 'GET', `/api/cases/${caseId}/investigation/drafts`);
    expect([403, 404]).toContain(lostList.statusCode);
    expect(lostList.body).not.toContain(MARKER);
  });

  it('keep a safety plan of a protected person to her assigned handläggare', async () => {
    const url = `/api/cases/${w.persons.q.caseId}/safety-plans/${w.persons.q.id}/draft`;
    const draft = {
      draft: {
        version: 0,
        items: [{ key: 'code_word', status: 'in_progress', note: MARKER }],
        reviewOn: '2026-1',
      },
    };
    expect((await send('assigned', 'PUT', url, draft)).statusCode).toBe(200);
    expect((await send('colleague', 'GET', url)).statusCode).toBe(404);
    expect((await send('colleague', 'PUT', url, draft)).statusCode).toBe(404);
    expect((await send('manager', 'GET', url)).statusCode).toBe(403);
    const read = await send('assigned', 'GET', url);
    expect(read.body).toContain(MARKER);
    expect((await send('assigned', 'DELETE', url)).json()).toEqual({ discarded: true });
  });

  it('refuse a malformed draft with a 400 naming the field', async () => {
    const { caseId } = await caseInInvestigation('Felsson');
    const res = await send(
      'colleague',
      'PUT',
      `/api/cases/${caseId}/investigation/sections/background/draft`,
      { draft: { version: -1, statements: [{ text: 'x'.repeat(20_001), source: own }] } },
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('body.draft.version');
  });

  it('go when the section is saved, and stay when the save loses a version conflict', async () => {
    const { caseId } = await caseInInvestigation('Konfliktsson');
    const draftUrl = `/api/cases/${caseId}/investigation/sections/background/draft`;
    const sectionUrl = `/api/cases/${caseId}/investigation/sections/background`;
    expect((await send('colleague', 'PUT', draftUrl, sectionDraft(0, 'Min text'))).statusCode).toBe(
      200,
    );
    expect(
      (await send('assigned', 'PUT', draftUrl, sectionDraft(0, 'Hennes text'))).statusCode,
    ).toBe(200);
    // `assigned` saves first: her draft goes, the colleague's stays.
    const won = await send('assigned', 'PUT', sectionUrl, {
      version: 0,
      statements: [{ text: 'Hennes text', source: own }],
    });
    expect(won.statusCode, won.body).toBe(200);
    expect((await send('assigned', 'GET', draftUrl)).json<DraftAnswer>().draft).toBeNull();
    // The colleague saves from the same version: refused, and her text is still her draft.
    const lost = await send('colleague', 'PUT', sectionUrl, {
      version: 0,
      statements: [{ text: 'Min text', source: own }],
    });
    expect(lost.statusCode).toBe(409);
    const kept = (await send('colleague', 'GET', draftUrl)).json<DraftAnswer>();
    expect(kept.draft).toEqual({ version: 0, statements: [{ text: 'Min text', source: own }] });
    // She merges by hand and saves on the winner's version: the draft is done.
    const merged = await send('colleague', 'PUT', sectionUrl, {
      version: 1,
      statements: [
        { text: 'Hennes text', source: own },
        { text: 'Min text', source: own },
      ],
    });
    expect(merged.statusCode, merged.body).toBe(200);
    expect((await send('colleague', 'GET', draftUrl)).json<DraftAnswer>().draft).toBeNull();
  });

  it('go when the safety plan is saved, and stay when the save loses a version conflict', async () => {
    const { caseId, personId } = await caseInInvestigation('Planesson');
    const draftUrl = `/api/cases/${caseId}/safety-plans/${personId}/draft`;
    const planUrl = `/api/cases/${caseId}/safety-plans/${personId}`;
    const items = (note: string) => [{ key: 'code_word', status: 'in_progress', note }];
    expect(
      (
        await send('colleague', 'PUT', draftUrl, {
          draft: { version: 0, items: items('Mitt kodord'), reviewOn: '' },
        })
      ).statusCode,
    ).toBe(200);
    const won = await send('assigned', 'PUT', planUrl, {
      version: 0,
      items: items('Hennes kodord'),
      reviewOn: null,
    });
    expect(won.statusCode, won.body).toBe(200);
    const lost = await send('colleague', 'PUT', planUrl, {
      version: 0,
      items: items('Mitt kodord'),
      reviewOn: null,
    });
    expect(lost.statusCode).toBe(409);
    expect((await send('colleague', 'GET', draftUrl)).body).toContain('Mitt kodord');
    const saved = await send('colleague', 'PUT', planUrl, {
      version: 1,
      items: items('Mitt kodord'),
      reviewOn: null,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await send('colleague', 'GET', draftUrl)).json<DraftAnswer>().draft).toBeNull();
  });

  it('go when the journal correction is saved, and stay when it loses a version conflict', async () => {
    const { caseId } = await caseInInvestigation('Rättesson');
    const entry = await send('colleague', 'POST', `/api/cases/${caseId}/journal`, {
      occurredOn: '2026-11-01',
      text: 'Först',
      source: own,
    });
    expect(entry.statusCode, entry.body).toBe(201);
    const entryId = entry.json<{ id: string }>().id;
    const draftUrl = `/api/journal/${entryId}/draft`;
    const correction = (text: string, version: number) => ({
      occurredOn: '2026-11-01',
      text,
      source: own,
      reason: 'Skrivfel.',
      version,
    });
    expect(
      (await send('colleague', 'PUT', draftUrl, { draft: correction('Min rättelse', 1) }))
        .statusCode,
    ).toBe(200);
    expect(
      (await send('assigned', 'POST', `/api/journal/${entryId}/versions`, correction('Hennes', 1)))
        .statusCode,
    ).toBe(201);
    const lost = await send(
      'colleague',
      'POST',
      `/api/journal/${entryId}/versions`,
      correction('Min rättelse', 1),
    );
    expect(lost.statusCode).toBe(409);
    expect((await send('colleague', 'GET', draftUrl)).body).toContain('Min rättelse');
    const saved = await send(
      'colleague',
      'POST',
      `/api/journal/${entryId}/versions`,
      correction('Min rättelse', 2),
    );
    expect(saved.statusCode, saved.body).toBe(201);
    expect((await send('colleague', 'GET', draftUrl)).json<DraftAnswer>().draft).toBeNull();
  });
});
