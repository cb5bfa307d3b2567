import { useQuery, useQueryClient } from '@tanstack/react-query';
import { listAdminRequests, listUnits, listUsers } from '../../../../core/contracts/admin.ts';
import type { AdminUser } from '../../../../core/contracts/admin.ts';
import { call } from '../../api/client.ts';

export const unitsKey = ['admin', 'units'] as const;
export const usersKey = ['admin', 'users'] as const;
export const requestsKey = ['admin', 'requests'] as const;

export const useUnits = () => useQuery({ queryKey: unitsKey, queryFn: () => call(listUnits) });
export const useUsers = () => useQuery({ queryKey: usersKey, queryFn: () => call(listUsers) });
export const useAdminRequests = () =>
  useQuery({ queryKey: requestsKey, queryFn: () => call(listAdminRequests) });

/** After a request is filed or decided: the lists of requests and users are out of date. */
export function useRefreshAdmin() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: requestsKey });
    void queryClient.invalidateQueries({ queryKey: usersKey });
  };
}

/** Puts a user the server answered with into the list, so the page shows it at once. */
export function useStoreUser() {
  const queryClient = useQueryClient();
  return (user: AdminUser) => {
    queryClient.setQueryData(usersKey, (old: { items: AdminUser[] } | undefined) =>
      old
        ? {
            items: old.items.some((u) => u.id === user.id)
              ? old.items.map((u) => (u.id === user.id ? user : u))
              : [...old.items, user],
          }
        : old,
    );
    void queryClient.invalidateQueries({ queryKey: usersKey });
  };
}
