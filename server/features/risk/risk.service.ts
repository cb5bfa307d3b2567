import { execute } from '../../command.ts';
import { onCase } from '../../case-kernel/on-case.ts';
import type { ActionContext } from '../../http/action-context.ts';
import type { z } from 'zod';
import type {
  Assessment,
  CaseRisk,
  recordAssessment as assessmentContract,
  recordPoliceAssessment as policeContract,
} from '../../../core/contracts/risk.ts';
import {
  InstrumentDefinition,
  answerProblems,
  judgementLevel,
  levelFor,
  score,
} from '../../../core/domain/instruments.ts';
import type { Answer, RiskLevel } from '../../../core/domain/instruments.ts';
import { reassessedOnInterval, reassessmentPrompts } from '../../../core/domain/reassessment.ts';
import { everyScenarioRated } from '../../../core/domain/scenario-ratings.ts';
import { can } from '../../../core/policy/policy.ts';
import type { Actor, PersonFacts } from '../../../core/policy/policy.ts';
import type { Db, Trx } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { enforce } from '../../http/context.ts';
import { stockholmDate } from '../../time.ts';
import { caseFacts } from '../../case-kernel/case-access.ts';
import type { CaseRow } from '../../case-kernel/case-access.ts';
import { loadHousehold } from '../../case-kernel/household.ts';
import { raiseSafetySignals } from '../../case-kernel/safety-signals.ts';
import { findPersonSummaries } from '../../case-kernel/persons.repository.ts';
import type { ServiceDeps } from '../../service-deps.ts';

/**
 * Risk assessments on a case. The server computes score and level from the instrument version the
 * assessment names; answers that do not fit the version are refused with the item they concern.
 */

/**
 * Who can be assessed in the case, and whose assessments this reader sees: its person and the
 * children of the household the reader may see by name (cases/household.ts).
 */
async function assessablePersons(
  db: Db | Trx,
  actor: Actor,
  row: CaseRow,
  casePerson: PersonFacts,
  now: Date,
): Promise<string[]> {
  const { duties, visible } = await loadHousehold(
    db,
    actor,
    row,
    casePerson,
    stockholmDate(now),
    now,
  );
  return [row.person_id, ...duties.map((d) => d.childPersonId).filter((id) => visible.has(id))];
}

async function loadAssessments(db: Db | Trx, caseId: string) {
  return db
    .selectFrom('risk_assessment as a')
    .innerJoin('app_user as u', 'u.id', 'a.recorded_by')
    .leftJoin('instrument_version as i', (j) =>
      j.onRef('i.id', '=', 'a.instrument_id').onRef('i.version', '=', 'a.instrument_version'),
    )
    .select([
      'a.id',
      'a.person_id',
      'a.kind',
      'a.instrument_id',
      'a.instrument_version',
      'a.method',
      'a.answers',
      'a.score',
      'a.level',
      'a.scenario_ratings',
      'a.motivation',
      'a.police_reference',
      'a.consent_reference',
      'a.assessed_on',
      'a.recorded_by',
      'a.recorded_at',
      'u.display_name',
      'i.definition',
      'i.example',
    ])
    .where('a.case_id', '=', caseId)
    .orderBy('a.assessed_on')
    .orderBy('a.recorded_at')
    .execute();
}

