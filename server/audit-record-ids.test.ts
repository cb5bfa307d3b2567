import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditActions, auditActionsWithoutRecord, auditRecordKeys } from '../core/audit/events.ts';
import type { AuditAction, AuditRecordAction } from '../core/audit/events.ts';
import type { Contract } from '../core/contracts/contract.ts';
import * as accessLogContracts from '../core/contracts/access-log.ts';
import * as adminContracts from '../core/contracts/admin.ts';
import * as adviceSessionContracts from '../core/contracts/advice-sessions.ts';
import * as authContracts from '../core/contracts/auth.ts';
import * as caseContracts from '../core/contracts/cases.ts';
import * as commissionContracts from '../core/contracts/commissions.ts';
import * as counterpartContracts from '../core/contracts/counterparts.ts';
import * as documentContracts from '../core/contracts/case-documents.ts';
import * as followUpContracts from '../core/contracts/follow-ups.ts';
import * as noticeContracts from '../core/contracts/notices.ts';
import * as personContracts from '../core/contracts/persons.ts';
import * as providerContracts from '../core/contracts/providers.ts';
import * as riskContracts from '../core/contracts/risk.ts';
import * as systemContracts from '../core/contracts/system.ts';
import { verifyAuditChain } from './audit/audit.ts';
import type { Db } from './db/database.ts';
import { intakePayload } from './test/factories.ts';
import { scenarios } from './test/matrix.ts';
import { createTestApp } from './test/test-app.ts';
import type { TestApp } from './test/test-app.ts';
import { CANARY, buildWorld } from './test/world.ts';
import type { ActorName, World } from './test/world.ts';

/**
 * Every audit row of a create or change names the record it created or changed (issue 22): the
 * keys core/audit/events.ts gives for its action, with the ids the response returned or the
 * database holds. Each write is made through real HTTP on the real database; a write route or a
 * record action this table does not exercise fails the test.
 */

/** What one write sent and got back, for its expectations. */
interface Sent {
  url: string;
  payload: Record<string, unknown>;
  body: Record<string, unknown>;
  db: Db;
  w: World;
}

type Expected = Partial<Record<AuditAction, Record<string, unknown>>>;

interface Write {
  /** A scenario of the authorization matrix (server/test/matrix.ts), or a request of this file's own. */
  scenario: string;
  actor: ActorName;
  /** For a request not in the matrix. */
  request?: (w: World, db: Db) => InjectOptions | Promise<InjectOptions>;
  /** The audit rows the write leaves, by action, with what each names. */
  expect: (s: Sent) => Expected | Promise<Expected>;
}

/** The path segment after `name` in the request's url. */
const segment = (url: string, name: string): string => {
  const parts = url.split('/');
  const at = parts.indexOf(name);
  const value = at >= 0 ? parts[at + 1] : undefined;
  if (!value) throw new Error(`no ${name} segment in ${url}`);
  return value;
};
const obj = (value: unknown): Record<string, unknown> => value as Record<string, unknown>;

