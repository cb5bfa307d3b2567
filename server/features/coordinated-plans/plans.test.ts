import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../../core/contracts/cases.ts';
import type { Plan } from '../../../core/contracts/coordinated-plans.ts';
import { addDays } from '../../../core/domain/calendar.ts';
import { httpAs } from '../../test/http.ts';
import { readPdf } from '../../test/pdf-reader.ts';
import { createTestApp } from '../../test/test-app.ts';
import type { TestApp } from '../../test/test-app.ts';
import { buildWorld } from '../../test/world.ts';
import type { World } from '../../test/world.ts';
import { stockholmDate } from '../../time.ts';

/**
 * SIP and intern samverkansplan over real HTTP: a plan written on the person's consents alone —
 * each participant outside the case's unit on a consent of the case's register, for that kind
 * of plan, to that participant, covering what the plan shares — and each version recorded as a
 * disclosure to each; revised from the version seen (a stale one is 409); followed up; a PDF;
 * a consent revoked leaves the plan saying it must be revised, and the next version on it is
 * refused naming it.
 */

let t: TestApp;
let w: World;
let base: string;
const today = stockholmDate(new Date());
beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await t.close();
});

const send = httpAs(
  () => base,
  () => w,
  'assigned',
);
const messageOf = (res: { json: () => unknown }) =>
  (res.json() as { error: { code: string; message: string } }).error;

async function consent(
  caseId: string,
  recipient: object,
  purposes: string[],
  categories = ['name', 'situation', 'health'],
) {
  const res = await send('POST', `/api/cases/${caseId}/consents`, {
    categories,
    purposes,
    purposeText: 'Att samordna stödet till henne.',
    recipient,
    givenOn: today,
    validUntil: addDays(today, 180),
    way: 'written',
    documentReference: 'Dnr 2026/99',
  });
  expect(res.status, res.text).toBe(201);
  return (res.json() as { id: string }).id;
}

const region = {
  kind: 'agency',
  organisation: 'Vårdcentralen Centrum',
  name: 'Vera Vård',
  role: 'Distriktssköterska',
};
const own = (w: World) => ({
  participant: {
    kind: 'unit',
    unitId: w.units.adult,
    name: 'Testa Handläggare',
    role: 'Socialsekreterare',
  },
  responsibility: 'Utreder behovet av skyddat boende och samordnar planen.',
  consentId: null,
});
const sip = (consentId: string | null, over: object = {}) => ({
  kind: 'sip',
  needs: 'Skyddat boende, samtalsstöd och uppföljning av hälsan.',
  participants: [
    own(w),
    {
      participant: region,
      responsibility: 'Följer upp hälsan och skadorna efter misshandeln.',
      consentId,
    },
  ],
  othersDo: 'Hennes syster hjälper till med barnen.',
  overallResponsible: 0,
  followUpOn: addDays(today, 30),
  categories: ['name', 'health'],
  ...over,
});
const plans = async (caseId: string) => {
  const res = await send('GET', `/api/cases/${caseId}/plans`);
  expect(res.status, res.text).toBe(200);
  return res.json() as { plans: Plan[]; canWrite: boolean };
};

