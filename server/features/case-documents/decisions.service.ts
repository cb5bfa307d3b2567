import { execute } from '../../command.ts';
import { onCase } from '../../case-kernel/on-case.ts';
import type { ActionContext } from '../../http/action-context.ts';
import { decisionRight, loadDelegations } from '../../case-kernel/delegations.ts';
import type { ContactChannelKind } from '../../db/schema.ts';
import { sql } from 'kysely';
import type { z } from 'zod';
import type {
  Decision,
  recordAcuteDecision as acuteContract,
  recordCommunication as communicationContract,
  recordDecision as decisionContract,
  reviseDecision as reviseContract,
} from '../../../core/contracts/case-documents.ts';
import { RecordedConditions } from '../../../core/contracts/case-documents.ts';
import type { FieldError } from '../../../core/contracts/errors.ts';
import { checkStep, caseState } from '../../../core/domain/case-flow.ts';
import { hasOpenDuty } from '../../../core/domain/child-report-duty.ts';
import {
  appealInstructions,
  needsAppealInstructions,
  periodProblems,
} from '../../../core/domain/decisions.ts';
import type {
  DelegationRow,
  Intervention,
  Outcome,
  Period,
} from '../../../core/domain/decisions.ts';
import { can } from '../../../core/policy/policy.ts';
import type { Actor } from '../../../core/policy/policy.ts';
import { catalogueRefusal, serviceRefusal } from '../../../core/domain/intervention-catalogue.ts';
import type { InterventionCatalogue } from '../../../core/domain/intervention-catalogue.ts';
import {
  interventionRuleProblems,
  relevantConditions,
} from '../../../core/domain/intervention-rules.ts';
import type {
  AssessmentFact,
  DecisionConditions,
  PartnerContactPeople,
} from '../../../core/domain/intervention-rules.ts';
import { legalReference } from '../../../core/domain/legal-references.ts';
import { checkCommunicationChannel } from '../../../core/domain/safe-channel.ts';
import type { Db, Trx } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { enforce } from '../../http/context.ts';
import {
  appendEvents,
  loadCaseRow,
  loadEvents,
  toFlowEvents,
} from '../../case-kernel/case-access.ts';
import { takeStep } from '../../case-kernel/case-steps.ts';
import { loadDuties } from '../../case-kernel/child-duties.ts';
import { activeCatalogue } from '../../case-kernel/legal-catalogue.ts';
import { activeInterventionCatalogue } from '../../case-kernel/intervention-catalogue.ts';
import { refuseUnfitPlace } from '../../case-kernel/providers.ts';
import { channelsReachableByViolence } from '../../case-kernel/counterparts.ts';
import { recordDisclosure } from '../../case-kernel/disclosures.ts';
import { partnerContactDisclosure } from '../../case-kernel/partner-contact.ts';
import { loadPersonFacts } from '../../case-kernel/persons.repository.ts';
import type { CaseRow } from '../../case-kernel/case-access.ts';
import type { ServiceDeps } from '../../service-deps.ts';

/**
 * Kommunicering: only through a channel the person who uses violence cannot reach. A channel is
 * refused when marked unsafe or when a perpetrator has the same number, address or mailbox.
 */
export function recordCommunication(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
  body: z.infer<typeof communicationContract.body>,
) {
  return takeStep(
    deps,
    ctx,
    caseId,
    'communication',
    async ({ trx, row, now, today, actorId }) => {
      if (body.communicatedOn > today) {
        throw new AppError('VALIDATION', {
          fields: [{ path: 'body.communicatedOn', message: 'Datumet kan inte ligga i framtiden.' }],
        });
      }
      let channelKind: ContactChannelKind | null = null;
      if (body.method.kind === 'channel') {
        const channel = await trx
          .selectFrom('contact_channel')
          .select(['id', 'kind', 'value', 'safe_for_contact'])
          .where('id', '=', body.method.contactChannelId)
          .where('person_id', '=', row.person_id)
          .executeTakeFirst();
        if (!channel) {
          throw new AppError('VALIDATION', {
            fields: [
              {
                path: 'body.method.contactChannelId',
                message: 'Kontaktvägen finns inte hos personen. Välj en av personens kontaktvägar.',
              },
            ],
          });
        }
        const theirs = await channelsReachableByViolence(trx, row.person_id);
        const check = checkCommunicationChannel(
          { kind: channel.kind, value: channel.value, safeForContact: channel.safe_for_contact },
          theirs,
        );
        if (!check.ok) throw new AppError('UNSAFE_CHANNEL', { detail: check.message });
        channelKind = channel.kind;
      }
      const version = await appendEvents(
        trx,
        caseId,
        [
          {
            type: 'communication_recorded',
            payload: {
              what: body.what,
              communicatedOn: body.communicatedOn,
              method: body.method.kind,
              contactChannelId:
                body.method.kind === 'channel' ? body.method.contactChannelId : null,
              channelKind,
            },
          },
        ],
        actorId,
        now,
        body.version,
      );
      return {
        caseId,
        version,
        audit: { details: { version, method: body.method.kind } },
      };
    },
    'communication.record',
  );
}

