import { BodyShort, Heading, Table, VStack } from '@navikt/ds-react';
import type { RelationView } from '../../../../core/contracts/persons.ts';
import { relationKindLabels, relationViolenceLabels } from '../../app/labels.ts';
import { PersonCell } from '../../components/PersonCell.tsx';

/** Relations read from this person's side; only those whose other end the reader may see. */
export function PersonRelations({ relations }: { relations: readonly RelationView[] }) {
  return (
    <section aria-labelledby="relationer-rubrik">
      <VStack gap="space-16">
        <Heading level="2" size="medium" id="relationer-rubrik">
          Relationer
        </Heading>
        {relations.length === 0 ? (
          <BodyShort>Inga relationer som du har behörighet att se.</BodyShort>
        ) : (
          <Table aria-labelledby="relationer-rubrik">
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">Relation</Table.HeaderCell>
                <Table.HeaderCell scope="col">Person</Table.HeaderCell>
                <Table.HeaderCell scope="col">Våld</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {relations.map((relation) => (
                <Table.Row key={relation.id}>
                  <Table.DataCell>{relationKindLabels[relation.kind]}</Table.DataCell>
                  <Table.DataCell>
                    <PersonCell person={relation.other} />
                  </Table.DataCell>
                  <Table.DataCell>{relationViolenceLabels[relation.violence]}</Table.DataCell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </VStack>
    </section>
  );
}
