import { execute } from '../../command.ts';
import { caseFacts } from '../../case-kernel/case-access.ts';
import { consentRows, recordDisclosure, toConsent } from '../../case-kernel/disclosures.ts';
import { onCase } from '../../case-kernel/on-case.ts';
import type { ActionContext } from '../../http/action-context.ts';
import type { BodyOf } from '../../../core/contracts/contract.ts';
import type {
  Plan,
  PlanVersion,
  createPlan as createContract,
  followUpPlan as followUpContract,
  revisePlan as reviseContract,
} from '../../../core/contracts/coordinated-plans.ts';
import { consentName, informationCategoryLabels } from '../../../core/domain/consents.ts';
import type { Consent, Recipient } from '../../../core/domain/consents.ts';
import {
  needsConsent,
  planKindLabels,
  planProblems,
  planPurpose,
} from '../../../core/domain/coordinated-plans.ts';
import type { PlanContent, PlanKind } from '../../../core/domain/coordinated-plans.ts';
import { goalFulfilmentLabels } from '../../../core/domain/follow-ups.ts';
import { can } from '../../../core/policy/policy.ts';
import type { Trx } from '../../db/database.ts';
import type { StoredPlanParticipant } from '../../db/schema.ts';
import { SECRECY_FOOTER, renderPdf } from '../../documents/pdf.ts';
import type { PdfDocument, RenderedDocument } from '../../documents/pdf.ts';
import { AppError } from '../../errors.ts';
import { namedOrganisations } from '../../case-kernel/organisations.ts';
import { fullName } from '../../case-kernel/persons.repository.ts';
import type { ServiceDeps } from '../../service-deps.ts';
import { stockholmDate } from '../../time.ts';

/**
 * SIP and intern samverkansplan (core/domain/coordinated-plans.ts): one person's plan in their
 * file, written and revised by whoever works it, read by whoever may read it. Each version is
 * checked against the file's consents by the one rule and records a disclosure to each
 * participant outside the file's unit, in the same transaction; a consent revoked or run out
 * later leaves the plan standing but says that it must be revised.
 */

const refuse = (detail: string) => new AppError('STEP_OUT_OF_ORDER', { detail });
const author = (id: string, displayName: string) => ({ id, displayName });
const capital = (s: string) => s.charAt(0).toLocaleUpperCase('sv') + s.slice(1);

type ContentBody = Omit<BodyOf<typeof createContract>, 'kind'>;

/** The participants as the rule sees them: a unit's or provider's name from Värn. */
async function resolveParticipants(trx: Trx, body: ContentBody) {
  const { unitName, providerName } = await namedOrganisations(trx, {
    units: body.participants.flatMap(({ participant: p }) => (p.kind === 'unit' ? [p.unitId] : [])),
    providers: body.participants.flatMap(({ participant: p }) =>
      p.kind === 'provider' ? [p.providerId] : [],
    ),
  });
  return body.participants.map(({ participant: p, responsibility, consentId }) => {
    let recipient: Recipient;
    if (p.kind === 'unit') {
      recipient = { kind: 'unit', id: p.unitId, name: unitName.get(p.unitId) ?? '' };
    } else if (p.kind === 'provider') {
      recipient = {
        kind: 'provider',
        id: p.providerId,
        name: providerName.get(p.providerId) ?? '',
      };
    } else if (p.kind === 'agency') {
      recipient = { kind: 'agency', name: p.organisation };
    } else {
      recipient = { kind: 'person', name: p.name };
    }
    return { recipient, name: p.name, role: p.role, responsibility, consentId };
  });
}

/**
 * Checks a version against the rules and the case's consents (locked: a revocation waits for
 * this version, or it sees the revocation), writes it and its disclosures.
 */
