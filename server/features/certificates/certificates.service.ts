import type { BodyOf } from '../../../core/contracts/contract.ts';
import type {
  Certificate,
  CertificateContentIn,
  issueCertificate as issueContract,
  reviewCertificate as reviewContract,
} from '../../../core/contracts/certificates.ts';
import {
  certificateProblems,
  certificatePurposeLabels,
  certificateSourceLabel,
  issueProblems,
} from '../../../core/domain/certificates.ts';
import type { CertificateContent } from '../../../core/domain/certificates.ts';
import { can } from '../../../core/policy/policy.ts';
import { caseFacts, loadCase } from '../../case-kernel/case-access.ts';
import type { CaseRow } from '../../case-kernel/case-access.ts';
import { othersOfFile, violentParties } from '../../case-kernel/counterparts.ts';
import { onCase } from '../../case-kernel/on-case.ts';
import { findPersonSummaries } from '../../case-kernel/persons.repository.ts';
import { execute } from '../../command.ts';
import type { Trx } from '../../db/database.ts';
import { appendVersion } from '../../db/versions.ts';
import { SECRECY_FOOTER, renderPdf } from '../../documents/pdf.ts';
import type { PdfDocument, RenderedDocument } from '../../documents/pdf.ts';
import { AppError } from '../../errors.ts';
import type { ActionContext } from '../../http/action-context.ts';
import type { ServiceDeps } from '../../service-deps.ts';
import { stockholmDate } from '../../time.ts';

/**
 * Intyg (core/domain/certificates.ts): written in versions by whoever works the case, reviewed
 * by someone with a work relation to it who wrote none of the versions (the policy's
 * `certificate.review`), issued once by whoever works it, and printed as the version issued.
 * What stands in the way — a statement about someone else without its secrecy test, a recipient
 * the disclosure guard refuses, a missing review — is refused (409) with the sentence naming it.
 */

const refuse = (detail: string) => new AppError('STEP_OUT_OF_ORDER', { detail });
const author = (id: string, displayName: string) => ({ id, displayName });

interface Loaded {
  id: string;
  versions: {
    version: number;
    content: CertificateContent;
    writtenBy: { id: string; displayName: string };
    writtenAt: Date;
  }[];
  reviews: {
    id: string;
    version: number;
    outcome: 'approved' | 'returned';
    comment: string | null;
    reviewedBy: { id: string; displayName: string };
    reviewedAt: Date;
  }[];
  issued: {
    version: number;
    issuedBy: { id: string; displayName: string };
    issuedAt: Date;
  } | null;
}

/** The case's intyg with every version, review and issue, newest intyg first. */
async function loadCertificates(
  trx: Trx,
  caseId: string,
  only?: { certificateId: string; lock: boolean },
): Promise<Loaded[]> {
  let heads = trx
    .selectFrom('certificate')
    .select(['id', 'created_at'])
    .where('case_id', '=', caseId)
    .orderBy('created_at', 'desc')
    .orderBy('id');
  if (only) heads = heads.where('id', '=', only.certificateId);
  if (only?.lock) heads = heads.forUpdate();
  const found = await heads.execute();
  if (found.length === 0) return [];
  const ids = found.map((c) => c.id);
  const [versions, reviews, issues] = await Promise.all([
    trx
      .selectFrom('certificate_version as v')
      .innerJoin('app_user as u', 'u.id', 'v.written_by')
      .selectAll('v')
      .select('u.display_name')
      .where('v.certificate_id', 'in', ids)
      .orderBy('v.version')
      .execute(),
    trx
      .selectFrom('certificate_review as r')
      .innerJoin('app_user as u', 'u.id', 'r.reviewed_by')
      .selectAll('r')
      .select('u.display_name')
      .where('r.certificate_id', 'in', ids)
      .orderBy('r.reviewed_at')
      .orderBy('r.id')
      .execute(),
    trx
      .selectFrom('certificate_issue as i')
      .innerJoin('app_user as u', 'u.id', 'i.issued_by')
      .selectAll('i')
      .select('u.display_name')
      .where('i.certificate_id', 'in', ids)
      .execute(),
  ]);
  return found.map((c) => {
    const issue = issues.find((i) => i.certificate_id === c.id);
    return {
      id: c.id,
      versions: versions
        .filter((v) => v.certificate_id === c.id)
        .map((v) => ({
          version: v.version,
          content: {
            purpose: v.purpose,
            purposeText: v.purpose_text,
            recipient: { name: v.recipient_name, channel: v.recipient_channel },
            certifies: v.certifies,
            statements: v.statements,
          },
          writtenBy: author(v.written_by, v.display_name),
          writtenAt: v.written_at,
        })),
      reviews: reviews
        .filter((r) => r.certificate_id === c.id)
        .map((r) => ({
          id: r.id,
          version: r.version,
          outcome: r.outcome,
          comment: r.comment,
          reviewedBy: author(r.reviewed_by, r.display_name),
          reviewedAt: r.reviewed_at,
        })),
      issued: issue
        ? {
            version: issue.version,
            issuedBy: author(issue.issued_by, issue.display_name),
            issuedAt: issue.issued_at,
          }
        : null,
    };
  });
}

