import type { ColumnType, Generated } from 'kysely';
import type { CaseEventType } from '../../core/domain/case-events.ts';
import type { DelegableRole, Intervention, Outcome } from '../../core/domain/decisions.ts';
import type { SchoolArrangementKind } from '../../core/domain/accompanying-children.ts';
import type {
  InvestigationTemplate,
  SourceKind,
  Statement,
} from '../../core/domain/investigation-template.ts';
import type { IdentityKind } from '../../core/domain/personal-identity.ts';
import type { ProtectionLevel } from '../../core/domain/protection.ts';
import type { InstrumentDefinition, RiskLevel } from '../../core/domain/instruments.ts';
import type { SafetyPlanItem } from '../../core/domain/safety-plan.ts';
import type { FollowUpMethod, GoalFulfilment } from '../../core/domain/follow-ups.ts';
import type { NoticeKind } from '../../core/domain/account-notices.ts';
import type { Role } from '../../core/policy/roles.ts';
import type { PlanKind } from '../../core/domain/coordinated-plans.ts';
import type { ConsentCategory, ConsentWay, SharedData } from '../../core/domain/commissions.ts';
import type { ConsentDocumentType } from '../../core/domain/consent-documents.ts';
import type {
  AgencyKind,
  CrimeReportDecision,
  DisclosureWay,
} from '../../core/domain/agency-disclosures.ts';
import type {
  CertificatePurpose,
  CertificateStatement,
  ReviewOutcome,
} from '../../core/domain/certificates.ts';
import type { KnownChannel } from '../../core/domain/counterparts.ts';
import type { PieceChoice, ReleasedPiece } from '../../core/domain/file-extracts.ts';
import type { ReviewSubject, SignalKind } from '../../core/domain/safety-signals.ts';
import type {
  DisclosurePurpose,
  InformationCategory,
  LegalBasis,
  RecipientKind,
} from '../../core/domain/consents.ts';

/**
 * The database's tables as Kysely sees them. Migrations are the truth; this file follows them.
 * Column names are snake_case as in SQL; repositories map rows to the domain's names.
 */
export interface Database {
  unit: UnitTable;
  app_user: AppUserTable;
  user_role: UserRoleTable;
  session: SessionTable;
  login_attempt: LoginAttemptTable;
  person: PersonTable;
  contact_channel: ContactChannelTable;
  person_protected_detail: PersonProtectedDetailTable;
  person_relation: PersonRelationTable;
  person_relation_version: PersonRelationVersionTable;
  counterpart: CounterpartTable;
  case: CaseTable;
  case_event: CaseEventTable;
  journal_entry: JournalEntryTable;
  journal_entry_version: JournalEntryVersionTable;
  draft: DraftTable;
  investigation: InvestigationTable;
  investigation_section_version: InvestigationSectionVersionTable;
  decision: DecisionTable;
  decision_version: DecisionVersionTable;
  acute_decision: AcuteDecisionTable;
  delegation: DelegationTable;
  legal_catalogue: LegalCatalogueTable;
  intervention_catalogue: InterventionCatalogueTable;
  school_arrangement: SchoolArrangementTable;
  instrument_version: InstrumentVersionTable;
  risk_assessment: RiskAssessmentTable;
  case_incident: CaseIncidentTable;
  advice_session: AdviceSessionTable;
  safety_plan_version: SafetyPlanVersionTable;
  emergency_access: EmergencyAccessTable;
  audit_event: AuditEventTable;
  admin_request: AdminRequestTable;
  user_notice: UserNoticeTable;
  idempotent_request: IdempotentRequestTable;
  handover_rule: HandoverRuleTable;
  handover_setting: HandoverSettingTable;
  provider: ProviderTable;
  provider_intervention: ProviderInterventionTable;
  commission: CommissionTable;
  commission_order: CommissionOrderTable;
  commission_event: CommissionEventTable;
  implementation_plan_version: ImplementationPlanVersionTable;
  commission_entry: CommissionEntryTable;
  follow_up_due: FollowUpDueTable;
  follow_up: FollowUpTable;
  shelter: ShelterTable;
  provider_version: ProviderVersionTable;
  shelter_turned_away: ShelterTurnedAwayTable;
  safety_signal: SafetySignalTable;
  safety_signal_handled: SafetySignalHandledTable;
  insats_period_end: InsatsPeriodEndTable;
  consent: ConsentTable;
  consent_document: ConsentDocumentTable;
  agency_disclosure: AgencyDisclosureTable;
  crime_report_decision: CrimeReportDecisionTable;
  certificate: CertificateTable;
  certificate_version: CertificateVersionTable;
  certificate_review: CertificateReviewTable;
  certificate_issue: CertificateIssueTable;
  file_request: FileRequestTable;
  case_transfer: CaseTransferTable;
  case_transfer_approval: CaseTransferApprovalTable;
  case_transfer_answer: CaseTransferAnswerTable;
  case_transfer_package: CaseTransferPackageTable;
  case_transfer_completion: CaseTransferCompletionTable;
  transfer_import: TransferImportTable;
  transfer_import_document: TransferImportDocumentTable;
  file_extract_version: FileExtractVersionTable;
  file_extract_approval: FileExtractApprovalTable;
  file_extract_release: FileExtractReleaseTable;
  consent_revocation: ConsentRevocationTable;
  disclosure: DisclosureTable;
  coordination_meeting: CoordinationMeetingTable;
  coordination_meeting_file: CoordinationMeetingFileTable;
  coordination_meeting_participant: CoordinationMeetingParticipantTable;
  coordination_meeting_ground: CoordinationMeetingGroundTable;
  coordination_meeting_minutes: CoordinationMeetingMinutesTable;
  coordination_meeting_item: CoordinationMeetingItemTable;
  coordination_action_done: CoordinationActionDoneTable;
  coordinated_plan: CoordinatedPlanTable;
  coordinated_plan_version: CoordinatedPlanVersionTable;
  coordinated_plan_follow_up: CoordinatedPlanFollowUpTable;
}

