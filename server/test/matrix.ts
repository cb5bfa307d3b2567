import { randomUUID } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import { outcomes } from './matrix-outcomes.ts';
import type { ActorName, World } from './world.ts';
import type { Db } from '../db/database.ts';
import { createUser, intakePayload } from './factories.ts';
import { insertCommission } from './providers.ts';
import { legalConcepts } from '../../core/domain/legal-references.ts';
import { defaultInterventionCatalogue } from '../../core/domain/intervention-catalogue.ts';
import { dangerExample } from '../../core/instruments/examples.ts';
import type { TestApp } from './test-app.ts';
import type { Role } from '../../core/policy/roles.ts';
import { addDays } from '../../core/domain/calendar.ts';
import { stockholmDate } from '../time.ts';
import { familyScenarios } from './matrix-family.ts';
import type { ShelterFields } from '../../core/contracts/providers.ts';
import { counterpartScenarios } from './matrix-counterparts.ts';
import { householdScenarios } from './matrix-household.ts';
import { consentScenarios } from './matrix-consents.ts';
import { agencyScenarios } from './matrix-agency.ts';
import { certificateScenarios } from './matrix-certificates.ts';
import { fileRequestScenarios } from './matrix-file-requests.ts';
import { transferScenarios } from './matrix-transfers.ts';
import { partnerContactScenarios } from './matrix-partner-contact.ts';
import { meetingScenarios } from './matrix-meetings.ts';
import { planScenarios } from './matrix-plans.ts';
import { consentToProvider } from './consents.ts';
import { signalScenarios } from './matrix-signals.ts';

/**
 * The authorization matrix: for every endpoint, what each actor — a role with a given relation to
 * the record — gets. Every endpoint that exists has a row here; a new endpoint adds its rows.
 * 'found' and 'hidden' are for searches: 200 with or without the person in the results.
 */
export type Outcome = 200 | 201 | 400 | 403 | 404 | 'found' | 'hidden';

export interface Scenario {
  name: string;
  /** Builds the request; may prepare the database (e.g. reset a case) for this actor's attempt. */
  request: (w: World, actor: ActorName, db: Db) => InjectOptions | Promise<InjectOptions>;
  /** For searches and lists: the id whose presence in `results` or `items` decides found/hidden. */
  subject?: (w: World) => string;
  expect: Record<ActorName, Outcome>;
  /** The call reads or writes personal data: exactly one audit row when it succeeds. */
  audited?: boolean;
}

/** Roles that may never use a personal-data route are told it does not exist (404). */
const neverPersonalData = { provider: 404, otherProvider: 404, analyst: 404, admin: 404 } as const;
const searchers = neverPersonalData;

