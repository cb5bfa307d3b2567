import { BodyLong, VStack } from '@navikt/ds-react';
import { PageHeading } from '../../components/PageHeading.tsx';
import { DelegationSection } from './DelegationSection.tsx';
import { HandoverSection } from './HandoverSection.tsx';
import { InstrumentsSection } from './InstrumentsSection.tsx';
import { LegalCataloguesSection } from './LegalCataloguesSection.tsx';
import { ProvidersSection } from './ProvidersSection.tsx';
import { RequestsSection } from './RequestsSection.tsx';
import { UnitsSection } from './UnitsSection.tsx';
import { UsersSection } from './UsersSection.tsx';

/** Units, users and their roles. Nothing here shows any case content. */
export function AdminPage() {
  return (
    <VStack gap="space-40">
      <div>
        <PageHeading>Administration</PageHeading>
        <BodyLong>
          Enheter, användare och deras roller, delegationen, lagrumskatalogerna och
          bedömningsinstrumenten. Som administratör ser du inga personer eller ärenden.
        </BodyLong>
      </div>
      <RequestsSection />
      <UsersSection />
      <UnitsSection />
      <DelegationSection />
      <HandoverSection />
      <ProvidersSection />
      <LegalCataloguesSection />
      <InstrumentsSection />
    </VStack>
  );
}
