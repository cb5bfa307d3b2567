import { useQueryClient } from '@tanstack/react-query';
import { listPlans } from '../../../../core/contracts/coordinated-plans.ts';
import { call } from '../../api/client.ts';
import { caseKey } from '../cases/useCase.ts';
import { consentsKey } from '../consents/ConsentsTab.tsx';

/**
 * What the plan screens share: the query of the case's SIP and samverkansplaner, under the
 * case's key so the tab is read again with the case.
 */

export const plansKey = (caseId: string) => [...caseKey(caseId), 'plans'] as const;

export const plansQuery = (caseId: string) => ({
  queryKey: plansKey(caseId),
  queryFn: () => call(listPlans, { params: { caseId } }),
});

/**
 * After a write: the plans read again, and the samtyckesregister too, since every version of a
 * plan is recorded there as an utlämnande to each participant outside the case's unit.
 */
export function useRefreshPlans(caseId: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: plansKey(caseId) });
    void queryClient.invalidateQueries({ queryKey: consentsKey(caseId) });
  };
}
