import { useEffect, useRef } from 'react';
import { Heading } from '@navikt/ds-react';
import { takeHeadingFocusRequest, usePageTitle } from '../app/page.ts';

/**
 * The page's one h1. It takes focus after a navigation (see Shell), so keyboard and screen
 * reader users start reading at the new page rather than at the top of the header.
 */
export function PageHeading({ children }: { children: string }) {
  usePageTitle(children);
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (takeHeadingFocusRequest()) ref.current?.focus();
  }, []);
  return (
    <Heading ref={ref} level="1" size="large" spacing tabIndex={-1} data-page-heading>
      {children}
    </Heading>
  );
}
