import { execute } from '../../command.ts';
import type { Command } from '../../command.ts';
import { onCase } from '../../case-kernel/on-case.ts';
import type { ActionContext } from '../../http/action-context.ts';
import { SafetyPlanDraft } from '../../../core/contracts/risk.ts';
import type { SafetyPlan } from '../../../core/contracts/risk.ts';
import { isProtected } from '../../../core/domain/protection.ts';
import {
  completePlan,
  safetyPlanPartLabels,
  safetyPlanPoints,
  safetyPlanStatusLabels,
} from '../../../core/domain/safety-plan.ts';
import type { SafetyPlanItem } from '../../../core/domain/safety-plan.ts';
import { can } from '../../../core/policy/policy.ts';
import type { PersonFacts } from '../../../core/policy/policy.ts';
import { appendVersion } from '../../db/versions.ts';
import type { Trx } from '../../db/database.ts';
import { renderPdf } from '../../documents/pdf.ts';
import type { PdfDocument, PdfSection } from '../../documents/pdf.ts';
import { AppError } from '../../errors.ts';
import { stockholmDate } from '../../time.ts';
import { caseFacts } from '../../case-kernel/case-access.ts';
import type { LoadedCase } from '../../case-kernel/case-access.ts';
import { deleteDraft, discardDraft, readDraft, saveDraft } from '../../case-kernel/drafts.ts';
import type { DraftAuthorizer } from '../../case-kernel/drafts.ts';
import { loadHousehold } from '../../case-kernel/household.ts';
import type { RenderedDocument } from '../../documents/pdf.ts';
import { findPersonSummaries, loadPersonFacts } from '../../case-kernel/persons.repository.ts';
import type { ServiceDeps } from '../../service-deps.ts';

/**
 * The safety plan of a person, made in a case and belonging to it: another case about the same
 * person (the perpetrator's, say) has its own and never reaches this one. It tells where a person
 * is safe and how to reach her, so for a protected person only the assigned handläggare reads or
 * writes it. Every save is a new version naming the version it started from.
 */

/** The case, and the person whose plan it is: the case's person or a child of its household. */
interface PlanFacts extends LoadedCase {
  planPerson: PersonFacts;
}

/** What the policy reads for a plan: the case's person and case, and whether hers is protected. */
const planRule = (f: PlanFacts, now: Date) => ({
  person: f.person,
  case: caseFacts(f.row),
  planPersonProtected: isProtected(f.planPerson.protectionLevel),
  now,
});

/**
 * The load and authorize of a command on a person's plan in a case: the case as every command on
 * one loads it (onCase), the plan's person in that case, and the policy's decision on the plan.
 */
function onPlan(
  ctx: ActionContext,
  caseId: string,
  personId: string,
  action: 'safetyPlan.read' | 'safetyPlan.write',
): Pick<Command<PlanFacts, never>, 'load' | 'authorize'> {
  const theCase = onCase(ctx, caseId);
  return {
    load: async (trx) => {
      const loaded = await theCase.load(trx, ctx);
      const { row, person } = loaded;
      if (personId === row.person_id) return { ...loaded, planPerson: person };
      const planPerson = (await loadPersonFacts(trx, [personId], ctx.actor.userId, ctx.now)).get(
        personId,
      );
      if (!planPerson) throw new AppError('NOT_FOUND');
      // A plan is for the case's person or a child of the household whom the reader may
      // see; a masked child answers as if there were no such plan.
      const { visible } = await loadHousehold(trx, ctx.actor, row, person, ctx.today, ctx.now);
      if (!visible.has(personId)) throw new AppError('NOT_FOUND');
      return { ...loaded, planPerson };
    },
    authorize: (actor, facts) => can(actor, action, planRule(facts, ctx.now)),
  };
}

/** The plan's versions made in this case: another case about the same person has its own. */
async function loadPlan(trx: Trx, caseId: string, personId: string) {
  return trx
    .selectFrom('safety_plan_version as p')
    .innerJoin('app_user as u', 'u.id', 'p.recorded_by')
    .select([
      'p.version',
      'p.items',
      'p.review_on',
      'p.recorded_by',
      'p.recorded_at',
      'u.display_name',
    ])
    .where('p.case_id', '=', caseId)
    .where('p.person_id', '=', personId)
    .orderBy('p.version')
    .execute();
}

export function getSafetyPlan(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
  personId: string,
): Promise<SafetyPlan> {
  return execute(deps, ctx, {
    action: 'safety_plan.read',
    ...onPlan(ctx, caseId, personId, 'safetyPlan.read'),
    run: async (trx, facts) => {
      const { row } = facts;
      const versions = await loadPlan(trx, caseId, personId);
      const person = (await findPersonSummaries(trx, [personId])).get(personId);
      if (!person) throw new AppError('NOT_FOUND');
      const current = versions.at(-1);
      const write =
        row.status === 'open' &&
        can(ctx.actor, 'safetyPlan.write', planRule(facts, ctx.now)).allowed;
      return {
        result: {
          person,
          version: current?.version ?? 0,
          items: completePlan(current?.items ?? []),
          reviewOn: current?.review_on ?? null,
          recordedBy: current
            ? { id: current.recorded_by, displayName: current.display_name }
            : null,
          recordedAt: current?.recorded_at.toISOString() ?? null,
          history: versions.map((v) => ({
            version: v.version,
            recordedBy: { id: v.recorded_by, displayName: v.display_name },
            recordedAt: v.recorded_at.toISOString(),
          })),
          abilities: { write },
        },
        audit: { personIds: [row.person_id, personId], caseIds: [caseId] },
      };
    },
  });
}

