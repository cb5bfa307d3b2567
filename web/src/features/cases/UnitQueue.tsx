import { useEffect, useId, useState } from 'react';
import { BodyLong, Button, Heading, VStack } from '@navikt/ds-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { assignCase } from '../../../../core/contracts/cases.ts';
import type { CaseListItem } from '../../../../core/contracts/cases.ts';
import { call } from '../../api/client.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { personName } from '../../components/PersonCell.tsx';
import { useActiveSession } from '../auth/session.tsx';
import { CaseTable } from './CaseTable.tsx';
import { useUnitQueue } from './useCaseList.ts';
import {
  WorkListEmpty,
  WorkListFilters,
  isFiltered,
  useWorkListFilter,
} from './WorkListFilters.tsx';
import { ShowMoreButton } from '../../components/ShowMoreButton.tsx';

/**
 * The unit's intake queue: open cases nobody has taken, most urgent first, each with "Ta ärendet"
 * and the same filters as "Mina ärenden". `onFirstLoad` says when its first answer (or error) is
 * in, so the page can show its lists together.
 */
export function UnitQueue({
  unitId,
  unitName,
  paramPrefix = 'inkorg-',
  onFirstLoad,
}: {
  unitId: string;
  unitName: string;
  /** Where its filter lives in the address, apart from the other lists on the page. */
  paramPrefix?: string;
  onFirstLoad?: (unitId: string) => void;
}) {
  const session = useActiveSession();
  const queryClient = useQueryClient();
  const [filter, setFilter] = useWorkListFilter(paramPrefix);
  const queue = useUnitQueue(unitId, filter);
  const filtered = isFiltered(filter);
  const allId = `${useId()}-alla`;
  useEffect(() => {
    if (!queue.isPending) onFirstLoad?.(unitId);
  }, [queue.isPending, onFirstLoad, unitId]);
  const items = queue.data?.pages.flatMap((p) => p.items) ?? [];
  const headingId = `inkorg-${unitId}`;
  const [taken, setTaken] = useState<string | null>(null);

  const take = useMutation({
    mutationFn: (item: CaseListItem) =>
      call(assignCase, {
        params: { caseId: item.id },
        body: { userId: session.user.id, version: item.version },
      }),
    onSuccess: (_result, item) => {
      setTaken(`Du har tagit ärendet för ${personName(item.person)}.`);
    },
    onSettled: () => {
      // Taken or taken by someone else first: either way the lists have changed.
      void queryClient.invalidateQueries({ queryKey: ['cases'] });
    },
  });

  return (
    <section aria-labelledby={headingId}>
      <VStack gap="space-16">
        <Heading level="2" size="medium" id={headingId}>
          Inkorg: {unitName}
        </Heading>
        <BodyLong size="small">
          Nya ärenden i enheten som ingen handläggare har tagit än. Den som tar ett ärende blir dess
          handläggare. Mest brådskande först: ärenden som socialjouren lämnat över och akuta ärenden
          står först.
        </BodyLong>
        <div role="status">{taken}</div>
        <ApiErrorAlert error={take.error} />
        {queue.isPending ? <Loading label="Hämtar inkorgen…" /> : null}
        <ApiErrorAlert error={queue.error} />
        {filtered || items.length > 0 || queue.isPlaceholderData ? (
          <WorkListFilters
            filter={filter}
            onChange={setFilter}
            dueToday={queue.data?.pages[0]?.dueToday}
            listName={`Inkorg: ${unitName}`}
            allId={allId}
          />
        ) : null}
        {queue.isSuccess && !queue.isPlaceholderData && items.length === 0 ? (
          filtered ? (
            <WorkListEmpty
              allId={allId}
              onShowAll={() => {
                setFilter({ view: 'all' });
              }}
            />
          ) : (
            <BodyLong>Inkorgen är tom.</BodyLong>
          )
        ) : null}
        {items.length > 0 ? (
          <div aria-busy={queue.isPlaceholderData}>
            <CaseTable
              items={items}
              labelledBy={headingId}
              action={{
                header: 'Åtgärd',
                render: (item) => (
                  <Button
                    size="small"
                    variant="secondary"
                    loading={take.isPending && take.variables.id === item.id}
                    disabled={take.isPending}
                    aria-label={`Ta ärendet för ${personName(item.person)}`}
                    onClick={() => {
                      setTaken(null);
                      take.mutate(item);
                    }}
                  >
                    Ta ärendet
                  </Button>
                ),
              }}
            />
          </div>
        ) : null}
        <ShowMoreButton query={queue} />
      </VStack>
    </section>
  );
}
