import { createHash } from 'node:crypto';
import { loadCaseRow } from '../case-kernel/case-access.ts';
import { filePieces } from '../case-kernel/file-pieces.ts';
import type { Db } from '../db/database.ts';
import { fileHash } from '../features/file-requests/file-requests.service.ts';
import { stockholmDate } from '../time.ts';
import { signedFormPdf } from './consents.ts';
import type { Scenario } from './matrix.ts';
import { outcomes } from './matrix-outcomes.ts';
import type { World } from './world.ts';

/**
 * The authorization matrix's rows for a person's own file (issue 16, item 3), spliced into
 * `scenarios` in matrix.ts: read by whoever may read the case, registered, drafted and released
 * by whoever works it, approved by the enhetschef alone.
 */

/** A request on P's case, as rows: registered, drafted for the file as it stands, approved, released. */
async function requestOnP(
  db: Db,
  w: World,
  stage: 'registered' | 'drafted' | 'approved' | 'released',
): Promise<string> {
  const now = new Date();
  const { id } = await db
    .insertInto('file_request')
    .values({
      case_id: w.persons.p.caseId,
      person_id: w.persons.p.id,
      requested_on: stockholmDate(now),
      requester_kind: 'person',
      requester_name: null,
      registered_by: w.users.assigned.id,
      registered_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (stage === 'registered') return id;
  const row = await loadCaseRow(db, w.persons.p.caseId);
  if (!row) throw new Error('no case of P');
  await db
    .insertInto('file_extract_version')
    .values({
      request_id: id,
      version: 1,
      choices: '[]',
      file_hash: fileHash(await filePieces(db, row)),
      written_by: w.users.assigned.id,
      written_at: now,
    })
    .execute();
  if (stage === 'drafted') return id;
  const approval = await db
    .insertInto('file_extract_approval')
    .values({ request_id: id, version: 1, approved_by: w.users.manager.id, approved_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (stage === 'approved') return id;
  await db
    .insertInto('file_extract_release')
    .values({
      request_id: id,
      version: 1,
      approval_id: approval.id,
      pieces: '[]',
      masked: 0,
      delivery_way: 'handed_over',
      delivery_channel: null,
      pdf: signedFormPdf,
      pdf_sha256: createHash('sha256').update(signedFormPdf).digest('hex'),
      released_by: w.users.assigned.id,
      released_at: now,
    })
    .execute();
  return id;
}

const on = (w: World, rest = '') => `/api/cases/${w.persons.p.caseId}/file-requests${rest}`;

export const fileRequestScenarios: Scenario[] = [
  {
    name: 'list the requests to see the file of an assigned case',
    audited: true,
    request: (w) => ({ method: 'GET', url: on(w) }),
    expect: outcomes(404, { assigned: 200, manager: 200 }),
  },
  {
    name: 'register a request to see the file on an assigned case',
    audited: true,
    request: (w) => ({
      method: 'POST',
      url: on(w),
      payload: {
        requestedOn: stockholmDate(new Date()),
        requester: { kind: 'person', name: null },
      },
    }),
    expect: outcomes(404, { assigned: 201, manager: 403 }),
  },
  {
    name: 'read the draft extract of a file of an assigned case',
    audited: true,
    request: async (w, _actor, db) => ({
      method: 'GET',
      url: on(w, `/${await requestOnP(db, w, 'registered')}/extract`),
    }),
    expect: outcomes(404, { assigned: 200, manager: 200 }),
  },
  {
    name: 'save the sekretessprövning of an extract on an assigned case',
    audited: true,
    request: async (w, _actor, db) => ({
      method: 'POST',
      url: on(w, `/${await requestOnP(db, w, 'registered')}/versions`),
      payload: { version: 0, choices: [] },
    }),
    expect: outcomes(404, { assigned: 201, manager: 403 }),
  },
  {
    name: 'approve the extract of a file of an assigned case',
    audited: true,
    request: async (w, _actor, db) => ({
      method: 'POST',
      url: on(w, `/${await requestOnP(db, w, 'drafted')}/approvals`),
      payload: { version: 1 },
    }),
    // The handläggare who drafted it has no delegation for it, and drafted it.
    expect: outcomes(404, { assigned: 403, manager: 201 }),
  },
  {
    name: 'release the approved extract of a file of an assigned case',
    audited: true,
    request: async (w, _actor, db) => ({
      method: 'POST',
      url: on(w, `/${await requestOnP(db, w, 'approved')}/release`),
      payload: { version: 1, delivery: { way: 'handed_over', channel: null } },
    }),
    expect: outcomes(404, { assigned: 200, manager: 403 }),
  },
  {
    name: 'print the released extract of a file of an assigned case',
    audited: true,
    request: async (w, _actor, db) => ({
      method: 'GET',
      url: on(w, `/${await requestOnP(db, w, 'released')}/extract.pdf`),
    }),
    expect: outcomes(404, { assigned: 200, manager: 200 }),
  },
];
