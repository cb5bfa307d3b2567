import { can } from '../../core/policy/policy.ts';
import type { Actor, PersonFacts } from '../../core/policy/policy.ts';
import type { Db, Trx } from '../db/database.ts';
import { loadPersonFacts } from './persons.repository.ts';
import { caseFacts } from './case-access.ts';
import type { CaseRow } from './case-access.ts';
import { loadDuties } from './child-duties.ts';
import type { HouseholdDuty } from './child-duties.ts';

/**
 * The household of a case as one reader may see it. The duty to report holds for every child in
 * the household, but a child is shown by name — and can be assessed or planned for — only where
 * the policy lets this reader see that member ('householdMember.read'); anyone else sees the
 * duty with the child masked, so that it can still be met without revealing who the child is.
 */
export interface ReaderHousehold {
  duties: HouseholdDuty[];
  /** The members this reader may see by name, assess and plan for. */
  visible: Set<string>;
}

export async function loadHousehold(
  db: Db | Trx,
  actor: Actor,
  row: CaseRow,
  casePerson: PersonFacts,
  today: string,
  now: Date,
): Promise<ReaderHousehold> {
  const duties = (await loadDuties(db, [row], today)).get(row.id) ?? [];
  const visible = await visibleMembers(
    db,
    actor,
    row,
    casePerson,
    duties.map((d) => d.childPersonId),
    now,
  );
  return { duties, visible };
}

/** Which of the case's household members this reader may see by name. */
export async function visibleMembers(
  db: Db | Trx,
  actor: Actor,
  row: CaseRow,
  casePerson: PersonFacts,
  memberIds: readonly string[],
  now: Date,
): Promise<Set<string>> {
  const members = await loadPersonFacts(db, memberIds, actor.userId, now);
  return new Set(
    [...members.values()]
      .filter(
        (member) =>
          can(actor, 'householdMember.read', {
            person: casePerson,
            case: caseFacts(row),
            member,
            now,
          }).allowed,
      )
      .map((m) => m.personId),
  );
}
