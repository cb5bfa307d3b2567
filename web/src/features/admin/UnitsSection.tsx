import { useState } from 'react';
import { Button, Heading, HStack, Select, Table, TextField, VStack } from '@navikt/ds-react';
import { useQueryClient } from '@tanstack/react-query';
import { createUnit, UnitKind } from '../../../../core/contracts/admin.ts';
import type { BodyOf } from '../../../../core/contracts/contract.ts';
import { call } from '../../api/client.ts';
import { fieldId, messageFor } from '../../api/forms.ts';
import { unitKindLabels } from '../../app/labels.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useFormMutation } from '../../components/useFormMutation.ts';
import { unitsKey, useUnits } from './useAdmin.ts';

const formId = 'ny-enhet';
type Kind = BodyOf<typeof createUnit>['kind'];

export function UnitsSection() {
  const units = useUnits();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<Kind>('adult');
  const [created, setCreated] = useState<string | null>(null);
  const form = useFormMutation(createUnit.body, {
    mutationFn: (body: BodyOf<typeof createUnit>) => call(createUnit, { body }),
    onSuccess: (unit) => {
      setCreated(`Enheten ${unit.name} är skapad.`);
      setName('');
      void queryClient.invalidateQueries({ queryKey: unitsKey });
    },
  });

  return (
    <section aria-labelledby="enheter-rubrik">
      <VStack gap="space-16">
        <Heading level="2" size="medium" id="enheter-rubrik">
          Enheter
        </Heading>
        {units.isPending ? <Loading label="Hämtar enheter…" /> : null}
        <ApiErrorAlert error={units.error} />
        {units.data ? (
          <Table aria-labelledby="enheter-rubrik">
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">Namn</Table.HeaderCell>
                <Table.HeaderCell scope="col">Typ</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {units.data.items.map((unit) => (
                <Table.Row key={unit.id}>
                  <Table.DataCell>{unit.name}</Table.DataCell>
                  <Table.DataCell>{unitKindLabels[unit.kind]}</Table.DataCell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        ) : null}
        <form
          noValidate
          aria-labelledby="ny-enhet-rubrik"
          onSubmit={(event) => {
            event.preventDefault();
            setCreated(null);
            form.submit({ name, kind });
          }}
        >
          <VStack gap="space-16">
            <Heading level="3" size="small" id="ny-enhet-rubrik">
              Ny enhet
            </Heading>
            <FormErrorSummary formId={formId} errors={form.fieldErrors} />
            <ApiErrorAlert error={form.generalError} />
            <HStack gap="space-16" align="end">
              <TextField
                id={fieldId(formId, 'body.name')}
                label="Enhetens namn"
                value={name}
                onChange={(e) => {
                  setName(e.target.value);
                }}
                error={messageFor(form.fieldErrors, 'body.name')}
              />
              <Select
                id={fieldId(formId, 'body.kind')}
                label="Typ av enhet"
                value={kind}
                onChange={(e) => {
                  setKind(e.target.value as Kind);
                }}
                error={messageFor(form.fieldErrors, 'body.kind')}
              >
                {UnitKind.options.map((k) => (
                  <option key={k} value={k}>
                    {unitKindLabels[k]}
                  </option>
                ))}
              </Select>
              <Button type="submit" variant="secondary" loading={form.mutation.isPending}>
                Skapa enhet
              </Button>
            </HStack>
            <div role="status">{created}</div>
          </VStack>
        </form>
      </VStack>
    </section>
  );
}
