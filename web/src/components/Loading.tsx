import { HStack, Loader } from '@navikt/ds-react';

/** A calm loading state that a screen reader announces. */
export function Loading({ label = 'Hämtar uppgifter…' }: { label?: string }) {
  return (
    <HStack gap="space-8" align="center" role="status">
      <Loader size="medium" title={label} />
      <span>{label}</span>
    </HStack>
  );
}
