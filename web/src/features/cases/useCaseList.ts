import { useInfiniteQuery } from '@tanstack/react-query';
import { listMyCases, listUnitQueue } from '../../../../core/contracts/cases.ts';
import { call } from '../../api/client.ts';

const PAGE_SIZE = 25;

/** The signed-in handläggare's cases, a page at a time ("Visa fler"). */
export function useMyCases() {
  return useInfiniteQuery({
    queryKey: ['cases', 'mine'],
    queryFn: ({ pageParam }) =>
      call(listMyCases, { query: { limit: PAGE_SIZE, after: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** A unit's intake queue: open cases nobody has taken yet. */
export function useUnitQueue(unitId: string) {
  return useInfiniteQuery({
    queryKey: ['cases', 'queue', unitId],
    queryFn: ({ pageParam }) =>
      call(listUnitQueue, { params: { unitId }, query: { limit: PAGE_SIZE, after: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
