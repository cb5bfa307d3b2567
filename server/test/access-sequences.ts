import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../core/contracts/cases.ts';
import type { CaseRisk } from '../../core/contracts/risk.ts';
import type { CaseConsents } from '../../core/contracts/consents.ts';
import type { FamilyView } from '../../core/contracts/family.ts';
import { isWorkingDay } from '../../core/domain/working-days.ts';
import { addDays } from '../../core/domain/calendar.ts';
import { parseConfig } from '../config.ts';
import { runHandovers } from '../jobs/handover.ts';
import type { ServiceDeps } from '../service-deps.ts';
import { stockholmDate } from '../time.ts';
import { createTestApp } from './test-app.ts';
import type { TestApp } from './test-app.ts';
import { intakePayload } from './factories.ts';
import { consentToProvider, signedFormPdf } from './consents.ts';
import { certificateContent } from './matrix-certificates.ts';
import { CANARY, buildWorld } from './world.ts';
import type { ActorName, World } from './world.ts';

/**
 * Access is granted, never taken — as random sequences of the demo actors' writes and reads.
 *
 * The model keeps a ledger of grants: which actor may reach which person, added to only by the
 * accountable acts of docs/SECURITY.md (a new person one registered, a matter in one's unit's
 * queue, assignment by the manager, taking from the queue, nödåtkomst) and by the test world's
 * starting facts. Commands register intakes with new and existing identities, link children,
 * relate persons, take from the queue, assign, start nödåtkomst and write safety plans, through
 * real HTTP; intakes are sent again with their Idempotency-Key, by their sender and by others, and
 * journal drafts saved and read, and socialjour's night intakes handed over to the day unit by
 * the handover job; uppdrag are sent to providers, and read, accepted and planned by anyone,
 * followed by the routes a provider must never reach; incidents registered raise safety signals,
 * read and marked reviewed by anyone. After every step, every actor tries to open the file and the protected details of
 * every person the step touched; any 200 without a grant in the ledger — or a canary of a
 * protected field in any response — fails, naming the sequence. Seeded and reproducible:
 * VARN_SEQ_SEED and VARN_SEQ_RUNS change the seed and the number of sequences.
 */

const SEED = Number(process.env.VARN_SEQ_SEED ?? 20261201);
const RUNS = Number(process.env.VARN_SEQ_RUNS ?? 20);
const MAX_STEPS = 20;

type Unit = keyof World['units'];
const caseworkers: Partial<Record<Unit, ActorName[]>> = {
  adult: ['assigned', 'colleague'],
  children: ['childrenWorker'],
  outOfHours: ['outOfHours'],
};
const managers: Partial<Record<Unit, ActorName[]>> = {
  adult: ['manager'],
  children: ['otherManager'],
};
const caseworkerUnit: Partial<Record<ActorName, Unit>> = {
  assigned: 'adult',
  colleague: 'adult',
  childrenWorker: 'children',
  outOfHours: 'outOfHours',
};
const everyone: ActorName[] = [
  'assigned',
  'colleague',
  'childrenWorker',
  'outOfHours',
  'manager',
  'otherManager',
  'provider',
  'otherProvider',
  'analyst',
  'admin',
];

/** The provider users of the world's providers: each reaches only its own provider's uppdrag. */
const providerUserOf: Record<keyof World['providers'], ActorName> = {
  own: 'provider',
  other: 'otherProvider',
};

interface KnownPerson {
  id: string;
  personnummer: string | null;
  protected: boolean;
}
interface KnownCase {
  id: string;
  personId: string;
  unit: Unit;
}
interface Model {
  persons: KnownPerson[];
  cases: KnownCase[];
  /** `${actor}|${personId}`: made by an accountable act, or a starting fact of the world. */
  grants: Set<string>;
  /** `${parentId}|${childId}`: a child linked by someone who could see it (or a new one). */
  parentOf: Set<string>;
  /** `${a}|${b}` both ways: partners related by someone who could see both. */
  partners: Set<string>;
  /** Intakes as sent, with their Idempotency-Key and first answer: for replays. */
  sent: SentIntake[];
  /** `${actor}|${caseId}` → the text of the journal draft that actor saved there last. */
  drafts: Map<string, string>;
  /** Uppdrag sent: to which of the world's providers, on which case. */
  commissions: KnownCommission[];
  /** Consents in the cases' registers, to a provider for uppdrag; revoked as the sequence goes. */
  consents: KnownConsent[];
  /** Samråd called from a case, with its provider and the children's unit taking part. */
  meetings: KnownMeeting[];
}
interface KnownMeeting {
  id: string;
  caseId: string;
  personId: string;
  holder: ActorName;
  provider: keyof World['providers'];
  providerParticipantId: string;
  childrenParticipantId: string;
  /** The consent the provider's presence was last grounded on; null on a legal basis. */
  groundConsent: KnownConsent | null;
  held: boolean;
}
interface KnownCommission {
  id: string;
  caseId: string;
  personId: string;
  provider: keyof World['providers'];
  consent: KnownConsent;
}
interface KnownConsent {
  id: string;
  caseId: string;
  provider: keyof World['providers'];
  revoked: boolean;
}
interface SentIntake {
  actor: ActorName;
  key: string;
  payload: object;
  status: number;
  body: string;
}

let t: TestApp;
let w: World;
let deps: ServiceDeps;
const model: Model = {
  persons: [],
  cases: [],
  grants: new Set(),
  parentOf: new Set(),
  partners: new Set(),
  sent: [],
  drafts: new Map(),
  commissions: [],
  consents: [],
  meetings: [],
};

/**
 * The household of a case as the model knows it from accountable writes alone: the children of
 * the case's person and of the person's partners.
 */
function inHousehold(c: KnownCase, childId: string): boolean {
  const parents = [
    c.personId,
    ...model.persons.map((p) => p.id).filter((id) => model.partners.has(`${c.personId}|${id}`)),
  ];
  return parents.some((parent) => model.parentOf.has(`${parent}|${childId}`));
}
const stats = {
  sequences: 0,
  households: 0,
  steps: 0,
  requests: 0,
  replays: 0,
  drafts: 0,
  handovers: 0,
  commissions: 0,
  providerActs: 0,
  counterparts: 0,
  relationChanges: 0,
  signalsSeen: 0,
  consents: 0,
  revocations: 0,
  signedFormsRead: 0,
  agencyOnConsent: 0,
  agencyRefusedOnRevoked: 0,
  certificates: 0,
  certificatesIssued: 0,
  fileRequests: 0,
  extractsReleased: 0,
  transfersRequested: 0,
  transferPackages: 0,
  refusedOnRevoked: 0,
  withheldSeen: 0,
  meetings: 0,
  meetingGrounds: 0,
  meetingsHeld: 0,
  meetingRefusedOnRevoked: 0,
  planRefusedOnRevoked: 0,
  meetingsCalledInActs: 0,
};
let serial = 0;

const grant = (actor: ActorName, personId: string) => model.grants.add(`${actor}|${personId}`);
const granted = (actor: ActorName, personId: string) => model.grants.has(`${actor}|${personId}`);
const unitId = (unit: Unit) => w.units[unit];
const unitOf = (id: string) =>
  (Object.keys(w.units) as Unit[]).find((u) => w.units[u] === id) ?? 'management';

/** A valid personnummer nobody else has: born 1960 onwards, serial 238, Luhn check digit. */
function freshPersonnummer(): string {
  const born = new Date(Date.UTC(1960, 0, 1) + serial++ * 86_400_000 * 3);
  const digits = `${String(born.getUTCFullYear()).slice(2)}${String(born.getUTCMonth() + 1).padStart(2, '0')}${String(born.getUTCDate()).padStart(2, '0')}238`;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const v = Number(digits.charAt(i)) * (i % 2 === 0 ? 2 : 1);
    sum += Math.floor(v / 10) + (v % 10);
  }
  return `${born.getUTCFullYear()}${digits.slice(2)}${(10 - (sum % 10)) % 10}`;
}

async function send(
  actor: ActorName,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  payload?: object,
  idempotencyKey?: string,
) {
  stats.requests++;
  const res = await t.app.inject({
    method,
    url,
    headers: {
      ...w.sessions[actor].headers,
      ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
    },
    ...(payload ? { payload } : {}),
  });
  expect(res.statusCode, `${actor} ${method} ${url}: ${res.body}`).toBeLessThan(500);
  return res;
}

/** The invariant, for one actor and one person: no file, no protected field, without a grant. */
async function checkCannotTake(actor: ActorName, person: KnownPerson) {
  const file = await send(actor, 'GET', `/api/persons/${person.id}`);
  if (file.statusCode === 200) {
    expect(granted(actor, person.id), `${actor} opened ${person.id} without a grant`).toBe(true);
  }
  const details = await send(actor, 'GET', `/api/persons/${person.id}/protected-details`);
  if (details.statusCode === 200) {
    expect(granted(actor, person.id), `${actor} read protected details without a grant`).toBe(true);
  }
  if (!granted(actor, person.id)) {
    expect(file.body + details.body).not.toContain(CANARY);
  }
  for (const c of model.cases.filter((k) => k.personId === person.id)) await checkFamily(actor, c);
}

/**
 * The family view of a case (issue 14), a read that must stay refused or masked after every
 * write: only to a reader of the case; a protected member by name, or a member the case's file
 * does not itself name, only to whoever holds a grant to that member's file; never a canary.
 */
async function checkFamily(actor: ActorName, c: KnownCase) {
  const res = await send(actor, 'GET', `/api/cases/${c.id}/family`);
  if (res.statusCode !== 200) {
    expect(res.statusCode).toBe(404);
    return;
  }
  expect(granted(actor, c.personId), `${actor} read a family view not granted`).toBe(true);
  expect(res.body).not.toContain(CANARY);
  for (const m of res.json<FamilyView>().members) {
    if (!m.person || 'masked' in m.person) {
      if (m.person) expect(m.cases).toEqual([]);
      continue;
    }
    if (m.person.protectionLevel !== 'none' || m.source === 'linked') {
      expect(
        granted(actor, m.person.id),
        `${actor} saw ${m.person.id} by name in a family view without a grant`,
      ).toBe(true);
    }
  }
}

