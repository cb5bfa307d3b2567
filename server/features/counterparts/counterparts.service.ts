import type { z } from 'zod';
import { execute } from '../../command.ts';
import type { Command } from '../../command.ts';
import { caseFacts, loadCase } from '../../case-kernel/case-access.ts';
import type { LoadedCase } from '../../case-kernel/case-access.ts';
import {
  appendCounterpartVersion,
  insertCounterpart,
  loadCounterpartHistory,
} from '../../case-kernel/counterparts.ts';
import type { CounterpartFields } from '../../case-kernel/counterparts.ts';
import { parseIdentityOrFail } from '../../case-kernel/identity.ts';
import type { ActionContext } from '../../http/action-context.ts';
import type {
  CaseCounterparts,
  CounterpartVersionView,
  CounterpartView,
  changeCounterpart as changeContract,
  recordCounterpart as recordContract,
} from '../../../core/contracts/counterparts.ts';
import {
  counterpartProblems,
  livesTogetherFromStore,
  livesTogetherToStore,
  seenDetails,
  statusChangeProblem,
} from '../../../core/domain/counterpart-records.ts';
import { counterpartName } from '../../../core/domain/counterparts.ts';
import type { CounterpartVersion } from '../../../core/domain/counterparts.ts';
import { formatIdentityNumber } from '../../../core/domain/personal-identity.ts';
import { can } from '../../../core/policy/policy.ts';
import type { Trx } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import type { ServiceDeps } from '../../service-deps.ts';

/**
 * Counterparts (core/domain/counterparts.ts): what the file of a case's person records about the
 * person who uses violence against her, or another member of the household. Part of her file:
 * read with her case, written by whoever works it, corrected, ended or marked wrongly recorded
 * by a new version — never erased.
 *
 * A counterpart with a known identity number is linked to the file in Värn with that number for
 * the rules only (server/case-kernel/counterparts.ts). Nothing here looks that file up: recording
 * his number gives the author no relation to him, no name, and the same answer whether or not
 * the number is known, and the list shows only what her file says.
 */

type Action = 'counterpart.read' | 'counterpart.write';

function onCounterparts(
  ctx: ActionContext,
  caseId: string,
  action: Action,
): Pick<Command<LoadedCase, never>, 'load' | 'authorize'> {
  return {
    load: (trx) => loadCase(trx, ctx.actor, caseId, ctx.now),
    authorize: (actor, { row, person }) =>
      can(actor, action, { person, case: caseFacts(row), now: ctx.now }),
  };
}

const invalid = (fields: { path: string; message: string }[]) =>
  new AppError('VALIDATION', { fields });

type Entered = z.infer<typeof recordContract.body>;

/** The form's fields as the file stores them; the number parsed once the policy allowed the act. */
async function toFields(
  trx: Trx,
  ctx: ActionContext,
  personId: string,
  body: Entered,
): Promise<CounterpartFields> {
  const identity = body.identity
    ? parseIdentityOrFail(
        body.identity.kind,
        body.identity.number,
        ctx.today,
        'body.identity.number',
      )
    : null;
  const own = await trx
    .selectFrom('person')
    .select('identity_number')
    .where('id', '=', personId)
    .executeTakeFirstOrThrow();
  const problems = counterpartProblems(
    {
      identityNumber: identity?.normalized ?? null,
      givenName: body.givenName,
      familyName: body.familyName,
      description: body.description,
    },
    own.identity_number,
  );
  if (problems.length > 0) {
    throw invalid(problems.map((p) => ({ path: `body.${p.field}`, message: p.message })));
  }
  return {
    identity:
      identity && identity.kind !== 'reservnummer'
        ? { kind: identity.kind, normalized: identity.normalized }
        : null,
    givenName: body.givenName,
    familyName: body.familyName,
    description: body.description,
    relation: body.relation,
    usesViolence: body.usesViolence,
    livesTogether: livesTogetherToStore(body.livesTogether),
    contact: body.contact,
    whereabouts: body.whereabouts,
  };
}

const refuseClosed = (row: LoadedCase['row']) => {
  if (row.status !== 'open') {
    throw new AppError('STEP_OUT_OF_ORDER', { detail: 'Ärendet är avslutat.' });
  }
};

