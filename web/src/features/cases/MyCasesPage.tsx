import { useCallback, useId, useState } from 'react';
import { Alert, BodyLong, Button, Heading, VStack } from '@navikt/ds-react';
import { PlusIcon } from '@navikt/aksel-icons';
import { Link as RouterLink, useLocation } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useActiveSession } from '../auth/session.tsx';
import { CaseTable } from './CaseTable.tsx';
import { NoActionRecords } from './NoActionRecords.tsx';
import { UnitQueue } from './UnitQueue.tsx';
import { caseworkerUnits } from './units.ts';
import type { CasesNotice } from './useCase.ts';
import { useMyCases } from './useCaseList.ts';
import {
  WorkListEmpty,
  WorkListFilters,
  isFiltered,
  useWorkListFilter,
} from './WorkListFilters.tsx';
import { ShowMoreButton } from '../../components/ShowMoreButton.tsx';

export function MyCasesPage() {
  const session = useActiveSession();
  const notice = (useLocation().state as CasesNotice | null)?.notice;
  const [filter, setFilter] = useWorkListFilter();
  const cases = useMyCases(filter);
  const items = cases.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = isFiltered(filter);
  const allId = `${useId()}-alla`;
  // One queue per unit where the user handles cases, even with several roles there.
  const queueUnits = caseworkerUnits(session);
  // The lists appear together, once each has its first answer: a list arriving on its own would
  // push the ones below it down while the person reads (layout shift).
  const [loadedQueues, setLoadedQueues] = useState<ReadonlySet<string>>(new Set());
  const onQueueLoaded = useCallback((unitId: string) => {
    setLoadedQueues((loaded) => (loaded.has(unitId) ? loaded : new Set(loaded).add(unitId)));
  }, []);
  const listsReady = !cases.isPending && queueUnits.every((u) => loadedQueues.has(u.id));

  return (
    <VStack gap="space-40">
      <div>
        <PageHeading>Mina ärenden</PageHeading>
        <BodyLong spacing>
          Dina öppna ärenden, mest brådskande först, och det som väntar i enhetens inkorg.
        </BodyLong>
        {notice ? (
          <Alert variant="success" role="status" className="page-notice">
            {notice}
          </Alert>
        ) : null}
        {queueUnits.length > 0 ? (
          <Button
            as={RouterLink}
            to="/arenden/ny"
            variant="secondary"
            icon={<PlusIcon aria-hidden />}
          >
            Ny aktualisering
          </Button>
        ) : null}
      </div>
      {listsReady ? null : <Loading label="Hämtar dina ärenden…" />}
      <VStack gap="space-40" hidden={!listsReady}>
        <section aria-labelledby="mina-arenden-rubrik">
          <VStack gap="space-16">
            <Heading level="2" size="medium" id="mina-arenden-rubrik">
              Mina öppna ärenden
            </Heading>
            {filtered || items.length > 0 || cases.isPlaceholderData ? (
              <WorkListFilters
                filter={filter}
                onChange={setFilter}
                dueToday={cases.data?.pages[0]?.dueToday}
                listName="Mina öppna ärenden"
                allId={allId}
              />
            ) : null}
            <ApiErrorAlert error={cases.error} />
            {cases.isSuccess && !cases.isPlaceholderData && items.length === 0 ? (
              filtered ? (
                <WorkListEmpty
                  allId={allId}
                  onShowAll={() => {
                    setFilter({ view: 'all' });
                  }}
                />
              ) : (
                <BodyLong>Du har inga öppna ärenden just nu.</BodyLong>
              )
            ) : null}
            {items.length > 0 ? (
              <div aria-busy={cases.isPlaceholderData}>
                <CaseTable items={items} labelledBy="mina-arenden-rubrik" />
              </div>
            ) : null}
            <ShowMoreButton query={cases} />
          </VStack>
        </section>
        {queueUnits.map((unit, i) => (
          <UnitQueue
            key={unit.id}
            unitId={unit.id}
            unitName={unit.name}
            paramPrefix={queueUnits.length === 1 ? 'inkorg-' : `inkorg${String(i + 1)}-`}
            onFirstLoad={onQueueLoaded}
          />
        ))}
        {queueUnits.map((unit) => (
          <NoActionRecords key={unit.id} unitId={unit.id} unitName={unit.name} />
        ))}
      </VStack>
    </VStack>
  );
}
