import { interventions } from '../../core/domain/decisions.ts';
import type { ProtectionLevel } from '../../core/domain/protection.ts';
import { roleLabels } from '../../core/policy/roles.ts';
import { addDays } from '../../core/domain/calendar.ts';
import type { DisclosurePurpose, InformationCategory } from '../../core/domain/consents.ts';
import { stockholmDate } from '../time.ts';
import type { Role } from '../../core/policy/roles.ts';
import type { Db, Trx } from '../db/database.ts';
import type {
  ContactChannelKind,
  RelationKind,
  RelationViolence,
  TargetGroup,
  UnitKind,
} from '../db/schema.ts';
import { hashPassword } from '../accounts/passwords.ts';
import { appendEvents, openCase } from '../case-kernel/case-access.ts';
import { insertCounterpart } from '../case-kernel/counterparts.ts';
import type { CounterpartFields } from '../case-kernel/counterparts.ts';
import { insertDemoMeeting } from './demo-meetings.ts';
import { insertDemoProviders } from './demo-providers.ts';
import { testPersonnummer } from './skatteverket-test-numbers.ts';

/**
 * Demo data for trying Värn out. Everything is invented: personnummer come from Skatteverket's
 * list of test numbers, telephone numbers from PTS's series reserved for fiction
 * (070-174 06 05 – 070-174 06 99), e-mail addresses from the reserved .invalid domain. It is
 * written only into an empty database, so a real installation is never touched.
 *
 * Demo accounts have no second factor, so anyone can try Värn without an authenticator app.
 * Real accounts always require one (see docs/SECURITY.md).
 */
export const DEMO_PASSWORD = 'demo-losenord';

const units = {
  rvt: { name: 'Relationsvåldsteamet', kind: 'adult' },
  children: { name: 'Barn och unga', kind: 'children' },
  outOfHours: { name: 'Socialjouren', kind: 'out_of_hours' },
  shelter: { name: 'Skyddat boende Fristad (utförare)', kind: 'provider' },
  development: { name: 'Verksamhetsutveckling', kind: 'management' },
} as const satisfies Record<string, { name: string; kind: UnitKind }>;
type UnitKey = keyof typeof units;

const users = [
  { username: 'anna.handlaggare', name: 'Anna Handläggare', unit: 'rvt', role: 'adult_caseworker' },
  {
    username: 'hanna.handlaggare',
    name: 'Hanna Handläggare',
    unit: 'rvt',
    role: 'adult_caseworker',
  },
  {
    username: 'bo.barn',
    name: 'Bo Barnsekreterare',
    unit: 'children',
    role: 'children_caseworker',
  },
  {
    username: 'sara.socialjour',
    name: 'Sara Socialjour',
    unit: 'outOfHours',
    role: 'out_of_hours',
  },
  { username: 'ulf.utforare', name: 'Ulf Utförare', unit: 'shelter', role: 'provider' },
  { username: 'erik.chef', name: 'Erik Enhetschef', unit: 'rvt', role: 'unit_manager' },
  { username: 'alva.analytiker', name: 'Alva Analytiker', unit: 'development', role: 'analyst' },
  {
    username: 'adam.admin',
    name: 'Adam Administratör',
    unit: 'development',
    role: 'administrator',
  },
  // The second person of the two-person rule: approves what Adam asks for, and the other way.
  {
    username: 'agnes.admin',
    name: 'Agnes Administratör',
    unit: 'development',
    role: 'administrator',
  },
] as const satisfies readonly { username: string; name: string; unit: UnitKey; role: Role }[];
type Username = (typeof users)[number]['username'];

export const demoLogins = users.map((u) => ({
  role: roleLabels[u.role],
  username: u.username,
  password: DEMO_PASSWORD,
}));

const {
  adultsFemale: women,
  adultsMale: men,
  childrenFemale: girls,
  childrenMale: boys,
} = testPersonnummer;

interface DemoIntake {
  intakeType:
    | 'application_oral'
    | 'application_written'
    | 'report'
    | 'police_notification'
    | 'referral'
    | 'self_contact';
  from: string;
  channel: 'phone' | 'visit' | 'letter' | 'email' | 'digital' | 'police' | 'other';
  content: string;
}

