import type { Scenario } from './matrix.ts';
import { outcomes } from './matrix-outcomes.ts';
import { insertFamilyCase, insertFamilyPerson, uniquePersonnummer } from './family.ts';
import { groundOnP, heldMeetingOnP, meetingOnP } from './meetings.ts';
import { stockholmDate } from '../time.ts';

/**
 * The authorization matrix's rows for samråd (issue 15 item 2), spliced into `scenarios` in
 * matrix.ts. The samråd of these rows is called by `assigned` from P's case with the children's
 * unit taking part: the adult and the children's units know of it; only P's readers read P's
 * points; only who works a file joins it or grounds a presence for it; only the holder holds it.
 */

/** Who may know of the samråd: the holder and the caseworkers and managers of both units. */
const knowers = {
  assigned: 200,
  colleague: 200,
  childrenWorker: 200,
  manager: 200,
  otherManager: 200,
} as const;
const caseworkersAndManagers = { ...knowers, outOfHours: 200 } as const;

export const meetingScenarios: Scenario[] = [
  {
    name: 'call a samråd from an assigned case',
    audited: true,
    request: (w) => ({
      method: 'POST',
      url: `/api/cases/${w.persons.p.caseId}/meetings`,
      payload: {
        plannedOn: stockholmDate(new Date()),
        purpose: 'Samordna stödet.',
        participants: [
          { kind: 'unit', unitId: w.units.children, name: 'Eva Ek', role: 'Socialsekreterare' },
        ],
        followsId: null,
      },
    }),
    expect: outcomes(404, { assigned: 201, manager: 403 }),
  },
  {
    name: 'list the samråd of an assigned case',
    audited: true,
    request: (w) => ({ method: 'GET', url: `/api/cases/${w.persons.p.caseId}/meetings` }),
    expect: outcomes(404, { assigned: 200, manager: 200 }),
  },
  {
    name: 'list the samråd one may know of',
    audited: true,
    request: () => ({ method: 'GET', url: '/api/meetings' }),
    expect: outcomes(404, caseworkersAndManagers),
  },
  {
    name: 'list one’s own action items from samråd',
    audited: true,
    request: () => ({ method: 'GET', url: '/api/meetings/actions/mine' }),
    expect: outcomes(404, caseworkersAndManagers),
  },
  {
    name: 'read a samråd',
    audited: true,
    request: async (w, _actor, db) => ({
      method: 'GET',
      url: `/api/meetings/${(await meetingOnP(db, w)).meetingId}`,
    }),
    expect: outcomes(404, knowers),
  },
  {
    name: 'add a participant to a samråd',
    audited: true,
    request: async (w, _actor, db) => ({
      method: 'POST',
      url: `/api/meetings/${(await meetingOnP(db, w)).meetingId}/participants`,
      payload: {
        participant: { kind: 'agency', organisation: 'Polisen', name: 'Ali Berg', role: 'Polis' },
      },
    }),
    expect: outcomes(404, {
      assigned: 201,
      colleague: 403,
      childrenWorker: 403,
      manager: 403,
      otherManager: 403,
    }),
  },
  {
    name: 'join a child’s file to a samråd',
    audited: true,
    request: async (w, _actor, db) => {
      const personId = await insertFamilyPerson(db, {
        personnummer: uniquePersonnummer(2015),
        givenName: 'Barn',
        familyName: 'Samråd',
      });
      const caseId = await insertFamilyCase(db, {
        personId,
        unitId: w.units.children,
        assignedUserId: w.users.childrenWorker.id,
        targetGroup: 'child',
        marker: 'SAMRADBARN',
        authorId: w.users.childrenWorker.id,
      });
      const { meetingId } = await meetingOnP(db, w);
      return { method: 'POST', url: `/api/cases/${caseId}/meetings/${meetingId}/file` };
    },
    expect: outcomes(404, { childrenWorker: 201, otherManager: 403 }),
  },
  {
    name: 'ground a participant’s presence for an assigned file',
    audited: true,
    request: async (w, _actor, db) => {
      const { meetingId, childrenParticipantId } = await meetingOnP(db, w);
      return {
        method: 'POST',
        url: `/api/cases/${w.persons.p.caseId}/meetings/${meetingId}/grounds`,
        payload: {
          participantId: childrenParticipantId,
          categories: ['name', 'situation'],
          ground: {
            kind: 'legal',
            basis: 'secrecyNecessaryDisclosure',
            secrecyTest: 'Barnenheten behöver veta om våldet för att bedöma barnets behov.',
          },
        },
      };
    },
    expect: outcomes(404, { assigned: 201, manager: 403 }),
  },
  {
    name: 'hold a samråd: write its minutes',
    audited: true,
    request: async (w, _actor, db) => {
      const { meetingId, childrenParticipantId } = await meetingOnP(db, w);
      await groundOnP(db, w, { meetingId, participantId: childrenParticipantId });
      return {
        method: 'POST',
        url: `/api/meetings/${meetingId}/minutes`,
        payload: {
          heldOn: stockholmDate(new Date()),
          followUpOn: null,
          items: [
            {
              caseId: w.persons.p.caseId,
              kind: 'decision',
              text: 'Vuxenenheten utreder först.',
              owner: null,
              dueOn: null,
            },
          ],
        },
      };
    },
    expect: outcomes(404, {
      assigned: 201,
      colleague: 403,
      childrenWorker: 403,
      manager: 403,
      otherManager: 403,
    }),
  },
  {
    name: 'close an action item from a samråd',
    audited: true,
    request: async (w, _actor, db) => {
      const { meetingId, itemId } = await heldMeetingOnP(db, w);
      return {
        method: 'POST',
        url: `/api/meetings/${meetingId}/items/${itemId}/done`,
        payload: { doneOn: stockholmDate(new Date()), note: null },
      };
    },
    expect: outcomes(404, { assigned: 201, manager: 403 }),
  },
];
