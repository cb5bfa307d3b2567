import type { Db } from '../db/database.ts';
import type { Scenario } from './matrix.ts';
import { outcomes } from './matrix-outcomes.ts';
import type { World } from './world.ts';

/**
 * The authorization matrix's rows for intyg (issue 16, item 1), spliced into `scenarios` in
 * matrix.ts: read and printed by whoever may read the case, written and issued by whoever works
 * it, reviewed by whoever has a work relation to it and wrote none of it — the enhetschef.
 */

export const certificateContent = {
  purpose: 'housing_priority',
  purposeText: 'Underlag till ansökan om förtur i bostadskön.',
  recipient: { name: 'Bostadsförmedlingen', channel: null },
  certifies: 'Att hon har kontakt med socialtjänsten om våld i nära relation.',
  statements: [
    {
      text: 'Hon har berättat att hon lämnat bostaden på grund av våld.',
      source: { kind: 'person', detail: null },
      clearance: null,
    },
  ],
};

const approval = {
  outcome: 'approved',
  comment: null,
  confirmed: { purposeClear: true, factsOnly: true, sourcesShown: true },
};

/** An intyg of P's written by the assigned handläggare: a draft, reviewed by the manager, or issued. */
async function certificateOnP(
  db: Db,
  w: World,
  stage: 'draft' | 'approved' | 'issued',
): Promise<string> {
  const now = new Date();
  const { id } = await db
    .insertInto('certificate')
    .values({
      case_id: w.persons.p.caseId,
      person_id: w.persons.p.id,
      created_by: w.users.assigned.id,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('certificate_version')
    .values({
      certificate_id: id,
      version: 1,
      purpose: 'housing_priority',
      purpose_text: certificateContent.purposeText,
      recipient_name: certificateContent.recipient.name,
      recipient_channel: null,
      certifies: certificateContent.certifies,
      statements: JSON.stringify(certificateContent.statements),
      written_by: w.users.assigned.id,
      written_at: now,
    })
    .execute();
  if (stage === 'draft') return id;
  const review = await db
    .insertInto('certificate_review')
    .values({
      certificate_id: id,
      version: 1,
      outcome: 'approved',
      comment: null,
      reviewed_by: w.users.manager.id,
      reviewed_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (stage === 'issued') {
    await db
      .insertInto('certificate_issue')
      .values({
        certificate_id: id,
        version: 1,
        review_id: review.id,
        issued_by: w.users.assigned.id,
        issued_at: now,
      })
      .execute();
  }
  return id;
}

const on = (w: World, rest = '') => `/api/cases/${w.persons.p.caseId}/certificates${rest}`;

export const certificateScenarios: Scenario[] = [
  {
    name: 'list the intyg of an assigned case',
    audited: true,
    request: (w) => ({ method: 'GET', url: on(w) }),
    expect: outcomes(404, { assigned: 200, manager: 200 }),
  },
  {
    name: 'write an intyg on an assigned case',
    audited: true,
    request: (w) => ({ method: 'POST', url: on(w), payload: certificateContent }),
    expect: outcomes(404, { assigned: 201, manager: 403 }),
  },
  {
    name: 'write a new version of an intyg on an assigned case',
    audited: true,
    request: async (w, _actor, db) => ({
      method: 'POST',
      url: on(w, `/${await certificateOnP(db, w, 'draft')}/versions`),
      payload: { ...certificateContent, version: 1 },
    }),
    expect: outcomes(404, { assigned: 201, manager: 403 }),
  },
  {
    name: 'review an intyg the assigned handläggare wrote',
    audited: true,
    request: async (w, _actor, db) => ({
      method: 'POST',
      url: on(w, `/${await certificateOnP(db, w, 'draft')}/reviews`),
      payload: { ...approval, version: 1 },
    }),
    // The writer's own reading is no review.
    expect: outcomes(404, { assigned: 403, manager: 201 }),
  },
  {
    name: 'issue a reviewed intyg of an assigned case',
    audited: true,
    request: async (w, _actor, db) => ({
      method: 'POST',
      url: on(w, `/${await certificateOnP(db, w, 'approved')}/issue`),
      payload: { version: 1 },
    }),
    expect: outcomes(404, { assigned: 200, manager: 403 }),
  },
  {
    name: 'print an issued intyg of an assigned case',
    audited: true,
    request: async (w, _actor, db) => ({
      method: 'GET',
      url: on(w, `/${await certificateOnP(db, w, 'issued')}/intyg.pdf`),
    }),
    expect: outcomes(404, { assigned: 200, manager: 200 }),
  },
];
