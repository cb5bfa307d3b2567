import { sql } from 'kysely';
import type { Kysely } from 'kysely';

// The work on a case after intake: the child-report duty, journal, utredning, kommunicering and
// beslut, the delegation list and the legal catalogue. What is documented is never edited away:
// journal entries, utredning sections and decisions are append-only versions.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table case_event drop constraint case_event_type_check`.execute(db);
  await sql`
    alter table case_event add constraint case_event_type_check check (type in ('intake_registered',
      'acute_screening', 'application_recorded', 'consent_recorded', 'preliminary_assessment',
      'child_report_registered', 'child_report_waived', 'communication_recorded',
      'decision_recorded', 'case_closed'))`.execute(db);

  // Journal: the entry's head row carries the version that concurrent corrections race on; each
  // version is kept, so the original and every correction stay readable.
  await sql`
    create table journal_entry (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references "case" (id),
      created_by uuid not null references app_user (id),
      created_at timestamptz not null default now(),
      version integer not null default 1
    )`.execute(db);
  await sql`create index journal_entry_case on journal_entry (case_id, created_at desc, id desc)`.execute(
    db,
  );
  await sql`
    create table journal_entry_version (
      entry_id uuid not null references journal_entry (id),
      version integer not null check (version > 0),
      occurred_on date not null,
      text text not null check (length(text) between 1 and 20000),
      source_kind text not null check (source_kind in ('person', 'other_person', 'agency',
        'own_observation')),
      source_detail text,
      correction_reason text,
      recorded_by uuid not null references app_user (id),
      recorded_at timestamptz not null default now(),
      primary key (entry_id, version),
      check ((version = 1) = (correction_reason is null))
    )`.execute(db);
  await sql`create trigger journal_entry_version_no_change before update or delete on journal_entry_version for each row execute function reject_change()`.execute(
    db,
  );

  // A handläggare's unsaved text, one per case: autosaved so a lost connection loses nothing.
  await sql`
    create table journal_draft (
      case_id uuid not null references "case" (id),
      user_id uuid not null references app_user (id),
      payload jsonb not null,
      saved_at timestamptz not null default now(),
      primary key (case_id, user_id)
    )`.execute(db);

  // Utredning: one per case, its template fixed when opened; each section is a series of
  // versions, and the version a writer started from is checked, so a concurrent edit is refused.
  await sql`
    create table investigation (
      case_id uuid primary key references "case" (id),
      template text not null check (template in ('victim', 'perpetrator')),
      opened_at timestamptz not null default now(),
      opened_by uuid not null references app_user (id),
      closed_at timestamptz
    )`.execute(db);
  await sql`
    create table investigation_section_version (
      case_id uuid not null references investigation (case_id),
      section text not null check (section ~ '^[a-z_]{2,60}$'),
      version integer not null check (version > 0),
      statements jsonb not null,
      recorded_by uuid not null references app_user (id),
      recorded_at timestamptz not null default now(),
      primary key (case_id, section, version)
    )`.execute(db);
  await sql`create trigger investigation_section_version_no_change before update or delete on investigation_section_version for each row execute function reject_change()`.execute(
    db,
  );

  // Beslut: each decision is a series of versions; a rättelse or an ändring is a new version
  // naming who and why, and the original stays.
  await sql`
    create table decision (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references "case" (id),
      version integer not null default 1
    )`.execute(db);
  await sql`create index decision_case on decision (case_id)`.execute(db);
  await sql`
    create table decision_version (
      decision_id uuid not null references decision (id),
      version integer not null check (version > 0),
      kind text not null check (kind in ('original', 'correction', 'change')),
      intervention text not null check (intervention in ('shelter', 'temporary_housing',
        'financial_assistance', 'support_sessions', 'other_assistance')),
      requested text not null check (length(requested) between 1 and 2000),
      outcome text not null check (outcome in ('granted', 'partly_granted', 'refused')),
      motivation text not null check (length(motivation) between 1 and 20000),
      legal_basis text not null,
      appeal_instructions text,
      decided_on date not null,
      decided_by uuid not null references app_user (id),
      decided_role text not null,
      notified_how text check (notified_how in ('in_person', 'phone', 'letter', 'digital_mailbox',
        'interpreter_meeting')),
      notified_on date,
      change_reason text,
      recorded_at timestamptz not null default now(),
      primary key (decision_id, version),
      check ((kind = 'original') = (change_reason is null)),
      check (outcome = 'granted' or appeal_instructions is not null),
      check ((notified_how is null) = (notified_on is null))
    )`.execute(db);
  await sql`create trigger decision_version_no_change before update or delete on decision_version for each row execute function reject_change()`.execute(
    db,
  );

  // The delegation list: which role in which unit may decide which kind of insats.
  await sql`
    create table delegation (
      unit_id uuid not null references unit (id),
      intervention text not null check (intervention in ('shelter', 'temporary_housing',
        'financial_assistance', 'support_sessions', 'other_assistance')),
      role text not null check (role in ('adult_caseworker', 'children_caseworker', 'out_of_hours',
        'unit_manager')),
      granted_by uuid references app_user (id),
      granted_at timestamptz not null default now(),
      primary key (unit_id, intervention, role)
    )`.execute(db);

  // Legal references are data: the catalogue in force gives each concept its paragraph.
  await sql`
    create table legal_catalogue (
      id text primary key,
      name text not null,
      "references" jsonb not null,
      active boolean not null default false,
      loaded_at timestamptz not null default now(),
      loaded_by uuid references app_user (id)
    )`.execute(db);
  await sql`create unique index legal_catalogue_one_active on legal_catalogue (active) where active`.execute(
    db,
  );
  // The catalogue the source guidelines cite, as the starting point (frozen here as data).
  await sql`
    insert into legal_catalogue (id, name, "references", active) values ('sol-2001-453',
      'Socialtjänstlagen (2001:453)', ${JSON.stringify({
        investigationDuty: '11 kap. 1 § SoL',
        preliminaryAssessmentChild: '11 kap. 1 a § SoL',
        investigationTimeLimitChild: '11 kap. 2 § SoL',
        childConcernReport: '14 kap. 1 § SoL',
        assistance: '4 kap. 1 § SoL',
        shelterForAccompanyingChildren: '4 kap. 2 c § SoL',
        documentation: '11 kap. 5 § SoL',
        appeal: '16 kap. 3 § SoL',
        correction: '36 § förvaltningslagen (2017:900)',
        change: '37–39 §§ förvaltningslagen (2017:900)',
        communication: '25 § förvaltningslagen (2017:900)',
        secrecyOverridePolice: '10 kap. 23 § offentlighets- och sekretesslagen (2009:400)',
      })}::jsonb, true)`.execute(db);

  // The children's intake created by an orosanmälan points back to the report that started it.
  await sql`alter table "case" add column origin_case_id uuid references "case" (id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table "case" drop column origin_case_id`.execute(db);
  for (const table of [
    'legal_catalogue',
    'delegation',
    'decision_version',
    'decision',
    'investigation_section_version',
    'investigation',
    'journal_draft',
    'journal_entry_version',
    'journal_entry',
  ]) {
    await sql`drop table ${sql.table(table)}`.execute(db);
  }
  await sql`alter table case_event drop constraint case_event_type_check`.execute(db);
  await sql`
    alter table case_event add constraint case_event_type_check check (type in ('intake_registered',
      'acute_screening', 'application_recorded', 'consent_recorded', 'preliminary_assessment',
      'communication_recorded', 'decision_recorded', 'case_closed'))`.execute(db);
}
