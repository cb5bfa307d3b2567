import { BodyLong, BodyShort, Heading, VStack } from '@navikt/ds-react';
import { useQuery } from '@tanstack/react-query';
import type { CaseDetail } from '../../../../core/contracts/cases.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { consentsQuery } from '../consents/ConsentsTab.tsx';
import { CallMeetingForm } from './CallMeetingForm.tsx';
import { caseMeetingsQuery } from './meetings.ts';
import { MeetingTable } from './MeetingTable.tsx';

/**
 * The case's tab "Samråd": the samråd the file is in, and for whoever works the case "Kalla till
 * samråd". What was said at a samråd about this person is in the samråd's minutes, under this
 * file; nothing of the other files is shown here.
 */
export function MeetingsTab({ detail }: { detail: CaseDetail }) {
  const query = useQuery(caseMeetingsQuery(detail.id));
  if (query.isPending) return <Loading label="Hämtar samråden…" />;
  if (query.isError) return <ApiErrorAlert error={query.error} />;
  const { meetings, canCall } = query.data;
  return (
    <VStack gap="space-32">
      <VStack gap="space-12">
        <Heading level="2" size="large">
          Samråd
        </Heading>
        <BodyLong>
          Vid ett samråd samordnar enheterna och verksamheterna runt personen eller familjen vem som
          gör vad och i vilken ordning. Varje akt får bara de punkter i minnesanteckningarna som
          gäller den.
        </BodyLong>
      </VStack>
      <section aria-labelledby="aktens-samrad-rubrik">
        <VStack gap="space-12">
          <Heading level="3" size="medium" id="aktens-samrad-rubrik">
            Aktens samråd
          </Heading>
          {meetings.length === 0 ? (
            <BodyShort textColor="subtle">Akten är inte ansluten till något samråd.</BodyShort>
          ) : (
            <MeetingTable meetings={meetings} label="Aktens samråd" />
          )}
        </VStack>
      </section>
      {canCall ? <CallForm caseId={detail.id} earlier={meetings} /> : null}
    </VStack>
  );
}

/** The participants' units and providers are those a consent of the case may name. */
function CallForm({
  caseId,
  earlier,
}: {
  caseId: string;
  earlier: Parameters<typeof CallMeetingForm>[0]['earlier'];
}) {
  const query = useQuery(consentsQuery(caseId));
  if (query.isPending) return <Loading label="Hämtar enheter och utförare…" />;
  if (query.isError) return <ApiErrorAlert error={query.error} />;
  if (!query.data.options) return null;
  return <CallMeetingForm caseId={caseId} options={query.data.options} earlier={earlier} />;
}
