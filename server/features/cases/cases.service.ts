import { execute, noFacts } from '../../command.ts';
import type { Done } from '../../command.ts';
import type { ActionContext } from '../../http/action-context.ts';
import { z } from 'zod';
import type {
  CaseListItem,
  IntakeBody,
  registerIntake as intakeContract,
} from '../../../core/contracts/cases.ts';
import { isProtected } from '../../../core/domain/protection.ts';
import { can } from '../../../core/policy/policy.ts';
import type { Actor, CaseFacts, Decision, PersonFacts } from '../../../core/policy/policy.ts';
import { caseworkerRoles } from '../../../core/policy/roles.ts';
import type { Db, Trx } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { enforce } from '../../http/context.ts';
import { cursorId, decodeCursor, encodeCursor } from '../../http/cursor.ts';
import { urgencyKey, workList } from '../../../core/domain/work-list.ts';
import type { DeadlineKind } from '../../../core/domain/deadlines.ts';
import type { RiskLevel } from '../../../core/domain/instruments.ts';
import { stockholmDate } from '../../time.ts';
import { loadRiskLevels } from '../../case-kernel/risk-levels.ts';
import { loadDeadlines } from '../../case-kernel/case-deadlines.ts';
import { insertIntakeCase, routeMatter } from '../../case-kernel/routing.ts';
import { parseHousehold, recordHousehold } from '../../case-kernel/household-intake.ts';
import type { ParsedHousehold } from '../../case-kernel/household-intake.ts';
import type { ProtectionLevel } from '../../../core/domain/protection.ts';
import type { KnownChannel } from '../../../core/domain/counterparts.ts';
import { plannedHandover, storedBirthDate } from './handover.ts';
import {
  findPersonIdByIdentity,
  loadPersonFacts,
  toSummary,
} from '../../case-kernel/persons.repository.ts';
import { parseIdentityOrFail } from '../../case-kernel/identity.ts';
import { appendEvents, caseFacts } from '../../case-kernel/case-access.ts';
import type { ServiceDeps } from '../../service-deps.ts';

/** A page of a work list, narrowed as the contract lets it be (core/domain/work-list.ts). */
interface WorkQuery {
  limit: number;
  after?: string | undefined;
  kind?: DeadlineKind | undefined;
  risk?: RiskLevel | undefined;
  view: 'all' | 'today';
}

/**
 * A page position: the last item's urgency key (work-list.ts). Opaque to the client; never an
 * OFFSET, so a case that arrives or moves up while a person pages is not shown twice.
 */
const WorkCursor = z.tuple([
  z.number().int().min(0).max(2),
  z.number().int().min(0).max(1),
  z.number().int().min(0).max(3),
  z.iso.date(),
  z.iso.datetime(),
  cursorId,
]);

/**
 * The most open cases one work list reads (a handläggare's caseload, a unit's inbox): its order
 * is computed from every case's deadlines, so it is read whole, up to this.
 */
const WORK_LIST_MAX = 2_000;

function caseListQuery(db: Db | Trx) {
  return db
    .selectFrom('case')
    .innerJoin('person', 'person.id', 'case.person_id')
    .innerJoin('unit', 'unit.id', 'case.unit_id')
    .leftJoin('app_user', 'app_user.id', 'case.assigned_user_id')
    .select([
      'case.id',
      'case.unit_id',
      'case.target_group',
      'case.opened_at',
      'case.assigned_user_id',
      'case.status',
      'case.version',
      'case.acute_need',
      'case.queue_priority',
      'case.phase',
      'case.received_at',
      'case.routed_by',
      'unit.name as unit_name',
      'app_user.display_name as assignee_name',
      'person.id as person_id',
      'person.given_name',
      'person.family_name',
      'person.identity_kind',
      'person.identity_number',
      'person.protection_level',
    ])
    .where('case.status', '=', 'open');
}

type CaseRow = Awaited<ReturnType<ReturnType<typeof caseListQuery>['execute']>>[number];

const factsOf = (row: CaseRow): CaseFacts => ({
  caseId: row.id,
  unitId: row.unit_id,
  assignedUserId: row.assigned_user_id,
  status: row.status,
  routedBy: row.routed_by,
});

