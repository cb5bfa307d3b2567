import { sql } from 'kysely';
import { execute } from '../../command.ts';
import { caseFacts, loadCase } from '../../case-kernel/case-access.ts';
import type { LoadedCase } from '../../case-kernel/case-access.ts';
import { loadPersonFacts } from '../../case-kernel/persons.repository.ts';
import { channelsReachableByViolence } from '../../case-kernel/counterparts.ts';
import { checkCommunicationChannel } from '../../../core/domain/safe-channel.ts';
import { raiseSafetySignals } from '../../case-kernel/safety-signals.ts';
import type { ActionContext } from '../../http/action-context.ts';
import type {
  CaseCommissions,
  Commission,
  CommissionSummary,
} from '../../../core/contracts/commissions.ts';
import type { BodyOf } from '../../../core/contracts/contract.ts';
import type {
  createCommission as createContract,
  recordCommissionEntry as entryContract,
  respondToCommission as respondContract,
  saveImplementationPlan as planContract,
} from '../../../core/contracts/commissions.ts';
import {
  birthYear,
  commissionPeriodProblem,
  commissionStep,
  protectionNotice,
  sharedData,
} from '../../../core/domain/commissions.ts';
import {
  childrenText,
  consentCategoryLabels,
  consentWayLabels,
  interventionName,
} from '../../../core/domain/commissions.ts';
import type { CommissionStep, ConsentWay } from '../../../core/domain/commissions.ts';
import {
  loadGround,
  offeredLegalBases,
  recordDisclosure,
  requireCovered,
} from '../../case-kernel/disclosures.ts';
import { SECRECY_FOOTER, renderPdf } from '../../documents/pdf.ts';
import type { PdfDocument, PdfSection, RenderedDocument } from '../../documents/pdf.ts';
import { stockholmDate } from '../../time.ts';
import { isProtected } from '../../../core/domain/protection.ts';
import { can } from '../../../core/policy/policy.ts';
import type { Actor } from '../../../core/policy/policy.ts';
import { grantsWith } from '../../../core/policy/relations.ts';
import type { Trx } from '../../db/database.ts';
import type { CommissionEventType } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import type { ServiceDeps } from '../../service-deps.ts';

/**
 * Uppdrag to providers (core/domain/commissions.ts, core/policy/rules/commissions.ts). The
 * handläggare sends one from a granted beslut on the case; what it shares about the person is
 * written into the uppdrag once, when it is sent, from the consented categories only — so the
 * provider's side never reads the person, the case or anything else: it reads the uppdrag.
 * Every step locks the uppdrag's row, so its steps, plan versions and event numbers follow one
 * another; status changes carry the version the client saw.
 */

const refuse = (detail: string) => new AppError('STEP_OUT_OF_ORDER', { detail });

// ---------------------------------------------------------------------------------------------
// Reading

/** Who wrote a row of the uppdrag's history, and when. */
const stamp = (r: { recorded_by: string; display_name: string; recorded_at: Date }) => ({
  recordedBy: { id: r.recorded_by, displayName: r.display_name },
  recordedAt: r.recorded_at.toISOString(),
});

/** Whether the consent an uppdrag shared on is gone: revoked, or run out before today. */
function groundGone(revokedOn: string | null, validUntil: string | null, today: string) {
  if (revokedOn !== null) return 'revoked';
  return validUntil !== null && validUntil < today ? 'expired' : null;
}

/**
 * The ground an uppdrag shares on, and whether what it shared is withheld now: its disclosure's
 * consent revoked or run out (core/domain/consents.ts). An uppdrag sent before the register
 * recorded its consent on itself; that consent has no end and no revocation to check.
 */
