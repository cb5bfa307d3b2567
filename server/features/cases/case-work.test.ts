import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../../core/contracts/cases.ts';
import { luhnCheckDigit } from '../../../core/domain/personal-identity.ts';
import { openCase } from '../../case-kernel/case-access.ts';
import { changeRelation } from '../../case-kernel/relations.ts';
import { createTestApp } from '../../test/test-app.ts';
import type { TestApp } from '../../test/test-app.ts';
import { intakePayload } from '../../test/factories.ts';
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

const post = (url: string, payload: object, as: ActorName = 'colleague') =>
  t.app.inject({ method: 'POST', url, headers: w.sessions[as].headers, payload });
const get = (url: string, as: ActorName = 'colleague') =>
  t.app.inject({ method: 'GET', url, headers: w.sessions[as].headers });

async function newCase(
  familyName: string,
  intakeType = 'police_notification',
  acuteNeed: 'yes' | 'no' = 'no',
) {
  const payload = intakePayload(
    w.units.adult,
    {
      existing: false,
      newPerson: { identity: null, givenName: 'Vera', familyName, protectionLevel: 'none' },
    },
    { acuteNeed },
  );
  payload.intake.type = intakeType;
  const res = await post('/api/intakes', payload);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ caseId: string; personId: string }>();
}

async function detail(caseId: string, as: ActorName = 'colleague') {
  const res = await get(`/api/cases/${caseId}`, as);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<CaseDetail>();
}

const child = (
  givenName: string,
  number: string | null,
  kind: 'personnummer' | 'samordningsnummer' = 'personnummer',
) => ({
  child: {
    identity: number ? { kind, number } : null,
    givenName,
    familyName: 'Barnsson',
    protectionLevel: 'none',
  },
});

describe('case page', () => {
  it('shows what came in, the screening and the history', async () => {
    const { caseId } = await newCase('Sidvisning', 'police_notification', 'yes');
    const c = await detail(caseId);
    expect(c.phase).toBe('preliminary_assessment');
    expect(c.intake?.type).toBe('police_notification');
    expect(c.acuteScreening?.acuteNeed).toBe('yes');
    expect(c.history.map((h) => h.type)).toEqual(['intake_registered', 'acute_screening']);
    expect(c.legal.investigationDuty).toBe('11 kap. 1 § SoL');
    expect(c.abilities.work).toBe(true);
  });

  it('is not found for a handläggare of another unit', async () => {
    const { caseId } = await newCase('AnnanEnhet');
    expect((await get(`/api/cases/${caseId}`, 'childrenWorker')).statusCode).toBe(404);
    expect((await get(`/api/cases/${caseId}`, 'provider')).statusCode).toBe(404);
  });

  it('lets the unit manager read but not work', async () => {
    const { caseId } = await newCase('Chefsläsning');
    expect((await detail(caseId, 'manager')).abilities.work).toBe(false);
    const res = await post(
      `/api/cases/${caseId}/acute-screening`,
      { acuteNeed: 'no', motivation: 'x', version: 1 },
      'manager',
    );
    expect(res.statusCode).toBe(403);
  });
});

