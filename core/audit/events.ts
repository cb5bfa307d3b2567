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
  'case.list': 'Listade ärenden',
  'case.open': 'Öppnade ärende',
  'case.route': 'Skickade aktualisering till ansvarig enhet',
  'case.assign': 'Fördelade ärende',
  'case.read': 'Läste ärende',
  'case.step': 'Dokumenterade steg i ärende',
  'case.child_report': 'Registrerade orosanmälan',
  'case.no_action.list': 'Listade handlingar som inte föranlett åtgärd',
  'journal.read': 'Läste journal',
  'journal.write': 'Skrev journalanteckning',
  'journal.correct': 'Rättade journalanteckning',
  'journal.draft': 'Sparade eller läste utkast',
  'investigation.read': 'Läste utredning',
  'investigation.write': 'Skrev i utredning',
  'communication.record': 'Registrerade kommunicering',
  'decision.read': 'Läste beslut',
  'decision.record': 'Fattade beslut',
  'decision.revise': 'Rättade eller ändrade beslut',
  'document.export': 'Skrev ut dokument',
  'risk.read': 'Läste riskbedömningar',
  'risk.assess': 'Gjorde riskbedömning',
  'risk.incident': 'Registrerade händelse',
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
  'admin.instrument': 'Ändrade bedömningsinstrument',
  'admin.request.create': 'Begärde ändring av behörighet',
  'admin.request.approve': 'Godkände begäran om behörighet',
  'admin.request.reject': 'Avslog begäran om behörighet',
  'admin.request.withdraw': 'Drog tillbaka begäran om behörighet',
  'request.replay': 'Fick samma svar igen på en upprepad begäran',
} as const;
export type AuditAction = keyof typeof auditActions;

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
