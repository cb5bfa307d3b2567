import { useEffect, useRef } from 'react';
import { Button, VStack } from '@navikt/ds-react';
import { ApiError } from '../api/client.ts';
import { ApiErrorAlert } from './ApiErrorAlert.tsx';

export const isVersionConflict = (error: unknown) =>
  error instanceof ApiError && error.code === 'VERSION_CONFLICT';

/**
 * A change the server refused, in its own words. When someone else changed the same thing first
 * (409), it offers to load what is stored now, so the next attempt starts from there.
 */
export function ChangeErrorAlert({
  error,
  onReload,
  size,
}: {
  error: unknown;
  onReload: () => void;
  size?: 'small' | 'medium';
}) {
  if (!error) return null;
  return (
    <VStack gap="space-8" align="start">
      <ApiErrorAlert error={error} size={size} />
      {isVersionConflict(error) ? (
        <Button type="button" size="small" variant="secondary" onClick={onReload}>
          Ladda om
        </Button>
      ) : null}
    </VStack>
  );
}

/**
 * Runs `onConflict` once for each version conflict a save answers: the forms that keep the
 * writer's text as her draft and show the saved text beside it, rather than offer a reload.
 */
export function VersionConflictEffect({
  error,
  onConflict,
}: {
  error: unknown;
  onConflict: () => void;
}) {
  const handled = useRef<unknown>(null);
  useEffect(() => {
    if (isVersionConflict(error) && handled.current !== error) {
      handled.current = error;
      onConflict();
    }
  });
  return null;
}
