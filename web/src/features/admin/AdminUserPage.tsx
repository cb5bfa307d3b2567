import { BodyLong, BodyShort, Link, VStack } from '@navikt/ds-react';
import { Link as RouterLink, useParams } from 'react-router';
import { secondFactorLabels } from '../../app/labels.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { UserLoginUnlock } from '../auth/LoginUnlock.tsx';
import { useActiveSession } from '../auth/session.tsx';
import { UserLoginReset } from './UserLoginReset.tsx';
import { UserRoles } from './UserRoles.tsx';
import { UserStatus } from './UserStatus.tsx';
import { useAdminRequests, useUsers } from './useAdmin.ts';

export function AdminUserPage() {
  const { userId = '' } = useParams();
  const session = useActiveSession();
  // There is no endpoint for one user: the list holds them all, without any case content.
  const users = useUsers();
  const allRequests = useAdminRequests();
  const requests = (allRequests.data?.items ?? []).filter((r) => r.targetUser.id === userId);
  const user = users.data?.items.find((u) => u.id === userId);
  const self = userId === session.user.id;

  const back = (
    <Link as={RouterLink} to="/administration">
      Tillbaka till administrationen
    </Link>
  );

  if (users.isPending) {
    return (
      <div>
        <PageHeading>Användare</PageHeading>
        <Loading label="Hämtar användaren…" />
      </div>
    );
  }
  if (!user) {
    return (
      <VStack gap="space-16">
        <PageHeading>Användaren finns inte</PageHeading>
        <ApiErrorAlert error={users.error} />
        {back}
      </VStack>
    );
  }
  return (
    <VStack gap="space-32">
      <VStack gap="space-8">
        {back}
        <PageHeading>{user.displayName}</PageHeading>
        <BodyShort>Användarnamn: {user.username}</BodyShort>
        <BodyShort>Engångskoder: {secondFactorLabels[user.secondFactor]}</BodyShort>
      </VStack>
      {self ? (
        <BodyLong>
          Det här är ditt eget konto. Ingen ändrar sina egna roller, sin egen status eller sin egen
          inloggning; be en annan administratör om det behövs.
        </BodyLong>
      ) : null}
      <UserStatus user={user} readOnly={self} />
      {self ? null : <UserLoginReset user={user} requests={requests} />}
      {self ? null : <UserLoginUnlock userId={user.id} name={user.displayName} />}
      <UserRoles user={user} readOnly={self} requests={requests} />
    </VStack>
  );
}
