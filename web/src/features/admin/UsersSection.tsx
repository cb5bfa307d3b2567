import {
  Alert,
  BodyLong,
  BodyShort,
  Button,
  Heading,
  HStack,
  Link,
  Table,
  Tag,
  TextField,
  VStack,
} from '@navikt/ds-react';
import { Link as RouterLink } from 'react-router';
import { createUser } from '../../../../core/contracts/admin.ts';
import type { AdminRequest, AdminUser } from '../../../../core/contracts/admin.ts';
import { call } from '../../api/client.ts';
import { roleLabels, secondFactorLabels } from '../../app/labels.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useContractForm } from '../../components/useContractForm.ts';
import { PendingTag } from './AdminRequests.tsx';
import { useAdminRequests, useRefreshAdmin, useStoreUser, useUsers } from './useAdmin.ts';

const formId = 'ny-anvandare';

export function UsersSection() {
  const users = useUsers();
  const requests = useAdminRequests();
  return (
    <section aria-labelledby="anvandare-rubrik">
      <VStack gap="space-16">
        <Heading level="2" size="medium" id="anvandare-rubrik">
          Användare
        </Heading>
        {users.isPending ? <Loading label="Hämtar användare…" /> : null}
        <ApiErrorAlert error={users.error} />
        {users.data ? (
          <UsersTable users={users.data.items} requests={requests.data?.items ?? []} />
        ) : null}
        <NewUserForm />
      </VStack>
    </section>
  );
}

function UsersTable({
  users,
  requests,
}: {
  users: readonly AdminUser[];
  requests: readonly AdminRequest[];
}) {
  const waiting = new Set(
    requests.filter((r) => r.status === 'pending').map((r) => r.targetUser.id),
  );
  return (
    <div className="table-scroll">
      <Table aria-labelledby="anvandare-rubrik">
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell scope="col">Namn</Table.HeaderCell>
            <Table.HeaderCell scope="col">Användarnamn</Table.HeaderCell>
            <Table.HeaderCell scope="col">Roller</Table.HeaderCell>
            <Table.HeaderCell scope="col">Engångskoder</Table.HeaderCell>
            <Table.HeaderCell scope="col">Status</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {users.map((user) => (
            <Table.Row key={user.id}>
              <Table.DataCell>
                <Link as={RouterLink} to={`/administration/anvandare/${user.id}`}>
                  {user.displayName}
                </Link>
              </Table.DataCell>
              <Table.DataCell>{user.username}</Table.DataCell>
              <Table.DataCell>
                {user.grants.length === 0 ? (
                  <BodyShort size="small" textColor="subtle">
                    Inga roller
                  </BodyShort>
                ) : (
                  <ul className="compact-list">
                    {user.grants.map((g) => (
                      <li key={`${g.unitId}-${g.role}`}>
                        {roleLabels[g.role]}, {g.unitName}
                      </li>
                    ))}
                  </ul>
                )}
              </Table.DataCell>
              <Table.DataCell>{secondFactorLabels[user.secondFactor]}</Table.DataCell>
              <Table.DataCell>
                {waiting.has(user.id) ? <PendingTag /> : null}{' '}
                {user.disabled ? (
                  <Tag variant="moderate" data-color="neutral" size="small">
                    Avstängd
                  </Tag>
                ) : (
                  <Tag variant="moderate" data-color="success" size="small">
                    Aktiv
                  </Tag>
                )}
              </Table.DataCell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}

function NewUserForm() {
  const storeUser = useStoreUser();
  const refresh = useRefreshAdmin();
  const form = useContractForm(createUser, {
    formId,
    // The name is asked first, as on the screen.
    initial: { displayName: '', username: '' },
    send: (body) => call(createUser, { body }),
    clearOnSuccess: true,
    onSuccess: (result) => {
      storeUser(result.user);
      refresh();
    },
  });
  const created = form.mutation.data;

  return (
    <VStack gap="space-16">
      <form {...form.formProps} aria-labelledby="ny-anvandare-rubrik">
        <VStack gap="space-16">
          <Heading level="3" size="small" id="ny-anvandare-rubrik">
            Ny användare
          </Heading>
          <FormErrorSummary {...form.summaryProps} />
          <ApiErrorAlert error={form.generalError} />
          <HStack gap="space-16" align="end">
            <TextField {...form.text('displayName')} label="Namn" autoComplete="off" />
            <TextField
              {...form.text('username')}
              label="Användarnamn"
              description="a–z, siffror, punkt, bindestreck"
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
            />
            <Button type="submit" variant="secondary" loading={form.mutation.isPending}>
              Skapa användare
            </Button>
          </HStack>
        </VStack>
      </form>
      {created ? (
        <Alert variant="success" role="status" key={created.user.id}>
          <VStack gap="space-8" align="start">
            <BodyLong>
              {created.user.displayName} är skapad, utan roller och utan inloggning. Det första
              engångslösenordet väntar på godkännande av en annan administratör, som lämnar det
              personligen till {created.user.displayName}. Du ser det aldrig själv.
            </BodyLong>
            <Link as={RouterLink} to={`/administration/anvandare/${created.user.id}`}>
              Begär roller för {created.user.displayName}
            </Link>
          </VStack>
        </Alert>
      ) : null}
    </VStack>
  );
}
