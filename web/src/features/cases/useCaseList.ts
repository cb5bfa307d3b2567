import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { listMyCases, listUnitQueue } from '../../../../core/contracts/cases.ts';
import type { DeadlineKind } from '../../../../core/domain/deadlines.ts';
import type { RiskLevel } from '../../../../core/domain/instruments.ts';
import { call } from '../../api/client.ts';

const PAGE_SIZE = 25;

/** What a work list is narrowed to (core/domain/work-list.ts): a deadline kind, a risk level, "Idag". */
export interface WorkListFilter {
  kind?: DeadlineKind;
  risk?: RiskLevel;
  view: 'all' | 'today';
}

/** Only the parts that narrow the list: the same filter is the same query key and the same call. */
const filterQuery = ({ kind, risk, view }: WorkListFilter) => ({
  ...(kind ? { kind } : {}),
  ...(risk ? { risk } : {}),
  view,
});

/**
 * The signed-in handläggare's cases, most urgent first, a page at a time ("Visa fler"). While a
 * new filter's first page is on its way the previous list stays, so the page does not jump.
 */
export function useMyCases(filter: WorkListFilter) {
  const query = filterQuery(filter);
  return useInfiniteQuery({
    queryKey: ['cases', 'mine', query],
    queryFn: ({ pageParam }) =>
      call(listMyCases, { query: { ...query, limit: PAGE_SIZE, after: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** A unit's intake queue: open cases nobody has taken yet, most urgent first. */
export function useUnitQueue(unitId: string, filter: WorkListFilter) {
  const query = filterQuery(filter);
  return useInfiniteQuery({
    queryKey: ['cases', 'queue', unitId, query],
    queryFn: ({ pageParam }) =>
      call(listUnitQueue, {
        params: { unitId },
        query: { ...query, limit: PAGE_SIZE, after: pageParam },
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}
