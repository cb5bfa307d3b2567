import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The authorization matrix (server/test/matrix.ts): every endpoint × every actor → outcome.
import type { Contract } from '../core/contracts/contract.ts';
import * as accessLogContracts from '../core/contracts/access-log.ts';
import * as adminContracts from '../core/contracts/admin.ts';
import * as adviceSessionContracts from '../core/contracts/advice-sessions.ts';
import * as authContracts from '../core/contracts/auth.ts';
import * as caseContracts from '../core/contracts/cases.ts';
import * as commissionContracts from '../core/contracts/commissions.ts';
import * as consentContracts from '../core/contracts/consents.ts';
import * as partnerContactContracts from '../core/contracts/partner-contact.ts';
import * as meetingContracts from '../core/contracts/coordination-meetings.ts';
import * as planContracts from '../core/contracts/coordinated-plans.ts';
import * as agencyContracts from '../core/contracts/agency-disclosures.ts';
import * as certificateContracts from '../core/contracts/certificates.ts';
import * as fileRequestContracts from '../core/contracts/file-requests.ts';
import * as transferContracts from '../core/contracts/transfers.ts';
import * as counterpartContracts from '../core/contracts/counterparts.ts';
import * as documentContracts from '../core/contracts/case-documents.ts';
import * as familyContracts from '../core/contracts/family.ts';
import * as followUpContracts from '../core/contracts/follow-ups.ts';
import * as noticeContracts from '../core/contracts/notices.ts';
import * as personContracts from '../core/contracts/persons.ts';
import * as providerContracts from '../core/contracts/providers.ts';
import * as riskContracts from '../core/contracts/risk.ts';
import * as safetySignalContracts from '../core/contracts/safety-signals.ts';
import * as systemContracts from '../core/contracts/system.ts';
import { createTestApp } from './test/test-app.ts';
import type { TestApp } from './test/test-app.ts';
import { runScenario, scenarios } from './test/matrix.ts';
import { actorNames, buildWorld } from './test/world.ts';
import type { World } from './test/world.ts';

let t: TestApp;
let world: World;
beforeAll(async () => {
  t = await createTestApp();
  world = await buildWorld(t);
});
afterAll(async () => {
  await t.close();
});

describe('authorization matrix', () => {
  describe.each(scenarios)('$name', (scenario) => {
    it.each(actorNames)('%s', async (actor) => {
      const res = await runScenario(t, world, scenario, actor);
      const expected = scenario.expect[actor];
      if (expected === 'found' || expected === 'hidden') {
        expect(res.statusCode, res.body).toBe(200);
        const body = res.json<{ results?: { id: string }[]; items?: { id: string }[] }>();
        const ids = (body.results ?? body.items ?? []).map((r) => r.id);
        const subject = scenario.subject?.(world);
        expect(subject, 'a search scenario names its subject').toBeDefined();
        expect(ids.includes(subject ?? ''), `results: ${ids.join(', ')}`).toBe(
          expected === 'found',
        );
      } else {
        expect(res.statusCode, res.body).toBe(expected);
      }
    });
  });

  it('covers every API route that exists', () => {
    const registered = allContracts.filter((c) =>
      t.app.hasRoute({ method: c.method, url: c.path }),
    );
    expect(registered.length).toBeGreaterThan(10);
    const uncovered = registered.filter((c) => !covered.has(c)).map((c) => `${c.method} ${c.path}`);
    expect(uncovered, 'add matrix rows for these routes').toEqual([]);
  });
});

const isContract = (value: unknown): value is Contract =>
  typeof value === 'object' &&
  value !== null &&
  'method' in value &&
  'path' in value &&
  'response' in value;

const allContracts = [
  accessLogContracts,
  adminContracts,
  adviceSessionContracts,
  authContracts,
  caseContracts,
  commissionContracts,
  consentContracts,
  partnerContactContracts,
  meetingContracts,
  planContracts,
  agencyContracts,
  certificateContracts,
  fileRequestContracts,
  transferContracts,
  counterpartContracts,
  documentContracts,
  familyContracts,
  followUpContracts,
  noticeContracts,
  personContracts,
  providerContracts,
  riskContracts,
  safetySignalContracts,
  systemContracts,
].flatMap((module) => Object.values(module).filter(isContract));

/**
 * Endpoints the matrix exercises, and those whose access rules are tested elsewhere: the login
 * flow (auth.test.ts) and the public system endpoints (app.test.ts).
 */