/** Which day unit takes over socialjour's matter of a target group (core/domain/handover.ts). */
export interface HandoverRuleTable {
  target_group: TargetGroup;
  unit_id: string;
}

/** The one row of the handover's settings: the default unit, a child's unit, the night. */
export interface HandoverSettingTable {
  id: ColumnType<boolean, true | undefined, never>;
  default_unit_id: string;
  child_unit_id: string | null;
  night_starts_hour: number;
  night_ends_hour: number;
  version: ColumnType<number, number | undefined, number>;
  updated_by: string | null;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

type CreatedAt = ColumnType<Date, never, never>;
type Version = ColumnType<number, never, number>;

export type UnitKind = 'adult' | 'children' | 'out_of_hours' | 'provider' | 'management';

export interface UnitTable {
  id: Generated<string>;
  name: string;
  /** What kind of work the unit does: decides its intake routes and default roles. */
  kind: UnitKind;
  created_at: CreatedAt;
}

export interface AppUserTable {
  id: Generated<string>;
  username: string;
  display_name: string;
  password_hash: string;
  must_change_password: Generated<boolean>;
  totp_secret: string | null;
  totp_required: Generated<boolean>;
  totp_last_step: number | null;
  disabled_at: Date | null;
  created_at: CreatedAt;
  version: Generated<number>;
}

export interface UserRoleTable {
  user_id: string;
  unit_id: string;
  role: Role;
  granted_by: string | null;
  granted_at: ColumnType<Date, never, never>;
}

export type SessionStage = 'second_factor' | 'enrollment' | 'active';
export type SessionEndReason =
  'logout' | 'idle' | 'expired' | 'user_disabled' | 'replaced' | 'login_reset';

export interface SessionTable {
  id: string;
  user_id: string;
  stage: SessionStage;
  csrf_token: string;
  /** A second-factor secret shown during enrollment, kept until the user proves they stored it. */
  pending_totp_secret: string | null;
  created_at: ColumnType<Date, Date | undefined, never>;
  last_seen_at: ColumnType<Date, Date | undefined, Date>;
  expires_at: Date;
  ended_at: Date | null;
  ended_reason: SessionEndReason | null;
}

export interface LoginAttemptTable {
  id: Generated<number>;
  username: string;
  ip: string;
  /** False from the moment the attempt is counted until its password or code proved right. */
  succeeded: boolean;
  at: ColumnType<Date, Date | undefined, never>;
  /** Set by a login reset or an unlock: the failure no longer counts towards a lock. */
  cleared_at: Date | null;
}

export interface PersonTable {
  id: Generated<string>;
  identity_kind: IdentityKind | null;
  identity_number: string | null;
  given_name: string;
  family_name: string;
  protection_level: ColumnType<ProtectionLevel, ProtectionLevel | undefined, ProtectionLevel>;
  created_at: CreatedAt;
  created_by: string | null;
  version: Version;
  /** A child's age as told when the identity number is not known, and on which day (028). */
  stated_age: ColumnType<number | null, number | null | undefined, number | null>;
  stated_age_on: ColumnType<string | null, string | null | undefined, string | null>;
}

export type ContactChannelKind = 'phone' | 'email' | 'address' | 'digital_mailbox';

export interface ContactChannelTable {
  id: Generated<string>;
  person_id: string;
  kind: ContactChannelKind;
  value: string;
  safe_for_contact: boolean;
  note: string | null;
  created_at: CreatedAt;
  version: Version;
}

export interface PersonProtectedDetailTable {
  person_id: string;
  whereabouts: string | null;
  school: string | null;
  real_identity: string | null;
  version: Version;
}

export type RelationKind =
  'partner' | 'former_partner' | 'parent_of' | 'sibling' | 'other_relative' | 'carer';
export type RelationViolence =
  'unknown' | 'none' | 'person_against_related' | 'related_against_person' | 'mutual';

export interface PersonRelationTable {
  id: Generated<string>;
  person_id: string;
  related_person_id: string;
  kind: RelationKind;
  violence: ColumnType<RelationViolence, RelationViolence | undefined, RelationViolence>;
  created_at: CreatedAt;
  created_by: string | null;
  version: Version;
  /** The parent (or carer) is the child's vårdnadshavare (028). */
  guardian: ColumnType<boolean, boolean | undefined, boolean>;
  status: ColumnType<RecordStatus, RecordStatus | undefined, RecordStatus>;
}

/** A relation or counterpart that holds, has ended, or was recorded by mistake (028). */
export type RecordStatus = 'current' | 'ended' | 'wrongly_recorded';

/** Each state a relation has had, the first included: who changed it, and why (028). */
export interface PersonRelationVersionTable {
  relation_id: string;
  version: number;
  kind: RelationKind;
  violence: RelationViolence;
  guardian: boolean;
  status: RecordStatus;
  change_reason: string | null;
  recorded_by: string | null;
  recorded_at: Recorded<Date>;
}

export type CounterpartRelation =
  'partner' | 'former_partner' | 'parent' | 'child' | 'sibling' | 'other_relative' | 'other';

/**
 * What a person's file records about someone related to them — the person who uses violence
 * against them, or another member of the household — whether or not that someone has a file
 * (028). Versions; a known identity number links it to a person for the rules only.
 */
export interface CounterpartTable {
  id: string;
  version: number;
  person_id: string;
  case_id: string;
  identity_kind: 'personnummer' | 'samordningsnummer' | null;
  identity_number: string | null;
  given_name: string | null;
  family_name: string | null;
  description: string | null;
  relation: CounterpartRelation;
  uses_violence: boolean;
  lives_together: boolean | null;
  /** What is known of the counterpart's contact details: [{ kind, value }]. */
  contact: ColumnType<{ kind: ContactChannelKind; value: string }[], string | undefined, never>;
  whereabouts: string | null;
  status: ColumnType<RecordStatus, RecordStatus | undefined, never>;
  change_reason: string | null;
  recorded_by: string;
  recorded_at: Recorded<Date>;
}

export type TargetGroup =
  | 'victim'
  | 'perpetrator'
  | 'child'
  | 'honour_violence'
  | 'prostitution'
  | 'trafficking'
  | 'sexual_violence';

export interface CaseTable {
  id: Generated<string>;
  person_id: string;
  unit_id: string;
  target_group: TargetGroup;
  status: ColumnType<'open' | 'closed', 'open' | 'closed' | undefined, 'open' | 'closed'>;
  assigned_user_id: string | null;
  opened_at: ColumnType<Date, Date | undefined, never>;
  closed_at: Date | null;
  created_by: string | null;
  version: Version;
  /** Projection of the event log, for lists and sorting; the log is the truth. */
  phase: ColumnType<CasePhase, CasePhase | undefined, CasePhase>;
  acute_need: 'yes' | 'no' | 'unclear' | null;
  /** 0 for an acute case: first in the unit's queue. */
  queue_priority: ColumnType<number, number | undefined, number>;
  /** When the matter came in (aktualisering), which may be before the case was registered. */
  received_at: ColumnType<Date, Date | undefined, never>;
  /** For a child's intake opened by an orosanmälan: the case that reported. */
  origin_case_id: ColumnType<string | null, string | null | undefined, never>;
  /**
   * For a matter about a person who already had a file, routed to the unit responsible for it:
   * the user who registered it. The policy never lets them reach the file through this case.
   */
  routed_by: ColumnType<string | null, string | null | undefined, never>;
}

export type CasePhase =
  'intake' | 'preliminary_assessment' | 'investigation' | 'communicated' | 'decided' | 'closed';

export interface CaseEventTable {
  id: Generated<string>;
  case_id: string;
  seq: number;
  type: CaseEventType;
  payload: ColumnType<Record<string, unknown>, string, never>;
  recorded_at: ColumnType<Date, Date | undefined, never>;
  recorded_by: string | null;
}

export interface EmergencyAccessTable {
  id: Generated<string>;
  user_id: string;
  unit_id: string;
  person_id: string;
  reason: string;
  started_at: ColumnType<Date, Date | undefined, never>;
  expires_at: Date;
  reviewed_by: string | null;
  reviewed_at: Date | null;
  review_note: string | null;
}

export interface AuditEventTable {
  /** Chain position, taken by recordAudit under the chain lock. */
  seq: ColumnType<number, number, never>;
  /** Set by recordAudit (millisecond precision), so the hash covers exactly what is stored. */
  occurred_at: ColumnType<Date, Date, never>;
  /** The audit key the hash was made with; 'sha256' for rows from before keyed hashes. */
  key_id: ColumnType<string, string, never>;
  actor_user_id: string | null;
  actor_role: string | null;
  actor_unit_id: string | null;
  action: string;
  person_ids: ColumnType<string[], string[] | undefined, never>;
  case_ids: ColumnType<string[], string[] | undefined, never>;
  purpose: string | null;
  correlation_id: string;
  details: ColumnType<Record<string, unknown>, string | undefined, never>;
  involves_protected: ColumnType<boolean, boolean | undefined, never>;
  emergency: ColumnType<boolean, boolean | undefined, never>;
  prev_hash: ColumnType<string, string, never>;
  /** HMAC-SHA-256 (hex) of the row's content under key_id (server/audit/audit.ts). */
  hash: ColumnType<string, string, never>;
}

/** Append-only rows are inserted and read, never updated: every column is insert-only. */
type Recorded<T> = ColumnType<T, T | undefined, never>;

export interface JournalEntryTable {
  id: Generated<string>;
  case_id: string;
  created_by: string;
  created_at: ColumnType<Date, Date | undefined, never>;
  /** The latest version's number: corrections race on it. */
  version: ColumnType<number, number | undefined, number>;
}

export interface JournalEntryVersionTable {
  entry_id: string;
  version: number;
  occurred_on: ColumnType<string, string, never>;
  text: string;
  source_kind: SourceKind;
  source_detail: string | null;
  correction_reason: string | null;
  recorded_by: string;
  recorded_at: Recorded<Date>;
}

/** The kinds of long form whose unsaved text is kept (see server/case-kernel/drafts.ts). */
export type DraftKind = 'journal' | 'journal_correction' | 'investigation_section' | 'safety_plan';

export interface DraftTable {
  user_id: string;
  case_id: string;
  kind: DraftKind;
  key: string;
  payload: ColumnType<Record<string, unknown>, string, string>;
  saved_at: Date;
}

export interface InvestigationTable {
  case_id: string;
  template: InvestigationTemplate;
  opened_at: ColumnType<Date, Date | undefined, never>;
  opened_by: string;
  closed_at: Date | null;
}

export interface InvestigationSectionVersionTable {
  case_id: string;
  section: string;
  version: number;
  statements: ColumnType<Statement[], string, never>;
  recorded_by: string;
  recorded_at: Recorded<Date>;
}

export interface DecisionTable {
  id: Generated<string>;
  case_id: string;
  version: ColumnType<number, number | undefined, number>;
}

export type NotifiedHow =
  'in_person' | 'phone' | 'letter' | 'digital_mailbox' | 'interpreter_meeting';

export interface DecisionVersionTable {
  decision_id: string;
  version: number;
  kind: 'original' | 'correction' | 'change';
  intervention: Intervention;
  requested: string;
  outcome: Outcome;
  motivation: string;
  legal_basis: string;
  appeal_instructions: string | null;
  decided_on: ColumnType<string, string, never>;
  decided_by: string;
  decided_role: Role;
  notified_how: NotifiedHow | null;
  notified_on: ColumnType<string | null, string | null, never>;
  change_reason: string | null;
  recorded_at: Recorded<Date>;
  /** The period granted; null on an avslag and on beslut from before periods (migration 018). */
  period_from: ColumnType<string | null, string | null, never>;
  period_to: ColumnType<string | null, string | null, never>;
  /** What the rules of the insats required, as decided (core/domain/intervention-rules.ts). */
  conditions: ColumnType<Record<string, unknown> | null, string | null | undefined, never>;
  /** The place: the provider carrying out a granted insats (migration 023); null on an avslag. */
  provider_id: ColumnType<string | null, string | null | undefined, never>;
}

/** What makes a beslut acute: the ground for deciding before kommunicering, and its first risk assessment. */
export interface AcuteDecisionTable {
  decision_id: string;
  ground_reference: string;
  ground_reason: string;
  own_view_assessment_id: string;
  recorded_at: Recorded<Date>;
}

export interface DelegationTable {
  unit_id: string;
  intervention: Intervention;
  role: DelegableRole;
  granted_by: string | null;
  granted_at: ColumnType<Date, Date | undefined, never>;
}

export interface LegalCatalogueTable {
  id: string;
  name: string;
  references: ColumnType<Record<string, string>, string, never>;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  loaded_at: ColumnType<Date, Date | undefined, never>;
  loaded_by: string | null;
}

/** How an accompanying child's school or preschool was solved (core/domain/accompanying-children.ts). */
export interface SchoolArrangementTable {
  id: Generated<string>;
  case_id: string;
  child_person_id: string;
  arrangement: SchoolArrangementKind;
  note: string;
  arranged_on: ColumnType<string, string, never>;
  recorded_by: string;
  recorded_at: Recorded<Date>;
}

/** The insatser catalogues loaded; the one active is in force (core/domain/intervention-catalogue.ts). */
export interface InterventionCatalogueTable {
  id: string;
  name: string;
  version: number;
  entries: ColumnType<unknown[], string, never>;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  loaded_at: ColumnType<Date, Date | undefined, never>;
  loaded_by: string | null;
}

export interface InstrumentVersionTable {
  id: string;
  version: number;
  definition: ColumnType<InstrumentDefinition, string, never>;
  method: InstrumentDefinition['method'];
  example: boolean;
  imported_at: ColumnType<Date, Date | undefined, never>;
  imported_by: string | null;
  retired_at: Date | null;
  retired_by: string | null;
}

export interface RiskAssessmentTable {
  id: Generated<string>;
  case_id: string;
  person_id: string;
  kind: 'structured' | 'police' | 'own_view';
  instrument_id: string | null;
  instrument_version: number | null;
  method: string;
  answers: ColumnType<Record<string, unknown>, string, never>;
  score: number | null;
  level: RiskLevel | null;
  scenario_ratings: ColumnType<
    { scenario: string; level: RiskLevel; motivation: string }[] | null,
    string | null,
    never
  >;
  motivation: string;
  police_reference: string | null;
  consent_reference: string | null;
  assessed_on: ColumnType<string, string, never>;
  recorded_by: string;
  recorded_at: Recorded<Date>;
}

export interface CaseIncidentTable {
  id: Generated<string>;
  case_id: string;
  occurred_on: ColumnType<string, string, never>;
  description: string;
  recorded_by: string;
  recorded_at: Recorded<Date>;
}

/** A session of råd och stöd held (core/domain/advice-and-support.ts); never changed. */
export interface AdviceSessionTable {
  id: Generated<string>;
  case_id: string;
  person_id: string;
  held_on: ColumnType<string, string, never>;
  held_by: string;
  note: string;
  recorded_at: Recorded<Date>;
}

export interface SafetyPlanVersionTable {
  person_id: string;
  version: number;
  case_id: string;
  items: ColumnType<SafetyPlanItem[], string, never>;
  review_on: ColumnType<string | null, string | null, never>;
  recorded_by: string;
  recorded_at: Recorded<Date>;
}

export type AdminRequestKind = 'role_grant' | 'login_reset';
export type AdminRequestStatus = 'pending' | 'approved' | 'rejected' | 'withdrawn';

/** A change to an account that needs a second person: made only in the approving transaction. */
export interface AdminRequestTable {
  id: Generated<string>;
  kind: AdminRequestKind;
  target_user_id: string;
  unit_id: string | null;
  role: Role | null;
  requested_by: string;
  requested_at: ColumnType<Date, Date | undefined, never>;
  status: Generated<AdminRequestStatus>;
  decided_by: string | null;
  decided_at: Date | null;
  decision_note: string | null;
  version: Generated<number>;
}

/** The kinds of notice a user is told (core/domain/account-notices.ts). */
export type UserNoticeKind = NoticeKind;

/** What a user is told about changes to their own account. Never client data. */
export interface UserNoticeTable {
  id: Generated<string>;
  user_id: string;
  kind: UserNoticeKind;
  request_id: string | null;
  unit_id: string | null;
  role: Role | null;
  actor_user_id: string | null;
  created_at: ColumnType<Date, Date | undefined, never>;
  read_at: Date | null;
}

/** A write's first answer, kept a day so that a retry with the same key gets it back. */
export interface IdempotentRequestTable {
  user_id: string;
  key: string;
  /** SHA-256 of method, route, parameters and body: the same key with another body is refused. */
  fingerprint: string;
  status_code: number;
  /** The serialized answer, sealed (server/crypto/secret-box.ts): it may carry personal data. */
  response: string;
  person_ids: ColumnType<string[], string[] | undefined, string[]>;
  case_ids: ColumnType<string[], string[] | undefined, string[]>;
  correlation_id: string;
  created_at: Date;
}

/** An utförare: in-house or external; one with a unit has staff working its uppdrag in Värn. */
export interface ProviderTable {
  id: Generated<string>;
  name: string;
  kind: 'in_house' | 'external';
  unit_id: string | null;
  contact: string | null;
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: Recorded<Date>;
  updated_at: Generated<Date>;
}

/** Which insatser (catalogue codes) a provider carries out. */
export interface ProviderInterventionTable {
  provider_id: string;
  intervention: string;
}

export type CommissionStatus = 'sent' | 'accepted' | 'declined' | 'ended';

/** An uppdrag: the order to a provider to carry out a granted beslut for one person. */
export interface CommissionTable {
  id: Generated<string>;
  case_id: string;
  decision_id: string;
  person_id: string;
  provider_id: string;
  intervention: string;
  period_from: string;
  period_to: string | null;
  status: Generated<CommissionStatus>;
  version: Generated<number>;
  created_by: string;
  created_at: Recorded<Date>;
}

/** A date set for following up an uppdrag; moved or cancelled by a new version. */
export interface FollowUpDueTable {
  id: string;
  version: number;
  case_id: string;
  commission_id: string;
  due_on: ColumnType<string, string, never>;
  cancelled: ColumnType<boolean, boolean | undefined, never>;
  change_reason: string | null;
  recorded_by: string;
  recorded_at: Recorded<Date>;
}

/** An uppföljning of an uppdrag; corrected by a new version. */
export interface FollowUpTable {
  id: string;
  version: number;
  case_id: string;
  person_id: string;
  commission_id: string;
  due_id: string | null;
  followed_up_on: ColumnType<string, string, never>;
  method: FollowUpMethod;
  with_person: boolean;
  with_provider: boolean;
  person_view: string;
  assessment: string;
  actions: string;
  goal_fulfilment: GoalFulfilment;
  correction_reason: string | null;
  recorded_by: string;
  recorded_at: Recorded<Date>;
}

/** A provider that is a skyddat boende: its places and what it can take (migration 023). */
export interface ShelterTable {
  provider_id: string;
  places: number;
  security_level: number;
  takes_children: boolean;
  takes_teenage_boys: boolean;
  takes_pets: boolean;
  wheelchair_accessible: boolean;
  languages: ColumnType<string[], string[] | undefined, string[]>;
}

/** Every version of a provider as it was saved: append-only. */
export interface ProviderVersionTable {
  provider_id: string;
  version: number;
  snapshot: ColumnType<unknown, string, never>;
  changed_by: string;
  changed_at: Recorded<Date>;
}

export type TurnedAwayReason = 'no_free_place' | 'no_matching_shelter' | 'other';

/** A request for a shelter place that could not be met: append-only. */
export interface ShelterTurnedAwayTable {
  id: Generated<string>;
  case_id: string;
  person_id: string;
  unit_id: string;
  reason: TurnedAwayReason;
  needs: ColumnType<unknown, string, never>;
  note: string | null;
  recorded_by: string;
  recorded_at: Recorded<Date>;
}

/** What an uppdrag says, written once when it is sent (migration 024). */
export interface CommissionOrderTable {
  commission_id: string;
  what: string;
  why: string;
  contact: string;
  consent_categories: ConsentCategory[];
  /** Null on an uppdrag sent on a legal basis; a register consent is its disclosure's. */
  consent_way: ConsentWay | null;
  consent_on: string | null;
  /** The personal data shared as sent (core/domain/commissions.ts SharedData), JSON. */
  shared: ColumnType<SharedData, string, never>;
  protection_notice: string | null;
  recorded_at: Recorded<Date>;
}

export type CommissionEventType =
  'sent' | 'accepted' | 'declined' | 'ended' | 'plan_version' | 'note' | 'report';

/** Every step of an uppdrag, who and when: append-only. */
export interface CommissionEventTable {
  commission_id: string;
  seq: number;
  type: CommissionEventType;
  reason: string | null;
  recorded_by: string;
  recorded_at: Recorded<Date>;
}

/** The genomförandeplan: each version a new row. */
export interface ImplementationPlanVersionTable {
  commission_id: string;
  version: number;
  goals: string;
  actions: string;
  schedule: string;
  participation: string;
  recorded_by: string;
  recorded_at: Recorded<Date>;
}

/** The provider's notes from sessions and its återrapporter on an uppdrag. */
export interface CommissionEntryTable {
  id: Generated<string>;
  commission_id: string;
  kind: 'note' | 'report';
  occurred_on: ColumnType<string, string, never>;
  text: string;
  recorded_by: string;
  recorded_at: Recorded<Date>;
}

/**
 * A safety signal raised in a linked person's open case (core/domain/safety-signals.ts).
 * Append-only. The source (case and record) is for the audit only: never read for a view.
 */
export interface SafetySignalTable {
  id: Generated<string>;
  kind: SignalKind;
  review: ReviewSubject;
  target_case_id: string;
  target_person_id: string;
  raised_at: Date;
  raised_on: ColumnType<string, string, never>;
  due_on: ColumnType<string, string, never>;
  source_case_id: string;
  source_record_id: string;
}

/** A beslut whose granted period ran out, noted once by the period-end job. Append-only. */
export interface InsatsPeriodEndTable {
  decision_id: string;
  period_to: ColumnType<string, string, never>;
  noted_at: Date;
}

/** A safety signal marked reviewed by the receiving case's handläggare. Append-only. */
export interface SafetySignalHandledTable {
  signal_id: string;
  handled_on: ColumnType<string, string, never>;
  handled_by: string;
  handled_at: Date;
}

/** A consent in the register (core/domain/consents.ts), recorded in the case it was given in. */
export interface ConsentTable {
  id: Generated<string>;
  person_id: string;
  case_id: string;
  categories: InformationCategory[];
  purposes: DisclosurePurpose[];
  purpose_text: string;
  recipient_kind: RecipientKind;
  recipient_unit_id: string | null;
  recipient_provider_id: string | null;
  recipient_name: string | null;
  given_on: ColumnType<string, string, never>;
  valid_until: ColumnType<string, string, never>;
  way: ConsentWay;
  document_reference: string | null;
  recorded_by: string;
  recorded_at: Date;
}

/**
 * The signed consent, attached as a file. Append-only. `content` comes back as a Buffer from
 * PostgreSQL and a Uint8Array from PGlite.
 */
export interface ConsentDocumentTable {
  id: Generated<string>;
  consent_id: string;
  media_type: ConsentDocumentType;
  filename: string;
  size_bytes: number;
  sha256: string;
  content: ColumnType<Uint8Array, Uint8Array, never>;
  attached_by: string;
  attached_at: Date;
}

/** What was told to the police or another agency; its ground is its disclosure row. Append-only. */
export interface AgencyDisclosureTable {
  id: Generated<string>;
  case_id: string;
  person_id: string;
  agency_kind: AgencyKind;
  agency_name: string;
  received_by: string | null;
  disclosed_on: ColumnType<string, string, never>;
  way: DisclosureWay;
  what: string;
  risk_assessment_id: string | null;
  recorded_by: string;
  recorded_at: Date;
}

/** An intyg of a file. Append-only, as its versions, reviews and issue. */
export interface CertificateTable {
  id: Generated<string>;
  case_id: string;
  person_id: string;
  created_by: string;
  created_at: Date;
}

export interface CertificateVersionTable {
  certificate_id: string;
  version: number;
  purpose: CertificatePurpose;
  purpose_text: string;
  recipient_name: string;
  /** Where it is sent (KnownChannel), JSON; null when handed to the person. */
  recipient_channel: ColumnType<KnownChannel | null, string | null, never>;
  certifies: string;
  /** The statements (CertificateStatement[]), JSON. */
  statements: ColumnType<CertificateStatement[], string, never>;
  written_by: string;
  written_at: Date;
}

export interface CertificateReviewTable {
  id: Generated<string>;
  certificate_id: string;
  version: number;
  outcome: ReviewOutcome;
  comment: string | null;
  reviewed_by: string;
  reviewed_at: Date;
}

export interface CertificateIssueTable {
  certificate_id: string;
  version: number;
  review_id: string;
  issued_by: string;
  issued_at: Date;
}

/** A request to see one's own file. Append-only, as its extract's versions, approvals, release. */
export interface FileRequestTable {
  id: Generated<string>;
  case_id: string;
  person_id: string;
  requested_on: ColumnType<string, string, never>;
  requester_kind: 'person' | 'representative';
  requester_name: string | null;
  registered_by: string;
  registered_at: Date;
}

export interface FileExtractVersionTable {
  request_id: string;
  version: number;
  /** Every piece's choice (PieceChoice[]), JSON. */
  choices: ColumnType<PieceChoice[], string, never>;
  file_hash: string;
  written_by: string;
  written_at: Date;
}

export interface FileExtractApprovalTable {
  id: Generated<string>;
  request_id: string;
  version: number;
  approved_by: string;
  approved_at: Date;
}

export interface FileExtractReleaseTable {
  request_id: string;
  version: number;
  approval_id: string;
  /** What was released (ReleasedPiece[]), JSON. */
  pieces: ColumnType<ReleasedPiece[], string, never>;
  masked: number;
  delivery_way: 'handed_over' | 'sent';
  delivery_channel: ColumnType<KnownChannel | null, string | null, never>;
  pdf: ColumnType<Uint8Array, Uint8Array, never>;
  pdf_sha256: string;
  released_by: string;
  released_at: Date;
}

/** The adult's decision about reporting the violence, each time she says it. Append-only. */
export interface CrimeReportDecisionTable {
  id: Generated<string>;
  case_id: string;
  person_id: string;
  decision: CrimeReportDecision;
  decided_on: ColumnType<string, string, never>;
  note: string | null;
  recorded_by: string;
  recorded_at: Date;
}

/** A consent revoked, effective at once. Append-only; one per consent. */
export interface ConsentRevocationTable {
  consent_id: string;
  revoked_on: ColumnType<string, string, never>;
  how: string;
  recorded_by: string;
  recorded_at: Date;
}

/** What was shared, with whom, on which ground. Append-only. */
export interface DisclosureTable {
  id: Generated<string>;
  person_id: string;
  case_id: string;
  purpose: DisclosurePurpose;
  categories: InformationCategory[];
  recipient_kind: RecipientKind;
  recipient_id: string | null;
  recipient_name: string;
  consent_id: string | null;
  legal_basis: LegalBasis | null;
  legal_reference: string | null;
  secrecy_test: string | null;
  commission_id: string | null;
  coordination_meeting_id: string | null;
  decision_id: string | null;
  coordinated_plan_id: string | null;
  coordinated_plan_version: number | null;
  agency_disclosure_id: string | null;
  decided_by: string;
  decided_at: Date;
}

/** A samråd (core/domain/coordination-meetings.ts), called by its holder. Append-only. */
export interface CoordinationMeetingTable {
  id: Generated<string>;
  unit_id: string;
  called_by: string;
  called_at: Date;
  planned_on: ColumnType<string, string, never>;
  purpose: string;
  follows_id: string | null;
}

/** A person's file in a samråd, joined by someone who works it. Append-only. */
export interface CoordinationMeetingFileTable {
  meeting_id: string;
  case_id: string;
  joined_by: string;
  joined_at: Date;
}

/** Who takes part in a samråd, by the attendee's name and role. Append-only. */
export interface CoordinationMeetingParticipantTable {
  id: Generated<string>;
  meeting_id: string;
  kind: RecipientKind;
  unit_id: string | null;
  provider_id: string | null;
  organisation: string | null;
  name: string;
  role: string;
  added_by: string;
  added_at: Date;
}

/** The ground of one participant's presence for one file; the newest counts. Append-only. */
export interface CoordinationMeetingGroundTable {
  id: Generated<string>;
  meeting_id: string;
  case_id: string;
  participant_id: string;
  categories: InformationCategory[];
  consent_id: string | null;
  legal_basis: LegalBasis | null;
  legal_reference: string | null;
  secrecy_test: string | null;
  recorded_by: string;
  recorded_at: Date;
}

/** A samråd held: its day, its follow-up, who wrote the minutes. Append-only. */
export interface CoordinationMeetingMinutesTable {
  meeting_id: string;
  held_on: ColumnType<string, string, never>;
  follow_up_on: ColumnType<string | null, string | null, never>;
  written_by: string;
  written_at: Date;
}

export type MeetingItemKind = 'question' | 'decision' | 'action';

/** One point of the minutes, belonging to one file. Append-only. */
export interface CoordinationMeetingItemTable {
  id: Generated<string>;
  meeting_id: string;
  case_id: string;
  kind: MeetingItemKind;
  position: number;
  text: string;
  owner_user_id: string | null;
  owner_participant_id: string | null;
  due_on: ColumnType<string | null, string | null, never>;
}

/** An action item followed up and closed. Append-only. */
export interface CoordinationActionDoneTable {
  item_id: string;
  done_on: ColumnType<string, string, never>;
  note: string | null;
  recorded_by: string;
  recorded_at: Date;
}

/** A SIP or intern samverkansplan of one person (core/domain/coordinated-plans.ts). Append-only. */
export interface CoordinatedPlanTable {
  id: Generated<string>;
  kind: PlanKind;
  case_id: string;
  person_id: string;
  created_by: string;
  created_at: Date;
}

/** What a plan says, each version a new row. Append-only. */
export interface CoordinatedPlanVersionTable {
  plan_id: string;
  version: number;
  needs: string;
  /** The participants (StoredPlanParticipant[]), JSON. */
  participants: ColumnType<StoredPlanParticipant[], string, never>;
  others_do: string;
  overall_responsible: number;
  follow_up_on: ColumnType<string, string, never>;
  categories: InformationCategory[];
  recorded_by: string;
  recorded_at: Date;
}

/** A participant of a plan as stored: whom, by name and role, responsible for what, on which consent. */
export interface StoredPlanParticipant {
  kind: RecipientKind;
  unitId: string | null;
  providerId: string | null;
  /** The recipient's name as the plan names it (a unit's or provider's name when it was written). */
  recipientName: string;
  name: string;
  role: string;
  responsibility: string;
  consentId: string | null;
}

/** A plan followed up. Append-only. */
export interface CoordinatedPlanFollowUpTable {
  id: Generated<string>;
  plan_id: string;
  followed_up_on: ColumnType<string, string, never>;
  person_view: string;
  assessment: string;
  goal_fulfilment: GoalFulfilment;
  recorded_by: string;
  recorded_at: Date;
}

/** A request to move a case to another municipality (2 a kap. 10 § SoL). Append-only, as its steps. */
export interface CaseTransferTable {
  id: Generated<string>;
  case_id: string;
  person_id: string;
  receiving_municipality: string;
  channel: ColumnType<KnownChannel, string, never>;
  grounds: string;
  wishes: string;
  duration: string;
  requested_by: string;
  requested_at: Date;
}

export interface CaseTransferApprovalTable {
  transfer_id: string;
  id: Generated<string>;
  approved_by: string;
  approved_at: Date;
}

export interface CaseTransferAnswerTable {
  transfer_id: string;
  id: Generated<string>;
  outcome: 'accepted' | 'refused';
  decided_on: ColumnType<string, string, never>;
  reference: string | null;
  comment: string | null;
  recorded_by: string;
  recorded_at: Date;
}

export interface CaseTransferPackageTable {
  transfer_id: string;
  package_id: string;
  /** The package's JSON, the bytes as they left. */
  content: ColumnType<Uint8Array, Uint8Array, never>;
  sha256: string;
  documents: ColumnType<{ title: string; filename: string }[], string, never>;
  created_by: string;
  created_at: Date;
}

export interface CaseTransferCompletionTable {
  transfer_id: string;
  sent_on: ColumnType<string, string, never>;
  completed_by: string;
  completed_at: Date;
}

/** A package read in from another municipality: the case it became. Append-only. */
export interface TransferImportTable {
  id: Generated<string>;
  package_id: string;
  package_sha256: string;
  case_id: string;
  person_id: string;
  from_municipality: string;
  from_unit: string;
  from_handlaggare: string;
  legal_basis: string;
  grounds: string;
  wishes: string;
  duration: string;
  risk: ColumnType<
    { level: string; assessedOn: string; instrument: string } | null,
    string | null,
    never
  >;
  decisions: ColumnType<
    {
      intervention: string;
      outcome: string;
      decidedOn: string;
      from: string | null;
      to: string | null;
    }[],
    string,
    never
  >;
  imported_by: string;
  imported_at: Date;
}

export interface TransferImportDocumentTable {
  id: Generated<string>;
  import_id: string;
  position: number;
  kind: 'investigation' | 'decision';
  title: string;
  filename: string;
  pdf: ColumnType<Uint8Array, Uint8Array, never>;
  sha256: string;
}
