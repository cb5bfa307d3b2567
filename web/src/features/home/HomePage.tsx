import { BodyLong, Box, LinkCard, VStack } from '@navikt/ds-react';
import { Link } from 'react-router';
import { PageHeading } from '../../components/PageHeading.tsx';
import { areas } from '../../app/Shell.tsx';

export function HomePage() {
  return (
    <VStack gap="space-24">
      <div>
        <PageHeading>Välkommen till Värn</PageHeading>
        <BodyLong>
          Stöd för socialtjänstens arbete mot våld i nära relationer: aktualisering, hot- och
          riskbedömning, utredning, beslut, skydd och uppföljning.
        </BodyLong>
      </div>
      <Box as="ul" className="area-cards">
        {areas.map((area) => (
          <li key={area.path}>
            <LinkCard>
              <LinkCard.Title>
                <LinkCard.Anchor asChild>
                  <Link to={area.path}>{area.label}</Link>
                </LinkCard.Anchor>
              </LinkCard.Title>
            </LinkCard>
          </li>
        ))}
      </Box>
    </VStack>
  );
}
