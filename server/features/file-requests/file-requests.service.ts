import { createHash } from 'node:crypto';
import type { BodyOf } from '../../../core/contracts/contract.ts';
import type {
  FileExtract,
  FileRequest,
  approveExtract as approveContract,
  registerFileRequest as registerContract,
  releaseExtract as releaseContract,
  saveExtractChoices as saveContract,
} from '../../../core/contracts/file-requests.ts';
import { guardDestination } from '../../../core/domain/disclosure-guard.ts';
import {
  classifyFile,
  deliveryProblems,
  pieceFingerprint,
  releasedPieces,
  resolveChoices,
} from '../../../core/domain/file-extracts.ts';
import type { FilePiece } from '../../../core/domain/file-extracts.ts';
import { legalReference } from '../../../core/domain/legal-references.ts';
import { can } from '../../../core/policy/policy.ts';
import { caseFacts, loadCase } from '../../case-kernel/case-access.ts';
import type { CaseRow } from '../../case-kernel/case-access.ts';
import { violentParties } from '../../case-kernel/counterparts.ts';
import { filePieces, othersForExtract } from '../../case-kernel/file-pieces.ts';
import { activeCatalogue } from '../../case-kernel/legal-catalogue.ts';
import { onCase } from '../../case-kernel/on-case.ts';
import { findPersonSummaries } from '../../case-kernel/persons.repository.ts';
import { execute } from '../../command.ts';
import type { Trx } from '../../db/database.ts';
import { appendVersion } from '../../db/versions.ts';
import { SECRECY_FOOTER, renderPdf } from '../../documents/pdf.ts';
import type { PdfDocument, PdfSection, RenderedDocument } from '../../documents/pdf.ts';
import { AppError } from '../../errors.ts';
import type { ActionContext } from '../../http/action-context.ts';
import type { ServiceDeps } from '../../service-deps.ts';
import { stockholmDate } from '../../time.ts';

/**
 * A person's own file (core/domain/file-extracts.ts): a request registered on the case, the
 * extract drafted from everything the file holds (server/case-kernel/file-pieces.ts) with a
 * sekretessprövning for every piece about someone else, approved by the enhetschef for the file
 * exactly as it stood (a hash of every piece), and released once: the PDF's bytes and every
 * piece as given or masked are the record of what left. A withheld piece never leaves, whatever
 * a version says: the rule runs again on the way out.
 */

const refuse = (detail: string) => new AppError('STEP_OUT_OF_ORDER', { detail });
const author = (id: string, displayName: string) => ({ id, displayName });
const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/** The file as it stands, hashed: an approval holds only for the file it saw. */
export const fileHash = (pieces: readonly FilePiece[]) =>
  sha256(JSON.stringify(pieces.map(pieceFingerprint)));

async function loadRequests(trx: Trx, caseId: string, only?: string, lock = false) {
  let q = trx
    .selectFrom('file_request as r')
    .innerJoin('app_user as u', 'u.id', 'r.registered_by')
    .selectAll('r')
    .select('u.display_name')
    .where('r.case_id', '=', caseId)
    .orderBy('r.registered_at', 'desc')
    .orderBy('r.id');
  if (only) q = q.where('r.id', '=', only);
  if (lock) q = q.forUpdate('r');
  const requests = await q.execute();
  if (requests.length === 0) return [];
  const ids = requests.map((r) => r.id);
  const [versions, approvals, releases] = await Promise.all([
    trx
      .selectFrom('file_extract_version')
      .select(['request_id', 'version', 'choices', 'file_hash', 'written_by'])
      .where('request_id', 'in', ids)
      .orderBy('version')
      .execute(),
    trx
      .selectFrom('file_extract_approval as a')
      .innerJoin('app_user as u', 'u.id', 'a.approved_by')
      .select([
        'a.id',
        'a.request_id',
        'a.version',
        'a.approved_by',
        'a.approved_at',
        'u.display_name',
      ])
      .where('a.request_id', 'in', ids)
      .orderBy('a.approved_at')
      .execute(),
    trx
      .selectFrom('file_extract_release as x')
      .innerJoin('app_user as u', 'u.id', 'x.released_by')
      .select([
        'x.request_id',
        'x.version',
        'x.pieces',
        'x.masked',
        'x.delivery_way',
        'x.released_by',
        'x.released_at',
        'u.display_name',
      ])
      .where('x.request_id', 'in', ids)
      .execute(),
  ]);
  return requests.map((r) => ({
    ...r,
    versions: versions.filter((v) => v.request_id === r.id),
    approvals: approvals.filter((a) => a.request_id === r.id),
    release: releases.find((x) => x.request_id === r.id) ?? null,
  }));
}
type LoadedRequest = Awaited<ReturnType<typeof loadRequests>>[number];