async function writeVersion(
  trx: Trx,
  ctx: ActionContext,
  input: {
    planId: string;
    version: number;
    kind: PlanKind;
    caseId: string;
    personId: string;
    unitId: string;
    body: ContentBody;
  },
) {
  const { body } = input;
  const participants = await resolveParticipants(trx, body);
  const consentIds = [...new Set(participants.flatMap((p) => (p.consentId ? [p.consentId] : [])))];
  const rows = consentIds.length
    ? await consentRows(trx)
        .where('c.id', 'in', consentIds)
        .where('c.case_id', '=', input.caseId)
        .forUpdate('c')
        .execute()
    : [];
  const consents = new Map<string, Consent>(rows.map((r) => [r.id, toConsent(r)]));
  const content: PlanContent = {
    needs: body.needs,
    participants,
    othersDo: body.othersDo,
    overallResponsible: body.overallResponsible,
    followUpOn: body.followUpOn,
    categories: body.categories,
  };
  const problems = planProblems({
    kind: input.kind,
    content,
    personId: input.personId,
    ownUnitId: input.unitId,
    consents,
    today: ctx.today,
  });
  if (problems.length > 0) throw refuse(problems.join(' '));
  const stored: StoredPlanParticipant[] = participants.map((p) => ({
    kind: p.recipient.kind,
    unitId: p.recipient.kind === 'unit' ? p.recipient.id : null,
    providerId: p.recipient.kind === 'provider' ? p.recipient.id : null,
    recipientName: p.recipient.name,
    name: p.name,
    role: p.role,
    responsibility: p.responsibility,
    // Only a participant outside the unit takes part on a consent.
    consentId: needsConsent(p, input.unitId) ? p.consentId : null,
  }));
  await trx
    .insertInto('coordinated_plan_version')
    .values({
      plan_id: input.planId,
      version: input.version,
      needs: body.needs,
      participants: JSON.stringify(stored),
      others_do: body.othersDo,
      overall_responsible: body.overallResponsible,
      follow_up_on: body.followUpOn,
      categories: [...body.categories],
      recorded_by: ctx.actor.userId,
      recorded_at: ctx.now,
    })
    .execute();
  for (const p of participants) {
    const consent = p.consentId ? consents.get(p.consentId) : undefined;
    if (!needsConsent(p, input.unitId) || !consent) continue;
    await recordDisclosure(trx, ctx, {
      caseId: input.caseId,
      disclosure: {
        personId: input.personId,
        categories: body.categories,
        recipient: p.recipient,
        purpose: planPurpose[input.kind],
        on: ctx.today,
      },
      ground: { kind: 'consent', consent },
      plan: { id: input.planId, version: input.version },
    });
  }
}

