import { can } from '../../core/policy/policy.ts';
import { execute } from '../command.ts';
import { caseFacts } from '../case-kernel/case-access.ts';
import { raiseSafetySignals } from '../case-kernel/safety-signals.ts';
import { AppError } from '../errors.ts';
import { systemContext } from '../http/action-context.ts';
import type { Db } from '../db/database.ts';
import type { ServiceDeps } from '../service-deps.ts';
import { eachDue } from './schedule.ts';

/**
 * The period-end job (issue 14 item 5): an insats ends not only when its uppdrag is ended or
 * broken off (features/commissions raises the signals then) but also when the period its beslut
 * granted simply runs out — a tillfälligt boende for him ends, so he may come home. The day after
 * the last day of the beslut's current version (a revised beslut that ends earlier counts from
 * its new last day), the job notes the end once and raises the safety signals of an insats ended
 * in the linked files, in one transaction. It acts as the system actor, whose only right here is
 * this one (`decision.notePeriodEnd`), and gains no access by it.
 */

/** Beslut whose granted period ended before `today`, not noted yet, with no uppdrag ended. */
async function duePeriodEnds(db: Db, today: string): Promise<string[]> {
  const rows = await db
    .selectFrom('decision as d')
    .innerJoin('decision_version as v', (join) =>
      join.onRef('v.decision_id', '=', 'd.id').onRef('v.version', '=', 'd.version'),
    )
    .select('d.id')
    .where('v.outcome', '<>', 'refused')
    .where('v.period_to', '<', today)
    .where((eb) =>
      eb.not(
        eb.or([
          eb.exists(
            eb
              .selectFrom('insats_period_end as e')
              .select('e.decision_id')
              .whereRef('e.decision_id', '=', 'd.id'),
          ),
          eb.exists(
            eb
              .selectFrom('commission as k')
              .select('k.id')
              .whereRef('k.decision_id', '=', 'd.id')
              .where('k.status', '=', 'ended'),
          ),
        ]),
      ),
    )
    .orderBy('d.id')
    .execute();
  return rows.map((r) => r.id);
}

/** Notes every period that has run out, each in its own command; returns the beslut noted. */
export async function runPeriodEnds(deps: ServiceDeps, clock: () => Date): Promise<string[]> {
  const ctx = systemContext('period-end', clock);
  // Another run noted one first, or its uppdrag was ended meanwhile: nothing left to do.
  return eachDue(await duePeriodEnds(deps.db, ctx.today), (decisionId) =>
    notePeriodEnd(deps, ctx, decisionId),
  );
}

function notePeriodEnd(
  deps: ServiceDeps,
  ctx: ReturnType<typeof systemContext>,
  decisionId: string,
) {
  return execute(deps, ctx, {
    action: 'decision.period_ended',
    load: async (trx) => {
      // The beslut's row lock first: a concurrent run (or revision) waits, then reads what holds.
      const decision = await trx
        .selectFrom('decision')
        .select(['id', 'case_id', 'version'])
        .where('id', '=', decisionId)
        .forUpdate()
        .executeTakeFirst();
      if (!decision) throw new AppError('NOT_FOUND');
      const [version, row, noted, ended] = await Promise.all([
        trx
          .selectFrom('decision_version')
          .select(['outcome', 'period_to', 'decided_role', 'intervention'])
          .where('decision_id', '=', decisionId)
          .where('version', '=', decision.version)
          .executeTakeFirstOrThrow(),
        trx
          .selectFrom('case')
          .select(['id', 'person_id', 'unit_id', 'assigned_user_id', 'status', 'routed_by'])
          .where('id', '=', decision.case_id)
          .executeTakeFirstOrThrow(),
        trx
          .selectFrom('insats_period_end')
          .select('decision_id')
          .where('decision_id', '=', decisionId)
          .executeTakeFirst(),
        trx
          .selectFrom('commission')
          .select('id')
          .where('decision_id', '=', decisionId)
          .where('status', '=', 'ended')
          .executeTakeFirst(),
      ]);
      return { version, row, noted: noted !== undefined, uppdragEnded: ended !== undefined };
    },
    authorize: (actor, f) =>
      can(actor, 'decision.notePeriodEnd', {
        case: caseFacts(f.row),
        outcome: f.version.outcome,
        periodTo: f.version.period_to,
        decidedRole: f.version.decided_role,
        today: ctx.today,
        noted: f.noted,
        uppdragEnded: f.uppdragEnded,
      }),
    run: async (trx, { version, row }) => {
      const periodTo = version.period_to ?? ctx.today;
      await trx
        .insertInto('insats_period_end')
        .values({ decision_id: decisionId, period_to: periodTo, noted_at: ctx.now })
        .execute();
      await raiseSafetySignals(
        trx,
        { personId: row.person_id, caseId: row.id, recordId: decisionId, now: ctx.now },
        { type: 'commission_ended', intervention: version.intervention },
      );
      return {
        result: decisionId,
        audit: { personIds: [row.person_id], caseIds: [row.id], details: { decisionId } },
      };
    },
  });
}
