import type { FamilyMember } from '../../core/contracts/family.ts';
import { currentCounterparts, latestVersions } from '../../core/domain/counterparts.ts';
import type { GuardianRelation } from '../../core/domain/guardians.ts';
import { relationFromSide } from '../../core/domain/relations.ts';
import { can } from '../../core/policy/policy.ts';
import type { CaseFacts, PersonFacts } from '../../core/policy/policy.ts';
import type { FamilyLink } from '../../core/policy/rules/family.ts';
import type { Trx } from '../db/database.ts';
import { AppError } from '../errors.ts';
import type { ActionContext } from '../http/action-context.ts';
import { caseFacts } from './case-access.ts';
import type { LoadedCase } from './case-access.ts';
import { loadDuties } from './child-duties.ts';
import { linkedPersonIds, loadCounterparts } from './counterparts.ts';
import { toSummary } from './persons.repository.ts';

/**
 * The persons around a case and what its reader may know of each (core/policy/rules/family.ts):
 * the family view (server/features/family) shows them, and a partnerkontakt offers the consents
 * of those whose file the reader may know of (server/features/partner-contact). Everything is
 * loaded for the whole family at once — relations, counterparts, the household, the persons
 * with their cases — so it costs the same handful of statements for a household of two or of
 * eight. Nothing of another file's content is ever loaded: only its unit, handläggare and phase.
 */

const violentFrom = (violence: string, fromPerson: boolean) =>
  violence === 'mutual' ||
  violence === (fromPerson ? 'person_against_related' : 'related_against_person');

export interface RelationRow {
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
export async function loadLinks(trx: Trx, personId: string, identityNumber: string | null) {
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

/**
 * Every person in Värn around the case, each decided by the policy: whether the reader may see
 * them by name (`named`, familyMember.read) and know of their file (`known`, relatedFile.know).
 */
export async function decideAround(trx: Trx, ctx: ActionContext, { row, person }: LoadedCase) {
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
  const { persons, cases } = await loadPersons(
    trx,
    around.map((a) => a.personId),
    actor.userId,
    now,
  );
  const kase = caseFacts(row);
  const decided = around.flatMap((a) => {
    const other = persons.get(a.personId);
    if (!other) return [];
    const facts = {
      person,
      case: kase,
      other: other.facts,
      link: a.link,
      caseAboutViolenceUsed: row.target_group === 'perpetrator',
      now,
    };
    return [
      {
        ...a,
        other,
        named: can(actor, 'familyMember.read', facts).allowed,
        known: can(actor, 'relatedFile.know', facts).allowed,
      },
    ];
  });
  return { subject, links, caseDuties, decided, cases };
}

/** The persons around the case whose file its reader may know of (relatedFile.know). */
export async function knownRelatedPersonIds(
  trx: Trx,
  ctx: ActionContext,
  loaded: LoadedCase,
): Promise<string[]> {
  const { decided } = await decideAround(trx, ctx, loaded);
  return decided.filter((d) => d.known).map((d) => d.personId);
}
