import { Fragment, useState } from 'react';
import { BodyShort, Heading, Table, VStack } from '@navikt/ds-react';
import type { RelationView } from '../../../../core/contracts/persons.ts';
import { relationKindLabels, relationViolenceLabels } from '../../app/labels.ts';
import { PersonCell, personName } from '../../components/PersonCell.tsx';
import {
  ChangeRelationButton,
  PastRelations,
  RelationChangeForm,
  RelationVersions,
} from '../counterparts/RelationHistory.tsx';

/**
 * Relations read from this person's side; only those whose other end the reader may see. Those
 * that hold now first; ended and wrongly recorded ones apart, with their history.
 */
export function PersonRelations({
  personId,
  relations,
  pastRelations,
}: {
  personId: string;
  relations: readonly RelationView[];
  pastRelations: readonly RelationView[];
}) {
  const [open, setOpen] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState<string | null>(null);
  return (
    <section aria-labelledby="relationer-rubrik">
      <VStack gap="space-16">
        <Heading level="2" size="medium" id="relationer-rubrik">
          Relationer
        </Heading>
        <div role="status">
          {announcement ? <BodyShort weight="semibold">{announcement}</BodyShort> : null}
        </div>
        {relations.length === 0 ? (
          <BodyShort>Inga relationer som du har behörighet att se.</BodyShort>
        ) : (
          <Table aria-labelledby="relationer-rubrik">
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">Relation</Table.HeaderCell>
                <Table.HeaderCell scope="col">Person</Table.HeaderCell>
                <Table.HeaderCell scope="col">Våld</Table.HeaderCell>
                <Table.HeaderCell scope="col">Historik</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {relations.map((relation) => (
                <Fragment key={relation.id}>
                  <Table.Row>
                    <Table.DataCell>
                      {relationKindLabels[relation.kind]}
                      {relation.guardian ? ' (vårdnadshavare)' : ''}
                    </Table.DataCell>
                    <Table.DataCell>
                      <PersonCell person={relation.other} />
                    </Table.DataCell>
                    <Table.DataCell>{relationViolenceLabels[relation.violence]}</Table.DataCell>
                    <Table.DataCell>
                      <RelationVersions relation={relation} />
                      {relation.mayChange && open !== relation.id ? (
                        <ChangeRelationButton
                          name={personName(relation.other)}
                          onClick={() => {
                            setOpen(relation.id);
                            setAnnouncement(null);
                          }}
                        />
                      ) : null}
                    </Table.DataCell>
                  </Table.Row>
                  {open === relation.id ? (
                    <Table.Row>
                      <Table.DataCell colSpan={4}>
                        <RelationChangeForm
                          personId={personId}
                          relation={relation}
                          onCancel={() => {
                            setOpen(null);
                          }}
                          onDone={(message) => {
                            setOpen(null);
                            setAnnouncement(message);
                          }}
                        />
                      </Table.DataCell>
                    </Table.Row>
                  ) : null}
                </Fragment>
              ))}
            </Table.Body>
          </Table>
        )}
        <PastRelations relations={pastRelations} />
      </VStack>
    </section>
  );
}