// In the matrix's order: later scenarios build on what earlier ones did (the nödåtkomst reviewed).
const writes: Write[] = [
  {
    scenario: 'register an aktualisering for a new person in the adult unit',
    actor: 'assigned',
    expect: ({ body }) => ({
      'case.open': { caseId: body.caseId, personId: body.personId, personCreated: true },
    }),
  },
  {
    scenario: 'register an aktualisering for a person with an assigned case',
    actor: 'assigned',
    expect: ({ body, w }) => ({
      'case.open': { caseId: body.caseId, personId: w.persons.p.id, personCreated: false },
    }),
  },
  {
    scenario: 'register an aktualisering about a person with a file one may not open (routed)',
    actor: 'colleague',
    request: (w) => ({
      method: 'POST',
      url: '/api/intakes',
      payload: intakePayload(w.units.adult, {
        existing: false,
        newPerson: {
          identity: { kind: 'personnummer', number: w.persons.p.personnummer },
          givenName: 'Okänd',
          familyName: 'Uppgift',
          protectionLevel: 'none',
        },
      }),
    }),
    expect: async ({ body, db, w }) => {
      expect(body.outcome).toBe('routed');
      const routed = await db
        .selectFrom('case')
        .select('id')
        .where('person_id', '=', w.persons.p.id)
        .where('routed_by', '=', w.users.colleague.id)
        .executeTakeFirstOrThrow();
      return { 'case.route': { caseId: routed.id } };
    },
  },
  {
    scenario: 'mark a person in the intake queue as protected (raising protection)',
    actor: 'assigned',
    expect: ({ body, w }) => ({
      'person.update': {
        personId: w.persons.r.id,
        field: 'protection_level',
        version: body.version,
      },
    }),
  },
  {
    scenario: 'lower the protection of a protected person',
    actor: 'assigned',
    expect: ({ body, w }) => ({
      'person.update': {
        personId: w.persons.q.id,
        field: 'protection_level',
        version: body.version,
      },
    }),
  },
  {
    scenario: 'add a contact channel to a protected person',
    actor: 'assigned',
    expect: ({ body, w }) => ({
      'person.update': { personId: w.persons.q.id, channelId: body.id, version: body.version },
    }),
  },
  {
    scenario: 'mark a contact channel unsafe',
    actor: 'assigned',
    expect: ({ body, url, w }) => {
      expect(body.id).toBe(segment(url, 'contact-channels'));
      return {
        'person.update': {
          personId: w.persons.p.id,
          channelId: body.id,
          version: body.version,
        },
      };
    },
  },
  {
    scenario: 'record a relation from a person with an assigned case to a person in the queue',
    actor: 'assigned',
    expect: ({ body }) => ({ 'relation.create': { relationId: body.id } }),
  },
  {
    scenario: 'record consent to an utredning on an assigned case',
    actor: 'assigned',
    expect: ({ body, w }) => ({
      'case.step': { caseId: w.persons.p.caseId, step: 'consent', version: body.version },
    }),
  },
  {
    scenario: 'record a new acute screening on a case in the intake queue',
    actor: 'assigned',
    expect: ({ body, w }) => ({
      'case.step': { caseId: w.persons.r.caseId, step: 'acute_screening', version: body.version },
    }),
  },
  {
    scenario: 'make the förhandsbedömning on an assigned case',
    actor: 'assigned',
    expect: ({ body, url }) => ({
      'case.step': {
        caseId: segment(url, 'cases'),
        step: 'preliminary_assessment',
        version: body.version,
      },
    }),
  },
  {
    scenario: 'register a child in the household of an assigned case',
    actor: 'assigned',
    expect: ({ body, w }) => ({
      'case.step': {
        caseId: w.persons.p.caseId,
        step: 'household_child',
        childPersonId: body.childPersonId,
        personCreated: true,
      },
    }),
  },
  {
    scenario: 'register as a child in the household a known person one may not open (routed)',
    actor: 'assigned',
    request: (w) => ({
      method: 'POST',
      url: `/api/cases/${w.persons.p.caseId}/household-children`,
      payload: {
        child: {
          identity: { kind: 'personnummer', number: w.persons.s.personnummer },
          givenName: 'Okänd',
          familyName: 'Uppgift',
          protectionLevel: 'none',
        },
      },
    }),
    expect: async ({ body, db, w }) => {
      expect(body.outcome).toBe('routed');
      const routed = await db
        .selectFrom('case')
        .select('id')
        .where('person_id', '=', w.persons.s.id)
        .where('routed_by', '=', w.users.assigned.id)
        .executeTakeFirstOrThrow();
      return {
        'case.step': {
          caseId: w.persons.p.caseId,
          step: 'household_child',
          routed: true,
          childPersonId: w.persons.s.id,
          routedCaseId: routed.id,
        },
      };
    },
  },
  {
    scenario: 'register an orosanmälan for a child in the household of an assigned case',
    actor: 'assigned',
    expect: ({ body, w }) => ({
      'case.child_report': { caseId: w.persons.p.caseId, childCaseId: body.childCaseId },
    }),
  },
  {
    scenario: 'register one orosanmälan for two siblings in the household of an assigned case',
    actor: 'assigned',
    expect: ({ body, w }) => ({
      'case.child_report': {
        caseId: w.persons.p.caseId,
        childCaseId: (body.childCaseIds as string[])[0],
        children: 2,
      },
    }),
  },
  {
    scenario: 'record why no orosanmälan is made for a child in the household',
    actor: 'assigned',
    expect: ({ payload, w }) => ({
      'case.step': {
        caseId: w.persons.p.caseId,
        step: 'child_report_waived',
        childPersonId: payload.childPersonId,
      },
    }),
  },
  {
    scenario: 'close an assigned case',
    actor: 'assigned',
    expect: ({ body, url }) => ({
      'case.step': { caseId: segment(url, 'cases'), step: 'close', version: body.version },
    }),
  },
  {
    scenario: 'write a journal entry on an assigned case',
    actor: 'assigned',
    expect: ({ body }) => ({ 'journal.write': { entryId: body.id, version: 1 } }),
  },
  {
    scenario: 'correct a journal entry on an assigned case',
    actor: 'assigned',
    expect: ({ body, url }) => ({
      'journal.correct': { entryId: segment(url, 'journal'), version: body.version },
    }),
  },
  {
    scenario: 'autosave a journal draft on an assigned case',
    actor: 'assigned',
    expect: ({ w }) => ({
      'draft.save': { caseId: w.persons.p.caseId, kind: 'journal', key: 'new' },
    }),
  },
  {
    scenario: 'discard my journal draft on an assigned case',
    actor: 'assigned',
    expect: ({ w }) => ({
      'draft.discard': { caseId: w.persons.p.caseId, kind: 'journal', key: 'new' },
    }),
  },
  {
    scenario: 'autosave a draft of a journal correction on an assigned case',
    actor: 'assigned',
    expect: ({ url, w }) => ({
      'draft.save': {
        caseId: w.persons.p.caseId,
        kind: 'journal_correction',
        key: segment(url, 'journal'),
      },
    }),
  },
  {
    scenario: 'discard my draft of a journal correction on an assigned case',
    actor: 'assigned',
    expect: ({ url, w }) => ({
      'draft.discard': {
        caseId: w.persons.p.caseId,
        kind: 'journal_correction',
        key: segment(url, 'journal'),
      },
    }),
  },
  {
    scenario: 'autosave a draft of an utredning section on an assigned case',
    actor: 'assigned',
    expect: ({ w }) => ({
      'draft.save': {
        caseId: w.persons.p.caseId,
        kind: 'investigation_section',
        key: 'background',
      },
    }),
  },
  {
    scenario: 'discard my draft of an utredning section on an assigned case',
    actor: 'assigned',
    expect: ({ w }) => ({
      'draft.discard': {
        caseId: w.persons.p.caseId,
        kind: 'investigation_section',
        key: 'background',
      },
    }),
  },
  {
    scenario: 'autosave a draft of the safety plan of a protected person',
    actor: 'assigned',
    expect: ({ w }) => ({
      'draft.save': { caseId: w.persons.q.caseId, kind: 'safety_plan', key: w.persons.q.id },
    }),
  },
  {
    scenario: 'discard my draft of the safety plan of a protected person',
    actor: 'assigned',
    expect: ({ w }) => ({
      'draft.discard': { caseId: w.persons.q.caseId, kind: 'safety_plan', key: w.persons.q.id },
    }),
  },
  {
    scenario: 'write a section of the utredning of an assigned case',
    actor: 'assigned',
    expect: ({ body, url }) => ({
      'investigation.write': {
        caseId: segment(url, 'cases'),
        section: 'background',
        version: body.version,
      },
    }),
  },
  {
    scenario: 'record kommunicering on an assigned case',
    actor: 'assigned',
    expect: ({ body, url }) => ({
      'communication.record': { caseId: segment(url, 'cases'), version: body.version },
    }),
  },
  {
    scenario: 'make a beslut on an assigned case (delegation: handläggare and chef)',
    actor: 'assigned',
    expect: ({ body }) => ({ 'decision.record': { decisionId: body.id, version: 1 } }),
  },
  {
    scenario: 'make an acute beslut before kommunicering on an assigned case in förhandsbedömning',
    actor: 'assigned',
    expect: ({ body }) => ({
      'decision.acute': { decisionId: body.id, version: 1, assessmentId: body.assessmentId },
    }),
  },
  {
    scenario: 'record the school of a child accompanying the parent into skyddat boende',
    actor: 'assigned',
    expect: ({ body }) => ({ 'school_arrangement.record': { arrangementId: body.id } }),
  },
  {
    scenario: 'correct a beslut on an assigned case',
    actor: 'assigned',
    expect: ({ body, url }) => {
      expect(body.id).toBe(segment(url, 'decisions'));
      return {
        'decision.revise': { decisionId: body.id, version: body.version, kind: 'correction' },
      };
    },
  },
  {
    scenario: 'change the delegation list',
    actor: 'admin',
    expect: ({ payload }) => ({
      'admin.delegation': {
        unitId: payload.unitId,
        intervention: payload.intervention,
        role: payload.role,
      },
    }),
  },
  {
    scenario: 'register a provider of skyddat boende',
    actor: 'admin',
    expect: ({ body }) => ({
      'admin.provider': { providerId: body.id, version: 1, change: 'create' },
    }),
  },
  {
    scenario: 'edit a provider',
    actor: 'admin',
    expect: ({ body, url }) => ({
      'admin.provider': { providerId: segment(url, 'providers'), version: body.version },
    }),
  },
  {
    scenario: 'record that no place could be arranged on an assigned case',
    actor: 'assigned',
    expect: ({ body }) => ({
      'shelter.turned_away': { turnedAwayId: body.id, reason: 'no_free_place' },
    }),
  },
  {
    scenario: "change socialjour's handover rules",
    actor: 'admin',
    expect: ({ body, payload }) => ({
      'admin.handover_rules': { version: body.version, defaultUnitId: payload.defaultUnitId },
    }),
  },
  {
    scenario: 'load a legal catalogue',
    actor: 'admin',
    expect: ({ body }) => ({ 'admin.legal_catalogue': { catalogueId: body.id } }),
  },
  {
    scenario: 'put a legal catalogue in force',
    actor: 'admin',
    expect: ({ url }) => ({
      'admin.legal_catalogue': { catalogueId: segment(url, 'legal-catalogues') },
    }),
  },
  {
    scenario: 'load an insatser catalogue',
    actor: 'admin',
    expect: ({ body }) => ({ 'admin.intervention_catalogue': { catalogueId: body.id } }),
  },
  {
    scenario: 'put an insatser catalogue in force',
    actor: 'admin',
    expect: ({ url }) => ({
      'admin.intervention_catalogue': { catalogueId: segment(url, 'intervention-catalogues') },
    }),
  },
  {
    scenario: 'load an instrument version',
    actor: 'admin',
    expect: ({ body }) => ({
      'admin.instrument': { instrumentId: body.id, version: body.version, change: 'import' },
    }),
  },
  {
    scenario: 'retire an instrument version',
    actor: 'admin',
    expect: ({ url }) => ({
      'admin.instrument': {
        instrumentId: segment(url, 'instruments'),
        version: Number(segment(url, 'versions')),
        change: 'retire',
      },
    }),
  },
  {
    scenario: 'make a structured risk assessment on an assigned case',
    actor: 'assigned',
    expect: ({ body }) => ({ 'risk.assess': { assessmentId: body.id } }),
  },
  {
    scenario: "record the police's risk assessment on an assigned case",
    actor: 'assigned',
    expect: ({ body }) => ({ 'risk.assess': { assessmentId: body.id } }),
  },
  {
    scenario: 'register an incident on an assigned case',
    actor: 'assigned',
    expect: ({ body }) => ({ 'risk.incident': { incidentId: body.id } }),
  },
  {
    scenario: 'mark a safety signal of an assigned case reviewed',
    actor: 'assigned',
    expect: ({ url }) => ({ 'safety_signal.handle': { signalId: segment(url, 'safety-signals') } }),
  },
  {
    scenario: 'record a råd och stöd session on an assigned case',
    actor: 'assigned',
    expect: ({ body }) => ({ 'advice_session.record': { sessionId: body.id } }),
  },
  {
    scenario: 'record a consent on an assigned case',
    actor: 'assigned',
    expect: ({ body }) => ({ 'consent.record': { consentId: body.id } }),
  },
  {
    scenario: 'revoke a consent on an assigned case',
    actor: 'assigned',
    expect: ({ url }) => ({ 'consent.revoke': { consentId: segment(url, 'consents') } }),
  },
  {
    scenario: 'record a disclosure to the police on an assigned case',
    actor: 'assigned',
    expect: ({ body }) => ({
      'agency_disclosure.record': {
        agencyDisclosureId: body.id,
        disclosureId: expect.any(String) as string,
      },
    }),
  },
  {
    scenario: 'record her decision about reporting on an assigned case',
    actor: 'assigned',
    expect: ({ body }) => ({ 'crime_report.record': { decisionId: body.id } }),
  },
  {
    scenario: 'write an intyg on an assigned case',
    actor: 'assigned',
    expect: ({ body }) => ({ 'certificate.write': { certificateId: body.id, version: 1 } }),
  },
  {
    scenario: 'write a new version of an intyg on an assigned case',
    actor: 'assigned',
    expect: ({ url }) => ({
      'certificate.write': { certificateId: segment(url, 'certificates'), version: 2 },
    }),
  },
  {
    scenario: 'review an intyg the assigned handläggare wrote',
    actor: 'manager',
    expect: ({ url, body }) => ({
      'certificate.review': { certificateId: segment(url, 'certificates'), reviewId: body.id },
    }),
  },
  {
    scenario: 'issue a reviewed intyg of an assigned case',
    actor: 'assigned',
    expect: ({ url }) => ({
      'certificate.issue': { certificateId: segment(url, 'certificates'), version: 1 },
    }),
  },
  {
    scenario: 'register a request to see the file on an assigned case',
    actor: 'assigned',
    expect: ({ body }) => ({ 'file_request.register': { requestId: body.id } }),
  },
  {
    scenario: 'save the sekretessprövning of an extract on an assigned case',
    actor: 'assigned',
    expect: ({ url }) => ({
      'file_extract.write': { requestId: segment(url, 'file-requests'), version: 1 },
    }),
  },
  {
    scenario: 'approve the extract of a file of an assigned case',
    actor: 'manager',
    expect: ({ url, body }) => ({
      'file_extract.approve': { requestId: segment(url, 'file-requests'), approvalId: body.id },
    }),
  },
  {
    scenario: 'release the approved extract of a file of an assigned case',
    actor: 'assigned',
    expect: ({ url }) => ({
      'file_extract.release': { requestId: segment(url, 'file-requests'), version: 1 },
    }),
  },
  {
    scenario: 'request a transfer of an assigned case to another municipality',
    actor: 'assigned',
    expect: ({ body }) => ({ 'transfer.request': { transferId: body.id } }),
  },
  {
    scenario: 'decide to request the transfer of an assigned case',
    actor: 'manager',
    expect: ({ url, body }) => ({
      'transfer.approve': { transferId: segment(url, 'transfers'), approvalId: body.id },
    }),
  },
  {
    scenario: 'record the receiving municipality’s answer on a transfer of an assigned case',
    actor: 'assigned',
    expect: ({ url, body }) => ({
      'transfer.answer': { transferId: segment(url, 'transfers'), answerId: body.id },
    }),
  },
  {
    scenario: 'produce the package of an accepted transfer of an assigned case',
    actor: 'assigned',
    expect: ({ url, body }) => ({
      'transfer.package': { transferId: segment(url, 'transfers'), packageId: body.packageId },
    }),
  },
  {
    scenario: 'close an assigned case as moved once its package is sent',
    actor: 'assigned',
    expect: ({ url }) => ({
      'transfer.complete': { transferId: segment(url, 'transfers'), caseId: segment(url, 'cases') },
    }),
  },
  {
    scenario: 'read a package from another municipality into the adult unit',
    actor: 'assigned',
    expect: async ({ body, db }) => {
      const imported = await db
        .selectFrom('transfer_import')
        .select(['id', 'package_id'])
        .where('case_id', '=', String(body.caseId))
        .executeTakeFirstOrThrow();
      return {
        'transfer.import': {
          importId: imported.id,
          packageId: imported.package_id,
          caseId: body.caseId,
          personCreated: true,
        },
      };
    },
  },
  {
    scenario: 'attach the signed form to a written consent on an assigned case',
    actor: 'assigned',
    expect: ({ url, body }) => ({
      'consent.document.attach': { consentId: segment(url, 'consents'), documentId: body.id },
    }),
  },
  {
    scenario: 'call a samråd from an assigned case',
    actor: 'assigned',
    expect: ({ body }) => ({ 'meeting.call': { meetingId: body.id } }),
  },
  {
    scenario: 'add a participant to a samråd',
    actor: 'assigned',
    expect: ({ url, body }) => ({
      'meeting.participant': { meetingId: segment(url, 'meetings'), participantId: body.id },
    }),
  },
  {
    scenario: 'join a child’s file to a samråd',
    actor: 'childrenWorker',
    expect: ({ url }) => ({
      'meeting.join': { meetingId: segment(url, 'meetings'), caseId: segment(url, 'cases') },
    }),
  },
  {
    scenario: 'ground a participant’s presence for an assigned file',
    actor: 'assigned',
    expect: ({ url, body }) => ({
      'meeting.ground': { meetingId: segment(url, 'meetings'), groundId: body.id },
    }),
  },
  {
    scenario: 'hold a samråd: write its minutes',
    actor: 'assigned',
    expect: ({ url }) => ({ 'meeting.hold': { meetingId: segment(url, 'meetings') } }),
  },
  {
    scenario: 'write a SIP on an assigned case',
    actor: 'assigned',
    expect: ({ body }) => ({ 'plan.write': { planId: body.id, version: 1 } }),
  },
  {
    scenario: 'revise a SIP on an assigned case',
    actor: 'assigned',
    expect: ({ url }) => ({ 'plan.write': { planId: segment(url, 'plans'), version: 2 } }),
  },
  {
    scenario: 'follow up a SIP on an assigned case',
    actor: 'assigned',
    expect: ({ url, body }) => ({
      'plan.follow_up': { planId: segment(url, 'plans'), followUpId: body.id },
    }),
  },
  {
    scenario: 'close an action item from a samråd',
    actor: 'assigned',
    expect: ({ url }) => ({
      'meeting.action_done': { meetingId: segment(url, 'meetings'), itemId: segment(url, 'items') },
    }),
  },
  {
    scenario: 'set a date for the uppföljning of an uppdrag on an assigned case',
    actor: 'assigned',
    expect: ({ body }) => ({ 'follow_up_due.set': { dueId: body.id, version: 1 } }),
  },
  {
    scenario: 'move the date of an uppföljning on an assigned case',
    actor: 'assigned',
    expect: ({ url, body }) => ({
      'follow_up_due.change': { dueId: segment(url, 'follow-up-dues'), version: body.version },
    }),
  },
  {
    scenario: 'record an uppföljning of an uppdrag on an assigned case',
    actor: 'assigned',
    expect: ({ body }) => ({ 'follow_up.record': { followUpId: body.id, version: 1 } }),
  },
  {
    scenario: 'correct an uppföljning on an assigned case',
    actor: 'assigned',
    expect: ({ url, body }) => ({
      'follow_up.correct': { followUpId: segment(url, 'follow-ups'), version: body.version },
    }),
  },
  {
    scenario: 'write the safety plan of a protected person',
    actor: 'assigned',
    expect: ({ body, w }) => ({
      'safety_plan.write': {
        caseId: w.persons.q.caseId,
        planPersonId: w.persons.q.id,
        version: body.version,
      },
    }),
  },
  {
    // The colleague, so that the manager's review below finds her nödåtkomst.
    scenario: 'start nödåtkomst to a person nobody works with',
    actor: 'colleague',
    expect: async ({ db, w }) => {
      const started = await db
        .selectFrom('emergency_access')
        .select('id')
        .where('user_id', '=', w.users.colleague.id)
        .where('person_id', '=', w.persons.s.id)
        .executeTakeFirstOrThrow();
      return { 'emergency_access.start': { emergencyAccessId: started.id, found: true } };
    },
  },
  {
    scenario: 'take a case from the intake queue (the manager assigns it to a colleague)',
    actor: 'assigned',
    expect: ({ body, w }) => ({
      'case.assign': { caseId: w.persons.r.caseId, version: body.version },
    }),
  },
  {
    scenario: "review a colleague's nödåtkomst",
    actor: 'manager',
    expect: ({ body, url }) => {
      expect(body.id).toBe(segment(url, 'emergency-access'));
      return { 'emergency_access.review': { emergencyAccessId: body.id } };
    },
  },
  {
    scenario: 'create a unit',
    actor: 'admin',
    expect: ({ body }) => ({ 'admin.unit.create': { unitId: body.id } }),
  },
  {
    scenario: 'create a user',
    actor: 'admin',
    expect: ({ body }) => {
      const user = obj(body.user);
      const login = obj(body.request);
      return {
        'admin.user.create': { userId: user.id },
        'admin.request.create': {
          requestId: login.id,
          version: login.version,
          userId: user.id,
          kind: 'login_reset',
        },
      };
    },
  },
  {
    scenario: 'disable another user',
    actor: 'admin',
    expect: ({ body, url }) => ({
      'admin.user.disable': { userId: segment(url, 'users'), version: body.version },
    }),
  },
  {
    scenario: 'enable the user disabled above',
    actor: 'admin',
    request: async (_w, db) => {
      const user = await db
        .selectFrom('app_user')
        .select(['id', 'version'])
        .where('username', '=', 'avstangd.admin')
        .executeTakeFirstOrThrow();
      return {
        method: 'POST',
        url: `/api/admin/users/${user.id}/status`,
        payload: { disabled: false, version: user.version },
      };
    },
    expect: ({ body, url }) => ({
      'admin.user.enable': { userId: segment(url, 'users'), version: body.version },
    }),
  },
  {
    scenario: "ask for a reset of another user's login (forgotten password, lost phone)",
    actor: 'admin',
    expect: ({ body, url }) => ({
      'admin.request.create': {
        requestId: body.id,
        version: body.version,
        userId: segment(url, 'users'),
        kind: 'login_reset',
      },
    }),
  },
  {
    scenario:
      "lift the login lock of a user in the adult unit (administrator or the unit's manager)",
    actor: 'admin',
    expect: ({ url }) => ({ 'auth.login_unlock': { userId: segment(url, 'users') } }),
  },
  {
    scenario: 'ask for a role for another user (given when a second person approves)',
    actor: 'admin',
    expect: ({ body, payload, url }) => ({
      'admin.request.create': {
        requestId: body.id,
        version: body.version,
        userId: segment(url, 'users'),
        unitId: payload.unitId,
        role: payload.role,
      },
    }),
  },
  {
    scenario: 'revoke a role from another user',
    actor: 'admin',
    expect: ({ url, w }) => ({
      'admin.role.revoke': {
        userId: segment(url, 'users'),
        unitId: w.units.adult,
        role: 'adult_caseworker',
      },
    }),
  },
  {
    scenario: 'approve a role in the adult unit asked for by another administrator',
    actor: 'admin',
    expect: ({ body, url, w }) => {
      const approved = obj(body.request);
      const requestId = segment(url, 'requests');
      return {
        'admin.request.approve': { requestId, version: approved.version },
        'admin.role.grant': {
          requestId,
          userId: obj(approved.targetUser).id,
          unitId: w.units.adult,
          role: 'adult_caseworker',
        },
      };
    },
  },
  {
    scenario: 'approve a new login for a handläggare of the adult unit',
    actor: 'manager',
    expect: ({ body, url }) => {
      const approved = obj(body.request);
      const requestId = segment(url, 'requests');
      return {
        'admin.request.approve': { requestId, version: approved.version },
        'admin.user.login_reset': { requestId, userId: obj(approved.targetUser).id },
      };
    },
  },
  {
    scenario: 'approve the administrator role (a second administrator only, never a unit manager)',
    actor: 'admin',
    expect: ({ body, url }) => {
      const approved = obj(body.request);
      const requestId = segment(url, 'requests');
      return {
        'admin.request.approve': { requestId, version: approved.version },
        'admin.role.grant': { requestId, role: 'administrator' },
      };
    },
  },
  {
    scenario: 'reject a role in the adult unit asked for by another administrator',
    actor: 'admin',
    expect: ({ body, url }) => ({
      'admin.request.reject': { requestId: segment(url, 'requests'), version: body.version },
    }),
  },
  {
    scenario: 'withdraw a request one made oneself',
    actor: 'admin',
    expect: ({ body, url }) => ({
      'admin.request.withdraw': { requestId: segment(url, 'requests'), version: body.version },
    }),
  },
  {
    scenario: 'send an uppdrag to a provider from a granted beslut',
    actor: 'assigned',
    expect: ({ body }) => ({ 'commission.create': { commissionId: body.id, version: 1 } }),
  },
  {
    scenario: 'end an uppdrag',
    actor: 'assigned',
    expect: ({ body, url }) => ({
      'commission.end': { commissionId: segment(url, 'commissions'), version: body.version },
    }),
  },
  {
    scenario: 'accept an uppdrag',
    actor: 'provider',
    expect: ({ body, url }) => ({
      'commission.respond': { commissionId: segment(url, 'commissions'), version: body.version },
    }),
  },
  {
    scenario: 'write the genomförandeplan of an uppdrag',
    actor: 'provider',
    expect: ({ body, url }) => ({
      'commission.plan': {
        commissionId: segment(url, 'commissions'),
        planVersion: body.planVersion,
      },
    }),
  },
  {
    scenario: 'record a note on an uppdrag',
    actor: 'provider',
    expect: ({ body }) => ({ 'commission.record': { entryId: body.id } }),
  },
  // Issue 14: counterparts and relation corrections (server/test/matrix-counterparts.ts).
  {
    scenario: 'record the person who uses violence in the file of an assigned case',
    actor: 'assigned',
    expect: ({ body }) => ({
      'counterpart.record': { counterpartId: body.id, version: 1, usesViolence: true },
    }),
  },
  {
    scenario: 'correct a counterpart in the file of an assigned case',
    actor: 'assigned',
    expect: ({ url, body }) => ({
      'counterpart.correct': {
        counterpartId: segment(url, 'counterparts'),
        version: body.version,
        change: 'correction',
      },
    }),
  },
  {
    scenario: 'correct a relation between a person with an assigned case and a person in the queue',
    actor: 'assigned',
    expect: ({ url, body }) => ({
      'relation.correct': { relationId: segment(url, 'relations'), version: body.version },
    }),
  },
];

