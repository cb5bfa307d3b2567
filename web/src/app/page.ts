import { useEffect } from 'react';

/** Every page has its own title (WCAG 2.4.2), read first by a screen reader after navigation. */
export function usePageTitle(title: string) {
  useEffect(() => {
    document.title = `${title} – Värn`;
  }, [title]);
}

/**
 * After a navigation or a login step, focus goes to the new page's heading (WCAG 2.4.3). A page
 * loaded on first use has no heading yet when the navigation happens: the request waits, and
 * the heading takes it when it mounts (components/PageHeading.tsx).
 */
let headingFocusRequested = false;

export function requestHeadingFocus() {
  const heading = document.querySelector<HTMLElement>('[data-page-heading]');
  if (heading) {
    heading.focus();
    headingFocusRequested = false;
  } else {
    headingFocusRequested = true;
  }
}

/** Whether a heading mounting now should take the focus; answers yes once per request. */
export function takeHeadingFocusRequest(): boolean {
  const requested = headingFocusRequested;
  headingFocusRequested = false;
  return requested;
}
