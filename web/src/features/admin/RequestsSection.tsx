import { BodyLong, Heading, Table, VStack } from '@navikt/ds-react';
import type { AdminRequest } from '../../../../core/contracts/admin.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { formatDateTime } from '../../components/format.ts';
import { Loading } from '../../components/Loading.tsx';
import { useAdminRequests } from './useAdmin.ts';
import { PendingRequests, requestStatusLabels, requestSubject } from './AdminRequests.tsx';

/**
 * The two-person rule on the administrator's page: requests waiting for a second person, and
 * the latest decided ones. Also used in loggkontroll for the unit manager.
 */
export function RequestsOverview({
  requests,
  isPending,
  error,
  onChanged,
  headingId,
}: {
  requests: readonly AdminRequest[] | undefined;
  isPending: boolean;
  error: unknown;
  onChanged: () => void;
  headingId: string;
}) {
  const decided = (requests ?? []).filter((r) => r.status !== 'pending').slice(0, 10);
  return (
    <VStack gap="space-16">
      {isPending ? <Loading label="Hämtar begäranden…" /> : null}
      <ApiErrorAlert error={error} />
      {requests ? <PendingRequests requests={requests} onChanged={onChanged} /> : null}
      {decided.length > 0 ? (
        <div className="table-scroll">
          <Table aria-labelledby={`${headingId}-beslutade`}>
            <caption id={`${headingId}-beslutade`} className="visually-hidden">
              Senast beslutade begäranden
            </caption>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">Begäran</Table.HeaderCell>
                <Table.HeaderCell scope="col">Begärd av</Table.HeaderCell>
                <Table.HeaderCell scope="col">Beslut</Table.HeaderCell>
                <Table.HeaderCell scope="col">Av</Table.HeaderCell>
                <Table.HeaderCell scope="col">När</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {decided.map((r) => (
                <Table.Row key={r.id}>
                  <Table.DataCell>
                    {requestSubject(r)} för {r.targetUser.displayName}
                  </Table.DataCell>
                  <Table.DataCell>{r.requestedBy.displayName}</Table.DataCell>
                  <Table.DataCell>{requestStatusLabels[r.status]}</Table.DataCell>
                  <Table.DataCell>{r.decidedBy?.displayName ?? ''}</Table.DataCell>
                  <Table.DataCell>{r.decidedAt ? formatDateTime(r.decidedAt) : ''}</Table.DataCell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      ) : null}
    </VStack>
  );
}

export function RequestsSection() {
  const requests = useAdminRequests();
  return (
    <section aria-labelledby="begaranden-rubrik">
      <VStack gap="space-16">
        <Heading level="2" size="medium" id="begaranden-rubrik">
          Väntar på godkännande
        </Heading>
        <BodyLong>
          En roll eller ett nytt engångslösenord ges först när en andra person godkänner det: en
          annan administratör, eller enhetschefen för enheten det gäller. Den som begärde kan inte
          godkänna, och ser aldrig engångslösenordet.
        </BodyLong>
        <RequestsOverview
          requests={requests.data?.items}
          isPending={requests.isPending}
          error={requests.error}
          onChanged={() => {
            void requests.refetch();
          }}
          headingId="begaranden"
        />
      </VStack>
    </section>
  );
}
