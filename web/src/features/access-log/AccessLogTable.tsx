import { BodyShort, Button, HStack, Table, Tag, VStack } from '@navikt/ds-react';
import type { AccessLogEntry } from '../../../../core/contracts/access-log.ts';
import type { Role } from '../../../../core/policy/roles.ts';
import { auditActions, purposeLabels, roleLabels } from '../../app/labels.ts';
import { formatDateTime } from '../../components/format.ts';

const roleLabel = (role: Role | null) => (role === null ? null : roleLabels[role]);

/** A refused attempt: what was asked for, and how Värn answered (hidden or refused). */
const refusalText = (refusal: NonNullable<AccessLogEntry['refusal']>) =>
  `${refusal.status === 404 ? 'Dolt' : 'Nekat'} (${String(refusal.status)}): ${refusal.route}`;

export function AccessLogTable({
  entries,
  labelledBy,
  onFilter,
}: {
  entries: readonly AccessLogEntry[];
  labelledBy: string;
  onFilter: (filter: { userId?: string; personId?: string }) => void;
}) {
  return (
    <div className="table-scroll">
      <Table size="small" aria-labelledby={labelledBy}>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell scope="col">Tid</Table.HeaderCell>
            <Table.HeaderCell scope="col">Användare</Table.HeaderCell>
            <Table.HeaderCell scope="col">Händelse</Table.HeaderCell>
            <Table.HeaderCell scope="col">Person</Table.HeaderCell>
            <Table.HeaderCell scope="col">Grund</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {entries.map((entry) => (
            <Table.Row key={entry.seq}>
              <Table.DataCell>{formatDateTime(entry.occurredAt)}</Table.DataCell>
              <Table.DataCell>
                {entry.actor ? (
                  <VStack gap="space-2" align="start">
                    <BodyShort size="small">{entry.actor.displayName}</BodyShort>
                    {entry.role || entry.unitName ? (
                      <BodyShort size="small" textColor="subtle">
                        {[roleLabel(entry.role), entry.unitName].filter(Boolean).join(', ')}
                      </BodyShort>
                    ) : null}
                    <Button
                      size="xsmall"
                      variant="tertiary"
                      onClick={() => {
                        onFilter({ userId: entry.actor?.id ?? '' });
                      }}
                    >
                      Visa bara användaren
                      <span className="visually-hidden"> {entry.actor.displayName}</span>
                    </Button>
                  </VStack>
                ) : (
                  <BodyShort size="small">Okänd användare</BodyShort>
                )}
              </Table.DataCell>
              <Table.DataCell>
                <VStack gap="space-4" align="start">
                  <BodyShort size="small">{auditActions[entry.action]}</BodyShort>
                  {entry.refusal ? (
                    <BodyShort size="small" textColor="subtle">
                      {refusalText(entry.refusal)}
                    </BodyShort>
                  ) : null}
                  {entry.account ? (
                    <BodyShort size="small" textColor="subtle">
                      Gäller{' '}
                      {[
                        entry.account.user?.displayName,
                        [roleLabel(entry.account.role), entry.account.unitName]
                          .filter(Boolean)
                          .join(', '),
                      ]
                        .filter(Boolean)
                        .join(' – ')}
                    </BodyShort>
                  ) : null}
                  <HStack gap="space-4">
                    {entry.emergency ? (
                      <Tag variant="strong" data-color="danger" size="xsmall">
                        Nödåtkomst
                      </Tag>
                    ) : null}
                    {entry.involvesProtected ? (
                      <Tag variant="moderate" data-color="warning" size="xsmall">
                        Skyddad person
                      </Tag>
                    ) : null}
                  </HStack>
                </VStack>
              </Table.DataCell>
              <Table.DataCell>
                {entry.persons.length === 0 ? (
                  <BodyShort size="small" textColor="subtle">
                    –
                  </BodyShort>
                ) : (
                  <VStack gap="space-2" align="start">
                    {entry.persons.map((person) => (
                      <VStack key={person.id} gap="space-0" align="start">
                        <BodyShort size="small">{person.displayName}</BodyShort>
                        <Button
                          size="xsmall"
                          variant="tertiary"
                          onClick={() => {
                            onFilter({ personId: person.id });
                          }}
                        >
                          Visa bara personen
                          <span className="visually-hidden"> {person.displayName}</span>
                        </Button>
                      </VStack>
                    ))}
                  </VStack>
                )}
              </Table.DataCell>
              <Table.DataCell>
                <BodyShort size="small">
                  {entry.purpose ? purposeLabels[entry.purpose] : '–'}
                </BodyShort>
              </Table.DataCell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}
