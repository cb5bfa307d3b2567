import { Heading, Link, Table, VStack } from '@navikt/ds-react';
import { useQuery } from '@tanstack/react-query';
import { Link as RouterLink } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { formatDate } from '../../components/format.ts';
import { myActionsQuery } from './meetings.ts';

/**
 * The start page's "Mina åtgärder från samråd": the open action items the user owns, with the
 * person and unit of the file each belongs to; shown only when there are any.
 */
export function MyMeetingActions() {
  const query = useQuery(myActionsQuery);
  if (query.isPending) return null;
  if (query.isError) return <ApiErrorAlert error={query.error} />;
  const actions = query.data.actions;
  if (actions.length === 0) return null;
  const headingId = 'mina-samradsatgarder-rubrik';
  return (
    <section aria-labelledby={headingId}>
      <VStack gap="space-12">
        <Heading level="2" size="medium" id={headingId}>
          Mina åtgärder från samråd
        </Heading>
        <div className="table-scroll">
          <Table size="small" aria-labelledby={headingId}>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">Åtgärd</Table.HeaderCell>
                <Table.HeaderCell scope="col">Person</Table.HeaderCell>
                <Table.HeaderCell scope="col">Enhet</Table.HeaderCell>
                <Table.HeaderCell scope="col">Klar senast</Table.HeaderCell>
                <Table.HeaderCell scope="col">Samråd</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {actions.map((a) => (
                <Table.Row key={a.itemId}>
                  <Table.DataCell className="preserve-lines">{a.text}</Table.DataCell>
                  <Table.DataCell>{a.personName}</Table.DataCell>
                  <Table.DataCell>{a.unitName}</Table.DataCell>
                  <Table.DataCell>{formatDate(a.dueOn)}</Table.DataCell>
                  <Table.DataCell>
                    <Link as={RouterLink} to={`/samrad/${a.meetingId}`}>
                      Samråd {formatDate(a.heldOn)}
                      <span className="visually-hidden"> om {a.personName}</span>
                    </Link>
                  </Table.DataCell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      </VStack>
    </section>
  );
}
