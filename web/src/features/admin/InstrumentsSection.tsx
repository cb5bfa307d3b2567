import { useState } from 'react';
import { BodyLong, BodyShort, Button, Heading, HStack, Table, Tag, VStack } from '@navikt/ds-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  importInstrument,
  listInstrumentVersions,
  retireInstrument,
} from '../../../../core/contracts/risk.ts';
import type { InstrumentDefinition } from '../../../../core/domain/instruments.ts';
import { call } from '../../api/client.ts';

import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { JsonImportForm } from './JsonImportForm.tsx';
import { formatDateTime } from '../../components/format.ts';
import { Loading } from '../../components/Loading.tsx';
import { methodLabels } from '../risk/labels.ts';

const versionsKey = ['admin', 'instruments'] as const;

/**
 * Bedömningsinstrument: every loaded version, in use or retired. A municipality loads the
 * instruments it is licensed for as JSON; a version is never changed, only retired.
 */
export function InstrumentsSection() {
  const queryClient = useQueryClient();
  const versions = useQuery({
    queryKey: versionsKey,
    queryFn: () => call(listInstrumentVersions),
  });
  const [status, setStatus] = useState<string | null>(null);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: versionsKey });
    void queryClient.invalidateQueries({ queryKey: ['instruments'] });
  };
  const retire = useMutation({
    mutationFn: (v: { id: string; version: number }) =>
      call(retireInstrument, { params: { instrumentId: v.id, version: v.version } }),
    onSuccess: (result) => {
      setStatus(
        `${result.name}, version ${result.version}, är tagen ur bruk. Tidigare bedömningar visar den fortfarande.`,
      );
      refresh();
    },
  });

  return (
    <section aria-labelledby="instrument-rubrik">
      <VStack gap="space-16">
        <Heading level="2" size="medium" id="instrument-rubrik">
          Bedömningsinstrument
        </Heading>
        <BodyLong>
          De instrument för hot- och riskbedömning som handläggarna kan använda. Kommunen läser in
          de instrument den har licens för. Värn levererar bara exempel, märkta &quot;Exempel&quot;,
          som inte är validerade metoder.
        </BodyLong>
        <div role="status">{status}</div>
        <ApiErrorAlert error={retire.error ?? versions.error} />
        {versions.isPending ? <Loading label="Hämtar instrument…" /> : null}
        {versions.data ? (
          <div className="table-scroll">
            <Table aria-labelledby="instrument-rubrik">
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell scope="col">Instrument</Table.HeaderCell>
                  <Table.HeaderCell scope="col">Id och version</Table.HeaderCell>
                  <Table.HeaderCell scope="col">Metod</Table.HeaderCell>
                  <Table.HeaderCell scope="col">Inläst</Table.HeaderCell>
                  <Table.HeaderCell scope="col">Status</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {versions.data.items.map((v) => (
                  <Table.Row key={`${v.id}@${v.version}`}>
                    <Table.DataCell>
                      <HStack gap="space-8" align="center">
                        <BodyShort weight="semibold">{v.name}</BodyShort>
                        {v.example ? (
                          <Tag variant="outline" data-color="neutral" size="small">
                            Exempel
                          </Tag>
                        ) : null}
                      </HStack>
                    </Table.DataCell>
                    <Table.DataCell>
                      <code>{v.id}</code>, version {v.version}
                    </Table.DataCell>
                    <Table.DataCell>{methodLabels[v.method] ?? v.method}</Table.DataCell>
                    <Table.DataCell>{formatDateTime(v.importedAt)}</Table.DataCell>
                    <Table.DataCell>
                      {v.retired ? (
                        <Tag variant="moderate" data-color="neutral" size="small">
                          Ur bruk
                        </Tag>
                      ) : (
                        <HStack gap="space-8" align="center">
                          <BodyShort size="small">I bruk</BodyShort>
                          <Button
                            size="small"
                            variant="secondary"
                            loading={
                              retire.isPending &&
                              retire.variables.id === v.id &&
                              retire.variables.version === v.version
                            }
                            onClick={() => {
                              setStatus(null);
                              retire.mutate({ id: v.id, version: v.version });
                            }}
                          >
                            Ta ur bruk
                            <span className="visually-hidden">
                              {' '}
                              {v.name}, version {v.version}
                            </span>
                          </Button>
                        </HStack>
                      )}
                    </Table.DataCell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        ) : null}
        <ImportInstrument
          onImported={(name, version) => {
            setStatus(`${name}, version ${version}, är inläst och kan användas.`);
            refresh();
          }}
        />
      </VStack>
    </section>
  );
}

function ImportInstrument({ onImported }: { onImported: (name: string, version: number) => void }) {
  return (
    <JsonImportForm
      id="las-in-instrument"
      texts={{
        heading: 'Läs in ett instrument',
        failed: 'Instrumentet kunde inte läsas in:',
        label: 'Instrumentets definition (JSON)',
        description:
          'Enligt formatet i docs/INSTRUMENTS.md: "id", "version", "name", "sections" med frågor och "scoring". En rättad text läses in som nästa version.',
        fix: 'Rätta definitionen enligt listan ovan.',
        submit: 'Läs in instrumentet',
      }}
      minRows={8}
      // The server checks the definition and names each problem by its path in the JSON.
      load={(parsed) => call(importInstrument, { body: parsed as InstrumentDefinition })}
      onLoaded={(summary) => {
        onImported(summary.name, summary.version);
      }}
    />
  );
}
