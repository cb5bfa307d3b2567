import type { Scenario } from './matrix.ts';
import { outcomes } from './matrix-outcomes.ts';
import { consentToProvider, signedFormPdf, writtenConsentWithDocument } from './consents.ts';
import { stockholmDate } from '../time.ts';

/**
 * The authorization matrix's rows for the consent register (issue 15), spliced into `scenarios`
 * in matrix.ts: read by whoever may read the case, written by whoever works it. The uppdrag that
 * discloses on a consent is matrix.ts's own row.
 */

export const consentScenarios: Scenario[] = [
  {
    name: 'read the consent register of an assigned case',
    audited: true,
    request: (w) => ({ method: 'GET', url: `/api/cases/${w.persons.p.caseId}/consents` }),
    expect: outcomes(404, { assigned: 200, manager: 200 }),
  },
  {
    name: 'record a consent on an assigned case',
    audited: true,
    request: (w) => ({
      method: 'POST',
      url: `/api/cases/${w.persons.p.caseId}/consents`,
      payload: {
        categories: ['name', 'situation'],
        purposes: ['coordination_meeting'],
        purposeText: 'Samråd med skolan om barnens trygghet.',
        recipient: { kind: 'agency', name: 'Kvarnbyskolan' },
        givenOn: '2026-11-02',
        validUntil: '2027-05-02',
        way: 'written',
        documentReference: 'Undertecknat samtycke, dnr 2026/123',
      },
    }),
    expect: outcomes(404, { assigned: 201, manager: 403 }),
  },
  {
    name: 'revoke a consent on an assigned case',
    audited: true,
    request: async (w, _actor, db) => {
      const consentId = await consentToProvider(db, {
        caseId: w.persons.p.caseId,
        providerId: w.providers.own,
        recordedBy: w.users.assigned.id,
      });
      return {
        method: 'POST',
        url: `/api/cases/${w.persons.p.caseId}/consents/${consentId}/revocation`,
        payload: { revokedOn: stockholmDate(new Date()), how: 'Hon sa det i telefon.' },
      };
    },
    expect: outcomes(404, { assigned: 201, manager: 403 }),
  },
  {
    name: 'attach the signed form to a written consent on an assigned case',
    audited: true,
    request: async (w, _actor, db) => {
      const { consentId } = await writtenConsentWithDocument(db, {
        caseId: w.persons.p.caseId,
        recordedBy: w.users.assigned.id,
      });
      return {
        method: 'POST',
        url: `/api/cases/${w.persons.p.caseId}/consents/${consentId}/documents`,
        payload: {
          filename: 'samtycke.pdf',
          content: signedFormPdf.toString('base64'),
        },
      };
    },
    expect: outcomes(404, { assigned: 201, manager: 403 }),
  },
  {
    name: "download a consent's signed form on an assigned case",
    audited: true,
    request: async (w, _actor, db) => {
      const { consentId, documentId } = await writtenConsentWithDocument(db, {
        caseId: w.persons.p.caseId,
        recordedBy: w.users.assigned.id,
      });
      return {
        method: 'GET',
        url: `/api/cases/${w.persons.p.caseId}/consents/${consentId}/documents/${documentId}`,
      };
    },
    expect: outcomes(404, { assigned: 200, manager: 200 }),
  },
];
