import { lazy, Suspense } from 'react';
import { BodyLong, Box, LinkCard, VStack } from '@navikt/ds-react';
import { Link } from 'react-router';
import { areas } from '../../app/areas.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useActiveSession } from '../auth/session.tsx';
import { AccountNotices } from '../notices/AccountNotices.tsx';

// The user's open action items from samråd, loaded after the start page itself.
const MyMeetingActions = lazy(() =>
  import('../coordination-meetings/MyMeetingActions.tsx').then((m) => ({
    default: m.MyMeetingActions,
  })),
);

export function HomePage() {
  const session = useActiveSession();
  const mine = areas.filter((area) => area.allowed(session));

  return (
    <VStack gap="space-24">
      <div>
        <PageHeading>Välkommen till Värn</PageHeading>
        <BodyLong>
          Stöd för socialtjänstens arbete mot våld i nära relationer: aktualisering, hot- och
          riskbedömning, utredning, beslut, skydd och uppföljning.
        </BodyLong>
      </div>
      <AccountNotices />
      {mine.some((area) => area.path === '/samrad') ? (
        <Suspense fallback={null}>
          <MyMeetingActions />
        </Suspense>
      ) : null}
      {mine.length > 0 ? (
        <Box as="ul" className="area-cards">
          {mine.map((area) => (
            <li key={area.path}>
              <LinkCard>
                <LinkCard.Title>
                  <LinkCard.Anchor asChild>
                    <Link to={area.path}>{area.label}</Link>
                  </LinkCard.Anchor>
                </LinkCard.Title>
                <LinkCard.Description>{area.description}</LinkCard.Description>
              </LinkCard>
            </li>
          ))}
        </Box>
      ) : null}
      {mine.length === 0 ? (
        <BodyLong>
          Dina roller ger ännu inte tillgång till någon del av Värn. Kontakta din enhetschef eller
          administratören om du behöver det i ditt arbete.
        </BodyLong>
      ) : null}
    </VStack>
  );
}