/**
 * Write routes that leave no row naming a record, and why. Anything else that changes state must
 * be in the table above.
 */
const withoutRecord = new Map<Contract, string>([
  [authContracts.login, 'a login: auth.login, whose session id is a secret'],
  [authContracts.secondFactor, 'a login: auth.login'],
  [authContracts.completeEnrollment, 'a login: auth.login'],
  [authContracts.logout, 'auth.logout'],
  [personContracts.searchPersons, 'a search: person.search'],
  [providerContracts.searchShelters, 'a search: shelter.search'],
  [accessLogContracts.searchAccessLog, 'a read of the log: access_log.read'],
  [noticeContracts.markNoticeRead, "one's own notice about one's own account: not audited"],
]);

/** Record actions no route records on its own (see core/audit/events.ts). */
const neverRecordedAlone = new Set<AuditRecordAction>(['person.create']);

/**
 * Record actions only a scheduled job records, each with the test that checks its row names the
 * record: no route makes them.
 */
const recordedByJobs = new Map<AuditRecordAction, string>([
  ['case.handover', 'server/jobs/handover.ts, tested in server/features/cases/handover.test.ts'],
  [
    'decision.period_ended',
    'server/jobs/period-ends.ts, tested in server/features/safety-signals/safety-signals.test.ts',
  ],
]);

