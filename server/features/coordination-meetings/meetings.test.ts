import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../../core/contracts/cases.ts';
import type { Meeting } from '../../../core/contracts/coordination-meetings.ts';
import { addDays } from '../../../core/domain/calendar.ts';
import { createTestApp } from '../../test/test-app.ts';
import type { TestApp } from '../../test/test-app.ts';
import { buildMeetingFamily } from '../../test/meetings.ts';
import type { MeetingFamily } from '../../test/meetings.ts';
import { buildWorld } from '../../test/world.ts';
import type { ActorName, World } from '../../test/world.ts';
import { stockholmDate } from '../../time.ts';

/**
 * Samråd over real HTTP, for a family in three units and the school: called from the victim's
 * file, each other file joined by its own handläggare, each participant's presence grounded per
 * file from that file's register, the minutes written once and split — each file gets only its
 * own points —, every presence recorded as a disclosure, the action items in their owners' work
 * lists until closed. And what is refused: another's file brought in, a ground that does not
 * cover (revoked, another recipient, no secrecy test), minutes by anyone but the holder.
 */

let t: TestApp;
let w: World;
let f: MeetingFamily;
let base: string;
const today = stockholmDate(new Date());
beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
  f = await buildMeetingFamily(t, w);
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await t.close();
});

type As = ActorName | 'perpetratorWorker';
async function send(method: 'GET' | 'POST', url: string, body: object | undefined, as: As) {
  const headers: Record<string, string> = {
    ...(as === 'perpetratorWorker' ? f.perpetratorSession : w.sessions[as]).headers,
  };
  if (body) headers['content-type'] = 'application/json';
  const res = await fetch(`${base}${url}`, {
    method,
    headers,
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return {
    status: res.status,
    text,
    correlationId: res.headers.get('x-correlation-id') ?? '',
    json: (): unknown => JSON.parse(text),
  };
}
const detail = (res: { json: () => unknown }) =>
  (res.json() as { error: { message: string } }).error;
const view = async (meetingId: string, as: As) => {
  const res = await send('GET', `/api/meetings/${meetingId}`, undefined, as);
  expect(res.status, res.text).toBe(200);
  return { meeting: res.json() as Meeting, text: res.text };
};

const legal = (
  secrecyTest = 'Barnenheten behöver veta om våldet för att utreda barnets behov av skydd.',
) => ({
  kind: 'legal',
  basis: 'secrecyNecessaryDisclosure',
  secrecyTest,
});

async function callForFamily() {
  const res = await send(
    'POST',
    `/api/cases/${w.persons.p.caseId}/meetings`,
    {
      plannedOn: today,
      purpose: 'Samordna vem som utreder vad kring familjen.',
      participants: [
        { kind: 'unit', unitId: w.units.children, name: 'Eva Ek', role: 'Socialsekreterare' },
        { kind: 'unit', unitId: f.perpetratorUnit.id, name: 'Per Ås', role: 'Behandlare' },
        { kind: 'agency', organisation: 'Kvarnbyskolan', name: 'Kim Kurator', role: 'Kurator' },
      ],
      followsId: null,
    },
    'assigned',
  );
  expect(res.status, res.text).toBe(201);
  return (res.json() as { id: string }).id;
}

async function consentToSchool(caseId: string, as: As) {
  const res = await send(
    'POST',
    `/api/cases/${caseId}/consents`,
    {
      categories: ['name', 'situation'],
      purposes: ['coordination_meeting'],
      purposeText: 'Samråd med skolan.',
      recipient: { kind: 'agency', name: 'Kvarnbyskolan' },
      givenOn: today,
      validUntil: addDays(today, 90),
      way: 'written',
      documentReference: 'Dnr 2026/88',
    },
    as,
  );
  expect(res.status, res.text).toBe(201);
  return (res.json() as { id: string }).id;
}

/** Every participant's presence for one file grounded by the file's handläggare. */
async function groundAll(meetingId: string, caseId: string, as: As, schoolConsentId: string) {
  const { meeting } = await view(meetingId, as);
  const file = meeting.files.find((x) => x.caseId === caseId);
  for (const p of file?.presences ?? []) {
    if (p.status === 'own_unit') continue;
    const participant = meeting.participants.find((x) => x.id === p.participantId);
    const ground =
      participant?.recipient.kind === 'agency'
        ? { kind: 'consent', consentId: schoolConsentId }
        : legal();
    const res = await send(
      'POST',
      `/api/cases/${caseId}/meetings/${meetingId}/grounds`,
      { participantId: p.participantId, categories: ['name', 'situation'], ground },
      as,
    );
    expect(res.status, res.text).toBe(201);
  }
}

describe('a samråd for a family in three units and the school', () => {
  it('is called, joined, grounded, held and split per file; its action items are followed up and closed', async () => {
    const meetingId = await callForFamily();

    // The holder cannot bring another's file in: only who works it joins it.
    const brought = await send(
      'POST',
      `/api/cases/${f.child.caseId}/meetings/${meetingId}/file`,
      undefined,
      'assigned',
    );
    expect(brought.status).toBe(404);

    const asChild = await view(meetingId, 'childrenWorker');
    expect(asChild.meeting.joinable).toEqual([
      { caseId: f.child.caseId, personName: 'Lilly Persson' },
    ]);
    // Before any ground, the victim's file is not shown to the child's unit at all.
    expect(asChild.meeting.files).toEqual([]);
    for (const [caseId, as] of [
      [f.child.caseId, 'childrenWorker'],
      [f.perpetrator.caseId, 'perpetratorWorker'],
    ] as const) {
      const res = await send(
        'POST',
        `/api/cases/${caseId}/meetings/${meetingId}/file`,
        undefined,
        as,
      );
      expect(res.status, res.text).toBe(201);
    }
    const again = await send(
      'POST',
      `/api/cases/${f.child.caseId}/meetings/${meetingId}/file`,
      undefined,
      'childrenWorker',
    );
    expect(again.status).toBe(409);

    // Not yet grounded: holding is refused, naming each participant and file's unit.
    const items = [
      {
        caseId: w.persons.p.caseId,
        kind: 'question',
        text: 'VUXENPUNKT Behöver hon skyddat boende?',
        owner: null,
        dueOn: null,
      },
      {
        caseId: w.persons.p.caseId,
        kind: 'decision',
        text: 'VUXENPUNKT Vuxenenheten utreder hennes behov först.',
        owner: null,
        dueOn: null,
      },
      {
        caseId: f.child.caseId,
        kind: 'action',
        text: 'BARNPUNKT Barnenheten gör en förhandsbedömning.',
        owner: { kind: 'handler' },
        dueOn: addDays(today, 7),
      },
      {
        caseId: f.perpetrator.caseId,
        kind: 'action',
        text: 'UTOVARPUNKT Erbjud behandlingsprogram.',
        owner: { kind: 'handler' },
        dueOn: addDays(today, 14),
      },
    ];
    const early = await send(
      'POST',
      `/api/meetings/${meetingId}/minutes`,
      { heldOn: today, followUpOn: addDays(today, 30), items },
      'assigned',
    );
    expect(early.status).toBe(409);
    expect(detail(early).message).toContain(
      'Kvarnbyskolan saknar grund för sin närvaro för akten hos',
    );

    const pSchool = await consentToSchool(w.persons.p.caseId, 'assigned');
    const childSchool = await consentToSchool(f.child.caseId, 'childrenWorker');
    const perpSchool = await consentToSchool(f.perpetrator.caseId, 'perpetratorWorker');
    await groundAll(meetingId, w.persons.p.caseId, 'assigned', pSchool);
    await groundAll(meetingId, f.child.caseId, 'childrenWorker', childSchool);
    await groundAll(meetingId, f.perpetrator.caseId, 'perpetratorWorker', perpSchool);

    // Only the holder writes the minutes.
    const notHolder = await send(
      'POST',
      `/api/meetings/${meetingId}/minutes`,
      { heldOn: today, followUpOn: null, items },
      'childrenWorker',
    );
    expect(notHolder.status).toBe(403);

    const held = await send(
      'POST',
      `/api/meetings/${meetingId}/minutes`,
      { heldOn: today, followUpOn: addDays(today, 30), items },
      'assigned',
    );
    expect(held.status, held.text).toBe(201);
    const twice = await send(
      'POST',
      `/api/meetings/${meetingId}/minutes`,
      { heldOn: today, followUpOn: null, items },
      'assigned',
    );
    expect(twice.status).toBe(409);

    // Every presence is a disclosure in its file: 3 participants from outside each file's unit.
    const disclosures = await t.database.db
      .selectFrom('disclosure')
      .select(['case_id', 'recipient_name', 'consent_id', 'legal_basis'])
      .where('coordination_meeting_id', '=', meetingId)
      .execute();
    expect(disclosures).toHaveLength(9);
    for (const caseId of [w.persons.p.caseId, f.child.caseId, f.perpetrator.caseId]) {
      expect(disclosures.filter((d) => d.case_id === caseId)).toHaveLength(3);
    }
    expect(
      disclosures
        .filter((d) => d.consent_id !== null)
        .map((d) => d.consent_id)
        .sort(),
    ).toEqual([pSchool, childSchool, perpSchool].sort());

    // Each file gets only its own points; another's content never passes.
    const holder = await view(meetingId, 'assigned');
    expect(holder.meeting.status).toBe('held');
    const own = holder.meeting.files.find((x) => x.caseId === w.persons.p.caseId);
    expect(own?.items?.map((i) => i.text)).toEqual([items[0]?.text, items[1]?.text]);
    expect(holder.meeting.files.find((x) => x.caseId === f.child.caseId)).toMatchObject({
      readable: false,
      personName: null,
      items: null,
      presences: null,
    });
    expect(holder.text).not.toContain('BARNPUNKT');
    expect(holder.text).not.toContain('UTOVARPUNKT');
    const child = await view(meetingId, 'childrenWorker');
    expect(child.text).toContain('BARNPUNKT');
    expect(child.text).not.toContain('VUXENPUNKT');
    expect(child.text).not.toContain('UTOVARPUNKT');
    expect(child.text).not.toContain('Testa Persson');
    const perp = await view(meetingId, 'perpetratorWorker');
    expect(perp.text).toContain('UTOVARPUNKT');
    expect(perp.text).not.toContain('VUXENPUNKT');
    expect(perp.text).not.toContain('BARNPUNKT');
    expect(perp.text).not.toContain('Testa Persson');
    expect(perp.text).not.toContain('KANARIEFAGEL');

    // The action items are in their owners' work lists, and deadlines of their files, until
    // closed.
    const actionDeadlines = async (caseId: string, as: 'childrenWorker' | 'perpetratorWorker') =>
      ((await send('GET', `/api/cases/${caseId}`, undefined, as)).json() as CaseDetail).deadlines
        .filter((d) => d.kind === 'meeting_action')
        .map((d) => d.dueOn);
    for (const [as, marker, caseId, dueOn] of [
      ['childrenWorker', 'BARNPUNKT', f.child.caseId, addDays(today, 7)],
      ['perpetratorWorker', 'UTOVARPUNKT', f.perpetrator.caseId, addDays(today, 14)],
    ] as const) {
      expect(await actionDeadlines(caseId, as)).toEqual([dueOn]);
      const mine = await send('GET', '/api/meetings/actions/mine', undefined, as);
      expect(mine.status, mine.text).toBe(200);
      const { actions } = mine.json() as { actions: { itemId: string; text: string }[] };
      expect(actions.map((a) => a.text)).toEqual([expect.stringContaining(marker)]);
      const itemId = actions[0]?.itemId ?? '';
      const byOther = await send(
        'POST',
        `/api/meetings/${meetingId}/items/${itemId}/done`,
        { doneOn: today, note: null },
        'assigned',
      );
      expect(byOther.status).toBe(404);
      const done = await send(
        'POST',
        `/api/meetings/${meetingId}/items/${itemId}/done`,
        { doneOn: today, note: 'Klart.' },
        as,
      );
      expect(done.status, done.text).toBe(201);
      const doneAgain = await send(
        'POST',
        `/api/meetings/${meetingId}/items/${itemId}/done`,
        { doneOn: today, note: null },
        as,
      );
      expect(doneAgain.status).toBe(409);
      const after = (await send('GET', '/api/meetings/actions/mine', undefined, as)).json() as {
        actions: unknown[];
      };
      expect(after.actions).toEqual([]);
      expect(await actionDeadlines(caseId, as)).toEqual([]);
    }

    // Listed for each side; audited with the persons whose points were read.
    const list = await send(
      'GET',
      `/api/cases/${f.child.caseId}/meetings`,
      undefined,
      'childrenWorker',
    );
    expect((list.json() as { meetings: { id: string; status: string }[] }).meetings).toEqual([
      expect.objectContaining({ id: meetingId, status: 'held' }),
    ]);
    const audit = await t.database.db
      .selectFrom('audit_event')
      .select(['action', 'person_ids', 'details'])
      .where('correlation_id', '=', held.correlationId)
      .execute();
    expect(audit.map((a) => [a.action, a.details])).toEqual([['meeting.hold', { meetingId }]]);
    expect([...(audit[0]?.person_ids ?? [])].sort()).toEqual(
      [w.persons.p.id, f.child.personId, f.perpetrator.personId].sort(),
    );
  });

  it('refuses a presence on a ground that does not cover it, and holding once a consent is revoked', async () => {
    const meetingId = await callForFamily();
    const { meeting } = await view(meetingId, 'assigned');
    const school = meeting.participants.find((p) => p.recipient.kind === 'agency');
    const children = meeting.participants.find((p) => p.recipient.id === w.units.children);
    const holderUnit = meeting.participants.find((p) => p.recipient.id === w.units.adult);
    const ground = (participantId: string | undefined, g: object, categories = ['name']) =>
      send(
        'POST',
        `/api/cases/${w.persons.p.caseId}/meetings/${meetingId}/grounds`,
        { participantId, categories, ground: g },
        'assigned',
      );

    // A consent to the school does not cover the children's unit; nor a short secrecy test.
    const schoolConsent = await consentToSchool(w.persons.p.caseId, 'assigned');
    const otherRecipient = await ground(children?.id, {
      kind: 'consent',
      consentId: schoolConsent,
    });
    expect(otherRecipient.status).toBe(409);
    expect(detail(otherRecipient).message).toContain('gäller inte');
    const short = await ground(children?.id, legal('Behövs.'));
    expect(short.status).toBe(409);
    expect(detail(short).message).toContain('Skriv sekretessprövningen');
    // Wider than the consent: it covers name and situation, not violence.
    const wider = await ground(school?.id, { kind: 'consent', consentId: schoolConsent }, [
      'name',
      'violence',
    ]);
    expect(wider.status).toBe(409);
    expect(detail(wider).message).toContain('omfattar inte');
    const ownUnit = await ground(holderUnit?.id, legal());
    expect(ownUnit.status).toBe(409);
    // Someone who does not work the file records nothing for it.
    const stranger = await send(
      'POST',
      `/api/cases/${w.persons.p.caseId}/meetings/${meetingId}/grounds`,
      { participantId: school?.id, categories: ['name'], ground: legal() },
      'childrenWorker',
    );
    expect(stranger.status).toBe(404);

    for (const p of [school, children]) {
      const g = p === school ? { kind: 'consent', consentId: schoolConsent } : legal();
      const res = await ground(p?.id, g);
      expect(res.status, res.text).toBe(201);
    }
    const perpUnit = meeting.participants.find((p) => p.recipient.id === f.perpetratorUnit.id);
    expect((await ground(perpUnit?.id, legal())).status).toBe(201);

    // Revoked before the samråd is held: holding is refused, naming the consent.
    const revoked = await send(
      'POST',
      `/api/cases/${w.persons.p.caseId}/consents/${schoolConsent}/revocation`,
      { revokedOn: today, how: 'Hon ringde.' },
      'assigned',
    );
    expect(revoked.status, revoked.text).toBe(201);
    const item = {
      caseId: w.persons.p.caseId,
      kind: 'question',
      text: 'En fråga.',
      owner: null,
      dueOn: null,
    };
    const hold = await send(
      'POST',
      `/api/meetings/${meetingId}/minutes`,
      { heldOn: today, followUpOn: null, items: [item] },
      'assigned',
    );
    expect(hold.status).toBe(409);
    expect(detail(hold).message).toContain('återkallades');
    const nothing = await t.database.db
      .selectFrom('coordination_meeting_item')
      .select('id')
      .where('meeting_id', '=', meetingId)
      .execute();
    expect(nothing).toEqual([]);
  });

  it('answers bad input with a 400 naming the field, and an action item without owner with a 409', async () => {
    const meetingId = await callForFamily();
    const empty = await send(
      'POST',
      `/api/meetings/${meetingId}/minutes`,
      { heldOn: today, followUpOn: null, items: [] },
      'assigned',
    );
    expect(empty.status).toBe(400);
    const past = await send(
      'POST',
      `/api/cases/${w.persons.p.caseId}/meetings`,
      { plannedOn: addDays(today, -1), purpose: 'x', participants: [], followsId: null },
      'assigned',
    );
    expect(past.status).toBe(400);
    const noOwner = await send(
      'POST',
      `/api/meetings/${meetingId}/minutes`,
      {
        heldOn: today,
        followUpOn: null,
        items: [
          {
            caseId: w.persons.p.caseId,
            kind: 'action',
            text: 'Gör något.',
            owner: null,
            dueOn: today,
          },
        ],
      },
      'assigned',
    );
    expect(noOwner.status).toBe(409);
    expect(detail(noOwner).message).toContain('Ange vem som ansvarar för åtgärd 1.');
    // A follow-up samråd is called from a file of the first, and only from one.
    const followUp = (caseId: string, as: As) =>
      send(
        'POST',
        `/api/cases/${caseId}/meetings`,
        {
          plannedOn: today,
          purpose: 'Uppföljande samråd.',
          participants: [],
          followsId: meetingId,
        },
        as,
      );
    const follows = await followUp(w.persons.p.caseId, 'assigned');
    expect(follows.status, follows.text).toBe(201);
    const notIn = await followUp(f.child.caseId, 'childrenWorker');
    expect(notIn.status).toBe(409);
    expect(detail(notIn).message).toBe(
      'Ett uppföljande samråd kallas från en akt som var med i det första.',
    );
    const { meeting: next } = await view((follows.json() as { id: string }).id, 'assigned');
    expect(next.followsId).toBe(meetingId);
    // A unit that takes no part does not learn that the samråd exists.
    const outsider = await send('GET', `/api/meetings/${meetingId}`, undefined, 'outOfHours');
    expect(outsider.status).toBe(404);
  });
});