/** The newest version: every intyg has its first, written with it. */
function latest(c: Loaded): Loaded['versions'][number] {
  const newest = c.versions.at(-1);
  if (!newest) throw new Error(`intyg ${c.id} has no version`);
  return newest;
}
const writersOf = (c: Loaded) => [...new Set(c.versions.map((v) => v.writtenBy.id))];

/** Who the file names besides its person, and who uses violence against her: for the rules. */
async function peopleOfFile(trx: Trx, personId: string) {
  const [others, violent] = await Promise.all([
    othersOfFile(trx, personId),
    violentParties(trx, personId),
  ]);
  return { others, violent };
}

/** Everything that stands in the way of issuing the newest version now. */
function problemsOf(c: Loaded, people: Awaited<ReturnType<typeof peopleOfFile>>): string[] {
  if (c.issued) return [];
  const newest = latest(c);
  return [
    ...certificateProblems(newest.content, people),
    ...issueProblems({
      version: newest.version,
      latestVersion: newest.version,
      issued: false,
      writers: writersOf(c),
      reviews: c.reviews.map((r) => ({ ...r, reviewedBy: r.reviewedBy.id })),
    }),
  ];
}

export function listCertificates(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
): Promise<{ canWrite: boolean; certificates: Certificate[] }> {
  return execute(deps, ctx, {
    action: 'certificate.read',
    ...onCase(ctx, caseId, 'case.read'),
    run: async (trx, { row, person }) => {
      const facts = { person, case: caseFacts(row), now: ctx.now };
      const canWrite = row.status === 'open' && can(ctx.actor, 'case.work', facts).allowed;
      const certificates = await loadCertificates(trx, caseId);
      const people = certificates.some((c) => !c.issued)
        ? await peopleOfFile(trx, row.person_id)
        : { others: [], violent: [] };
      return {
        result: {
          canWrite,
          certificates: certificates.map((c) => {
            const newest = latest(c);
            const writers = writersOf(c);
            return {
              id: c.id,
              version: newest.version,
              current: { ...newest.content, statements: [...newest.content.statements] },
              writtenBy: newest.writtenBy,
              writtenAt: newest.writtenAt.toISOString(),
              writers: [...new Map(c.versions.map((v) => [v.writtenBy.id, v.writtenBy])).values()],
              reviews: c.reviews.map((r) => ({
                ...r,
                reviewedAt: r.reviewedAt.toISOString(),
              })),
              issued: c.issued && { ...c.issued, issuedAt: c.issued.issuedAt.toISOString() },
              problems: problemsOf(c, people),
              mayReview:
                !c.issued &&
                can(ctx.actor, 'certificate.review', { case: facts.case, writers }).allowed,
            };
          }),
        },
        audit: { personIds: [row.person_id], caseIds: [caseId] },
      };
    },
  });
}

/** The content as stored: empty details and clearances are absent, not blank. */
function storedContent(body: CertificateContentIn) {
  return {
    purpose: body.purpose,
    purpose_text: body.purposeText,
    recipient_name: body.recipient.name,
    recipient_channel: body.recipient.channel ? JSON.stringify(body.recipient.channel) : null,
    certifies: body.certifies,
    statements: JSON.stringify(
      body.statements.map((s) => ({
        text: s.text,
        source: { kind: s.source.kind, detail: s.source.detail || null },
        clearance: s.clearance,
      })),
    ),
  };
}