/** What every version of a beslut holds, ordinary or acute, as its columns. */
interface VersionFields {
  intervention: Intervention;
  requested: string;
  outcome: Outcome;
  motivation: string;
  decidedOn: string;
  period: Period | null;
  notified: {
    how: NonNullable<z.infer<typeof decisionContract.body>['notified']>['how'];
    on: string;
  } | null;
  /** As the form sends them: a partnerkontakt names his consent by its id. */
  conditions?: DecisionConditions<PartnerContactIn> | undefined;
  /** The place (issue 13): a provider that carries out the insats. */
  providerId?: string | null | undefined;
}

function versionValues(
  body: VersionFields,
  catalogue: Awaited<ReturnType<typeof activeCatalogue>>,
  conditions: DecisionConditions | null,
) {
  return {
    conditions: conditions ? JSON.stringify(conditions) : null,
    intervention: body.intervention,
    requested: body.requested,
    outcome: body.outcome,
    motivation: body.motivation,
    legal_basis: legalReference(catalogue, 'assistance'),
    appeal_instructions: needsAppealInstructions(body.outcome)
      ? appealInstructions(legalReference(catalogue, 'appeal'))
      : null,
    decided_on: body.decidedOn,
    period_from: body.period?.from ?? null,
    period_to: body.period?.to ?? null,
    notified_how: body.notified?.how ?? null,
    notified_on: body.notified?.on ?? null,
    provider_id: body.providerId ?? null,
  };
}

/** The dates' problems as the field errors of a 400: dates in the future, the period's rules. */
function dateProblems(
  body: VersionFields,
  today: string,
  acute: boolean,
  interventions: InterventionCatalogue,
): FieldError[] {
  return [
    ...(body.decidedOn > today
      ? [{ path: 'body.decidedOn', message: 'Beslutsdatumet kan inte ligga i framtiden.' }]
      : []),
    ...(body.notified && body.notified.on > today
      ? [{ path: 'body.notified.on', message: 'Datumet kan inte ligga i framtiden.' }]
      : []),
    ...(body.notified && body.notified.on < body.decidedOn
      ? [{ path: 'body.notified.on', message: 'Personen kan inte underrättas före beslutet.' }]
      : []),
    ...periodProblems({ ...body, acute, today }, interventions).map((p) => ({
      path: `body.${p.path}`,
      message: p.message,
    })),
  ];
}

function refuseBadDates(
  body: VersionFields,
  today: string,
  interventions: InterventionCatalogue,
  acute = false,
) {
  const fields = dateProblems(body, today, acute, interventions);
  if (fields.length) throw new AppError('VALIDATION', { fields });
}

/**
 * A service (råd och stöd) is given without a beslut, whoever asks and on whatever case: a 409
 * before anything is read about the case, so the answer says nothing about it. Whether the insats
 * serves the case's target group is asked after authorization (refuseAgainstRules).
 */
async function refuseService(deps: ServiceDeps, intervention: Intervention) {
  const refusal = serviceRefusal(await activeInterventionCatalogue(deps.db), intervention);
  if (refusal) throw new AppError('STEP_OUT_OF_ORDER', { detail: refusal });
}

/** Partnerkontakt as the form sends it: his consent by its id, and the two people. */
type PartnerContactIn = PartnerContactPeople & { consentId: string };

/** What a beslut keeps for the rules of its insats, and the disclosure it makes, if any. */
interface RuleOutcome {
  conditions: DecisionConditions | null;
  /** A partnerkontakt's disclosure of his data to this unit, recorded with the beslut. */
  disclosure: Omit<Parameters<typeof recordDisclosure>[2], 'decisionId'> | null;
}

