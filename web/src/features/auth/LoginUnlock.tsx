import { useState } from 'react';
import { Alert, BodyLong, Button, Heading, Select, VStack } from '@navikt/ds-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { listUnitMembers } from '../../../../core/contracts/access-log.ts';
import { unlockLogin } from '../../../../core/contracts/auth.ts';
import { call } from '../../api/client.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';

function UnlockButton({ userId, name }: { userId: string; name: string }) {
  const unlock = useMutation({
    mutationFn: () => call(unlockLogin, { params: { userId } }),
  });
  return (
    <VStack gap="space-8" align="start">
      <ApiErrorAlert error={unlock.error} />
      {unlock.data ? (
        <Alert variant="success" size="small" role="status">
          {unlock.data.clearedFailures > 0
            ? `Spärren är hävd. ${name} kan logga in igen med sitt lösenord och sina engångskoder.`
            : `${name} var inte spärrad. Inget har ändrats.`}
        </Alert>
      ) : null}
      <Button
        variant="secondary"
        size="small"
        loading={unlock.isPending}
        onClick={() => {
          unlock.mutate();
        }}
      >
        Häv spärren för {name}
      </Button>
    </VStack>
  );
}

const explanation =
  'Efter för många misslyckade inloggningsförsök spärras inloggningen i 15 minuter. Har användaren bett om hjälp kan du häva spärren; lösenordet och engångskoderna är desamma som förut.';

/** For an administrator on a user's page: lift that user's login lock. */
export function UserLoginUnlock({ userId, name }: { userId: string; name: string }) {
  return (
    <section aria-labelledby="sparr-rubrik">
      <VStack gap="space-12" align="start">
        <Heading level="2" size="medium" id="sparr-rubrik">
          Spärrad inloggning
        </Heading>
        <BodyLong size="small">{explanation}</BodyLong>
        <UnlockButton key={userId} userId={userId} name={name} />
      </VStack>
    </section>
  );
}

/** For the unit's manager in loggkontroll: lift the login lock of someone in the unit. */
export function UnitLoginUnlock({ unitId, ownUserId }: { unitId: string; ownUserId: string }) {
  const members = useQuery({
    queryKey: ['unit-members', unitId],
    queryFn: () => call(listUnitMembers, { params: { unitId } }),
  });
  const others = (members.data?.items ?? []).filter((m) => m.id !== ownUserId);
  const [userId, setUserId] = useState('');
  const chosen = others.find((m) => m.id === userId);
  return (
    <section aria-labelledby="enhet-sparr-rubrik">
      <VStack gap="space-12" align="start">
        <Heading level="2" size="medium" id="enhet-sparr-rubrik">
          Spärrad inloggning
        </Heading>
        <BodyLong size="small">{explanation}</BodyLong>
        <ApiErrorAlert error={members.error} />
        <Select
          label="Vems spärr ska hävas?"
          value={userId}
          onChange={(e) => {
            setUserId(e.target.value);
          }}
        >
          <option value="">Välj medarbetare</option>
          {others.map((m) => (
            <option key={m.id} value={m.id}>
              {m.displayName}
            </option>
          ))}
        </Select>
        {chosen ? (
          <UnlockButton key={chosen.id} userId={chosen.id} name={chosen.displayName} />
        ) : null}
      </VStack>
    </section>
  );
}