export function createPlan(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
  body: BodyOf<typeof createContract>,
): Promise<{ id: string; version: number }> {
  return execute(deps, ctx, {
    action: 'plan.write',
    ...onCase(ctx, caseId),
    run: async (trx, { row }) => {
      if (row.status !== 'open') throw refuse('Ärendet är avslutat.');
      const plan = await trx
        .insertInto('coordinated_plan')
        .values({
          kind: body.kind,
          case_id: caseId,
          person_id: row.person_id,
          created_by: ctx.actor.userId,
          created_at: ctx.now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await writeVersion(trx, ctx, {
        planId: plan.id,
        version: 1,
        kind: body.kind,
        caseId,
        personId: row.person_id,
        unitId: row.unit_id,
        body,
      });
      return {
        result: { id: plan.id, version: 1 },
        audit: {
          personIds: [row.person_id],
          caseIds: [caseId],
          details: { planId: plan.id, version: 1 },
        },
      };
    },
  });
}

/** The plan of the case, locked, with its newest version number; 404 when not the case's. */
async function planOfCase(trx: Trx, caseId: string, planId: string) {
  const plan = await trx
    .selectFrom('coordinated_plan')
    .select(['id', 'kind'])
    .where('id', '=', planId)
    .where('case_id', '=', caseId)
    .forUpdate()
    .executeTakeFirst();
  if (!plan) throw new AppError('NOT_FOUND');
  const latest = await trx
    .selectFrom('coordinated_plan_version')
    .select('version')
    .where('plan_id', '=', planId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  return { ...plan, version: latest.version };
}

export function revisePlan(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
  planId: string,
  body: BodyOf<typeof reviseContract>,
): Promise<{ id: string; version: number }> {
  return execute(deps, ctx, {
    action: 'plan.write',
    ...onCase(ctx, caseId),
    run: async (trx, { row }) => {
      if (row.status !== 'open') throw refuse('Ärendet är avslutat.');
      const plan = await planOfCase(trx, caseId, planId);
      if (plan.version !== body.version) {
        throw new AppError('VERSION_CONFLICT');
      }
      const version = plan.version + 1;
      const { version: _seen, ...content } = body;
      await writeVersion(trx, ctx, {
        planId,
        version,
        kind: plan.kind,
        caseId,
        personId: row.person_id,
        unitId: row.unit_id,
        body: content,
      });
      return {
        result: { id: planId, version },
        audit: { personIds: [row.person_id], caseIds: [caseId], details: { planId, version } },
      };
    },
  });
}

export function followUpPlan(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
  planId: string,
  body: BodyOf<typeof followUpContract>,
): Promise<{ id: string }> {
  if (body.followedUpOn > ctx.today) {
    throw new AppError('VALIDATION', {
      fields: [
        { path: 'body.followedUpOn', message: 'Uppföljningen kan inte ha gjorts i framtiden.' },
      ],
    });
  }
  return execute(deps, ctx, {
    action: 'plan.follow_up',
    ...onCase(ctx, caseId),
    run: async (trx, { row }) => {
      if (row.status !== 'open') throw refuse('Ärendet är avslutat.');
      await planOfCase(trx, caseId, planId);
      const created = await trx
        .insertInto('coordinated_plan_follow_up')
        .values({
          plan_id: planId,
          followed_up_on: body.followedUpOn,
          person_view: body.personView,
          assessment: body.assessment,
          goal_fulfilment: body.goalFulfilment,
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
          details: { planId, followUpId: created.id },
        },
      };
    },
  });
}

// ---------------------------------------------------------------------------------------------
// Reading

async function loadPlans(trx: Trx, caseId: string, today: string): Promise<Plan[]> {
  const plans = await trx
    .selectFrom('coordinated_plan as p')
    .innerJoin('app_user as u', 'u.id', 'p.created_by')
    .select(['p.id', 'p.kind', 'p.created_by', 'u.display_name', 'p.created_at'])
    .where('p.case_id', '=', caseId)
    .orderBy('p.created_at', 'desc')
    .execute();
  if (plans.length === 0) return [];
  const ids = plans.map((p) => p.id);
  const [versions, followUps, consents] = await Promise.all([
    trx
      .selectFrom('coordinated_plan_version as v')
      .innerJoin('app_user as u', 'u.id', 'v.recorded_by')
      .selectAll('v')
      .select('u.display_name')
      .where('v.plan_id', 'in', ids)
      .orderBy('v.version', 'desc')
      .execute(),
    trx
      .selectFrom('coordinated_plan_follow_up as f')
      .innerJoin('app_user as u', 'u.id', 'f.recorded_by')
      .selectAll('f')
      .select('u.display_name')
      .where('f.plan_id', 'in', ids)
      .orderBy('f.followed_up_on', 'desc')
      .orderBy('f.recorded_at', 'desc')
      .execute(),
    consentRows(trx).where('c.case_id', '=', caseId).execute(),
  ]);
  const consentOf = new Map(consents.map((c) => [c.id, toConsent(c)]));
  const toVersion = (v: (typeof versions)[number]): PlanVersion => ({
    version: v.version,
    needs: v.needs,
    participants: v.participants.map((p) => {
      const consent = p.consentId ? consentOf.get(p.consentId) : undefined;
      return {
        recipient: {
          kind: p.kind,
          id: p.unitId ?? p.providerId,
          name: p.recipientName,
        },
        name: p.name,
        role: p.role,
        responsibility: p.responsibility,
        consent: consent
          ? {
              id: consent.id,
              text: `${capital(consentName(consent))}.`,
              revoked: consent.revokedOn !== null,
            }
          : null,
      };
    }),
    othersDo: v.others_do,
    overallResponsible: v.overall_responsible,
    followUpOn: v.follow_up_on,
    categories: v.categories,
    recordedBy: author(v.recorded_by, v.display_name),
    recordedAt: v.recorded_at.toISOString(),
  });
  return plans.flatMap((p) => {
    const [current, ...earlier] = versions.filter((v) => v.plan_id === p.id).map(toVersion);
    if (!current) return [];
    const gone = current.participants.flatMap((x) => {
      const consent = x.consent ? consentOf.get(x.consent.id) : undefined;
      if (!consent) return [];
      if (consent.revokedOn !== null)
        return [`${capital(consentName(consent))} återkallades ${consent.revokedOn}.`];
      return consent.validUntil < today
        ? [`${capital(consentName(consent))} gällde till och med ${consent.validUntil}.`]
        : [];
    });
    return [
      {
        id: p.id,
        kind: p.kind,
        createdBy: author(p.created_by, p.display_name),
        createdAt: p.created_at.toISOString(),
        current,
        earlier,
        followUps: followUps
          .filter((f) => f.plan_id === p.id)
          .map((f) => ({
            id: f.id,
            followedUpOn: f.followed_up_on,
            personView: f.person_view,
            assessment: f.assessment,
            goalFulfilment: f.goal_fulfilment,
            recordedBy: author(f.recorded_by, f.display_name),
            recordedAt: f.recorded_at.toISOString(),
          })),
        groundGone:
          gone.length > 0
            ? `${gone.join(' ')} Revidera planen med ett nytt samtycke, eller utan deltagaren.`
            : null,
      },
    ];
  });
}

export function listPlans(deps: ServiceDeps, ctx: ActionContext, caseId: string) {
  return execute(deps, ctx, {
    action: 'plan.read',
    ...onCase(ctx, caseId, 'case.read'),
    run: async (trx, { row, person }) => ({
      result: {
        plans: await loadPlans(trx, caseId, ctx.today),
        canWrite:
          row.status === 'open' &&
          can(ctx.actor, 'case.work', { person, case: caseFacts(row), now: ctx.now }).allowed,
      },
      audit: { personIds: [row.person_id], caseIds: [caseId] },
    }),
  });
}

function planDocument(plan: Plan, personName: string, now: Date): PdfDocument {
  const v = plan.current;
  const title = planKindLabels[plan.kind];
  const overall = v.participants[v.overallResponsible];
  return {
    title,
    subtitle: personName,
    meta: [
      { label: 'Person', value: personName },
      { label: 'Version', value: `${v.version}, ${stockholmDate(new Date(v.recordedAt))}` },
      { label: 'Skriven av', value: v.recordedBy.displayName },
      { label: 'Uppföljning', value: v.followUpOn },
    ],
    sections: [
      ...(plan.groundGone
        ? [{ heading: 'Samtycke', level: 1 as const, paragraphs: [{ text: plan.groundGone }] }]
        : []),
      { heading: 'Insatser som behövs', level: 2, paragraphs: [{ text: v.needs }] },
      {
        heading: 'Vem ansvarar för vad',
        level: 2,
        paragraphs: v.participants.map((p) => ({
          text: `${p.recipient.name}${p.recipient.name === p.name ? '' : `, ${p.name}`} (${p.role}): ${p.responsibility}`,
          note: p.consent ? p.consent.text : 'Ärendets egen enhet.',
        })),
      },
      { heading: 'Vad andra gör', level: 2, paragraphs: v.othersDo ? [{ text: v.othersDo }] : [] },
      {
        heading: 'Övergripande ansvar',
        level: 2,
        paragraphs: overall ? [{ text: `${overall.recipient.name}, ${overall.name}` }] : [],
      },
      {
        heading: 'Uppgifter som lämnas ut',
        level: 2,
        paragraphs: [{ text: v.categories.map((c) => informationCategoryLabels[c]).join(', ') }],
      },
      {
        heading: 'Uppföljningar',
        level: 2,
        paragraphs: plan.followUps.map((f) => ({
          text: `${f.followedUpOn}: ${goalFulfilmentLabels[f.goalFulfilment]}. ${f.assessment}`,
          ...(f.personView ? { note: `Personens syn: ${f.personView}` } : {}),
        })),
      },
    ],
    footer: SECRECY_FOOTER,
    info: { title, author: 'Värn', creationDate: now },
  };
}

export function planPdf(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
  planId: string,
): Promise<RenderedDocument> {
  return execute(deps, ctx, {
    action: 'document.export',
    ...onCase(ctx, caseId, 'case.read'),
    run: async (trx, { row }) => {
      const plan = (await loadPlans(trx, caseId, ctx.today)).find((p) => p.id === planId);
      if (!plan) throw new AppError('NOT_FOUND');
      const person = await trx
        .selectFrom('person')
        .select(['given_name', 'family_name'])
        .where('id', '=', row.person_id)
        .executeTakeFirstOrThrow();
      const name = fullName(person);
      return {
        result: {
          filename: plan.kind === 'sip' ? 'sip.pdf' : 'samverkansplan.pdf',
          pdf: await renderPdf(planDocument(plan, name, ctx.now)),
        },
        audit: {
          personIds: [row.person_id],
          caseIds: [caseId],
          details: { document: 'coordinated_plan', planId },
        },
      };
    },
  });
}