const isContract = (value: unknown): value is Contract =>
  typeof value === 'object' &&
  value !== null &&
  'method' in value &&
  'path' in value &&
  'response' in value;

const writeContracts = [
  accessLogContracts,
  adminContracts,
  adviceSessionContracts,
  authContracts,
  caseContracts,
  commissionContracts,
  counterpartContracts,
  documentContracts,
  followUpContracts,
  noticeContracts,
  personContracts,
  providerContracts,
  riskContracts,
  systemContracts,
]
  .flatMap((module) => Object.values(module).filter(isContract))
  .filter((c) => c.method !== 'GET');

const routeOf = (c: Contract) =>
  new RegExp(`^${c.path.replace(/:[A-Za-z]+/g, '[^/]+').replace(/\./g, '\\.')}$`);

interface Row {
  action: string;
  details: Record<string, unknown>;
  correlation_id: string;
}

interface Done {
  write: Write;
  method: string;
  url: string;
  status: number;
  responseText: string;
  rows: Row[];
  expected: Expected;
}

let t: TestApp;
let world: World;
const done: Done[] = [];

beforeAll(async () => {
  t = await createTestApp();
  world = await buildWorld(t);
  const db = t.database.db;
  for (const write of writes) {
    const scenario = scenarios.find((s) => s.name === write.scenario);
    if (!write.request && !scenario) throw new Error(`no matrix scenario "${write.scenario}"`);
    const base = write.request
      ? await write.request(world, db)
      : await scenario!.request(world, write.actor, db);
    const res = await t.app.inject({
      ...base,
      headers: { ...world.sessions[write.actor].headers, ...(base.headers ?? {}) },
    });
    const url = typeof base.url === 'string' ? base.url : '';
    const payload = (base.payload ?? {}) as Record<string, unknown>;
    const body =
      res.headers['content-type']?.toString().startsWith('application/json') === true
        ? res.json<Record<string, unknown>>()
        : {};
    const rows = (await db
      .selectFrom('audit_event')
      .select(['action', 'details', 'correlation_id'])
      .where('correlation_id', '=', String(res.headers['x-correlation-id']))
      .orderBy('seq')
      .execute()) as Row[];
    const expected =
      res.statusCode < 300 ? await write.expect({ url, payload, body, db, w: world }) : {};
    done.push({
      write,
      method: String(base.method ?? 'GET'),
      url,
      status: res.statusCode,
      responseText: res.body,
      rows,
      expected,
    });
  }
}, 300_000);
afterAll(async () => {
  await t.close();
});

