import { useState } from 'react';
import { BodyLong, Button, Heading, Table, VStack } from '@navikt/ds-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { listNoActionRecords } from '../../../../core/contracts/cases.ts';
import { call } from '../../api/client.ts';
import { intakeTypeLabels } from '../../app/labels.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { formatDate } from '../../components/format.ts';
import { Loading } from '../../components/Loading.tsx';
import { PersonCell } from '../../components/PersonCell.tsx';
import { ShowMoreButton } from '../../components/ShowMoreButton.tsx';

/**
 * Handlingar som inte föranlett åtgärd: intakes closed without utredning for a person with no
 * personakt before. Listed only when asked for: each listing is logged.
 */
export function NoActionRecords({ unitId, unitName }: { unitId: string; unitName: string }) {
  const [shown, setShown] = useState(false);
  const headingId = `utan-atgard-${unitId}`;
  const records = useInfiniteQuery({
    queryKey: ['cases', 'no-action', unitId],
    queryFn: ({ pageParam }) =>
      call(listNoActionRecords, { params: { unitId }, query: { limit: 25, after: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: shown,
  });
  const items = records.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <section aria-labelledby={headingId}>
      <VStack gap="space-16" align="start">
        <Heading level="2" size="medium" id={headingId}>
          Handlingar som inte föranlett åtgärd: {unitName}
        </Heading>
        <BodyLong size="small">
          Aktualiseringar där ingen utredning inleddes och personen inte hade någon personakt sedan
          tidigare.
        </BodyLong>
        {!shown ? (
          <Button
            variant="secondary"
            size="small"
            onClick={() => {
              setShown(true);
            }}
          >
            Visa handlingarna
          </Button>
        ) : null}
        {shown && records.isPending ? <Loading label="Hämtar handlingarna…" /> : null}
        <ApiErrorAlert error={records.error} />
        {records.isSuccess && items.length === 0 ? <BodyLong>Inga handlingar.</BodyLong> : null}
        {items.length > 0 ? (
          <div className="table-scroll full-width">
            <Table aria-labelledby={headingId}>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell scope="col">Person</Table.HeaderCell>
                  <Table.HeaderCell scope="col">Aktualisering</Table.HeaderCell>
                  <Table.HeaderCell scope="col">Inkom</Table.HeaderCell>
                  <Table.HeaderCell scope="col">Skäl att inte utreda</Table.HeaderCell>
                  <Table.HeaderCell scope="col">Avslutad</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {items.map((r) => (
                  <Table.Row key={r.caseId}>
                    <Table.DataCell>
                      <PersonCell person={r.person} />
                    </Table.DataCell>
                    <Table.DataCell>{intakeTypeLabels[r.intakeType]}</Table.DataCell>
                    <Table.DataCell>{formatDate(r.receivedAt)}</Table.DataCell>
                    <Table.DataCell className="preserve-lines">
                      {r.reason ?? 'Visas inte för skyddad person.'}
                    </Table.DataCell>
                    <Table.DataCell>{formatDate(r.closedAt)}</Table.DataCell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        ) : null}
        <ShowMoreButton query={records} />
      </VStack>
    </section>
  );
}
