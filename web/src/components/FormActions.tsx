import { Button, HStack } from '@navikt/ds-react';

/** A form's submit, and the way out of it without saving. */
export function FormActions({
  submit,
  pending,
  onCancel,
}: {
  submit: string;
  pending: boolean;
  onCancel: () => void;
}) {
  return (
    <HStack gap="space-12">
      <Button type="submit" loading={pending}>
        {submit}
      </Button>
      {/* Called without the click: a close that takes a message gets none. */}
      <Button
        type="button"
        variant="tertiary"
        onClick={() => {
          onCancel();
        }}
      >
        Avbryt
      </Button>
    </HStack>
  );
}
