import { auditOf } from '../../http/action-context.ts';
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
import type { Actor } from '../../../core/policy/policy.ts';
import { recordAudit } from '../../audit/audit.ts';
import type { Trx } from '../../db/database.ts';
import { renderPdf } from '../../documents/pdf.ts';
import type { PdfSection } from '../../documents/pdf.ts';
import { AppError } from '../../errors.ts';
import { enforce } from '../../http/context.ts';
import { stockholmDate } from '../../time.ts';
import { caseFacts, loadCaseRow } from '../../case-kernel/case-access.ts';
import { deleteDraft, discardDraft, readDraft, saveDraft } from '../../case-kernel/drafts.ts';
import type { AuthorizeDraft } from '../../case-kernel/drafts.ts';
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

async function authorizePlan(
  trx: Trx,
  actor: Actor,
  caseId: string,
  personId: string,
  action: 'safetyPlan.read' | 'safetyPlan.write',
  now: Date,
) {
  const row = await loadCaseRow(trx, caseId);
  if (!row) throw new AppError('NOT_FOUND');
  const facts = await loadPersonFacts(trx, [row.person_id, personId], actor.userId, now);
  const casePerson = facts.get(row.person_id);
  const planPerson = facts.get(personId);
  if (!casePerson || !planPerson) throw new AppError('NOT_FOUND');
  // A plan is for the case's person or a child of the household whom the reader may
  // see; a masked child answers as if there were no such plan.
  if (personId !== row.person_id) {
    const { visible } = await loadHousehold(trx, actor, row, casePerson, stockholmDate(now), now);
    if (!visible.has(personId)) throw new AppError('NOT_FOUND');
  }
  const decision = enforce(
    can(actor, action, {
      person: casePerson,
      case: caseFacts(row),
      planPersonProtected: isProtected(planPerson.protectionLevel),
      now,
    }),
  );
  return { row, decision, planPerson, casePerson };
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

export async function getSafetyPlan(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
  personId: string,
): Promise<SafetyPlan> {
  const actor = ctx.actor;
  const now = ctx.now;
  return deps.db.transaction().execute(async (trx) => {
    const { row, decision, planPerson, casePerson } = await authorizePlan(
      trx,
      actor,
      caseId,
      personId,
      'safetyPlan.read',
      now,
    );
    const versions = await loadPlan(trx, caseId, personId);
    const person = (await findPersonSummaries(trx, [personId])).get(personId);
    if (!person) throw new AppError('NOT_FOUND');
    await recordAudit(trx, auditOf(ctx, decision), {
      action: 'safety_plan.read',
      personIds: [row.person_id, personId],
      caseIds: [caseId],
      purpose: decision.via,
      emergency: decision.via === 'emergency_access',
    });
    const current = versions.at(-1);
    const write =
      row.status === 'open' &&
      can(actor, 'safetyPlan.write', {
        person: casePerson,
        case: caseFacts(row),
        planPersonProtected: isProtected(planPerson.protectionLevel),
        now,
      }).allowed;
    return {
      person,
      version: current?.version ?? 0,
      items: completePlan(current?.items ?? []),
      reviewOn: current?.review_on ?? null,
      recordedBy: current ? { id: current.recorded_by, displayName: current.display_name } : null,
      recordedAt: current?.recorded_at.toISOString() ?? null,
      history: versions.map((v) => ({
        version: v.version,
        recordedBy: { id: v.recorded_by, displayName: v.display_name },
        recordedAt: v.recorded_at.toISOString(),
      })),
      abilities: { write },
    };
  });
}

const UNIQUE_VIOLATION = '23505';

export async function saveSafetyPlan(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
  personId: string,
  body: { version: number; items: SafetyPlanItem[]; reviewOn: string | null },
) {
  const actor = ctx.actor;
  const now = ctx.now;
  const known = new Set(safetyPlanPoints.map((p) => p.key));
  const unknown = body.items.findIndex((i) => !known.has(i.key));
  if (unknown >= 0) {
    throw new AppError('VALIDATION', {
      fields: [
        { path: `body.items.${unknown}.key`, message: 'Punkten finns inte i säkerhetsplanen.' },
      ],
    });
  }
  if (body.reviewOn !== null && body.reviewOn < stockholmDate(now)) {
    throw new AppError('VALIDATION', {
      fields: [
        { path: 'body.reviewOn', message: 'Välj ett datum för uppföljning från och med i dag.' },
      ],
    });
  }
  return deps.db.transaction().execute(async (trx) => {
    const { row, decision } = await authorizePlan(
      trx,
      actor,
      caseId,
      personId,
      'safetyPlan.write',
      now,
    );
    const current = await trx
      .selectFrom('safety_plan_version')
      .select((eb) => eb.fn.max('version').as('version'))
      .where('case_id', '=', caseId)
      .where('person_id', '=', personId)
      .executeTakeFirst();
    // Refused: the transaction rolls back and the writer's draft of the plan stays.
    if ((current?.version ?? 0) !== body.version) throw new AppError('VERSION_CONFLICT');
    try {
      await trx
        .insertInto('safety_plan_version')
        .values({
          person_id: personId,
          version: body.version + 1,
          case_id: caseId,
          items: JSON.stringify(completePlan(body.items)),
          review_on: body.reviewOn,
          recorded_by: actor.userId,
          recorded_at: now,
        })
        .execute();
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) {
        throw new AppError('VERSION_CONFLICT', { cause: error });
      }
      throw error;
    }
    await deleteDraft(trx, actor.userId, { caseId, kind: 'safety_plan', key: personId });
    await recordAudit(trx, auditOf(ctx, decision), {
      action: 'safety_plan.write',
      personIds: [row.person_id, personId],
      caseIds: [caseId],
      purpose: decision.via,
      details: { caseId, planPersonId: personId, version: body.version + 1 },
    });
    return { version: body.version + 1 };
  });
}

