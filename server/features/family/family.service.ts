import type { FamilyMember, FamilyView, RelatedCase } from '../../../core/contracts/family.ts';
import {
  counterpartName,
  currentCounterparts,
  latestVersions,
} from '../../../core/domain/counterparts.ts';
import { guardiansOf } from '../../../core/domain/guardians.ts';
import type { GuardianRelation } from '../../../core/domain/guardians.ts';
import { relationFromSide } from '../../../core/domain/relations.ts';
import { can } from '../../../core/policy/policy.ts';
import type { CaseFacts, PersonFacts } from '../../../core/policy/policy.ts';
import type { FamilyLink } from '../../../core/policy/rules/family.ts';
import { execute } from '../../command.ts';
import type { Trx } from '../../db/database.ts';
import type { ActionContext } from '../../http/action-context.ts';
import { caseFacts, loadCase } from '../../case-kernel/case-access.ts';
import type { CaseRow } from '../../case-kernel/case-access.ts';
import { loadDuties } from '../../case-kernel/child-duties.ts';
import { linkedPersonIds, loadCounterparts } from '../../case-kernel/counterparts.ts';
import { toSummary } from '../../case-kernel/persons.repository.ts';
import { AppError } from '../../errors.ts';
import type { ServiceDeps } from '../../service-deps.ts';
import { loadDeadlines } from '../../case-kernel/case-deadlines.ts';

/**
 * "Familjen": the persons around a case and their cases as far as the reader may know of each
 * (core/policy/rules/family.ts). Everything is loaded for the whole family at once — relations,
 * counterparts, the household, the persons with their cases, the deadlines — so the view costs
 * the same handful of statements for a household of two or of eight. Nothing of another file's
 * content is ever loaded: only its unit, handläggare, phase and deadlines.
 */

const violentFrom = (violence: string, fromPerson: boolean) =>
  violence === 'mutual' ||
  violence === (fromPerson ? 'person_against_related' : 'related_against_person');

interface RelationRow {
  id: string;
  person_id: string;
  related_person_id: string;
  kind: GuardianRelation['kind'];
  violence: GuardianRelation['violence'];
  guardian: boolean;
  status: GuardianRelation['status'];
}

/** One person in Värn around the case, with every way the case's file knows them. */
interface Around {
  personId: string;
  /** Listed in the view as a person: a counterpart alone is listed as her file records it. */
  listed: boolean;
  source: FamilyMember['source'];
  relation: FamilyMember['relation'];
  link: FamilyLink;
}

/**
 * The relations that hold touching the person, the counterparts her file records, and the
 * counterparts of other files that name her by identity number: the links of
 * server/case-kernel/counterparts.ts `linkedPersons`, loaded with what the view shows of them.
 */
async function loadLinks(trx: Trx, personId: string, identityNumber: string | null) {
  const [relations, own, theirs] = await Promise.all([
    trx
      .selectFrom('person_relation')
      .select(['id', 'person_id', 'related_person_id', 'kind', 'violence', 'guardian', 'status'])
      .where('status', '=', 'current')
      .where((eb) =>
        eb.or([eb('person_id', '=', personId), eb('related_person_id', '=', personId)]),
      )
      .orderBy('created_at')
      .orderBy('id')
      .execute() as Promise<RelationRow[]>,
    loadCounterparts(trx, [personId]),
    identityNumber
      ? trx
          .selectFrom('counterpart')
          .select(['id', 'version', 'person_id', 'identity_number', 'uses_violence', 'status'])
          .where('id', 'in', (eb) =>
            eb
              .selectFrom('counterpart as named')
              .select('named.id')
              .where('named.identity_number', '=', identityNumber),
          )
          .execute()
      : Promise.resolve([]),
  ]);
  const counterparts = currentCounterparts(own);
  const byNumber = await linkedPersonIds(trx, counterparts);
  const naming = latestVersions(theirs).filter(
    (c) =>
      c.status === 'current' && c.identity_number === identityNumber && c.person_id !== personId,
  );
  return { relations, counterparts, byNumber, naming };
}