const covered = new Set<Contract>([
  systemContracts.getHealth,
  systemContracts.getReady,
  systemContracts.getAppInfo,
  authContracts.login,
  authContracts.secondFactor,
  authContracts.getEnrollment,
  authContracts.completeEnrollment,
  authContracts.logout,
  authContracts.getSession,
  authContracts.unlockLogin,
  personContracts.getPerson,
  personContracts.getProtectedDetails,
  personContracts.searchPersons,
  personContracts.createRelation,
  personContracts.startEmergencyAccess,
  personContracts.setProtectionLevel,
  personContracts.addContactChannel,
  personContracts.updateContactChannel,
  caseContracts.listMyCases,
  caseContracts.listUnitQueue,
  caseContracts.registerIntake,
  caseContracts.assignCase,
  caseContracts.getCase,
  caseContracts.recordApplication,
  caseContracts.recordAcuteScreening,
  caseContracts.recordPreliminaryAssessment,
  caseContracts.registerHouseholdChild,
  caseContracts.registerChildReport,
  caseContracts.registerChildReports,
  caseContracts.waiveChildReport,
  caseContracts.listChildrenUnits,
  caseContracts.listNoActionRecords,
  caseContracts.closeCase,
  familyContracts.getFamily,
  documentContracts.listJournal,
  documentContracts.createJournalEntry,
  documentContracts.correctJournalEntry,
  documentContracts.getJournalHistory,
  documentContracts.saveJournalDraft,
  documentContracts.getJournalDraft,
  documentContracts.discardJournalDraft,
  documentContracts.saveCorrectionDraft,
  documentContracts.getCorrectionDraft,
  documentContracts.discardCorrectionDraft,
  documentContracts.saveSectionDraft,
  documentContracts.getSectionDraft,
  documentContracts.discardSectionDraft,
  documentContracts.listSectionDrafts,
  documentContracts.getInvestigation,
  documentContracts.saveInvestigationSection,
  documentContracts.recordCommunication,
  documentContracts.listDecisions,
  documentContracts.recordDecision,
  documentContracts.recordAcuteDecision,
  documentContracts.reviseDecision,
  documentContracts.getInterventionCatalogue,
  documentContracts.recordSchoolArrangement,
  adminContracts.listInterventionCatalogues,
  adminContracts.importInterventionCatalogue,
  adminContracts.activateInterventionCatalogue,
  adminContracts.listDelegations,
  adminContracts.setDelegation,
  adminContracts.getHandoverRules,
  adminContracts.setHandoverRules,
  adminContracts.listLegalCatalogues,
  adminContracts.importLegalCatalogue,
  adminContracts.activateLegalCatalogue,
  riskContracts.listInstruments,
  riskContracts.listInstrumentVersions,
  riskContracts.importInstrument,
  riskContracts.retireInstrument,
  riskContracts.getCaseRisk,
  riskContracts.recordAssessment,
  riskContracts.recordPoliceAssessment,
  riskContracts.recordIncident,
  adviceSessionContracts.listAdviceSessions,
  adviceSessionContracts.recordAdviceSession,
  followUpContracts.listFollowUps,
  followUpContracts.setFollowUpDue,
  followUpContracts.changeFollowUpDue,
  followUpContracts.recordFollowUp,
  followUpContracts.correctFollowUp,
  riskContracts.getSafetyPlan,
  riskContracts.saveSafetyPlan,
  riskContracts.saveSafetyPlanDraft,
  riskContracts.getSafetyPlanDraft,
  riskContracts.discardSafetyPlanDraft,
  safetySignalContracts.getCaseSafetySignals,
  safetySignalContracts.handleSafetySignal,
  accessLogContracts.searchAccessLog,
  accessLogContracts.listEmergencyAccess,
  accessLogContracts.listUnitMembers,
  accessLogContracts.reviewEmergencyAccess,
  adminContracts.listUnits,
  adminContracts.createUnit,
  adminContracts.listUsers,
  adminContracts.createUser,
  adminContracts.setUserStatus,
  adminContracts.resetLogin,
  adminContracts.grantRole,
  adminContracts.revokeRole,
  adminContracts.listAdminRequests,
  adminContracts.listUnitAdminRequests,
  adminContracts.approveAdminRequest,
  adminContracts.rejectAdminRequest,
  adminContracts.withdrawAdminRequest,
  noticeContracts.listMyNotices,
  noticeContracts.markNoticeRead,
  providerContracts.listProviders,
  providerContracts.createProvider,
  providerContracts.updateProvider,
  providerContracts.listActiveProviders,
  providerContracts.searchShelters,
  providerContracts.recordTurnedAway,
  providerContracts.listTurnedAway,
  providerContracts.countTurnedAway,
  commissionContracts.listCaseCommissions,
  commissionContracts.createCommission,
  commissionContracts.endCommission,
  commissionContracts.listMyCommissions,
  commissionContracts.getCommission,
  commissionContracts.respondToCommission,
  commissionContracts.saveImplementationPlan,
  commissionContracts.recordCommissionEntry,
  counterpartContracts.listCounterparts,
  counterpartContracts.recordCounterpart,
  counterpartContracts.changeCounterpart,
  counterpartContracts.changeRelation,
  consentContracts.listConsents,
  consentContracts.recordConsent,
  consentContracts.revokeConsent,
  consentContracts.attachConsentDocument,
  partnerContactContracts.listPartnerContactConsents,
  meetingContracts.callMeeting,
  meetingContracts.listCaseMeetings,
  meetingContracts.listMeetings,
  meetingContracts.myMeetingActions,
  meetingContracts.getMeeting,
  meetingContracts.addParticipant,
  meetingContracts.joinMeeting,
  meetingContracts.recordPresenceGround,
  meetingContracts.holdMeeting,
  meetingContracts.closeAction,
  planContracts.listPlans,
  planContracts.createPlan,
  planContracts.revisePlan,
  planContracts.followUpPlan,
  agencyContracts.listAgencyDisclosures,
  agencyContracts.recordAgencyDisclosure,
  agencyContracts.recordCrimeReportDecision,
  certificateContracts.listCertificates,
  certificateContracts.createCertificate,
  certificateContracts.reviseCertificate,
  certificateContracts.reviewCertificate,
  certificateContracts.issueCertificate,
  fileRequestContracts.listFileRequests,
  fileRequestContracts.registerFileRequest,
  fileRequestContracts.getFileExtract,
  fileRequestContracts.saveExtractChoices,
  fileRequestContracts.approveExtract,
  fileRequestContracts.releaseExtract,
  transferContracts.listTransfers,
  transferContracts.requestTransfer,
  transferContracts.approveTransfer,
  transferContracts.recordTransferAnswer,
  transferContracts.produceTransferPackage,
  transferContracts.completeTransfer,
  transferContracts.importTransfer,
  transferContracts.getTransferImport,
]);