async function lockedRequest(trx: Trx, caseId: string, requestId: string) {
  const [found] = await loadRequests(trx, caseId, requestId, true);
  if (!found) throw new AppError('NOT_FOUND');
  return found;
}

/** The file's pieces now, each with its class under the rules. */
async function classifiedFile(trx: Trx, row: CaseRow) {
  const [pieces, others, catalogue] = await Promise.all([
    filePieces(trx, row),
    othersForExtract(trx, row),
    activeCatalogue(trx),
  ]);
  const refs = {
    others: legalReference(catalogue, 'secrecyOthers'),
    reporter: legalReference(catalogue, 'secrecyReporter'),
  };
  const classes = classifyFile(pieces, others, refs);
  return {
    pieces,
    classes,
    others,
    hash: fileHash(pieces),
    appeal: legalReference(catalogue, 'secrecyAppeal'),
  };
}
type ClassifiedFile = Awaited<ReturnType<typeof classifiedFile>>;

/** Where the request stands: the newest version, whether it holds for the file now, its approval. */
function standing(request: LoadedRequest, file: ClassifiedFile) {
  const newest = request.versions.at(-1) ?? null;
  const current = newest !== null && newest.file_hash === file.hash;
  const approval = newest
    ? request.approvals.filter((a) => a.version === newest.version).at(-1)
    : undefined;
  // A changed file is said once, below: choices for pieces gone from it are not repeated.
  const known = new Set(file.pieces.map((p) => p.key));
  const resolved = resolveChoices(
    file.pieces,
    file.classes,
    (newest?.choices ?? []).filter((c) => known.has(c.key)),
  );
  /** What stands in the way of approving the newest version. */
  const problems: string[] = [];
  if (!newest) {
    problems.push('Ingen sekretessprövning är gjord. Gå igenom utdraget och spara valen.');
  } else if (!current) {
    problems.push(
      `Akten har ändrats sedan version ${newest.version} sparades. Gå igenom utdraget och spara valen igen.`,
    );
  }
  problems.push(...resolved.problems);
  /** And of releasing it: those, and the approval. */
  const releaseProblems =
    problems.length === 0 && newest && !approval
      ? [
          ...problems,
          `Version ${newest.version} är inte godkänd. Enhetschefen godkänner utdraget innan det lämnas ut.`,
        ]
      : problems;
  return { newest, current, approval, resolved, problems, releaseProblems };
}

const drafters = (request: LoadedRequest) => [
  ...new Set([request.registered_by, ...request.versions.map((v) => v.written_by)]),
];

export function listFileRequests(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
): Promise<{ canWrite: boolean; requests: FileRequest[] }> {
  return execute(deps, ctx, {
    action: 'file_request.read',
    ...onCase(ctx, caseId, 'case.read'),
    run: async (trx, { row, person }) => {
      const canWrite =
        row.status === 'open' &&
        can(ctx.actor, 'case.work', { person, case: caseFacts(row), now: ctx.now }).allowed;
      const requests = await loadRequests(trx, caseId);
      return {
        result: {
          canWrite,
          requests: requests.map((r) => ({
            id: r.id,
            requestedOn: r.requested_on,
            requester: { kind: r.requester_kind, name: r.requester_name },
            registeredBy: author(r.registered_by, r.display_name),
            version: r.versions.at(-1)?.version ?? 0,
            approvals: r.approvals.map((a) => ({
              id: a.id,
              version: a.version,
              approvedBy: author(a.approved_by, a.display_name),
              approvedAt: a.approved_at.toISOString(),
            })),
            release: r.release && {
              version: r.release.version,
              pieces: r.release.pieces.length,
              masked: r.release.masked,
              way: r.release.delivery_way,
              releasedBy: author(r.release.released_by, r.release.display_name),
              releasedAt: r.release.released_at.toISOString(),
            },
          })),
        },
        audit: { personIds: [row.person_id], caseIds: [caseId] },
      };
    },
  });
}