const police = (content: string): DemoIntake => ({
  intakeType: 'police_notification',
  from: 'Polisen, region Stockholm',
  channel: 'police',
  content,
});
const selfContact = (content: string): DemoIntake => ({
  intakeType: 'application_oral',
  from: 'Personen själv',
  channel: 'phone',
  content,
});
const concernReport = (from: string, content: string): DemoIntake => ({
  intakeType: 'report',
  from,
  channel: 'letter',
  content,
});

interface DemoPerson {
  key: string;
  personnummer: string;
  givenName: string;
  familyName: string;
  protection: ProtectionLevel;
  channels?: { kind: ContactChannelKind; value: string; safe: boolean; note?: string }[];
  whereabouts?: string;
  school?: string;
  realIdentity?: string;
  cases: {
    unit: UnitKey;
    targetGroup: TargetGroup;
    assignee: Username | null;
    closedDaysAgo?: number;
    openedDaysAgo: number;
    acute?: boolean;
    intake: DemoIntake;
  }[];
}

const persons: DemoPerson[] = [
  {
    key: 'maria',
    personnummer: women[0],
    givenName: 'Maria',
    familyName: 'Lind',
    protection: 'none',
    channels: [
      { kind: 'phone', value: '070-174 06 05', safe: true, note: 'Eget nummer, ring dagtid' },
      {
        kind: 'email',
        value: 'familjen.lind@exempel.invalid',
        safe: false,
        note: 'Delad med maken',
      },
      {
        kind: 'address',
        value: 'Påhittegatan 3, 123 45 Exempelstad',
        safe: false,
        note: 'Gemensam bostad',
      },
    ],
    cases: [
      {
        unit: 'rvt',
        targetGroup: 'victim',
        assignee: 'anna.handlaggare',
        openedDaysAgo: 12,
        intake: police('Polisen underrättar om misshandel i hemmet; två barn fanns i bostaden.'),
      },
    ],
  },
  {
    key: 'elsa',
    personnummer: girls[1],
    givenName: 'Elsa',
    familyName: 'Lind',
    protection: 'none',
    school: 'Exempelskolan, klass 5B',
    cases: [
      {
        unit: 'children',
        targetGroup: 'child',
        assignee: 'bo.barn',
        openedDaysAgo: 11,
        intake: concernReport(
          'Relationsvåldsteamet',
          'Orosanmälan: barnet har bevittnat våld mellan föräldrarna.',
        ),
      },
    ],
  },
  {
    key: 'noah',
    personnummer: boys[0],
    givenName: 'Noah',
    familyName: 'Lind',
    protection: 'none',
    school: 'Exempelskolan, klass 4A',
    cases: [
      {
        unit: 'children',
        targetGroup: 'child',
        assignee: null,
        openedDaysAgo: 11,
        intake: concernReport(
          'Relationsvåldsteamet',
          'Orosanmälan: barnet har bevittnat våld mellan föräldrarna.',
        ),
      },
    ],
  },
  {
    key: 'johan',
    personnummer: men[0],
    givenName: 'Johan',
    familyName: 'Lind',
    protection: 'none',
    channels: [{ kind: 'phone', value: '070-174 06 06', safe: true }],
    cases: [
      {
        unit: 'rvt',
        targetGroup: 'perpetrator',
        assignee: null,
        openedDaysAgo: 9,
        intake: police(
          'Polisen underrättar om att mannen är misstänkt för misshandel av sin partner.',
        ),
      },
    ],
  },
  {
    key: 'leila',
    personnummer: women[1],
    givenName: 'Leila',
    familyName: 'Haddad',
    protection: 'protected_registration',
    channels: [
      {
        kind: 'phone',
        value: '070-174 06 07',
        safe: true,
        note: 'Nytt nummer, okänt för familjen',
      },
      {
        kind: 'phone',
        value: '070-174 06 08',
        safe: false,
        note: 'Gammalt nummer, familjen kontrollerar telefonen',
      },
    ],
    whereabouts: 'Skyddat boende Fristad, rum 4',
    cases: [
      {
        unit: 'rvt',
        targetGroup: 'honour_violence',
        assignee: 'anna.handlaggare',
        openedDaysAgo: 30,
        intake: selfContact(
          'Söker stöd: familjen kontrollerar henne och planerar ett äktenskap mot hennes vilja.',
        ),
        acute: true,
      },
    ],
  },
  {
    key: 'karim',
    personnummer: men[2],
    givenName: 'Karim',
    familyName: 'Haddad',
    protection: 'none',
    cases: [],
  },
  {
    key: 'sofia',
    personnummer: women[2],
    givenName: 'Sofia',
    familyName: 'Berg',
    protection: 'confidentiality_marking',
    channels: [{ kind: 'phone', value: '070-174 06 09', safe: true }],
    cases: [
      {
        unit: 'rvt',
        targetGroup: 'victim',
        assignee: null,
        openedDaysAgo: 1,
        intake: selfContact('Berättar om hot från tidigare partner, vill ha stöd.'),
        acute: true,
      },
    ],
  },
  {
    key: 'anders',
    personnummer: men[4],
    givenName: 'Anders',
    familyName: 'Holm',
    protection: 'none',
    channels: [{ kind: 'phone', value: '070-174 06 10', safe: true }],
    cases: [
      {
        unit: 'rvt',
        targetGroup: 'perpetrator',
        assignee: 'anna.handlaggare',
        openedDaysAgo: 45,
        intake: selfContact('Vill ha hjälp att sluta utöva våld mot sin partner.'),
      },
    ],
  },
  {
    key: 'emma',
    personnummer: women[3],
    givenName: 'Emma',
    familyName: 'Sjöberg',
    protection: 'fictitious_identity',
    channels: [{ kind: 'digital_mailbox', value: 'Skyddad digital brevlåda', safe: true }],
    whereabouts: 'Uppgift finns hos handläggaren',
    realIdentity: 'Verklig identitet registrerad hos Skatteverket; ärendenummer i pappersakt',
    cases: [
      {
        unit: 'rvt',
        targetGroup: 'victim',
        assignee: 'anna.handlaggare',
        openedDaysAgo: 90,
        intake: selfContact('Söker skydd; har lämnat bostaden med sitt barn.'),
        acute: true,
      },
    ],
  },
  {
    key: 'ella',
    personnummer: girls[0],
    givenName: 'Ella',
    familyName: 'Sjöberg',
    protection: 'fictitious_identity',
    school: 'Skolplacering ordnad via Barn och unga',
    cases: [
      {
        unit: 'children',
        targetGroup: 'child',
        assignee: 'bo.barn',
        openedDaysAgo: 88,
        intake: concernReport(
          'Relationsvåldsteamet',
          'Orosanmälan: barnet har upplevt våld; modern bor i skyddat boende.',
        ),
      },
    ],
  },
  {
    key: 'karin',
    personnummer: women[4],
    givenName: 'Karin',
    familyName: 'Ek',
    protection: 'none',
    cases: [
      {
        unit: 'rvt',
        targetGroup: 'victim',
        assignee: 'anna.handlaggare',
        openedDaysAgo: 400,
        intake: selfContact('Söker stöd efter separation från våldsam partner.'),
        closedDaysAgo: 200,
      },
    ],
  },
  {
    key: 'lina',
    personnummer: women[5],
    givenName: 'Lina',
    familyName: 'Nord',
    protection: 'none',
    channels: [{ kind: 'phone', value: '070-174 06 11', safe: true }],
    cases: [
      {
        unit: 'outOfHours',
        targetGroup: 'sexual_violence',
        assignee: 'sara.socialjour',
        openedDaysAgo: 0,
        intake: police('Polisen kontaktar socialjouren efter ett sexuellt övergrepp i natt.'),
        acute: true,
      },
    ],
  },
];

