import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseSafetySignals } from '../../../core/contracts/safety-signals.ts';
import type { CaseDetail, CaseListItem } from '../../../core/contracts/cases.ts';
import { reviewPrompts, reviewedTexts, signalDueOn } from '../../../core/domain/safety-signals.ts';
import type { ReviewSubject } from '../../../core/domain/safety-signals.ts';
import type { Intervention } from '../../../core/domain/decisions.ts';
import { createUnit, createUser, intakePayload, loginAs } from '../../test/factories.ts';
import type { LoggedIn } from '../../test/factories.ts';
import { insertCommission, insertProvider } from '../../test/providers.ts';
import { createTestApp } from '../../test/test-app.ts';
import type { TestApp } from '../../test/test-app.ts';
import { stockholmDate } from '../../time.ts';
import { addDays } from '../../../core/domain/calendar.ts';
import { parseConfig } from '../../config.ts';
import { runPeriodEnds } from '../../jobs/period-ends.ts';

/**
 * Safety signals between files, through real HTTP: an event in one file — the perpetrator's
 * uppdrag ended, an incident registered, her stay in skyddat boende ended — prompts the open
 * cases of the linked persons, and only theirs, to review their risk work or safety plan. Every
 * answer of the receiving case that shows a signal (the case page, Mina ärenden, the signals and
 * the marking's answer) carries the catalogue's fixed text and dates only: none of the source
 * file's marker strings, its unit's name, its handläggare's name, nor its case's or person's id.
 */

let t: TestApp;
const today = stockholmDate(new Date());
const M = `SIGNALKALLA${randomUUID().slice(0, 8).toUpperCase()}`;
/** Every marker of a source file: none may appear in a receiving case's answers. */
const markers: string[] = [M];

type Worker = { session: LoggedIn; unitId: string; userId: string };
const workers: Record<'perp' | 'victim' | 'child', Worker> = {} as never;
const cases: Record<
  'perp' | 'victim' | 'child' | 'victim2' | 'unlinked' | 'closedChild',
  { caseId: string; personId: string }
> = {} as never;

async function worker(unitKind: 'adult' | 'children', name: string): Promise<Worker> {
  const unit = await createUnit(t.database.db, { name: `Enhet ${name}`, kind: unitKind });
  const user = await createUser(t.database.db, {
    username: name.toLowerCase(),
    grants: [
      { unitId: unit.id, role: unitKind === 'adult' ? 'adult_caseworker' : 'children_caseworker' },
    ],
  });
  return { session: await loginAs(t.app, user), unitId: unit.id, userId: user.id };
}

async function send(who: Worker, method: 'GET' | 'POST', url: string, payload?: object) {
  return t.app.inject({
    method,
    url,
    headers: who.session.headers,
    ...(payload ? { payload } : {}),
  });
}

let n = 0;
async function openCase(
  who: Worker,
  targetGroup: 'victim' | 'perpetrator' | 'child',
  givenName: string,
  content: string,
) {
  n += 1;
  const payload = intakePayload(who.unitId, {
    existing: false,
    newPerson: {
      identity: { kind: 'personnummer', number: personnummer(n) },
      givenName,
      familyName: `Familj${n}`,
      protectionLevel: 'none',
    },
  });
  payload.targetGroup = targetGroup;
  payload.intake.content = content;
  const res = await send(who, 'POST', '/api/intakes', payload);
  expect(res.statusCode, res.body).toBe(201);
  const { caseId } = res.json<{ caseId: string }>();
  const row = await t.database.db
    .selectFrom('case')
    .select('person_id')
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
  return { caseId, personId: row.person_id };
}

/** A valid personnummer for an adult born 1980–1989 (Luhn check digit). */
function personnummer(i: number) {
  const digits = `8${i % 10}0${1 + (i % 9)}1${i % 10}${String(100 + i).slice(-3)}`;
  let sum = 0;
  for (let k = 0; k < digits.length; k++) {
    const v = Number(digits.charAt(k)) * (k % 2 === 0 ? 2 : 1);
    sum += Math.floor(v / 10) + (v % 10);
  }
  return `19${digits}${(10 - (sum % 10)) % 10}`;
}

async function relate(
  personId: string,
  relatedPersonId: string,
  kind: 'partner' | 'parent_of',
  violence: 'none' | 'person_against_related',
) {
  await t.database.db
    .insertInto('person_relation')
    .values({
      person_id: personId,
      related_person_id: relatedPersonId,
      kind,
      violence,
      created_by: null,
    })
    .execute();
}