/**
 * What the insatser catalogue in force and the rules of the insats say of this beslut in this
 * case, as a 409 naming what is missing: a service is not decided, an insats is decided only for
 * the target groups it serves, and a perpetrator's tillfälligt boende or a partnerkontakt rests
 * on what core/domain/intervention-rules.ts asks. A partnerkontakt that grants rests on his
 * consent, read from his case's register (server/case-kernel/partner-contact.ts): the conditions
 * keep its id and the day he gave it. Returns the conditions the beslut keeps and what it
 * discloses.
 */
async function refuseAgainstRules(
  trx: Trx,
  ctx: ActionContext,
  row: CaseRow,
  body: VersionFields,
  interventions: InterventionCatalogue,
  acute: boolean,
): Promise<RuleOutcome> {
  const refusal = catalogueRefusal(interventions, body.intervention, row.target_group);
  if (refusal) throw new AppError('STEP_OUT_OF_ORDER', { detail: refusal });
  const { partnerContact, ...rest } = body.conditions ?? {};
  const partner =
    partnerContact && body.intervention === 'partner_contact' && body.outcome !== 'refused'
      ? await partnerContactDisclosure(trx, ctx, await withPersonFacts(trx, ctx, row), {
          consentId: partnerContact.consentId,
          decidedOn: body.decidedOn,
        })
      : null;
  const conditions: DecisionConditions = {
    ...rest,
    ...(partnerContact && partner
      ? { partnerContact: { ...partnerContact, consentOn: partner.ground.consent.givenOn } }
      : {}),
  };
  const named = conditions.riskSupport
    ? await trx
        .selectFrom('risk_assessment')
        .select(['id', 'kind', 'level', 'assessed_on'])
        .where('id', '=', conditions.riskSupport.assessmentId)
        .where('case_id', '=', row.id)
        .executeTakeFirst()
    : undefined;
  const assessment: AssessmentFact | null = named
    ? { id: named.id, kind: named.kind, level: named.level, assessedOn: named.assessed_on }
    : null;
  const problems = [
    ...(partner && !partner.coverage.covered ? [partner.coverage.reason] : []),
    ...interventionRuleProblems({
      intervention: body.intervention,
      targetGroup: row.target_group,
      outcome: body.outcome,
      acute,
      conditions,
      assessment,
      decidedOn: body.decidedOn,
    }),
  ];
  if (problems.length) throw new AppError('STEP_OUT_OF_ORDER', { detail: problems.join(' ') });
  return {
    conditions: relevantConditions({
      intervention: body.intervention,
      targetGroup: row.target_group,
      acute,
      conditions,
    }),
    disclosure: partner
      ? { caseId: partner.caseId, disclosure: partner.disclosure, ground: partner.ground }
      : null,
  };
}

/** The case with its person's facts, as the policy reads them for the family around it. */
async function withPersonFacts(trx: Trx, ctx: ActionContext, row: CaseRow) {
  const person = (await loadPersonFacts(trx, [row.person_id], ctx.actor.userId, ctx.now)).get(
    row.person_id,
  );
  if (!person) throw new AppError('NOT_FOUND');
  return { row, person };
}

/** The disclosure a beslut makes (a partnerkontakt's), recorded in his case with the beslut. */
async function recordRuleDisclosure(
  trx: Trx,
  ctx: ActionContext,
  rules: RuleOutcome,
  decisionId: string,
) {
  if (rules.disclosure) await recordDisclosure(trx, ctx, { ...rules.disclosure, decisionId });
}

/**
 * The load and authorize of a new beslut on an insats: the case and its unit's delegation list,
 * and the delegation rule (a refusal on a visible case answers NO_DELEGATION).
 */
function onDecision(caseId: string, intervention: Intervention) {
  return {
    forbidden: 'NO_DELEGATION' as const,
    load: async (trx: Trx) => {
      const row = await loadCaseRow(trx, caseId);
      if (!row) throw new AppError('NOT_FOUND');
      return { row, delegations: await loadDelegations(trx, row.unit_id) };
    },
    authorize: (
      actor: Actor,
      { row, delegations }: { row: CaseRow; delegations: DelegationRow[] },
    ) => decisionRight(actor, row, delegations, intervention),
  };
}