/** The persons, with their open cases (unit, handläggare, phase) and what the policy reads. */
async function loadPersons(trx: Trx, personIds: readonly string[], actorUserId: string, now: Date) {
  // Never empty: a family of one still answers, with no one around.
  const ids = personIds.length > 0 ? [...personIds] : ['00000000-0000-0000-0000-000000000000'];
  const [persons, cases, emergency] = await Promise.all([
    trx
      .selectFrom('person')
      .select([
        'person.id',
        'given_name',
        'family_name',
        'identity_kind',
        'identity_number',
        'protection_level',
      ])
      .where('person.id', 'in', ids)
      .execute(),
    trx
      .selectFrom('case')
      .innerJoin('unit', 'unit.id', 'case.unit_id')
      .leftJoin('app_user', 'app_user.id', 'case.assigned_user_id')
      .select([
        'case.id',
        'case.person_id',
        'case.unit_id',
        'case.assigned_user_id',
        'case.status',
        'case.routed_by',
        'case.target_group',
        'case.phase',
        'case.received_at',
        'case.opened_at',
        'unit.name as unit_name',
        'app_user.display_name as assignee_name',
      ])
      .where('case.person_id', 'in', ids)
      .orderBy('case.opened_at')
      .execute(),
    trx
      .selectFrom('emergency_access')
      .select(['person_id', (eb) => eb.fn.max('expires_at').as('until')])
      .where('user_id', '=', actorUserId)
      .where('person_id', 'in', ids)
      .where('expires_at', '>', now)
      .groupBy('person_id')
      .execute(),
  ]);
  const casesOf = Map.groupBy(cases, (c) => c.person_id);
  const emergencyOf = new Map(emergency.map((e) => [e.person_id, e.until]));
  const facts = new Map<string, { summary: ReturnType<typeof toSummary>; facts: PersonFacts }>();
  for (const p of persons) {
    facts.set(p.id, {
      summary: toSummary(p),
      facts: {
        personId: p.id,
        protectionLevel: p.protection_level,
        cases: (casesOf.get(p.id) ?? []).map((c): CaseFacts => ({
          caseId: c.id,
          unitId: c.unit_id,
          assignedUserId: c.assigned_user_id,
          status: c.status,
          routedBy: c.routed_by,
        })),
        emergencyAccessUntil: emergencyOf.get(p.id),
      },
    });
  }
  return { persons: facts, cases: casesOf };
}

/** Every person in Värn around the case, each once, their links merged. */
function gather(
  personId: string,
  links: Awaited<ReturnType<typeof loadLinks>>,
  household: readonly string[],
): Around[] {
  const around = new Map<string, Around>();
  const add = (a: Around) => {
    const seen = around.get(a.personId);
    around.set(
      a.personId,
      seen
        ? {
            // Listed by the link that lists them (a relation before a counterpart alone).
            ...(seen.listed || !a.listed ? seen : a),
            listed: seen.listed || a.listed,
            link: {
              namedInFile: seen.link.namedInFile || a.link.namedInFile,
              personUsesViolenceAgainst:
                seen.link.personUsesViolenceAgainst || a.link.personUsesViolenceAgainst,
            },
          }
        : a,
    );
  };
  const violentToPartner = links.relations.some(
    (r) =>
      (r.kind === 'partner' || r.kind === 'former_partner') &&
      violentFrom(r.violence, r.person_id === personId),
  );
  for (const r of links.relations) {
    const side = relationFromSide(
      {
        personId: r.person_id,
        relatedPersonId: r.related_person_id,
        kind: r.kind,
        violence: r.violence,
      },
      personId,
    );
    add({
      personId: side.otherPersonId,
      listed: true,
      source: 'relation',
      relation: side.kind,
      link: {
        namedInFile: true,
        personUsesViolenceAgainst: side.violence === 'uses_violence' || side.violence === 'mutual',
      },
    });
  }
  // A child of the household lives with the one the person uses violence against, if anyone:
  // the child's file is kept from the person's side then too.
  for (const child of household) {
    add({
      personId: child,
      listed: true,
      source: 'household',
      relation: 'household_child',
      link: { namedInFile: true, personUsesViolenceAgainst: violentToPartner },
    });
  }
  for (const c of links.counterparts) {
    const linked = c.identity ? links.byNumber.get(c.identity.normalized) : undefined;
    if (linked && linked !== personId) {
      add({
        personId: linked,
        listed: false,
        source: 'counterpart',
        relation: c.relation,
        link: { namedInFile: true, personUsesViolenceAgainst: false },
      });
    }
  }
  for (const c of links.naming) {
    add({
      personId: c.person_id,
      listed: true,
      source: 'linked',
      relation: 'other',
      link: { namedInFile: false, personUsesViolenceAgainst: c.uses_violence },
    });
  }
  around.delete(personId);
  return [...around.values()];
}

export function getFamily(deps: ServiceDeps, ctx: ActionContext, caseId: string) {
  const { actor, now } = ctx;
  return execute(deps, ctx, {
    action: 'family.read',
    load: (trx) => loadCase(trx, actor, caseId, now),
    authorize: (who, { row, person }) =>
      can(who, 'family.read', { person, case: caseFacts(row), now }),
    run: async (trx, { row, person }) => {
      const view = await familyView(trx, deps, ctx, row, person);
      return {
        result: view.result,
        // Every person the view names, and every case it tells of.
        audit: { personIds: [row.person_id, ...view.named], caseIds: [row.id, ...view.cases] },
      };
    },
  });
}

