import {
  BodyLong,
  BodyShort,
  Button,
  Heading,
  HStack,
  Select,
  Table,
  VStack,
} from '@navikt/ds-react';
import { useMutation } from '@tanstack/react-query';
import { grantRole, revokeRole } from '../../../../core/contracts/admin.ts';
import type { AdminRequest, AdminUser } from '../../../../core/contracts/admin.ts';
import { roles } from '../../../../core/policy/roles.ts';
import type { Role } from '../../../../core/policy/roles.ts';
import { call } from '../../api/client.ts';
import { roleLabels } from '../../app/labels.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { useContractForm } from '../../components/useContractForm.ts';
import { PendingRequests } from './AdminRequests.tsx';
import { useRefreshAdmin, useStoreUser, useUnits } from './useAdmin.ts';

const formId = 'ge-roll';

export function UserRoles({
  user,
  readOnly,
  requests,
}: {
  user: AdminUser;
  readOnly: boolean;
  requests: readonly AdminRequest[];
}) {
  const storeUser = useStoreUser();
  const refresh = useRefreshAdmin();
  const pending = requests.filter((r) => r.kind === 'role_grant' && r.status === 'pending');
  const revoke = useMutation({
    mutationFn: (grant: { unitId: string; role: Role }) =>
      call(revokeRole, { params: { userId: user.id, ...grant } }),
    onSuccess: storeUser,
  });

  return (
    <section aria-labelledby="roller-rubrik">
      <VStack gap="space-16">
        <Heading level="2" size="medium" id="roller-rubrik">
          Roller
        </Heading>
        <ApiErrorAlert error={revoke.error} />
        {user.grants.length === 0 ? (
          <BodyShort>Användaren har inga roller och kan därför inte göra något i Värn.</BodyShort>
        ) : (
          <Table aria-labelledby="roller-rubrik">
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">Roll</Table.HeaderCell>
                <Table.HeaderCell scope="col">Enhet</Table.HeaderCell>
                {readOnly ? null : <Table.HeaderCell scope="col">Åtgärd</Table.HeaderCell>}
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {user.grants.map((g) => (
                <Table.Row key={`${g.unitId}-${g.role}`}>
                  <Table.DataCell>{roleLabels[g.role]}</Table.DataCell>
                  <Table.DataCell>{g.unitName}</Table.DataCell>
                  {readOnly ? null : (
                    <Table.DataCell>
                      <Button
                        size="small"
                        variant="tertiary"
                        loading={
                          revoke.isPending &&
                          revoke.variables.unitId === g.unitId &&
                          revoke.variables.role === g.role
                        }
                        onClick={() => {
                          revoke.mutate({ unitId: g.unitId, role: g.role });
                        }}
                      >
                        Ta bort rollen
                        <span className="visually-hidden">
                          {' '}
                          {roleLabels[g.role]}, {g.unitName}
                        </span>
                      </Button>
                    </Table.DataCell>
                  )}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
        {pending.length > 0 ? (
          <VStack gap="space-8">
            <Heading level="3" size="small">
              Begärda roller
            </Heading>
            <PendingRequests requests={pending} onChanged={refresh} headingLevel="4" />
          </VStack>
        ) : null}
        {readOnly ? null : <GrantRoleForm user={user} />}
      </VStack>
    </section>
  );
}

function GrantRoleForm({ user }: { user: AdminUser }) {
  const refresh = useRefreshAdmin();
  const units = useUnits();
  const noRole: { role: Role | ''; unitId: string } = { role: '', unitId: '' };
  const form = useContractForm(grantRole, {
    formId,
    initial: noRole,
    unchosen: { role: 'Välj en roll.', unitId: 'Välj en enhet.' },
    send: (body) => call(grantRole, { params: { userId: user.id }, body }),
    onSuccess: () => {
      refresh();
    },
  });

  return (
    <form {...form.formProps} aria-labelledby="ge-roll-rubrik">
      <VStack gap="space-16">
        <Heading level="3" size="small" id="ge-roll-rubrik">
          Begär en roll
        </Heading>
        <BodyLong size="small">
          Rollen ges först när en annan administratör eller enhetschefen för enheten har godkänt
          den. Användaren får besked om det.
        </BodyLong>
        <FormErrorSummary {...form.summaryProps} />
        <ApiErrorAlert error={form.generalError ?? units.error} />
        <HStack gap="space-16" align="end">
          <Select {...form.select('role')} label="Roll">
            <option value="">Välj roll</option>
            {roles.map((r) => (
              <option key={r} value={r}>
                {roleLabels[r]}
              </option>
            ))}
          </Select>
          <Select {...form.select('unitId')} label="Enhet">
            <option value="">Välj enhet</option>
            {units.data?.items.map((unit) => (
              <option key={unit.id} value={unit.id}>
                {unit.name}
              </option>
            ))}
          </Select>
          <Button type="submit" variant="secondary" loading={form.mutation.isPending}>
            Begär rollen
          </Button>
        </HStack>
      </VStack>
    </form>
  );
}
