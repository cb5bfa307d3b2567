import type { FamilyMember, FamilyView, RelatedCase } from '../../../core/contracts/family.ts';
import { counterpartName } from '../../../core/domain/counterparts.ts';
import { guardiansOf } from '../../../core/domain/guardians.ts';
import { can } from '../../../core/policy/policy.ts';
import type { PersonFacts } from '../../../core/policy/policy.ts';
import { execute } from '../../command.ts';
import type { Trx } from '../../db/database.ts';
import type { ActionContext } from '../../http/action-context.ts';
import { caseFacts, loadCase } from '../../case-kernel/case-access.ts';
import type { CaseRow } from '../../case-kernel/case-access.ts';
import { toSummary } from '../../case-kernel/persons.repository.ts';
import { decideAround } from '../../case-kernel/related-files.ts';
import type { RelationRow } from '../../case-kernel/related-files.ts';
import type { ServiceDeps } from '../../service-deps.ts';
import { loadDeadlines } from '../../case-kernel/case-deadlines.ts';

/**
 * "Familjen": the persons around a case and their cases as far as the reader may know of each
 * (core/policy/rules/family.ts). Everything is loaded for the whole family at once — relations,
 * counterparts, the household, the persons with their cases (server/case-kernel/related-files.ts
 * `decideAround`), the deadlines — so the view costs the same handful of statements for a
 * household of two or of eight. Nothing of another file's content is ever loaded: only its unit,
 * handläggare, phase and deadlines.
 */

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
  const { subject, links, caseDuties, decided, cases } = await decideAround(trx, ctx, {
    row,
    person,
  });

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

  const kase = caseFacts(row);
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