/** A version of a beslut, as a row (making one is another feature). */
async function decisionVersion(
  decisionId: string,
  version: number,
  intervention: Intervention,
  period: { to: string | null; outcome?: 'granted' | 'refused' },
) {
  await t.database.db
    .insertInto('decision_version')
    .values({
      decision_id: decisionId,
      version,
      kind: version === 1 ? 'original' : 'change',
      intervention,
      requested: `Insats ${M}.`,
      outcome: period.outcome ?? 'granted',
      motivation: `Motivering ${M}.`,
      legal_basis: '4 kap. 1 § SoL',
      appeal_instructions: period.outcome === 'refused' ? 'Beslutet kan överklagas.' : null,
      decided_on: addDays(today, -60),
      decided_by: workers.perp.userId,
      decided_role: 'adult_caseworker',
      notified_how: null,
      notified_on: null,
      change_reason: version === 1 ? null : `Ändrat ${M}.`,
      period_from: period.outcome === 'refused' ? null : addDays(today, -60),
      period_to: period.outcome === 'refused' ? null : period.to,
    })
    .execute();
}

/** A beslut on an insats in a case, as rows; by default granted with no end. */
async function decided(
  c: { caseId: string },
  intervention: Intervention,
  period: { to: string | null; outcome?: 'granted' | 'refused' } = { to: null },
) {
  const decision = await t.database.db
    .insertInto('decision')
    .values({ case_id: c.caseId })
    .returning('id')
    .executeTakeFirstOrThrow();
  await decisionVersion(decision.id, 1, intervention, period);
  return decision.id;
}

/** A granted beslut and an accepted uppdrag on it, as rows (sending one is another feature). */
async function runningCommission(
  c: { caseId: string; personId: string },
  intervention: Intervention,
  periodTo: string | null = null,
) {
  const db = t.database.db;
  const decision = { id: await decided(c, intervention, { to: periodTo }) };
  const providerName = `Utförare ${M} ${intervention} ${markers.length}`;
  markers.push(providerName);
  const providerId = await insertProvider(db, {
    unitId: null,
    interventions: [intervention],
    name: providerName,
  });
  return insertCommission(db, {
    caseId: c.caseId,
    decisionId: decision.id,
    personId: c.personId,
    providerId,
    createdBy: workers.perp.userId,
    status: 'accepted',
    intervention,
  });
}

async function signalsOf(caseId: string) {
  return t.database.db
    .selectFrom('safety_signal')
    .selectAll()
    .where('target_case_id', '=', caseId)
    .execute();
}

/** Every answer of the receiving case that shows a signal; asserted to carry no source marker. */
async function receivingAnswers(who: Worker, caseId: string) {
  const page = await send(who, 'GET', `/api/cases/${caseId}`);
  expect(page.statusCode, page.body).toBe(200);
  const mine = await send(who, 'GET', '/api/cases/mine');
  expect(mine.statusCode).toBe(200);
  const signals = await send(who, 'GET', `/api/cases/${caseId}/safety-signals`);
  expect(signals.statusCode, signals.body).toBe(200);
  return {
    page: page.json<CaseDetail>(),
    item: mine.json<{ items: CaseListItem[] }>().items.find((i) => i.id === caseId),
    signals: signals.json<CaseSafetySignals>(),
    bodies: [page.body, mine.body, signals.body],
  };
}

function expectNoSource(bodies: readonly string[], source: { caseId: string; personId: string }) {
  for (const body of bodies) {
    for (const marker of markers) expect(body).not.toContain(marker);
    expect(body).not.toContain(source.caseId);
    expect(body).not.toContain(source.personId);
    expect(body).not.toContain('insats_ended');
    expect(body).not.toContain('incident_registered');
    expect(body).not.toContain('left_shelter');
  }
}

