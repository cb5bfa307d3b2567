import { BodyLong, Button, Heading, Tag, VStack } from '@navikt/ds-react';
import { useMutation } from '@tanstack/react-query';
import { setUserStatus } from '../../../../core/contracts/admin.ts';
import type { AdminUser } from '../../../../core/contracts/admin.ts';
import { call } from '../../api/client.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { useStoreUser } from './useAdmin.ts';

export function UserStatus({ user, readOnly }: { user: AdminUser; readOnly: boolean }) {
  const storeUser = useStoreUser();
  const change = useMutation({
    mutationFn: (disabled: boolean) =>
      call(setUserStatus, {
        params: { userId: user.id },
        body: { disabled, version: user.version },
      }),
    onSuccess: storeUser,
  });

  return (
    <section aria-labelledby="status-rubrik">
      <VStack gap="space-12" align="start">
        <Heading level="2" size="medium" id="status-rubrik">
          Status
        </Heading>
        {user.disabled ? (
          <Tag variant="moderate" data-color="neutral">
            Avstängd
          </Tag>
        ) : (
          <Tag variant="moderate" data-color="success">
            Aktiv
          </Tag>
        )}
        <BodyLong size="small">
          {user.disabled
            ? 'En avstängd användare kan inte logga in. Allt användaren har gjort finns kvar.'
            : 'Stäng av en användare som slutat eller inte längre ska ha tillgång. Pågående inloggningar avslutas.'}
        </BodyLong>
        <ApiErrorAlert error={change.error} />
        {readOnly ? null : (
          <Button
            variant={user.disabled ? 'secondary' : 'danger'}
            size="small"
            loading={change.isPending}
            onClick={() => {
              change.mutate(!user.disabled);
            }}
          >
            {user.disabled ? 'Aktivera användaren' : 'Stäng av användaren'}
          </Button>
        )}
      </VStack>
    </section>
  );
}