async function sweep(personIds: readonly string[]) {
  for (const id of new Set(personIds)) {
    const person = model.persons.find((p) => p.id === id);
    if (!person) continue;
    for (const actor of everyone) await checkCannotTake(actor, person);
  }
}

const pick = <T>(items: readonly T[], index: number): T | undefined =>
  items.length === 0 ? undefined : items[index % items.length];

type Command = fc.AsyncCommand<Model, null>;
const always = () => true;

/** An intake about a new person, or about a known one by personnummer or by id. */
function registerIntake(
  actor: ActorName,
  target: 'new' | 'identity' | 'id',
  index: number,
  protectedNew: boolean,
  assignToMe: boolean,
): Command {
  return {
    check: always,
    async run() {
      const unit = caseworkerUnit[actor];
      const known = pick(
        model.persons.filter((p) => target === 'id' || p.personnummer),
        index,
      );
      if (!unit) return;
      const newNumber = freshPersonnummer();
      const person =
        target === 'new' || !known
          ? {
              existing: false,
              newPerson: {
                identity: { kind: 'personnummer', number: newNumber },
                givenName: 'Sekvens',
                familyName: `Ny${serial}`,
                protectionLevel: protectedNew ? 'protected_registration' : 'none',
              },
            }
          : target === 'id'
            ? { existing: true, personId: known.id }
            : {
                existing: false,
                newPerson: {
                  identity: { kind: 'personnummer', number: known.personnummer },
                  givenName: 'Gissad',
                  familyName: 'Person',
                  protectionLevel: 'none',
                },
              };
      const payload = intakePayload(unitId(unit), person, {
        assignToMe,
        // Socialjour's matters come in at night, so that the handover job has them to move.
        ...(unit === 'outOfHours' ? { receivedAt: lastWorkingNight() } : {}),
      });
      const key = randomUUID();
      const res = await submitIntake(actor, unit, payload, key, {
        known: target === 'new' ? undefined : known,
        newNumber,
        protectedNew,
        assignToMe,
      });
      model.sent.push({ actor, key, payload, status: res.statusCode, body: res.body });
    },
    toString: () => `intake(${actor}, ${target} #${index}, assignToMe=${assignToMe})`,
  };
}

/**
 * Sends an intake and brings the model up to date with its answer: a new person is the
 * registering user's; a matter on a known person is hers only if she already had the person, and
 * otherwise routed out of her reach.
 */
/**
 * The children an intake's household linked to its person. Any intake may carry a household —
 * also one sent again by another user with the first one's body, about a person who is known by
 * then and may be routed — so the model learns the links from every intake that was taken in. A known child is
 * linked only where the registrar could already reach it; a new one is a new person.
 */
async function learnHouseholdChildren(actor: ActorName, personId: string) {
  const linked = await t.database.db
    .selectFrom('person_relation')
    .select('related_person_id')
    .where('person_id', '=', personId)
    .where('kind', '=', 'parent_of')
    .execute();
  for (const { related_person_id: id } of linked) {
    if (model.parentOf.has(`${personId}|${id}`)) continue;
    if (model.persons.some((p) => p.id === id)) {
      expect(granted(actor, id), 'linked a known child not granted').toBe(true);
    } else {
      model.persons.push({ id, personnummer: null, protected: false });
    }
    model.parentOf.add(`${personId}|${id}`);
  }
}

/**
 * A known child's information routed to the unit responsible for its file: the matter is in that
 * unit's queue, unassigned, which grants its handläggare (not the sender) and manager the file —
 * the accountable act of the queue. Whether such a routed case was made.
 */
async function learnRoutedChild(actor: ActorName, childId: string): Promise<boolean> {
  const routed = await t.database.db
    .selectFrom('case')
    .select(['id', 'unit_id', 'assigned_user_id'])
    .where('person_id', '=', childId)
    .where('routed_by', '=', w.users[actor].id)
    .where(
      'id',
      'not in',
      model.cases.map((c) => c.id),
    )
    .executeTakeFirst();
  if (!routed) return false;
  expect(routed.assigned_user_id).toBeNull();
  const routedUnit = unitOf(routed.unit_id);
  model.cases.push({ id: routed.id, personId: childId, unit: routedUnit });
  for (const m of managers[routedUnit] ?? []) grant(m, childId);
  for (const c of caseworkers[routedUnit] ?? []) if (c !== actor) grant(c, childId);
  return true;
}

async function submitIntake(
  actor: ActorName,
  unit: Unit,
  payload: object,
  key: string,
  sent: {
    known: KnownPerson | undefined;
    newNumber: string;
    protectedNew: boolean;
    assignToMe: boolean;
  },
) {
  const { known, newNumber, protectedNew, assignToMe } = sent;
  const openBefore = known
    ? await t.database.db
        .selectFrom('case')
        .select('unit_id')
        .where('person_id', '=', known.id)
        .where('status', '=', 'open')
        .execute()
    : [];
  const res = await send(actor, 'POST', '/api/intakes', payload, key);
  if (res.statusCode !== 201) return res;
  const body = res.json<
    { outcome: 'registered'; caseId: string; personId: string } | { outcome: 'routed' }
  >();
  if (body.outcome === 'registered') {
    const isNew = !model.persons.some((p) => p.id === body.personId);
    if (isNew) {
      model.persons.push({
        id: body.personId,
        personnummer: newNumber,
        protected: protectedNew,
      });
      grant(actor, body.personId);
    } else {
      // Registered as her own only when she already had the person.
      expect(granted(actor, body.personId), 'registered on a file not granted').toBe(true);
    }
    model.cases.push({ id: body.caseId, personId: body.personId, unit });
    await learnHouseholdChildren(actor, body.personId);
    for (const m of managers[unit] ?? []) grant(m, body.personId);
    if (!assignToMe) for (const c of caseworkers[unit] ?? []) grant(c, body.personId);
    await sweep([body.personId]);
    return res;
  }
  // Routed: to a unit responsible for the file, out of the registering user's reach.
  if (!known) throw new Error('routed a new person');
  const routed = await t.database.db
    .selectFrom('case')
    .select(['id', 'unit_id', 'assigned_user_id'])
    .where('person_id', '=', known.id)
    .where('routed_by', '=', w.users[actor].id)
    // The one this intake made: the model knows every earlier case (the world's has some).
    .where(
      'id',
      'not in',
      model.cases.map((c) => c.id),
    )
    .executeTakeFirstOrThrow();
  expect(routed.assigned_user_id).toBeNull();
  if (openBefore.length > 0) {
    expect(openBefore.map((c) => c.unit_id)).toContain(routed.unit_id);
  }
  const routedUnit = unitOf(routed.unit_id);
  model.cases.push({ id: routed.id, personId: known.id, unit: routedUnit });
  await learnHouseholdChildren(actor, known.id);
  for (const m of managers[routedUnit] ?? []) grant(m, known.id);
  for (const c of caseworkers[routedUnit] ?? []) if (c !== actor) grant(c, known.id);
  await sweep([known.id]);
  return res;
}

/**
 * 03:00 in Stockholm on the last working day up to now: the night before a working morning,
 * when socialjour's matter is planned for the day unit that same day — so the job moves it now.
 */
function lastWorkingNight(): string {
  const now = new Date();
  // 02:00 UTC is 03:00 (CET) or 04:00 (CEST): night either way.
  const night = (day: string) => new Date(`${day}T02:00:00Z`);
  let day = stockholmDate(now);
  // Run in the small hours, today's night is still to come, and an intake is never received in
  // the future: the night is then the one before the last working morning.
  if (night(day) > now) day = addDays(day, -1);
  while (!isWorkingDay(day)) day = addDays(day, -1);
  return night(day).toISOString();
}

/**
 * The handover job runs (server/jobs/handover.ts): socialjour's planned matters move to the day
 * unit, unassigned, into its queue — which grants the unit's handläggare and manager the file,
 * an accountable act of the municipality's rules, not of anyone's write.
 */
function handover(): Command {
  return {
    check: always,
    async run() {
      const moved = await runHandovers(deps, () => new Date());
      for (const caseId of moved) {
        stats.handovers++;
        const row = await t.database.db
          .selectFrom('case')
          .select(['unit_id', 'person_id', 'assigned_user_id'])
          .where('id', '=', caseId)
          .executeTakeFirstOrThrow();
        expect(row.assigned_user_id, 'a handed-over case is unassigned').toBeNull();
        const unit = unitOf(row.unit_id);
        expect(unit, 'handed over to a day unit').not.toBe('outOfHours');
        const known = model.cases.find((c) => c.id === caseId);
        if (known) known.unit = unit;
        for (const a of [...(managers[unit] ?? []), ...(caseworkers[unit] ?? [])]) {
          grant(a, row.person_id);
        }
        await sweep([row.person_id]);
      }
    },
    toString: () => 'handover()',
  };
}

/**
 * An intake sent again with its Idempotency-Key. By its sender: the first answer, word for word,
 * and nothing registered twice. By anyone else: the key is not theirs, so it is a new intake of
 * their own, judged by the policy as any other — never the first sender's answer.
 */