function toItem(
  row: CaseRow,
  deadlines: CaseListItem['deadlines'],
  riskLevel: CaseListItem['riskLevel'],
  handedOver: CaseListItem['handedOver'],
): CaseListItem {
  return {
    id: row.id,
    person: toSummary({ ...row, id: row.person_id }),
    unitId: row.unit_id,
    unitName: row.unit_name,
    targetGroup: row.target_group,
    openedAt: row.opened_at.toISOString(),
    assignedTo:
      row.assigned_user_id && row.assignee_name
        ? { id: row.assigned_user_id, displayName: row.assignee_name }
        : null,
    version: row.version,
    acuteNeed: row.acute_need,
    routed: row.routed_by !== null,
    handedOver,
    phase: row.phase,
    riskLevel,
    deadlines,
  };
}

/**
 * Runs a work list as a command (command.ts): the policy's decision on the listing, then every
 * open case the filter names that the policy lets the actor read, with its deadlines (the one
 * engine, deadlines.ts) and risk, in the work list's order (work-list.ts), narrowed and paged by
 * the last item's key; audited for what the page returns.
 */
function listCases(
  deps: ServiceDeps,
  ctx: ActionContext,
  authorize: (actor: Actor) => Decision,
  filter: (q: ReturnType<typeof caseListQuery>) => ReturnType<typeof caseListQuery>,
  query: WorkQuery,
) {
  const { actor, now } = ctx;
  const today = stockholmDate(now);
  return execute(deps, ctx, {
    action: 'case.list',
    load: noFacts,
    authorize,
    run: async (trx) => {
      const after = decodeCursor(query.after, WorkCursor);
      const rows = await filter(caseListQuery(trx))
        .orderBy('case.opened_at')
        .orderBy('case.id')
        .limit(WORK_LIST_MAX)
        .execute();
      const visible = rows.filter(
        (row) =>
          can(actor, 'case.read', {
            case: factsOf(row),
            person: {
              personId: row.person_id,
              protectionLevel: row.protection_level,
              cases: [factsOf(row)],
              emergencyAccessUntil: undefined,
            },
            now,
          }).allowed,
      );
      const [{ deadlines }, levels] = await Promise.all([
        loadDeadlines(trx, visible, today, deps.config),
        loadRiskLevels(trx, visible),
      ]);
      const items = visible.map((row) => ({
        row,
        id: row.id,
        queuePriority: row.queue_priority,
        riskLevel: levels.get(row.id) ?? null,
        deadlines: deadlines.get(row.id) ?? [],
        openedAt: row.opened_at.toISOString(),
      }));
      const narrowed = { kind: query.kind, risk: query.risk };
      const listed = workList(items, { ...narrowed, today: query.view === 'today' }, today, after);
      const page = listed.slice(0, query.limit);
      const handovers = await loadHandovers(
        trx,
        page.map((i) => i.row),
      );
      const last = page.at(-1);
      return {
        result: {
          items: page.map((i) =>
            toItem(i.row, i.deadlines, i.riskLevel, handovers.get(i.id) ?? null),
          ),
          nextCursor:
            listed.length > query.limit && last ? encodeCursor([...urgencyKey(last)]) : null,
          dueToday: workList(items, { ...narrowed, today: true }, today).length,
        },
        audit: {
          personIds: page.map((i) => i.row.person_id),
          caseIds: page.map((i) => i.id),
        },
      };
    },
  });
}

