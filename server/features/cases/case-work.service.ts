import { execute, noFacts } from '../../command.ts';
import { onCase } from '../../case-kernel/on-case.ts';
import type { ActionContext } from '../../http/action-context.ts';
import { takeStep } from '../../case-kernel/case-steps.ts';
import { parsePayload } from '../../../core/domain/case-events.ts';
import { z } from 'zod';
import type {
  CaseDetail,
  ChildReportDutyView,
  recordApplication as applicationContract,
  recordPreliminaryAssessment as preliminaryContract,
  registerChildReport as childReportContract,
  registerChildReports as jointChildReportContract,
  registerHouseholdChild as householdChildContract,
} from '../../../core/contracts/cases.ts';
import { caseState, queuePriorities, stepAbilities } from '../../../core/domain/case-flow.ts';
import { hasOpenDuty } from '../../../core/domain/child-report-duty.ts';
import { formatAge, formatStatedAge } from '../../../core/domain/birth-date.ts';
import { acuteNeedLabels, intakeTypeLabels } from '../../../core/domain/case-labels.ts';
import {
  interventionLabels,
  interventions,
  outcomeLabels,
} from '../../../core/domain/decisions.ts';
import { legalReference } from '../../../core/domain/legal-references.ts';
import { can } from '../../../core/policy/policy.ts';
import type { Trx } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { enforce } from '../../http/context.ts';
import { cursorId, cursorTime, decodeCursor, encodeCursor } from '../../http/cursor.ts';
import { stockholmDate } from '../../time.ts';
import { activeCatalogue } from '../../case-kernel/legal-catalogue.ts';
import { activeInterventionCatalogue } from '../../case-kernel/intervention-catalogue.ts';
import { catalogueRefusal } from '../../../core/domain/intervention-catalogue.ts';
import {
  findPersonSummaries,
  loadPersonFacts,
  toSummary,
} from '../../case-kernel/persons.repository.ts';
import { parseIdentityOrFail } from '../../case-kernel/identity.ts';
import { loadRiskLevels } from '../../case-kernel/risk-levels.ts';
import { loadDeadlines } from '../../case-kernel/case-deadlines.ts';
import { visibleMembers } from '../../case-kernel/household.ts';
import { decisionRight, loadDelegations } from '../../case-kernel/delegations.ts';
import { linkHouseholdChild } from '../../case-kernel/household-intake.ts';
import {
  appendEvents,
  caseFacts,
  loadEvents,
  openCase,
  toFlowEvents,
} from '../../case-kernel/case-access.ts';
import type { StoredEvent } from '../../case-kernel/case-access.ts';
import type { ServiceDeps } from '../../service-deps.ts';

/**
 * One line of the case's history; `staff` names the handläggare an assignment went to, `units`
 * the units a handover went to.
 */
function historySummary(
  e: StoredEvent,
  staff: ReadonlyMap<string, string>,
  units: ReadonlyMap<string, string>,
): string {
  switch (e.type) {
    case 'intake_registered':
      return e.payload.migrated
        ? 'Aktualisering (registrerad före händelseloggen)'
        : `Aktualisering: ${intakeTypeLabels[e.payload.intakeType]}`;
    case 'acute_screening':
      return `Bedömning av akut skyddsbehov: ${acuteNeedLabels[e.payload.acuteNeed]}`;
    case 'application_recorded':
      return `Ansökan registrerad (${e.payload.form === 'written' ? 'skriftlig' : 'muntlig'})`;
    case 'consent_recorded':
      return `Samtycke till utredning registrerat (${e.payload.form === 'written' ? 'skriftligt' : 'muntligt'})`;
    case 'preliminary_assessment':
      return e.payload.outcome === 'open_investigation'
        ? 'Förhandsbedömning: utredning inleds'
        : 'Förhandsbedömning: ingen utredning inleds';
    case 'child_report_registered':
      return 'Orosanmälan registrerad till barn och unga';
    case 'child_report_waived':
      return 'Skäl registrerat till att orosanmälan inte görs';
    case 'communication_recorded':
      return 'Materialet kommunicerat med personen';
    case 'decision_recorded':
      return `Beslut: ${interventionLabels[e.payload.intervention]} – ${outcomeLabels[e.payload.outcome]}`;
    case 'acute_decision_recorded':
      return `Akut beslut före kommunicering: ${interventionLabels[e.payload.intervention]} ${e.payload.periodFrom}–${e.payload.periodTo}`;
    case 'case_closed':
      return e.payload.filedAsNoAction
        ? 'Avslutat: handling som inte föranlett åtgärd'
        : 'Ärendet avslutat';
    case 'case_assigned':
      return `Ärendet tilldelat ${staff.get(e.payload.userId) ?? 'en handläggare'}`;
    case 'handover_planned':
      return `Överlämning från socialjouren planerad till ${units.get(e.payload.toUnitId) ?? 'dagenheten'} ${e.payload.on}`;
    case 'case_handed_over':
      return `Överlämnat från socialjouren till ${units.get(e.payload.toUnitId) ?? 'dagenheten'}`;
  }
}