function replayIntake(actor: ActorName, index: number): Command {
  return {
    check: always,
    async run() {
      const first = pick(model.sent, index);
      if (!first) return;
      // Her own earlier answer to this key, if she has one: her first intake, or her own replay.
      const own = model.sent.find(
        (m) => m.actor === actor && m.key === first.key && m.status === 201,
      );
      if (own) {
        const casesBefore = await countCases();
        const res = await send(actor, 'POST', '/api/intakes', own.payload, own.key);
        expect(res.statusCode, 'a replay answers as the first time').toBe(own.status);
        expect(res.body, 'a replay answers as the first time').toBe(own.body);
        expect(await countCases(), 'a replay registered the intake again').toBe(casesBefore);
        stats.replays++;
        return;
      }
      const unit = caseworkerUnit[actor];
      if (!unit) return;
      // Her own intake with the first one's body, to her own unit; the person may be known by now.
      const payload = { ...first.payload, unitId: unitId(unit) };
      const { person } = first.payload as {
        person: {
          personId?: string;
          newPerson?: { identity: { number: string }; protectionLevel: string };
        };
      };
      const number = person.newPerson?.identity.number;
      const known = model.persons.find(
        (p) => (number !== undefined && p.personnummer === number) || p.id === person.personId,
      );
      const res = await submitIntake(actor, unit, payload, first.key, {
        known,
        newNumber: number ?? '',
        protectedNew: person.newPerson?.protectionLevel === 'protected_registration',
        assignToMe: (first.payload as { assignToMe?: boolean }).assignToMe === true,
      });
      model.sent.push({ actor, key: first.key, payload, status: res.statusCode, body: res.body });
      // A routed answer names only the unit, and may well read the same; a registered one has ids.
      if (actor !== first.actor && first.body.includes('"registered"')) {
        expect(res.body, 'another user was given the first answer').not.toBe(first.body);
      }
    },
    toString: () => `replayIntake(${actor}, #${index})`,
  };
}

const countCases = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('case')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/**
 * A journal draft saved and read back on a case. A draft is its writer's own: saving one needs
 * the case (and gives nothing), and reading gives back one's own text, never another writer's.
 */
function journalDraft(actor: ActorName, caseIndex: number, save: boolean): Command {
  return {
    check: always,
    async run() {
      const c = pick(model.cases, caseIndex);
      if (!c) return;
      const url = `/api/cases/${c.id}/journal-draft`;
      const mine = `${actor}|${c.id}`;
      if (save) {
        const text = `Utkast av ${actor} ${serial++} ${CANARY}`;
        const res = await send(actor, 'PUT', url, {
          draft: { occurredOn: '', text, source: { kind: 'own_observation', detail: null } },
        });
        if (res.statusCode === 200) {
          expect(granted(actor, c.personId), `${actor} saved a draft on a case not granted`).toBe(
            true,
          );
          model.drafts.set(mine, text);
          stats.drafts++;
        }
      }
      const read = await send(actor, 'GET', url);
      if (read.statusCode === 200) {
        expect(granted(actor, c.personId), `${actor} read a draft on a case not granted`).toBe(
          true,
        );
        const { draft } = read.json<{ draft: { text: string } | null }>();
        expect(draft?.text, `${actor} read a draft that is not theirs`).toBe(
          model.drafts.get(mine),
        );
      } else {
        expect(read.body).not.toContain(CANARY);
      }
      await sweep([c.personId]);
    },
    toString: () => `journalDraft(${actor}, case #${caseIndex}, save=${save})`,
  };
}

/** A child in the household of a case: new, or a known person's personnummer. */
function linkChild(
  actor: ActorName,
  caseIndex: number,
  existing: boolean,
  personIndex: number,
  protectedNew: boolean,
): Command {
  return {
    check: always,
    async run() {
      const c = pick(model.cases, caseIndex);
      if (!c) return;
      const known = pick(
        model.persons.filter((p) => p.personnummer && p.id !== c.personId),
        personIndex,
      );
      const number = existing && known?.personnummer ? known.personnummer : null;
      const res = await send(actor, 'POST', `/api/cases/${c.id}/household-children`, {
        child: {
          identity: number ? { kind: 'personnummer', number } : null,
          givenName: 'Barn',
          familyName: `Sekvens${serial++}`,
          protectionLevel: protectedNew ? 'protected_registration' : 'none',
        },
      });
      if (res.statusCode !== 201) return;
      const body = res.json<{ outcome: 'linked'; childPersonId: string } | { outcome: 'routed' }>();
      if (body.outcome === 'routed') {
        if (known) {
          expect(await learnRoutedChild(actor, known.id), 'routed without a case').toBe(true);
          await sweep([known.id]);
        }
        return;
      }
      if (number && known) {
        expect(granted(actor, known.id), 'linked a child not granted').toBe(true);
      } else {
        model.persons.push({
          id: body.childPersonId,
          personnummer: null,
          protected: protectedNew,
        });
      }
      model.parentOf.add(`${c.personId}|${body.childPersonId}`);
      await sweep([body.childPersonId]);
    },
    toString: () => `linkChild(${actor}, case #${caseIndex}, existing=${existing})`,
  };
}

/**
 * An intake about a new person whose household names people already in Värn: a child with a
 * known person's personnummer (someone else's child, perhaps) and the person who uses violence
 * with another known person's number. A known child is linked only if the registrar already had
 * it; otherwise its information is routed and nothing is linked. The counterpart's number links
 * for the rules only and grants nothing.
 */
function intakeWithHousehold(
  actor: ActorName,
  childIndex: number,
  counterpartIndex: number,
  assignToMe: boolean,
): Command {
  return {
    check: always,
    async run() {
      const unit = caseworkerUnit[actor];
      if (!unit || unit === 'children') return;
      const numbered = model.persons.filter((p) => p.personnummer);
      const child = pick(numbered, childIndex);
      const counterpart = pick(numbered, counterpartIndex);
      const newNumber = freshPersonnummer();
      const payload = {
        ...intakePayload(
          unitId(unit),
          {
            existing: false,
            newPerson: {
              identity: { kind: 'personnummer', number: newNumber },
              givenName: 'Hushåll',
              familyName: `Ny${serial++}`,
              protectionLevel: 'none',
            },
          },
          { assignToMe, ...(unit === 'outOfHours' ? { receivedAt: lastWorkingNight() } : {}) },
        ),
        household: {
          adults: [
            {
              identity: counterpart?.personnummer
                ? { kind: 'personnummer', number: counterpart.personnummer }
                : null,
              givenName: 'Våld',
              familyName: 'Utövare',
              description: null,
              relation: 'partner',
              usesViolence: true,
              livesTogether: true,
            },
          ],
          children: [
            {
              givenName: 'Känt',
              familyName: 'Barn',
              identity:
                child?.personnummer && child.personnummer !== counterpart?.personnummer
                  ? { kind: 'personnummer', number: child.personnummer }
                  : null,
              statedAge:
                child?.personnummer && child.personnummer !== counterpart?.personnummer ? null : 5,
              guardian: true,
            },
          ],
        },
      };
      const key = randomUUID();
      const res = await submitIntake(actor, unit, payload, key, {
        known: undefined,
        newNumber,
        protectedNew: false,
        assignToMe,
      });
      model.sent.push({ actor, key, payload, status: res.statusCode, body: res.body });
      if (res.statusCode === 201) {
        stats.households++;
        const { personId } = res.json<{ personId: string }>();
        const linked = await t.database.db
          .selectFrom('person_relation')
          .select('related_person_id')
          .where('person_id', '=', personId)
          .execute();
        // A known child not linked: its information was routed to the unit responsible for its
        // file, whose handläggare and manager find it in their queue (as any routed matter).
        if (child && (await learnRoutedChild(actor, child.id))) {
          expect(linked.map((l) => l.related_person_id)).not.toContain(child.id);
        }
        expect(res.body).not.toContain(child?.id ?? 'no child');
        expect(res.body).not.toContain(counterpart?.id ?? 'no counterpart');
        // Nor does the new case's page name a known person the registrar could not reach.
        const { caseId } = res.json<{ caseId?: string }>();
        if (caseId) {
          const page = await send(actor, 'GET', `/api/cases/${caseId}`);
          for (const known of [child, counterpart]) {
            if (known && !granted(actor, known.id)) {
              expect(page.body, 'the case page named a person not granted').not.toContain(known.id);
            }
          }
        }
      }
      await sweep([...(child ? [child.id] : []), ...(counterpart ? [counterpart.id] : [])]);
    },
    toString: () =>
      `intakeWithHousehold(${actor}, child #${childIndex}, counterpart #${counterpartIndex}, assignToMe=${assignToMe})`,
  };
}

/** Take a case from one's unit's queue, or be assigned it by the manager. */
function assign(actor: ActorName, caseIndex: number, assignee: ActorName): Command {
  return {
    check: always,
    async run() {
      const c = pick(model.cases, caseIndex);
      if (!c) return;
      const before = await t.database.db
        .selectFrom('case')
        .select(['version', 'assigned_user_id', 'routed_by', 'unit_id', 'status'])
        .where('id', '=', c.id)
        .executeTakeFirstOrThrow();
      const res = await send(actor, 'POST', `/api/cases/${c.id}/assignment`, {
        userId: w.users[assignee].id,
        version: before.version,
      });
      if (res.statusCode !== 200) return;
      const byManager = (managers[c.unit] ?? []).includes(actor);
      if (!byManager) {
        // Taking from the queue: her own unit's, unassigned, and not a matter she routed there.
        expect(assignee).toBe(actor);
        expect(before.assigned_user_id).toBeNull();
        expect(before.routed_by).not.toBe(w.users[actor].id);
        expect(caseworkerUnit[actor]).toBe(c.unit);
      }
      grant(assignee, c.personId);
      await sweep([c.personId]);
    },
    toString: () => `assign(${actor}, case #${caseIndex} → ${assignee})`,
  };
}

function emergencyAccess(actor: ActorName, personIndex: number): Command {
  return {
    check: always,
    async run() {
      const person = pick(
        model.persons.filter((p) => p.personnummer),
        personIndex,
      );
      if (!person?.personnummer) return;
      const res = await send(actor, 'POST', '/api/emergency-access', {
        kind: 'personnummer',
        number: person.personnummer,
        reason: 'Akut läge i natt, personen behöver skydd.',
      });
      if (res.statusCode === 201) grant(actor, person.id);
      await sweep([person.id]);
    },
    toString: () => `nödåtkomst(${actor}, person #${personIndex})`,
  };
}