/** The receiving case shows the prompt — in its deadlines, Mina ärenden and its signals — only. */
async function expectPrompt(
  who: Worker,
  caseId: string,
  review: ReviewSubject,
  source: { caseId: string; personId: string },
) {
  const due = signalDueOn(review, today);
  const kind = review === 'risk_assessment' ? 'risk_review_signal' : 'safety_plan_signal';
  const a = await receivingAnswers(who, caseId);
  expect(a.signals.open).toEqual([
    expect.objectContaining({ review, prompt: reviewPrompts[review], raisedOn: today, dueOn: due }),
  ]);
  expect(Object.keys(a.signals.open[0]!).sort()).toEqual([
    'dueOn',
    'id',
    'prompt',
    'raisedOn',
    'review',
  ]);
  expect(a.signals.mayHandle).toBe(true);
  expect(a.page.deadlines).toContainEqual({ kind, dueOn: due, status: 'due_soon' });
  expect(a.item?.deadlines).toContainEqual({ kind, dueOn: due, status: 'due_soon' });
  expectNoSource(a.bodies, source);
  // Marked reviewed: the answer says so with the fixed text, the day and the reader's own name.
  const handled = await send(
    who,
    'POST',
    `/api/cases/${caseId}/safety-signals/${a.signals.open[0]!.id}/handled`,
  );
  expect(handled.statusCode, handled.body).toBe(200);
  const after = handled.json<CaseSafetySignals>();
  expect(after.open).toEqual([]);
  expect(after.handled[0]).toMatchObject({ review, text: reviewedTexts[review], on: today });
  expectNoSource([handled.body], source);
  const again = await receivingAnswers(who, caseId);
  expect(again.page.deadlines.map((d) => d.kind)).not.toContain(kind);
  expect(again.item?.deadlines.map((d) => d.kind)).not.toContain(kind);
  // Nothing erased: the signal and its handling are both kept.
  const rows = await signalsOf(caseId);
  expect(rows.length).toBeGreaterThan(0);
  const audit = await t.database.db
    .selectFrom('audit_event')
    .select(['action', 'details'])
    .where('action', '=', 'safety_signal.handle')
    .execute();
  expect(audit.length).toBeGreaterThan(0);
}

beforeAll(async () => {
  t = await createTestApp();
  workers.perp = await worker('adult', `Kallenhet${M}`);
  workers.victim = await worker('adult', 'Mottagarenhet');
  workers.child = await worker('children', 'Barnenhet');
  markers.push(`Kallenhet${M}`.toLowerCase(), `Test kallenhet${M}`.toLowerCase());
  cases.perp = await openCase(workers.perp, 'perpetrator', `Han${M}`, `Uppgifter om honom ${M}`);
  cases.victim = await openCase(workers.victim, 'victim', 'Hon', 'Polisen underrättar.');
  cases.child = await openCase(workers.child, 'child', 'Barnet', 'Orosanmälan.');
  cases.victim2 = await openCase(workers.victim, 'victim', 'Hon2', 'Polisen underrättar igen.');
  cases.unlinked = await openCase(workers.victim, 'victim', 'Ingen', 'Inte släkt med någon.');
  cases.closedChild = await openCase(workers.child, 'child', 'Syskon', 'Orosanmälan.');
  await t.database.db
    .updateTable('case')
    .set({ status: 'closed', closed_at: new Date(), phase: 'closed' })
    .where('id', '=', cases.closedChild.caseId)
    .execute();
  // He uses violence against her; she is the child's parent; he is the sibling's parent.
  await relate(cases.perp.personId, cases.victim.personId, 'partner', 'person_against_related');
  await relate(cases.victim.personId, cases.child.personId, 'parent_of', 'none');
  await relate(cases.perp.personId, cases.closedChild.personId, 'parent_of', 'none');
  // The second victim's file records him as a counterpart by his identity number only.
  const perpNumber = await t.database.db
    .selectFrom('person')
    .select('identity_number')
    .where('id', '=', cases.perp.personId)
    .executeTakeFirstOrThrow();
  await t.database.db
    .insertInto('counterpart')
    .values({
      id: randomUUID(),
      version: 1,
      person_id: cases.victim2.personId,
      case_id: cases.victim2.caseId,
      identity_kind: 'personnummer',
      identity_number: perpNumber.identity_number,
      given_name: null,
      family_name: null,
      description: 'Före detta sambo',
      relation: 'former_partner',
      uses_violence: true,
      lives_together: false,
      recorded_by: workers.victim.userId,
    })
    .execute();
}, 120_000);
afterAll(async () => {
  await t.close();
});

