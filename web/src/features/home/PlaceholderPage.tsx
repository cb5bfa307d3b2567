import { BodyLong } from '@navikt/ds-react';
import { PageHeading } from '../../components/PageHeading.tsx';

/** An area whose feature has not been built yet: it says so plainly rather than pretending. */
export function PlaceholderPage({ title, description }: { title: string; description: string }) {
  return (
    <div>
      <PageHeading>{title}</PageHeading>
      <BodyLong>{description}</BodyLong>
    </div>
  );
}