// Order matters: scenarios that change state (relation, nödåtkomst) come after those they would affect.
export const scenarios: Scenario[] = [
  {
    name: 'GET /api/session',
    request: () => ({ method: 'GET', url: '/api/session' }),
    expect: outcomes(200, {}),
  },
  {
    name: 'open the personakt of a person with an assigned case',
    audited: true,
    request: (w) => ({ method: 'GET', url: `/api/persons/${w.persons.p.id}` }),
    expect: outcomes(404, { assigned: 200, manager: 200 }),
  },
  {
    name: 'open the personakt of a protected person with an assigned case',
    audited: true,
    request: (w) => ({ method: 'GET', url: `/api/persons/${w.persons.q.id}` }),
    expect: outcomes(404, { assigned: 200, manager: 200 }),
  },
  {
    name: 'open the personakt of a person in the intake queue',
    audited: true,
    request: (w) => ({ method: 'GET', url: `/api/persons/${w.persons.r.id}` }),
    expect: outcomes(404, { assigned: 200, colleague: 200, manager: 200 }),
  },
  {
    name: 'open the personakt of a person whose only case is closed',
    request: (w) => ({ method: 'GET', url: `/api/persons/${w.persons.s.id}` }),
    expect: outcomes(404, {}),
  },
  {
    name: 'open a personakt that does not exist',
    request: () => ({ method: 'GET', url: '/api/persons/3f1f0c4e-2b7a-4d3e-9a51-7c0d2e8b6a10' }),
    expect: outcomes(404, {}),
  },
  {
    name: 'read the protected details of a protected person',
    audited: true,
    request: (w) => ({ method: 'GET', url: `/api/persons/${w.persons.q.id}/protected-details` }),
    expect: outcomes(404, { assigned: 200, manager: 403 }),
  },
  {
    name: 'read the contact details of an unprotected person',
    audited: true,
    request: (w) => ({ method: 'GET', url: `/api/persons/${w.persons.p.id}/protected-details` }),
    expect: outcomes(404, { assigned: 200, manager: 200 }),
  },
  {
    name: 'search by the personnummer of a person with an assigned case',
    audited: true,
    request: (w) => ({
      method: 'POST',
      url: '/api/persons/search',
      payload: { by: 'identity', kind: 'personnummer', number: w.persons.p.personnummer },
    }),
    subject: (w) => w.persons.p.id,
    expect: outcomes('hidden', { ...searchers, assigned: 'found', manager: 'found' }),
  },
  {
    name: 'search by the name of a protected person',
    audited: true,
    request: () => ({
      method: 'POST',
      url: '/api/persons/search',
      payload: { by: 'name', query: 'Qvist' },
    }),
    subject: (w) => w.persons.q.id,
    expect: outcomes('hidden', { ...searchers, assigned: 'found', manager: 'found' }),
  },
  {
    name: 'search by the name of a person in the intake queue',
    audited: true,
    request: () => ({
      method: 'POST',
      url: '/api/persons/search',
      payload: { by: 'name', query: 'testa rask' },
    }),
    subject: (w) => w.persons.r.id,
    expect: outcomes('hidden', {
      ...searchers,
      assigned: 'found',
      colleague: 'found',
      manager: 'found',
    }),
  },
  {
    name: 'search with a scope the API does not have (Primero: a dropped scope must never widen a search)',
    request: () => ({
      method: 'POST',
      url: '/api/persons/search',
      payload: { by: 'name', query: 'Testa', scope: 'all' },
    }),
    expect: outcomes(400, {}),
  },
  {
    name: 'list my cases',
    audited: true,
    request: () => ({ method: 'GET', url: '/api/cases/mine' }),
    subject: (w) => w.persons.p.caseId,
    expect: outcomes(404, {
      assigned: 'found',
      colleague: 'hidden',
      childrenWorker: 'hidden',
      outOfHours: 'hidden',
    }),
  },
  {
    name: "list the adult unit's intake queue",
    audited: true,
    request: (w) => ({ method: 'GET', url: `/api/units/${w.units.adult}/queue` }),
    subject: (w) => w.persons.r.caseId,
    expect: outcomes(403, {
      ...neverPersonalData,
      assigned: 'found',
      colleague: 'found',
      manager: 'found',
    }),
  },
  {
    name: 'register an aktualisering for a new person in the adult unit',
    audited: true,
    request: (w) => ({
      method: 'POST',
      url: '/api/intakes',
      payload: intakePayload(w.units.adult, {
        existing: false,
        newPerson: {
          identity: null,
          givenName: 'Ny',
          familyName: 'Klient',
          protectionLevel: 'none',
        },
      }),
    }),
    expect: outcomes(404, { assigned: 201, colleague: 201, childrenWorker: 403, outOfHours: 403 }),
  },
  {
    name: 'register an aktualisering for a person with an assigned case',
    audited: true,
    request: (w) => ({
      method: 'POST',
      url: '/api/intakes',
      payload: intakePayload(w.units.adult, { existing: true, personId: w.persons.p.id }),
    }),
    expect: outcomes(404, { assigned: 201, childrenWorker: 403, outOfHours: 403 }),
  },
  {
    name: 'mark a person in the intake queue as protected (raising protection)',
    audited: true,
    request: async (w, _actor, db) => {
      const row = await db
        .updateTable('person')
        .set({ protection_level: 'none' })
        .where('id', '=', w.persons.r.id)
        .returning('version')
        .executeTakeFirstOrThrow();
      return {
        method: 'POST',
        url: `/api/persons/${w.persons.r.id}/protection-level`,
        payload: { protectionLevel: 'confidentiality_marking', version: row.version },
      };
    },
    expect: outcomes(404, { assigned: 200, colleague: 200, manager: 403 }),
  },
  {
    name: 'lower the protection of a protected person',
    audited: true,
    request: async (w, _actor, db) => {
      const row = await db
        .updateTable('person')
        .set({ protection_level: 'protected_registration' })
        .where('id', '=', w.persons.q.id)
        .returning('version')
        .executeTakeFirstOrThrow();
      return {
        method: 'POST',
        url: `/api/persons/${w.persons.q.id}/protection-level`,
        payload: { protectionLevel: 'none', version: row.version },
      };
    },
    expect: outcomes(404, { assigned: 200, manager: 403 }),
  },
  {
    name: 'add a contact channel to a protected person',
    audited: true,
    request: (w) => ({
      method: 'POST',
      url: `/api/persons/${w.persons.q.id}/contact-channels`,
      payload: { kind: 'phone', value: '070-174 06 20', safeForContact: true, note: null },
    }),
    expect: outcomes(404, { assigned: 201, manager: 403 }),
  },
  {
    name: 'mark a contact channel unsafe',
    audited: true,
    request: async (w, _actor, db) => {
      const channel = await db
        .selectFrom('contact_channel')
        .select(['id', 'version'])
        .where('person_id', '=', w.persons.p.id)
        .orderBy('created_at')
        .executeTakeFirstOrThrow();
      return {
        method: 'POST',
        url: `/api/persons/${w.persons.p.id}/contact-channels/${channel.id}`,
        payload: {
          safeForContact: false,
          note: 'Förövaren känner till numret',
          version: channel.version,
        },
      };
    },
    expect: outcomes(404, { assigned: 200, manager: 403 }),
  },
  {
    name: 'record a relation from a person with an assigned case to a person in the queue',
    audited: true,
    request: (w) => ({
      method: 'POST',
      url: `/api/persons/${w.persons.p.id}/relations`,
      payload: { otherPersonId: w.persons.r.id, kind: 'other_relative', violence: 'unknown' },
    }),
    expect: outcomes(404, { assigned: 201, manager: 403 }),
  },
  {
    name: 'open the case page of an assigned case',
    audited: true,
    request: (w) => ({ method: 'GET', url: `/api/cases/${w.persons.p.caseId}` }),
    expect: outcomes(404, { assigned: 200, manager: 200 }),
  },
  {
    name: 'open the case page of a case in the intake queue',
    audited: true,
    request: (w) => ({ method: 'GET', url: `/api/cases/${w.persons.r.caseId}` }),
    expect: outcomes(404, { assigned: 200, colleague: 200, manager: 200 }),
  },
  ...familyScenarios,
  {
    name: 'record consent to an utredning on an assigned case',
    audited: true,
    request: async (w, _actor, db) => ({
      method: 'POST',
      url: `/api/cases/${w.persons.p.caseId}/application`,
      payload: {
        kind: 'consent',
        form: 'oral',
        receivedOn: '2026-01-02',
        note: '',
        version: await caseVersion(db, w.persons.p.caseId),
      },
    }),
    expect: outcomes(404, { assigned: 201, manager: 403 }),
  },
  {
    name: 'record a new acute screening on a case in the intake queue',
    audited: true,
    request: async (w, _actor, db) => ({
      method: 'POST',
      url: `/api/cases/${w.persons.r.caseId}/acute-screening`,
      payload: {
        acuteNeed: 'unclear',
        motivation: 'Ny uppgift från polisen.',
        version: await caseVersion(db, w.persons.r.caseId),
      },
    }),
    expect: outcomes(404, { assigned: 201, colleague: 201, manager: 403 }),
  },
  {
    name: 'make the förhandsbedömning on an assigned case',
    audited: true,
    request: async (w, _actor, db) => {
      const caseId = await freshCase(db, w, w.users.assigned.id);
      return {
        method: 'POST',
        url: `/api/cases/${caseId}/preliminary-assessment`,
        payload: {
          outcome: 'open_investigation',
          template: 'victim',
          reason: 'Hon ansöker om stöd och skydd.',
          version: 1,
        },
      };
    },
    expect: outcomes(404, { assigned: 201, manager: 403 }),
  },
  {
    name: 'register a child in the household of an assigned case',
    audited: true,
    request: (w) => ({
      method: 'POST',
      url: `/api/cases/${w.persons.p.caseId}/household-children`,
      payload: {
        child: { identity: null, givenName: 'Liten', familyName: 'Barn', protectionLevel: 'none' },
      },
    }),
    expect: outcomes(404, { assigned: 201, manager: 403 }),
  },
  {
    name: 'register an orosanmälan for a child in the household of an assigned case',
    audited: true,
    request: async (w, _actor, db) => ({
      method: 'POST',
      url: `/api/cases/${w.persons.p.caseId}/child-reports`,
      payload: {
        childPersonId: await householdChild(db, w.persons.p.id),
        childrenUnitId: w.units.children,
        content: 'Barnet har upplevt våld mellan vuxna.',
      },
    }),
    expect: outcomes(404, { assigned: 201, manager: 403 }),
  },
  {
    name: 'record why no orosanmälan is made for a child in the household',
    audited: true,
    request: async (w, _actor, db) => ({
      method: 'POST',
      url: `/api/cases/${w.persons.p.caseId}/child-report-waivers`,
      payload: {
        childPersonId: await householdChild(db, w.persons.p.id),
        reason: 'Polisen har redan anmält.',
      },
    }),
    expect: outcomes(404, { assigned: 201, manager: 403 }),
  },
  {
    name: 'close an assigned case',
    audited: true,
    request: async (w, _actor, db) => ({
      method: 'POST',
      url: `/api/cases/${await freshCase(db, w, w.users.assigned.id, 'communicated')}/closure`,
      payload: { reason: 'Insatsen är avslutad och personen har inga fler behov.', version: 1 },
    }),
    expect: outcomes(404, { assigned: 201, manager: 403 }),
  },
  {
    name: 'list the units that receive orosanmälningar',
    request: () => ({ method: 'GET', url: '/api/units/children' }),
    expect: outcomes(200, { provider: 403, otherProvider: 403, analyst: 403, admin: 403 }),
  },
  {
    name: "list the adult unit's handlingar som inte föranlett åtgärd",
    audited: true,
    request: (w) => ({ method: 'GET', url: `/api/units/${w.units.adult}/no-action-records` }),
    expect: outcomes(404, { assigned: 200, colleague: 200, manager: 200 }),
  },
  {
    name: 'read the journal of an assigned case',
    audited: true,
    request: (w) => ({ method: 'GET', url: `/api/cases/${w.persons.p.caseId}/journal` }),
    expect: outcomes(404, { assigned: 200, manager: 200 }),
  },
  {
    name: 'write a journal entry on an assigned case',
    audited: true,
    request: (w) => ({
      method: 'POST',
      url: `/api/cases/${w.persons.p.caseId}/journal`,
      payload: {
        occurredOn: '2026-11-01',
        text: 'Samtal med personen.',
        source: { kind: 'person', detail: null },
      },
    }),
    expect: outcomes(404, { assigned: 201, manager: 403 }),
  },
  {
    name: 'correct a journal entry on an assigned case',
    audited: true,
    request: async (w, _actor, db) => ({
      method: 'POST',
      url: `/api/journal/${await journalEntry(db, w)}/versions`,
      payload: {
        occurredOn: '2026-11-01',
        text: 'Rättad text.',
        source: { kind: 'own_observation', detail: null },
        reason: 'Skrivfel.',
        version: 1,
      },
    }),
    expect: outcomes(404, { assigned: 201, manager: 403 }),
  },
  {
    name: 'read the history of a journal entry on an assigned case',
    audited: true,
    request: async (w, _actor, db) => ({
      method: 'GET',
      url: `/api/journal/${await journalEntry(db, w)}/versions`,
    }),
    expect: outcomes(404, { assigned: 200, manager: 200 }),
  },
  {
    name: 'autosave a journal draft on an assigned case',
    audited: true,
    request: (w) => ({
      method: 'PUT',
      url: `/api/cases/${w.persons.p.caseId}/journal-draft`,
      payload: {
        draft: { occurredOn: '', text: 'Halvfärdig', source: { kind: 'person', detail: null } },
      },
    }),
    expect: outcomes(404, { assigned: 200, manager: 403 }),
  },
  {
    name: 'read my journal draft on an assigned case',
    audited: true,
    request: (w) => ({ method: 'GET', url: `/api/cases/${w.persons.p.caseId}/journal-draft` }),
    expect: outcomes(404, { assigned: 200, manager: 403 }),
  },
  {
    name: 'discard my journal draft on an assigned case',
    audited: true,
    request: (w) => ({ method: 'DELETE', url: `/api/cases/${w.persons.p.caseId}/journal-draft` }),
    expect: outcomes(404, { assigned: 200, manager: 403 }),
  },
  {
    name: 'autosave a draft of a journal correction on an assigned case',
    audited: true,
    request: async (w, _actor, db) => ({
      method: 'PUT',
      url: `/api/journal/${await journalEntry(db, w)}/draft`,
      payload: {
        draft: {
          version: 1,
          occurredOn: '2026-11-01',
          text: 'Halvfärdig rättelse',
          source: { kind: 'person', detail: null },
          reason: '',
        },
      },
    }),
    expect: outcomes(404, { assigned: 200, manager: 403 }),
  },
  {
    name: 'read my draft of a journal correction on an assigned case',
    audited: true,
    request: async (w, _actor, db) => ({
      method: 'GET',
      url: `/api/journal/${await journalEntry(db, w)}/draft`,
    }),
    expect: outcomes(404, { assigned: 200, manager: 403 }),
  },
  {
    name: 'discard my draft of a journal correction on an assigned case',
    audited: true,
    request: async (w, _actor, db) => ({
      method: 'DELETE',
      url: `/api/journal/${await journalEntry(db, w)}/draft`,
    }),
    expect: outcomes(404, { assigned: 200, manager: 403 }),
  },
  {
    name: 'autosave a draft of an utredning section on an assigned case',
    audited: true,
    request: (w) => ({
      method: 'PUT',
      url: `/api/cases/${w.persons.p.caseId}/investigation/sections/background/draft`,
      payload: {
        draft: {
          version: 0,
          statements: [{ text: 'Halvfärdig', source: { kind: 'person', detail: null } }],
        },
      },
    }),
    expect: outcomes(404, { assigned: 200, manager: 403 }),
  },
  {
    name: 'read my draft of an utredning section on an assigned case',
    audited: true,
    request: (w) => ({
      method: 'GET',
      url: `/api/cases/${w.persons.p.caseId}/investigation/sections/background/draft`,
    }),
    expect: outcomes(404, { assigned: 200, manager: 403 }),
  },
  {
    name: 'discard my draft of an utredning section on an assigned case',
    audited: true,
    request: (w) => ({
      method: 'DELETE',
      url: `/api/cases/${w.persons.p.caseId}/investigation/sections/background/draft`,
    }),
    expect: outcomes(404, { assigned: 200, manager: 403 }),
  },
  {
    name: 'list my drafts of the utredning on an assigned case',
    audited: true,
    request: (w) => ({
      method: 'GET',
      url: `/api/cases/${w.persons.p.caseId}/investigation/drafts`,
    }),
    expect: outcomes(404, { assigned: 200, manager: 403 }),
  },
  {
    name: 'read the utredning of an assigned case',
    audited: true,
    request: async (w, _actor, db) => ({
      method: 'GET',
      url: `/api/cases/${await freshCase(db, w, w.users.assigned.id, 'investigation')}/investigation`,
    }),
    expect: outcomes(404, { assigned: 200, manager: 200 }),
  },
  {
    name: 'write a section of the utredning of an assigned case',
    audited: true,
    request: async (w, _actor, db) => ({
      method: 'PUT',
      url: `/api/cases/${await freshCase(db, w, w.users.assigned.id, 'investigation')}/investigation/sections/background`,
      payload: {
        version: 0,
        statements: [{ text: 'Uppvuxen i Västerås.', source: { kind: 'person', detail: null } }],
      },
    }),
    expect: outcomes(404, { assigned: 200, manager: 403 }),
  },
  {
    name: 'print the utredning of a protected person (PDF)',
    audited: true,
    request: async (w, _actor, db) => {
      await db
        .insertInto('investigation')
        .values({ case_id: w.persons.q.caseId, template: 'victim', opened_by: w.users.assigned.id })
        .onConflict((oc) => oc.column('case_id').doNothing())
        .execute();
      return { method: 'GET', url: `/api/cases/${w.persons.q.caseId}/investigation.pdf` };
    },
    expect: outcomes(404, { assigned: 200, manager: 200 }),
  },
  {
    name: 'record kommunicering on an assigned case',
    audited: true,
    request: async (w, _actor, db) => ({
      method: 'POST',
      url: `/api/cases/${await freshCase(db, w, w.users.assigned.id, 'investigation')}/communications`,
      payload: {
        what: 'Utredningen',
        communicatedOn: '2026-11-01',
        method: { kind: 'meeting' },
        version: 1,
      },
    }),
    expect: outcomes(404, { assigned: 201, manager: 403 }),
  },
  {
    name: 'list the beslut of an assigned case',
    audited: true,
    request: (w) => ({ method: 'GET', url: `/api/cases/${w.persons.p.caseId}/decisions` }),
    expect: outcomes(404, { assigned: 200, manager: 200 }),
  },
  {
    name: 'make a beslut on an assigned case (delegation: handläggare and chef)',
    audited: true,
    request: async (w, _actor, db) => ({
      method: 'POST',
      url: `/api/cases/${await freshCase(db, w, w.users.assigned.id, 'communicated')}/decisions`,
      payload: decisionPayload(1),
    }),
    expect: outcomes(404, { assigned: 201, manager: 201 }),
  },
  {
    name: 'make an acute beslut before kommunicering on an assigned case in förhandsbedömning',
    audited: true,
    request: async (w, _actor, db) => ({
      method: 'POST',
      url: `/api/cases/${await freshCase(db, w, w.users.assigned.id, 'intake')}/acute-decisions`,
      payload: acuteDecisionPayload(1),
    }),
    expect: outcomes(404, { assigned: 201, manager: 201 }),
  },
  {
    name: 'record the school of a child accompanying the parent into skyddat boende',
    audited: true,
    request: async (w, _actor, db) => {
      const { caseId, childId } = await shelterWithChild(db, w);
      return {
        method: 'POST',
        url: `/api/cases/${caseId}/school-arrangements`,
        payload: {
          childPersonId: childId,
          arrangement: 'school_near_shelter',
          note: 'Plats i skolan nära boendet från måndag.',
          arrangedOn: '2026-11-03',
        },
      };
    },
    expect: outcomes(404, { assigned: 201, manager: 403 }),
  },
  {
    name: 'correct a beslut on an assigned case',
    audited: true,
    request: async (w, _actor, db) => ({
      method: 'POST',
      url: `/api/decisions/${await decisionOn(db, w)}/versions`,
      payload: { ...decisionPayload(1), kind: 'correction', reason: 'Skrivfel i motiveringen.' },
    }),
    expect: outcomes(404, { assigned: 201, manager: 201 }),
  },
  {
    name: 'print a beslut (PDF)',
    audited: true,
    request: async (w, _actor, db) => ({
      method: 'GET',
      url: `/api/decisions/${await decisionOn(db, w)}/decision.pdf`,
    }),
    expect: outcomes(404, { assigned: 200, manager: 200 }),
  },
  {
    name: 'list the delegation list',
    request: () => ({ method: 'GET', url: '/api/admin/delegations' }),
    expect: outcomes(403, { admin: 200 }),
  },
  {
    name: 'change the delegation list',
    request: (w) => ({
      method: 'PUT',
      url: '/api/admin/delegations',
      payload: {
        unitId: w.units.adult,
        intervention: 'support_sessions',
        role: 'adult_caseworker',
        granted: true,
      },
    }),
    expect: outcomes(403, { admin: 200 }),
  },
  {
    name: "read socialjour's handover rules",
    request: () => ({ method: 'GET', url: '/api/admin/handover-rules' }),
    expect: outcomes(403, { admin: 200 }),
  },
  {
    name: "change socialjour's handover rules",
    request: (w) => ({
      method: 'PUT',
      url: '/api/admin/handover-rules',
      payload: {
        rules: [
          { targetGroup: 'victim', unitId: w.units.adult },
          { targetGroup: 'child', unitId: w.units.children },
        ],
        defaultUnitId: w.units.adult,
        childUnitId: w.units.children,
        nightStartsHour: 17,
        nightEndsHour: 8,
      },
    }),
    expect: outcomes(403, { admin: 200 }),
  },
  {
    name: 'list the legal catalogues',
    request: () => ({ method: 'GET', url: '/api/admin/legal-catalogues' }),
    expect: outcomes(403, { admin: 200 }),
  },
  {
    name: 'load a legal catalogue',
    request: (_w, actor) => ({
      method: 'POST',
      url: '/api/admin/legal-catalogues',
      payload: {
        id: `matris-${actor.toLowerCase()}`,
        name: 'Socialtjänstlagen (2025:400)',
        references: Object.fromEntries(legalConcepts.map((c) => [c, '1 kap. 1 §'])),
      },
    }),
    expect: outcomes(403, { admin: 201 }),
  },
  {
    name: 'put a legal catalogue in force',
    request: () => ({ method: 'POST', url: '/api/admin/legal-catalogues/sol-2001-453/activation' }),
    expect: outcomes(403, { admin: 200 }),
  },
  {
    name: 'read the insatser catalogue in force',
    request: () => ({ method: 'GET', url: '/api/intervention-catalogue' }),
    expect: outcomes(200, { provider: 403, otherProvider: 403, analyst: 403, admin: 403 }),
  },
  {
    name: 'list the insatser catalogues',
    request: () => ({ method: 'GET', url: '/api/admin/intervention-catalogues' }),
    expect: outcomes(403, { admin: 200 }),
  },
  {
    name: 'load an insatser catalogue',
    request: (_w, actor) => ({
      method: 'POST',
      url: '/api/admin/intervention-catalogues',
      payload: {
        ...defaultInterventionCatalogue,
        id: `matris-${actor.toLowerCase()}`,
        version: 2,
      },
    }),
    expect: outcomes(403, { admin: 201 }),
  },
  {
    name: 'put an insatser catalogue in force',
    request: () => ({
      method: 'POST',
      url: `/api/admin/intervention-catalogues/${defaultInterventionCatalogue.id}/activation`,
    }),
    expect: outcomes(403, { admin: 200 }),
  },
  {
    name: 'list the risk-assessment instruments in use',
    request: () => ({ method: 'GET', url: '/api/instruments' }),
    expect: outcomes(200, { provider: 403, otherProvider: 403, analyst: 403, admin: 403 }),
  },
  {
    name: 'list every instrument version (administration)',
    request: () => ({ method: 'GET', url: '/api/admin/instruments' }),
    expect: outcomes(403, { admin: 200 }),
  },
  {
    name: 'load an instrument version',
    request: () => ({
      method: 'POST',
      url: '/api/admin/instruments',
      payload: { ...dangerExample, version: 50 },
    }),
    expect: outcomes(403, { admin: 201 }),
  },
  {
    name: 'retire an instrument version',
    request: () => ({
      method: 'POST',
      url: '/api/admin/instruments/varn-exempel-farlighet/versions/50/retirement',
    }),
    expect: outcomes(403, { admin: 200 }),
  },
  {
    name: 'read the risk assessments of an assigned case',
    audited: true,
    request: (w) => ({ method: 'GET', url: `/api/cases/${w.persons.p.caseId}/risk` }),
    expect: outcomes(404, { assigned: 200, manager: 200 }),
  },
  {
    name: 'make a structured risk assessment on an assigned case',
    audited: true,
    request: (w) => ({
      method: 'POST',
      url: `/api/cases/${w.persons.p.caseId}/risk-assessments`,
      payload: {
        personId: w.persons.p.id,
        instrument: { id: 'varn-exempel-farlighet', version: 1 },
        answers: { strypt: { kind: 'yes_no_unknown', value: 'yes' } },
        scenarioRatings: null,
        motivation: 'Strypgrepp vid senaste händelsen.',
        assessedOn: '2026-11-01',
      },
    }),
    expect: outcomes(404, { assigned: 201, manager: 403 }),
  },
  {
    name: "record the police's risk assessment on an assigned case",
    audited: true,
    request: (w) => ({
      method: 'POST',
      url: `/api/cases/${w.persons.p.caseId}/police-risk-assessments`,
      payload: {
        personId: w.persons.p.id,
        level: 'medium',
        summary: 'Förhöjd risk enligt polisen.',
        policeReference: '5000-K1-26',
        consentReference: 'Muntligt samtycke 2026-11-01',
        assessedOn: '2026-11-01',
      },
    }),
    expect: outcomes(404, { assigned: 201, manager: 403 }),
  },
  {
    name: 'register an incident on an assigned case',
    audited: true,
    request: (w) => ({
      method: 'POST',
      url: `/api/cases/${w.persons.p.caseId}/incidents`,
      payload: { occurredOn: '2026-11-01', description: 'Nya hot per sms.' },
    }),
    expect: outcomes(404, { assigned: 201, manager: 403 }),
  },
  ...signalScenarios,
  {
    name: 'read the råd och stöd sessions of an assigned case',
    audited: true,
    request: (w) => ({ method: 'GET', url: `/api/cases/${w.persons.p.caseId}/advice-sessions` }),
    expect: outcomes(404, { assigned: 200, manager: 200 }),
  },
  {
    name: 'record a råd och stöd session on an assigned case',
    audited: true,
    request: (w) => ({
      method: 'POST',
      url: `/api/cases/${w.persons.p.caseId}/advice-sessions`,
      payload: { heldOn: '2026-11-02', note: 'Samtal om stöd och skydd.' },
    }),
    expect: outcomes(404, { assigned: 201, manager: 403 }),
  },
  {
    name: 'read the uppföljning of an assigned case',
    audited: true,
    request: (w) => ({ method: 'GET', url: `/api/cases/${w.persons.p.caseId}/follow-ups` }),
    expect: outcomes(404, { assigned: 200, manager: 200 }),
  },
  {
    name: 'set a date for the uppföljning of an uppdrag on an assigned case',
    audited: true,
    request: async (w, _actor, db) => {
      const { caseId, commissionId } = await commissionOn(db, w);
      return {
        method: 'POST',
        url: `/api/cases/${caseId}/follow-up-dues`,
        payload: { commissionId, dueOn: addDays(stockholmDate(new Date()), 14) },
      };
    },
    expect: outcomes(404, { assigned: 201, manager: 403 }),
  },
  {
    name: 'move the date of an uppföljning on an assigned case',
    audited: true,
    request: async (w, _actor, db) => {
      const { caseId, dueId } = await followUpOn(db, w);
      return {
        method: 'POST',
        url: `/api/cases/${caseId}/follow-up-dues/${dueId}/versions`,
        payload: {
          dueOn: addDays(stockholmDate(new Date()), 21),
          cancelled: false,
          reason: 'Boendet kan inte träffas då.',
          version: 1,
        },
      };
    },
    expect: outcomes(404, { assigned: 201, manager: 403 }),
  },
  {
    name: 'record an uppföljning of an uppdrag on an assigned case',
    audited: true,
    request: async (w, _actor, db) => {
      const { caseId, commissionId } = await commissionOn(db, w);
      return {
        method: 'POST',
        url: `/api/cases/${caseId}/follow-ups`,
        payload: { commissionId, dueId: null, ...followUpContent() },
      };
    },
    expect: outcomes(404, { assigned: 201, manager: 403 }),
  },
  {
    name: 'correct an uppföljning on an assigned case',
    audited: true,
    request: async (w, _actor, db) => {
      const { caseId, followUpId } = await followUpOn(db, w);
      return {
        method: 'POST',
        url: `/api/cases/${caseId}/follow-ups/${followUpId}/versions`,
        payload: { ...followUpContent(), reason: 'Fel datum.', version: 1 },
      };
    },
    expect: outcomes(404, { assigned: 201, manager: 403 }),
  },
  {
    name: 'list the providers and their places',
    request: () => ({ method: 'GET', url: '/api/admin/providers' }),
    expect: outcomes(403, { admin: 200 }),
  },
  {
    name: 'register a provider of skyddat boende',
    request: (_w, actor) => ({
      method: 'POST',
      url: '/api/admin/providers',
      payload: providerPayload(`Matrisboendet ${actor}`),
    }),
    expect: outcomes(403, { admin: 201 }),
  },
  {
    name: 'edit a provider',
    request: async (_w, actor, db) => ({
      method: 'PUT',
      url: `/api/admin/providers/${await providerIn(db, `Ändras ${actor}`)}`,
      payload: { ...providerPayload(`Ändrat ${actor}`), version: 1 },
    }),
    expect: outcomes(403, { admin: 200 }),
  },
  {
    name: 'list the active providers for a beslut',
    request: () => ({ method: 'GET', url: '/api/providers' }),
    expect: outcomes(200, { provider: 403, otherProvider: 403, analyst: 403, admin: 403 }),
  },
  {
    name: 'search skyddat boende for an assigned case',
    audited: true,
    request: (w) => ({
      method: 'POST',
      url: `/api/cases/${w.persons.p.caseId}/shelter-search`,
      payload: placeNeeds,
    }),
    expect: outcomes(404, { assigned: 200, manager: 403 }),
  },
  {
    name: 'search skyddat boende for a protected person',
    audited: true,
    request: (w) => ({
      method: 'POST',
      url: `/api/cases/${w.persons.q.caseId}/shelter-search`,
      payload: placeNeeds,
    }),
    expect: outcomes(404, { assigned: 200, manager: 403 }),
  },
  {
    name: 'record that no place could be arranged on an assigned case',
    audited: true,
    request: (w) => ({
      method: 'POST',
      url: `/api/cases/${w.persons.p.caseId}/turned-away`,
      payload: { reason: 'no_free_place', needs: placeNeeds, note: null },
    }),
    expect: outcomes(404, { assigned: 201, manager: 403 }),
  },
  {
    name: "count who the adult unit could not place (its manager's numbers)",
    request: (w) => ({ method: 'GET', url: `/api/units/${w.units.adult}/turned-away` }),
    expect: outcomes(403, { manager: 200 }),
  },
  {
    name: 'read the requests for a place that could not be met on an assigned case',
    audited: true,
    request: (w) => ({ method: 'GET', url: `/api/cases/${w.persons.p.caseId}/turned-away` }),
    expect: outcomes(404, { assigned: 200, manager: 200 }),
  },
  {
    name: 'read the safety plan of a person with an assigned case',
    audited: true,
    request: (w) => ({
      method: 'GET',
      url: `/api/cases/${w.persons.p.caseId}/safety-plans/${w.persons.p.id}`,
    }),
    expect: outcomes(404, { assigned: 200, manager: 200 }),
  },
  {
    name: 'write the safety plan of a protected person',
    audited: true,
    request: async (w, _actor, db) => {
      const current = await db
        .selectFrom('safety_plan_version')
        .select((eb) => eb.fn.max('version').as('version'))
        .where('case_id', '=', w.persons.q.caseId)
        .where('person_id', '=', w.persons.q.id)
        .executeTakeFirst();
      return {
        method: 'PUT',
        url: `/api/cases/${w.persons.q.caseId}/safety-plans/${w.persons.q.id}`,
        payload: {
          version: current?.version ?? 0,
          items: [{ key: 'code_word', status: 'done', note: 'Avtalat med systern.' }],
          reviewOn: null,
        },
      };
    },
    expect: outcomes(404, { assigned: 200, manager: 403 }),
  },
  {
    name: 'read the safety plan of a protected person',
    audited: true,
    request: (w) => ({
      method: 'GET',
      url: `/api/cases/${w.persons.q.caseId}/safety-plans/${w.persons.q.id}`,
    }),
    expect: outcomes(404, { assigned: 200, manager: 403 }),
  },
  {
    name: 'autosave a draft of the safety plan of a protected person',
    audited: true,
    request: (w) => ({
      method: 'PUT',
      url: `/api/cases/${w.persons.q.caseId}/safety-plans/${w.persons.q.id}/draft`,
      payload: {
        draft: {
          version: 0,
          items: [{ key: 'code_word', status: 'in_progress', note: 'Halvfärdig' }],
          reviewOn: '2026-1',
        },
      },
    }),
    expect: outcomes(404, { assigned: 200, manager: 403 }),
  },
  {
    name: 'read my draft of the safety plan of a protected person',
    audited: true,
    request: (w) => ({
      method: 'GET',
      url: `/api/cases/${w.persons.q.caseId}/safety-plans/${w.persons.q.id}/draft`,
    }),
    expect: outcomes(404, { assigned: 200, manager: 403 }),
  },
  {
    name: 'discard my draft of the safety plan of a protected person',
    audited: true,
    request: (w) => ({
      method: 'DELETE',
      url: `/api/cases/${w.persons.q.caseId}/safety-plans/${w.persons.q.id}/draft`,
    }),
    expect: outcomes(404, { assigned: 200, manager: 403 }),
  },
  {
    name: 'print the safety plan of a protected person (PDF)',
    audited: true,
    request: (w) => ({
      method: 'GET',
      url: `/api/cases/${w.persons.q.caseId}/safety-plans/${w.persons.q.id}/safety-plan.pdf`,
    }),
    expect: outcomes(404, { assigned: 200, manager: 403 }),
  },
  {
    name: 'search by the name of a person whose only case is closed',
    audited: true,
    request: () => ({
      method: 'POST',
      url: '/api/persons/search',
      payload: { by: 'name', query: 'Sand' },
    }),
    subject: (w) => w.persons.s.id,
    expect: outcomes('hidden', searchers),
  },
  {
    name: 'start nödåtkomst to a person nobody works with',
    audited: true,
    request: (w) => ({
      method: 'POST',
      url: '/api/emergency-access',
      payload: {
        kind: 'personnummer',
        number: w.persons.s.personnummer,
        reason: 'Polisen ringer om akut hot mot personen ikväll.',
      },
    }),
    expect: outcomes(201, neverPersonalData),
  },
  {
    name: 'open that personakt during the nödåtkomst',
    audited: true,
    request: (w) => ({ method: 'GET', url: `/api/persons/${w.persons.s.id}` }),
    expect: outcomes(200, { provider: 404, otherProvider: 404, analyst: 404, admin: 404 }),
  },
  {
    name: 'search by name during that nödåtkomst',
    audited: true,
    request: () => ({
      method: 'POST',
      url: '/api/persons/search',
      payload: { by: 'name', query: 'Sand' },
    }),
    subject: (w) => w.persons.s.id,
    expect: outcomes('found', searchers),
  },
  {
    name: 'take a case from the intake queue (the manager assigns it to a colleague)',
    audited: true,
    request: async (w, actor, db) => {
      // Each attempt starts from the same state: the case unassigned, in the queue.
      const row = await db
        .updateTable('case')
        .set({ assigned_user_id: null })
        .where('id', '=', w.persons.r.caseId)
        .returning('version')
        .executeTakeFirstOrThrow();
      const assignee = actor === 'manager' ? w.users.colleague.id : w.users[actor].id;
      return {
        method: 'POST',
        url: `/api/cases/${w.persons.r.caseId}/assignment`,
        payload: { userId: assignee, version: row.version },
      };
    },
    expect: outcomes(404, { assigned: 200, colleague: 200, manager: 200 }),
  },
  {
    name: "search the adult unit's access log",
    audited: true,
    request: (w) => ({
      method: 'POST',
      url: '/api/access-log/search',
      payload: { unitId: w.units.adult },
    }),
    expect: outcomes(404, { manager: 200, otherManager: 403 }),
  },
  {
    name: "list the adult unit's staff (for loggkontroll)",
    request: (w) => ({ method: 'GET', url: `/api/units/${w.units.adult}/members` }),
    expect: outcomes(404, { manager: 200, otherManager: 403 }),
  },
  {
    name: "list the adult unit's nödåtkomst",
    audited: true,
    request: (w) => ({ method: 'GET', url: `/api/units/${w.units.adult}/emergency-access` }),
    expect: outcomes(404, { manager: 200, otherManager: 403 }),
  },
  {
    name: "review a colleague's nödåtkomst",
    audited: true,
    request: async (w, _actor, db) => {
      const row = await db
        .updateTable('emergency_access')
        .set({ reviewed_at: null, reviewed_by: null, review_note: null })
        .where('user_id', '=', w.users.colleague.id)
        .returning('id')
        .executeTakeFirstOrThrow();
      return {
        method: 'POST',
        url: `/api/emergency-access/${row.id}/review`,
        payload: { note: 'Kontrollerat med handläggaren: akut polisärende.' },
      };
    },
    expect: outcomes(404, { manager: 200 }),
  },
  {
    name: 'list units (administration)',
    request: () => ({ method: 'GET', url: '/api/admin/units' }),
    expect: outcomes(403, { admin: 200 }),
  },
  {
    name: 'create a unit',
    request: (_w, actor) => ({
      method: 'POST',
      url: '/api/admin/units',
      payload: { name: `Ny enhet ${actor}`, kind: 'adult' },
    }),
    expect: outcomes(403, { admin: 201 }),
  },
  {
    name: 'list users (administration)',
    request: () => ({ method: 'GET', url: '/api/admin/users' }),
    expect: outcomes(403, { admin: 200 }),
  },
  {
    name: 'create a user',
    request: (_w, actor) => ({
      method: 'POST',
      url: '/api/admin/users',
      payload: { username: `ny.${actor.toLowerCase()}`, displayName: 'Ny Användare' },
    }),
    expect: outcomes(403, { admin: 201 }),
  },
  {
    name: 'disable another user',
    request: async (_w, actor, db) => {
      const target = await createUser(db, {
        username: `avstangd.${actor.toLowerCase()}`,
        totp: false,
      });
      return {
        method: 'POST',
        url: `/api/admin/users/${target.id}/status`,
        payload: { disabled: true, version: 1 },
      };
    },
    expect: outcomes(403, { admin: 200 }),
  },
  {
    name: "ask for a reset of another user's login (forgotten password, lost phone)",
    request: async (_w, actor, db) => {
      const target = await createUser(db, { username: `aterstalld.${actor.toLowerCase()}` });
      return {
        method: 'POST',
        url: `/api/admin/users/${target.id}/login-reset`,
        payload: { version: 1 },
      };
    },
    expect: outcomes(403, { admin: 201 }),
  },
  {
    name: "lift the login lock of a user in the adult unit (administrator or the unit's manager)",
    request: async (w, actor, db) => {
      const target = await createUser(db, {
        username: `sparrad.${actor.toLowerCase()}`,
        grants: [{ unitId: w.units.adult, role: 'adult_caseworker' }],
        totp: false,
      });
      return { method: 'POST', url: `/api/users/${target.id}/login-unlock` };
    },
    expect: outcomes(403, { manager: 200, admin: 200 }),
  },
  {
    name: "lift one's own login lock (nobody changes their own account)",
    request: (w, actor) => ({
      method: 'POST',
      url: `/api/users/${w.users[actor].id}/login-unlock`,
    }),
    expect: outcomes(403, {}),
  },
  {
    name: "reset one's own login (nobody changes their own account)",
    request: (w, actor) => ({
      method: 'POST',
      url: `/api/admin/users/${w.users[actor].id}/login-reset`,
      payload: { version: 1 },
    }),
    expect: outcomes(403, {}),
  },
  {
    name: 'ask for a role for another user (given when a second person approves)',
    request: async (w, actor, db) => {
      const target = await createUser(db, { username: `roll.${actor.toLowerCase()}`, totp: false });
      return {
        method: 'POST',
        url: `/api/admin/users/${target.id}/roles`,
        payload: { unitId: w.units.adult, role: 'adult_caseworker' },
      };
    },
    expect: outcomes(403, { admin: 201 }),
  },
  {
    name: 'grant oneself a role (Primero: users must not change their own roles)',
    request: (w, actor) => ({
      method: 'POST',
      url: `/api/admin/users/${w.users[actor].id}/roles`,
      payload: { unitId: w.units.adult, role: 'unit_manager' },
    }),
    expect: outcomes(403, {}),
  },
  {
    name: 'revoke a role from another user',
    request: async (w, actor, db) => {
      const target = await createUser(db, {
        username: `bort.${actor.toLowerCase()}`,
        totp: false,
        grants: [{ unitId: w.units.adult, role: 'adult_caseworker' }],
      });
      return {
        method: 'DELETE',
        url: `/api/admin/users/${target.id}/roles/${w.units.adult}/adult_caseworker`,
      };
    },
    expect: outcomes(403, { admin: 200 }),
  },
  {
    name: 'list requests waiting for a second person (administration)',
    request: () => ({ method: 'GET', url: '/api/admin/requests' }),
    expect: outcomes(403, { admin: 200 }),
  },
  {
    name: "list the requests that concern the adult unit (its manager's approval)",
    request: (w) => ({ method: 'GET', url: `/api/units/${w.units.adult}/admin-requests` }),
    expect: outcomes(403, { manager: 200 }),
  },
  {
    name: 'approve a role in the adult unit asked for by another administrator',
    request: async (w, actor, db) => {
      const id = await pendingRequest(db, w, actor, { role: 'adult_caseworker' });
      return approval(id);
    },
    expect: outcomes(404, { admin: 200, manager: 200 }),
  },
  {
    name: 'approve a new login for a handläggare of the adult unit',
    request: async (w, actor, db) => {
      const id = await pendingRequest(db, w, actor, {
        kind: 'login_reset',
        targetGrants: [{ unitId: w.units.adult, role: 'adult_caseworker' }],
      });
      return approval(id);
    },
    expect: outcomes(404, { admin: 200, manager: 200 }),
  },
  {
    name: 'approve the administrator role (a second administrator only, never a unit manager)',
    request: async (w, actor, db) => {
      const id = await pendingRequest(db, w, actor, { role: 'administrator' });
      return approval(id);
    },
    expect: outcomes(404, { admin: 200 }),
  },
  {
    name: 'approve a request one made oneself',
    request: async (w, actor, db) => {
      const id = await pendingRequest(db, w, actor, {
        role: 'adult_caseworker',
        requestedBy: w.users[actor].id,
      });
      return approval(id);
    },
    expect: outcomes(404, { admin: 403, manager: 403 }),
  },
  {
    name: 'approve a request about oneself',
    request: async (w, actor, db) => {
      const id = await pendingRequest(db, w, actor, {
        role: 'out_of_hours',
        targetUserId: w.users[actor].id,
      });
      return approval(id);
    },
    expect: outcomes(404, { admin: 403, manager: 403 }),
  },
  {
    name: 'reject a role in the adult unit asked for by another administrator',
    request: async (w, actor, db) => {
      const id = await pendingRequest(db, w, actor, { role: 'unit_manager' });
      return {
        method: 'POST',
        url: `/api/admin/requests/${id}/rejection`,
        payload: { version: 1, note: 'Fel enhet.' },
      };
    },
    expect: outcomes(404, { admin: 200, manager: 200 }),
  },
  {
    name: 'withdraw a request one made oneself',
    request: async (w, actor, db) => {
      const id = await pendingRequest(db, w, actor, {
        role: 'children_caseworker',
        requestedBy: w.users[actor].id,
      });
      return {
        method: 'POST',
        url: `/api/admin/requests/${id}/withdrawal`,
        payload: { version: 1 },
      };
    },
    expect: outcomes(403, { admin: 200 }),
  },
  {
    name: "withdraw another administrator's request",
    request: async (w, actor, db) => {
      const id = await pendingRequest(db, w, actor, { role: 'provider' });
      return {
        method: 'POST',
        url: `/api/admin/requests/${id}/withdrawal`,
        payload: { version: 1 },
      };
    },
    expect: outcomes(403, {}),
  },
  {
    name: "list one's own notices about one's account",
    request: () => ({ method: 'GET', url: '/api/notices' }),
    expect: outcomes(200, {}),
  },
  {
    name: "mark one's own notice read",
    request: async (w, actor, db) => {
      const notice = await db
        .insertInto('user_notice')
        .values({
          user_id: w.users[actor].id,
          kind: 'role_revoked',
          request_id: null,
          unit_id: w.units.adult,
          role: 'adult_caseworker',
          actor_user_id: w.users.admin.id,
          read_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { method: 'POST', url: `/api/notices/${notice.id}/read` };
    },
    expect: outcomes(200, {}),
  },
  {
    name: "mark another user's notice read",
    request: async (w, actor, db) => {
      const other = actor === 'admin' ? w.users.analyst : w.users.admin;
      const notice = await db
        .insertInto('user_notice')
        .values({
          user_id: other.id,
          kind: 'role_revoked',
          request_id: null,
          unit_id: null,
          role: null,
          actor_user_id: null,
          read_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { method: 'POST', url: `/api/notices/${notice.id}/read` };
    },
    expect: outcomes(404, {}),
  },
  // Uppdrag (commissions): the case's side through the case, the provider's side through the
  // provider's unit — another provider's users, and everyone else, are told it does not exist.
  {
    name: "list a case's uppdrag",
    audited: true,
    request: (w) => ({ method: 'GET', url: `/api/cases/${w.persons.p.caseId}/commissions` }),
    expect: outcomes(404, { assigned: 200, manager: 200 }),
  },
  {
    name: 'send an uppdrag to a provider from a granted beslut',
    audited: true,
    request: async (w, _actor, db) => {
      const { caseId, decisionId } = await grantedDecision(db, w, {
        from: '2026-11-02',
        to: '2026-12-02',
        providerId: null,
      });
      return {
        method: 'POST',
        url: `/api/cases/${caseId}/commissions`,
        payload: {
          decisionId,
          providerId: w.providers.own,
          what: 'Skyddat boende.',
          why: 'Hög risk för fortsatt våld.',
          period: { from: '2026-11-02', to: '2026-12-02' },
          contact: 'Handläggaren, 08-111 11 11',
          categories: ['name'],
          ground: {
            kind: 'consent',
            consentId: await consentToProvider(db, {
              caseId,
              providerId: w.providers.own,
              recordedBy: w.users.assigned.id,
            }),
          },
          language: null,
        },
      };
    },
    expect: outcomes(404, { assigned: 201, manager: 403 }),
  },
  {
    name: 'end an uppdrag',
    audited: true,
    request: async (w, _actor, db) => {
      const { caseId, id } = await commissionFor(db, w, 'own');
      return {
        method: 'POST',
        url: `/api/cases/${caseId}/commissions/${id}/end`,
        payload: { reason: 'Personen har flyttat.', version: 1 },
      };
    },
    expect: outcomes(404, { assigned: 200, manager: 403 }),
  },
  {
    name: 'print an uppdrag for an external provider',
    audited: true,
    request: async (w, _actor, db) => {
      const { caseId, id } = await commissionFor(db, w, 'own');
      return { method: 'GET', url: `/api/cases/${caseId}/commissions/${id}/uppdrag.pdf` };
    },
    expect: outcomes(404, { assigned: 200, manager: 200 }),
  },
  {
    name: "the provider's list of its uppdrag",
    audited: true,
    request: () => ({ method: 'GET', url: '/api/commissions' }),
    expect: outcomes(404, { provider: 200, otherProvider: 200 }),
  },
  {
    name: 'read an uppdrag given to the provider',
    audited: true,
    request: async (w, _actor, db) => ({
      method: 'GET',
      url: `/api/commissions/${(await commissionFor(db, w, 'own')).id}`,
    }),
    expect: outcomes(404, { provider: 200 }),
  },
  {
    name: 'read an uppdrag given to another provider',
    audited: true,
    request: async (w, _actor, db) => ({
      method: 'GET',
      url: `/api/commissions/${(await commissionFor(db, w, 'other')).id}`,
    }),
    expect: outcomes(404, { otherProvider: 200 }),
  },
  {
    name: 'accept an uppdrag',
    audited: true,
    request: async (w, _actor, db) => ({
      method: 'POST',
      url: `/api/commissions/${(await commissionFor(db, w, 'own')).id}/response`,
      payload: { answer: 'accept', reason: null, version: 1 },
    }),
    expect: outcomes(404, { provider: 200 }),
  },
  {
    name: 'write the genomförandeplan of an uppdrag',
    audited: true,
    request: async (w, _actor, db) => ({
      method: 'POST',
      url: `/api/commissions/${(await commissionFor(db, w, 'own', 'accepted')).id}/plan`,
      payload: {
        goals: 'Att känna sig trygg.',
        actions: 'Boende och stödsamtal.',
        schedule: 'Samtal varje vecka.',
        participation: 'Planen skrevs tillsammans med henne.',
        planVersion: 0,
      },
    }),
    expect: outcomes(404, { provider: 201 }),
  },
  {
    name: 'record a note on an uppdrag',
    audited: true,
    request: async (w, _actor, db) => ({
      method: 'POST',
      url: `/api/commissions/${(await commissionFor(db, w, 'own', 'accepted')).id}/entries`,
      payload: { kind: 'note', occurredOn: '2026-11-03', text: 'Samtal om trygghet.' },
    }),
    expect: outcomes(404, { provider: 201 }),
  },
  ...counterpartScenarios,
  ...consentScenarios,
  ...partnerContactScenarios,
  ...meetingScenarios,
  ...planScenarios,
  ...agencyScenarios,
  ...certificateScenarios,
  ...fileRequestScenarios,
  ...transferScenarios,
  ...householdScenarios,
];

let requestCounter = 0;
/**
 * A pending request, at version 1, asked for by a second administrator (made here) unless
 * `requestedBy` says otherwise: by default a role in the adult unit for a new user.
 */
async function pendingRequest(
  db: Db,
  w: World,
  actor: ActorName,
  input: {
    kind?: 'role_grant' | 'login_reset';
    role?: Role;
    requestedBy?: string;
    targetUserId?: string;
    targetGrants?: { unitId: string; role: Role }[];
  },
) {
  const n = ++requestCounter;
  const requestedBy =
    input.requestedBy ??
    (
      await createUser(db, {
        username: `andra.admin.${n}.${actor.toLowerCase()}`,
        totp: false,
        grants: [{ unitId: w.units.management, role: 'administrator' }],
      })
    ).id;
  const targetUserId =
    input.targetUserId ??
    (
      await createUser(db, {
        username: `begard.${n}.${actor.toLowerCase()}`,
        totp: false,
        grants: input.targetGrants ?? [],
      })
    ).id;
  const kind = input.kind ?? 'role_grant';
  const row = await db
    .insertInto('admin_request')
    .values({
      kind,
      target_user_id: targetUserId,
      unit_id: kind === 'role_grant' ? w.units.adult : null,
      role: kind === 'role_grant' ? (input.role ?? 'adult_caseworker') : null,
      requested_by: requestedBy,
      decided_by: null,
      decided_at: null,
      decision_note: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const approval = (id: string): InjectOptions => ({
  method: 'POST',
  url: `/api/admin/requests/${id}/approval`,
  payload: { version: 1 },
});

async function caseVersion(db: Db, caseId: string) {
  const row = await db
    .selectFrom('case')
    .select('version')
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
  return row.version;
}

/**
 * A new case on an oral application, assigned to `userId`, in the adult unit, brought to a stage:
 * just registered, in utredning, or communicated.
 */
export async function freshCase(
  db: Db,
  w: World,
  userId: string,
  stage: 'intake' | 'investigation' | 'communicated' = 'intake',
) {
  const person = await db
    .insertInto('person')
    .values({
      identity_kind: null,
      identity_number: null,
      given_name: 'Matris',
      family_name: 'Person',
      protection_level: 'none',
      created_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const phase = stage === 'intake' ? 'preliminary_assessment' : stage;
  const created = await db
    .insertInto('case')
    .values({
      person_id: person.id,
      unit_id: w.units.adult,
      target_group: 'victim',
      assigned_user_id: userId,
      created_by: null,
      phase,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const events: {
    type: 'intake_registered' | 'preliminary_assessment' | 'communication_recorded';
    payload: object;
  }[] = [{ type: 'intake_registered', payload: { intakeType: 'application_oral' } }];
  if (stage !== 'intake') {
    events.push({
      type: 'preliminary_assessment',
      payload: { outcome: 'open_investigation', reason: 'Ansökan.' },
    });
    await db
      .insertInto('investigation')
      .values({ case_id: created.id, template: 'victim', opened_by: userId })
      .execute();
  }
  if (stage === 'communicated') {
    events.push({ type: 'communication_recorded', payload: { method: 'meeting' } });
  }
  await db
    .insertInto('case_event')
    .values(
      events.map((e, i) => ({
        case_id: created.id,
        seq: i + 1,
        type: e.type,
        payload: JSON.stringify(e.payload),
        recorded_by: null,
      })),
    )
    .execute();
  return created.id;
}

/** A journal entry by the assigned handläggare on P's case, at version 1. */
async function journalEntry(db: Db, w: World) {
  const entry = await db
    .insertInto('journal_entry')
    .values({ case_id: w.persons.p.caseId, created_by: w.users.assigned.id })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('journal_entry_version')
    .values({
      entry_id: entry.id,
      version: 1,
      occurred_on: '2026-11-01',
      text: 'Hembesök.',
      source_kind: 'own_observation',
      source_detail: null,
      correction_reason: null,
      recorded_by: w.users.assigned.id,
    })
    .execute();
  return entry.id;
}

const decisionPayload = (version: number) => ({
  intervention: 'shelter',
  requested: 'Skyddat boende.',
  outcome: 'granted',
  motivation: 'Hög risk för fortsatt våld.',
  decidedOn: '2026-11-02',
  period: { from: '2026-11-02', to: '2026-12-02' },
  notified: null,
  version,
});

/** Skyddat boende tonight: the dates are today's, as an acute beslut's must be. */
const acuteDecisionPayload = (version: number) => {
  const today = stockholmDate(new Date());
  return {
    intervention: 'shelter',
    requested: 'Skyddat boende i natt.',
    motivation: 'Hon har hotats till livet och kan inte återvända hem.',
    groundReason: 'Hon behöver skydd i natt; beslutet kan inte vänta.',
    ownView: 'Hon säger att han kommer att döda henne om han hittar henne.',
    decidedOn: today,
    period: { from: today, to: addDays(today, 14) },
    notified: null,
    version,
  };
};

/**
 * A granted beslut on skyddat boende (version 1), on a fresh communicated case assigned to
 * `assigned` unless `on` names a case; with its period and place when `on` gives them.
 */
async function grantedDecision(
  db: Db,
  w: World,
  on?: { caseId?: string; from: string; to: string | null; providerId: string | null },
) {
  const caseId = on?.caseId ?? (await freshCase(db, w, w.users.assigned.id, 'communicated'));
  const decision = await db
    .insertInto('decision')
    .values({ case_id: caseId })
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
      decided_on: on?.from ?? '2026-11-02',
      decided_by: w.users.assigned.id,
      decided_role: 'adult_caseworker',
      notified_how: null,
      notified_on: null,
      change_reason: null,
      ...(on ? { period_from: on.from, period_to: on.to, provider_id: on.providerId } : {}),
    })
    .execute();
  return { caseId, decisionId: decision.id };
}

/** A granted beslut's id (see grantedDecision). */
export async function decisionOn(
  db: Db,
  w: World,
  on?: { caseId?: string; from: string; to: string | null; providerId: string | null },
) {
  return (await grantedDecision(db, w, on)).decisionId;
}

/** An uppdrag from a fresh case's beslut to one of the world's providers, in a given status. */
async function commissionFor(
  db: Db,
  w: World,
  provider: keyof World['providers'],
  status: 'sent' | 'accepted' = 'sent',
) {
  const { caseId, decisionId } = await grantedDecision(db, w, {
    from: '2026-11-02',
    to: '2026-12-02',
    providerId: null,
  });
  const { person_id } = await db
    .selectFrom('case')
    .select('person_id')
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
  const id = await insertCommission(db, {
    caseId,
    decisionId,
    personId: person_id,
    providerId: w.providers[provider],
    createdBy: w.users.assigned.id,
    status,
  });
  return { caseId, id };
}

/** An uppdrag at a shelter for a beslut on a fresh case assigned to `assigned` (a fixture). */
async function commissionOn(db: Db, w: World) {
  const decisionId = await decisionOn(db, w);
  const decision = await db
    .selectFrom('decision as d')
    .innerJoin('case as c', 'c.id', 'd.case_id')
    .select(['d.case_id', 'c.person_id'])
    .where('d.id', '=', decisionId)
    .executeTakeFirstOrThrow();
  const provider = await db
    .insertInto('provider')
    .values({ name: `Matrisboendet ${decisionId}`, kind: 'external' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const commission = await db
    .insertInto('commission')
    .values({
      case_id: decision.case_id,
      decision_id: decisionId,
      person_id: decision.person_id,
      provider_id: provider.id,
      intervention: 'shelter',
      period_from: '2026-11-02',
      period_to: '2026-12-02',
      status: 'accepted',
      created_by: w.users.assigned.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { caseId: decision.case_id, personId: decision.person_id, commissionId: commission.id };
}

const followUpContent = () => ({
  followedUpOn: stockholmDate(new Date()),
  method: 'phone',
  withPerson: true,
  withProvider: false,
  personView: 'Det känns tryggt.',
  assessment: 'Insatsen svarar mot behovet.',
  actions: '',
  goalFulfilment: 'fully',
});

/** A date set and an uppföljning recorded (each at version 1) on such an uppdrag. */
async function followUpOn(db: Db, w: World) {
  const { caseId, personId, commissionId } = await commissionOn(db, w);
  const dueId = randomUUID();
  await db
    .insertInto('follow_up_due')
    .values({
      id: dueId,
      version: 1,
      case_id: caseId,
      commission_id: commissionId,
      due_on: addDays(stockholmDate(new Date()), 7),
      change_reason: null,
      recorded_by: w.users.assigned.id,
    })
    .execute();
  const followUpId = randomUUID();
  await db
    .insertInto('follow_up')
    .values({
      id: followUpId,
      version: 1,
      case_id: caseId,
      person_id: personId,
      commission_id: commissionId,
      due_id: null,
      followed_up_on: '2026-11-20',
      method: 'meeting',
      with_person: true,
      with_provider: true,
      person_view: 'Det känns tryggt.',
      assessment: 'Insatsen svarar mot behovet.',
      actions: '',
      goal_fulfilment: 'fully',
      correction_reason: null,
      recorded_by: w.users.assigned.id,
    })
    .execute();
  return { caseId, commissionId, dueId, followUpId };
}

/** An assigned case whose person has a child and a granted stay in skyddat boende. */
async function shelterWithChild(db: Db, w: World) {
  const decisionId = await decisionOn(db, w);
  const { case_id: caseId } = await db
    .selectFrom('decision')
    .select('case_id')
    .where('id', '=', decisionId)
    .executeTakeFirstOrThrow();
  // The stay's period (decisionOn's beslut predates periods); the versions refuse changes, so a
  // rättelse carries it, as in the application.
  const head = await db
    .updateTable('decision')
    .set({ version: 2 })
    .where('id', '=', decisionId)
    .returning('version')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('decision_version')
    .values({
      decision_id: decisionId,
      version: head.version,
      kind: 'correction',
      intervention: 'shelter',
      requested: 'Skyddat boende.',
      outcome: 'granted',
      motivation: 'Hög risk.',
      legal_basis: '4 kap. 1 § SoL',
      appeal_instructions: null,
      decided_on: '2026-11-02',
      decided_by: w.users.assigned.id,
      decided_role: 'adult_caseworker',
      notified_how: null,
      notified_on: null,
      change_reason: 'Perioden saknades.',
      period_from: '2026-11-02',
      period_to: '2026-12-02',
    })
    .execute();
  const { person_id: parentId } = await db
    .selectFrom('case')
    .select('person_id')
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
  return { caseId, childId: await householdChild(db, parentId) };
}

/** A new child of `parentId`, with no case yet. */
async function householdChild(db: Db, parentId: string) {
  const child = await db
    .insertInto('person')
    .values({
      identity_kind: null,
      identity_number: null,
      given_name: 'Matris',
      family_name: 'Barn',
      protection_level: 'none',
      created_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('person_relation')
    .values({
      person_id: parentId,
      related_person_id: child.id,
      kind: 'parent_of',
      created_by: null,
    })
    .execute();
  return child.id;
}

const placeNeeds = {
  children: 2,
  teenageBoy: false,
  pets: false,
  wheelchair: false,
  language: null,
  minSecurityLevel: 1,
};

/** A provider of skyddat boende, as the registry is sent it; `shelter` changes what it takes. */
export const providerPayload = (name: string, shelter: Partial<ShelterFields> = {}) => ({
  name,
  kind: 'external',
  unitId: null,
  contact: 'Jour 08-123 456',
  active: true,
  interventions: ['shelter'],
  shelter: {
    places: 3,
    securityLevel: 2,
    takesChildren: true,
    takesTeenageBoys: false,
    takesPets: false,
    wheelchairAccessible: false,
    languages: ['svenska'],
    ...shelter,
  },
});

/** A provider of skyddat boende, at its first version. */
async function providerIn(db: Db, name: string) {
  const provider = await db
    .insertInto('provider')
    .values({ name, kind: 'external', unit_id: null, contact: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('provider_intervention')
    .values({ provider_id: provider.id, intervention: 'shelter' })
    .execute();
  return provider.id;
}

/** Sends a scenario's request as an actor. */
export async function runScenario(t: TestApp, world: World, scenario: Scenario, actor: ActorName) {
  const base = await scenario.request(world, actor, t.database.db);
  return t.app.inject({
    ...base,
    headers: { ...world.sessions[actor].headers, ...(base.headers ?? {}) },
  });
}