/** The case flow's check of a beslut step, as a 409 with its sentence when it refuses. */
async function refuseOutOfOrder(
  trx: Trx,
  row: CaseRow,
  step: 'decision' | 'acute_decision',
  today: string,
  intervention?: Intervention,
  catalogue?: InterventionCatalogue,
) {
  const events = await loadEvents(trx, row.id);
  const duties = (await loadDuties(trx, [row], today)).get(row.id) ?? [];
  const check = checkStep(caseState(toFlowEvents(events)), step, {
    subjectIsAdult: row.target_group !== 'child',
    openChildReportDuty: hasOpenDuty(duties),
    ...(intervention ? { intervention } : {}),
    ...(catalogue ? { catalogue } : {}),
  });
  if (!check.ok) throw new AppError('STEP_OUT_OF_ORDER', { detail: check.message });
}

export async function recordDecision(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
  body: z.infer<typeof decisionContract.body>,
) {
  await refuseService(deps, body.intervention);
  return execute(deps, ctx, {
    action: 'decision.record',
    ...onDecision(caseId, body.intervention),
    run: async (trx, { row }, allowed) => {
      const interventions = await activeInterventionCatalogue(trx);
      refuseBadDates(body, ctx.today, interventions);
      await refuseOutOfOrder(trx, row, 'decision', ctx.today);
      const rules = await refuseAgainstRules(trx, ctx, row, body, interventions, false);
      await refuseUnfitPlace(trx, body);
      const catalogue = await activeCatalogue(trx);
      const created = await trx
        .insertInto('decision')
        .values({ case_id: caseId })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('decision_version')
        .values({
          decision_id: created.id,
          version: 1,
          kind: 'original',
          ...versionValues(body, catalogue, rules.conditions),
          decided_by: ctx.actor.userId,
          decided_role: allowed.role,
          change_reason: null,
          recorded_at: ctx.now,
        })
        .execute();
      await recordRuleDisclosure(trx, ctx, rules, created.id);
      // The utredning ends with its (first) beslut; further beslut on other insatser may follow.
      await trx
        .updateTable('investigation')
        .set({ closed_at: ctx.now })
        .where('case_id', '=', caseId)
        .where('closed_at', 'is', null)
        .execute();
      await appendEvents(
        trx,
        caseId,
        [
          {
            type: 'decision_recorded',
            payload: {
              decisionId: created.id,
              intervention: body.intervention,
              outcome: body.outcome,
            },
          },
        ],
        ctx.actor.userId,
        ctx.now,
        body.version,
      );
      return {
        result: { id: created.id, version: 1 },
        audit: {
          personIds: [row.person_id],
          caseIds: [caseId],
          details: {
            decisionId: created.id,
            version: 1,
            intervention: body.intervention,
            outcome: body.outcome,
          },
        },
      };
    },
  });
}

/**
 * An acute beslut: granted at once, before kommunicering, because the need cannot wait. The same
 * delegation as any beslut on the insats; the case flow's acute step says when and on what
 * (core/domain/case-flow.ts). In one transaction: the person's own view of the danger as the
 * case's first risk assessment, the beslut with its period, the ground for deciding without
 * kommunicering, and the event — which leaves the phase alone and starts the utredning's clock.
 */