async function familyView(
  trx: Trx,
  deps: ServiceDeps,
  ctx: ActionContext,
  row: CaseRow,
  person: PersonFacts,
): Promise<{ result: FamilyView; named: string[]; cases: string[] }> {
  const { actor, now, today } = ctx;
  const subject = await trx
    .selectFrom('person')
    .select(['id', 'given_name', 'family_name', 'identity_kind', 'identity_number'])
    .select('protection_level')
    .where('id', '=', row.person_id)
    .executeTakeFirst();
  if (!subject) throw new AppError('NOT_FOUND');
  const [links, duties] = await Promise.all([
    loadLinks(trx, row.person_id, subject.identity_number),
    loadDuties(trx, [row], today),
  ]);
  const caseDuties = duties.get(row.id) ?? [];
  const around = gather(
    row.person_id,
    links,
    caseDuties.map((d) => d.childPersonId),
  );

  // A child's guardians: the relations among the child's parents say whether one uses violence
  // against the other.
  const isChildCase = row.target_group === 'child';
  const parents = isChildCase
    ? links.relations
        .filter((r) => r.kind === 'parent_of' && r.related_person_id === row.person_id)
        .map((r) => r.person_id)
    : [];
  const betweenParents =
    parents.length > 1
      ? ((await trx
          .selectFrom('person_relation')
          .select([
            'id',
            'person_id',
            'related_person_id',
            'kind',
            'violence',
            'guardian',
            'status',
          ])
          .where('status', '=', 'current')
          .where('person_id', 'in', parents)
          .where('related_person_id', 'in', parents)
          .execute()) as RelationRow[])
      : [];
  const guardians = new Map(
    isChildCase
      ? guardiansOf(
          row.person_id,
          subject.protection_level,
          [...links.relations, ...betweenParents].map((r) => ({
            personId: r.person_id,
            relatedPersonId: r.related_person_id,
            kind: r.kind,
            violence: r.violence,
            guardian: r.guardian,
            status: r.status,
          })),
        ).map((g) => [g.guardianId, g.masked])
      : [],
  );

  const { persons, cases } = await loadPersons(
    trx,
    around.map((a) => a.personId),
    actor.userId,
    now,
  );
  const kase = caseFacts(row);
  const decide = (a: Around) => {
    const other = persons.get(a.personId);
    if (!other) return null;
    const facts = {
      person,
      case: kase,
      other: other.facts,
      link: a.link,
      caseAboutViolenceUsed: row.target_group === 'perpetrator',
      now,
    };
    return {
      other,
      named: can(actor, 'familyMember.read', facts).allowed,
      known: can(actor, 'relatedFile.know', facts).allowed,
    };
  };
  const decided = around.flatMap((a) => {
    const d = decide(a);
    return d ? [{ ...a, ...d }] : [];
  });
  // Their open cases, where the reader may know of them; the deadlines for all at once, and
  // never where an insats is carried out.
  const knownCases = decided.flatMap((d) =>
    d.known ? (cases.get(d.personId) ?? []).filter((c) => c.status === 'open') : [],
  );
  const { deadlines } = await loadDeadlines(trx, knownCases, today, deps.config, false);
  const relatedCases = (personId: string): RelatedCase[] =>
    knownCases
      .filter((c) => c.person_id === personId)
      .map((c) => ({
        unitName: c.unit_name,
        targetGroup: c.target_group,
        phase: c.phase,
        handlaggare: c.assignee_name,
        deadlines: (deadlines.get(c.id) ?? []).map(({ place: _place, ...d }) => d),
      }));

  const members: FamilyMember[] = [];
  const named: string[] = [];
  let n = 0;
  for (const d of decided) {
    if (!d.listed) continue;
    const masked = guardians.get(d.personId);
    // What only the other's file records is shown to no one who may not open that file.
    if (!d.link.namedInFile && !d.named) continue;
    const shown = d.named && masked !== true;
    if (shown) named.push(d.personId);
    members.push({
      key: `m${++n}`,
      source: d.source,
      relation: d.relation,
      person: shown ? d.other.summary : { masked: true },
      name: null,
      guardian: masked === undefined ? 'no' : masked ? 'masked' : 'yes',
      cases: shown && d.known ? relatedCases(d.personId) : [],
    });
  }
  // The counterparts as her file records them: named as she told, never where he is; with the
  // cases of the person the identity number links to, where the reader may know of them.
  for (const c of links.counterparts) {
    const linked = c.identity ? links.byNumber.get(c.identity.normalized) : undefined;
    const d = linked ? decided.find((x) => x.personId === linked) : undefined;
    const told = d && d.known && guardians.get(d.personId) !== true;
    if (told && !named.includes(d.personId)) named.push(d.personId);
    members.push({
      key: `m${++n}`,
      source: 'counterpart',
      relation: c.relation,
      person: null,
      name: counterpartName(c),
      guardian: 'no',
      cases: told ? relatedCases(d.personId) : [],
    });
  }
  const work = can(actor, 'case.work', { person, case: kase, now }).allowed;
  const shownCases = knownCases.filter((c) => named.includes(c.person_id));
  return {
    result: {
      caseId: row.id,
      person: toSummary(subject),
      targetGroup: row.target_group,
      members,
      openChildReportDuties:
        row.status === 'open' ? caseDuties.filter((d) => d.status === 'open').length : 0,
      abilities: { childReport: row.status === 'open' && work && !isChildCase },
    },
    named,
    cases: shownCases.map((c) => c.id),
  };
}