function groundOf(
  r: {
    legal_reference: string | null;
    ground_way: ConsentWay | null;
    ground_given_on: string | null;
    ground_valid_until: string | null;
    ground_revoked_on: string | null;
    consent_way: ConsentWay | null;
    consent_on: string | null;
    contact: string;
  },
  today: string,
): Pick<Commission, 'ground' | 'withheld'> {
  if (r.legal_reference !== null) {
    return { ground: { kind: 'legal', text: `Lagstöd: ${r.legal_reference}.` }, withheld: null };
  }
  const way = r.ground_way ?? r.consent_way;
  const on = r.ground_given_on ?? r.consent_on ?? '';
  const given = `Samtycke lämnat ${way ? consentWayLabels[way].toLowerCase() : ''} ${on}`;
  const text = r.ground_valid_until
    ? `${given}, gäller till och med ${r.ground_valid_until}.`
    : `${given}.`;
  const instead = `Uppgifterna om personen lämnas inte längre ut. Kontakta ${r.contact}.`;
  const gone = groundGone(r.ground_revoked_on, r.ground_valid_until, today);
  const withheld =
    gone === 'revoked'
      ? `Samtycket återkallades ${r.ground_revoked_on}. ${instead}`
      : gone === 'expired'
        ? `Samtycket gällde till och med ${r.ground_valid_until}. ${instead}`
        : null;
  return { ground: { kind: 'consent', text }, withheld };
}

const nothingShared: Commission['shared'] = {
  name: null,
  personalIdentityNumber: null,
  phone: null,
  language: null,
  children: null,
};

/** The uppdrag as it may leave the case: nothing of what it shared once its ground is gone. */
function asDisclosed<C extends Commission>(c: C): C {
  return c.withheld === null ? c : { ...c, shared: nothingShared };
}

/** The uppdrag with these ids as both sides see them (without the case's ids). */
async function loadCommissions(
  trx: Trx,
  ids: readonly string[],
  today: string,
): Promise<(Commission & { decisionId: string; personId: string })[]> {
  if (ids.length === 0) return [];
  const [rows, plans, entries, events] = await Promise.all([
    trx
      .selectFrom('commission as c')
      .innerJoin('commission_order as o', 'o.commission_id', 'c.id')
      .innerJoin('provider as p', 'p.id', 'c.provider_id')
      .innerJoin('app_user as u', 'u.id', 'c.created_by')
      .leftJoin('disclosure as d', 'd.commission_id', 'c.id')
      .leftJoin('consent as k', 'k.id', 'd.consent_id')
      .leftJoin('consent_revocation as kr', 'kr.consent_id', 'k.id')
      .select([
        'd.legal_reference',
        'k.way as ground_way',
        'k.given_on as ground_given_on',
        'k.valid_until as ground_valid_until',
        'kr.revoked_on as ground_revoked_on',
        'c.id',
        'c.version',
        'c.status',
        'c.intervention',
        'c.period_from',
        'c.period_to',
        'c.decision_id',
        'c.person_id',
        'c.created_by',
        'c.created_at',
        'p.id as provider_id',
        'p.name as provider_name',
        'o.what',
        'o.why',
        'o.contact',
        'o.consent_categories',
        'o.consent_way',
        'o.consent_on',
        'o.shared',
        'o.protection_notice',
        'u.display_name',
      ])
      .where('c.id', 'in', ids)
      .orderBy('c.created_at', 'desc')
      .execute(),
    trx
      .selectFrom('implementation_plan_version as v')
      .innerJoin('app_user as u', 'u.id', 'v.recorded_by')
      .selectAll('v')
      .select('u.display_name')
      .where('v.commission_id', 'in', ids)
      .orderBy('v.version', 'desc')
      .execute(),
    trx
      .selectFrom('commission_entry as e')
      .innerJoin('app_user as u', 'u.id', 'e.recorded_by')
      .selectAll('e')
      .select('u.display_name')
      .where('e.commission_id', 'in', ids)
      .orderBy('e.occurred_on')
      .orderBy('e.recorded_at')
      .execute(),
    trx
      .selectFrom('commission_event as e')
      .innerJoin('app_user as u', 'u.id', 'e.recorded_by')
      .selectAll('e')
      .select('u.display_name')
      .where('e.commission_id', 'in', ids)
      .orderBy('e.seq')
      .execute(),
  ]);
  const plansOf = Map.groupBy(plans, (p) => p.commission_id);
  const entriesOf = Map.groupBy(entries, (e) => e.commission_id);
  const eventsOf = Map.groupBy(events, (e) => e.commission_id);
  return rows.map((r) => ({
    id: r.id,
    version: r.version,
    status: r.status,
    intervention: r.intervention,
    period: { from: r.period_from, to: r.period_to },
    provider: { id: r.provider_id, name: r.provider_name },
    what: r.what,
    why: r.why,
    contact: r.contact,
    categories: r.consent_categories,
    ...groundOf(r, today),
    shared: r.shared,
    protectionNotice: r.protection_notice,
    sentBy: { id: r.created_by, displayName: r.display_name },
    sentAt: r.created_at.toISOString(),
    plan: (plansOf.get(r.id) ?? []).map((p) => ({
      version: p.version,
      goals: p.goals,
      actions: p.actions,
      schedule: p.schedule,
      participation: p.participation,
      ...stamp(p),
    })),
    entries: (entriesOf.get(r.id) ?? []).map((e) => ({
      id: e.id,
      kind: e.kind,
      occurredOn: e.occurred_on,
      text: e.text,
      ...stamp(e),
    })),
    events: (eventsOf.get(r.id) ?? []).map((e) => ({
      seq: e.seq,
      type: e.type,
      reason: e.reason,
      ...stamp(e),
    })),
    decisionId: r.decision_id,
    personId: r.person_id,
  }));
}

