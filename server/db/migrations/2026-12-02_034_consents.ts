import { sql } from 'kysely';
import type { Kysely } from 'kysely';

// The consent register and the record of every disclosure (issue 15, item 1;
// core/domain/consents.ts):
// - consent: who consented (the case's person), to sharing which categories, with whom (a unit or
//   a provider by id, an agency or a named person by name), for which purposes, from the day it
//   was given until the last day it is valid, how it was given (oral, written; a reference to the
//   signed document). Recorded in the case where it was given: it is read and used from there.
// - consent_revocation: a consent revoked, effective at once. One per consent.
// - disclosure: what was shared, with whom, on which ground (a consent, or a legal basis with its
//   secrecy test), who decided, what it belongs to (an uppdrag; later samråd, SIP, …).
// An uppdrag's order no longer records its own consent: it points at its disclosure, so the
// inline consent's columns may be empty on a new uppdrag. All three tables are append-only.
// Frozen history: imports nothing from the application.
const categories = sql.raw(
  `array['name', 'personal_identity_number', 'phone', 'language', 'children', 'situation', 'violence', 'interventions', 'health', 'treatment']`,
);
const purposes = sql.raw(
  `array['commission', 'coordination_meeting', 'coordinated_plan', 'internal_plan', 'partner_contact']`,
);
const references = {
  secrecyNecessaryDisclosure: '10 kap. 2 § offentlighets- och sekretesslagen (2009:400)',
  secrecyViolencePrevention: '10 kap. 18 c § offentlighets- och sekretesslagen (2009:400)',
};

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table consent (
      id uuid primary key default gen_random_uuid(),
      person_id uuid not null references person (id),
      case_id uuid not null references "case" (id),
      categories text[] not null check (cardinality(categories) > 0 and categories <@ ${categories}),
      purposes text[] not null check (cardinality(purposes) > 0 and purposes <@ ${purposes}),
      purpose_text text not null check (length(purpose_text) between 1 and 2000),
      recipient_kind text not null check (recipient_kind in ('unit', 'provider', 'agency', 'person')),
      recipient_unit_id uuid references unit (id),
      recipient_provider_id uuid references provider (id),
      recipient_name text check (length(recipient_name) between 1 and 300),
      given_on date not null,
      valid_until date not null,
      way text not null check (way in ('oral', 'written')),
      document_reference text check (length(document_reference) between 1 and 500),
      recorded_by uuid not null references app_user (id),
      recorded_at timestamptz not null,
      check (valid_until >= given_on),
      check ((recipient_kind = 'unit') = (recipient_unit_id is not null)),
      check ((recipient_kind = 'provider') = (recipient_provider_id is not null)),
      check ((recipient_kind in ('agency', 'person')) = (recipient_name is not null))
    )`.execute(db);
  await sql`create index consent_case on consent (case_id, given_on)`.execute(db);

  await sql`
    create table consent_revocation (
      consent_id uuid primary key references consent (id),
      revoked_on date not null,
      how text not null check (length(how) between 1 and 2000),
      recorded_by uuid not null references app_user (id),
      recorded_at timestamptz not null
    )`.execute(db);

  await sql`
    create table disclosure (
      id uuid primary key default gen_random_uuid(),
      person_id uuid not null references person (id),
      case_id uuid not null references "case" (id),
      purpose text not null check (purpose in ${sql.raw(`('commission', 'coordination_meeting', 'coordinated_plan', 'internal_plan', 'partner_contact')`)}),
      categories text[] not null check (categories <@ ${categories}),
      recipient_kind text not null check (recipient_kind in ('unit', 'provider', 'agency', 'person')),
      recipient_id uuid,
      recipient_name text not null check (length(recipient_name) between 1 and 300),
      consent_id uuid references consent (id),
      legal_basis text check (legal_basis in ('secrecyNecessaryDisclosure', 'secrecyViolencePrevention', 'secrecyOverridePolice')),
      legal_reference text check (length(legal_reference) between 1 and 200),
      secrecy_test text check (length(secrecy_test) between 1 and 5000),
      commission_id uuid references commission (id),
      decided_by uuid not null references app_user (id),
      decided_at timestamptz not null,
      check ((consent_id is not null) <> (legal_basis is not null)),
      check ((legal_basis is not null) = (secrecy_test is not null and legal_reference is not null))
    )`.execute(db);
  await sql`create index disclosure_case on disclosure (case_id)`.execute(db);
  await sql`create index disclosure_consent on disclosure (consent_id) where consent_id is not null`.execute(
    db,
  );
  await sql`create unique index disclosure_commission on disclosure (commission_id) where commission_id is not null`.execute(
    db,
  );

  for (const table of ['consent', 'consent_revocation', 'disclosure']) {
    await sql`create trigger ${sql.raw(`${table}_no_change`)} before update or delete on ${sql.table(table)} for each row execute function reject_change()`.execute(
      db,
    );
  }

  // A new uppdrag's consent is its disclosure's; the order's own columns stay for the old ones.
  await sql`alter table commission_order alter column consent_way drop not null`.execute(db);
  await sql`alter table commission_order alter column consent_on drop not null`.execute(db);

  // Every loaded catalogue names the grounds: OSL is the same whatever the SoL.
  for (const [concept, reference] of Object.entries(references)) {
    await sql`update legal_catalogue
      set "references" = "references" || jsonb_build_object(${concept}::text, ${reference}::text)
      where "references" ->> ${concept} is null`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const concept of Object.keys(references)) {
    await sql`update legal_catalogue set "references" = "references" - ${concept}::text`.execute(
      db,
    );
  }
  // The order's consent columns stay nullable: an uppdrag sent on a legal basis has none.
  await sql`drop table disclosure`.execute(db);
  await sql`drop table consent_revocation`.execute(db);
  await sql`drop table consent`.execute(db);
}
