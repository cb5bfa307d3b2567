import { useQuery } from '@tanstack/react-query';
import { getFamily } from '../../../../core/contracts/family.ts';
import type { FamilyMember } from '../../../../core/contracts/family.ts';
import { call } from '../../api/client.ts';
import { MASKED_PERSON, personName } from '../../components/PersonCell.tsx';
import { caseKey } from '../cases/useCase.ts';

/** The family view of a case, fetched with the case so that a step refreshes it too. */
export function useFamily(caseId: string) {
  return useQuery({
    queryKey: [...caseKey(caseId), 'family'],
    queryFn: () => call(getFamily, { params: { caseId } }),
    retry: false,
  });
}

/** How the view names a member: a counterpart as the file records them, a masked one masked. */
export function memberName(m: FamilyMember) {
  if (m.person === null) return m.name ?? 'Okänd person';
  if (m.guardian === 'masked') return 'Vårdnadshavare – skyddad uppgift';
  return 'masked' in m.person ? MASKED_PERSON : personName(m.person);
}
