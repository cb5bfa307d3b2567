import type { BodyOf } from '../../../core/contracts/contract.ts';
import type {
  CaseAgencyDisclosures,
  recordAgencyDisclosure as recordContract,
  recordCrimeReportDecision as decisionContract,
} from '../../../core/contracts/agency-disclosures.ts';
import { agencyDisclosureProblems } from '../../../core/domain/agency-disclosures.ts';
import { guardDestination } from '../../../core/domain/disclosure-guard.ts';
import type { Disclosure } from '../../../core/domain/consents.ts';
import { can } from '../../../core/policy/policy.ts';
import { caseFacts } from '../../case-kernel/case-access.ts';
import { violentParties } from '../../case-kernel/counterparts.ts';
import {
  loadGround,
  offeredLegalBases,
  recordDisclosure,
  requireCovered,
} from '../../case-kernel/disclosures.ts';
import { onCase } from '../../case-kernel/on-case.ts';
import { execute } from '../../command.ts';
import type { Trx } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import type { ActionContext } from '../../http/action-context.ts';
import type { ServiceDeps } from '../../service-deps.ts';

/**
 * What a case told the police and other agencies, and the adult's own decision about reporting
 * (core/domain/agency-disclosures.ts). A disclosure names its ground like every disclosure in
 * Värn — a consent of the register or a legal basis with the secrecy test — and the one rule
 * decides; it is recorded with its `disclosure` row in the same transaction. Read by whoever may
 * read the case, written by whoever works it.
 */

const refuse = (detail: string) => new AppError('STEP_OUT_OF_ORDER', { detail });
const author = (id: string, displayName: string) => ({ id, displayName });

/** Our structured risk assessments of the case's person: what may be shared with the police. */
function shareableAssessments(trx: Trx, caseId: string, personId: string) {
  return trx
    .selectFrom('risk_assessment')
    .select(['id', 'assessed_on', 'method'])
    .where('case_id', '=', caseId)
    .where('person_id', '=', personId)
    .where('kind', '=', 'structured')
    .orderBy('assessed_on', 'desc')
    .orderBy('recorded_at', 'desc');
}

export function listAgencyDisclosures(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
): Promise<CaseAgencyDisclosures> {
  return execute(deps, ctx, {
    action: 'agency_disclosure.read',
    ...onCase(ctx, caseId, 'case.read'),
    run: async (trx, { row, person }) => {
      const write =
        row.status === 'open' &&
        can(ctx.actor, 'case.work', { person, case: caseFacts(row), now: ctx.now }).allowed;
      const [legalBases, disclosures, decisions, assessments] = await Promise.all([
        offeredLegalBases(trx, 'agency_disclosure'),
        trx
          .selectFrom('agency_disclosure as a')
          .innerJoin('disclosure as d', 'd.agency_disclosure_id', 'a.id')
          .innerJoin('app_user as u', 'u.id', 'd.decided_by')
          .leftJoin('risk_assessment as r', 'r.id', 'a.risk_assessment_id')
          .select([
            'a.id',
            'a.agency_kind',
            'a.agency_name',
            'a.received_by',
            'a.disclosed_on',
            'a.way',
            'a.what',
            'a.risk_assessment_id',
            'r.assessed_on',
            'r.method',
            'd.categories',
            'd.consent_id',
            'd.legal_basis',
            'd.legal_reference',
            'd.secrecy_test',
            'd.decided_by',
            'd.decided_at',
            'u.display_name',
          ])
          .where('a.case_id', '=', caseId)
          .orderBy('a.disclosed_on', 'desc')
          .orderBy('a.recorded_at', 'desc')
          .execute(),
        trx
          .selectFrom('crime_report_decision as c')
          .innerJoin('app_user as u', 'u.id', 'c.recorded_by')
          .selectAll('c')
          .select('u.display_name')
          .where('c.case_id', '=', caseId)
          .orderBy('c.decided_on', 'desc')
          .orderBy('c.recorded_at', 'desc')
          .execute(),
        write ? shareableAssessments(trx, caseId, row.person_id).execute() : Promise.resolve(null),
      ]);
      return {
        result: {
          canWrite: write,
          disclosures: disclosures.map((a) => ({
            id: a.id,
            agency: { kind: a.agency_kind, name: a.agency_name },
            receivedBy: a.received_by,
            disclosedOn: a.disclosed_on,
            way: a.way,
            categories: a.categories,
            what: a.what,
            riskAssessment:
              a.risk_assessment_id && a.assessed_on && a.method !== null
                ? { id: a.risk_assessment_id, assessedOn: a.assessed_on, method: a.method }
                : null,
            ground: {
              consentId: a.consent_id,
              legalBasis: a.legal_basis,
              legalReference: a.legal_reference,
              secrecyTest: a.secrecy_test,
            },
            decidedBy: author(a.decided_by, a.display_name),
            decidedAt: a.decided_at.toISOString(),
          })),
          crimeReport: decisions.map((c) => ({
            id: c.id,
            decision: c.decision,
            decidedOn: c.decided_on,
            note: c.note,
            recordedBy: author(c.recorded_by, c.display_name),
            recordedAt: c.recorded_at.toISOString(),
          })),
          riskAssessments:
            assessments?.map((r) => ({ id: r.id, assessedOn: r.assessed_on, method: r.method })) ??
            null,
          legalBases,
        },
        audit: { personIds: [row.person_id], caseIds: [caseId] },
      };
    },
  });
}