/** The granted beslut on the case that carry a period, as their current versions say. */
async function grantedDecisions(trx: Trx, caseId: string) {
  const rows = await trx
    .selectFrom('decision as d')
    .innerJoin('decision_version as v', (j) =>
      j.onRef('v.decision_id', '=', 'd.id').onRef('v.version', '=', 'd.version'),
    )
    .select([
      'd.id',
      'v.intervention',
      'v.decided_on',
      'v.period_from',
      'v.period_to',
      'v.provider_id',
    ])
    .where('d.case_id', '=', caseId)
    .where('v.outcome', 'in', ['granted', 'partly_granted'])
    .where('v.period_from', 'is not', null)
    .orderBy('v.decided_on', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    intervention: r.intervention,
    decidedOn: r.decided_on,
    period: { from: r.period_from ?? r.decided_on, to: r.period_to },
    // The beslut's place, if it names one: kept on the server, never sent (where she stays).
    placeId: r.provider_id,
  }));
}

async function activeProviders(trx: Trx) {
  const [providers, carried] = await Promise.all([
    trx
      .selectFrom('provider')
      .select(['id', 'name'])
      .where('active', '=', true)
      .orderBy('name')
      .execute(),
    trx.selectFrom('provider_intervention').selectAll().execute(),
  ]);
  const of = Map.groupBy(carried, (c) => c.provider_id);
  return providers.map((p) => ({
    id: p.id,
    name: p.name,
    interventions: (of.get(p.id) ?? []).map((c) => c.intervention).sort(),
  }));
}

const caseSide = (ctx: ActionContext, { row, person }: LoadedCase) => ({
  person,
  case: caseFacts(row),
  now: ctx.now,
});

/** The load and authorize of a command on the case's side: the case, and the rule on it. */
const onCaseAs = (
  ctx: ActionContext,
  caseId: string,
  action: 'commissions.readForCase' | 'commission.create' | 'commission.end',
) => ({
  load: (trx: Trx) => loadCase(trx, ctx.actor, caseId, ctx.now),
  authorize: (actor: Actor, loaded: LoadedCase) => can(actor, action, caseSide(ctx, loaded)),
});

export function listCaseCommissions(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
): Promise<CaseCommissions> {
  return execute(deps, ctx, {
    action: 'commission.read',
    ...onCaseAs(ctx, caseId, 'commissions.readForCase'),
    run: async (trx, loaded) => {
      const ids = await trx
        .selectFrom('commission')
        .select('id')
        .where('case_id', '=', caseId)
        .execute();
      const commissions = await loadCommissions(
        trx,
        ids.map((r) => r.id),
        ctx.today,
      );
      const mayCreate =
        loaded.row.status === 'open' &&
        can(ctx.actor, 'commission.create', caseSide(ctx, loaded)).allowed;
      return {
        result: {
          commissions: commissions.map(({ personId: _, ...c }) => c),
          options: mayCreate
            ? {
                decisions: await grantedDecisions(trx, caseId),
                providers: await activeProviders(trx),
                protectedPerson: isProtected(loaded.person.protectionLevel),
                legalBases: await offeredLegalBases(trx, 'commission'),
              }
            : null,
        },
        audit: { personIds: [loaded.row.person_id], caseIds: [caseId] },
      };
    },
  });
}

