import type { Scenario } from './matrix.ts';
import { outcomes } from './matrix-outcomes.ts';
import { stockholmDate } from '../time.ts';

/**
 * The authorization matrix's rows for what a case tells the police and other agencies (issue
 * 16, item 2), spliced into `scenarios` in matrix.ts: read by whoever may read the case, written
 * by whoever works it.
 */

export const agencyScenarios: Scenario[] = [
  {
    name: 'read the disclosures to agencies of an assigned case',
    audited: true,
    request: (w) => ({
      method: 'GET',
      url: `/api/cases/${w.persons.p.caseId}/agency-disclosures`,
    }),
    expect: outcomes(404, { assigned: 200, manager: 200 }),
  },
  {
    name: 'record a disclosure to the police on an assigned case',
    audited: true,
    request: (w) => ({
      method: 'POST',
      url: `/api/cases/${w.persons.p.caseId}/agency-disclosures`,
      payload: {
        agency: { kind: 'police', name: 'Polisen region Stockholm' },
        receivedBy: null,
        disclosedOn: stockholmDate(new Date()),
        way: 'oral',
        categories: ['name', 'violence'],
        what: 'Att hon hotats till livet.',
        riskAssessmentId: null,
        ground: {
          kind: 'legal',
          basis: 'secrecyViolencePrevention',
          secrecyTest: 'Uppgifterna behövs för att polisen ska kunna förebygga våld mot henne.',
        },
      },
    }),
    expect: outcomes(404, { assigned: 201, manager: 403 }),
  },
  {
    name: 'record her decision about reporting on an assigned case',
    audited: true,
    request: (w) => ({
      method: 'POST',
      url: `/api/cases/${w.persons.p.caseId}/crime-report-decisions`,
      payload: { decision: 'declined', decidedOn: stockholmDate(new Date()), note: null },
    }),
    expect: outcomes(404, { assigned: 201, manager: 403 }),
  },
];