/**
 * A disclosure made to the police or another agency, recorded with its ground: refused (409,
 * naming the consent) when the ground does not cover what was told, to whom, that day.
 */
export function recordAgencyDisclosure(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
  body: BodyOf<typeof recordContract>,
): Promise<{ id: string }> {
  if (new Set(body.categories).size !== body.categories.length) {
    throw new AppError('VALIDATION', {
      fields: [{ path: 'body.categories', message: 'Välj varje uppgift en gång.' }],
    });
  }
  return execute(deps, ctx, {
    action: 'agency_disclosure.record',
    ...onCase(ctx, caseId),
    run: async (trx, { row }) => {
      if (row.status !== 'open') throw refuse('Ärendet är avslutat.');
      const assessment = body.riskAssessmentId
        ? await shareableAssessments(trx, caseId, row.person_id)
            .where('id', '=', body.riskAssessmentId)
            .executeTakeFirst()
        : null;
      if (body.riskAssessmentId && !assessment) {
        throw new AppError('VALIDATION', {
          fields: [
            {
              path: 'body.riskAssessmentId',
              message: 'Ärendet har ingen sådan riskbedömning. Välj en i listan.',
            },
          ],
        });
      }
      const problems = agencyDisclosureProblems({
        disclosedOn: body.disclosedOn,
        today: ctx.today,
        categories: body.categories,
        riskAssessment: assessment ? { assessedOn: assessment.assessed_on } : null,
      });
      if (problems.length > 0) {
        throw new AppError('VALIDATION', {
          fields: problems.map((p) => ({ path: `body.${p.field}`, message: p.message })),
        });
      }
      const disclosure: Disclosure = {
        personId: row.person_id,
        categories: body.categories,
        recipient: { kind: 'agency', name: body.agency.name },
        purpose: 'agency_disclosure',
        on: body.disclosedOn,
      };
      const ground = await loadGround(trx, caseId, body.ground);
      requireCovered(disclosure, ground);
      // Nothing leaves to someone who uses violence against her, whatever the ground says.
      const leaks = guardDestination(
        { names: [body.agency.name, ...(body.receivedBy ? [body.receivedBy] : [])], channels: [] },
        await violentParties(trx, row.person_id),
      );
      if (leaks.length > 0) throw refuse(leaks.join(' '));
      const created = await trx
        .insertInto('agency_disclosure')
        .values({
          case_id: caseId,
          person_id: row.person_id,
          agency_kind: body.agency.kind,
          agency_name: body.agency.name,
          received_by: body.receivedBy || null,
          disclosed_on: body.disclosedOn,
          way: body.way,
          what: body.what,
          risk_assessment_id: assessment?.id ?? null,
          recorded_by: ctx.actor.userId,
          recorded_at: ctx.now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const disclosureId = await recordDisclosure(trx, ctx, {
        caseId,
        disclosure,
        ground,
        agencyDisclosureId: created.id,
      });
      return {
        result: { id: created.id },
        audit: {
          personIds: [row.person_id],
          caseIds: [caseId],
          details: { agencyDisclosureId: created.id, disclosureId },
        },
      };
    },
  });
}

/** Where the adult stands on reporting the violence, as she said it on a day. */
export function recordCrimeReportDecision(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
  body: BodyOf<typeof decisionContract>,
): Promise<{ id: string }> {
  if (body.decidedOn > ctx.today) {
    throw new AppError('VALIDATION', {
      fields: [{ path: 'body.decidedOn', message: 'Datumet kan inte ligga i framtiden.' }],
    });
  }
  return execute(deps, ctx, {
    action: 'crime_report.record',
    ...onCase(ctx, caseId),
    run: async (trx, { row }) => {
      if (row.status !== 'open') throw refuse('Ärendet är avslutat.');
      const created = await trx
        .insertInto('crime_report_decision')
        .values({
          case_id: caseId,
          person_id: row.person_id,
          decision: body.decision,
          decided_on: body.decidedOn,
          note: body.note || null,
          recorded_by: ctx.actor.userId,
          recorded_at: ctx.now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return {
        result: { id: created.id },
        audit: {
          personIds: [row.person_id],
          caseIds: [caseId],
          details: { decisionId: created.id },
        },
      };
    },
  });
}
