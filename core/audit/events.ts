import type { ProtectionLevel } from '../domain/protection.ts';
import type { Via } from '../policy/policy.ts';

/**
 * Everything the audit log records. Every read, search, export and write of personal data is one
 * of these, written in the same transaction as the operation. Details never carry personal data:
 * who was read is in personIds, never a name or a personnummer.
 */
export const auditActions = {
  'person.read': 'Läste personakt',
  'person.protected.read': 'Läste skyddade uppgifter',
  'person.search': 'Sökte person',
  'person.create': 'Registrerade person',
  'person.update': 'Ändrade personuppgifter',
  'relation.create': 'Registrerade relation',
  'relation.correct': 'Rättade eller avslutade relation',
  'counterpart.list': 'Läste närstående och personer som utövar våld',
  'counterpart.record': 'Registrerade närstående eller person som utövar våld',
  'counterpart.correct': 'Rättade eller avslutade uppgift om närstående',
  'case.list': 'Listade ärenden',
  'case.open': 'Öppnade ärende',
  'case.route': 'Skickade aktualisering till ansvarig enhet',
  'case.assign': 'Fördelade ärende',
  'case.handover': 'Lämnade över ärende från socialjouren',
  'case.read': 'Läste ärende',
  'case.step': 'Dokumenterade steg i ärende',
  'case.child_report': 'Registrerade orosanmälan',
  'case.no_action.list': 'Listade handlingar som inte föranlett åtgärd',
  'family.read': 'Läste familjeöversikt',
  'journal.read': 'Läste journal',
  'journal.write': 'Skrev journalanteckning',
  'journal.correct': 'Rättade journalanteckning',
  // Rows from before every long form's draft was one mechanism (migration 016); nothing records
  // it any more.
  'journal.draft': 'Sparade eller läste utkast',
  'draft.save': 'Sparade utkast',
  'draft.read': 'Läste eget utkast',
  'draft.discard': 'Kastade utkast',
  'investigation.read': 'Läste utredning',
  'investigation.write': 'Skrev i utredning',
  'communication.record': 'Registrerade kommunicering',
  'decision.read': 'Läste beslut',
  'decision.record': 'Fattade beslut',
  'decision.acute': 'Fattade akut beslut',
  'school_arrangement.record': 'Registrerade skolgång för barn i skyddat boende',
  'decision.revise': 'Rättade eller ändrade beslut',
  'document.export': 'Skrev ut dokument',
  'risk.read': 'Läste riskbedömningar',
  'risk.assess': 'Gjorde riskbedömning',
  'risk.incident': 'Registrerade händelse',
  'advice_session.read': 'Läste samtal i råd och stöd',
  'consent.read': 'Läste samtyckesregister',
  'consent.record': 'Registrerade samtycke',
  'consent.revoke': 'Registrerade återkallat samtycke',
  'consent.document.attach': 'Bifogade dokument till samtycke',
  'consent.document.read': 'Hämtade dokument till samtycke',
  'consent.partner_contact.read': 'Läste våldsutövarens samtycken till partnerkontakt',
  'advice_session.record': 'Registrerade samtal i råd och stöd',
  'follow_up.read': 'Läste uppföljningar',
  'follow_up_due.set': 'Satte datum för uppföljning',
  'follow_up_due.change': 'Ändrade datum för uppföljning',
  'follow_up.record': 'Registrerade uppföljning',
  'follow_up.correct': 'Rättade uppföljning',
  'commission.list': 'Listade uppdrag',
  'commission.read': 'Läste uppdrag',
  'commission.create': 'Skickade uppdrag till utförare',
  'commission.respond': 'Svarade på uppdrag',
  'commission.end': 'Avslutade uppdrag',
  'commission.plan': 'Skrev genomförandeplan',
  'commission.record': 'Skrev anteckning eller återrapport i uppdrag',
  'safety_plan.read': 'Läste säkerhetsplan',
  'safety_plan.write': 'Ändrade säkerhetsplan',
  'emergency_access.start': 'Nödåtkomst',
  'emergency_access.review': 'Granskade nödåtkomst',
  'access_log.read': 'Läste loggen',
  'security.refused': 'Nekad åtkomst',
  'auth.login': 'Loggade in',
  'auth.login_failed': 'Misslyckad inloggning',
  'auth.logout': 'Loggade ut',
  'auth.login_unlock': 'Hävde inloggningsspärr',
  'admin.unit.create': 'Skapade enhet',
  'admin.user.create': 'Skapade användare',
  'admin.user.disable': 'Stängde av användare',
  'admin.user.enable': 'Aktiverade användare',
  'admin.user.login_reset': 'Återställde inloggning',
  'admin.role.grant': 'Gav roll',
  'admin.role.revoke': 'Tog bort roll',
  'admin.delegation': 'Ändrade delegationsordning',
  'admin.legal_catalogue': 'Ändrade lagrumskatalog',
  'admin.intervention_catalogue': 'Ändrade insatskatalog',
  'admin.handover_rules': 'Ändrade regler för socialjourens överlämning',
  'admin.instrument': 'Ändrade bedömningsinstrument',
  'admin.request.create': 'Begärde ändring av behörighet',
  'admin.request.approve': 'Godkände begäran om behörighet',
  'admin.request.reject': 'Avslog begäran om behörighet',
  'admin.request.withdraw': 'Drog tillbaka begäran om behörighet',
  'request.replay': 'Fick samma svar igen på en upprepad begäran',
  'admin.provider': 'Ändrade utförare',
  'shelter.search': 'Sökte plats i skyddat boende',
  'shelter.turned_away': 'Registrerade att ingen plats kunde ordnas',
  'shelter.turned_away.read': 'Läste förfrågningar om plats som inte kunde ordnas',
  'safety_signal.read': 'Läste signaler om säkerhetsarbete',
  'safety_signal.handle': 'Markerade signal om säkerhetsarbete som översedd',
  'decision.period_ended': 'Noterade att insatsens beviljade period har löpt ut',
  'meeting.call': 'Kallade till samråd',
  'meeting.list': 'Listade samråd',
  'meeting.list_for_case': 'Listade ärendets samråd',
  'meeting.read': 'Läste samråd',
  'meeting.participant': 'Lade till deltagare i samråd',
  'meeting.join': 'Anslöt akt till samråd',
  'meeting.ground': 'Registrerade grund för deltagares närvaro vid samråd',
  'meeting.hold': 'Skrev minnesanteckningar från samråd',
  'meeting.action_done': 'Registrerade åtgärd från samråd som klar',
  'meeting_actions.list': 'Listade egna åtgärder från samråd',
  'plan.read': 'Läste SIP och samverkansplaner',
  'plan.write': 'Skrev SIP eller samverkansplan',
  'plan.follow_up': 'Följde upp SIP eller samverkansplan',
  'agency_disclosure.read': 'Läste utlämnanden till polis och myndigheter',
  'agency_disclosure.record': 'Registrerade utlämnande till polis eller myndighet',
  'crime_report.record': 'Registrerade beslut om polisanmälan',
  'certificate.read': 'Läste ärendets intyg',
  'certificate.write': 'Skrev intyg',
  'certificate.review': 'Granskade intyg',
  'certificate.issue': 'Utfärdade intyg',
  'file_request.read': 'Läste begäran om att ta del av akten',
  'file_request.register': 'Registrerade begäran om att ta del av akten',
  'file_extract.read': 'Läste utkast till utdrag ur akten',
  'file_extract.write': 'Gjorde sekretessprövning av utdrag ur akten',
  'file_extract.approve': 'Godkände utdrag ur akten',
  'file_extract.release': 'Lämnade ut utdrag ur akten',
  'transfer.read': 'Läste ärendets överflyttningar',
  'transfer.request': 'Skrev begäran om överflyttning av ärende',
  'transfer.approve': 'Beslutade att begära överflyttning av ärende',
  'transfer.answer': 'Registrerade mottagande kommuns svar om överflyttning',
  'transfer.package': 'Tog fram överflyttningspaket',
  'transfer.complete': 'Avslutade ärendet som överflyttat',
  'transfer.import': 'Läste in överflyttat ärende från annan kommun',
  'transfer.import.read': 'Läste uppgifter om överflyttat ärende',
} as const;
export type AuditAction = keyof typeof auditActions;