// ---------------------------------------------------------------------------------------------
// The handläggare's side: sending and ending

/** What the person's file holds that an uppdrag may share, as the actor may see it. */
async function personSource(trx: Trx, ctx: ActionContext, loaded: LoadedCase) {
  const personId = loaded.row.person_id;
  const [person, phones, reachable, children] = await Promise.all([
    trx
      .selectFrom('person')
      .select(['given_name', 'family_name', 'identity_number', 'protection_level'])
      .where('id', '=', personId)
      .executeTakeFirstOrThrow(),
    trx
      .selectFrom('contact_channel')
      .select('value')
      .where('person_id', '=', personId)
      .where('kind', '=', 'phone')
      .where('safe_for_contact', '=', true)
      .orderBy('created_at', 'desc')
      .execute(),
    // A phone the person who uses violence can reach is never handed on, marked safe or not:
    // the same check as kommunicering (core/domain/safe-channel.ts).
    channelsReachableByViolence(trx, personId),

    trx
      .selectFrom('person_relation as r')
      .innerJoin('person as c', 'c.id', 'r.related_person_id')
      .select(['c.id', 'c.given_name', 'c.identity_number'])
      .where('r.person_id', '=', personId)
      .where('r.kind', '=', 'parent_of')
      .where('r.status', '=', 'current')
      .orderBy('c.identity_number')
      .execute(),
  ]);
  // A child is shared by name only where the actor may see the child by name in the case.
  const facts = await loadPersonFacts(
    trx,
    children.map((c) => c.id),
    ctx.actor.userId,
    ctx.now,
  );
  const visible = children.filter((c) => {
    const member = facts.get(c.id);
    return (
      member !== undefined &&
      can(ctx.actor, 'householdMember.read', { ...caseSide(ctx, loaded), member }).allowed
    );
  });
  return {
    givenName: person.given_name,
    familyName: person.family_name,
    identityNumber: person.identity_number,
    protectionLevel: person.protection_level,
    safePhone:
      phones.find(
        (p) =>
          checkCommunicationChannel(
            { kind: 'phone', value: p.value, safeForContact: true },
            reachable,
          ).ok,
      )?.value ?? null,
    children: visible.map((c) => ({
      id: c.id,
      givenName: c.given_name,
      birthYear: birthYear(c.identity_number),
    })),
  };
}

async function nextSeq(trx: Trx, commissionId: string): Promise<number> {
  const row = await trx
    .selectFrom('commission_event')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('commission_id', '=', commissionId)
    .executeTakeFirst();
  return (row?.seq ?? 0) + 1;
}

async function recordEvent(
  trx: Trx,
  ctx: ActionContext,
  commissionId: string,
  type: CommissionEventType,
  reason: string | null = null,
) {
  await trx
    .insertInto('commission_event')
    .values({
      commission_id: commissionId,
      seq: await nextSeq(trx, commissionId),
      type,
      reason,
      recorded_by: ctx.actor.userId,
      recorded_at: ctx.now,
    })
    .execute();
}