/** When each case was handed over from socialjour to the unit it is in, if it was. */
async function loadHandovers(trx: Trx, rows: readonly CaseRow[]) {
  const byCase = new Map<string, { on: string }>();
  if (rows.length === 0) return byCase;
  const events = await trx
    .selectFrom('case_event')
    .select(['case_id', 'recorded_at'])
    .where('type', '=', 'case_handed_over')
    .where(
      'case_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('seq')
    .execute();
  for (const e of events) byCase.set(e.case_id, { on: stockholmDate(e.recorded_at) });
  return byCase;
}

export function listMyCases(deps: ServiceDeps, ctx: ActionContext, query: WorkQuery) {
  const actor = ctx.actor;
  const units = actor.grants.filter((g) => caseworkerRoles.has(g.role)).map((g) => g.unitId);
  return listCases(
    deps,
    ctx,
    (who) => can(who, 'cases.listMine', {}),
    (q) => q.where('case.assigned_user_id', '=', actor.userId).where('case.unit_id', 'in', units),
    query,
  );
}

export function listUnitQueue(
  deps: ServiceDeps,
  ctx: ActionContext,
  unitId: string,
  query: WorkQuery,
) {
  return listCases(
    deps,
    ctx,
    (actor) => can(actor, 'unitQueue.read', { unitId }),
    (q) => q.where('case.unit_id', '=', unitId).where('case.assigned_user_id', 'is', null),
    query,
  );
}

/** A matter cannot have come in after it was registered (a few minutes' clock skew allowed). */
const RECEIVED_AT_SKEW_MS = 5 * 60_000;

type IntakeResult = z.infer<typeof intakeContract.response>;

/**
 * Registers an aktualisering. About a new person, the registering handläggare opens the case
 * (and may take it). About a person who already has a file, only the handläggare assigned to
 * one of the person's open cases registers it as her own; anyone else's matter is routed to the
 * unit responsible for the file, unassigned and out of the registering user's reach, and she
 * learns only that it was passed on (docs/SECURITY.md: access is granted, never taken).
 */
export function registerIntake(
  deps: ServiceDeps,
  ctx: ActionContext,
  body: IntakeBody,
): Promise<IntakeResult> {
  return execute(deps, ctx, {
    action: 'case.open',
    load: noFacts,
    authorize: (who) => can(who, 'case.open', { unitId: body.unitId }),
    run: async (trx) => (await openIntake(trx, ctx, body)).done,
  });
}

/** An intake opened: the answer and audit, and the case it made or routed (for the caller only). */
export interface OpenedIntake {
  done: Done<IntakeResult>;
  caseId: string;
  personId: string;
  counterpartIds: readonly string[];
}

/**
 * The intake itself, in the caller's transaction, once `case.open` is allowed: also the import
 * of a transfer package (transfer-import.service.ts), so a case moved here meets the same rules
 * for a person who already has a file. `contacts`: the known channels of each household adult.
 */
export async function openIntake(
  trx: Trx,
  ctx: ActionContext,
  body: IntakeBody,
  contacts: readonly (readonly KnownChannel[])[] = [],
): Promise<OpenedIntake> {
  const { actor, now } = ctx;
  const receivedAt = new Date(body.intake.receivedAt);
  if (receivedAt.getTime() > now.getTime() + RECEIVED_AT_SKEW_MS) {
    throw new AppError('VALIDATION', {
      fields: [
        { path: 'body.intake.receivedAt', message: 'Tidpunkten kan inte ligga i framtiden.' },
      ],
    });
  }
  const identity =
    !body.person.existing && body.person.newPerson.identity
      ? parseIdentityOrFail(
          body.person.newPerson.identity.kind,
          body.person.newPerson.identity.number,
          stockholmDate(now),
          'body.person.newPerson.identity.number',
        )
      : undefined;
  if (body.targetGroup === 'child' && body.household?.children.length) {
    throw new AppError('VALIDATION', {
      fields: [
        {
          path: 'body.household.children',
          message: 'Barn i hushållet registreras i ärendet om den vuxna.',
        },
      ],
    });
  }
  // Every number in the household is checked before anything is written.
  const household = body.household
    ? parseHousehold(body.household, stockholmDate(now), identity?.normalized)
    : undefined;
  household?.adults.forEach((a, i) => {
    a.contact = contacts[i] ?? [];
  });
  const existingId = body.person.existing
    ? body.person.personId
    : identity
      ? await findPersonIdByIdentity(trx, identity.normalized)
      : undefined;
  if (existingId !== undefined) {
    const person = (await loadPersonFacts(trx, [existingId], actor.userId, now)).get(existingId);
    if (!person) throw new AppError('NOT_FOUND');
    // An id the user picked must be one they may see; a typed personnummer may be anyone's.
    if (body.person.existing) enforce(can(actor, 'person.read', { person, now }));
    const direct = can(actor, 'case.openForExisting', { unitId: body.unitId, person, now });
    if (!direct.allowed) return routeIntake(trx, actor, body, person, household, now);
    const handover = await plannedHandover(trx, actor, {
      unitId: body.unitId,
      targetGroup: body.targetGroup,
      receivedAt,
      birthDate: await storedBirthDate(trx, existingId),
    });
    const caseId = await insertIntakeCase(
      trx,
      body,
      existingId,
      actor.userId,
      now,
      { assignedUserId: body.assignToMe ? actor.userId : null, routedBy: null },
      handover ? [handover] : [],
    );
    const recorded = await withHousehold(trx, ctx, caseId, body.unitId, household, {
      personId: existingId,
      protectionLevel: person.protectionLevel,
      ownNumber: await identityNumberOf(trx, existingId),
    });
    const done: Done<IntakeResult> = {
      result: {
        outcome: 'registered',
        caseId,
        personId: existingId,
        childrenRouted: recorded.routed,
      },
      // Opened by the handläggare already assigned to the person: in that role and unit, as
      // the assigned one.
      audit: {
        allowed: direct,
        personIds: [existingId, ...recorded.personIds],
        caseIds: [caseId, ...recorded.caseIds],
        details: {
          caseId,
          personId: existingId,
          personCreated: false,
          intakeType: body.intake.type,
          acuteNeed: body.acuteScreening.acuteNeed,
          ...recorded.details,
        },
      },
    };
    return { done, caseId, personId: existingId, counterpartIds: recorded.counterpartIds };
  }
  if (body.person.existing) throw new AppError('NOT_FOUND');
  const p = body.person.newPerson;
  const created = await trx
    .insertInto('person')
    .values({
      identity_kind: identity?.kind ?? null,
      identity_number: identity?.normalized ?? null,
      given_name: p.givenName,
      family_name: p.familyName,
      protection_level: p.protectionLevel,
      created_by: actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // Socialjour names the day unit that takes the matter over, and when.
  const handover = await plannedHandover(trx, actor, {
    unitId: body.unitId,
    targetGroup: body.targetGroup,
    receivedAt,
    birthDate: identity && 'birthDate' in identity ? identity.birthDate : null,
  });
  const caseId = await insertIntakeCase(
    trx,
    body,
    created.id,
    actor.userId,
    now,
    { assignedUserId: body.assignToMe ? actor.userId : null, routedBy: null },
    handover ? [handover] : [],
  );
  const recorded = await withHousehold(trx, ctx, caseId, body.unitId, household, {
    personId: created.id,
    protectionLevel: p.protectionLevel,
    ownNumber: identity?.normalized,
  });
  const done: Done<IntakeResult> = {
    result: {
      outcome: 'registered',
      caseId,
      personId: created.id,
      childrenRouted: recorded.routed,
    },
    audit: {
      // The policy allows opening by role; the case is then the registrar's own, or the
      // unit's queue's.
      purpose: body.assignToMe ? 'assigned' : 'intake_queue',
      personIds: [created.id, ...recorded.personIds],
      caseIds: [caseId, ...recorded.caseIds],
      details: {
        caseId,
        personId: created.id,
        personCreated: true,
        intakeType: body.intake.type,
        acuteNeed: body.acuteScreening.acuteNeed,
        ...recorded.details,
      },
    },
  };
  return { done, caseId, personId: created.id, counterpartIds: recorded.counterpartIds };
}

/** The identity number registered on a person, if any (to refuse it as a child's). */
async function identityNumberOf(trx: Trx, personId: string): Promise<string | undefined> {
  const row = await trx
    .selectFrom('person')
    .select('identity_number')
    .where('id', '=', personId)
    .executeTakeFirst();
  return row?.identity_number ?? undefined;
}

/**
 * Records the household told at intake in the new case (server/case-kernel/household-intake.ts):
 * what the audit record and the answer say of it. Nothing of a routed child is returned but the
 * count, as when a child is registered from the case.
 */
const noDetails: Readonly<Record<string, readonly string[] | number>> = {};

async function withHousehold(
  trx: Trx,
  ctx: Pick<ActionContext, 'actor' | 'now'>,
  caseId: string,
  unitId: string,
  household: ParsedHousehold | undefined,
  of: { personId: string; protectionLevel: ProtectionLevel; ownNumber: string | undefined },
) {
  if (!household) {
    return { routed: 0, personIds: [], caseIds: [], counterpartIds: [], details: noDetails };
  }
  if (of.ownNumber && household.children.some((c) => c.parsed?.normalized === of.ownNumber)) {
    const i = household.children.findIndex((c) => c.parsed?.normalized === of.ownNumber);
    throw new AppError('VALIDATION', {
      fields: [
        {
          path: `body.household.children.${String(i)}.identity.number`,
          message: 'Det är personens eget nummer.',
        },
      ],
    });
  }
  const unit = await trx
    .selectFrom('unit')
    .select('name')
    .where('id', '=', unitId)
    .executeTakeFirstOrThrow();
  const recorded = await recordHousehold(
    trx,
    {
      personId: of.personId,
      caseId,
      unitId,
      unitName: unit.name,
      actor: ctx.actor,
      now: ctx.now,
    },
    household,
    of.protectionLevel,
    stockholmDate(ctx.now),
  );
  const linked = recorded.children.filter((c) => c.outcome === 'linked');
  const routed = recorded.children.flatMap((c) => (c.outcome === 'routed' ? [c] : []));
  const details: Readonly<Record<string, readonly string[] | number>> = {
    counterpartIds: recorded.counterpartIds,
    childPersonIds: linked.map((c) => c.childPersonId),
    childrenCreated: linked.filter((c) => c.personCreated).length,
    routedCaseIds: routed.map((c) => c.routedCaseId),
  };
  return {
    routed: routed.length,
    counterpartIds: recorded.counterpartIds,
    personIds: recorded.children.map((c) => c.childPersonId),
    caseIds: routed.map((c) => c.routedCaseId),
    details,
  };
}

/**
 * Files the matter with the unit responsible for the person's file (server/case-kernel/routing.ts):
 * recorded as routed, under the decision that allowed the intake. The household goes with it, in
 * the routed case; the registering user learns nothing more of it than of the matter.
 */
async function routeIntake(
  trx: Trx,
  actor: Actor,
  body: IntakeBody,
  person: PersonFacts,
  household: ParsedHousehold | undefined,
  now: Date,
): Promise<OpenedIntake> {
  const routed = await routeMatter(trx, body, person.personId, actor.userId, now);
  const recorded = await withHousehold(
    trx,
    { actor, now },
    routed.caseId,
    routed.unitId,
    household,
    {
      personId: person.personId,
      protectionLevel: person.protectionLevel,
      ownNumber: await identityNumberOf(trx, person.personId),
    },
  );
  const done: Done<IntakeResult> = {
    result: {
      outcome: 'routed',
      unitName: isProtected(person.protectionLevel) ? null : routed.unitName,
    },
    audit: {
      action: 'case.route',
      personIds: [person.personId, ...recorded.personIds],
      caseIds: [routed.caseId, ...recorded.caseIds],
      details: {
        caseId: routed.caseId,
        intakeType: body.intake.type,
        acuteNeed: body.acuteScreening.acuteNeed,
        unitId: routed.unitId,
        ...recorded.details,
      },
    },
  };
  return {
    done,
    caseId: routed.caseId,
    personId: person.personId,
    counterpartIds: recorded.counterpartIds,
  };
}

export function assignCase(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
  body: { userId: string; version: number },
): Promise<{ caseId: string; version: number }> {
  return execute(deps, ctx, {
    action: 'case.assign',
    load: async (trx) => {
      const row = await trx
        .selectFrom('case')
        .select([
          'id',
          'person_id',
          'unit_id',
          'assigned_user_id',
          'status',
          'version',
          'routed_by',
        ])
        .where('id', '=', caseId)
        .executeTakeFirst();
      if (!row) throw new AppError('NOT_FOUND');
      const assignee = await trx
        .selectFrom('user_role')
        .innerJoin('app_user', 'app_user.id', 'user_role.user_id')
        .select('user_role.role')
        .where('user_role.user_id', '=', body.userId)
        .where('user_role.unit_id', '=', row.unit_id)
        .where('app_user.disabled_at', 'is', null)
        .execute();
      return { row, assignee };
    },
    authorize: (actor, { row, assignee }) =>
      can(actor, 'case.assign', {
        case: caseFacts(row),
        assigneeUserId: body.userId,
        assigneeHandlesCasesInUnit: assignee.some((a) => caseworkerRoles.has(a.role)),
      }),
    run: async (trx, { row }) => {
      // An event in the case's log, so who handled the case when stays in its history.
      const version = await appendEvents(
        trx,
        caseId,
        [
          {
            type: 'case_assigned',
            payload: { userId: body.userId, previousUserId: row.assigned_user_id },
          },
        ],
        ctx.actor.userId,
        ctx.now,
        body.version,
      );
      return {
        result: { caseId, version },
        audit: {
          personIds: [row.person_id],
          caseIds: [caseId],
          details: {
            caseId,
            version,
            assignedToSelf: body.userId === ctx.actor.userId,
          },
        },
      };
    },
  });
}
