import type { Scenario } from './matrix.ts';
import { outcomes } from './matrix-outcomes.ts';
import { partnerContactConsent } from './consents.ts';

/**
 * The authorization matrix's rows for partnerkontakt (docs/consents.md), spliced into
 * `scenarios` in matrix.ts: the perpetrator's consents a partnerkontakt may rest on are offered
 * to whoever works the victim's case, by id and dates only. Which consents, and of whom, is
 * server/features/case-documents/intervention-rules.test.ts's.
 */

export const partnerContactScenarios: Scenario[] = [
  {
    name: 'list the perpetrator’s consents to partnerkontakt for an assigned case',
    audited: true,
    request: async (w, _actor, db) => {
      // Q uses violence against P; his consent to P's unit, in his case's register.
      await partnerContactConsent(db, {
        caseId: w.persons.q.caseId,
        unitId: w.units.adult,
        recordedBy: w.users.assigned.id,
      });
      return { method: 'GET', url: `/api/cases/${w.persons.p.caseId}/partner-contact-consents` };
    },
    expect: outcomes(404, { assigned: 200, manager: 403 }),
  },
];