export function createCommission(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
  body: BodyOf<typeof createContract>,
): Promise<{ id: string; version: number }> {
  const fields: { path: string; message: string }[] = [];
  if (body.categories.includes('language') && !body.language) {
    fields.push({
      path: 'body.language',
      message: 'Beskriv språk och tolkbehov, eller lämna inte ut det.',
    });
  }
  if (new Set(body.categories).size !== body.categories.length) {
    fields.push({ path: 'body.categories', message: 'Välj varje uppgift en gång.' });
  }
  if (fields.length > 0) throw new AppError('VALIDATION', { fields });
  return execute(deps, ctx, {
    action: 'commission.create',
    ...onCaseAs(ctx, caseId, 'commission.create'),
    run: async (trx, loaded) => {
      if (loaded.row.status !== 'open') throw refuse('Ärendet är avslutat.');
      const decision = (await grantedDecisions(trx, caseId)).find((d) => d.id === body.decisionId);
      if (!decision) {
        throw refuse(
          'Ett uppdrag ges utifrån ett beviljat beslut med en period i ärendet. Välj ett sådant beslut.',
        );
      }
      const provider = await trx
        .selectFrom('provider')
        .select(['id', 'name', 'active'])
        .where('id', '=', body.providerId)
        .executeTakeFirst();
      if (!provider?.active) throw refuse('Utföraren finns inte eller är inte aktiv.');
      const carries = await trx
        .selectFrom('provider_intervention')
        .select('intervention')
        .where('provider_id', '=', provider.id)
        .where('intervention', '=', decision.intervention)
        .executeTakeFirst();
      if (!carries) throw refuse('Utföraren utför inte den insats som beslutet gäller.');
      // A beslut that names its place is carried out there: the uppdrag goes to that provider.
      if (decision.placeId !== null && decision.placeId !== provider.id) {
        throw refuse(
          'Beslutet anger en annan utförare som plats. Skicka uppdraget dit, eller ändra beslutet först.',
        );
      }
      const periodProblem = commissionPeriodProblem(decision.period, body.period);
      if (periodProblem) throw refuse(periodProblem);

      // What leaves the case: these categories, to this provider, for the uppdrag — covered by
      // the consent or the legal basis it names, or refused with the reason.
      const disclosure = {
        personId: loaded.row.person_id,
        categories: body.categories,
        recipient: { kind: 'provider' as const, id: provider.id, name: provider.name },
        purpose: 'commission' as const,
        on: ctx.today,
      };
      const ground = await loadGround(trx, caseId, body.ground);
      requireCovered(disclosure, ground);

      const source = await personSource(trx, ctx, loaded);
      const shared = sharedData(source, body.categories, body.language);
      const created = await trx
        .insertInto('commission')
        .values({
          case_id: caseId,
          decision_id: decision.id,
          person_id: loaded.row.person_id,
          provider_id: provider.id,
          intervention: decision.intervention,
          period_from: body.period.from,
          period_to: body.period.to,
          created_by: ctx.actor.userId,
          created_at: ctx.now,
        })
        .returning(['id', 'version'])
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('commission_order')
        .values({
          commission_id: created.id,
          what: body.what,
          why: body.why,
          contact: body.contact,
          consent_categories: [...body.categories],
          consent_way: ground.kind === 'consent' ? ground.consent.way : null,
          consent_on: ground.kind === 'consent' ? ground.consent.givenOn : null,
          shared: JSON.stringify(shared),
          protection_notice: protectionNotice(source.protectionLevel, body.contact),
          recorded_at: ctx.now,
        })
        .execute();
      await recordDisclosure(trx, ctx, { caseId, disclosure, ground, commissionId: created.id });
      await recordEvent(trx, ctx, created.id, 'sent');
      const sharedChildren = shared.children ? source.children.map((c) => c.id) : [];
      return {
        result: { id: created.id, version: created.version },
        audit: {
          personIds: [loaded.row.person_id, ...sharedChildren],
          caseIds: [caseId],
          details: { commissionId: created.id, version: created.version },
        },
      };
    },
  });
}

