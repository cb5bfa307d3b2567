import { useState } from 'react';
import { BodyLong, Select, VStack } from '@navikt/ds-react';
import { PageHeading } from '../../components/PageHeading.tsx';
import { UnitLoginUnlock } from '../auth/LoginUnlock.tsx';
import { useActiveSession } from '../auth/session.tsx';
import { AccessLogSearch } from './AccessLogSearch.tsx';
import { EmergencyAccessReview } from './EmergencyAccessReview.tsx';
import { UnitAdminRequests } from './UnitAdminRequests.tsx';

/** Loggkontroll: the unit manager's review of who read what, and of every nödåtkomst. */
export function AccessLogPage() {
  const session = useActiveSession();
  const units = [
    ...new Map(
      session.user.grants
        .filter((g) => g.role === 'unit_manager')
        .map((g) => [g.unitId, g.unitName] as const),
    ),
  ];
  const [unitId, setUnitId] = useState(units[0]?.[0] ?? '');

  return (
    <VStack gap="space-40">
      <div>
        <PageHeading>Loggkontroll</PageHeading>
        <BodyLong>
          Granska vem som har läst och gjort vad i din enhet. Åtkomst till personer med skyddade
          personuppgifter och all nödåtkomst visas först.
        </BodyLong>
      </div>
      {units.length > 1 ? (
        <Select
          label="Enhet"
          value={unitId}
          onChange={(e) => {
            setUnitId(e.target.value);
          }}
        >
          {units.map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </Select>
      ) : null}
      {unitId ? (
        <>
          <EmergencyAccessReview key={`ea-${unitId}`} unitId={unitId} />
          <UnitAdminRequests key={`req-${unitId}`} unitId={unitId} />
          <AccessLogSearch key={`log-${unitId}`} unitId={unitId} />
          <UnitLoginUnlock key={`unlock-${unitId}`} unitId={unitId} ownUserId={session.user.id} />
        </>
      ) : (
        <BodyLong>Du är inte enhetschef för någon enhet.</BodyLong>
      )}
    </VStack>
  );
}
