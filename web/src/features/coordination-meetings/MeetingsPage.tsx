import { BodyLong, BodyShort, VStack } from '@navikt/ds-react';
import { useQuery } from '@tanstack/react-query';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { meetingsQuery } from './meetings.ts';
import { MeetingTable } from './MeetingTable.tsx';

/** "Samråd": those the user called, takes part in through their unit, or may read a file of. */
export function MeetingsPage() {
  const query = useQuery(meetingsQuery);
  return (
    <VStack gap="space-24">
      <div>
        <PageHeading>Samråd</PageHeading>
        <BodyLong>
          Samråd som du har kallat till, som din enhet deltar i eller där du handlägger en akt. Ett
          samråd kallas från ärendet, under fliken Samråd.
        </BodyLong>
      </div>
      {query.isPending ? (
        <Loading label="Hämtar samråden…" />
      ) : query.isError ? (
        <ApiErrorAlert error={query.error} />
      ) : query.data.meetings.length === 0 ? (
        <BodyShort textColor="subtle">Du har inga samråd.</BodyShort>
      ) : (
        <MeetingTable meetings={query.data.meetings} label="Samråd" />
      )}
    </VStack>
  );
}
