import { signalDueOn, signalTargets, signalsFor } from '../../core/domain/safety-signals.ts';
import type { ReviewSubject, SignalEvent, StoredSignal } from '../../core/domain/safety-signals.ts';
import type { Db, Trx } from '../db/database.ts';
import { stockholmDate } from '../time.ts';
import { linkedPersons } from './counterparts.ts';

/**
 * Raises the safety signals of an event (core/domain/safety-signals.ts), in the event's own
 * transaction: the commands that make the events call this — an incident registered
 * (features/risk), an uppdrag ended (features/commissions). The targets are the open cases of the
 * persons linked to the event's person (relations that hold, counterparts in either file), as the
 * catalogue's rule chooses them; never the event's own case. The source is written for the audit
 * and never read for a view. Returns how many signals were raised (for the caller's tests only:
 * the count is not part of any answer, nor of the audit, so the event's author learns nothing of
 * the linked files either).
 */
export async function raiseSafetySignals(
  trx: Trx,
  source: { personId: string; caseId: string; recordId: string; now: Date },
  event: SignalEvent,
): Promise<number> {
  const signals = signalsFor(event);
  if (signals.length === 0) return 0;
  const links = await linkedPersons(trx, source.personId);
  if (links.length === 0) return 0;
  const raisedOn = stockholmDate(source.now);
  const rows = [];
  for (const signal of signals) {
    const persons = signalTargets(signal, source.personId, links);
    if (persons.length === 0) continue;
    const cases = await trx
      .selectFrom('case')
      .select(['id', 'person_id'])
      .where('person_id', 'in', persons)
      .where('status', '=', 'open')
      .where('id', '<>', source.caseId)
      .execute();
    for (const c of cases) {
      rows.push({
        kind: signal.kind,
        review: signal.review,
        target_case_id: c.id,
        target_person_id: c.person_id,
        raised_at: source.now,
        raised_on: raisedOn,
        due_on: signalDueOn(signal.review, raisedOn),
        source_case_id: source.caseId,
        source_record_id: source.recordId,
      });
    }
  }
  if (rows.length > 0) await trx.insertInto('safety_signal').values(rows).execute();
  return rows.length;
}

/**
 * The signals of these cases as the receiving cases read them: subject, days, and the handling
 * by the cases' own users. Never the kind, nor the source.
 */
export async function loadSignals(
  db: Db | Trx,
  caseIds: readonly string[],
): Promise<Map<string, StoredSignal[]>> {
  const result = new Map<string, StoredSignal[]>();
  if (caseIds.length === 0) return result;
  const rows = await db
    .selectFrom('safety_signal as s')
    .leftJoin('safety_signal_handled as h', 'h.signal_id', 's.id')
    .leftJoin('app_user as u', 'u.id', 'h.handled_by')
    .select([
      's.id',
      's.target_case_id',
      's.review',
      's.raised_at',
      's.raised_on',
      's.due_on',
      'h.handled_on',
      'h.handled_at',
      'u.display_name',
    ])
    .where('s.target_case_id', 'in', [...new Set(caseIds)])
    .orderBy('s.raised_at')
    .orderBy('s.id')
    .execute();
  for (const r of rows) {
    const list = result.get(r.target_case_id) ?? [];
    list.push({
      id: r.id,
      review: r.review,
      raisedAt: r.raised_at.toISOString(),
      raisedOn: r.raised_on,
      dueOn: r.due_on,
      handled:
        r.handled_on && r.handled_at
          ? { on: r.handled_on, at: r.handled_at.toISOString(), by: r.display_name ?? '' }
          : null,
    });
    result.set(r.target_case_id, list);
  }
  return result;
}

/** The open signals of the cases, per case: one due day per subject (for the deadlines). */
export async function openSignalDues(
  db: Db | Trx,
  caseIds: readonly string[],
): Promise<Map<string, { review: ReviewSubject; dueOn: string }[]>> {
  const result = new Map<string, { review: ReviewSubject; dueOn: string }[]>();
  if (caseIds.length === 0) return result;
  const rows = await db
    .selectFrom('safety_signal as s')
    .select(['s.target_case_id', 's.review', (eb) => eb.fn.min('s.due_on').as('due_on')])
    .where('s.target_case_id', 'in', [...new Set(caseIds)])
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('safety_signal_handled as h')
            .select('h.signal_id')
            .whereRef('h.signal_id', '=', 's.id'),
        ),
      ),
    )
    .groupBy(['s.target_case_id', 's.review'])
    .execute();
  for (const r of rows) {
    const list = result.get(r.target_case_id) ?? [];
    list.push({ review: r.review, dueOn: r.due_on });
    result.set(r.target_case_id, list);
  }
  return result;
}
