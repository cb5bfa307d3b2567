import { addDays } from '../../core/domain/calendar.ts';
import type { Db } from '../db/database.ts';
import { stockholmDate } from '../time.ts';
import type { Scenario } from './matrix.ts';
import { outcomes } from './matrix-outcomes.ts';
import type { World } from './world.ts';

/**
 * The authorization matrix's rows for SIP and intern samverkansplan (issue 15 item 3), spliced
 * into `scenarios` in matrix.ts: read and printed by whoever may read the case, written, revised
 * and followed up by whoever works it.
 */

/** P's written consent to a SIP with her vårdcentral, as a row of her register. */
async function consentToRegion(db: Db, w: World): Promise<string> {
  const today = stockholmDate(new Date());
  const row = await db
    .insertInto('consent')
    .values({
      person_id: w.persons.p.id,
      case_id: w.persons.p.caseId,
      categories: ['name', 'health'],
      purposes: ['coordinated_plan'],
      purpose_text: 'Att vårdcentralen och socialtjänsten samordnar stödet.',
      recipient_kind: 'agency',
      recipient_unit_id: null,
      recipient_provider_id: null,
      recipient_name: 'Vårdcentralen Centrum',
      given_on: addDays(today, -1),
      valid_until: addDays(today, 180),
      way: 'written',
      document_reference: 'Dnr 2026/1',
      recorded_by: w.users.assigned.id,
      recorded_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const content = (w: World, consentId: string) => ({
  needs: 'Samtalsstöd och uppföljning av hälsan.',
  participants: [
    {
      participant: {
        kind: 'unit',
        unitId: w.units.adult,
        name: 'Testa Handläggare',
        role: 'Socialsekreterare',
      },
      responsibility: 'Samordnar planen.',
      consentId: null,
    },
    {
      participant: {
        kind: 'agency',
        organisation: 'Vårdcentralen Centrum',
        name: 'Vera Vård',
        role: 'Distriktssköterska',
      },
      responsibility: 'Följer upp hälsan.',
      consentId,
    },
  ],
  othersDo: '',
  overallResponsible: 0,
  followUpOn: addDays(stockholmDate(new Date()), 30),
  categories: ['name', 'health'],
});

/** A SIP of P's at version 1, written as rows. */
async function planOnP(db: Db, w: World): Promise<{ planId: string; consentId: string }> {
  const consentId = await consentToRegion(db, w);
  const plan = await db
    .insertInto('coordinated_plan')
    .values({
      kind: 'sip',
      case_id: w.persons.p.caseId,
      person_id: w.persons.p.id,
      created_by: w.users.assigned.id,
      created_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('coordinated_plan_version')
    .values({
      plan_id: plan.id,
      version: 1,
      needs: 'Samtalsstöd.',
      participants: JSON.stringify([
        {
          kind: 'agency',
          unitId: null,
          providerId: null,
          recipientName: 'Vårdcentralen Centrum',
          name: 'Vera Vård',
          role: 'Distriktssköterska',
          responsibility: 'Följer upp hälsan.',
          consentId,
        },
      ]),
      others_do: '',
      overall_responsible: 0,
      follow_up_on: addDays(stockholmDate(new Date()), 30),
      categories: ['name', 'health'],
      recorded_by: w.users.assigned.id,
      recorded_at: new Date(),
    })
    .execute();
  return { planId: plan.id, consentId };
}

export const planScenarios: Scenario[] = [
  {
    name: 'list the SIP and samverkansplaner of an assigned case',
    audited: true,
    request: (w) => ({ method: 'GET', url: `/api/cases/${w.persons.p.caseId}/plans` }),
    expect: outcomes(404, { assigned: 200, manager: 200 }),
  },
  {
    name: 'write a SIP on an assigned case',
    audited: true,
    request: async (w, _actor, db) => ({
      method: 'POST',
      url: `/api/cases/${w.persons.p.caseId}/plans`,
      payload: { kind: 'sip', ...content(w, await consentToRegion(db, w)) },
    }),
    expect: outcomes(404, { assigned: 201, manager: 403 }),
  },
  {
    name: 'revise a SIP on an assigned case',
    audited: true,
    request: async (w, _actor, db) => {
      const { planId, consentId } = await planOnP(db, w);
      return {
        method: 'POST',
        url: `/api/cases/${w.persons.p.caseId}/plans/${planId}/versions`,
        payload: { version: 1, ...content(w, consentId) },
      };
    },
    expect: outcomes(404, { assigned: 201, manager: 403 }),
  },
  {
    name: 'follow up a SIP on an assigned case',
    audited: true,
    request: async (w, _actor, db) => ({
      method: 'POST',
      url: `/api/cases/${w.persons.p.caseId}/plans/${(await planOnP(db, w)).planId}/follow-ups`,
      payload: {
        followedUpOn: stockholmDate(new Date()),
        personView: 'Det fungerar.',
        assessment: 'Planen följs.',
        goalFulfilment: 'fully',
      },
    }),
    expect: outcomes(404, { assigned: 201, manager: 403 }),
  },
  {
    name: 'print a SIP of an assigned case',
    audited: true,
    request: async (w, _actor, db) => ({
      method: 'GET',
      url: `/api/cases/${w.persons.p.caseId}/plans/${(await planOnP(db, w)).planId}/plan.pdf`,
    }),
    expect: outcomes(404, { assigned: 200, manager: 200 }),
  },
];
