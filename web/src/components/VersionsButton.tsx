import { Button } from '@navikt/ds-react';

/**
 * Shows or hides every version of a record corrected since it was written (a journal entry, an
 * uppföljning): the original stays readable after a correction.
 */
export function VersionsButton({
  shown,
  onToggle,
  controls,
  count,
}: {
  shown: boolean;
  onToggle: () => void;
  /** The id of the element that holds the versions. */
  controls: string;
  count: number;
}) {
  return (
    <Button
      size="small"
      variant="tertiary"
      aria-expanded={shown}
      aria-controls={controls}
      onClick={onToggle}
    >
      {shown ? 'Dölj versionerna' : `Visa alla ${count} versioner`}
    </Button>
  );
}
