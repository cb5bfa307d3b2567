import { Button, Heading, HStack, Select, Table, TextField, VStack } from '@navikt/ds-react';
import { useQueryClient } from '@tanstack/react-query';
import { createUnit, UnitKind } from '../../../../core/contracts/admin.ts';
import type { BodyOf } from '../../../../core/contracts/contract.ts';
import { call } from '../../api/client.ts';
import { unitKindLabels } from '../../app/labels.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useContractForm } from '../../components/useContractForm.ts';
import { unitsKey, useUnits } from './useAdmin.ts';

const formId = 'ny-enhet';
const blank: BodyOf<typeof createUnit> = { name: '', kind: 'adult' };

export function UnitsSection() {
  const units = useUnits();
  const queryClient = useQueryClient();
  const form = useContractForm(createUnit, {
    formId,
    initial: blank,
    send: (body) => call(createUnit, { body }),
    clearOnSuccess: ['name'],
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: unitsKey });
    },
  });
  const created = form.saved ? form.mutation.data : undefined;

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
        <form {...form.formProps} aria-labelledby="ny-enhet-rubrik">
          <VStack gap="space-16">
            <Heading level="3" size="small" id="ny-enhet-rubrik">
              Ny enhet
            </Heading>
            <FormErrorSummary {...form.summaryProps} />
            <ApiErrorAlert error={form.generalError} />
            <HStack gap="space-16" align="end">
              <TextField {...form.text('name')} label="Enhetens namn" />
              <Select {...form.select('kind')} label="Typ av enhet">
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
            <div role="status">{created ? `Enheten ${created.name} är skapad.` : null}</div>
          </VStack>
        </form>
      </VStack>
    </section>
  );
}