/** The uppdrag's row, locked for this step; 404 when it is not the case's. */
async function lockCommission(trx: Trx, commissionId: string, caseId?: string) {
  let q = trx
    .selectFrom('commission')
    .select(['id', 'status', 'version', 'person_id', 'case_id', 'intervention'])
    .where('id', '=', commissionId);
  if (caseId !== undefined) q = q.where('case_id', '=', caseId);
  const row = await q.forUpdate().executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** A status change from the version the client saw. */
async function changeStatus(
  trx: Trx,
  ctx: ActionContext,
  row: { id: string; status: 'sent' | 'accepted' | 'declined' | 'ended'; version: number },
  step: CommissionStep,
  seen: number,
  reason: string | null,
) {
  if (row.version !== seen) throw new AppError('VERSION_CONFLICT');
  const next = commissionStep(row.status, step);
  if (!next.ok) throw refuse(next.message);
  const updated = await trx
    .updateTable('commission')
    .set({ status: next.status, version: sql<number>`version + 1` })
    .where('id', '=', row.id)
    .where('version', '=', seen)
    .returning('version')
    .executeTakeFirst();
  if (!updated) throw new AppError('VERSION_CONFLICT');
  const type: Record<CommissionStep, CommissionEventType> = {
    accept: 'accepted',
    decline: 'declined',
    end: 'ended',
    work: 'note',
  };
  await recordEvent(trx, ctx, row.id, type[step], reason);
  return updated.version;
}

export function endCommission(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
  commissionId: string,
  body: { reason: string; version: number },
): Promise<{ id: string; version: number }> {
  return execute(deps, ctx, {
    action: 'commission.end',
    ...onCaseAs(ctx, caseId, 'commission.end'),
    run: async (trx, loaded) => {
      const row = await lockCommission(trx, commissionId, caseId);
      const version = await changeStatus(trx, ctx, row, 'end', body.version, body.reason);
      // The insats ends — as planned or broken off, the reason says which and stays here: the
      // linked files are prompted to review their risk work or safety plans, in this transaction.
      await raiseSafetySignals(
        trx,
        { personId: row.person_id, caseId, recordId: row.id, now: ctx.now },
        { type: 'commission_ended', intervention: row.intervention },
      );
      return {
        result: { id: row.id, version },
        audit: {
          personIds: [loaded.row.person_id],
          caseIds: [caseId],
          details: { commissionId: row.id, version },
        },
      };
    },
  });
}

// ---------------------------------------------------------------------------------------------
// The provider's side

/** What the provider-side rules read: the uppdrag and the unit its provider is tied to. */
async function loadProviderSide(trx: Trx, commissionId: string) {
  const row = await trx
    .selectFrom('commission as c')
    .innerJoin('provider as p', 'p.id', 'c.provider_id')
    .select(['c.id', 'p.unit_id'])
    .where('c.id', '=', commissionId)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return { commissionId: row.id, providerUnitId: row.unit_id };
}

/** The uppdrag without what only the case's side needs. */
function providerView(c: Commission & { decisionId: string; personId: string }): Commission {
  const { decisionId: _d, personId: _p, ...view } = c;
  return asDisclosed(view);
}

export function listMyCommissions(
  deps: ServiceDeps,
  ctx: ActionContext,
): Promise<{ items: CommissionSummary[] }> {
  return execute(deps, ctx, {
    action: 'commission.list',
    load: () => Promise.resolve({}),
    authorize: (actor) => can(actor, 'commissions.listMine', {}),
    run: async (trx) => {
      const units = grantsWith(ctx.actor, (r) => r === 'provider').map((g) => g.unitId);
      const rows = await trx
        .selectFrom('commission as c')
        .innerJoin('provider as p', 'p.id', 'c.provider_id')
        .innerJoin('commission_order as o', 'o.commission_id', 'c.id')
        .leftJoin('disclosure as d', 'd.commission_id', 'c.id')
        .leftJoin('consent as k', 'k.id', 'd.consent_id')
        .leftJoin('consent_revocation as kr', 'kr.consent_id', 'k.id')
        .select([
          'c.id',
          'c.version',
          'c.status',
          'c.intervention',
          'c.period_from',
          'c.period_to',
          'c.person_id',
          'c.created_at',
          'o.shared',
          'o.protection_notice',
          'k.valid_until',
          'kr.revoked_on',
        ])
        .where('p.unit_id', 'in', units)
        .orderBy(
          sql`case when c.status = 'sent' then 0 when c.status = 'accepted' then 1 else 2 end`,
        )
        .orderBy('c.created_at', 'desc')
        .limit(500)
        .execute();
      return {
        result: {
          items: rows.map((r) => ({
            id: r.id,
            version: r.version,
            status: r.status,
            intervention: r.intervention,
            period: { from: r.period_from, to: r.period_to },
            // Withheld once the consent it was shared on is revoked or has run out.
            name: groundGone(r.revoked_on, r.valid_until, ctx.today) ? null : r.shared.name,
            protectedPerson: r.protection_notice !== null,
            sentAt: r.created_at.toISOString(),
          })),
        },
        audit: { personIds: [...new Set(rows.map((r) => r.person_id))] },
      };
    },
  });
}

export function getCommission(
  deps: ServiceDeps,
  ctx: ActionContext,
  commissionId: string,
): Promise<Commission> {
  return execute(deps, ctx, {
    action: 'commission.read',
    load: (trx) => loadProviderSide(trx, commissionId),
    authorize: (actor, facts) => can(actor, 'commission.read', facts),
    run: async (trx) => {
      const [c] = await loadCommissions(trx, [commissionId], ctx.today);
      if (!c) throw new AppError('NOT_FOUND');
      return {
        result: providerView(c),
        audit: { personIds: [c.personId], details: { commissionId } },
      };
    },
  });
}

export function respondToCommission(
  deps: ServiceDeps,
  ctx: ActionContext,
  commissionId: string,
  body: BodyOf<typeof respondContract>,
): Promise<{ id: string; version: number }> {
  return execute(deps, ctx, {
    action: 'commission.respond',
    load: (trx) => loadProviderSide(trx, commissionId),
    authorize: (actor, facts) => can(actor, 'commission.respond', facts),
    run: async (trx) => {
      const row = await lockCommission(trx, commissionId);
      const step = body.answer === 'accept' ? 'accept' : 'decline';
      const version = await changeStatus(trx, ctx, row, step, body.version, body.reason || null);
      return {
        result: { id: row.id, version },
        audit: { personIds: [row.person_id], details: { commissionId: row.id, version } },
      };
    },
  });
}

/** The provider's work is written only on an accepted uppdrag, with its row locked. */
async function lockForWork(trx: Trx, commissionId: string) {
  const row = await lockCommission(trx, commissionId);
  const work = commissionStep(row.status, 'work');
  if (!work.ok) throw refuse(work.message);
  return row;
}

export function saveImplementationPlan(
  deps: ServiceDeps,
  ctx: ActionContext,
  commissionId: string,
  body: BodyOf<typeof planContract>,
): Promise<{ planVersion: number }> {
  return execute(deps, ctx, {
    action: 'commission.plan',
    load: (trx) => loadProviderSide(trx, commissionId),
    authorize: (actor, facts) => can(actor, 'commission.plan', facts),
    run: async (trx) => {
      const row = await lockForWork(trx, commissionId);
      const current = await trx
        .selectFrom('implementation_plan_version')
        .select((eb) => eb.fn.max('version').as('version'))
        .where('commission_id', '=', commissionId)
        .executeTakeFirst();
      if ((current?.version ?? 0) !== body.planVersion) throw new AppError('VERSION_CONFLICT');
      const planVersion = body.planVersion + 1;
      await trx
        .insertInto('implementation_plan_version')
        .values({
          commission_id: commissionId,
          version: planVersion,
          goals: body.goals,
          actions: body.actions,
          schedule: body.schedule,
          participation: body.participation,
          recorded_by: ctx.actor.userId,
          recorded_at: ctx.now,
        })
        .execute();
      await recordEvent(trx, ctx, commissionId, 'plan_version');
      return {
        result: { planVersion },
        audit: { personIds: [row.person_id], details: { commissionId, planVersion } },
      };
    },
  });
}

export function recordCommissionEntry(
  deps: ServiceDeps,
  ctx: ActionContext,
  commissionId: string,
  body: BodyOf<typeof entryContract>,
): Promise<{ id: string }> {
  if (body.occurredOn > ctx.today) {
    throw new AppError('VALIDATION', {
      fields: [{ path: 'body.occurredOn', message: 'Datumet kan inte ligga i framtiden.' }],
    });
  }
  return execute(deps, ctx, {
    action: 'commission.record',
    load: (trx) => loadProviderSide(trx, commissionId),
    authorize: (actor, facts) => can(actor, 'commission.record', facts),
    run: async (trx) => {
      const row = await lockForWork(trx, commissionId);
      const created = await trx
        .insertInto('commission_entry')
        .values({
          commission_id: commissionId,
          kind: body.kind,
          occurred_on: body.occurredOn,
          text: body.text,
          recorded_by: ctx.actor.userId,
          recorded_at: ctx.now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordEvent(trx, ctx, commissionId, body.kind);
      return {
        result: { id: created.id },
        audit: { personIds: [row.person_id], details: { entryId: created.id } },
      };
    },
  });
}

// ---------------------------------------------------------------------------------------------
// The uppdrag as a document, for a provider without users in Värn

/**
 * The uppdrag as a PDF the handläggare sends to an external provider: what it says and what it
 * shares, as it was sent — printed from the uppdrag alone, never from the person's file, so
 * nothing it does not share (an address, whereabouts, the utredning) can reach the page. For a
 * protected person the notice is printed first. Audited as an export.
 */
export function commissionPdf(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
  commissionId: string,
): Promise<RenderedDocument> {
  return execute(deps, ctx, {
    action: 'document.export',
    ...onCaseAs(ctx, caseId, 'commissions.readForCase'),
    run: async (trx, loaded) => {
      const owned = await trx
        .selectFrom('commission')
        .select('id')
        .where('id', '=', commissionId)
        .where('case_id', '=', caseId)
        .executeTakeFirst();
      const [c] = owned ? await loadCommissions(trx, [commissionId], ctx.today) : [];
      if (!c) throw new AppError('NOT_FOUND');
      return {
        result: {
          filename: 'uppdrag.pdf',
          pdf: await renderPdf(commissionDocument(asDisclosed(c), ctx.now)),
        },
        audit: {
          personIds: [loaded.row.person_id],
          caseIds: [caseId],
          details: { document: 'commission', commissionId },
        },
      };
    },
  });
}

function commissionDocument(c: Commission, now: Date): PdfDocument {
  const s = c.shared;
  const shared = [
    s.name !== null ? { text: `Namn: ${s.name}` } : null,
    s.personalIdentityNumber !== null
      ? { text: `Personnummer: ${s.personalIdentityNumber}` }
      : null,
    s.phone !== null ? { text: `Telefon: ${s.phone}` } : null,
    s.language !== null ? { text: `Språk och tolkbehov: ${s.language}` } : null,
    s.children !== null
      ? {
          text: `Medföljande barn: ${childrenText(s.children)}`,
        }
      : null,
  ].filter((p) => p !== null);
  const categories =
    c.categories.length === 0
      ? 'Inga personuppgifter lämnas ut.'
      : `Uppdraget lämnar ut: ${c.categories.map((k) => consentCategoryLabels[k].toLowerCase()).join(', ')}.`;
  const about = c.withheld !== null ? [{ text: c.withheld }] : [...shared, { text: categories }];
  const sections: PdfSection[] = [
    ...(c.protectionNotice
      ? [
          {
            heading: 'Skyddade personuppgifter',
            level: 1 as const,
            paragraphs: [{ text: c.protectionNotice }],
          },
        ]
      : []),
    { heading: 'Vad uppdraget gäller', level: 2, paragraphs: [{ text: c.what }] },
    { heading: 'Varför', level: 2, paragraphs: [{ text: c.why }] },
    {
      heading: 'Uppgifter om personen',
      level: 2,
      paragraphs: [...about, { text: c.ground.text }],
    },
    { heading: 'Kontakt hos socialtjänsten', level: 2, paragraphs: [{ text: c.contact }] },
  ];
  const title = `Uppdrag – ${interventionName(c.intervention)}`;
  return {
    title,
    subtitle: c.provider.name,
    meta: [
      { label: 'Utförare', value: c.provider.name },
      {
        label: 'Period',
        value: c.period.to
          ? `Från och med ${c.period.from} till och med ${c.period.to}`
          : `Från och med ${c.period.from}, tills vidare`,
      },
      { label: 'Skickat', value: stockholmDate(new Date(c.sentAt)) },
      { label: 'Handläggare', value: c.sentBy.displayName },
    ],
    sections,
    footer: SECRECY_FOOTER,
    info: { title, author: 'Värn', creationDate: now },
  };
}