export function createCertificate(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
  body: CertificateContentIn,
): Promise<{ id: string; version: number }> {
  return execute(deps, ctx, {
    action: 'certificate.write',
    ...onCase(ctx, caseId),
    run: async (trx, { row }) => {
      if (row.status !== 'open') throw refuse('Ärendet är avslutat.');
      const created = await trx
        .insertInto('certificate')
        .values({
          case_id: caseId,
          person_id: row.person_id,
          created_by: ctx.actor.userId,
          created_at: ctx.now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('certificate_version')
        .values({
          certificate_id: created.id,
          version: 1,
          ...storedContent(body),
          written_by: ctx.actor.userId,
          written_at: ctx.now,
        })
        .execute();
      return {
        result: { id: created.id, version: 1 },
        audit: {
          personIds: [row.person_id],
          caseIds: [caseId],
          details: { certificateId: created.id, version: 1 },
        },
      };
    },
  });
}

/** The case's intyg, locked for the change; 404 when it is not the case's. */
async function lockedCertificate(trx: Trx, caseId: string, certificateId: string) {
  const [found] = await loadCertificates(trx, caseId, { certificateId, lock: true });
  if (!found) throw new AppError('NOT_FOUND');
  return found;
}

export function reviseCertificate(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
  certificateId: string,
  body: CertificateContentIn & { version: number },
): Promise<{ id: string; version: number }> {
  return execute(deps, ctx, {
    action: 'certificate.write',
    ...onCase(ctx, caseId),
    run: async (trx, { row }) => {
      if (row.status !== 'open') throw refuse('Ärendet är avslutat.');
      const found = await lockedCertificate(trx, caseId, certificateId);
      if (found.issued) throw refuse('Intyget är redan utfärdat. Ett utfärdat intyg ändras inte.');
      const version = await appendVersion(latest(found).version, body.version, (next) =>
        trx
          .insertInto('certificate_version')
          .values({
            certificate_id: certificateId,
            version: next,
            ...storedContent(body),
            written_by: ctx.actor.userId,
            written_at: ctx.now,
          })
          .execute(),
      );
      return {
        result: { id: certificateId, version },
        audit: {
          personIds: [row.person_id],
          caseIds: [caseId],
          details: { certificateId, version },
        },
      };
    },
  });
}

export function reviewCertificate(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
  certificateId: string,
  body: BodyOf<typeof reviewContract>,
): Promise<{ id: string }> {
  return execute(deps, ctx, {
    action: 'certificate.review',
    load: async (trx) => {
      const loaded = await loadCase(trx, ctx.actor, caseId, ctx.now);
      const [found] = await loadCertificates(trx, caseId, { certificateId, lock: false });
      if (!found) throw new AppError('NOT_FOUND');
      return { ...loaded, writers: writersOf(found) };
    },
    authorize: (actor, { row, writers }) =>
      can(actor, 'certificate.review', { case: caseFacts(row), writers }),
    run: async (trx, { row }) => {
      // Locked once the policy has allowed it: a refused caller holds no lock. Read again under
      // the lock, so a version written meanwhile is the one judged (and a new writer refused).
      const certificate = await lockedCertificate(trx, caseId, certificateId);
      if (writersOf(certificate).includes(ctx.actor.userId)) {
        throw new AppError('FORBIDDEN', {
          detail: 'Den som har skrivit intyget granskar det inte.',
        });
      }
      if (certificate.issued) {
        throw refuse('Intyget är redan utfärdat. Ett utfärdat intyg ändras inte.');
      }
      if (latest(certificate).version !== body.version) throw new AppError('VERSION_CONFLICT');
      if (body.outcome === 'approved') {
        // Approved is what lets it be issued: not while it would say too much, or go astray.
        const problems = certificateProblems(
          latest(certificate).content,
          await peopleOfFile(trx, row.person_id),
        );
        if (problems.length > 0) throw refuse(problems.join(' '));
      }
      const created = await trx
        .insertInto('certificate_review')
        .values({
          certificate_id: certificateId,
          version: body.version,
          outcome: body.outcome,
          comment: body.comment,
          reviewed_by: ctx.actor.userId,
          reviewed_at: ctx.now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return {
        result: { id: created.id },
        audit: {
          personIds: [row.person_id],
          caseIds: [caseId],
          details: { certificateId, reviewId: created.id },
        },
      };
    },
  });
}

export function issueCertificate(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
  certificateId: string,
  body: BodyOf<typeof issueContract>,
): Promise<{ id: string; version: number }> {
  return execute(deps, ctx, {
    action: 'certificate.issue',
    ...onCase(ctx, caseId),
    run: async (trx, { row }) => {
      if (row.status !== 'open') throw refuse('Ärendet är avslutat.');
      const found = await lockedCertificate(trx, caseId, certificateId);
      const newest = latest(found);
      const reviews = found.reviews.map((r) => ({ ...r, reviewedBy: r.reviewedBy.id }));
      const problems = [
        ...issueProblems({
          version: body.version,
          latestVersion: newest.version,
          issued: found.issued !== null,
          writers: writersOf(found),
          reviews,
        }),
      ];
      // The guard again at the door: a person recorded since the review counts too.
      if (problems.length === 0) {
        problems.push(
          ...certificateProblems(newest.content, await peopleOfFile(trx, row.person_id)),
        );
      }
      if (problems.length > 0) throw refuse(problems.join(' '));
      // issueProblems found the version's last review an approval.
      const review = reviews.filter((r) => r.version === body.version).at(-1);
      if (!review) throw new Error('an intyg issued without its review');
      await trx
        .insertInto('certificate_issue')
        .values({
          certificate_id: certificateId,
          version: body.version,
          review_id: review.id,
          issued_by: ctx.actor.userId,
          issued_at: ctx.now,
        })
        .execute();
      return {
        result: { id: certificateId, version: body.version },
        audit: {
          personIds: [row.person_id],
          caseIds: [caseId],
          details: { certificateId, version: body.version },
        },
      };
    },
  });
}

/** The issued intyg as it left: the version issued, its sources, who reviewed and issued it. */
export function certificatePdf(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
  certificateId: string,
): Promise<RenderedDocument> {
  return execute(deps, ctx, {
    action: 'document.export',
    ...onCase(ctx, caseId, 'case.read'),
    run: async (trx, { row }) => {
      const [found] = await loadCertificates(trx, caseId, { certificateId, lock: false });
      if (!found) throw new AppError('NOT_FOUND');
      if (!found.issued) {
        throw refuse('Intyget är inte utfärdat. Ett utkast skrivs inte ut.');
      }
      const pdf = await renderPdf(await certificateDocument(trx, row, found, found.issued));
      return {
        result: { filename: 'intyg.pdf', pdf },
        audit: {
          personIds: [row.person_id],
          caseIds: [caseId],
          details: { document: 'certificate', certificateId },
        },
      };
    },
  });
}

async function certificateDocument(
  trx: Trx,
  row: CaseRow,
  found: Loaded,
  issued: NonNullable<Loaded['issued']>,
): Promise<PdfDocument> {
  const version = found.versions.find((v) => v.version === issued.version);
  if (!version) throw new Error(`intyg ${found.id} has no version ${issued.version}`);
  const review = found.reviews
    .filter((r) => r.version === issued.version && r.outcome === 'approved')
    .at(-1);
  const person = (await findPersonSummaries(trx, [row.person_id])).get(row.person_id);
  if (!person) throw new AppError('NOT_FOUND');
  const c = version.content;
  const title = 'Intyg';
  return {
    title,
    subtitle: certificatePurposeLabels[c.purpose],
    meta: [
      { label: 'Intyget gäller', value: `${person.givenName} ${person.familyName}` },
      { label: 'Identitet', value: person.identity?.display ?? 'Inte fastställd' },
      { label: 'Mottagare', value: c.recipient.name },
      { label: 'Enhet', value: row.unit_name },
      { label: 'Utfärdat', value: stockholmDate(issued.issuedAt) },
      { label: 'Utfärdat av', value: issued.issuedBy.displayName },
      ...(review ? [{ label: 'Granskat av', value: review.reviewedBy.displayName }] : []),
    ],
    sections: [
      { heading: 'Syfte', level: 2, paragraphs: [{ text: c.purposeText }] },
      { heading: 'Härmed intygas', level: 2, paragraphs: [{ text: c.certifies }] },
      {
        heading: 'Uppgifter och deras källor',
        level: 2,
        paragraphs: c.statements.map((s) => ({
          text: s.text,
          note: `Källa: ${certificateSourceLabel(s.source)}`,
        })),
      },
    ],
    footer: SECRECY_FOOTER,
    info: {
      title,
      author: 'Värn',
      subject: certificatePurposeLabels[c.purpose],
      creationDate: issued.issuedAt,
    },
  };
}