export function registerFileRequest(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
  body: BodyOf<typeof registerContract>,
): Promise<{ id: string }> {
  if (body.requestedOn > ctx.today) {
    throw new AppError('VALIDATION', {
      fields: [{ path: 'body.requestedOn', message: 'Datumet kan inte ligga i framtiden.' }],
    });
  }
  return execute(deps, ctx, {
    action: 'file_request.register',
    ...onCase(ctx, caseId),
    run: async (trx, { row }) => {
      if (row.status !== 'open') throw refuse('Ärendet är avslutat.');
      const created = await trx
        .insertInto('file_request')
        .values({
          case_id: caseId,
          person_id: row.person_id,
          requested_on: body.requestedOn,
          requester_kind: body.requester.kind,
          requester_name: body.requester.kind === 'representative' ? body.requester.name : null,
          registered_by: ctx.actor.userId,
          registered_at: ctx.now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return {
        result: { id: created.id },
        audit: {
          personIds: [row.person_id],
          caseIds: [caseId],
          details: { requestId: created.id },
        },
      };
    },
  });
}

export function getFileExtract(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
  requestId: string,
): Promise<FileExtract> {
  return execute(deps, ctx, {
    action: 'file_extract.read',
    ...onCase(ctx, caseId, 'case.read'),
    run: async (trx, { row }) => {
      const [request] = await loadRequests(trx, caseId, requestId);
      if (!request) throw new AppError('NOT_FOUND');
      const file = await classifiedFile(trx, row);
      const state = standing(request, file);
      const byKey = new Map(state.resolved.choices.map((c) => [c.key, c]));
      return {
        result: {
          requestId,
          version: state.newest?.version ?? 0,
          pieces: file.pieces.map((p) => {
            const cls = file.classes.get(p.key) ?? { class: 'open' as const, reason: null };
            const choice = byKey.get(p.key);
            return {
              key: p.key,
              heading: p.heading,
              label: p.label,
              text: p.text,
              class: cls.class,
              ruleReason: cls.reason,
              mask: cls.class === 'withheld' || (choice?.mask ?? cls.class !== 'open'),
              reason: cls.class === 'withheld' ? cls.reason : (choice?.reason ?? cls.reason),
            };
          }),
          problems: request.release ? [] : state.releaseProblems,
          approved: !!state.approval && state.current,
          // Whether the reader may approve the newest version now: not yet approved for this file.
          mayApprove:
            !request.release &&
            state.newest !== null &&
            !(state.approval && state.current) &&
            can(ctx.actor, 'fileExtract.approve', {
              case: caseFacts(row),
              drafters: drafters(request),
            }).allowed,
          released: request.release !== null,
        },
        audit: {
          personIds: [row.person_id],
          caseIds: [caseId],
          details: { requestId },
        },
      };
    },
  });
}

export function saveExtractChoices(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
  requestId: string,
  body: BodyOf<typeof saveContract>,
): Promise<{ version: number }> {
  if (new Set(body.choices.map((c) => c.key)).size !== body.choices.length) {
    throw new AppError('VALIDATION', {
      fields: [{ path: 'body.choices', message: 'Gör ett val för varje uppgift, en gång.' }],
    });
  }
  return execute(deps, ctx, {
    action: 'file_extract.write',
    ...onCase(ctx, caseId),
    run: async (trx, { row }) => {
      if (row.status !== 'open') throw refuse('Ärendet är avslutat.');
      const request = await lockedRequest(trx, caseId, requestId);
      if (request.release) throw refuse('Utdraget är redan utlämnat.');
      const file = await classifiedFile(trx, row);
      const resolved = resolveChoices(file.pieces, file.classes, body.choices);
      if (resolved.problems.length > 0) throw refuse(resolved.problems.join(' '));
      const version = await appendVersion(
        request.versions.at(-1)?.version ?? 0,
        body.version,
        (next) =>
          trx
            .insertInto('file_extract_version')
            .values({
              request_id: requestId,
              version: next,
              choices: JSON.stringify(resolved.choices),
              file_hash: file.hash,
              written_by: ctx.actor.userId,
              written_at: ctx.now,
            })
            .execute(),
      );
      return {
        result: { version },
        audit: {
          personIds: [row.person_id],
          caseIds: [caseId],
          details: { requestId, version },
        },
      };
    },
  });
}

export function approveExtract(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
  requestId: string,
  body: BodyOf<typeof approveContract>,
): Promise<{ id: string }> {
  return execute(deps, ctx, {
    action: 'file_extract.approve',
    forbidden: 'NO_DELEGATION',
    load: async (trx) => {
      const loaded = await loadCase(trx, ctx.actor, caseId, ctx.now);
      const [found] = await loadRequests(trx, caseId, requestId);
      if (!found) throw new AppError('NOT_FOUND');
      return { ...loaded, drafters: drafters(found) };
    },
    authorize: (actor, { row, drafters: who }) =>
      can(actor, 'fileExtract.approve', { case: caseFacts(row), drafters: who }),
    run: async (trx, { row }) => {
      // Locked once the policy has allowed it: a refused caller holds no lock. Read again under
      // the lock, so a version saved meanwhile is the one judged (and its drafter refused).
      const request = await lockedRequest(trx, caseId, requestId);
      if (drafters(request).includes(ctx.actor.userId)) {
        throw new AppError('NO_DELEGATION', {
          detail: 'Den som har gjort utkastet godkänner det inte.',
        });
      }
      if (request.release) throw refuse('Utdraget är redan utlämnat.');
      if ((request.versions.at(-1)?.version ?? 0) !== body.version) {
        throw new AppError('VERSION_CONFLICT');
      }
      const state = standing(request, await classifiedFile(trx, row));
      if (state.problems.length > 0) throw refuse(state.problems.join(' '));
      const created = await trx
        .insertInto('file_extract_approval')
        .values({
          request_id: requestId,
          version: body.version,
          approved_by: ctx.actor.userId,
          approved_at: ctx.now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return {
        result: { id: created.id },
        audit: {
          personIds: [row.person_id],
          caseIds: [caseId],
          details: { requestId, approvalId: created.id },
        },
      };
    },
  });
}

export function releaseExtract(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
  requestId: string,
  body: BodyOf<typeof releaseContract>,
): Promise<{ version: number }> {
  return execute(deps, ctx, {
    action: 'file_extract.release',
    ...onCase(ctx, caseId),
    run: async (trx, { row }) => {
      if (row.status !== 'open') throw refuse('Ärendet är avslutat.');
      const request = await lockedRequest(trx, caseId, requestId);
      if (request.release) throw refuse('Utdraget är redan utlämnat.');
      if ((request.versions.at(-1)?.version ?? 0) !== body.version) {
        throw new AppError('VERSION_CONFLICT');
      }
      const file = await classifiedFile(trx, row);
      const state = standing(request, file);
      if (state.releaseProblems.length > 0 || !state.approval || !state.newest) {
        throw refuse(state.releaseProblems.join(' '));
      }
      // It goes to the person or their representative: never to, or through, someone who uses
      // violence against them.
      const leaks = [
        ...deliveryProblems(body.delivery.channel, file.others),
        ...guardDestination(
          {
            names: request.requester_name ? [request.requester_name] : [],
            channels: body.delivery.channel ? [body.delivery.channel] : [],
          },
          await violentParties(trx, row.person_id),
        ),
      ];
      if (leaks.length > 0) throw refuse(leaks.join(' '));
      const released = releasedPieces(file.pieces, file.classes, state.resolved.choices);
      const approver = state.approval.display_name;
      const pdf = await renderPdf(
        await extractDocument(trx, row, request, released, approver, file.appeal, ctx.now),
      );
      await trx
        .insertInto('file_extract_release')
        .values({
          request_id: requestId,
          version: body.version,
          approval_id: state.approval.id,
          pieces: JSON.stringify(released),
          masked: released.filter((p) => p.text === null).length,
          delivery_way: body.delivery.way,
          delivery_channel: body.delivery.channel ? JSON.stringify(body.delivery.channel) : null,
          pdf,
          pdf_sha256: sha256(pdf),
          released_by: ctx.actor.userId,
          released_at: ctx.now,
        })
        .execute();
      return {
        result: { version: body.version },
        audit: {
          personIds: [row.person_id],
          caseIds: [caseId],
          details: { requestId, version: body.version },
        },
      };
    },
  });
}

/** The extract as released: the bytes that left. */
export function fileExtractPdf(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
  requestId: string,
): Promise<RenderedDocument> {
  return execute(deps, ctx, {
    action: 'document.export',
    ...onCase(ctx, caseId, 'case.read'),
    run: async (trx, { row }) => {
      const release = await trx
        .selectFrom('file_extract_release as x')
        .innerJoin('file_request as r', 'r.id', 'x.request_id')
        .select(['x.pdf'])
        .where('x.request_id', '=', requestId)
        .where('r.case_id', '=', caseId)
        .executeTakeFirst();
      if (!release) {
        const exists = await trx
          .selectFrom('file_request')
          .select('id')
          .where('id', '=', requestId)
          .where('case_id', '=', caseId)
          .executeTakeFirst();
        if (!exists) throw new AppError('NOT_FOUND');
        throw refuse('Utdraget är inte utlämnat. Ett utkast skrivs inte ut.');
      }
      return {
        result: { filename: 'utdrag-ur-akt.pdf', pdf: Buffer.from(release.pdf) },
        audit: {
          personIds: [row.person_id],
          caseIds: [caseId],
          details: { document: 'file_extract', requestId },
        },
      };
    },
  });
}

async function extractDocument(
  trx: Trx,
  row: CaseRow,
  request: LoadedRequest,
  released: ReturnType<typeof releasedPieces>,
  approver: string,
  appeal: string,
  now: Date,
): Promise<PdfDocument> {
  const person = (await findPersonSummaries(trx, [row.person_id])).get(row.person_id);
  if (!person) throw new AppError('NOT_FOUND');
  const sections: PdfSection[] = [];
  for (const p of released) {
    let section = sections.at(-1);
    if (section?.heading !== p.heading) {
      section = { heading: p.heading, level: 2, paragraphs: [] };
      sections.push(section);
    }
    section.paragraphs.push(
      p.text === null
        ? { text: 'Maskerad uppgift.', note: p.reason ?? undefined }
        : { text: p.label ? `${p.label}: ${p.text}` : p.text },
    );
  }
  const masked = released.filter((p) => p.text === null).length;
  sections.push({
    heading: 'Om maskerade uppgifter',
    level: 2,
    paragraphs: [
      {
        text:
          masked === 0
            ? 'Inga uppgifter har maskerats.'
            : `${masked} uppgifter har maskerats efter sekretessprövning. Skälet står vid varje uppgift. Du kan begära ett skriftligt beslut om de maskerade uppgifterna och överklaga det (${appeal}).`,
      },
    ],
  });
  const title = 'Utdrag ur akt';
  return {
    title,
    subtitle: `Begäran att ta del av allmän handling, inkommen ${request.requested_on}`,
    meta: [
      { label: 'Akten gäller', value: `${person.givenName} ${person.familyName}` },
      { label: 'Identitet', value: person.identity?.display ?? 'Inte fastställd' },
      { label: 'Enhet', value: row.unit_name },
      {
        label: 'Begärt av',
        value: request.requester_name ? `Ombud: ${request.requester_name}` : 'Personen själv',
      },
      { label: 'Utlämnat', value: stockholmDate(now) },
      { label: 'Godkänt av', value: approver },
    ],
    sections,
    footer: SECRECY_FOOTER,
    info: { title, author: 'Värn', creationDate: now },
  };
}