export async function getCaseRisk(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
): Promise<CaseRisk> {
  const actor = ctx.actor;
  const now = ctx.now;
  const today = stockholmDate(now);
  return execute(deps, ctx, {
    action: 'risk.read',
    ...onCase(ctx, caseId, 'case.read'),
    run: async (trx, { row, person }) => {
      const personIds = await assessablePersons(trx, actor, row, person, now);
      const [rows, incidents, plans, screening, summaries] = await Promise.all([
        loadAssessments(trx, caseId),
        trx
          .selectFrom('case_incident as c')
          .innerJoin('app_user as u', 'u.id', 'c.recorded_by')
          .select([
            'c.id',
            'c.occurred_on',
            'c.description',
            'c.recorded_by',
            'c.recorded_at',
            'u.display_name',
          ])
          .where('c.case_id', '=', caseId)
          .orderBy('c.occurred_on')
          .execute(),
        trx
          .selectFrom('safety_plan_version')
          .select('person_id')
          .distinct()
          .where('case_id', '=', caseId)
          .where('person_id', 'in', personIds)
          .execute(),
        trx
          .selectFrom('case_event')
          .select('payload')
          .where('case_id', '=', caseId)
          .where('type', '=', 'acute_screening')
          .orderBy('seq', 'desc')
          .limit(1)
          .executeTakeFirst(),
        findPersonSummaries(trx, personIds),
      ]);
      const withPlan = new Set(plans.map((p) => p.person_id));
      const latestLevel = (personId: string): RiskLevel | null =>
        rows.filter((r) => r.person_id === personId && r.level !== null).at(-1)?.level ?? null;
      const ofSubject = rows.filter((r) => r.person_id === row.person_id);
      const lastOfSubject = ofSubject.at(-1);
      const prompts =
        row.status === 'open'
          ? reassessmentPrompts(
              {
                isVictimCase: reassessedOnInterval.has(row.target_group),
                caseOpenedOn: stockholmDate(row.opened_at),
                lastAssessment: lastOfSubject
                  ? {
                      on: lastOfSubject.assessed_on,
                      registeredAt: lastOfSubject.recorded_at.toISOString(),
                    }
                  : null,
                currentLevel: latestLevel(row.person_id),
                incidents: incidents.map((i) => ({
                  on: i.occurred_on,
                  registeredAt: i.recorded_at.toISOString(),
                })),
                hasSafetyPlan: withPlan.has(row.person_id),
                ownViewOnly: ofSubject.length > 0 && ofSubject.every((r) => r.kind === 'own_view'),
              },
              today,
            )
          : [];
      const assessments: Assessment[] = rows.flatMap((r) => {
        const subject = summaries.get(r.person_id);
        if (!subject) return [];
        return [
          {
            id: r.id,
            person: subject,
            kind: r.kind,
            instrument:
              r.instrument_id && r.instrument_version && r.definition
                ? {
                    id: r.instrument_id,
                    version: r.instrument_version,
                    name: r.definition.name,
                    example: r.example ?? false,
                  }
                : null,
            method: r.method,
            answers: r.answers as Assessment['answers'],
            score: r.score,
            level: r.level,
            scenarioRatings:
              r.scenario_ratings?.map((rating) => ({
                ...rating,
                title:
                  (r.definition?.scoring.kind === 'judgement'
                    ? r.definition.scoring.scenarios.find((x) => x.key === rating.scenario)?.title
                    : undefined) ?? rating.scenario,
              })) ?? null,
            motivation: r.motivation,
            policeReference: r.police_reference,
            consentReference: r.consent_reference,
            assessedOn: r.assessed_on,
            recordedBy: { id: r.recorded_by, displayName: r.display_name },
            recordedAt: r.recorded_at.toISOString(),
          },
        ];
      });
      const risk: CaseRisk = {
        caseId,
        acuteScreening: screening
          ? {
              acuteNeed: screening.payload.acuteNeed as 'yes' | 'no' | 'unclear',
              motivation: String(screening.payload.motivation),
            }
          : null,
        persons: personIds.flatMap((id) => {
          const s = summaries.get(id);
          return s
            ? [{ ...s, currentLevel: latestLevel(id), hasSafetyPlan: withPlan.has(id) }]
            : [];
        }),
        assessments,
        incidents: incidents.map((i) => ({
          id: i.id,
          occurredOn: i.occurred_on,
          description: i.description,
          recordedBy: { id: i.recorded_by, displayName: i.display_name },
        })),
        prompts,
        abilities: {
          assess:
            row.status === 'open' &&
            can(actor, 'case.work', { person, case: caseFacts(row), now }).allowed,
        },
      };
      return { result: risk, audit: { personIds, caseIds: [caseId] } };
    },
  });
}

function refuseFuture(path: string, date: string, today: string) {
  if (date > today) {
    throw new AppError('VALIDATION', {
      fields: [{ path, message: 'Datumet kan inte ligga i framtiden.' }],
    });
  }
}

/** The common frame: work on the case, the person one of those assessable in it, audited. */
function onAssessable<T extends { id: string }>(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
  personId: string | null,
  action: 'risk.assess' | 'risk.incident',
  act: (trx: Trx, row: CaseRow, actorId: string, now: Date) => Promise<T>,
): Promise<T> {
  return execute(deps, ctx, {
    action,
    ...onCase(ctx, caseId),
    run: async (trx, { row, person }) => {
      if (personId !== null) {
        const allowed = await assessablePersons(trx, ctx.actor, row, person, ctx.now);
        if (!allowed.includes(personId)) {
          throw new AppError('VALIDATION', {
            fields: [
              {
                path: 'body.personId',
                message: 'Välj ärendets person eller ett av barnen i hushållet.',
              },
            ],
          });
        }
      }
      const result = await act(trx, row, ctx.actor.userId, ctx.now);
      return {
        result,
        audit: {
          personIds: personId ? [row.person_id, personId] : [row.person_id],
          caseIds: [caseId],
          // The record it made: an assessment or an incident (core/audit/events.ts auditRecordKeys).
          details: { [action === 'risk.assess' ? 'assessmentId' : 'incidentId']: result.id },
        },
      };
    },
  });
}

