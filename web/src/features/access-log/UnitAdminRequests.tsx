import { BodyLong, Heading, VStack } from '@navikt/ds-react';
import { useQuery } from '@tanstack/react-query';
import { listUnitAdminRequests } from '../../../../core/contracts/admin.ts';
import { call } from '../../api/client.ts';
import { RequestsOverview } from '../admin/RequestsSection.tsx';

/**
 * For the unit manager: roles in the unit and new logins for its staff that an administrator
 * has asked for. The manager is a second person who may approve or reject them.
 */
export function UnitAdminRequests({ unitId }: { unitId: string }) {
  const requests = useQuery({
    queryKey: ['unit-admin-requests', unitId],
    queryFn: () => call(listUnitAdminRequests, { params: { unitId } }),
  });
  return (
    <section aria-labelledby="enhet-begaranden-rubrik">
      <VStack gap="space-16">
        <Heading level="2" size="medium" id="enhet-begaranden-rubrik">
          Behörigheter som väntar på godkännande
        </Heading>
        <BodyLong>
          En administratör har begärt roller i enheten eller nya engångslösenord för enhetens
          personal. Godkänn bara det du vet att enheten har beställt; det syns i loggen.
        </BodyLong>
        <RequestsOverview
          requests={requests.data?.items}
          isPending={requests.isPending}
          error={requests.error}
          onChanged={() => {
            void requests.refetch();
          }}
          headingId="enhet-begaranden"
        />
      </VStack>
    </section>
  );
}
