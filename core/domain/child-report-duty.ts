/**
 * The duty to report concern for a child (orosanmälan, 14 kap. 1 § SoL). When an adult in a case
 * about violence in close relationships lives with children — their own or a partner's — the
 * children have experienced violence between adults, and a report to the children's unit is
 * mandatory whatever the adult wants. The case carries an open duty for each such child until a
 * report is registered for the child, or a reason for not reporting is recorded.
 *
 * Pure: relations, reports and today's date come in as arguments.
 */
import { ageOn, earliestBirthDay } from './birth-date.ts';

/** Age below which a person is a child. */
export const ADULT_AGE = 18;

export interface FamilyRelation {
  /** The relation is stored from `personId`'s side: `parent_of` means personId is the parent. */
  personId: string;
  relatedPersonId: string;
  kind: 'partner' | 'former_partner' | 'parent_of' | 'sibling' | 'other_relative' | 'carer';
}

export interface HouseholdChild {
  personId: string;
  /** 'own': the subject's child; 'partner': the current partner's child. */
  via: 'own' | 'partner';
}

export interface ChildReport {
  childPersonId: string;
  registeredOn: string;
}

export interface ReportWaiver {
  childPersonId: string;
  reason: string;
}

export interface ChildReportDuty {
  childPersonId: string;
  via: HouseholdChild['via'];
  status: 'open' | 'reported' | 'waived';
}

/**
 * The children of the subject and of the subject's current partners. A child with an unknown
 * birth date counts, and one known only to the year or month counts while she may still be under
 * 18: the duty errs on the side of the child.
 */
export function householdChildren(
  subjectId: string,
  relations: readonly FamilyRelation[],
  birthDates: ReadonlyMap<string, string | null>,
  today: string,
): HouseholdChild[] {
  const isChild = (id: string) => {
    const born = birthDates.get(id);
    return (
      born === null ||
      born === undefined ||
      (earliestBirthDay(born) <= today && ageOn(born, today) < ADULT_AGE)
    );
  };
  const childrenOf = (parentId: string) =>
    relations
      .filter((r) => r.kind === 'parent_of' && r.personId === parentId)
      .map((r) => r.relatedPersonId);
  const partners = relations
    .filter(
      (r) => r.kind === 'partner' && (r.personId === subjectId || r.relatedPersonId === subjectId),
    )
    .map((r) => (r.personId === subjectId ? r.relatedPersonId : r.personId));

  const found = new Map<string, HouseholdChild>();
  for (const id of childrenOf(subjectId))
    if (id !== subjectId && isChild(id)) found.set(id, { personId: id, via: 'own' });
  for (const partner of partners) {
    for (const id of childrenOf(partner)) {
      if (id !== subjectId && !found.has(id) && isChild(id))
        found.set(id, { personId: id, via: 'partner' });
    }
  }
  return [...found.values()];
}

/** The state of the duty for each child in the household. */
export function childReportDuties(
  children: readonly HouseholdChild[],
  reports: readonly ChildReport[],
  waivers: readonly ReportWaiver[],
): ChildReportDuty[] {
  const reported = new Set(reports.map((r) => r.childPersonId));
  const waived = new Set(
    waivers.filter((w) => w.reason.trim().length > 0).map((w) => w.childPersonId),
  );
  return children.map((child) => ({
    childPersonId: child.personId,
    via: child.via,
    status: reported.has(child.personId)
      ? 'reported'
      : waived.has(child.personId)
        ? 'waived'
        : 'open',
  }));
}

export function hasOpenDuty(duties: readonly ChildReportDuty[]): boolean {
  return duties.some((d) => d.status === 'open');
}
