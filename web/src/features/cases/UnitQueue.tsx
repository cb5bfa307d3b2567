import { useEffect, useState } from 'react';
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
import { ShowMoreButton } from '../../components/ShowMoreButton.tsx';

/**
 * The unit's intake queue: open cases nobody has taken, each with "Ta ärendet". `onFirstLoad`
 * says when its first answer (or error) is in, so the page can show its lists together.
 */
export function UnitQueue({
  unitId,
  unitName,
  onFirstLoad,
}: {
  unitId: string;
  unitName: string;
  onFirstLoad?: (unitId: string) => void;
}) {
  const session = useActiveSession();
  const queryClient = useQueryClient();
  const queue = useUnitQueue(unitId);
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
          handläggare. Akuta ärenden och ärenden som socialjouren lämnat över står först.
        </BodyLong>
        <div role="status">{taken}</div>
        <ApiErrorAlert error={take.error} />
        {queue.isPending ? <Loading label="Hämtar inkorgen…" /> : null}
        <ApiErrorAlert error={queue.error} />
        {queue.isSuccess && items.length === 0 ? <BodyLong>Inkorgen är tom.</BodyLong> : null}
        {items.length > 0 ? (
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
        ) : null}
        <ShowMoreButton query={queue} />
      </VStack>
    </section>
  );
}
