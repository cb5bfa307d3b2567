import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { getCase } from '../../../../core/contracts/cases.ts';
import { call } from '../../api/client.ts';

/** Everything fetched for one case lives under this key, so one invalidation refreshes it all. */
export const caseKey = (caseId: string) => ['case', caseId] as const;

export function useCase(caseId: string) {
  return useQuery({
    queryKey: [...caseKey(caseId), 'detail'],
    queryFn: () => call(getCase, { params: { caseId } }),
    retry: false,
  });
}

/**
 * After a step: the case page and the work lists (phase, deadlines) are fetched again. With
 * `only: 'detail'`, the case's documents (journal, utredning) are left as they are.
 */
export function useRefreshCase(caseId: string) {
  const queryClient = useQueryClient();
  return (only?: 'detail') => {
    void queryClient.invalidateQueries({
      queryKey: only ? [...caseKey(caseId), 'detail'] : caseKey(caseId),
    });
    void queryClient.invalidateQueries({ queryKey: ['cases'] });
  };
}

/** What Mina ärenden says on arrival, after a case was closed from its page. */
export interface CasesNotice {
  notice: string;
}

/**
 * After a step that closes the case: a closed case has no work relation any more, so its page
 * cannot be read again (the server answers 404). Forget it and go to Mina ärenden, saying so.
 */
export function useLeaveClosedCase(caseId: string) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return (notice: string) => {
    void queryClient.cancelQueries({ queryKey: caseKey(caseId) });
    queryClient.removeQueries({ queryKey: caseKey(caseId) });
    void queryClient.invalidateQueries({ queryKey: ['cases'] });
    void navigate('/arenden', { state: { notice } satisfies CasesNotice });
  };
}