function relate(actor: ActorName, fromIndex: number, toIndex: number): Command {
  return {
    check: always,
    async run() {
      const from = pick(model.persons, fromIndex);
      const to = pick(model.persons, toIndex);
      if (!from || !to || from.id === to.id) return;
      const res = await send(actor, 'POST', `/api/persons/${from.id}/relations`, {
        otherPersonId: to.id,
        kind: 'partner',
        violence: 'related_against_person',
      });
      if (res.statusCode === 201) {
        expect(granted(actor, from.id) && granted(actor, to.id)).toBe(true);
        model.partners.add(`${from.id}|${to.id}`).add(`${to.id}|${from.id}`);
      }
      await sweep([from.id, to.id]);
    },
    toString: () => `relate(${actor}, #${fromIndex} ↔ #${toIndex})`,
  };
}

/**
 * Every read of a person through one of their cases: the case page and its counterparts. A 200
 * without a grant to the case's person fails, as for the file itself.
 */
async function checkCasesCannotBeTaken(actor: ActorName, personId: string) {
  for (const c of model.cases.filter((k) => k.personId === personId)) {
    for (const url of [`/api/cases/${c.id}`, `/api/cases/${c.id}/counterparts`]) {
      const res = await send(actor, 'GET', url);
      if (res.statusCode === 200) {
        expect(granted(actor, personId), `${actor} read ${url} without a grant`).toBe(true);
      }
    }
  }
}

/**
 * A counterpart recorded in the file of a case's person with the identity number of another
 * person in Värn (issue 14): the link is for the rules only, so the author gains nothing of that
 * person — no file, no protected field, no case of theirs, no counterpart list — and the answer
 * is the one an unknown number gets.
 */
function recordCounterpart(
  actor: ActorName,
  caseIndex: number,
  personIndex: number,
  usesViolence: boolean,
): Command {
  return {
    check: always,
    async run() {
      const c = pick(model.cases, caseIndex);
      const target = pick(
        model.persons.filter((p) => p.personnummer && p.id !== c?.personId),
        personIndex,
      );
      if (!c || !target?.personnummer) return;
      const res = await send(actor, 'POST', `/api/cases/${c.id}/counterparts`, {
        identity: { kind: 'personnummer', number: target.personnummer },
        givenName: null,
        familyName: null,
        description: 'Sekvensens motpart',
        relation: 'partner',
        usesViolence,
        livesTogether: 'unknown',
        contact: [],
        whereabouts: null,
      });
      if (res.statusCode === 201) {
        stats.counterparts++;
        expect(granted(actor, c.personId), 'recorded a counterpart in a file not granted').toBe(
          true,
        );
        expect(Object.keys(res.json<object>()).sort()).toEqual(['id', 'version']);
      }
      expect(res.body).not.toContain(CANARY);
      await sweep([target.id]);
      // The author, above all: every read of that person through a case of theirs.
      await checkCasesCannotBeTaken(actor, target.id);
    },
    toString: () => `counterpart(${actor}, case #${caseIndex} → person #${personIndex})`,
  };
}

/** A relation corrected or ended from one end's file: only by whoever may see both ends. */
function changeRelation(
  actor: ActorName,
  relationIndex: number,
  fromRelated: boolean,
  end: boolean,
): Command {
  return {
    check: always,
    async run() {
      const all = await t.database.db
        .selectFrom('person_relation')
        .select(['id', 'person_id', 'related_person_id', 'kind', 'violence', 'version', 'status'])
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      const relation = pick(all, relationIndex);
      if (!relation) return;
      const [viewer, other] = fromRelated
        ? [relation.related_person_id, relation.person_id]
        : [relation.person_id, relation.related_person_id];
      const res = await send(
        actor,
        'POST',
        `/api/persons/${viewer}/relations/${relation.id}/versions`,
        end && relation.status === 'current'
          ? { change: 'status', status: 'ended', reason: 'Sekvens.', version: relation.version }
          : {
              change: 'correction',
              kind: relation.kind === 'parent_of' && fromRelated ? 'child_of' : relation.kind,
              // Something changes: the violence, between two values that read the same both ways.
              violence: relation.violence === 'unknown' ? 'none' : 'unknown',
              guardian: false,
              reason: 'Sekvens.',
              version: relation.version,
            },
      );
      if (res.statusCode === 201) {
        stats.relationChanges++;
        expect(granted(actor, viewer) && granted(actor, other)).toBe(true);
      }
      await sweep([viewer, other]);
    },
    toString: () =>
      `changeRelation(${actor}, relation #${relationIndex}, fromRelated=${fromRelated}, end=${end})`,
  };
}

/** Read (and perhaps write) a safety plan, the case and its risk picture through a case. */
function throughCase(
  actor: ActorName,
  caseIndex: number,
  personIndex: number,
  write: boolean,
): Command {
  return {
    check: always,
    async run() {
      const c = pick(model.cases, caseIndex);
      if (!c) return;
      const detail = await send(actor, 'GET', `/api/cases/${c.id}`);
      if (detail.statusCode === 200) {
        expect(granted(actor, c.personId), `${actor} read a case not granted`).toBe(true);
        for (const duty of detail.json<CaseDetail>().childReportDuties) {
          if ('masked' in duty.child) continue;
          expect(
            inHousehold(c, duty.child.id) || granted(actor, duty.child.id),
            'a household child by name without a link made by an accountable act',
          ).toBe(true);
        }
      }
      const risk = await send(actor, 'GET', `/api/cases/${c.id}/risk`);
      if (risk.statusCode === 200) {
        for (const p of risk.json<CaseRisk>().persons) {
          expect(p.id === c.personId || inHousehold(c, p.id)).toBe(true);
        }
      }
      const person = pick(model.persons, personIndex);
      if (!person) return;
      const url = `/api/cases/${c.id}/safety-plans/${person.id}`;
      const plan = await send(actor, 'GET', url);
      if (plan.statusCode === 200) {
        expect(granted(actor, c.personId)).toBe(true);
        expect(person.id === c.personId || inHousehold(c, person.id)).toBe(true);
        if (write) {
          const version = plan.json<{ version: number }>().version;
          await send(actor, 'PUT', url, {
            version,
            items: [{ key: 'code_word', status: 'done', note: 'Kodord avtalat' }],
            reviewOn: null,
          });
        }
      }
      await sweep([c.personId, person.id]);
    },
    toString: () =>
      `throughCase(${actor}, case #${caseIndex}, person #${personIndex}, write=${write})`,
  };
}

/**
 * An uppdrag sent from a case to one of the world's providers (the beslut it rests on is written
 * as rows: a beslut grants no one anything). Sending needs the case and gives the sender nothing:
 * not the provider's view of the uppdrag, and no file the ledger does not already grant.
 */
function sendCommission(
  actor: ActorName,
  caseIndex: number,
  provider: keyof World['providers'],
  on?: KnownConsent,
): Command {
  return {
    check: always,
    async run() {
      const c = pick(model.cases, caseIndex);
      if (!c) return;
      const db = t.database.db;
      const today = new Date().toISOString().slice(0, 10);
      const decision = await db
        .insertInto('decision')
        .values({ case_id: c.id })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('decision_version')
        .values({
          decision_id: decision.id,
          version: 1,
          kind: 'original',
          intervention: 'shelter',
          requested: 'Skyddat boende.',
          outcome: 'granted',
          motivation: 'Hög risk.',
          legal_basis: '4 kap. 1 § SoL',
          appeal_instructions: null,
          decided_on: today,
          decided_by: w.users.assigned.id,
          decided_role: 'adult_caseworker',
          notified_how: null,
          notified_on: null,
          change_reason: null,
          period_from: today,
          period_to: null,
        })
        .execute();
      // The latest consent to this provider in the case's register; the person gives one (a
      // starting fact, as rows) where there is none.
      let consent =
        on ?? model.consents.findLast((k) => k.caseId === c.id && k.provider === provider);
      if (!consent) {
        const id = await consentToProvider(db, {
          caseId: c.id,
          providerId: w.providers[provider],
          recordedBy: w.users.assigned.id,
        });
        consent = { id, caseId: c.id, provider, revoked: false };
        model.consents.push(consent);
      }
      const res = await send(actor, 'POST', `/api/cases/${c.id}/commissions`, {
        decisionId: decision.id,
        providerId: w.providers[provider],
        what: 'Skyddat boende.',
        why: 'Hög risk för fortsatt våld.',
        period: { from: today, to: null },
        contact: 'Handläggaren, 08-111 11 11',
        categories: ['name', 'personal_identity_number', 'phone', 'children'],
        ground: { kind: 'consent', consentId: consent.id },
        language: null,
      });
      if (consent.revoked) {
        // Revoked mid-sequence: the next disclosure on it is refused — by the rule, naming the
        // consent, for whoever works the case.
        expect(res.statusCode, 'an uppdrag was sent on a revoked consent').not.toBe(201);
        if (res.statusCode === 409) {
          expect(res.body).toContain('återkallades');
          stats.refusedOnRevoked++;
        }
      }
      if (res.statusCode === 201) {
        expect(granted(actor, c.personId), `${actor} sent an uppdrag on a case not granted`).toBe(
          true,
        );
        expect(consent.revoked, 'an uppdrag was sent on a revoked consent').toBe(false);
        const { id } = res.json<{ id: string }>();
        model.commissions.push({ id, caseId: c.id, personId: c.personId, provider, consent });
        stats.commissions++;
        const view = await send(actor, 'GET', `/api/commissions/${id}`);
        expect(view.statusCode, 'the sender gained the provider’s view').toBe(404);
      } else {
        expect(res.body).not.toContain(CANARY);
      }
      await sweep([c.personId]);
    },
    toString: () => `sendCommission(${actor}, case #${caseIndex} → ${provider})`,
  };
}

/**
 * A consent recorded in a case's register (to one of the world's providers, for uppdrag), or a
 * consent revoked, by anyone. Only those who work the case may; neither gives its
 * author anything the ledger does not already grant.
 */