describe('safety signals between files', () => {
  it("prompts her files to review the risk assessment when his insats ends or is broken off, and nobody else's", async () => {
    const commissionId = await runningCommission(cases.perp, 'support_sessions');
    const ended = await send(
      workers.perp,
      'POST',
      `/api/cases/${cases.perp.caseId}/commissions/${commissionId}/end`,
      { reason: `Han avbröt behandlingen ${M}`, version: 1 },
    );
    expect(ended.statusCode, ended.body).toBe(200);
    // The answer to the event's author says nothing of the linked files either.
    expect(ended.body).not.toContain(cases.victim.caseId);
    expect(ended.body).not.toMatch(/signal/i);

    expect(await signalsOf(cases.victim.caseId)).toEqual([
      expect.objectContaining({
        kind: 'insats_ended',
        review: 'risk_assessment',
        source_case_id: cases.perp.caseId,
        source_record_id: commissionId,
      }),
    ]);
    // Through the counterpart link (her file records his number) too.
    expect(await signalsOf(cases.victim2.caseId)).toHaveLength(1);
    // Not the child (no violence recorded against it), not his own case, not an unlinked case in
    // the same unit, not a closed case.
    for (const c of [cases.child, cases.perp, cases.unlinked, cases.closedChild]) {
      expect(await signalsOf(c.caseId)).toEqual([]);
    }
    await expectPrompt(workers.victim, cases.victim.caseId, 'risk_assessment', cases.perp);
    await expectPrompt(workers.victim, cases.victim2.caseId, 'risk_assessment', cases.perp);
  });

  it('prompts the child’s file when an incident is registered in hers, never his', async () => {
    const res = await send(workers.victim, 'POST', `/api/cases/${cases.victim.caseId}/incidents`, {
      occurredOn: today,
      description: `Han hotade henne igen ${M}`,
    });
    expect(res.statusCode, res.body).toBe(201);
    const toChild = await signalsOf(cases.child.caseId);
    expect(toChild).toEqual([
      expect.objectContaining({ kind: 'incident_registered', review: 'risk_assessment' }),
    ]);
    // Never the file of the one who uses violence against her.
    expect(await signalsOf(cases.perp.caseId)).toEqual([]);
    expect(await signalsOf(cases.unlinked.caseId)).toEqual([]);
    await expectPrompt(workers.child, cases.child.caseId, 'risk_assessment', cases.victim);
  });

  it('prompts her files when an incident is registered in his', async () => {
    const res = await send(workers.perp, 'POST', `/api/cases/${cases.perp.caseId}/incidents`, {
      occurredOn: today,
      description: `Polisanmälan om ny misshandel ${M}`,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect((await signalsOf(cases.victim.caseId)).map((s) => s.kind)).toContain(
      'incident_registered',
    );
    expect(
      (await signalsOf(cases.victim2.caseId)).filter((s) => s.kind === 'incident_registered'),
    ).toHaveLength(1);
    expect(await signalsOf(cases.unlinked.caseId)).toEqual([]);
    await expectPrompt(workers.victim, cases.victim.caseId, 'risk_assessment', cases.perp);
  });

  it('prompts the child’s safety plan when she leaves skyddat boende, never his file', async () => {
    const commissionId = await runningCommission(cases.victim, 'shelter');
    const ended = await send(
      workers.victim,
      'POST',
      `/api/cases/${cases.victim.caseId}/commissions/${commissionId}/end`,
      { reason: `Hon flyttar till en egen lägenhet ${M}`, version: 1 },
    );
    expect(ended.statusCode, ended.body).toBe(200);
    expect((await signalsOf(cases.child.caseId)).filter((s) => s.kind === 'left_shelter')).toEqual([
      expect.objectContaining({ review: 'safety_plan' }),
    ]);
    expect(await signalsOf(cases.perp.caseId)).toEqual([]);
    await expectPrompt(workers.child, cases.child.caseId, 'safety_plan', cases.victim);
  });

  it('shows open signals of a subject as one prompt, and marking it handles the earlier ones', async () => {
    for (const text of ['Första', 'Andra']) {
      const res = await send(workers.perp, 'POST', `/api/cases/${cases.perp.caseId}/incidents`, {
        occurredOn: today,
        description: `${text} ${M}`,
      });
      expect(res.statusCode).toBe(201);
    }
    const a = await receivingAnswers(workers.victim, cases.victim.caseId);
    expect(a.signals.open).toHaveLength(1);
    expect(a.page.deadlines.filter((d) => d.kind === 'risk_review_signal')).toHaveLength(1);
    const res = await send(
      workers.victim,
      'POST',
      `/api/cases/${cases.victim.caseId}/safety-signals/${a.signals.open[0]!.id}/handled`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.json<CaseSafetySignals>().open).toEqual([]);
    // Marking it again is refused with a sentence, and writes nothing.
    const again = await send(
      workers.victim,
      'POST',
      `/api/cases/${cases.victim.caseId}/safety-signals/${a.signals.open[0]!.id}/handled`,
    );
    expect(again.statusCode).toBe(409);
    // Another case's signal through this case is not found.
    const other = (await signalsOf(cases.victim2.caseId))[0]!;
    const wrong = await send(
      workers.victim,
      'POST',
      `/api/cases/${cases.victim.caseId}/safety-signals/${other.id}/handled`,
    );
    expect(wrong.statusCode).toBe(404);
  });

  it('prompts her files once when his insats’s period simply runs out — a revised beslut from its new last day — and not again', async () => {
    const deps = {
      db: t.database.db,
      config: parseConfig({ NODE_ENV: 'test' }),
      clock: () => new Date(),
    };
    const yesterday = addDays(today, -1);
    // His uppdrag ended before its period ran out: its end raised the signals then, not again.
    const commissionId = await runningCommission(cases.perp, 'support_sessions', yesterday);
    const ended = await send(
      workers.perp,
      'POST',
      `/api/cases/${cases.perp.caseId}/commissions/${commissionId}/end`,
      { reason: `Avslutad i förtid ${M}`, version: 1 },
    );
    expect(ended.statusCode, ended.body).toBe(200);
    await expectPrompt(workers.victim, cases.victim.caseId, 'risk_assessment', cases.perp);
    // His tillfälligt boende ran out yesterday; another runs through today; an avslag has no
    // period; and a beslut granted for a month was revised to end yesterday.
    const ranOut = await decided(cases.perp, 'temporary_housing', { to: yesterday });
    const endsToday = await decided(cases.perp, 'temporary_housing', { to: today });
    await decided(cases.perp, 'support_sessions', { to: yesterday, outcome: 'refused' });
    const revised = await decided(cases.perp, 'support_sessions', { to: addDays(today, 30) });
    await decisionVersion(revised, 2, 'support_sessions', { to: yesterday });
    await t.database.db
      .updateTable('decision')
      .set({ version: 2 })
      .where('id', '=', revised)
      .execute();
    const before = (await signalsOf(cases.victim.caseId)).length;

    const noted = await runPeriodEnds(deps, deps.clock);
    expect(noted).toEqual([ranOut, revised].sort());
    const fromJob = (rows: Awaited<ReturnType<typeof signalsOf>>) =>
      rows.filter((r) => noted.includes(r.source_record_id));
    expect(fromJob(await signalsOf(cases.victim.caseId))).toEqual([
      expect.objectContaining({
        kind: 'insats_ended',
        review: 'risk_assessment',
        source_case_id: cases.perp.caseId,
      }),
      expect.objectContaining({
        kind: 'insats_ended',
        review: 'risk_assessment',
        source_case_id: cases.perp.caseId,
      }),
    ]);
    expect(fromJob(await signalsOf(cases.victim2.caseId))).toHaveLength(2);
    for (const c of [cases.child, cases.perp, cases.unlinked, cases.closedChild]) {
      expect(fromJob(await signalsOf(c.caseId))).toEqual([]);
    }
    // Her case shows the one prompt, with nothing of his file in it.
    await expectPrompt(workers.victim, cases.victim.caseId, 'risk_assessment', cases.perp);
    // The job acted in no one's name, on the beslut, and says which.
    const audit = await t.database.db
      .selectFrom('audit_event')
      .select(['actor_user_id', 'purpose', 'details'])
      .where('action', '=', 'decision.period_ended')
      .execute();
    expect(audit).toHaveLength(2);
    for (const row of audit) {
      expect(row).toMatchObject({ actor_user_id: null, purpose: 'period_ended' });
      expect(noted).toContain((row.details as { decisionId: string }).decisionId);
    }

    // Run again: nothing new, however often.
    expect(await runPeriodEnds(deps, deps.clock)).toEqual([]);
    expect((await signalsOf(cases.victim.caseId)).length).toBe(before + 2);
    // Two days on, the one that ran through today has run out too.
    const later = () => new Date(Date.now() + 2 * 86_400_000);
    expect(await runPeriodEnds(deps, later)).toEqual([endsToday]);
    expect(await runPeriodEnds(deps, later)).toEqual([]);
    expect((await signalsOf(cases.victim.caseId)).length).toBe(before + 3);
  });

  it('lets no one but who may read the receiving case see its signals', async () => {
    const read = await send(
      workers.perp,
      'GET',
      `/api/cases/${cases.victim.caseId}/safety-signals`,
    );
    expect(read.statusCode).toBe(404);
    const signal = (await signalsOf(cases.victim.caseId))[0]!;
    const mark = await send(
      workers.perp,
      'POST',
      `/api/cases/${cases.victim.caseId}/safety-signals/${signal.id}/handled`,
    );
    expect(mark.statusCode).toBe(404);
  });
});
