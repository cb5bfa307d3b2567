import { parsePayload } from '../../core/domain/case-events.ts';
import { childReportDuties, householdChildren } from '../../core/domain/child-report-duty.ts';
import type { ChildReportDuty, FamilyRelation } from '../../core/domain/child-report-duty.ts';
import { birthDateOfNormalized } from '../../core/domain/personal-identity.ts';
import { statedAgeBirthDate } from '../../core/domain/birth-date.ts';
import type { Db, Trx } from '../db/database.ts';

type Reader = Db | Trx;

export interface HouseholdDuty extends ChildReportDuty {
  /** As the child's identity number gives it, perhaps only in part (core/domain/birth-date.ts). */
  birthDate: string | null;
  /** The age told at intake when the identity number is not known, and on which day. */
  statedAge: { age: number; on: string } | null;
  reportedOn: string | null;
  /** The child's case the orosanmälan opened in the children's unit: names its document. */
  reportCaseId: string | null;
  waiverReason: string | null;
}

interface DutyCase {
  id: string;
  person_id: string;
  target_group: string;
}

/**
 * The children in each case's household and the state of the duty to report for each, from the
 * stored relations and the cases' logs — for a page of cases in four queries. Birth dates come
 * from identity numbers, else from an age stated at intake (the latest birth day it allows, so
 * the child counts until she must be 18); a child with neither counts as a child.
 */
export async function loadDuties(
  db: Reader,
  cases: readonly DutyCase[],
  today: string,
): Promise<Map<string, HouseholdDuty[]>> {
  const result = new Map<string, HouseholdDuty[]>(cases.map((c) => [c.id, []]));
  // Children's cases are about the child; the duty belongs to the adults' cases.
  const adultCases = cases.filter((c) => c.target_group !== 'child');
  if (adultCases.length === 0) return result;
  const subjects = [...new Set(adultCases.map((c) => c.person_id))];
  const direct = await db
    .selectFrom('person_relation')
    .select(['person_id', 'related_person_id', 'kind'])
    .where((eb) =>
      eb.or([eb('person_id', 'in', subjects), eb('related_person_id', 'in', subjects)]),
    )
    .where('kind', 'in', ['partner', 'parent_of'])
    .where('status', '=', 'current')
    .execute();
  const partners = [
    ...new Set(
      direct
        .filter((r) => r.kind === 'partner')
        .flatMap((r) => [r.person_id, r.related_person_id])
        .filter((id) => !subjects.includes(id)),
    ),
  ];
  const partnersChildren = partners.length
    ? await db
        .selectFrom('person_relation')
        .select(['person_id', 'related_person_id', 'kind'])
        .where('person_id', 'in', partners)
        .where('kind', '=', 'parent_of')
        .where('status', '=', 'current')
        .execute()
    : [];
  const relations: FamilyRelation[] = [...direct, ...partnersChildren].map((r) => ({
    personId: r.person_id,
    relatedPersonId: r.related_person_id,
    kind: r.kind,
  }));
  const candidateIds = [
    ...new Set(relations.filter((r) => r.kind === 'parent_of').map((r) => r.relatedPersonId)),
  ];
  if (candidateIds.length === 0) return result;
  const [people, events] = await Promise.all([
    db
      .selectFrom('person')
      .select(['id', 'identity_kind', 'identity_number', 'stated_age', 'stated_age_on'])
      .where('id', 'in', candidateIds)
      .execute(),
    db
      .selectFrom('case_event')
      .select(['case_id', 'type', 'payload'])
      .where(
        'case_id',
        'in',
        adultCases.map((c) => c.id),
      )
      .where('type', 'in', ['child_report_registered', 'child_report_waived'])
      .execute(),
  ]);
  const birthDates = new Map<string, string | null>(
    people.map((p) => {
      if (!p.identity_kind || !p.identity_number || p.identity_kind === 'reservnummer') {
        return [p.id, null];
      }
      return [p.id, birthDateOfNormalized(p.identity_number, p.identity_kind)];
    }),
  );
  const statedAges = new Map(
    people.flatMap((p) =>
      p.stated_age !== null && p.stated_age_on !== null
        ? [[p.id, { age: p.stated_age, on: p.stated_age_on }] as const]
        : [],
    ),
  );
  // What the rule counts with: the identity number's date, else the stated age's latest one.
  const ruleBirthDates = new Map(
    people.map((p) => {
      const stated = statedAges.get(p.id);
      return [
        p.id,
        birthDates.get(p.id) ?? (stated ? statedAgeBirthDate(stated.age, stated.on) : null),
      ];
    }),
  );
  const eventsOf = Map.groupBy(events, (e) => e.case_id);
  for (const c of adultCases) {
    const children = householdChildren(c.person_id, relations, ruleBirthDates, today);
    if (children.length === 0) continue;
    const own = eventsOf.get(c.id) ?? [];
    const reports = own
      .filter((e) => e.type === 'child_report_registered')
      .map((e) => {
        const p = parsePayload('child_report_registered', e.payload);
        return {
          childPersonId: p.childPersonId,
          registeredOn: p.reportedOn,
          childCaseId: p.childCaseId,
        };
      });
    const waivers = own
      .filter((e) => e.type === 'child_report_waived')
      .map((e) => {
        const p = parsePayload('child_report_waived', e.payload);
        return { childPersonId: p.childPersonId, reason: p.reason };
      });
    result.set(
      c.id,
      childReportDuties(children, reports, waivers).map((d) => ({
        ...d,
        birthDate: birthDates.get(d.childPersonId) ?? null,
        statedAge: statedAges.get(d.childPersonId) ?? null,
        reportedOn: reports.find((r) => r.childPersonId === d.childPersonId)?.registeredOn ?? null,
        reportCaseId: reports.find((r) => r.childPersonId === d.childPersonId)?.childCaseId ?? null,
        waiverReason: waivers.find((w) => w.childPersonId === d.childPersonId)?.reason ?? null,
      })),
    );
  }
  return result;
}