/**
 * For every action that creates or changes a record: the details keys that together name it — its
 * id, and where the record is versioned its new version. A row ties to its record by these, not by
 * the correlation id. Ids, versions and enums only: never a name, a number or free text.
 */
export const auditRecordKeys = {
  // Never recorded on its own: a person is registered within case.open or case.step, whose rows
  // name her personId.
  'person.create': ['personId'],
  // A contact channel changed also names channelId and its version; a protection level, the
  // person's new version.
  'person.update': ['personId'],
  'relation.create': ['relationId'],
  'relation.correct': ['relationId', 'version'],
  'counterpart.record': ['counterpartId', 'version'],
  'counterpart.correct': ['counterpartId', 'version'],
  'case.open': ['caseId', 'personId'],
  'case.route': ['caseId'],
  'case.assign': ['caseId', 'version'],
  'case.handover': ['caseId', 'version'],
  'case.step': ['caseId'],
  'case.child_report': ['caseId', 'childCaseId'],
  'journal.write': ['entryId', 'version'],
  'journal.correct': ['entryId', 'version'],
  // A draft is the actor's own: the row's actor, the case, the form's kind and its key (the
  // section, the plan's person, the corrected entry; 'new' for a new journal entry) name it.
  'draft.save': ['caseId', 'kind', 'key'],
  'draft.discard': ['caseId', 'kind', 'key'],
  'investigation.write': ['caseId', 'section', 'version'],
  'communication.record': ['caseId', 'version'],
  'decision.record': ['decisionId', 'version'],
  // An acute beslut also records the person's own view of the danger as a risk assessment.
  'decision.acute': ['decisionId', 'version', 'assessmentId'],
  'school_arrangement.record': ['arrangementId'],
  'decision.revise': ['decisionId', 'version'],
  'risk.assess': ['assessmentId'],
  'risk.incident': ['incidentId'],
  'advice_session.record': ['sessionId'],
  // A consent recorded with its signed form also names documentId.
  'consent.record': ['consentId'],
  'consent.revoke': ['consentId'],
  'consent.document.attach': ['consentId', 'documentId'],
  'follow_up_due.set': ['dueId', 'version'],
  'follow_up_due.change': ['dueId', 'version'],
  'follow_up.record': ['followUpId', 'version'],
  'follow_up.correct': ['followUpId', 'version'],
  'commission.create': ['commissionId', 'version'],
  'commission.respond': ['commissionId', 'version'],
  'commission.end': ['commissionId', 'version'],
  'commission.plan': ['commissionId', 'planVersion'],
  'commission.record': ['entryId'],
  // A safety plan is one person's in one case; personIds also holds the case's own person.
  'safety_plan.write': ['caseId', 'planPersonId', 'version'],
  // An attempt for a number nobody has creates nothing: that row says found: false instead.
  'emergency_access.start': ['emergencyAccessId'],
  'emergency_access.review': ['emergencyAccessId'],
  'auth.login_unlock': ['userId'],
  // Administration rows: loggkontroll reads userId and unitId as the account and unit concerned,
  // so those keys mean only that on admin rows.
  'admin.unit.create': ['unitId'],
  'admin.user.create': ['userId'],
  'admin.user.disable': ['userId', 'version'],
  'admin.user.enable': ['userId', 'version'],
  'admin.user.login_reset': ['userId', 'requestId'],
  'admin.role.grant': ['userId', 'unitId', 'role'],
  'admin.role.revoke': ['userId', 'unitId', 'role'],
  'admin.delegation': ['unitId', 'intervention', 'role'],
  'admin.legal_catalogue': ['catalogueId'],
  'admin.intervention_catalogue': ['catalogueId'],
  // The one row of settings, by its version.
  'admin.handover_rules': ['version'],
  'admin.instrument': ['instrumentId', 'version'],
  'admin.request.create': ['requestId', 'version'],
  'admin.request.approve': ['requestId', 'version'],
  'admin.request.reject': ['requestId', 'version'],
  'admin.request.withdraw': ['requestId', 'version'],
  'admin.provider': ['providerId', 'version'],
  'shelter.turned_away': ['turnedAwayId'],
  'safety_signal.handle': ['signalId'],
  'decision.period_ended': ['decisionId'],
  'meeting.call': ['meetingId'],
  'meeting.participant': ['meetingId', 'participantId'],
  'meeting.join': ['meetingId', 'caseId'],
  'meeting.ground': ['meetingId', 'groundId'],
  'meeting.hold': ['meetingId'],
  'meeting.action_done': ['meetingId', 'itemId'],
  'plan.write': ['planId', 'version'],
  'plan.follow_up': ['planId', 'followUpId'],
  'agency_disclosure.record': ['agencyDisclosureId', 'disclosureId'],
  'crime_report.record': ['decisionId'],
  'certificate.write': ['certificateId', 'version'],
  'certificate.review': ['certificateId', 'reviewId'],
  'certificate.issue': ['certificateId', 'version'],
  'file_request.register': ['requestId'],
  'file_extract.write': ['requestId', 'version'],
  'file_extract.approve': ['requestId', 'approvalId'],
  'file_extract.release': ['requestId', 'version'],
  'transfer.request': ['transferId'],
  'transfer.approve': ['transferId', 'approvalId'],
  'transfer.answer': ['transferId', 'answerId'],
  'transfer.package': ['transferId', 'packageId'],
  'transfer.complete': ['transferId', 'caseId'],
  'transfer.import': ['importId', 'packageId'],
} as const satisfies Partial<Record<AuditAction, readonly [string, ...string[]]>>;
export type AuditRecordAction = keyof typeof auditRecordKeys;

