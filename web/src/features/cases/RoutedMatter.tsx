import { Alert, BodyLong, Link, VStack } from '@navikt/ds-react';
import { Link as RouterLink } from 'react-router';
import { PageHeading } from '../../components/PageHeading.tsx';

/**
 * A matter about a person who already has a file here — an aktualisering, or a case moved here
 * from another municipality — went to the unit responsible for that file. Nothing of the file is
 * shown (for a protected person not even which unit), and the reader gets no access to it.
 */
export function RoutedMatter({
  unitName,
  matter,
}: {
  unitName: string | null;
  /** What went: "Aktualiseringen", "Överflyttningen". */
  matter: 'Aktualiseringen' | 'Överflyttningen';
}) {
  return (
    <VStack gap="space-16" align="start">
      <PageHeading>{`${matter} är skickad vidare`}</PageHeading>
      <Alert variant="info">
        <BodyLong spacing>
          Personen har redan en personakt.{' '}
          {unitName
            ? `${matter} har skickats till ${unitName}, som ansvarar för akten.`
            : `${matter} har skickats till den enhet som ansvarar för akten.`}{' '}
          Enheten och dess chef ser den i enhetens inkorg.
        </BodyLong>
        <BodyLong>
          Du har inte fått tillgång till personens akt. Behöver du den i ditt arbete, kontakta
          ansvarig enhet eller din chef.
        </BodyLong>
      </Alert>
      <Link as={RouterLink} to="/">
        Till startsidan
      </Link>
    </VStack>
  );
}
