import { useState } from 'react';
import { BodyLong, Button, Heading, HStack, VStack } from '@navikt/ds-react';
import { useMutation } from '@tanstack/react-query';
import { resetLogin } from '../../../../core/contracts/admin.ts';
import type { AdminUser } from '../../../../core/contracts/admin.ts';
import { call } from '../../api/client.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { InitialPassword } from './InitialPassword.tsx';
import { useStoreUser } from './useAdmin.ts';

/**
 * For a forgotten password or a lost phone: a new one-time password, engångskoder registered
 * again, every open login ended. Asks once more before it acts, since the user is logged out.
 */
export function UserLoginReset({ user }: { user: AdminUser }) {
  const storeUser = useStoreUser();
  const [confirming, setConfirming] = useState(false);
  const reset = useMutation({
    mutationFn: () =>
      call(resetLogin, { params: { userId: user.id }, body: { version: user.version } }),
    onSuccess: (result) => {
      setConfirming(false);
      storeUser(result.user);
    },
  });

  return (
    <section aria-labelledby="inloggning-rubrik">
      <VStack gap="space-12" align="start">
        <Heading level="2" size="medium" id="inloggning-rubrik">
          Inloggning
        </Heading>
        <BodyLong size="small">
          Har användaren glömt lösenordet eller tappat telefonen med engångskoderna? Återställ
          inloggningen: användaren får ett nytt tillfälligt lösenord och registrerar engångskoder på
          nytt. Pågående inloggningar avslutas.
        </BodyLong>
        <ApiErrorAlert error={reset.error} />
        {reset.data ? (
          <InitialPassword
            user={reset.data.user}
            password={reset.data.initialPassword}
            when="Vid nästa inloggning"
          />
        ) : confirming ? (
          <VStack gap="space-8" align="start">
            <BodyLong weight="semibold">
              Återställa inloggningen för {user.displayName}? Användaren loggas ut direkt.
            </BodyLong>
            <HStack gap="space-8">
              <Button
                variant="danger"
                size="small"
                loading={reset.isPending}
                onClick={() => {
                  reset.mutate();
                }}
              >
                Ja, återställ inloggningen
              </Button>
              <Button
                variant="tertiary"
                size="small"
                onClick={() => {
                  setConfirming(false);
                }}
              >
                Avbryt
              </Button>
            </HStack>
          </VStack>
        ) : (
          <Button
            variant="secondary"
            size="small"
            onClick={() => {
              setConfirming(true);
            }}
          >
            Återställ inloggningen
          </Button>
        )}
      </VStack>
    </section>
  );
}