describe('audit rows of creates and changes name the record', () => {
  it('classifies every action as a record write or not', () => {
    const classified = new Set<string>([
      ...Object.keys(auditRecordKeys),
      ...auditActionsWithoutRecord,
    ]);
    expect(Object.keys(auditActions).filter((a) => !classified.has(a))).toEqual([]);
    expect(auditActionsWithoutRecord.filter((a) => Object.hasOwn(auditRecordKeys, a))).toEqual([]);
  });

  it.each(writes.map((w) => [w.scenario, w] as const))('%s', (_name, write) => {
    const d = done.find((x) => x.write === write);
    expect(d, 'the write was made').toBeDefined();
    if (!d) return;
    expect(d.status, d.responseText).toBeLessThan(300);
    const actions = d.rows.map((r) => r.action);
    expect(actions).not.toContain('security.refused');
    expect(actions.sort()).toEqual(Object.keys(d.expected).sort());
    for (const [action, names] of Object.entries(d.expected)) {
      const row = d.rows.find((r) => r.action === action);
      expect(row?.details, action).toMatchObject(names);
      // The keys the action's record is named by, each with a value.
      for (const key of auditRecordKeys[action as AuditRecordAction]) {
        expect(row?.details[key], `${action} names its record by ${key}`).not.toBeNull();
        expect(row?.details[key], `${action} names its record by ${key}`).toBeDefined();
      }
    }
  });

  it('exercises every action that names a record', () => {
    const seen = new Set(done.flatMap((d) => d.rows.map((r) => r.action)));
    const missing = (Object.keys(auditRecordKeys) as AuditRecordAction[]).filter(
      (a) => !seen.has(a) && !neverRecordedAlone.has(a) && !recordedByJobs.has(a),
    );
    expect(missing, 'add a write to the table for these actions').toEqual([]);
  });

  it('makes every write route that exists, or says why it names no record', () => {
    const routes = writeContracts.filter((c) => t.app.hasRoute({ method: c.method, url: c.path }));
    expect(routes.length).toBeGreaterThan(30);
    const uncovered = routes
      .filter((c) => !withoutRecord.has(c))
      .filter(
        (c) => !done.some((d) => d.method === c.method && d.status < 300 && routeOf(c).test(d.url)),
      )
      .map((c) => `${c.method} ${c.path}`);
    expect(uncovered, 'add a write to the table for these routes').toEqual([]);
  });

  it('puts ids, versions and enums in the details of those rows, never personal data', () => {
    const rows = done
      .flatMap((d) => d.rows)
      .filter((r) => Object.hasOwn(auditRecordKeys, r.action));
    expect(rows.length).toBeGreaterThan(writes.length);
    const token = /^[A-Za-z0-9_.:-]{1,64}$/;
    const bad = rows.flatMap((r) =>
      Object.entries(r.details)
        .filter(([, v]) => {
          if (v === null || typeof v === 'number' || typeof v === 'boolean') return false;
          return typeof v !== 'string' || !token.test(v);
        })
        .map(([k, v]) => `${r.action}.${k} = ${JSON.stringify(v)}`),
    );
    expect(bad).toEqual([]);
    const text = JSON.stringify(rows);
    expect(text).not.toContain(CANARY);
    for (const person of Object.values(world.persons))
      expect(text).not.toContain(person.personnummer);
    expect(text).not.toMatch(/Persson|Qvist|Rask|Sand|Klient|Okänd|Uppgift|Matris|Liten|Barn/);
  });

  it('still shows the account and unit on the administration rows in loggkontroll', async () => {
    const revoke = done.find((d) => d.write.scenario === 'revoke a role from another user');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/access-log/search',
      headers: world.sessions.manager.headers,
      payload: { unitId: world.units.adult },
    });
    expect(res.statusCode, res.body).toBe(200);
    const log = res.json<{
      entries: { correlationId: string; action: string; account: unknown }[];
      flagged: { correlationId: string; action: string }[];
    }>();
    const row = log.entries.find(
      (e) =>
        e.correlationId === revoke?.rows[0]?.correlation_id && e.action === 'admin.role.revoke',
    );
    expect(row?.account).toMatchObject({
      user: { id: segment(revoke?.url ?? '', 'users') },
      role: 'adult_caseworker',
    });
    expect(obj(row?.account).unitName).toEqual(expect.any(String));
  });

  it('keeps the chain whole', async () => {
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });
});