/** Who is related to whom; both of Elsa's and Noah's parents, and Emma, are vårdnadshavare. */
const relations: {
  from: string;
  to: string;
  kind: RelationKind;
  violence: RelationViolence;
  guardian?: true;
}[] = [
  { from: 'johan', to: 'maria', kind: 'partner', violence: 'person_against_related' },
  { from: 'maria', to: 'elsa', kind: 'parent_of', violence: 'none', guardian: true },
  { from: 'maria', to: 'noah', kind: 'parent_of', violence: 'none', guardian: true },
  { from: 'johan', to: 'elsa', kind: 'parent_of', violence: 'unknown', guardian: true },
  { from: 'johan', to: 'noah', kind: 'parent_of', violence: 'unknown', guardian: true },
  { from: 'karim', to: 'leila', kind: 'sibling', violence: 'person_against_related' },
  { from: 'emma', to: 'ella', kind: 'parent_of', violence: 'none', guardian: true },
];

/**
 * The person who uses violence, recorded in her file as a counterpart (issue 14): Sofia's former
 * partner has no file in Värn, so he is known only by what she told of him.
 */
const counterparts = [
  {
    in: 'sofia',
    recordedBy: 'anna.handlaggare',
    fields: {
      identity: null,
      givenName: 'Tobias',
      familyName: 'Ek',
      description: 'Tidigare sambo, cirka 35 år',
      relation: 'former_partner',
      usesViolence: true,
      livesTogether: false,
      contact: [{ kind: 'phone', value: '070-174 06 99' }],
      whereabouts: 'Bor kvar i den gemensamma lägenheten',
    },
  },
] as const satisfies readonly {
  in: string;
  recordedBy: Username;
  fields: CounterpartFields;
}[];

