import { useRef } from 'react';

/**
 * Where focus goes when an inline form closes and takes its buttons with it: back to a heading
 * (or another element with tabIndex -1) of what the form was about, once the page has redrawn,
 * so a keyboard user does not land at the top of the page.
 */
export function useFocusBack<E extends HTMLElement>() {
  const ref = useRef<E>(null);
  const focusBack = () => {
    requestAnimationFrame(() => {
      ref.current?.focus();
    });
  };
  return [ref, focusBack] as const;
}