describe('SIP and intern samverkansplan', () => {
  it('writes a SIP on her consent to the region, records the disclosure, revises it from the version seen, and prints it', async () => {
    const caseId = w.persons.p.caseId;
    const consentId = await consent(caseId, { kind: 'agency', name: 'Vårdcentralen Centrum' }, [
      'coordinated_plan',
    ]);
    const res = await send('POST', `/api/cases/${caseId}/plans`, sip(consentId));
    expect(res.status, res.text).toBe(201);
    const { id } = res.json() as { id: string };

    const listed = (await plans(caseId)).plans.find((p) => p.id === id);
    expect(listed).toMatchObject({
      kind: 'sip',
      current: {
        version: 1,
        overallResponsible: 0,
        followUpOn: addDays(today, 30),
        participants: [
          { recipient: { kind: 'unit', id: w.units.adult }, consent: null },
          {
            recipient: { kind: 'agency', id: null, name: 'Vårdcentralen Centrum' },
            consent: { id: consentId, revoked: false },
          },
        ],
      },
      groundGone: null,
    });
    const disclosures = await t.database.db
      .selectFrom('disclosure')
      .select(['purpose', 'recipient_name', 'consent_id', 'categories', 'coordinated_plan_version'])
      .where('coordinated_plan_id', '=', id)
      .execute();
    expect(disclosures).toEqual([
      {
        purpose: 'coordinated_plan',
        recipient_name: 'Vårdcentralen Centrum',
        consent_id: consentId,
        categories: ['name', 'health'],
        coordinated_plan_version: 1,
      },
    ]);

    // Revised from the version seen; a second writer from the same version is refused.
    const v2 = await send('POST', `/api/cases/${caseId}/plans/${id}/versions`, {
      ...sip(consentId),
      kind: undefined,
      version: 1,
      followUpOn: addDays(today, 60),
    });
    expect(v2.status, v2.text).toBe(201);
    expect((v2.json() as { version: number }).version).toBe(2);
    const stale = await send('POST', `/api/cases/${caseId}/plans/${id}/versions`, {
      ...sip(consentId),
      kind: undefined,
      version: 1,
    });
    expect(stale.status).toBe(409);
    expect(messageOf(stale).code).toBe('VERSION_CONFLICT');
    const after = (await plans(caseId)).plans.find((p) => p.id === id);
    expect(after?.current.version).toBe(2);
    expect(after?.earlier.map((v) => v.version)).toEqual([1]);

    const pdf = await fetch(`${base}/api/cases/${caseId}/plans/${id}/plan.pdf`, {
      headers: w.sessions.assigned.headers,
    });
    expect(pdf.status).toBe(200);
    const { text } = await readPdf(new Uint8Array(await pdf.arrayBuffer()));
    expect(text).toContain('SIP, samordnad individuell plan');
    expect(text).toContain('Följer upp hälsan och skadorna efter misshandeln.');
    expect(text).toContain('Hennes syster hjälper till med barnen.');
    expect(text).not.toContain('KANARIEFAGEL');
  });

  it('refuses a plan without its consents, with the rule’s sentence', async () => {
    const caseId = w.persons.p.caseId;
    const noRegion = await send(
      'POST',
      `/api/cases/${caseId}/plans`,
      sip(null, { participants: [own(w)] }),
    );
    expect(noRegion.status).toBe(409);
    expect(messageOf(noRegion).message).toContain('En SIP görs tillsammans med regionen.');
    const noConsent = await send('POST', `/api/cases/${caseId}/plans`, sip(null));
    expect(noConsent.status).toBe(409);
    expect(messageOf(noConsent).message).toContain('deltar bara med personens samtycke');
    // A consent for a samråd is not one for a SIP; one to the school is not one to the region.
    const forMeeting = await consent(caseId, { kind: 'agency', name: 'Vårdcentralen Centrum' }, [
      'coordination_meeting',
    ]);
    const wrongPurpose = await send('POST', `/api/cases/${caseId}/plans`, sip(forMeeting));
    expect(wrongPurpose.status).toBe(409);
    expect(messageOf(wrongPurpose).message).toContain(
      'gäller inte SIP, samordnad individuell plan',
    );
    const toSchool = await consent(caseId, { kind: 'agency', name: 'Kvarnbyskolan' }, [
      'coordinated_plan',
    ]);
    const wrongRecipient = await send('POST', `/api/cases/${caseId}/plans`, sip(toSchool));
    expect(wrongRecipient.status).toBe(409);
    expect(messageOf(wrongRecipient).message).toContain('gäller inte Vårdcentralen Centrum');
    // Narrower than the plan: the consent does not cover violence.
    const narrow = await consent(
      caseId,
      { kind: 'agency', name: 'Vårdcentralen Centrum' },
      ['coordinated_plan'],
      ['name'],
    );
    const wider = await send(
      'POST',
      `/api/cases/${caseId}/plans`,
      sip(narrow, { categories: ['name', 'violence'] }),
    );
    expect(wider.status).toBe(409);
    expect(messageOf(wider).message).toContain('omfattar inte');
    // Nothing was written by any of them.
    const written = await t.database.db
      .selectFrom('coordinated_plan')
      .select('id')
      .where('case_id', '=', caseId)
      .execute();
    expect(written).toHaveLength(1);
  });

  it('writes an intern samverkansplan with the children’s unit on consent, and follows it up', async () => {
    const caseId = w.persons.p.caseId;
    const alone = await send('POST', `/api/cases/${caseId}/plans`, {
      ...sip(null, { participants: [own(w)] }),
      kind: 'internal',
    });
    expect(alone.status).toBe(409);
    expect(messageOf(alone).message).toContain('flera enheter');
    const consentId = await consent(
      caseId,
      { kind: 'unit', unitId: w.units.children },
      ['internal_plan'],
      ['name', 'situation'],
    );
    const res = await send('POST', `/api/cases/${caseId}/plans`, {
      ...sip(null, {
        participants: [
          own(w),
          {
            participant: {
              kind: 'unit',
              unitId: w.units.children,
              name: 'Eva Ek',
              role: 'Socialsekreterare',
            },
            responsibility: 'Utreder barnens behov.',
            consentId,
          },
        ],
        categories: ['name', 'situation'],
        overallResponsible: 1,
      }),
      kind: 'internal',
    });
    expect(res.status, res.text).toBe(201);
    const { id } = res.json() as { id: string };
    // Its follow-up day is a deadline of the case until it is followed up.
    const planDeadlines = async () =>
      ((await send('GET', `/api/cases/${caseId}`)).json() as CaseDetail).deadlines.filter(
        (d) => d.kind === 'plan_follow_up',
      );
    const before = await planDeadlines();
    expect(before).toContainEqual(
      expect.objectContaining({ dueOn: addDays(today, 30), status: 'ok' }),
    );

    const future = await send('POST', `/api/cases/${caseId}/plans/${id}/follow-ups`, {
      followedUpOn: addDays(today, 1),
      personView: '',
      assessment: 'Planen följs.',
      goalFulfilment: 'partly',
    });
    expect(future.status).toBe(400);
    const followed = await send('POST', `/api/cases/${caseId}/plans/${id}/follow-ups`, {
      followedUpOn: today,
      personView: 'Hon känner sig tryggare.',
      assessment: 'Planen följs; barnens utredning pågår.',
      goalFulfilment: 'partly',
    });
    expect(followed.status, followed.text).toBe(201);
    const plan = (await plans(caseId)).plans.find((p) => p.id === id);
    expect(plan?.followUps).toEqual([
      expect.objectContaining({ followedUpOn: today, goalFulfilment: 'partly' }),
    ]);
    expect(await planDeadlines()).toHaveLength(before.length - 1);

    // Revoked: the plan says it must be revised, and the next version on it is refused.
    const revoked = await send('POST', `/api/cases/${caseId}/consents/${consentId}/revocation`, {
      revokedOn: today,
      how: 'Hon sa det på mötet.',
    });
    expect(revoked.status).toBe(201);
    const gone = (await plans(caseId)).plans.find((p) => p.id === id);
    expect(gone?.groundGone).toContain('återkallades');
    expect(gone?.current.participants[1]?.consent?.revoked).toBe(true);
    const next = await send('POST', `/api/cases/${caseId}/plans/${id}/versions`, {
      ...sip(null, {
        participants: [
          own(w),
          {
            participant: {
              kind: 'unit',
              unitId: w.units.children,
              name: 'Eva Ek',
              role: 'Socialsekreterare',
            },
            responsibility: 'Utreder barnens behov.',
            consentId,
          },
        ],
        categories: ['name', 'situation'],
      }),
      kind: undefined,
      version: 1,
    });
    expect(next.status).toBe(409);
    expect(messageOf(next).message).toContain('återkallades');
  });

  it('is read by who may read the case and written by who works it, each act audited', async () => {
    const caseId = w.persons.p.caseId;
    expect(
      (await send('GET', `/api/cases/${caseId}/plans`, undefined, 'childrenWorker')).status,
    ).toBe(404);
    expect((await send('GET', `/api/cases/${caseId}/plans`, undefined, 'manager')).status).toBe(
      200,
    );
    const byManager = await send('POST', `/api/cases/${caseId}/plans`, sip(null), 'manager');
    expect(byManager.status).toBe(403);
    const read = await send('GET', `/api/cases/${caseId}/plans`);
    const audit = await t.database.db
      .selectFrom('audit_event')
      .select(['action', 'person_ids'])
      .where('correlation_id', '=', read.correlationId)
      .execute();
    expect(audit).toEqual([{ action: 'plan.read', person_ids: [w.persons.p.id] }]);
  });
});
