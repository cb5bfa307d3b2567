import { useState } from 'react';
import {
  Alert,
  BodyLong,
  BodyShort,
  Button,
  Heading,
  HStack,
  Table,
  Tag,
  Textarea,
  VStack,
} from '@navikt/ds-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FieldError } from '../../../../core/contracts/errors.ts';
import {
  importInstrument,
  listInstrumentVersions,
  retireInstrument,
} from '../../../../core/contracts/risk.ts';
import type { InstrumentDefinition } from '../../../../core/domain/instruments.ts';
import { call } from '../../api/client.ts';
import { fieldErrorsOf } from '../../api/forms.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
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
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<FieldError[]>([]);
  const load = useMutation({
    mutationFn: (definition: InstrumentDefinition) => call(importInstrument, { body: definition }),
    onSuccess: (summary) => {
      setText('');
      onImported(summary.name, summary.version);
    },
  });
  // The server checks the definition and names each problem by its path in the JSON.
  const fieldErrors = problems.length > 0 ? problems : fieldErrorsOf(load.error);

  return (
    <form
      noValidate
      aria-labelledby="las-in-instrument-rubrik"
      onSubmit={(event) => {
        event.preventDefault();
        load.reset();
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          setProblems([{ path: 'body', message: 'Texten är inte giltig JSON.' }]);
          return;
        }
        setProblems([]);
        load.mutate(parsed as InstrumentDefinition);
      }}
    >
      <VStack gap="space-16">
        <Heading level="3" size="small" id="las-in-instrument-rubrik">
          Läs in ett instrument
        </Heading>
        {fieldErrors.length > 0 ? (
          <Alert variant="error" size="small" role="alert">
            <BodyShort spacing>Instrumentet kunde inte läsas in:</BodyShort>
            <ul className="compact-list">
              {fieldErrors.map((e) => (
                <li key={e.path}>
                  {e.path === 'body' ? '' : `${e.path.replace(/^body\./, '')}: `}
                  {e.message}
                </li>
              ))}
            </ul>
          </Alert>
        ) : (
          <ApiErrorAlert error={load.error} />
        )}
        <Textarea
          label="Instrumentets definition (JSON)"
          description='Enligt formatet i docs/INSTRUMENTS.md: "id", "version", "name", "sections" med frågor och "scoring". En rättad text läses in som nästa version.'
          minRows={8}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setProblems([]);
          }}
          error={fieldErrors.length > 0 ? 'Rätta definitionen enligt listan ovan.' : undefined}
          className="monospace"
        />
        <div>
          <Button type="submit" variant="secondary" loading={load.isPending}>
            Läs in instrumentet
          </Button>
        </div>
      </VStack>
    </form>
  );
}