function consentActs(
  actor: ActorName,
  index: number,
  provider: keyof World['providers'],
  revoke: boolean,
): Command {
  return {
    check: always,
    async run() {
      const today = stockholmDate(new Date());
      const consent = revoke
        ? pick(
            model.consents.filter((k) => !k.revoked),
            index,
          )
        : undefined;
      const c = consent
        ? model.cases.find((k) => k.id === consent.caseId)
        : pick(model.cases, index);
      if (!c || (revoke && !consent)) return;
      if (consent) {
        const res = await send(
          actor,
          'POST',
          `/api/cases/${c.id}/consents/${consent.id}/revocation`,
          { revokedOn: today, how: 'Hon ringde och återkallade samtycket.' },
        );
        if (res.statusCode === 201) {
          expect(granted(actor, c.personId), `${actor} revoked a consent without a grant`).toBe(
            true,
          );
          consent.revoked = true;
          stats.revocations++;
          // The next disclosures on it: an uppdrag sent on it by the one who revoked it, and
          // the uppdrag already sent on it as their provider reads them.
          await sendCommission(actor, model.cases.indexOf(c), consent.provider, consent).run(
            model,
            null,
          );
          for (const [at, k] of model.commissions.entries()) {
            if (k.consent === consent) {
              await providerActs(providerUserOf[k.provider], at, 'read').run(model, null);
            }
          }
          // And a samråd presence of the provider grounded on it: refused, naming it.
          await groundOnRevoked(actor, c, consent);
          // And a SIP with the provider on it: refused, naming it.
          await planOnRevoked(actor, c, consent);
        } else {
          expect(res.body).not.toContain(CANARY);
        }
      } else {
        const res = await send(actor, 'POST', `/api/cases/${c.id}/consents`, {
          categories: ['name', 'personal_identity_number', 'phone', 'children'],
          purposes: ['commission', 'coordination_meeting', 'coordinated_plan'],
          purposeText: 'Att boendet ska kunna ta emot henne.',
          recipient: { kind: 'provider', providerId: w.providers[provider] },
          givenOn: today,
          validUntil: today,
          way: 'written',
          documentReference: null,
          document: { filename: 'samtycke.pdf', content: signedFormPdf.toString('base64') },
        });
        if (res.statusCode === 201) {
          expect(granted(actor, c.personId), `${actor} recorded a consent without a grant`).toBe(
            true,
          );
          const { id } = res.json<{ id: string }>();
          model.consents.push({ id, caseId: c.id, provider, revoked: false });
          stats.consents++;
          await readSignedForms(c, id);
        } else {
          expect(res.body).not.toContain(CANARY);
        }
        // And a disclosure to the police from the same case, by the same actor: run within this
        // act, so that the sequences drawn stay the same.
        await agencyActs(actor, model.cases.indexOf(c)).run(model, null);
      }
      await sweep([c.personId]);
    },
    toString: () =>
      `consentActs(${actor}, #${index} → ${provider}, ${revoke ? 'revoke' : 'record'})`,
  };
}

/**
 * Every actor tries the register and the signed form just attached: only a reader the policy
 * grants the person gets either, and the form comes back as it was attached.
 */
async function readSignedForms(c: { id: string; personId: string }, consentId: string) {
  for (const reader of everyone) {
    const list = await send(reader, 'GET', `/api/cases/${c.id}/consents`);
    if (list.statusCode !== 200) {
      expect(list.body).not.toContain(CANARY);
      continue;
    }
    expect(granted(reader, c.personId), `${reader} read a register not granted`).toBe(true);
    const consent = list.json<CaseConsents>().consents.find((k) => k.id === consentId);
    const documentId = consent?.documents[0]?.id ?? '';
    const file = await send(
      reader,
      'GET',
      `/api/cases/${c.id}/consents/${consentId}/documents/${documentId}`,
    );
    expect(file.statusCode, `${reader} could list but not fetch the signed form`).toBe(200);
    expect(file.rawPayload.equals(signedFormPdf)).toBe(true);
    stats.signedFormsRead++;
  }
}

const legalGround = {
  kind: 'legal',
  basis: 'secrecyNecessaryDisclosure',
  secrecyTest: 'Deltagaren behöver uppgifterna för att samordna stödet till henne.',
};

/** A samråd called from a case by the actor, with the provider and the children's unit. */
async function callMeetingOn(
  actor: ActorName,
  c: KnownCase,
  provider: keyof World['providers'],
): Promise<KnownMeeting | undefined> {
  const res = await send(actor, 'POST', `/api/cases/${c.id}/meetings`, {
    plannedOn: stockholmDate(new Date()),
    purpose: 'Samordna stödet.',
    participants: [
      { kind: 'provider', providerId: w.providers[provider], name: 'Lena Ek', role: 'Boendestöd' },
      { kind: 'unit', unitId: w.units.children, name: 'Eva Ek', role: 'Socialsekreterare' },
    ],
    followsId: null,
  });
  if (res.statusCode !== 201) {
    expect(res.body).not.toContain(CANARY);
    return undefined;
  }
  expect(granted(actor, c.personId), `${actor} called a samråd on a file without a grant`).toBe(
    true,
  );
  const { id } = res.json<{ id: string }>();
  const view = await send(actor, 'GET', `/api/meetings/${id}`);
  expect(view.statusCode, 'the holder cannot read the samråd').toBe(200);
  const { participants } = view.json<{
    participants: { id: string; recipient: { kind: string; id: string | null } }[];
  }>();
  const of = (kind: string, rid: string) =>
    participants.find((p) => p.recipient.kind === kind && p.recipient.id === rid)?.id ?? '';
  const meeting: KnownMeeting = {
    id,
    caseId: c.id,
    personId: c.personId,
    holder: actor,
    provider,
    providerParticipantId: of('provider', w.providers[provider]),
    childrenParticipantId: of('unit', w.units.children),
    groundConsent: null,
    held: false,
  };
  model.meetings.push(meeting);
  stats.meetings++;
  return meeting;
}

/**
 * Both presences at a samråd grounded by the actor: the provider's on the file's newest consent
 * to it that holds (a revoked one is groundOnRevoked's), else on a legal basis.
 */
async function groundPresences(actor: ActorName, m: KnownMeeting) {
  const consent = [...model.consents]
    .reverse()
    .find((k) => k.caseId === m.caseId && k.provider === m.provider && !k.revoked);
  for (const [participantId, ground] of [
    [m.providerParticipantId, consent ? { kind: 'consent', consentId: consent.id } : legalGround],
    [m.childrenParticipantId, legalGround],
  ] as const) {
    const res = await send(actor, 'POST', `/api/cases/${m.caseId}/meetings/${m.id}/grounds`, {
      participantId,
      categories: ['name'],
      ground,
    });
    if (res.statusCode === 201) {
      expect(granted(actor, m.personId), `${actor} grounded a presence without a grant`).toBe(true);
      expect(m.held, 'a presence grounded after the samråd was held').toBe(false);
      if (participantId === m.providerParticipantId) m.groundConsent = consent ?? null;
      stats.meetingGrounds++;
    } else {
      expect(res.body).not.toContain(CANARY);
    }
  }
}

/** The minutes of a samråd written by the actor, one point in its file: only its holder may. */
async function holdMinutes(actor: ActorName, m: KnownMeeting) {
  const res = await send(actor, 'POST', `/api/meetings/${m.id}/minutes`, {
    heldOn: stockholmDate(new Date()),
    followUpOn: null,
    items: [{ caseId: m.caseId, kind: 'decision', text: pointOf(m), owner: null, dueOn: null }],
  });
  if (res.statusCode === 201) {
    expect(actor, `${actor} held another's samråd`).toBe(m.holder);
    expect(m.groundConsent?.revoked ?? false, 'held on a revoked consent').toBe(false);
    expect(m.held, 'minutes written twice').toBe(false);
    m.held = true;
    stats.meetingsHeld++;
  } else {
    expect(res.body).not.toContain(CANARY);
  }
}

/** The text of a samråd's one point, to find it in what a reader is answered. */
const pointOf = (m: KnownMeeting) => `SAMRADSPUNKT ${m.id}`;

/** A SIP with the provider taking part on a revoked consent: refused, naming it. */
async function planOnRevoked(actor: ActorName, c: KnownCase, consent: KnownConsent) {
  const res = await send(actor, 'POST', `/api/cases/${c.id}/plans`, {
    kind: 'sip',
    needs: 'Boende och stöd.',
    participants: [
      {
        participant: {
          kind: 'provider',
          providerId: w.providers[consent.provider],
          name: 'Lena Ek',
          role: 'Boendestöd',
        },
        responsibility: 'Ger boendestöd.',
        consentId: consent.id,
      },
    ],
    othersDo: '',
    overallResponsible: 0,
    followUpOn: stockholmDate(new Date()),
    categories: ['name'],
  });
  expect(res.statusCode, 'a SIP on a revoked consent').toBe(409);
  expect(res.body).toContain('återkallades');
  stats.planRefusedOnRevoked++;
}

/**
 * A disclosure to the police from a case (issue 16, item 2): on her consent to the police,
 * recorded by the actor, then revoked — the next disclosure on it is refused, naming the
 * revocation. Only who works the open case gets any of it in, and every reader of the case's
 * disclosures is granted the case.
 */
