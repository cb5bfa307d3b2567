import { useState } from 'react';
import { BodyLong, Button, Heading, HStack, VStack } from '@navikt/ds-react';
import { useMutation } from '@tanstack/react-query';
import { resetLogin } from '../../../../core/contracts/admin.ts';
import type { AdminRequest, AdminUser } from '../../../../core/contracts/admin.ts';
import { call } from '../../api/client.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { PendingRequests } from './AdminRequests.tsx';
import { useRefreshAdmin } from './useAdmin.ts';

/**
 * For a forgotten password or a lost phone: asks for a new one-time password (engångskoder
 * registered again, every open login ended). A second person approves and hands it over; the
 * one who asked never sees it. Asks once more before filing the request.
 */
export function UserLoginReset({
  user,
  requests,
}: {
  user: AdminUser;
  requests: readonly AdminRequest[];
}) {
  const refresh = useRefreshAdmin();
  const [confirming, setConfirming] = useState(false);
  const pending = requests.filter((r) => r.kind === 'login_reset' && r.status === 'pending');
  const reset = useMutation({
    mutationFn: () =>
      call(resetLogin, { params: { userId: user.id }, body: { version: user.version } }),
    onSuccess: () => {
      setConfirming(false);
      refresh();
    },
  });

  return (
    <section aria-labelledby="inloggning-rubrik">
      <VStack gap="space-12" align="start">
        <Heading level="2" size="medium" id="inloggning-rubrik">
          Inloggning
        </Heading>
        <BodyLong size="small">
          Har användaren glömt lösenordet eller tappat telefonen med engångskoderna? Begär ett nytt
          engångslösenord. En annan administratör eller enhetschefen godkänner och lämnar det
          personligen till användaren, som sedan registrerar engångskoder på nytt. Pågående
          inloggningar avslutas först när begäran godkänns.
        </BodyLong>
        <ApiErrorAlert error={reset.error} />
        {/* Always mounted: the one-time password an approval just issued stays on screen. */}
        <PendingRequests requests={pending} onChanged={refresh} hideWhenEmpty />
        {pending.length > 0 ? null : confirming ? (
          <VStack gap="space-8" align="start">
            <BodyLong weight="semibold">
              Begära ett nytt engångslösenord för {user.displayName}? När begäran godkänns loggas
              användaren ut direkt.
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
                Ja, begär nytt engångslösenord
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