export function recordAssessment(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
  body: z.infer<typeof assessmentContract.body>,
) {
  refuseFuture('body.assessedOn', body.assessedOn, ctx.today);
  return onAssessable(
    deps,
    ctx,
    caseId,
    body.personId,
    'risk.assess',
    async (trx, _row, actorId, now) => {
      const stored = await trx
        .selectFrom('instrument_version')
        .select(['definition', 'retired_at', 'method'])
        .where('id', '=', body.instrument.id)
        .where('version', '=', body.instrument.version)
        .executeTakeFirst();
      if (!stored || stored.retired_at) {
        throw new AppError('VALIDATION', {
          fields: [
            {
              path: 'body.instrument',
              message:
                'Instrumentets version finns inte eller används inte längre. Välj ett instrument i listan.',
            },
          ],
        });
      }
      const def = InstrumentDefinition.parse(stored.definition);
      const answers = new Map(Object.entries(body.answers) as [string, Answer][]);
      const problems = answerProblems(def, answers);
      if (problems.length) {
        throw new AppError('VALIDATION', {
          fields: problems.map((p) => ({ path: `body.answers.${p.key}`, message: p.message })),
        });
      }
      let points: number | null = null;
      let level: RiskLevel | null = null;
      let ratings: { scenario: string; level: RiskLevel; motivation: string }[] | null = null;
      if (def.scoring.kind === 'sum') {
        points = score(def, answers);
        level = levelFor(def.scoring.thresholds, points);
      } else if (def.scoring.kind === 'judgement') {
        const given = body.scenarioRatings ?? [];
        if (!everyScenarioRated(def.scoring.scenarios, given)) {
          throw new AppError('VALIDATION', {
            fields: [
              {
                path: 'body.scenarioRatings',
                message: 'Bedöm risken i vart och ett av instrumentets scenarier, med motivering.',
              },
            ],
          });
        }
        ratings = given;
        level = judgementLevel(given.map((g) => g.level));
      }
      const created = await trx
        .insertInto('risk_assessment')
        .values({
          case_id: caseId,
          person_id: body.personId,
          kind: 'structured',
          instrument_id: body.instrument.id,
          instrument_version: body.instrument.version,
          method: stored.method,
          answers: JSON.stringify(body.answers),
          score: points,
          level,
          scenario_ratings: ratings ? JSON.stringify(ratings) : null,
          motivation: body.motivation,
          police_reference: null,
          consent_reference: null,
          assessed_on: body.assessedOn,
          recorded_by: actorId,
          recorded_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { id: created.id, level, score: points };
    },
  );
}

export function recordPoliceAssessment(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
  body: z.infer<typeof policeContract.body>,
) {
  refuseFuture('body.assessedOn', body.assessedOn, ctx.today);
  return onAssessable(
    deps,
    ctx,
    caseId,
    body.personId,
    'risk.assess',
    async (trx, _row, actorId, now) => {
      const created = await trx
        .insertInto('risk_assessment')
        .values({
          case_id: caseId,
          person_id: body.personId,
          kind: 'police',
          instrument_id: null,
          instrument_version: null,
          method: 'police',
          answers: '{}',
          score: null,
          level: body.level,
          scenario_ratings: null,
          motivation: body.summary,
          police_reference: body.policeReference,
          consent_reference: body.consentReference,
          assessed_on: body.assessedOn,
          recorded_by: actorId,
          recorded_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { id: created.id };
    },
  );
}

export function recordIncident(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
  body: { occurredOn: string; description: string },
) {
  refuseFuture('body.occurredOn', body.occurredOn, ctx.today);
  return onAssessable(deps, ctx, caseId, null, 'risk.incident', async (trx, row, actorId, now) => {
    const created = await trx
      .insertInto('case_incident')
      .values({
        case_id: caseId,
        occurred_on: body.occurredOn,
        description: body.description,
        recorded_by: actorId,
        recorded_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // The linked files are prompted to review their risk work, in this transaction.
    await raiseSafetySignals(
      trx,
      { personId: row.person_id, caseId, recordId: created.id, now },
      { type: 'incident_recorded' },
    );
    return { id: created.id };
  });
}

export async function listInstruments(deps: ServiceDeps, ctx: ActionContext) {
  enforce(can(ctx.actor, 'instruments.list', {}));
  const rows = await deps.db
    .selectFrom('instrument_version')
    .select('definition')
    .where('retired_at', 'is', null)
    .orderBy('id')
    .orderBy('version')
    .execute();
  return { items: rows.map((r) => InstrumentDefinition.parse(r.definition)) };
}
