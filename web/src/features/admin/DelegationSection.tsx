import { useState } from 'react';
import { BodyLong, Checkbox, Heading, Table, VStack } from '@navikt/ds-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  listDelegations,
  listInterventionCatalogues,
  setDelegation,
} from '../../../../core/contracts/admin.ts';
import type { BodyOf } from '../../../../core/contracts/contract.ts';
import { delegableRoles } from '../../../../core/domain/decisions.ts';
import {
  defaultInterventionCatalogue,
  interventionNames,
} from '../../../../core/domain/intervention-catalogue.ts';
import { call } from '../../api/client.ts';
import { roleLabels } from '../../app/labels.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useUnits } from './useAdmin.ts';

const delegationsKey = ['admin', 'delegations'] as const;
type Change = BodyOf<typeof setDelegation>;

/** Units where decisions on insatser are taken: not providers, not the management unit. */
const decidingKinds = new Set(['adult', 'children', 'out_of_hours']);

/**
 * The delegation list: which role in which unit may decide on which kind of insats. Each box is
 * saved as it is ticked; a beslut by someone without delegation is refused.
 */
export function DelegationSection() {
  const queryClient = useQueryClient();
  const units = useUnits();
  const delegations = useQuery({ queryKey: delegationsKey, queryFn: () => call(listDelegations) });
  const [status, setStatus] = useState<string | null>(null);
  // The insatser catalogue in force says which insatser are decided (not services) and which
  // roles may hold delegation for each; the server refuses any other box.
  const catalogues = useQuery({
    queryKey: ['admin', 'intervention-catalogues'],
    queryFn: () => call(listInterventionCatalogues),
  });
  const catalogue = catalogues.data?.items.find((c) => c.active) ?? defaultInterventionCatalogue;
  const interventionLabels = interventionNames(catalogue);
  const decided = catalogue.entries.filter((e) => e.kind === 'assistance');
  const change = useMutation({
    mutationFn: (body: Change) => call(setDelegation, { body }),
    onSuccess: (result, body) => {
      queryClient.setQueryData(delegationsKey, result);
      const unit = units.data?.items.find((u) => u.id === body.unitId)?.name ?? '';
      setStatus(
        `${roleLabels[body.role]} i ${unit} ${body.granted ? 'får nu' : 'får inte längre'} besluta om ${interventionLabels[body.intervention].toLowerCase()}.`,
      );
    },
  });
  // The box shows the change at once, in the same event as the click: a React state set in the
  // click's own handler is rendered before the event ends (the query cache notifies its readers
  // a tick later). A refusal puts back what the server holds.
  const [overrides, setOverrides] = useState<Record<string, boolean>>({});
  const boxKey = (b: { unitId: string; intervention: string; role: string }) =>
    `${b.unitId}|${b.intervention}|${b.role}`;
  const toggle = (body: Change) => {
    const key = boxKey(body);
    setOverrides((o) => ({ ...o, [key]: body.granted }));
    // A list still loading must not land over the change.
    void queryClient.cancelQueries({ queryKey: delegationsKey });
    change.mutate(body, {
      onSettled: () => {
        setOverrides((o) => Object.fromEntries(Object.entries(o).filter(([k]) => k !== key)));
      },
    });
  };
  const granted = (unitId: string, intervention: string, role: string) =>
    overrides[boxKey({ unitId, intervention, role })] ??
    delegations.data?.items.some(
      (d) => d.unitId === unitId && d.intervention === intervention && d.role === role,
    ) ??
    false;

  return (
    <section aria-labelledby="delegation-rubrik">
      <VStack gap="space-16">
        <Heading level="2" size="medium" id="delegation-rubrik">
          Delegation
        </Heading>
        <BodyLong>
          Vilken roll i vilken enhet som får fatta beslut om vilken insats. Ändringen gäller direkt
          för nya beslut.
        </BodyLong>
        <div role="status">{status}</div>
        <ApiErrorAlert error={change.error ?? delegations.error ?? units.error} />
        {delegations.isPending || units.isPending ? <Loading label="Hämtar delegationer…" /> : null}
        {delegations.data && units.data
          ? units.data.items
              .filter((u) => decidingKinds.has(u.kind))
              .map((unit) => {
                const headingId = `delegation-${unit.id}`;
                return (
                  <VStack gap="space-8" key={unit.id}>
                    <Heading level="3" size="small" id={headingId}>
                      {unit.name}
                    </Heading>
                    <div className="table-scroll">
                      <Table size="small" aria-labelledby={headingId}>
                        <Table.Header>
                          <Table.Row>
                            <Table.HeaderCell scope="col">Insats</Table.HeaderCell>
                            {delegableRoles.map((role) => (
                              <Table.HeaderCell scope="col" key={role}>
                                {roleLabels[role]}
                              </Table.HeaderCell>
                            ))}
                          </Table.Row>
                        </Table.Header>
                        <Table.Body>
                          {decided.map(({ code: intervention, delegation }) => (
                            <Table.Row key={intervention}>
                              <Table.HeaderCell scope="row">
                                {interventionLabels[intervention]}
                              </Table.HeaderCell>
                              {delegableRoles.map((role) => {
                                if (!delegation.includes(role)) {
                                  return (
                                    <Table.DataCell key={role}>
                                      <span aria-hidden="true">–</span>
                                      <span className="visually-hidden">
                                        {`Insatskatalogen ger inte ${roleLabels[role].toLowerCase()} delegation för ${interventionLabels[intervention].toLowerCase()}`}
                                      </span>
                                    </Table.DataCell>
                                  );
                                }
                                return (
                                  <Table.DataCell key={role}>
                                    <Checkbox
                                      hideLabel
                                      size="small"
                                      checked={granted(unit.id, intervention, role)}
                                      onChange={(e) => {
                                        setStatus(null);
                                        toggle({
                                          unitId: unit.id,
                                          intervention,
                                          role,
                                          granted: e.target.checked,
                                        });
                                      }}
                                    >
                                      {`${roleLabels[role]} i ${unit.name} får besluta om ${interventionLabels[intervention].toLowerCase()}`}
                                    </Checkbox>
                                  </Table.DataCell>
                                );
                              })}
                            </Table.Row>
                          ))}
                        </Table.Body>
                      </Table>
                    </div>
                  </VStack>
                );
              })
          : null}
      </VStack>
    </section>
  );
}
