import { BodyLong, Link } from '@navikt/ds-react';
import { Link as RouterLink } from 'react-router';
import { PageHeading } from '../../components/PageHeading.tsx';

export function NotFoundPage() {
  return (
    <div>
      <PageHeading>Sidan finns inte</PageHeading>
      <BodyLong spacing>
        Adressen leder inte till någon sida i Värn, eller så har du inte behörighet till den.
      </BodyLong>
      <Link as={RouterLink} to="/">
        Till startsidan
      </Link>
    </div>
  );
}