/** The names of the units the log's handovers went to and came from. */
async function handoverUnitNames(trx: Trx, events: readonly StoredEvent[]) {
  const ids = [
    ...new Set(
      events.flatMap((e) =>
        e.type === 'handover_planned'
          ? [e.payload.toUnitId]
          : e.type === 'case_handed_over'
            ? [e.payload.fromUnitId, e.payload.toUnitId]
            : [],
      ),
    ),
  ];
  if (ids.length === 0) return new Map<string, string>();
  const rows = await trx.selectFrom('unit').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The display names of the handläggare the log's assignments went to. */
async function assigneeNames(trx: Trx, events: readonly StoredEvent[]) {
  const ids = [
    ...new Set(events.flatMap((e) => (e.type === 'case_assigned' ? [e.payload.userId] : []))),
  ];
  if (ids.length === 0) return new Map<string, string>();
  const rows = await trx
    .selectFrom('app_user')
    .select(['id', 'display_name'])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

export async function getCase(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
): Promise<CaseDetail> {
  const actor = ctx.actor;
  const now = ctx.now;
  const today = stockholmDate(now);
  return execute(deps, ctx, {
    action: 'case.read',
    ...onCase(ctx, caseId, 'case.read'),
    run: async (trx, { row, person }) => {
      const [events, investigation, catalogue] = await Promise.all([
        loadEvents(trx, caseId),
        trx
          .selectFrom('investigation')
          .select(['template', 'opened_at', 'closed_at'])
          .where('case_id', '=', caseId)
          .executeTakeFirst(),
        activeCatalogue(trx),
      ]);
      const loaded = await loadDeadlines(
        trx,
        [row],
        today,
        deps.config,
        can(actor, 'person.readProtected', { person, now }).allowed,
      );
      const riskLevel = (await loadRiskLevels(trx, [row])).get(row.id) ?? null;
      const duties = loaded.duties.get(row.id) ?? [];
      const summaries = await findPersonSummaries(trx, [
        row.person_id,
        ...duties.map((d) => d.childPersonId),
      ]);
      const subject = summaries.get(row.person_id);
      if (!subject) throw new AppError('NOT_FOUND');

      const intake = events.find((e) => e.type === 'intake_registered');
      const screening = events.findLast((e) => e.type === 'acute_screening');
      const preliminary = events.find((e) => e.type === 'preliminary_assessment');
      const state = caseState(toFlowEvents(events));
      const deadlines = loaded.deadlines.get(row.id) ?? [];
      const staff = await assigneeNames(trx, events);
      const units = await handoverUnitNames(trx, events);
      const handedOver = events.findLast((e) => e.type === 'case_handed_over');
      const planned = state.plannedHandover;

      const visible = await visibleMembers(
        trx,
        actor,
        row,
        person,
        duties.map((d) => d.childPersonId),
        now,
      );
      const dutyViews = duties.flatMap((d): ChildReportDutyView[] => {
        const child = summaries.get(d.childPersonId);
        if (!child) return [];
        return visible.has(d.childPersonId)
          ? [
              {
                child,
                age: d.birthDate
                  ? formatAge(d.birthDate, ctx.today)
                  : d.statedAge
                    ? formatStatedAge(d.statedAge.age, d.statedAge.on, ctx.today)
                    : null,
                via: d.via,
                status: d.status,
                reportedOn: d.reportedOn,
                reportCaseId: d.reportCaseId,
                waiverReason: d.waiverReason,
              },
            ]
          : [
              {
                child: { id: child.id, masked: true as const },
                age: null,
                via: d.via,
                status: d.status,
                reportedOn: d.reportedOn,
                reportCaseId: d.reportCaseId,
                waiverReason: null,
              },
            ];
      });
      const work = can(actor, 'case.work', { person, case: caseFacts(row), now }).allowed;
      const delegations = await loadDelegations(trx, row.unit_id);
      // What the reader may decide here: delegation, and an insats the catalogue has for the
      // case's target group (a service is given without a beslut).
      const interventionCatalogue = await activeInterventionCatalogue(trx);
      const decide =
        row.status === 'open'
          ? interventions.filter(
              (intervention) =>
                catalogueRefusal(interventionCatalogue, intervention, row.target_group) === null &&
                decisionRight(actor, row, delegations, intervention).allowed,
            )
          : [];
      const detail: CaseDetail = {
        id: row.id,
        person: subject,
        unitId: row.unit_id,
        unitName: row.unit_name,
        targetGroup: row.target_group,
        status: row.status,
        phase: state.phase === 'intake' ? row.phase : state.phase,
        openedAt: row.opened_at.toISOString(),
        receivedAt: row.received_at.toISOString(),
        assignedTo:
          row.assigned_user_id && row.assignee_name
            ? { id: row.assigned_user_id, displayName: row.assignee_name }
            : null,
        version: row.version,
        // Cases from before the event log (and test fixtures) have only the intake's type.
        intake:
          intake?.payload.channel !== undefined
            ? {
                type: intake.payload.intakeType,
                from: intake.payload.from ?? '',
                channel: intake.payload.channel,
                content: intake.payload.content ?? '',
              }
            : null,
        acuteScreening: screening
          ? {
              acuteNeed: screening.payload.acuteNeed,
              motivation: screening.payload.motivation,
            }
          : null,
        hasApplicationOrConsent: state.hasApplicationOrConsent,
        preliminaryAssessment: preliminary
          ? {
              outcome: preliminary.payload.outcome,
              reason: preliminary.payload.reason,
              on: stockholmDate(preliminary.recorded_at),
            }
          : null,
        investigation: investigation ? { template: investigation.template } : null,
        handedOver: handedOver
          ? {
              on: stockholmDate(handedOver.recorded_at),
              fromUnitName: units.get(handedOver.payload.fromUnitId) ?? 'socialjouren',
            }
          : null,
        // Only while the case is open: a closed matter is not handed over (the job skips it).
        handoverPlanned:
          planned && row.status === 'open'
            ? { on: planned.on, toUnitName: units.get(planned.toUnitId) ?? 'dagenheten' }
            : null,
        childReportDuties: dutyViews,
        accompanyingChildren: (loaded.accompanying.get(row.id) ?? []).map((d) => ({
          childPersonId: d.childPersonId,
          since: d.since,
          status: d.status,
          decidedOn: d.decidedOn,
          school: d.school,
        })),
        riskLevel,
        deadlines,
        history: events.map((e) => ({
          seq: e.seq,
          type: e.type,
          recordedAt: e.recorded_at.toISOString(),
          recordedBy: e.recorded_by_name,
          summary: historySummary(e, staff, units),
        })),
        legal: {
          investigationDuty: legalReference(catalogue, 'investigationDuty'),
          preliminaryAssessmentChild: legalReference(catalogue, 'preliminaryAssessmentChild'),
          childConcernReport: legalReference(catalogue, 'childConcernReport'),
          decisionWithoutCommunication: legalReference(catalogue, 'decisionWithoutCommunication'),
          shelterForAccompanyingChildren: legalReference(
            catalogue,
            'shelterForAccompanyingChildren',
          ),
        },
        communications: events
          .filter((e) => e.type === 'communication_recorded')
          .map((e) => {
            const p = e.payload;
            return {
              communicatedOn: p.communicatedOn ?? stockholmDate(e.recorded_at),
              what: p.what ?? '',
              method: p.method === 'channel' ? ('channel' as const) : ('meeting' as const),
              channelKind: p.channelKind ?? null,
              recordedBy: e.recorded_by_name,
            };
          }),
        abilities: {
          work: row.status === 'open' && work,
          steps: stepAbilities(
            state,
            {
              subjectIsAdult: row.target_group !== 'child',
              openChildReportDuty: hasOpenDuty(duties),
            },
            row.status === 'open' && work,
          ),
          decide,
        },
      };
      return {
        result: detail,
        audit: {
          personIds: [row.person_id, ...duties.map((d) => d.childPersonId)],
          caseIds: [caseId],
        },
      };
    },
  });
}

export function recordApplication(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
  body: z.infer<typeof applicationContract.body>,
) {
  // The case flow's application step (any point of an open case after the intake): the same
  // step the case page reads in abilities.steps, so the page offers it exactly when this allows.
  return takeStep(deps, ctx, caseId, 'application', async ({ trx, now, actorId, today }) => {
    if (body.receivedOn > today) {
      throw new AppError('VALIDATION', {
        fields: [{ path: 'body.receivedOn', message: 'Datumet kan inte ligga i framtiden.' }],
      });
    }
    const version = await appendEvents(
      trx,
      caseId,
      [
        {
          type: body.kind === 'application' ? 'application_recorded' : 'consent_recorded',
          payload: { form: body.form, receivedOn: body.receivedOn, note: body.note },
        },
      ],
      actorId,
      now,
      body.version,
    );
    return { caseId, version, audit: { details: { step: body.kind, version } } };
  });
}

export function recordAcuteScreening(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
  body: { acuteNeed: 'yes' | 'no' | 'unclear'; motivation: string; version: number },
) {
  return takeStep(deps, ctx, caseId, 'acute_screening', async ({ trx, now, actorId }) => {
    const version = await appendEvents(
      trx,
      caseId,
      [
        {
          type: 'acute_screening',
          payload: { acuteNeed: body.acuteNeed, motivation: body.motivation },
        },
      ],
      actorId,
      now,
      body.version,
    );
    return {
      caseId,
      version,
      audit: { details: { step: 'acute_screening', acuteNeed: body.acuteNeed, version } },
    };
  });
}

export function recordPreliminaryAssessment(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
  body: z.infer<typeof preliminaryContract.body>,
) {
  const open = body.outcome === 'open_investigation';
  return takeStep<{ caseId: string; version: number; filedAsNoAction: boolean }>(
    deps,
    ctx,
    caseId,
    open ? 'preliminary_assessment_open' : 'preliminary_assessment_close',
    async ({ trx, row, now, actorId }) => {
      const assessed = {
        type: 'preliminary_assessment' as const,
        payload: { outcome: body.outcome, reason: body.reason },
      };
      if (open) {
        await trx
          .insertInto('investigation')
          .values({ case_id: caseId, template: body.template, opened_at: now, opened_by: actorId })
          .execute();
        const version = await appendEvents(trx, caseId, [assessed], actorId, now, body.version);
        return {
          caseId,
          version,
          filedAsNoAction: false,
          audit: {
            details: {
              step: 'preliminary_assessment',
              outcome: body.outcome,
              filedAsNoAction: false,
              version,
            },
          },
        };
      }
      // Without an existing personakt — no other case, ever — the intake is filed as a handling
      // som inte föranlett åtgärd, findable for the unit; otherwise it joins the personakt.
      const otherCase = await trx
        .selectFrom('case')
        .select('id')
        .where('person_id', '=', row.person_id)
        .where('id', '<>', caseId)
        .executeTakeFirst();
      const filedAsNoAction = otherCase === undefined;
      const version = await appendEvents(
        trx,
        caseId,
        [
          assessed,
          { type: 'case_closed', payload: { reason: 'no_investigation', filedAsNoAction } },
        ],
        actorId,
        now,
        body.version,
      );
      return {
        caseId,
        version,
        filedAsNoAction,
        audit: {
          details: {
            step: 'preliminary_assessment',
            outcome: body.outcome,
            filedAsNoAction,
            version,
          },
        },
      };
    },
  );
}

/**
 * A child in the household. A new child is registered by the handläggare, who then sees what she
 * registered. A personnummer that belongs to a child already known links that child only when
 * she may open the child's file; otherwise the information is routed to the unit responsible for
 * it and nothing is linked: linking must not give her a child she could not open.
 */
export function registerHouseholdChild(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
  body: z.infer<typeof householdChildContract.body>,
) {
  const identity = body.child.identity
    ? parseIdentityOrFail(
        body.child.identity.kind,
        body.child.identity.number,
        ctx.today,
        'body.child.identity.number',
      )
    : undefined;
  type Result = z.infer<typeof householdChildContract.response>;
  return takeStep<Result>(deps, ctx, caseId, undefined, async ({ trx, row, now }) => {
    if (row.target_group === 'child') {
      throw new AppError('STEP_OUT_OF_ORDER', {
        detail: 'Barn i hushållet registreras i ärendet om den vuxna.',
      });
    }
    const linked = await linkHouseholdChild(
      trx,
      {
        personId: row.person_id,
        unitId: row.unit_id,
        unitName: row.unit_name,
        actor: ctx.actor,
        now,
      },
      {
        identity,
        givenName: body.child.givenName,
        familyName: body.child.familyName,
        protectionLevel: body.child.protectionLevel,
        statedAge: null,
        guardian: false,
      },
      'body.child.identity.number',
    );
    if (linked.outcome === 'routed') {
      return {
        outcome: 'routed' as const,
        audit: {
          personIds: [row.person_id, linked.childPersonId],
          caseIds: [caseId, linked.routedCaseId],
          details: {
            step: 'household_child',
            routed: true,
            childPersonId: linked.childPersonId,
            personCreated: false,
            routedCaseId: linked.routedCaseId,
          },
        },
      };
    }
    return {
      outcome: 'linked' as const,
      childPersonId: linked.childPersonId,
      audit: {
        personIds: [row.person_id, linked.childPersonId],
        details: {
          step: 'household_child',
          routed: false,
          childPersonId: linked.childPersonId,
          personCreated: linked.personCreated,
          routedCaseId: null,
        },
      },
    };
  });
}

/** Orosanmälan for one child: the one-child case of a joint report (registerChildReports). */
export async function registerChildReport(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
  body: z.infer<typeof childReportContract.body>,
): Promise<z.infer<typeof childReportContract.response>> {
  const { childCaseIds } = await registerChildReports(deps, ctx, caseId, {
    childPersonIds: [body.childPersonId],
    childrenUnitId: body.childrenUnitId,
    content: body.content,
  });
  const [childCaseId] = childCaseIds;
  if (!childCaseId) throw new AppError('NOT_FOUND');
  return { childCaseId };
}

/**
 * One orosanmälan for one or more children of the household (siblings, one text): each child
 * gets an intake in the children's unit — its own case, where its statutory clocks start — and
 * the adult's case records a report for each, all in one transaction. A child not in the
 * household, or already reported, refuses the whole report.
 */
export function registerChildReports(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
  body: z.infer<typeof jointChildReportContract.body>,
) {
  return takeStep(
    deps,
    ctx,
    caseId,
    undefined,
    async ({ trx, row, state, duties, now, today, actorId }) => {
      if (state.phase === 'closed') {
        throw new AppError('STEP_OUT_OF_ORDER', { detail: 'Ärendet är avslutat.' });
      }
      const childIds = [...new Set(body.childPersonIds)];
      for (const id of childIds) {
        const duty = duties.find((d) => d.childPersonId === id);
        if (!duty) throw new AppError('NOT_FOUND');
        if (duty.status === 'reported') {
          throw new AppError('STEP_OUT_OF_ORDER', {
            detail: 'Orosanmälan för barnet är redan registrerad.',
          });
        }
      }
      const unit = await trx
        .selectFrom('unit')
        .select(['id', 'kind'])
        .where('id', '=', body.childrenUnitId)
        .executeTakeFirst();
      if (unit?.kind !== 'children') {
        throw new AppError('VALIDATION', {
          fields: [{ path: 'body.childrenUnitId', message: 'Välj en enhet för barn och unga.' }],
        });
      }
      const childCaseIds: string[] = [];
      for (const childPersonId of childIds) {
        // The children's unit receives an intake about the child. Its protection assessment is
        // due the same day, so it goes first in that unit's queue until it is made.
        childCaseIds.push(
          await openCase(
            trx,
            {
              person_id: childPersonId,
              unit_id: unit.id,
              target_group: 'child',
              assigned_user_id: null,
              received_at: now,
              created_by: actorId,
              origin_case_id: caseId,
            },
            [
              {
                type: 'intake_registered',
                payload: {
                  intakeType: 'report',
                  from: `Socialtjänsten, ${row.unit_name}`,
                  channel: 'other',
                  receivedAt: now.toISOString(),
                  content: body.content,
                },
              },
            ],
            actorId,
            now,
            queuePriorities.acute,
          ),
        );
      }
      await appendEvents(
        trx,
        caseId,
        childIds.map((childPersonId, i) => ({
          type: 'child_report_registered' as const,
          payload: {
            childPersonId,
            childCaseId: childCaseIds[i] ?? '',
            childrenUnitId: unit.id,
            reportedOn: today,
            content: body.content,
          },
        })),
        actorId,
        now,
      );
      return {
        childCaseIds,
        audit: {
          personIds: [row.person_id, ...childIds],
          caseIds: [caseId, ...childCaseIds],
          details: {
            // The report is named as its PDF is, by its first child's case (the row's caseIds
            // hold every child's case).
            childCaseId: childCaseIds[0] ?? null,
            childrenUnitId: unit.id,
            children: childIds.length,
          },
        },
      };
    },
    'case.child_report',
  );
}

export function waiveChildReport(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
  body: { childPersonId: string; reason: string },
) {
  return takeStep(
    deps,
    ctx,
    caseId,
    undefined,
    async ({ trx, row, state, duties, now, actorId }) => {
      if (state.phase === 'closed') {
        throw new AppError('STEP_OUT_OF_ORDER', { detail: 'Ärendet är avslutat.' });
      }
      const duty = duties.find((d) => d.childPersonId === body.childPersonId);
      if (!duty) throw new AppError('NOT_FOUND');
      if (duty.status !== 'open') {
        throw new AppError('STEP_OUT_OF_ORDER', {
          detail: 'Plikten för barnet är redan hanterad.',
        });
      }
      const version = await appendEvents(
        trx,
        caseId,
        [
          {
            type: 'child_report_waived',
            payload: { childPersonId: body.childPersonId, reason: body.reason },
          },
        ],
        actorId,
        now,
      );
      return {
        caseId,
        audit: {
          personIds: [row.person_id, body.childPersonId],
          details: { step: 'child_report_waived', childPersonId: body.childPersonId, version },
        },
      };
    },
  );
}

export async function listChildrenUnits(deps: ServiceDeps, ctx: ActionContext) {
  const actor = ctx.actor;
  enforce(can(actor, 'childrenUnits.list', {}));
  const items = await deps.db
    .selectFrom('unit')
    .select(['id', 'name'])
    .where('kind', '=', 'children')
    .orderBy('name')
    .execute();
  return { items };
}

/** A page position: the last record's closing time and id, newest first. */
const NoActionCursor = z
  .tuple([cursorTime, cursorId])
  .transform(([closedAt, id]) => ({ closedAt, id }));

export async function listNoActionRecords(
  deps: ServiceDeps,
  ctx: ActionContext,
  unitId: string,
  page: { limit: number; after?: string | undefined },
) {
  const actor = ctx.actor;
  // Input first: a cursor we never issued is a 400 naming it, whoever asks.
  const after = decodeCursor(page.after, NoActionCursor);
  return execute(deps, ctx, {
    action: 'case.no_action.list',
    load: noFacts,
    authorize: (actor) => can(actor, 'noActionRecords.read', { unitId }),
    run: async (trx) => {
      let q = trx
        .selectFrom('case')
        .innerJoin('person', 'person.id', 'case.person_id')
        .innerJoin('case_event as closed', (j) =>
          j.onRef('closed.case_id', '=', 'case.id').on('closed.type', '=', 'case_closed'),
        )
        .innerJoin('case_event as assessed', (j) =>
          j
            .onRef('assessed.case_id', '=', 'case.id')
            .on('assessed.type', '=', 'preliminary_assessment'),
        )
        .innerJoin('case_event as intake', (j) =>
          j.onRef('intake.case_id', '=', 'case.id').on('intake.type', '=', 'intake_registered'),
        )
        .select([
          'case.id',
          'case.received_at',
          'case.closed_at',
          'person.id as person_id',
          'person.given_name',
          'person.family_name',
          'person.identity_kind',
          'person.identity_number',
          'person.protection_level',
          'assessed.payload as assessed_payload',
          'intake.payload as intake_payload',
        ])
        .where('case.unit_id', '=', unitId)
        .where('case.status', '=', 'closed')
        .where((eb) =>
          eb(eb.ref('closed.payload', '->>').key('filedAsNoAction' as never), '=', 'true'),
        );
      if (after) {
        q = q.where((eb) =>
          eb(eb.refTuple('case.closed_at', 'case.id'), '<', eb.tuple(after.closedAt, after.id)),
        );
      }
      const rows = await q
        .orderBy('case.closed_at', 'desc')
        .orderBy('case.id', 'desc')
        .limit(page.limit + 1)
        .execute();
      const pageRows = rows.slice(0, page.limit);
      // Each row by name only where the reader may see that person; masked otherwise.
      const now = ctx.now;
      const facts = await loadPersonFacts(
        trx,
        pageRows.map((r) => r.person_id),
        actor.userId,
        now,
      );
      const shown = new Set(
        [...facts.values()]
          .filter((person) => can(actor, 'noActionRecord.read', { unitId, person, now }).allowed)
          .map((p) => p.personId),
      );
      const last = pageRows.at(-1);
      const records = {
        items: pageRows.map((r) => ({
          caseId: r.id,
          person: shown.has(r.person_id)
            ? toSummary({ ...r, id: r.person_id })
            : { id: r.person_id, masked: true as const },
          receivedAt: r.received_at.toISOString(),
          intakeType: parsePayload('intake_registered', r.intake_payload).intakeType,
          reason: shown.has(r.person_id)
            ? parsePayload('preliminary_assessment', r.assessed_payload).reason
            : null,
          closedAt: (r.closed_at ?? r.received_at).toISOString(),
        })),
        nextCursor:
          rows.length > page.limit && last?.closed_at
            ? encodeCursor([last.closed_at, last.id])
            : null,
      };
      return {
        result: records,
        audit: { personIds: pageRows.map((r) => r.person_id), caseIds: pageRows.map((r) => r.id) },
      };
    },
  });
}

export function closeCase(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
  body: { reason: string; version: number },
) {
  return takeStep(deps, ctx, caseId, 'close', async ({ trx, now, actorId }) => {
    const version = await appendEvents(
      trx,
      caseId,
      [{ type: 'case_closed', payload: { reason: body.reason, filedAsNoAction: false } }],
      actorId,
      now,
      body.version,
    );
    await trx
      .updateTable('investigation')
      .set({ closed_at: now })
      .where('case_id', '=', caseId)
      .where('closed_at', 'is', null)
      .execute();
    return { caseId, version, audit: { details: { step: 'close', version } } };
  });
}
