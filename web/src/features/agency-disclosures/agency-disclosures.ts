import { listAgencyDisclosures } from '../../../../core/contracts/agency-disclosures.ts';
import type { AgencyDisclosure } from '../../../../core/contracts/agency-disclosures.ts';
import { agencyKindLabels } from '../../../../core/domain/agency-disclosures.ts';
import { call } from '../../api/client.ts';
import { formatDate } from '../../components/format.ts';
import { caseKey } from '../cases/useCase.ts';
import { methodLabels } from '../risk/labels.ts';

/** Under the case's key: a revocation or a new risk assessment refreshes it with the rest. */
export const agencyDisclosuresKey = (caseId: string) =>
  [...caseKey(caseId), 'agency-disclosures'] as const;

export const agencyDisclosuresQuery = (caseId: string) => ({
  queryKey: agencyDisclosuresKey(caseId),
  queryFn: () => call(listAgencyDisclosures, { params: { caseId } }),
});

/** The agency as a card names it: "Polisen", "Försäkringskassan (annan myndighet)". */
export function agencyName(agency: AgencyDisclosure['agency']) {
  const kind = agencyKindLabels[agency.kind];
  return agency.name.trim().toLocaleLowerCase('sv') === kind.toLocaleLowerCase('sv')
    ? agency.name
    : `${agency.name} (${kind.toLocaleLowerCase('sv')})`;
}

/** A risk assessment as the select and a card name it: "2026-11-30, Farlighetsbedömning". */
export const riskAssessmentName = (a: { assessedOn: string; method: string }) =>
  `${formatDate(a.assessedOn)}, ${methodLabels[a.method] ?? a.method}`;
