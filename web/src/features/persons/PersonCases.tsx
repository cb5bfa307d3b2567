import { BodyShort, Heading, Link, Table, VStack } from '@navikt/ds-react';
import { Link as RouterLink } from 'react-router';
import type { CaseSummary } from '../../../../core/contracts/persons.ts';
import { caseStatusLabels, targetGroupLabels } from '../../app/labels.ts';
import { formatDate } from '../../components/format.ts';

export function PersonCases({ cases }: { cases: readonly CaseSummary[] }) {
  return (
    <section aria-labelledby="arenden-rubrik">
      <VStack gap="space-16">
        <Heading level="2" size="medium" id="arenden-rubrik">
          Ärenden
        </Heading>
        {cases.length === 0 ? (
          <BodyShort>Inga ärenden som du har behörighet att se.</BodyShort>
        ) : (
          <Table aria-labelledby="arenden-rubrik">
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">Enhet</Table.HeaderCell>
                <Table.HeaderCell scope="col">Ärende</Table.HeaderCell>
                <Table.HeaderCell scope="col">Status</Table.HeaderCell>
                <Table.HeaderCell scope="col">Handläggare</Table.HeaderCell>
                <Table.HeaderCell scope="col">Öppnat</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {cases.map((c) => (
                <Table.Row key={c.id}>
                  <Table.DataCell>{c.unitName}</Table.DataCell>
                  <Table.DataCell>
                    <Link as={RouterLink} to={`/arenden/${c.id}`}>
                      {targetGroupLabels[c.targetGroup]}
                    </Link>
                  </Table.DataCell>
                  <Table.DataCell>
                    {caseStatusLabels[c.status]}
                    {c.closedAt ? ` ${formatDate(c.closedAt)}` : ''}
                  </Table.DataCell>
                  <Table.DataCell>
                    {c.assignedTo?.displayName ?? 'Ingen ännu – i enhetens inkorg'}
                  </Table.DataCell>
                  <Table.DataCell>{formatDate(c.openedAt)}</Table.DataCell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </VStack>
    </section>
  );
}