/**
 * The plan's draft is authorized like writing the plan (safetyPlan.write): for a protected
 * person only her assigned handläggare may keep one, since it holds where she can be reached.
 */
const planWrite =
  (caseId: string, personId: string): AuthorizeDraft =>
  async (trx, actor, now) => {
    const { row, decision } = await authorizePlan(
      trx,
      actor,
      caseId,
      personId,
      'safetyPlan.write',
      now,
    );
    return { caseId, personIds: [row.person_id, personId], decision };
  };

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
    planWrite(caseId, personId),
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
    planWrite(caseId, personId),
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
    planWrite(caseId, personId),
  );
}

/** The plan as PDF for the person to keep: the points and notes, never a protected field. */
export async function safetyPlanPdf(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
  personId: string,
): Promise<RenderedDocument> {
  const actor = ctx.actor;
  const now = ctx.now;
  const doc = await deps.db.transaction().execute(async (trx) => {
    const { row, decision } = await authorizePlan(
      trx,
      actor,
      caseId,
      personId,
      'safetyPlan.read',
      now,
    );
    const current = (await loadPlan(trx, caseId, personId)).at(-1);
    if (!current) throw new AppError('NOT_FOUND');
    const person = (await findPersonSummaries(trx, [personId])).get(personId);
    if (!person) throw new AppError('NOT_FOUND');
    await recordAudit(trx, auditOf(ctx, decision), {
      action: 'document.export',
      personIds: [row.person_id, personId],
      caseIds: [caseId],
      purpose: decision.via,
      details: { document: 'safety_plan' },
    });
    const items = new Map(completePlan(current.items).map((i) => [i.key, i]));
    const sections: PdfSection[] = (['before_leaving', 'after_leaving'] as const).flatMap(
      (part) => [
        { heading: safetyPlanPartLabels[part], level: 1 as const, paragraphs: [], groupOnly: true },
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
    return {
      title: 'Säkerhetsplan',
      subtitle: `${person.givenName} ${person.familyName}`,
      meta: [
        { label: 'Version', value: String(current.version) },
        { label: 'Upprättad', value: stockholmDate(current.recorded_at) },
        { label: 'Följs upp', value: current.review_on ?? 'Inte bestämt' },
      ],
      sections,
      footer: 'Förvara planen så att den som utövar våld inte hittar den.',
      info: { title: 'Säkerhetsplan', author: 'Värn', creationDate: now },
    };
  });
  return { filename: 'sakerhetsplan.pdf', pdf: await renderPdf(doc) };
}