function agencyActs(actor: ActorName, caseIndex: number): Command {
  return {
    check: always,
    async run() {
      const c = pick(model.cases, caseIndex);
      if (!c) return;
      const today = stockholmDate(new Date());
      const url = `/api/cases/${c.id}/agency-disclosures`;
      const disclose = (ground: object) =>
        send(actor, 'POST', url, {
          agency: { kind: 'police', name: 'Polisen' },
          receivedBy: null,
          disclosedOn: today,
          way: 'oral',
          categories: ['name', 'violence'],
          what: 'Hoten i går och var han finns.',
          riskAssessmentId: null,
          ground,
        });
      const consent = await send(actor, 'POST', `/api/cases/${c.id}/consents`, {
        categories: ['name', 'violence'],
        purposes: ['agency_disclosure'],
        purposeText: 'Att polisen får veta om hoten.',
        recipient: { kind: 'agency', name: 'Polisen' },
        givenOn: today,
        validUntil: today,
        way: 'oral',
        documentReference: null,
      });
      if (consent.statusCode === 201) {
        expect(granted(actor, c.personId), `${actor} recorded a consent without a grant`).toBe(
          true,
        );
        const consentId = consent.json<{ id: string }>().id;
        const first = await disclose({ kind: 'consent', consentId });
        expect(first.statusCode, first.body).toBe(201);
        stats.agencyOnConsent++;
        const revoked = await send(
          actor,
          'POST',
          `/api/cases/${c.id}/consents/${consentId}/revocation`,
          { revokedOn: today, how: 'Hon ringde och återkallade samtycket.' },
        );
        expect(revoked.statusCode, revoked.body).toBe(201);
        const again = await disclose({ kind: 'consent', consentId });
        expect(again.statusCode, 'a disclosure on a revoked consent').toBe(409);
        expect(again.body).toContain('återkallades');
        stats.agencyRefusedOnRevoked++;
      } else {
        const legal = await disclose({
          kind: 'legal',
          basis: 'secrecyViolencePrevention',
          secrecyTest: 'Uppgifterna behövs för att polisen ska kunna förebygga våld mot henne.',
        });
        expect(legal.statusCode, `${actor} disclosed from a case it may not work`).not.toBe(201);
        expect(legal.body).not.toContain(CANARY);
      }
      for (const reader of everyone) {
        const list = await send(reader, 'GET', url);
        if (list.statusCode === 200) {
          expect(granted(reader, c.personId), `${reader} read disclosures not granted`).toBe(true);
        } else {
          expect(list.body).not.toContain(CANARY);
        }
      }
      // And an intyg from the same case, by the same actor.
      await certificateChain(actor, c);
      await fileRequestChain(actor, c);
      await transferChain(actor, c);
      await sweep([c.personId]);
    },
    toString: () => `agencyActs(${actor}, #${caseIndex})`,
  };
}

/**
 * An intyg written by the actor, then reviewed by every actor in turn and issued: no one reviews
 * what they wrote, only a reader the policy grants the person reviews or reads it, and only an
 * approved version leaves. Writing it grants its writer nothing.
 */
async function certificateChain(actor: ActorName, c: { id: string; personId: string }) {
  const url = `/api/cases/${c.id}/certificates`;
  const written = await send(actor, 'POST', url, certificateContent);
  if (written.statusCode !== 201) {
    expect(written.body).not.toContain(CANARY);
    return;
  }
  expect(granted(actor, c.personId), `${actor} wrote an intyg without a grant`).toBe(true);
  stats.certificates++;
  const { id } = written.json<{ id: string }>();
  let approvedBy: ActorName | undefined;
  for (const reviewer of everyone) {
    const review = await send(reviewer, 'POST', `${url}/${id}/reviews`, {
      version: 1,
      outcome: 'approved',
      comment: null,
      confirmed: { purposeClear: true, factsOnly: true, sourcesShown: true },
    });
    if (review.statusCode === 201) {
      expect(reviewer, 'the writer reviewed their own intyg').not.toBe(actor);
      expect(granted(reviewer, c.personId), `${reviewer} reviewed an intyg not granted`).toBe(true);
      approvedBy ??= reviewer;
    } else {
      expect(review.body).not.toContain(CANARY);
    }
  }
  const issued = await send(actor, 'POST', `${url}/${id}/issue`, { version: 1 });
  expect(issued.statusCode, issued.body).toBe(approvedBy ? 200 : 409);
  if (approvedBy) stats.certificatesIssued++;
  for (const reader of everyone) {
    const pdf = await send(reader, 'GET', `${url}/${id}/intyg.pdf`);
    if (pdf.statusCode === 200) {
      expect(granted(reader, c.personId), `${reader} printed an intyg not granted`).toBe(true);
    } else {
      expect(pdf.body).not.toContain(CANARY);
    }
  }
}

/**
 * A request to see the file, registered and drafted by the actor, approved by whoever may, and
 * released: only the enhetschef of the file's unit approves — never the drafter — only an
 * approved extract leaves, and only a reader the policy grants the person prints it.
 */
async function fileRequestChain(actor: ActorName, c: { id: string; personId: string }) {
  const url = `/api/cases/${c.id}/file-requests`;
  const registered = await send(actor, 'POST', url, {
    requestedOn: stockholmDate(new Date()),
    requester: { kind: 'person', name: null },
  });
  if (registered.statusCode !== 201) {
    expect(registered.body).not.toContain(CANARY);
    return;
  }
  expect(granted(actor, c.personId), `${actor} registered a request without a grant`).toBe(true);
  const { id } = registered.json<{ id: string }>();
  const drafted = await send(actor, 'POST', `${url}/${id}/versions`, { version: 0, choices: [] });
  expect(drafted.statusCode, drafted.body).toBe(201);
  stats.fileRequests++;
  let approved = false;
  for (const approver of everyone) {
    const res = await send(approver, 'POST', `${url}/${id}/approvals`, { version: 1 });
    if (res.statusCode === 201) {
      expect(approver, 'the drafter approved the extract').not.toBe(actor);
      expect(granted(approver, c.personId), `${approver} approved an extract not granted`).toBe(
        true,
      );
      approved = true;
    } else {
      expect(res.body).not.toContain(CANARY);
    }
  }
  const released = await send(actor, 'POST', `${url}/${id}/release`, {
    version: 1,
    delivery: { way: 'handed_over', channel: null },
  });
  expect(released.statusCode, released.body).toBe(approved ? 200 : 409);
  if (approved) stats.extractsReleased++;
  for (const reader of everyone) {
    const pdf = await send(reader, 'GET', `${url}/${id}/extract.pdf`);
    if (pdf.statusCode === 200) {
      expect(granted(reader, c.personId), `${reader} printed an extract not granted`).toBe(true);
    } else {
      expect(pdf.body).not.toContain(CANARY);
    }
  }
}

/**
 * A transfer to another municipality requested by the actor, decided by whoever may, accepted
 * and packaged: only the enhetschef of the file's unit decides — never the one who asked — and
 * only a reader the policy grants the person downloads the package. Asking grants nothing.
 */
async function transferChain(actor: ActorName, c: { id: string; personId: string }) {
  const url = `/api/cases/${c.id}/transfers`;
  const ask = () =>
    send(actor, 'POST', url, {
      receivingMunicipality: 'Mottagarkommunen',
      channel: { kind: 'email', value: 'socialtjansten@mottagarkommunen.example' },
      grounds: 'Hennes syster bor där.',
      wishes: 'Hon vill flytta dit.',
      duration: 'Minst ett år.',
    });
  let requested = await ask();
  // A case in förhandsbedömning is not moved: whoever may work it makes the förhandsbedömning
  // first (her consent, an utredning opened), and asks again.
  if (requested.statusCode === 409 && requested.body.includes('Gör förhandsbedömningen först')) {
    const version = async () =>
      (await send(actor, 'GET', `/api/cases/${c.id}`)).json<{ version: number }>().version;
    const consented = await send(actor, 'POST', `/api/cases/${c.id}/application`, {
      kind: 'consent',
      form: 'oral',
      receivedOn: stockholmDate(new Date()),
      note: 'Samtycker till utredning.',
      version: await version(),
    });
    const opened = await send(actor, 'POST', `/api/cases/${c.id}/preliminary-assessment`, {
      outcome: 'open_investigation',
      template: 'victim',
      reason: 'Utredning inleds.',
      version: await version(),
    });
    if (consented.statusCode !== 201 || opened.statusCode !== 201) return;
    requested = await ask();
  }
  if (requested.statusCode !== 201) {
    expect(requested.body).not.toContain(CANARY);
    return;
  }
  expect(granted(actor, c.personId), `${actor} asked for a transfer without a grant`).toBe(true);
  stats.transfersRequested++;
  const { id } = requested.json<{ id: string }>();
  let decided = false;
  for (const decider of everyone) {
    const res = await send(decider, 'POST', `${url}/${id}/approval`, {});
    if (res.statusCode === 201) {
      expect(decider, 'the one who asked decided the transfer').not.toBe(actor);
      expect(granted(decider, c.personId), `${decider} decided a transfer not granted`).toBe(true);
      decided = true;
    } else {
      expect(res.body).not.toContain(CANARY);
    }
  }
  const answered = await send(actor, 'POST', `${url}/${id}/answer`, {
    outcome: 'accepted',
    decidedOn: stockholmDate(new Date()),
    reference: null,
    comment: null,
  });
  expect(answered.statusCode, answered.body).toBe(decided ? 201 : 409);
  if (!decided) return;
  const packaged = await send(actor, 'POST', `${url}/${id}/package`, { leaveOut: [] });
  // Refused only by the guard (a protected person's address in a document), with its sentence.
  if (packaged.statusCode === 409) {
    expect(packaged.body).toContain('Skyddade personuppgifter följer aldrig med paketet');
    return;
  }
  expect(packaged.statusCode, packaged.body).toBe(201);
  stats.transferPackages++;
  for (const reader of everyone) {
    const file = await send(reader, 'GET', `${url}/${id}/package.json`);
    if (file.statusCode === 200) {
      expect(granted(reader, c.personId), `${reader} downloaded a package not granted`).toBe(true);
    } else {
      expect(file.body).not.toContain(CANARY);
    }
  }
}

/** The provider's presence at a samråd on the file, grounded on a revoked consent: refused. */
async function groundOnRevoked(actor: ActorName, c: KnownCase, consent: KnownConsent) {
  const meeting =
    model.meetings.find((m) => m.caseId === c.id && m.provider === consent.provider && !m.held) ??
    (await callMeetingOn(actor, c, consent.provider));
  if (!meeting) return;
  const res = await send(actor, 'POST', `/api/cases/${c.id}/meetings/${meeting.id}/grounds`, {
    participantId: meeting.providerParticipantId,
    categories: ['name'],
    ground: { kind: 'consent', consentId: consent.id },
  });
  expect(res.statusCode, 'a samråd presence grounded on a revoked consent').toBe(409);
  expect(res.body).toContain('återkallades');
  stats.meetingRefusedOnRevoked++;
}

