import { BodyLong, BodyShort, Link, Table, Tag, VStack } from '@navikt/ds-react';
import { useQuery } from '@tanstack/react-query';
import { Link as RouterLink } from 'react-router';
import { listMyCommissions } from '../../../../core/contracts/commissions.ts';
import { call } from '../../api/client.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { formatDate } from '../../components/format.ts';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { CommissionStatusTag, interventionName, periodText } from './CommissionView.tsx';

export const myCommissionsKey = ['commissions', 'mine'] as const;

/** The provider's inbox: the uppdrag given to its provider, those waiting for an answer first. */
export function MyCommissionsPage() {
  const query = useQuery({
    queryKey: myCommissionsKey,
    queryFn: () => call(listMyCommissions, {}),
  });
  return (
    <VStack gap="space-24">
      <div>
        <PageHeading>Mina uppdrag</PageHeading>
        <BodyLong>
          Uppdrag som socialtjänsten har gett er. Öppna ett uppdrag för att svara på det, skriva
          genomförandeplan och anteckningar, och återrapportera.
        </BodyLong>
      </div>
      {query.isPending ? (
        <Loading label="Hämtar uppdragen…" />
      ) : query.isError ? (
        <ApiErrorAlert error={query.error} />
      ) : query.data.items.length === 0 ? (
        <BodyShort textColor="subtle">Ni har inga uppdrag.</BodyShort>
      ) : (
        <div className="table-scroll">
          <Table aria-label="Mina uppdrag">
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">Uppdrag</Table.HeaderCell>
                <Table.HeaderCell scope="col">Person</Table.HeaderCell>
                <Table.HeaderCell scope="col">Period</Table.HeaderCell>
                <Table.HeaderCell scope="col">Status</Table.HeaderCell>
                <Table.HeaderCell scope="col">Skickat</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {query.data.items.map((item) => (
                <Table.Row key={item.id}>
                  <Table.DataCell>
                    <Link as={RouterLink} to={`/uppdrag/${item.id}`}>
                      {interventionName(item.intervention)}
                    </Link>
                  </Table.DataCell>
                  <Table.DataCell>
                    {item.name ?? 'Namnet lämnas inte ut'}{' '}
                    {item.protectedPerson ? (
                      <Tag variant="warning" size="xsmall">
                        Skyddade personuppgifter
                      </Tag>
                    ) : null}
                  </Table.DataCell>
                  <Table.DataCell>{periodText(item.period)}</Table.DataCell>
                  <Table.DataCell>
                    <CommissionStatusTag status={item.status} />
                  </Table.DataCell>
                  <Table.DataCell>{formatDate(item.sentAt)}</Table.DataCell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </VStack>
  );
}
