import { sql } from 'kysely';
import type { Kysely } from 'kysely';

// Insatser as a catalogue as data (issue 13 item 4), kept like the legal catalogue: the codes are
// a closed set in code, the catalogue in force gives each its name, target groups, kind (service
// or bistånd), delegation and whether it may be decided acutely or open-ended. New codes from the
// sources: råd och stöd (a service), partnerkontakt, praktiskt stöd, föräldrastöd. Every beslut
// version may carry what the rules of its insats required (the victim's wish and the risk
// assessment behind a perpetrator's tillfälligt boende, the perpetrator's consent behind a
// partnerkontakt, an acute ekonomiskt bistånd without the usual means test), as one checked
// document. Frozen history: imports nothing from the application.
const oldCodes = [
  'shelter',
  'temporary_housing',
  'financial_assistance',
  'support_sessions',
  'other_assistance',
];
const codes = [
  ...oldCodes,
  'advice_and_support',
  'partner_contact',
  'practical_support',
  'parenting_support',
];
const list = (values: string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

const adultGroups = ['victim', 'honour_violence', 'prostitution', 'trafficking', 'sexual_violence'];
const allRoles = ['adult_caseworker', 'children_caseworker', 'out_of_hours', 'unit_manager'];
const adultDeciders = ['adult_caseworker', 'out_of_hours', 'unit_manager'];
const entry = (
  code: string,
  name: string,
  targetGroups: string[],
  kind: 'service' | 'assistance',
  delegation: string[],
  acute: boolean,
  openEnded: boolean,
) => ({ code, name, targetGroups, kind, delegation, acute, openEnded });

const firstCatalogue = [
  entry(
    'shelter',
    'Skyddat boende',
    [...adultGroups, 'child'],
    'assistance',
    allRoles,
    true,
    false,
  ),
  entry(
    'temporary_housing',
    'Tillfälligt boende',
    [...adultGroups, 'perpetrator'],
    'assistance',
    adultDeciders,
    true,
    false,
  ),
  entry(
    'financial_assistance',
    'Ekonomiskt bistånd',
    [...adultGroups, 'perpetrator'],
    'assistance',
    adultDeciders,
    true,
    false,
  ),
  entry(
    'support_sessions',
    'Stödsamtal',
    [...adultGroups, 'perpetrator', 'child'],
    'assistance',
    allRoles,
    false,
    true,
  ),
  entry(
    'advice_and_support',
    'Råd och stöd',
    [...adultGroups, 'perpetrator', 'child'],
    'service',
    [],
    false,
    true,
  ),
  entry(
    'partner_contact',
    'Partnerkontakt',
    adultGroups,
    'assistance',
    ['adult_caseworker', 'unit_manager'],
    false,
    true,
  ),
  entry(
    'practical_support',
    'Praktiskt stöd',
    [...adultGroups, 'perpetrator', 'child'],
    'assistance',
    allRoles,
    false,
    true,
  ),
  entry(
    'parenting_support',
    'Föräldrastöd',
    [...adultGroups, 'perpetrator'],
    'assistance',
    allRoles,
    false,
    true,
  ),
  entry(
    'other_assistance',
    'Annat bistånd',
    [...adultGroups, 'perpetrator', 'child'],
    'assistance',
    allRoles,
    false,
    true,
  ),
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const table of ['decision_version', 'delegation']) {
    await sql`alter table ${sql.table(table)} drop constraint ${sql.raw(`${table}_intervention_check`)}`.execute(
      db,
    );
    await sql`alter table ${sql.table(table)} add constraint ${sql.raw(`${table}_intervention_check`)}
      check (intervention in (${list(codes)}))`.execute(db);
  }

  await sql`
    create table intervention_catalogue (
      id text primary key check (id ~ '^[a-z0-9-]{3,40}$'),
      name text not null check (length(name) between 3 and 200),
      version integer not null check (version > 0),
      entries jsonb not null,
      active boolean not null default false,
      loaded_at timestamptz not null default now(),
      loaded_by uuid references app_user (id)
    )`.execute(db);
  await sql`create unique index intervention_catalogue_one_active on intervention_catalogue (active) where active`.execute(
    db,
  );
  await sql`
    insert into intervention_catalogue (id, name, version, entries, active)
    values ('varn-insatser-1', 'Värns insatskatalog', 1, ${JSON.stringify(firstCatalogue)}::jsonb, true)`.execute(
    db,
  );

  // What the rules of the insats required, as decided (core/domain/intervention-rules.ts).
  await sql`alter table decision_version add column conditions jsonb`.execute(db);

  // A child accompanying a parent into skyddat boende: how its school or preschool was solved
  // (core/domain/accompanying-children.ts), recorded on the parent's case. Never changed: a new
  // arrangement is a new row.
  await sql`
    create table school_arrangement (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references "case" (id),
      child_person_id uuid not null references person (id),
      arrangement text not null check (arrangement in ('same_school', 'school_near_shelter',
        'teaching_at_shelter', 'not_in_school')),
      note text not null check (length(note) between 1 and 5000),
      arranged_on date not null,
      recorded_by uuid not null references app_user (id),
      recorded_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index school_arrangement_case on school_arrangement (case_id, child_person_id)`.execute(
    db,
  );
  await sql`create trigger school_arrangement_no_change before update or delete on school_arrangement for each row execute function reject_change()`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table school_arrangement`.execute(db);
  await sql`alter table decision_version drop column conditions`.execute(db);
  await sql`drop table intervention_catalogue`.execute(db);
  for (const table of ['decision_version', 'delegation']) {
    await sql`alter table ${sql.table(table)} drop constraint ${sql.raw(`${table}_intervention_check`)}`.execute(
      db,
    );
    await sql`alter table ${sql.table(table)} add constraint ${sql.raw(`${table}_intervention_check`)}
      check (intervention in (${list(oldCodes)}))`.execute(db);
  }
}
