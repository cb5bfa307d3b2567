import { Heading } from '@navikt/ds-react';
import { usePageTitle } from '../app/page.ts';

/**
 * The page's one h1. It takes focus after a navigation (see Shell), so keyboard and screen
 * reader users start reading at the new page rather than at the top of the header.
 */
export function PageHeading({ children }: { children: string }) {
  usePageTitle(children);
  return (
    <Heading level="1" size="large" spacing tabIndex={-1} data-page-heading>
      {children}
    </Heading>
  );
}