/**
 * Samråd by anyone: called from a case, its presences grounded (the provider's on a consent of
 * the file when there is one), held, read. Only who works the file calls it or grounds for it;
 * only its holder holds it; a revoked consent never grounds a presence nor lets it be held; and
 * no one who may not read the file reads its points through the samråd.
 */
function meetingActs(
  actor: ActorName,
  index: number,
  act: 'call' | 'ground' | 'hold' | 'read',
): Command {
  return {
    check: always,
    async run() {
      if (act === 'call') {
        const c = pick(model.cases, index);
        if (!c) return;
        // Called, grounded and held at once by its caller, so that the sequences read held
        // samråd; those called on a revoked consent (groundOnRevoked) stay open to the acts.
        const m = await callMeetingOn(actor, c, index % 2 === 0 ? 'own' : 'other');
        if (m) {
          stats.meetingsCalledInActs++;
          await groundPresences(actor, m);
          await holdMinutes(actor, m);
        }
        await sweep([c.personId]);
        return;
      }
      const m = pick(model.meetings, index);
      if (!m) return;
      const point = pointOf(m);
      if (act === 'ground') await groundPresences(actor, m);
      if (act === 'hold') await holdMinutes(actor, m);
      const read = await send(actor, 'GET', `/api/meetings/${m.id}`);
      expect(read.body).not.toContain(CANARY);
      if (read.body.includes(point)) {
        expect(granted(actor, m.personId), `${actor} read a file's points through a samråd`).toBe(
          true,
        );
      }
      await sweep([m.personId]);
    },
    toString: () => `meetingActs(${actor}, #${index}, ${act})`,
  };
}

/**
 * The provider's work on an uppdrag — read it, accept it, write its plan — by anyone, then the
 * routes a provider must never reach: the case, its journal and utredning, the person. Only the
 * uppdrag's own provider's user gets the uppdrag, and then only what it shares.
 */
function providerActs(
  actor: ActorName,
  commissionIndex: number,
  act: 'read' | 'accept' | 'plan',
): Command {
  return {
    check: always,
    async run() {
      const inbox = await send(actor, 'GET', '/api/commissions');
      if (inbox.statusCode === 200) {
        const mine = Object.entries(providerUserOf).find(([, user]) => user === actor)?.[0];
        for (const item of inbox.json<{ items: { id: string }[] }>().items) {
          const known = model.commissions.find((k) => k.id === item.id);
          if (known)
            expect(known.provider, `${actor} listed another provider's uppdrag`).toBe(mine);
        }
      }
      const k = pick(model.commissions, commissionIndex);
      if (!k) return;
      stats.providerActs++;
      const own = providerUserOf[k.provider] === actor;
      const url = `/api/commissions/${k.id}`;
      const read = await send(actor, 'GET', url);
      expect(read.statusCode, `${actor} read uppdrag of ${k.provider}`).toBe(own ? 200 : 404);
      expect(read.body).not.toContain(CANARY);
      if (own && k.consent.revoked) {
        // What it shared is withheld from the moment its consent was revoked.
        const view = read.json<{ withheld: string | null; shared: Record<string, unknown> }>();
        expect(view.withheld, 'a revoked consent still shared').toContain('återkallades');
        expect(Object.values(view.shared).every((v) => v === null)).toBe(true);
        stats.withheldSeen++;
      }
      const { version, status } = await t.database.db
        .selectFrom('commission')
        .select(['version', 'status'])
        .where('id', '=', k.id)
        .executeTakeFirstOrThrow();
      if (act === 'accept') {
        const res = await send(actor, 'POST', `${url}/response`, {
          answer: 'accept',
          reason: null,
          version,
        });
        if (!own) expect(res.statusCode).toBe(404);
        else expect(res.statusCode).toBe(status === 'sent' ? 200 : 409);
      }
      if (act === 'plan') {
        const res = await send(actor, 'POST', `${url}/plan`, {
          goals: 'Trygghet.',
          actions: 'Boende.',
          schedule: 'Varje vecka.',
          participation: 'Tillsammans med henne.',
          planVersion: 0,
        });
        if (!own) expect(res.statusCode).toBe(404);
        else expect([201, 409]).toContain(res.statusCode);
      }
      if (actor === 'provider' || actor === 'otherProvider') {
        for (const path of [
          `/api/cases/${k.caseId}`,
          `/api/cases/${k.caseId}/journal`,
          `/api/cases/${k.caseId}/investigation`,
          `/api/cases/${k.caseId}/commissions`,
          `/api/persons/${k.personId}`,
          `/api/persons/${k.personId}/protected-details`,
        ]) {
          const res = await send(actor, 'GET', path);
          expect(res.statusCode, `${actor} reached ${path}`).toBe(404);
        }
      }
      await sweep([k.personId]);
    },
    toString: () => `providerActs(${actor}, uppdrag #${commissionIndex}, ${act})`,
  };
}

/**
 * An incident registered through a case, which raises safety signals in the linked persons' open
 * cases (core/domain/safety-signals.ts); then every actor reads every case's signals and tries to
 * mark one reviewed. A signal is read and handled only with the receiving case — never because
 * one wrote the event — and carries no canary.
 */
function signalActs(actor: ActorName, caseIndex: number): Command {
  return {
    check: always,
    async run() {
      const c = pick(model.cases, caseIndex);
      if (!c) return;
      const incident = await send(actor, 'POST', `/api/cases/${c.id}/incidents`, {
        occurredOn: new Date().toISOString().slice(0, 10),
        description: `Ny händelse ${CANARY}`,
      });
      if (incident.statusCode === 201) expect(granted(actor, c.personId)).toBe(true);
      for (const k of model.cases) {
        for (const reader of everyone) {
          const res = await send(reader, 'GET', `/api/cases/${k.id}/safety-signals`);
          expect(res.body).not.toContain(CANARY);
          if (res.statusCode !== 200) continue;
          expect(granted(reader, k.personId), `${reader} read signals not granted`).toBe(true);
          const open = res.json<{ open: { id: string }[] }>().open[0];
          if (open) stats.signalsSeen++;
          if (!open || reader !== actor) continue;
          const marked = await send(
            reader,
            'POST',
            `/api/cases/${k.id}/safety-signals/${open.id}/handled`,
          );
          expect(marked.body).not.toContain(CANARY);
          if (marked.statusCode === 200) expect(granted(reader, k.personId)).toBe(true);
        }
      }
      await sweep([c.personId]);
    },
    toString: () => `signalActs(${actor}, case #${caseIndex})`,
  };
}

const caseworker = fc.constantFrom<ActorName>(
  'assigned',
  'colleague',
  'childrenWorker',
  'outOfHours',
);
// The first property's actors and commands as they were before uppdrag, so that its seeded
// sequences stay the ones they were; the uppdrag's have a property of their own below.
const anyone = fc.constantFrom<ActorName>(...everyone.filter((a) => a !== 'otherProvider'));
const commands = [
  fc
    .tuple(
      caseworker,
      fc.constantFrom<'new' | 'identity' | 'id'>('new', 'identity', 'id'),
      fc.nat(),
      fc.boolean(),
      fc.boolean(),
    )
    .map(([a, target, i, p, me]) => registerIntake(a, target, i, p, me)),
  fc
    .tuple(caseworker, fc.nat(), fc.boolean(), fc.nat(), fc.boolean())
    .map(([a, c, e, p, prot]) => linkChild(a, c, e, p, prot)),
  fc
    .tuple(
      fc.constantFrom<ActorName>(
        'assigned',
        'colleague',
        'childrenWorker',
        'manager',
        'otherManager',
      ),
      fc.nat(),
      caseworker,
    )
    .map(([a, c, to]) => assign(a, c, ['manager', 'otherManager'].includes(a) ? to : a)),
  fc.tuple(anyone, fc.nat()).map(([a, p]) => emergencyAccess(a, p)),
  fc.tuple(caseworker, fc.nat(), fc.nat()).map(([a, f, to]) => relate(a, f, to)),
  fc
    .tuple(anyone, fc.nat(), fc.nat(), fc.boolean())
    .map(([a, c, p, write]) => throughCase(a, c, p, write)),
  fc.tuple(caseworker, fc.nat()).map(([a, i]) => replayIntake(a, i)),
  fc.tuple(anyone, fc.nat(), fc.boolean()).map(([a, c, save]) => journalDraft(a, c, save)),
  // Socialjour's night intakes, more often than the mix above gives them, and the job's runs.
  fc
    .tuple(
      fc.constantFrom<'new' | 'identity' | 'id'>('new', 'identity', 'id'),
      fc.nat(),
      fc.boolean(),
    )
    .map(([target, i, p]) => registerIntake('outOfHours', target, i, p, false)),
  fc.constant(null).map(() => handover()),
  // The household at intake (issue 14): a known child's and a known person's numbers.
  fc
    .tuple(caseworker, fc.nat(), fc.nat(), fc.boolean())
    .map(([a, c, p, me]) => intakeWithHousehold(a, c, p, me)),
];