describe('förhandsbedömning', () => {
  it('refuses an utredning about an adult without application or consent, naming the step', async () => {
    const { caseId } = await newCase('UtanSamtycke');
    const c = await detail(caseId);
    const res = await post(`/api/cases/${caseId}/preliminary-assessment`, {
      outcome: 'open_investigation',
      template: 'victim',
      reason: 'Behov av skydd och stöd.',
      version: c.version,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json<{ error: { code: string; message: string } }>().error).toMatchObject({
      code: 'STEP_OUT_OF_ORDER',
      message: expect.stringContaining('ansökan eller samtycke') as string,
    });
    // Nothing was half-saved.
    const after = await detail(caseId);
    expect(after.phase).toBe('preliminary_assessment');
    expect(after.version).toBe(c.version);
    expect(after.investigation).toBeNull();
  });

  it('opens the utredning once consent is recorded', async () => {
    const { caseId } = await newCase('MedSamtycke');
    let c = await detail(caseId);
    const consent = await post(`/api/cases/${caseId}/application`, {
      kind: 'consent',
      form: 'oral',
      receivedOn: '2026-01-01',
      note: 'Samtycker i samtal.',
      version: c.version,
    });
    expect(consent.statusCode, consent.body).toBe(201);
    c = await detail(caseId);
    expect(c.hasApplicationOrConsent).toBe(true);
    const res = await post(`/api/cases/${caseId}/preliminary-assessment`, {
      outcome: 'open_investigation',
      template: 'victim',
      reason: 'Behov av skydd och stöd.',
      version: c.version,
    });
    expect(res.statusCode, res.body).toBe(201);
    c = await detail(caseId);
    expect(c.phase).toBe('investigation');
    expect(c.investigation).toEqual({ template: 'victim' });
    expect(c.deadlines.map((d) => d.kind)).toContain('investigation');
  });

  it('detects a concurrent change by version', async () => {
    const { caseId } = await newCase('Samtidig');
    const c = await detail(caseId);
    const body = {
      kind: 'application',
      form: 'written',
      receivedOn: '2026-01-01',
      note: '',
      version: c.version,
    };
    expect((await post(`/api/cases/${caseId}/application`, body)).statusCode).toBe(201);
    const second = await post(`/api/cases/${caseId}/application`, body);
    expect(second.statusCode).toBe(409);
    expect(second.json<{ error: { code: string } }>().error.code).toBe('VERSION_CONFLICT');
  });

  it('files "do not open" without an earlier personakt as a handling som inte föranlett åtgärd', async () => {
    const { caseId, personId } = await newCase('IngenÅtgärd', 'self_contact');
    const c = await detail(caseId);
    const res = await post(`/api/cases/${caseId}/preliminary-assessment`, {
      outcome: 'no_investigation',
      reason: 'Personen vill inte ha stöd just nu; informerad om var hon kan vända sig.',
      version: c.version,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<{ filedAsNoAction: boolean }>().filedAsNoAction).toBe(true);
    const list = await get(`/api/units/${w.units.adult}/no-action-records?limit=100`);
    expect(list.statusCode).toBe(200);
    const found = list
      .json<{ items: { caseId: string; person: { id: string }; reason: string }[] }>()
      .items.find((i) => i.caseId === caseId);
    expect(found?.person.id).toBe(personId);
    expect(found?.reason).toContain('vill inte');
    // Other units do not see the unit's records.
    const other = await get(`/api/units/${w.units.adult}/no-action-records`, 'childrenWorker');
    expect(other.statusCode).toBe(404);
  });

  it('validates the outcome and reason at the boundary', async () => {
    const { caseId } = await newCase('Validering');
    const res = await post(`/api/cases/${caseId}/preliminary-assessment`, {
      outcome: 'no_investigation',
      reason: '   ',
      version: 1,
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Ange varför ingen utredning inleds.');
  });
});

describe('the duty to report concern for children', () => {
  it('counts a child whose samordningsnummer gives only the year, and shows the ages it allows', async () => {
    const { caseId } = await newCase('Delvis');
    // Born some day in 2015 (month 00, day 60): Skatteverket issues such numbers.
    const number = `20150060-123${luhnCheckDigit('150060123')}`;
    const res = await post(
      `/api/cases/${caseId}/household-children`,
      child('Ida', number, 'samordningsnummer'),
    );
    expect(res.statusCode, res.body).toBe(201);
    const withAge = await post(
      `/api/cases/${caseId}/household-children`,
      child('Nils', `20150427-123${luhnCheckDigit('150427123')}`),
    );
    expect(withAge.statusCode, withAge.body).toBe(201);
    const c = await detail(caseId);
    const ages = Object.fromEntries(
      c.childReportDuties.map((d) => ['givenName' in d.child ? d.child.givenName : '', d.age]),
    );
    const today = new Date().toISOString().slice(0, 10);
    const years = Number(today.slice(0, 4)) - 2015;
    expect(ages.Ida).toBe(`${years - 1}–${years} år`);
    expect(ages.Nils).toMatch(/^\d+ år$/);
    expect(c.childReportDuties.find((d) => d.age === ages.Ida)?.status).toBe('open');
  });

  it('opens for each child, blocks the förhandsbedömning, and a report opens the children’s intake', async () => {
    const { caseId } = await newCase('Familj');
    const first = await post(`/api/cases/${caseId}/household-children`, child('Alva', null));
    expect(first.statusCode, first.body).toBe(201);
    const second = await post(
      `/api/cases/${caseId}/household-children`,
      child('Bo', '20150325-0019'),
    );
    expect(second.statusCode, second.body).toBe(201);
    const alva = first.json<{ childPersonId: string }>().childPersonId;
    const bo = second.json<{ childPersonId: string }>().childPersonId;

    let c = await detail(caseId);
    expect(
      c.childReportDuties.map((d) => ['givenName' in d.child && d.child.givenName, d.status]),
    ).toEqual(
      expect.arrayContaining([
        ['Alva', 'open'],
        ['Bo', 'open'],
      ]),
    );
    expect(c.deadlines.find((d) => d.kind === 'child_report')).toBeDefined();

    // Closing without an utredning is refused while the duty is open.
    const refused = await post(`/api/cases/${caseId}/preliminary-assessment`, {
      outcome: 'no_investigation',
      reason: 'Vill inte ha stöd.',
      version: c.version,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('orosanmälan');

    // A report for Alva creates an intake in the children's unit, first in its queue.
    const report = await post(`/api/cases/${caseId}/child-reports`, {
      childPersonId: alva,
      childrenUnitId: w.units.children,
      content: 'Alva har upplevt våld mellan vuxna i hemmet.',
    });
    expect(report.statusCode, report.body).toBe(201);
    const { childCaseId } = report.json<{ childCaseId: string }>();
    const queue = await get(`/api/units/${w.units.children}/queue?limit=100`, 'childrenWorker');
    const items = queue.json<{ items: { id: string; person: { id: string } }[] }>().items;
    expect(items[0]?.id).toBe(childCaseId);
    const childCase = await detail(childCaseId, 'childrenWorker');
    expect(childCase.targetGroup).toBe('child');
    expect(childCase.intake?.type).toBe('report');
    expect(childCase.deadlines.map((d) => d.kind).sort()).toEqual([
      'preliminary_assessment',
      'protection_assessment',
    ]);
    // The adult's case stays hidden from the children's unit.
    expect((await get(`/api/cases/${caseId}`, 'childrenWorker')).statusCode).toBe(404);

    // A second report for the same child is refused.
    const again = await post(`/api/cases/${caseId}/child-reports`, {
      childPersonId: alva,
      childrenUnitId: w.units.children,
      content: 'Igen.',
    });
    expect(again.statusCode).toBe(409);

    // A report addressed to a unit that is not a children's unit is refused as input.
    const wrongUnit = await post(`/api/cases/${caseId}/child-reports`, {
      childPersonId: bo,
      childrenUnitId: w.units.adult,
      content: 'Bo har upplevt våld.',
    });
    expect(wrongUnit.statusCode).toBe(400);

    // Bo: a recorded reason closes the duty; a blank one is refused.
    expect(
      (await post(`/api/cases/${caseId}/child-report-waivers`, { childPersonId: bo, reason: ' ' }))
        .statusCode,
    ).toBe(400);
    const waived = await post(`/api/cases/${caseId}/child-report-waivers`, {
      childPersonId: bo,
      reason: 'Polisen har redan gjort orosanmälan för Bo i dag.',
    });
    expect(waived.statusCode, waived.body).toBe(201);

    c = await detail(caseId);
    expect(c.childReportDuties.map((d) => d.status).sort()).toEqual(['reported', 'waived']);
    expect(c.deadlines.find((d) => d.kind === 'child_report')).toBeUndefined();
    const closed = await post(`/api/cases/${caseId}/preliminary-assessment`, {
      outcome: 'no_investigation',
      reason: 'Vill inte ha stöd.',
      version: c.version,
    });
    expect(closed.statusCode, closed.body).toBe(201);
    // Personakt existed? No earlier case for her: filed as no-action.
    expect(closed.json<{ filedAsNoAction: boolean }>().filedAsNoAction).toBe(true);
  });

  it('holds again when a child whose relation was ended is registered again, keeping its history', async () => {
    const { caseId, personId } = await newCase('Igen');
    const number = `20160512-123${luhnCheckDigit('160512123')}`;
    const first = await post(`/api/cases/${caseId}/household-children`, child('Tova', number));
    expect(first.statusCode, first.body).toBe(201);
    const tova = first.json<{ childPersonId: string }>().childPersonId;
    const relation = await t.database.db
      .selectFrom('person_relation')
      .select(['id', 'version'])
      .where('person_id', '=', personId)
      .where('related_person_id', '=', tova)
      .executeTakeFirstOrThrow();
    // Tova has a case of her own with the same handläggare, who may so register her by number.
    await t.database.db.transaction().execute((trx) =>
      openCase(
        trx,
        {
          person_id: tova,
          unit_id: w.units.adult,
          target_group: 'child',
          received_at: new Date(),
          assigned_user_id: w.users.colleague.id,
          created_by: null,
        },
        [
          {
            type: 'intake_registered',
            payload: {
              intakeType: 'report',
              from: 'Skolan',
              channel: 'letter',
              content: 'Orosanmälan.',
              receivedAt: new Date().toISOString(),
            },
          },
        ],
        null,
        new Date(),
      ),
    );
    // Ended by someone who may read both files (the route's rules are tested with the relations).
    await t.database.db.transaction().execute((trx) =>
      changeRelation(
        trx,
        {
          relationId: relation.id,
          viewerPersonId: personId,
          recordedBy: w.users.colleague.id,
          now: new Date(),
        },
        {
          change: 'status',
          status: 'ended',
          reason: 'Barnet har flyttat till sin pappa.',
          version: relation.version,
        },
      ),
    );
    expect((await detail(caseId)).childReportDuties.map((d) => d.child.id)).not.toContain(tova);

    const again = await post(`/api/cases/${caseId}/household-children`, child('Tova', number));
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json<{ childPersonId: string }>().childPersonId).toBe(tova);
    expect((await detail(caseId)).childReportDuties.map((d) => d.child.id)).toContain(tova);
    const history = await t.database.db
      .selectFrom('person_relation_version')
      .select(['version', 'status', 'change_reason'])
      .where('relation_id', '=', relation.id)
      .orderBy('version')
      .execute();
    expect(history).toEqual([
      expect.objectContaining({ version: 1, status: 'current' }),
      expect.objectContaining({
        version: 2,
        status: 'ended',
        change_reason: 'Barnet har flyttat till sin pappa.',
      }),
      expect.objectContaining({
        version: 3,
        status: 'current',
        change_reason: 'Registrerat igen som barn i hushållet.',
      }),
    ]);
    // Registered a third time while it holds: nothing changes.
    const third = await post(`/api/cases/${caseId}/household-children`, child('Tova', number));
    expect(third.statusCode, third.body).toBe(201);
    const versions = await t.database.db
      .selectFrom('person_relation_version')
      .select('version')
      .where('relation_id', '=', relation.id)
      .execute();
    expect(versions).toHaveLength(3);
  });

  it('cannot close the case while a child’s duty is open, nor document on it after', async () => {
    const { caseId } = await newCase('Avslut');
    await post(`/api/cases/${caseId}/household-children`, child('Dora', null));
    let c = await detail(caseId);
    const refused = await post(`/api/cases/${caseId}/closure`, {
      reason: 'Klart.',
      version: c.version,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('orosanmälan');
    const dora = c.childReportDuties[0]?.child.id ?? '';
    await post(`/api/cases/${caseId}/child-report-waivers`, {
      childPersonId: dora,
      reason: 'Barnet bor sedan länge hos sin far i annan kommun; anmält dit av polisen.',
    });
    c = await detail(caseId);
    // In förhandsbedömning the matter ends with it, not with a bare closing.
    const bare = await post(`/api/cases/${caseId}/closure`, {
      reason: 'Personen har flyttat.',
      version: c.version,
    });
    expect(bare.statusCode).toBe(409);
    expect(bare.body).toContain('ingen utredning inleds');
    const closed = await post(`/api/cases/${caseId}/preliminary-assessment`, {
      outcome: 'no_investigation',
      reason: 'Personen har flyttat.',
      version: c.version,
    });
    expect(closed.statusCode, closed.body).toBe(201);
    // A closed case is no longer anyone's work: further steps are refused.
    const after = await post(`/api/cases/${caseId}/acute-screening`, {
      acuteNeed: 'no',
      motivation: 'x',
      version: c.version + 1,
    });
    expect(after.statusCode).toBe(404);
  });

  it('refuses a report for someone who is not a child in the household', async () => {
    const { caseId } = await newCase('EjBarn');
    const res = await post(`/api/cases/${caseId}/child-reports`, {
      childPersonId: w.persons.p.id,
      childrenUnitId: w.units.children,
      content: 'Oro.',
    });
    expect(res.statusCode).toBe(404);
  });

  it('the children’s unit records its protection assessment, which stops that clock', async () => {
    const { caseId } = await newCase('Skyddsbedömning');
    const kid = (await post(`/api/cases/${caseId}/household-children`, child('Cleo', null))).json<{
      childPersonId: string;
    }>().childPersonId;
    const { childCaseId } = (
      await post(`/api/cases/${caseId}/child-reports`, {
        childPersonId: kid,
        childrenUnitId: w.units.children,
        content: 'Cleo har upplevt våld.',
      })
    ).json<{ childCaseId: string }>();
    const before = await detail(childCaseId, 'childrenWorker');
    const res = await post(
      `/api/cases/${childCaseId}/acute-screening`,
      { acuteNeed: 'no', motivation: 'Barnet är tryggt hos mormor.', version: before.version },
      'childrenWorker',
    );
    expect(res.statusCode, res.body).toBe(201);
    const after = await detail(childCaseId, 'childrenWorker');
    expect(after.deadlines.map((d) => d.kind)).toEqual(['preliminary_assessment']);
  });
});
