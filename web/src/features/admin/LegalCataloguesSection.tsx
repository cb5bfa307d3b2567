import { useState } from 'react';
import { BodyLong, BodyShort, Button, Heading, Table, Tag, VStack } from '@navikt/ds-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  activateLegalCatalogue,
  importLegalCatalogue,
  listLegalCatalogues,
} from '../../../../core/contracts/admin.ts';
import type { LegalCatalogue } from '../../../../core/domain/legal-references.ts';
import { call } from '../../api/client.ts';
import { validateBody } from '../../api/forms.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { JsonImportForm } from './JsonImportForm.tsx';
import { formatDateTime } from '../../components/format.ts';
import { Loading } from '../../components/Loading.tsx';

const cataloguesKey = ['admin', 'legal-catalogues'] as const;

/**
 * Legal catalogues: the paragraphs Värn cites, per law numbering. A new one is loaded as JSON and
 * is not in force until it is activated, so a municipality moving to Socialtjänstlagen (2025:400)
 * needs no code change.
 */
export function LegalCataloguesSection() {
  const queryClient = useQueryClient();
  const catalogues = useQuery({
    queryKey: cataloguesKey,
    queryFn: () => call(listLegalCatalogues),
  });
  const [status, setStatus] = useState<string | null>(null);
  const activate = useMutation({
    mutationFn: (catalogueId: string) => call(activateLegalCatalogue, { params: { catalogueId } }),
    onSuccess: (result, catalogueId) => {
      queryClient.setQueryData(cataloguesKey, result);
      const name = result.items.find((c) => c.id === catalogueId)?.name ?? catalogueId;
      setStatus(`${name} gäller nu.`);
    },
  });

  return (
    <section aria-labelledby="lagrum-rubrik">
      <VStack gap="space-16">
        <Heading level="2" size="medium" id="lagrum-rubrik">
          Lagrumskataloger
        </Heading>
        <BodyLong>
          Vilka paragrafer Värn hänvisar till i ärenden, utredningar och beslut. En inläst katalog
          gäller först när den aktiveras; bara en katalog gäller åt gången.
        </BodyLong>
        <div role="status">{status}</div>
        <ApiErrorAlert error={activate.error ?? catalogues.error} />
        {catalogues.isPending ? <Loading label="Hämtar kataloger…" /> : null}
        {catalogues.data ? (
          <div className="table-scroll">
            <Table aria-labelledby="lagrum-rubrik">
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell scope="col">Katalog</Table.HeaderCell>
                  <Table.HeaderCell scope="col">Id</Table.HeaderCell>
                  <Table.HeaderCell scope="col">Inläst</Table.HeaderCell>
                  <Table.HeaderCell scope="col">Status</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {catalogues.data.items.map((c) => (
                  <Table.Row key={c.id}>
                    <Table.DataCell>
                      <VStack gap="space-2">
                        <BodyShort weight="semibold">{c.name}</BodyShort>
                        <BodyShort size="small" textColor="subtle">
                          Utredning: {c.references.investigationDuty} · Orosanmälan:{' '}
                          {c.references.childConcernReport} · Överklagande: {c.references.appeal}
                        </BodyShort>
                      </VStack>
                    </Table.DataCell>
                    <Table.DataCell>
                      <code>{c.id}</code>
                    </Table.DataCell>
                    <Table.DataCell>{formatDateTime(c.loadedAt)}</Table.DataCell>
                    <Table.DataCell>
                      {c.active ? (
                        <Tag variant="moderate" data-color="success" size="small">
                          Gäller nu
                        </Tag>
                      ) : (
                        <Button
                          size="small"
                          variant="secondary"
                          loading={activate.isPending && activate.variables === c.id}
                          onClick={() => {
                            setStatus(null);
                            activate.mutate(c.id);
                          }}
                        >
                          Aktivera
                          <span className="visually-hidden"> {c.name}</span>
                        </Button>
                      )}
                    </Table.DataCell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        ) : null}
        <ImportCatalogue
          onImported={(name) => {
            setStatus(`${name} är inläst. Aktivera den när den ska gälla.`);
            void queryClient.invalidateQueries({ queryKey: cataloguesKey });
          }}
        />
      </VStack>
    </section>
  );
}

function ImportCatalogue({ onImported }: { onImported: (name: string) => void }) {
  return (
    <JsonImportForm
      id="las-in-katalog"
      texts={{
        heading: 'Läs in en katalog',
        failed: 'Katalogen kunde inte läsas in:',
        label: 'Katalog (JSON)',
        description:
          'Med "id", "name" och "references": en paragraf för varje begrepp, som i den katalog som gäller nu.',
        fix: 'Rätta katalogen enligt listan ovan.',
        submit: 'Läs in katalogen',
      }}
      minRows={6}
      check={(parsed) => validateBody(importLegalCatalogue.body, parsed)}
      load={(parsed) => call(importLegalCatalogue, { body: parsed as LegalCatalogue })}
      onLoaded={(catalogue) => {
        onImported(catalogue.name);
      }}
    />
  );
}
