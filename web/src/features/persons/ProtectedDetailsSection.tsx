import { useState } from 'react';
import { BodyLong, Button, Heading, VStack } from '@navikt/ds-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getProtectedDetails } from '../../../../core/contracts/persons.ts';
import type { ProtectedDetails } from '../../../../core/contracts/persons.ts';
import { call } from '../../api/client.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { withChannel } from './ContactChannelForms.tsx';
import { PersonDetails } from './PersonDetails.tsx';

/**
 * A protected person's contact channels and whereabouts: fetched only when the handläggare asks,
 * never automatically, because every read is logged and reviewed.
 */
export function ProtectedDetailsSection({
  personId,
  canRead,
  canEdit,
}: {
  personId: string;
  canRead: boolean;
  /** May add channels and mark them safe or unsafe (the assigned handläggare). */
  canEdit: boolean;
}) {
  const [shown, setShown] = useState(false);
  const queryClient = useQueryClient();
  const queryKey = ['person', personId, 'protected-details'];
  const details = useQuery({
    queryKey,
    queryFn: () => call(getProtectedDetails, { params: { personId } }),
    enabled: shown,
    retry: false,
    staleTime: Infinity,
    gcTime: 0,
  });

  return (
    <section aria-labelledby="skyddade-uppgifter-rubrik">
      <VStack gap="space-16" align="start">
        <Heading level="2" size="medium" id="skyddade-uppgifter-rubrik">
          Skyddade uppgifter
        </Heading>
        {!shown ? (
          <BodyLong>
            {canRead
              ? 'Kontaktuppgifter, vistelseort och skola visas bara när du ber om dem. Varje visning loggas.'
              : 'Kontaktuppgifter, vistelseort och skola visas bara för den handläggare som har ett ärende för personen.'}
          </BodyLong>
        ) : null}
        {canRead && !shown ? (
          <Button
            variant="secondary"
            onClick={() => {
              setShown(true);
            }}
          >
            Visa skyddade uppgifter
          </Button>
        ) : null}
        {shown && details.isPending ? <Loading label="Hämtar skyddade uppgifter…" /> : null}
        <ApiErrorAlert error={details.error} />
        {shown && details.data ? (
          <VStack gap="space-16" align="start">
            <PersonDetails
              details={details.data}
              headingLevel="3"
              editing={
                canEdit
                  ? {
                      personId,
                      // The answer is what is stored: no need for another logged read.
                      onSaved: (channel) => {
                        queryClient.setQueryData<ProtectedDetails>(queryKey, (old) =>
                          old ? withChannel(old, channel) : old,
                        );
                      },
                      onConflict: () => {
                        void queryClient.invalidateQueries({ queryKey });
                      },
                    }
                  : undefined
              }
            />
            <Button
              variant="tertiary"
              onClick={() => {
                setShown(false);
                queryClient.removeQueries({ queryKey });
              }}
            >
              Dölj skyddade uppgifter
            </Button>
          </VStack>
        ) : null}
      </VStack>
    </section>
  );
}