/**
 * Actions that create or change no record of their own: reads, searches, exports, refusals, and
 * logins (a session's id is a secret and stays out of the log).
 */
export const auditActionsWithoutRecord = [
  'meeting.list',
  'meeting.list_for_case',
  'meeting.read',
  'meeting_actions.list',
  'plan.read',
  'agency_disclosure.read',
  'certificate.read',
  'file_request.read',
  'file_extract.read',
  'transfer.read',
  'transfer.import.read',
  'person.read',
  'person.protected.read',
  'person.search',
  'case.list',
  'case.read',
  'case.no_action.list',
  'family.read',
  'journal.read',
  'journal.draft',
  'draft.read',
  'investigation.read',
  'decision.read',
  'document.export',
  'risk.read',
  'advice_session.read',
  'consent.read',
  'consent.document.read',
  'consent.partner_contact.read',
  'follow_up.read',
  'counterpart.list',
  'commission.list',
  'commission.read',
  'safety_plan.read',
  'access_log.read',
  'security.refused',
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  // A replay gives back the first answer; its row names the first request (replayOf).
  'request.replay',
  'shelter.search',
  'shelter.turned_away.read',
  'safety_signal.read',
] as const satisfies readonly Exclude<AuditAction, AuditRecordAction>[];
// Compile-time check: a new action is either a record's create or change, or listed above.
const _everyActionClassified: readonly (
  AuditRecordAction | (typeof auditActionsWithoutRecord)[number]
)[] = [] as AuditAction[];

/** Security events: refused attempts and failed logins. Loggkontroll can show only these. */
export const securityActions = [
  'security.refused',
  'auth.login_failed',
] as const satisfies readonly AuditAction[];

/** Why an audited action was allowed: the policy's basis, or the kind of work. */
export const auditPurposes = [
  'assigned',
  'intake_queue',
  'unit_manager',
  'emergency_access',
  'role',
  'own_account',
  'administration',
  'review',
  'planned_handover',
  'period_ended',
] as const;
export type AuditPurpose = (typeof auditPurposes)[number];
// Compile-time check: every basis the policy can give is a purpose.
const _everyViaIsAPurpose: readonly AuditPurpose[] = [] as Via[];

export interface AuditEvent {
  action: AuditAction;
  personIds?: readonly string[];
  caseIds?: readonly string[];
  purpose?: AuditPurpose;
  /**
   * The protection levels of the named persons as the service loaded them before its change (a
   * lowered protection). Whether the row involves a protected person is never set by hand:
   * recordAudit derives it from the named persons and cases in the database, and from these.
   */
  protectionBefore?: readonly ProtectionLevel[];
  emergency?: boolean;
  details?: Readonly<Record<string, string | number | boolean | null | readonly string[]>>;
}