export async function recordAcuteDecision(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
  body: z.infer<typeof acuteContract.body>,
) {
  const fields: VersionFields = { ...body, outcome: 'granted' };
  await refuseService(deps, body.intervention);
  return execute(deps, ctx, {
    action: 'decision.acute',
    ...onDecision(caseId, body.intervention),
    run: async (trx, { row }, allowed) => {
      const interventions = await activeInterventionCatalogue(trx);
      refuseBadDates(fields, ctx.today, interventions, true);
      await refuseOutOfOrder(
        trx,
        row,
        'acute_decision',
        ctx.today,
        body.intervention,
        interventions,
      );
      const rules = await refuseAgainstRules(trx, ctx, row, fields, interventions, true);
      await refuseUnfitPlace(trx, fields);
      const catalogue = await activeCatalogue(trx);
      // Her own view of the danger: a valid first assessment, to be completed by a structured one.
      const assessment = await trx
        .insertInto('risk_assessment')
        .values({
          case_id: caseId,
          person_id: row.person_id,
          kind: 'own_view',
          instrument_id: null,
          instrument_version: null,
          method: 'own_view',
          answers: '{}',
          score: null,
          level: null,
          scenario_ratings: null,
          motivation: body.ownView,
          police_reference: null,
          consent_reference: null,
          assessed_on: body.decidedOn,
          recorded_by: ctx.actor.userId,
          recorded_at: ctx.now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const created = await trx
        .insertInto('decision')
        .values({ case_id: caseId })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('decision_version')
        .values({
          decision_id: created.id,
          version: 1,
          kind: 'original',
          ...versionValues(fields, catalogue, rules.conditions),
          decided_by: ctx.actor.userId,
          decided_role: allowed.role,
          change_reason: null,
          recorded_at: ctx.now,
        })
        .execute();
      await recordRuleDisclosure(trx, ctx, rules, created.id);
      await trx
        .insertInto('acute_decision')
        .values({
          decision_id: created.id,
          ground_reference: legalReference(catalogue, 'decisionWithoutCommunication'),
          ground_reason: body.groundReason,
          own_view_assessment_id: assessment.id,
          recorded_at: ctx.now,
        })
        .execute();
      await appendEvents(
        trx,
        caseId,
        [
          {
            type: 'acute_decision_recorded',
            payload: {
              decisionId: created.id,
              intervention: body.intervention,
              periodFrom: body.period.from,
              periodTo: body.period.to,
              assessmentId: assessment.id,
            },
          },
        ],
        ctx.actor.userId,
        ctx.now,
        body.version,
      );
      return {
        result: { id: created.id, version: 1, assessmentId: assessment.id },
        audit: {
          personIds: [row.person_id],
          caseIds: [caseId],
          details: {
            decisionId: created.id,
            version: 1,
            assessmentId: assessment.id,
            intervention: body.intervention,
          },
        },
      };
    },
  });
}

/** Rättelse or ändring: a new version naming who and why; the original stays. */
export async function reviseDecision(
  deps: ServiceDeps,
  ctx: ActionContext,
  decisionId: string,
  body: z.infer<typeof reviseContract.body>,
) {
  await refuseService(deps, body.intervention);
  return execute(deps, ctx, {
    action: 'decision.revise',
    forbidden: 'NO_DELEGATION',
    load: async (trx) => {
      const head = await trx
        .selectFrom('decision')
        .select(['id', 'case_id'])
        .where('id', '=', decisionId)
        .executeTakeFirst();
      if (!head) throw new AppError('NOT_FOUND');
      const row = await loadCaseRow(trx, head.case_id);
      if (!row) throw new AppError('NOT_FOUND');
      return { row, delegations: await loadDelegations(trx, row.unit_id) };
    },
    authorize: (actor, { row, delegations }) =>
      decisionRight(actor, row, delegations, body.intervention),
    run: async (trx, { row }, allowed) => {
      // A new version of an acute beslut stays acute: its period keeps an end.
      const acute = await trx
        .selectFrom('acute_decision')
        .select('decision_id')
        .where('decision_id', '=', decisionId)
        .executeTakeFirst();
      const interventions = await activeInterventionCatalogue(trx);
      refuseBadDates(body, ctx.today, interventions, acute !== undefined);
      const rules = await refuseAgainstRules(
        trx,
        ctx,
        row,
        body,
        interventions,
        acute !== undefined,
      );
      await refuseUnfitPlace(trx, body);
      const bumped = await trx
        .updateTable('decision')
        .set({ version: sql`version + 1` })
        .where('id', '=', decisionId)
        .where('version', '=', body.version)
        .returning('version')
        .executeTakeFirst();
      if (!bumped) throw new AppError('VERSION_CONFLICT');
      const catalogue = await activeCatalogue(trx);
      // A place not sent stays as it was (a reader without sight of it revises the rest).
      const latest = await trx
        .selectFrom('decision_version')
        .select('provider_id')
        .where('decision_id', '=', decisionId)
        .where('version', '=', bumped.version - 1)
        .executeTakeFirst();
      const providerId =
        body.outcome === 'refused'
          ? null
          : body.providerId === undefined
            ? (latest?.provider_id ?? null)
            : body.providerId;
      await trx
        .insertInto('decision_version')
        .values({
          decision_id: decisionId,
          version: bumped.version,
          kind: body.kind,
          ...versionValues({ ...body, providerId }, catalogue, rules.conditions),
          decided_by: ctx.actor.userId,
          decided_role: allowed.role,
          change_reason: body.reason,
          recorded_at: ctx.now,
        })
        .execute();
      await recordRuleDisclosure(trx, ctx, rules, decisionId);
      return {
        result: { id: decisionId, version: bumped.version },
        audit: {
          personIds: [row.person_id],
          caseIds: [row.id],
          details: { decisionId, kind: body.kind, version: bumped.version },
        },
      };
    },
  });
}

/** The insatser catalogue in force, for the decision forms. Not personal data. */
export async function getInterventionCatalogue(deps: ServiceDeps, ctx: ActionContext) {
  enforce(can(ctx.actor, 'interventions.list', {}));
  return activeInterventionCatalogue(deps.db);
}

/**
 * Every decision on the case with its versions, oldest first. The place of a beslut (a shelter)
 * is where the person is: shown only where `placeVisible` says so — for a protected person, to
 * whoever may read her protected details ('person.readProtected'); withheld otherwise.
 */
export async function loadDecisions(
  db: Db | Trx,
  caseId: string,
  placeVisible = false,
): Promise<Decision[]> {
  const rows = await db
    .selectFrom('decision as d')
    .innerJoin('decision_version as v', 'v.decision_id', 'd.id')
    .innerJoin('app_user as u', 'u.id', 'v.decided_by')
    .leftJoin('acute_decision as a', 'a.decision_id', 'd.id')
    .leftJoin('provider as pl', 'pl.id', 'v.provider_id')
    .select([
      'v.provider_id',
      'pl.name as provider_name',
      'd.id',
      'd.version as head_version',
      'a.ground_reference',
      'a.ground_reason',
      'a.own_view_assessment_id',
      'v.period_from',
      'v.period_to',
      'v.version',
      'v.kind',
      'v.intervention',
      'v.requested',
      'v.outcome',
      'v.motivation',
      'v.legal_basis',
      'v.appeal_instructions',
      'v.decided_on',
      'u.display_name',
      'v.notified_how',
      'v.notified_on',
      'v.change_reason',
      'v.recorded_at',
      'v.conditions',
    ])
    .where('d.case_id', '=', caseId)
    .orderBy('v.recorded_at')
    .orderBy('v.version')
    .execute();
  const byDecision = Map.groupBy(rows, (r) => r.id);
  return [...byDecision.entries()].map(([id, versions]) => {
    const history = versions.map((v) => ({
      version: v.version,
      kind: v.kind,
      intervention: v.intervention,
      requested: v.requested,
      outcome: v.outcome,
      motivation: v.motivation,
      legalBasis: v.legal_basis,
      appealInstructions: v.appeal_instructions,
      decidedOn: v.decided_on,
      decidedBy: v.display_name,
      period: v.period_from ? { from: v.period_from, to: v.period_to } : null,
      notified: v.notified_how && v.notified_on ? { how: v.notified_how, on: v.notified_on } : null,
      place:
        placeVisible && v.provider_id && v.provider_name
          ? { providerId: v.provider_id, name: v.provider_name }
          : null,
      placeWithheld: !placeVisible && v.provider_id !== null,
      changeReason: v.change_reason,
      recordedAt: v.recorded_at.toISOString(),
      conditions: v.conditions === null ? null : RecordedConditions.parse(v.conditions),
    }));
    const current = history.at(-1);
    const first = versions[0];
    if (!current || !first) throw new Error('a decision without versions');
    return {
      id,
      version: first.head_version,
      acute:
        first.ground_reference !== null &&
        first.ground_reason !== null &&
        first.own_view_assessment_id !== null
          ? {
              groundReference: first.ground_reference,
              groundReason: first.ground_reason,
              ownViewAssessmentId: first.own_view_assessment_id,
            }
          : null,
      current,
      history,
    };
  });
}

export function listDecisions(deps: ServiceDeps, ctx: ActionContext, caseId: string) {
  return execute(deps, ctx, {
    action: 'decision.read',
    ...onCase(ctx, caseId, 'case.read'),
    run: async (trx, { row, person }) => ({
      result: {
        items: await loadDecisions(
          trx,
          caseId,
          can(ctx.actor, 'person.readProtected', { person, now: ctx.now }).allowed,
        ),
      },
      audit: { personIds: [row.person_id], caseIds: [caseId] },
    }),
  });
}