export function listCounterparts(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
): Promise<CaseCounterparts> {
  return execute(deps, ctx, {
    action: 'counterpart.list',
    ...onCounterparts(ctx, caseId, 'counterpart.read'),
    run: async (trx, { row, person }) => {
      const facts = { person, case: caseFacts(row), now: ctx.now };
      const mayReadDetails = can(ctx.actor, 'counterpart.readDetails', facts).allowed;
      const versions = await loadCounterpartHistory(trx, [row.person_id]);
      const authors = new Map(
        (
          await (versions.length
            ? trx
                .selectFrom('app_user')
                .select(['id', 'display_name'])
                .where('id', 'in', [...new Set(versions.map((v) => v.recordedBy))])
                .execute()
            : Promise.resolve([]))
        ).map((u) => [u.id, u.display_name]),
      );
      const view = (v: CounterpartVersion): CounterpartVersionView => ({
        version: v.version,
        identity: v.identity
          ? {
              kind: v.identity.kind,
              display: formatIdentityNumber(v.identity.normalized, v.identity.kind),
            }
          : null,
        givenName: v.givenName,
        familyName: v.familyName,
        description: v.description,
        relation: v.relation,
        usesViolence: v.usesViolence,
        livesTogether: livesTogetherFromStore(v.livesTogether),
        details: seenDetails(v, mayReadDetails),
        status: v.status,
        changeReason: v.changeReason,
        recordedBy: { id: v.recordedBy, displayName: authors.get(v.recordedBy) ?? '' },
        recordedAt: v.recordedAt.toISOString(),
      });
      const all: (CounterpartView & { firstAt: string })[] = [
        ...Map.groupBy(versions, (v) => v.id).values(),
      ].flatMap((series) => {
        const first = series[0];
        const latest = series.at(-1);
        if (!first || !latest) return [];
        return {
          ...view(latest),
          id: latest.id,
          name: counterpartName(latest),
          history: series.map(view),
          firstAt: first.recordedAt.toISOString(),
        };
      });
      all.sort((a, b) => a.firstAt.localeCompare(b.firstAt) || a.id.localeCompare(b.id));
      const strip = ({ firstAt: _, ...c }: (typeof all)[number]): CounterpartView => c;
      const write = row.status === 'open' && can(ctx.actor, 'counterpart.write', facts).allowed;
      return {
        result: {
          current: all.filter((c) => c.status === 'current').map(strip),
          past: all.filter((c) => c.status !== 'current').map(strip),
          abilities: { write },
        },
        // Her file: only she is named. A linked file is never looked up, so never named.
        audit: { personIds: [row.person_id], caseIds: [caseId] },
      };
    },
  });
}

export function recordCounterpart(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
  body: Entered,
): Promise<{ id: string; version: number }> {
  return execute(deps, ctx, {
    action: 'counterpart.record',
    ...onCounterparts(ctx, caseId, 'counterpart.write'),
    run: async (trx, { row }) => {
      refuseClosed(row);
      const fields = await toFields(trx, ctx, row.person_id, body);
      const id = await insertCounterpart(
        trx,
        { personId: row.person_id, caseId, recordedBy: ctx.actor.userId, now: ctx.now },
        fields,
      );
      return {
        result: { id, version: 1 },
        audit: {
          personIds: [row.person_id],
          caseIds: [caseId],
          details: {
            counterpartId: id,
            version: 1,
            relation: fields.relation,
            usesViolence: fields.usesViolence,
          },
        },
      };
    },
  });
}

const same = (a: CounterpartFields, b: CounterpartVersion) =>
  JSON.stringify([
    a.identity?.normalized ?? null,
    a.givenName,
    a.familyName,
    a.description,
    a.relation,
    a.usesViolence,
    a.livesTogether,
    a.contact,
    a.whereabouts,
  ]) ===
  JSON.stringify([
    b.identity?.normalized ?? null,
    b.givenName,
    b.familyName,
    b.description,
    b.relation,
    b.usesViolence,
    b.livesTogether,
    b.contact.map((c) => ({ kind: c.kind, value: c.value })),
    b.whereabouts,
  ]);

export function changeCounterpart(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
  counterpartId: string,
  body: z.infer<typeof changeContract.body>,
): Promise<{ id: string; version: number }> {
  return execute(deps, ctx, {
    action: 'counterpart.correct',
    ...onCounterparts(ctx, caseId, 'counterpart.write'),
    run: async (trx, { row, person }) => {
      refuseClosed(row);
      const mayReadDetails = can(ctx.actor, 'counterpart.readDetails', {
        person,
        case: caseFacts(row),
        now: ctx.now,
      }).allowed;
      // Her file's counterparts, whichever of her cases they were told in.
      const latest = (await loadCounterpartHistory(trx, [row.person_id]))
        .filter((v) => v.id === counterpartId)
        .at(-1);
      if (!latest) throw new AppError('NOT_FOUND');
      let fields: CounterpartFields;
      let status: CounterpartVersion['status'];
      if (body.change === 'correction') {
        fields = await toFields(trx, ctx, row.person_id, body);
        if (!mayReadDetails) {
          // Her file is protected and this writer does not see his details: she corrects the
          // rest, and what she could not see stays as it was.
          if (fields.contact.length > 0 || fields.whereabouts !== null) {
            throw invalid([
              {
                path: 'body.contact',
                message:
                  'Kontaktuppgifter och vistelseort är skyddade. Bara handläggaren som är tilldelad ärendet kan ändra dem.',
              },
            ]);
          }
          fields = { ...fields, contact: latest.contact, whereabouts: latest.whereabouts };
        }
        // A correction of one ended or marked wrong by mistake makes it hold again.
        if (latest.status === 'current' && same(fields, latest)) {
          throw invalid([
            {
              path: 'body.givenName',
              message: 'Inget är ändrat. Ändra något, eller avsluta uppgiften.',
            },
          ]);
        }
        status = 'current';
      } else {
        const problem = statusChangeProblem(latest.status, body.status);
        if (problem) throw new AppError('STEP_OUT_OF_ORDER', { detail: problem });
        const { id: _i, version: _v, personId: _p, caseId: _c, status: _s, ...kept } = latest;
        const { changeReason: _r, recordedBy: _b, recordedAt: _a, ...rest } = kept;
        fields = rest;
        status = body.status;
      }
      const version = await appendCounterpartVersion(
        trx,
        latest,
        body.version,
        { recordedBy: ctx.actor.userId, now: ctx.now },
        { fields, status, reason: body.reason },
      );
      return {
        result: { id: counterpartId, version },
        audit: {
          personIds: [row.person_id],
          caseIds: [caseId],
          details: { counterpartId, version, change: body.change, status },
        },
      };
    },
  });
}
