import { Alert, BodyShort } from '@navikt/ds-react';
import { ApiError } from '../api/client.ts';

/** A failed call, in the server's own Swedish words, with the code to quote to support. */
export function ApiErrorAlert({ error, size }: { error: unknown; size?: 'small' | 'medium' }) {
  if (!error) return null;
  const message =
    error instanceof ApiError ? error.message : 'Något gick fel. Ladda om sidan och försök igen.';
  const correlationId = error instanceof ApiError ? error.correlationId : undefined;
  return (
    <Alert variant="error" size={size} role="alert">
      <BodyShort>{message}</BodyShort>
      {correlationId && error instanceof ApiError && error.code === 'INTERNAL' ? (
        <BodyShort size="small">Felkod: {correlationId}</BodyShort>
      ) : null}
    </Alert>
  );
}
