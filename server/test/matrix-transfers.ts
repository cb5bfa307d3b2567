import { createHash, randomUUID } from 'node:crypto';
import type { Db } from '../db/database.ts';
import { foreignPackage } from './transfer-packages.ts';
import { stockholmDate } from '../time.ts';
import { signedFormPdf } from './consents.ts';
import { freshCase } from './matrix.ts';
import type { Scenario } from './matrix.ts';
import { outcomes } from './matrix-outcomes.ts';
import type { World } from './world.ts';

/**
 * The authorization matrix's rows for moving a case to another municipality (issue 16, item 4),
 * spliced into `scenarios` in matrix.ts: read by whoever may read the case, written by whoever
 * works it, decided by the enhetschef alone; a package read in by whoever may open a case in the
 * unit, and what came with it read as the case it made.
 */

type Stage = 'requested' | 'approved' | 'accepted' | 'packaged';

/** A request at a time: whatever an earlier actor's row left open is refused first. */
async function closeOpenTransfers(db: Db, w: World, now: Date, caseId = w.persons.p.caseId) {
  const open = await db
    .selectFrom('case_transfer as t')
    .leftJoin('case_transfer_answer as a', 'a.transfer_id', 't.id')
    .leftJoin('case_transfer_approval as ap', 'ap.transfer_id', 't.id')
    .select(['t.id', 'ap.transfer_id as approved', 'a.transfer_id as answered'])
    .where('t.case_id', '=', caseId)
    .execute();
  for (const o of open.filter((x) => x.answered === null)) {
    if (o.approved === null) {
      await db
        .insertInto('case_transfer_approval')
        .values({ transfer_id: o.id, approved_by: w.users.manager.id, approved_at: now })
        .execute();
    }
    await db
      .insertInto('case_transfer_answer')
      .values({
        transfer_id: o.id,
        outcome: 'refused',
        decided_on: stockholmDate(now),
        reference: null,
        comment: null,
        recorded_by: w.users.assigned.id,
        recorded_at: now,
      })
      .execute();
  }
}

