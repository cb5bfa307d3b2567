import type { ReactNode } from 'react';
import { BodyLong, Link } from '@navikt/ds-react';
import { Link as RouterLink } from 'react-router';
import { areaByPath } from '../app/areas.ts';
import { useActiveSession } from '../features/auth/session.tsx';
import { PageHeading } from './PageHeading.tsx';

/** A page of an area the user's roles do not open says so, instead of failing on every call. */
export function RequireArea({ path, children }: { path: string; children: ReactNode }) {
  const session = useActiveSession();
  const area = areaByPath(path);
  if (area && !area.allowed(session)) {
    return (
      <div>
        <PageHeading>Du har inte behörighet till sidan</PageHeading>
        <BodyLong spacing>
          Dina roller i Värn ger inte tillgång till {area.label.toLowerCase()}. Kontakta din
          enhetschef om du behöver det i ditt arbete.
        </BodyLong>
        <Link as={RouterLink} to="/">
          Till startsidan
        </Link>
      </div>
    );
  }
  return children;
}