const daysAgo = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000);

/**
 * Sofia's consent in her register (issue 15): to a samråd and a SIP with her vårdcentral, given
 * in writing three weeks ago for half a year.
 */
const consents = [
  {
    in: 'sofia',
    recordedBy: 'anna.handlaggare',
    categories: ['name', 'situation', 'health'],
    purposes: ['coordination_meeting', 'coordinated_plan'],
    purposeText: 'Att vårdcentralen och socialtjänsten ska kunna samordna stödet till henne.',
    recipient: 'Vårdcentralen Centrum',
    givenDaysAgo: 21,
    validDays: 180,
    documentReference: 'Undertecknat samtycke i akten, dnr 2026/4711',
  },
] as const satisfies readonly {
  in: string;
  recordedBy: Username;
  categories: readonly InformationCategory[];
  purposes: readonly DisclosurePurpose[];
  [key: string]: unknown;
}[];

async function insertDemo(trx: Trx, now: Date) {
  const unitIds = {} as Record<UnitKey, string>;
  for (const [key, unit] of Object.entries(units) as [UnitKey, (typeof units)[UnitKey]][]) {
    unitIds[key] = (
      await trx.insertInto('unit').values(unit).returning('id').executeTakeFirstOrThrow()
    ).id;
  }

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const userIds = {} as Record<Username, string>;
  for (const u of users) {
    const row = await trx
      .insertInto('app_user')
      .values({
        username: u.username,
        display_name: u.name,
        password_hash: passwordHash,
        must_change_password: false,
        totp_required: false,
        totp_secret: null,
        totp_last_step: null,
        disabled_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    userIds[u.username] = row.id;
    await trx
      .insertInto('user_role')
      .values({ user_id: row.id, unit_id: unitIds[u.unit], role: u.role, granted_by: null })
      .execute();
  }

  // A delegation list like many municipalities': handläggare decide on skyddat boende,
  // tillfälligt boende and stödsamtal; ekonomiskt bistånd and other assistance go to the manager;
  // socialjouren decides on acute housing out of hours.
  await trx
    .insertInto('delegation')
    .values([
      ...(['shelter', 'temporary_housing', 'support_sessions'] as const).map((intervention) => ({
        unit_id: unitIds.rvt,
        intervention,
        role: 'adult_caseworker' as const,
        granted_by: null,
      })),
      ...interventions.map((intervention) => ({
        unit_id: unitIds.rvt,
        intervention,
        role: 'unit_manager' as const,
        granted_by: null,
      })),
      ...(['shelter', 'temporary_housing'] as const).map((intervention) => ({
        unit_id: unitIds.outOfHours,
        intervention,
        role: 'out_of_hours' as const,
        granted_by: null,
      })),
    ])
    .execute();

  // Socialjouren hands its night and weekend matters to the day units (issue 13, item 2): victims
  // and perpetrators to the relationsvåldsteam, children to barn och unga, and a child is the
  // children's unit's whatever the target group; the night is 17–08.
  await trx
    .insertInto('handover_setting')
    .values({
      default_unit_id: unitIds.rvt,
      child_unit_id: unitIds.children,
      night_starts_hour: 17,
      night_ends_hour: 8,
      updated_by: null,
    })
    .execute();
  await trx
    .insertInto('handover_rule')
    .values([
      { target_group: 'victim', unit_id: unitIds.rvt },
      { target_group: 'perpetrator', unit_id: unitIds.rvt },
      { target_group: 'child', unit_id: unitIds.children },
    ])
    .execute();

  await insertDemoProviders(trx, {
    providerUnitId: unitIds.shelter,
    administratorId: userIds['adam.admin'],
  });

  const personIds: Record<string, string> = {};
  const firstCaseIds: Record<string, string> = {};
  for (const p of persons) {
    const { id } = await trx
      .insertInto('person')
      .values({
        identity_kind: 'personnummer',
        identity_number: p.personnummer,
        given_name: p.givenName,
        family_name: p.familyName,
        protection_level: p.protection,
        created_by: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    personIds[p.key] = id;
    if (p.channels?.length) {
      await trx
        .insertInto('contact_channel')
        .values(
          p.channels.map((c) => ({
            person_id: id,
            kind: c.kind,
            value: c.value,
            safe_for_contact: c.safe,
            note: c.note ?? null,
          })),
        )
        .execute();
    }
    if (p.whereabouts || p.school || p.realIdentity) {
      await trx
        .insertInto('person_protected_detail')
        .values({
          person_id: id,
          whereabouts: p.whereabouts ?? null,
          school: p.school ?? null,
          real_identity: p.realIdentity ?? null,
        })
        .execute();
    }
    for (const c of p.cases) {
      const openedAt = daysAgo(now, c.openedDaysAgo);
      const acuteNeed = c.acute ? 'yes' : 'no';
      const caseId = await openCase(
        trx,
        {
          person_id: id,
          unit_id: unitIds[c.unit],
          target_group: c.targetGroup,
          received_at: openedAt,
          assigned_user_id: c.assignee ? userIds[c.assignee] : null,
          created_by: null,
        },
        [
          {
            type: 'intake_registered',
            payload: { ...c.intake, receivedAt: openedAt.toISOString() },
          },
          {
            type: 'acute_screening',
            payload: { acuteNeed, motivation: 'Bedömt vid första kontakten (demodata).' },
          },
        ],
        null,
        openedAt,
      );
      firstCaseIds[p.key] ??= caseId;
      // A closed case is closed in its log, as any case is: its row follows from that.
      if (c.closedDaysAgo !== undefined) {
        await appendEvents(
          trx,
          caseId,
          [
            {
              type: 'case_closed',
              payload: { reason: 'Avslutat (demodata).', filedAsNoAction: false },
            },
          ],
          null,
          daysAgo(now, c.closedDaysAgo),
        );
      }
    }
  }

  await trx
    .insertInto('person_relation')
    .values(
      relations.map((r) => ({
        person_id: personIds[r.from] ?? '',
        related_person_id: personIds[r.to] ?? '',
        kind: r.kind,
        violence: r.violence,
        guardian: r.guardian ?? false,
        created_by: null,
      })),
    )
    .execute();
  for (const c of counterparts) {
    const personId = personIds[c.in] ?? '';
    await insertCounterpart(
      trx,
      {
        personId,
        caseId: firstCaseIds[c.in] ?? '',
        recordedBy: userIds[c.recordedBy],
        now,
      },
      { ...c.fields, contact: [...c.fields.contact] },
    );
  }
  for (const c of consents) {
    const given = stockholmDate(daysAgo(now, c.givenDaysAgo));
    await trx
      .insertInto('consent')
      .values({
        person_id: personIds[c.in] ?? '',
        case_id: firstCaseIds[c.in] ?? '',
        categories: [...c.categories],
        purposes: [...c.purposes],
        purpose_text: c.purposeText,
        recipient_kind: 'agency',
        recipient_unit_id: null,
        recipient_provider_id: null,
        recipient_name: c.recipient,
        given_on: given,
        valid_until: addDays(given, c.validDays),
        way: 'written',
        document_reference: c.documentReference,
        recorded_by: userIds[c.recordedBy],
        recorded_at: daysAgo(now, c.givenDaysAgo),
      })
      .execute();
  }
  await insertDemoMeeting(trx, {
    now,
    units: { victim: unitIds.rvt, children: unitIds.children },
    users: { victim: userIds['anna.handlaggare'], children: userIds['bo.barn'] },
    cases: { victim: firstCaseIds.emma ?? '', children: firstCaseIds.ella ?? '' },
  });
}

/** Seeds the demo into an empty database. Returns false (and changes nothing) otherwise. */
export async function seedDemoData(db: Db, now: Date = new Date()): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('unit').select('id').limit(1).executeTakeFirst();
    if (existing) return false;
    await insertDemo(trx, now);
    return true;
  });
}
