import { useEffect, useRef } from 'react';

/** Focus the form's heading when it opens, so keyboard and screen reader users land in it. */
export function useFocusOnOpen() {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}