/** Uppdrag sent and worked, among the acts that make cases and grants. */
const anyOne = fc.constantFrom<ActorName>(...everyone);
/** Some of the general commands (by their place in `commands`), beside a property's own. */
const theCommands = (...at: number[]) => commands.filter((_, i) => at.includes(i));
const commissionCommands = [
  ...theCommands(0, 2),
  fc
    .tuple(
      fc.constantFrom<ActorName>('assigned', 'colleague', 'manager', 'provider'),
      fc.nat(),
      fc.constantFrom<keyof World['providers']>('own', 'other'),
    )
    .map(([a, c, p]) => sendCommission(a, c, p)),
  fc
    .tuple(anyOne, fc.nat(), fc.constantFrom<'read' | 'accept' | 'plan'>('read', 'accept', 'plan'))
    .map(([a, k, act]) => providerActs(a, k, act)),
  fc
    .tuple(anyOne, fc.nat(), fc.nat(), fc.boolean())
    .map(([a, c, p, write]) => throughCase(a, c, p, write)),
  fc.tuple(anyOne, fc.nat()).map(([a, c]) => signalActs(a, c)),
  // The consent register (issue 15): recorded and revoked mid-sequence, mostly by those who
  // may, so that the next uppdrag on a revoked consent is tried.
  fc
    .tuple(
      fc.constantFrom<ActorName>('assigned', 'assigned', 'colleague', 'provider', 'manager'),
      fc.nat(),
      fc.constantFrom<keyof World['providers']>('own', 'other'),
      fc.boolean(),
    )
    .map(([a, c, p, revoke]) => consentActs(a, c, p, revoke)),
  // Samråd (issue 15): called, grounded, held and read, mostly by those who may.
  fc
    .tuple(
      fc.constantFrom<ActorName>(
        'assigned',
        'assigned',
        'colleague',
        'childrenWorker',
        'manager',
        'provider',
      ),
      fc.nat(),
      fc.constantFrom<'call' | 'ground' | 'hold' | 'read'>('call', 'ground', 'hold', 'read'),
    )
    .map(([a, m, act]) => meetingActs(a, m, act)),
];

/** Counterparts and relation corrections (issue 14), among the acts that make cases and grants. */
const counterpartCommands = [
  // Linking a child too: one registered again after its relation was ended holds again.
  ...theCommands(0, 1, 2, 4),
  fc
    .tuple(anyone, fc.nat(), fc.nat(), fc.boolean())
    .map(([a, c, p, v]) => recordCounterpart(a, c, p, v)),
  // Those who work cases, more often: their writes are the ones that get in.
  fc
    .tuple(caseworker, fc.nat(), fc.nat(), fc.boolean())
    .map(([a, c, p, v]) => recordCounterpart(a, c, p, v)),
  fc
    .tuple(anyone, fc.nat(), fc.boolean(), fc.boolean())
    .map(([a, r, side, end]) => changeRelation(a, r, side, end)),
  fc
    .tuple(caseworker, fc.nat(), fc.boolean(), fc.boolean())
    .map(([a, r, side, end]) => changeRelation(a, r, side, end)),
];

/** A fresh world and model for the test file that runs one of the properties. */
function setUp() {
  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t);
    deps = {
      db: t.database.db,
      config: parseConfig({ NODE_ENV: 'test' }),
      clock: () => new Date(),
    };
    // The municipality's handover rules: socialjour's night (17–08) goes to the adult unit.
    await t.database.db
      .insertInto('handover_setting')
      .values({
        default_unit_id: w.units.adult,
        child_unit_id: w.units.children,
        night_starts_hour: 17,
        night_ends_hour: 8,
      })
      .execute();
    const { p, q, r, s } = w.persons;
    model.persons.push(
      { id: p.id, personnummer: p.personnummer, protected: false },
      { id: q.id, personnummer: q.personnummer, protected: true },
      { id: r.id, personnummer: r.personnummer, protected: false },
      { id: s.id, personnummer: s.personnummer, protected: false },
    );
    for (const c of [p, q, r]) model.cases.push({ id: c.caseId, personId: c.id, unit: 'adult' });
    // The world's starting facts: assigned has P and Q, the adult unit's queue has R.
    for (const person of [p.id, q.id, r.id]) {
      grant('assigned', person);
      grant('manager', person);
    }
    grant('colleague', r.id);
    model.partners.add(`${p.id}|${q.id}`).add(`${q.id}|${p.id}`);
    // An uppdrag on P's and on Q's (protected) case, one to each provider, for the provider's acts.
    await sendCommission('assigned', 0, 'own').run(model, null);
    await sendCommission('assigned', 1, 'other').run(model, null);
    expect(model.commissions).toHaveLength(2);
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });
}

/** Runs seeded sequences of the commands on the shared model and database. */
async function runSequences(list: fc.Arbitrary<Command>[], seed: number) {
  await fc.assert(
    fc.asyncProperty(
      fc.commands(list, { maxCommands: MAX_STEPS, size: 'medium' }),
      async (cmds) => {
        stats.sequences++;
        await fc.asyncModelRun(
          () => ({ model, real: null }),
          [...cmds].map((cmd) => {
            const run = cmd.run.bind(cmd);
            cmd.run = async (m, r) => {
              stats.steps++;
              await run(m, r);
            };
            return cmd;
          }),
        );
      },
    ),
    // The database is shared by every sequence, so shrinking cannot replay a shorter one
    // from scratch: a failure names the seed and the whole sequence instead.
    { seed, numRuns: RUNS, endOnFailure: true },
  );
}

/**
 * The three properties, one per test file (server/access-sequences*.test.ts), so that they run in
 * parallel on their own worlds: each is a few minutes, and one after the other they were most of
 * the integration suite's time.
 */
const properties = {
  files: () => {
    it(
      'never lets an actor open a file or a protected field without a grant made by an accountable act',
      async () => {
        await runSequences(commands, SEED);
        process.stdout.write(
          `access sequences: ${stats.sequences} sequences, ${stats.steps} steps, ${stats.requests} requests, ${stats.replays} replays, ${stats.drafts} drafts, ${stats.handovers} handovers, ${stats.households} intakes with household (seed ${SEED})\n`,
        );
        expect(stats.steps).toBeGreaterThan(RUNS);
        // The sequences did reach the accountable acts they are about, replays and drafts too.
        expect(model.grants.size).toBeGreaterThan(7);
        expect(stats.replays).toBeGreaterThan(0);
        expect(stats.drafts).toBeGreaterThan(0);
        expect(stats.handovers).toBeGreaterThan(0);
        expect(stats.households).toBeGreaterThan(0);
      },
      Math.max(600_000, RUNS * 30_000),
    );
  },
  uppdrag: () => {
    it(
      "never lets a provider reach beyond its own provider's uppdrag, nor the sender gain by sending one",
      async () => {
        await runSequences(commissionCommands, SEED + 1);
        process.stdout.write(
          `uppdrag sequences: ${stats.commissions} uppdrag sent, ${stats.providerActs} provider acts, ${stats.signalsSeen} safety signals seen, ${stats.consents} consents recorded, ${stats.signedFormsRead} signed forms read, ${stats.revocations} revoked, ${stats.agencyOnConsent} disclosures to the police on a consent then revoked, ${stats.certificates} intyg written and ${stats.certificatesIssued} issued, ${stats.fileRequests} extracts drafted and ${stats.extractsReleased} released, ${stats.transfersRequested} transfers asked for and ${stats.transferPackages} packaged, ${stats.refusedOnRevoked} uppdrag refused on a revoked consent, ${stats.withheldSeen} withheld reads, ${stats.meetings} samråd, ${stats.meetingGrounds} presences grounded, ${stats.meetingsHeld} held, ${stats.meetingRefusedOnRevoked} presences and ${stats.planRefusedOnRevoked} SIP refused on a revoked consent (seed ${SEED + 1})\n`,
        );
        // Beyond the two sent before the sequences.
        expect(stats.commissions).toBeGreaterThan(2);
        // A provider's act in most sequences (the count follows from the seed alone), and the
        // signals were raised and read.
        expect(stats.providerActs).toBeGreaterThan(RUNS / 2);
        expect(stats.signalsSeen).toBeGreaterThan(0);
        // Every disclosure to the police on a consent then revoked: the next one refused.
        expect(stats.agencyRefusedOnRevoked).toBe(stats.agencyOnConsent);
        // Intyg were written, and some reviewed by another and issued.
        expect(stats.certificates).toBeGreaterThan(0);
        expect(stats.certificatesIssued).toBeGreaterThan(0);
        expect(stats.fileRequests).toBeGreaterThan(0);
        expect(stats.extractsReleased).toBeGreaterThan(0);
        // Transfers asked for, and some decided by another and packaged.
        expect(stats.transfersRequested).toBeGreaterThan(0);
        expect(stats.transferPackages).toBeGreaterThan(0);
        // Each consent recorded came with its signed form, and at least its recorder read it.
        expect(stats.signedFormsRead).toBeGreaterThanOrEqual(stats.consents);
        // Consents were revoked mid-sequence, and the next uppdrag on each was refused.
        expect(stats.revocations).toBeGreaterThan(0);
        expect(stats.refusedOnRevoked).toBeGreaterThanOrEqual(stats.revocations);
        // Samråd were called, grounded and held; each revocation refused the next presence.
        expect(stats.meetings).toBeGreaterThan(0);
        expect(stats.meetingGrounds).toBeGreaterThan(0);
        // Each samråd a caller called, grounded and held in one act was held by them.
        expect(stats.meetingsHeld).toBeGreaterThanOrEqual(stats.meetingsCalledInActs);
        expect(stats.meetingRefusedOnRevoked).toBeGreaterThanOrEqual(stats.revocations);
        expect(stats.planRefusedOnRevoked).toBeGreaterThanOrEqual(stats.revocations);
      },
      Math.max(600_000, RUNS * 30_000),
    );
  },
  counterparts: () => {
    it(
      'never lets recording a counterpart with another person’s number, or correcting a relation, reach that person',
      async () => {
        await runSequences(counterpartCommands, SEED + 2);
        process.stdout.write(
          `counterpart sequences: ${stats.counterparts} counterparts, ${stats.relationChanges} relation changes (seed ${SEED + 2})\n`,
        );
        expect(stats.counterparts).toBeGreaterThan(0);
        expect(stats.relationChanges).toBeGreaterThan(0);
      },
      Math.max(600_000, RUNS * 30_000),
    );
  },
};

export function attackSequences(which: keyof typeof properties) {
  describe('attack sequences', () => {
    setUp();
    properties[which]();
  });
}