/** A transfer of P's case, as rows, up to the stage. */
export async function transferOnP(
  db: Db,
  w: World,
  stage: Stage,
  of = { caseId: w.persons.p.caseId, personId: w.persons.p.id },
): Promise<string> {
  const now = new Date();
  await closeOpenTransfers(db, w, now, of.caseId);
  const { id } = await db
    .insertInto('case_transfer')
    .values({
      case_id: of.caseId,
      person_id: of.personId,
      receiving_municipality: 'Mottagarkommunen',
      channel: JSON.stringify({ kind: 'email', value: 'socialtjansten@mottagarkommunen.example' }),
      grounds: 'Hon har sin familj och sitt arbete där.',
      wishes: 'Hon vill flytta dit.',
      duration: 'Behovet väntas bestå i minst ett år.',
      requested_by: w.users.assigned.id,
      requested_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (stage === 'requested') return id;
  await db
    .insertInto('case_transfer_approval')
    .values({ transfer_id: id, approved_by: w.users.manager.id, approved_at: now })
    .execute();
  if (stage === 'approved') return id;
  await db
    .insertInto('case_transfer_answer')
    .values({
      transfer_id: id,
      outcome: 'accepted',
      decided_on: stockholmDate(now),
      reference: null,
      comment: null,
      recorded_by: w.users.assigned.id,
      recorded_at: now,
    })
    .execute();
  if (stage === 'accepted') return id;
  const content = Buffer.from('{}');
  await db
    .insertInto('case_transfer_package')
    .values({
      transfer_id: id,
      package_id: randomUUID(),
      content,
      sha256: createHash('sha256').update(content).digest('hex'),
      documents: '[]',
      created_by: w.users.assigned.id,
      created_at: now,
    })
    .execute();
  return id;
}

/** A case made by reading a package in, in the adult unit, in the assigned handläggare's hands. */
async function importedCase(db: Db, w: World): Promise<{ caseId: string; documentId: string }> {
  const now = new Date();
  const { id } = await db
    .insertInto('transfer_import')
    .values({
      package_id: randomUUID(),
      package_sha256: 'a'.repeat(64),
      case_id: w.persons.p.caseId,
      person_id: w.persons.p.id,
      from_municipality: 'Avsändarkommunen',
      from_unit: 'Enheten för våld',
      from_handlaggare: 'Hanna H',
      legal_basis: '2 a kap. 10 § SoL',
      grounds: 'Familj.',
      wishes: 'Flytta hit.',
      duration: 'Ett år.',
      risk: null,
      decisions: '[]',
      imported_by: w.users.assigned.id,
      imported_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const doc = await db
    .insertInto('transfer_import_document')
    .values({
      import_id: id,
      position: 0,
      kind: 'decision',
      title: 'Beslut',
      filename: 'beslut-1.pdf',
      pdf: signedFormPdf,
      sha256: createHash('sha256').update(signedFormPdf).digest('hex'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { caseId: w.persons.p.caseId, documentId: doc.id };
}

const on = (w: World, rest = '') => `/api/cases/${w.persons.p.caseId}/transfers${rest}`;

export const transferScenarios: Scenario[] = [
  {
    name: 'list the transfers of an assigned case',
    audited: true,
    request: (w) => ({ method: 'GET', url: on(w) }),
    expect: outcomes(404, { assigned: 200, manager: 200 }),
  },
  {
    name: 'request a transfer of an assigned case to another municipality',
    audited: true,
    request: async (w, _actor, db) => {
      // In utredning: a case in förhandsbedömning is not moved (core/domain/transfers.ts).
      const caseId = await freshCase(db, w, w.users.assigned.id, 'investigation');
      return {
        method: 'POST',
        url: `/api/cases/${caseId}/transfers`,
        payload: {
          receivingMunicipality: 'Mottagarkommunen',
          channel: { kind: 'email', value: 'socialtjansten@mottagarkommunen.example' },
          grounds: 'Hon har sin familj där.',
          wishes: 'Hon vill flytta dit.',
          duration: 'Minst ett år.',
        },
      };
    },
    expect: outcomes(404, { assigned: 201, manager: 403 }),
  },
  {
    name: 'decide to request the transfer of an assigned case',
    audited: true,
    request: async (w, _actor, db) => ({
      method: 'POST',
      url: on(w, `/${await transferOnP(db, w, 'requested')}/approval`),
      payload: {},
    }),
    // The handläggare who wrote it has no delegation for it, and wrote it.
    expect: outcomes(404, { assigned: 403, manager: 201 }),
  },
  {
    name: 'record the receiving municipality’s answer on a transfer of an assigned case',
    audited: true,
    request: async (w, _actor, db) => ({
      method: 'POST',
      url: on(w, `/${await transferOnP(db, w, 'approved')}/answer`),
      payload: {
        outcome: 'accepted',
        decidedOn: stockholmDate(new Date()),
        reference: null,
        comment: null,
      },
    }),
    expect: outcomes(404, { assigned: 201, manager: 403 }),
  },
  {
    name: 'produce the package of an accepted transfer of an assigned case',
    audited: true,
    request: async (w, _actor, db) => ({
      method: 'POST',
      url: on(w, `/${await transferOnP(db, w, 'accepted')}/package`),
      payload: {},
    }),
    expect: outcomes(404, { assigned: 201, manager: 403 }),
  },
  {
    name: 'download the package of a transfer of an assigned case',
    audited: true,
    request: async (w, _actor, db) => ({
      method: 'GET',
      url: on(w, `/${await transferOnP(db, w, 'packaged')}/package.json`),
    }),
    expect: outcomes(404, { assigned: 200, manager: 200 }),
  },
  {
    name: 'close an assigned case as moved once its package is sent',
    audited: true,
    request: async (w, _actor, db) => {
      const caseId = await freshCase(db, w, w.users.assigned.id, 'communicated');
      const { person_id } = await db
        .selectFrom('case')
        .select('person_id')
        .where('id', '=', caseId)
        .executeTakeFirstOrThrow();
      const transferId = await transferOnP(db, w, 'packaged', { caseId, personId: person_id });
      return {
        method: 'POST',
        url: `/api/cases/${caseId}/transfers/${transferId}/completion`,
        payload: { sentOn: stockholmDate(new Date()), version: 1 },
      };
    },
    expect: outcomes(404, { assigned: 201, manager: 403 }),
  },
  {
    name: 'read a package from another municipality into the adult unit',
    audited: true,
    request: (w) => ({
      method: 'POST',
      url: '/api/transfer-imports',
      payload: {
        unitId: w.units.adult,
        package: foreignPackage(),
        acuteScreening: { acuteNeed: 'no', motivation: 'Inget akut behov enligt paketet.' },
        assignToMe: false,
      },
    }),
    expect: outcomes(404, { assigned: 201, colleague: 201, childrenWorker: 403, outOfHours: 403 }),
  },
  {
    name: 'read where an assigned case came from, when moved here',
    audited: true,
    request: async (w, _actor, db) => {
      await importedCase(db, w);
      return { method: 'GET', url: `/api/cases/${w.persons.p.caseId}/transfer-import` };
    },
    expect: outcomes(404, { assigned: 200, manager: 200 }),
  },
  {
    name: 'print a document that came with an assigned case moved here',
    audited: true,
    request: async (w, _actor, db) => {
      const { caseId, documentId } = await importedCase(db, w);
      return {
        method: 'GET',
        url: `/api/cases/${caseId}/transfer-import/documents/${documentId}/document.pdf`,
      };
    },
    expect: outcomes(404, { assigned: 200, manager: 200 }),
  },
];