export function saveSafetyPlan(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
  personId: string,
  body: { version: number; items: SafetyPlanItem[]; reviewOn: string | null },
) {
  const known = new Set(safetyPlanPoints.map((p) => p.key));
  const unknown = body.items.findIndex((i) => !known.has(i.key));
  if (unknown >= 0) {
    throw new AppError('VALIDATION', {
      fields: [
        { path: `body.items.${unknown}.key`, message: 'Punkten finns inte i säkerhetsplanen.' },
      ],
    });
  }
  if (body.reviewOn !== null && body.reviewOn < ctx.today) {
    throw new AppError('VALIDATION', {
      fields: [
        { path: 'body.reviewOn', message: 'Välj ett datum för uppföljning från och med i dag.' },
      ],
    });
  }
  return execute(deps, ctx, {
    action: 'safety_plan.write',
    ...onPlan(ctx, caseId, personId, 'safetyPlan.write'),
    run: async (trx, { row }) => {
      const latest = await trx
        .selectFrom('safety_plan_version')
        .select((eb) => eb.fn.max('version').as('version'))
        .where('case_id', '=', caseId)
        .where('person_id', '=', personId)
        .executeTakeFirst();
      // Refused: the transaction rolls back and the writer's draft of the plan stays.
      const version = await appendVersion(latest?.version ?? 0, body.version, (next) =>
        trx
          .insertInto('safety_plan_version')
          .values({
            person_id: personId,
            version: next,
            case_id: caseId,
            items: JSON.stringify(completePlan(body.items)),
            review_on: body.reviewOn,
            recorded_by: ctx.actor.userId,
            recorded_at: ctx.now,
          })
          .execute(),
      );
      await deleteDraft(trx, ctx.actor.userId, { caseId, kind: 'safety_plan', key: personId });
      return {
        result: { version },
        audit: {
          personIds: [row.person_id, personId],
          caseIds: [caseId],
          details: { caseId, planPersonId: personId, version },
        },
      };
    },
  });
}

/**
 * The plan's draft is authorized like writing the plan (safetyPlan.write): for a protected
 * person only her assigned handläggare may keep one, since it holds where she can be reached.
 */
const planWrite = (
  ctx: ActionContext,
  caseId: string,
  personId: string,
): DraftAuthorizer<PlanFacts> => ({
  ...onPlan(ctx, caseId, personId, 'safetyPlan.write'),
  subject: ({ row }) => ({ caseId, personIds: [row.person_id, personId] }),
});

export function saveSafetyPlanDraft(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
  personId: string,
  draft: SafetyPlanDraft,
) {
  return saveDraft(
    deps,
    ctx,
    { kind: 'safety_plan', key: personId },
    planWrite(ctx, caseId, personId),
    draft,
  );
}

export function getSafetyPlanDraft(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
  personId: string,
) {
  return readDraft(
    deps,
    ctx,
    { kind: 'safety_plan', key: personId },
    planWrite(ctx, caseId, personId),
    SafetyPlanDraft,
  );
}

export function discardSafetyPlanDraft(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
  personId: string,
) {
  return discardDraft(
    deps,
    ctx,
    { kind: 'safety_plan', key: personId },
    planWrite(ctx, caseId, personId),
  );
}

/** The plan as PDF for the person to keep: the points and notes, never a protected field. */
export async function safetyPlanPdf(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
  personId: string,
): Promise<RenderedDocument> {
  const doc = await execute(deps, ctx, {
    action: 'document.export',
    ...onPlan(ctx, caseId, personId, 'safetyPlan.read'),
    run: async (trx, { row }) => {
      const current = (await loadPlan(trx, caseId, personId)).at(-1);
      if (!current) throw new AppError('NOT_FOUND');
      const person = (await findPersonSummaries(trx, [personId])).get(personId);
      if (!person) throw new AppError('NOT_FOUND');
      const items = new Map(completePlan(current.items).map((i) => [i.key, i]));
      const sections: PdfSection[] = (['before_leaving', 'after_leaving'] as const).flatMap(
        (part) => [
          {
            heading: safetyPlanPartLabels[part],
            level: 1 as const,
            paragraphs: [],
            groupOnly: true,
          },
          ...safetyPlanPoints
            .filter((p) => p.part === part)
            .map((p) => {
              const item = items.get(p.key);
              return {
                heading: p.label,
                level: 2 as const,
                paragraphs: [
                  {
                    text: item?.note ? item.note : p.guidance,
                    note: safetyPlanStatusLabels[item?.status ?? 'not_started'],
                  },
                ],
              };
            }),
        ],
      );
      const pdf: PdfDocument = {
        title: 'Säkerhetsplan',
        subtitle: `${person.givenName} ${person.familyName}`,
        meta: [
          { label: 'Version', value: String(current.version) },
          { label: 'Upprättad', value: stockholmDate(current.recorded_at) },
          { label: 'Följs upp', value: current.review_on ?? 'Inte bestämt' },
        ],
        sections,
        footer: 'Förvara planen så att den som utövar våld inte hittar den.',
        info: { title: 'Säkerhetsplan', author: 'Värn', creationDate: ctx.now },
      };
      return {
        result: pdf,
        audit: {
          personIds: [row.person_id, personId],
          caseIds: [caseId],
          details: { document: 'safety_plan' },
        },
      };
    },
  });
  return { filename: 'sakerhetsplan.pdf', pdf: await renderPdf(doc) };
}
