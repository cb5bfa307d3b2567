import { Alert, BodyShort } from '@navikt/ds-react';
import { ApiError } from '../api/client.ts';

/**
 * A failed call, in the server's own Swedish words, with the code to quote to support. While
 * Värn cannot be reached the message is calm instead (information, not an error): nothing the
 * person did is wrong, their text is still in the form, and trying again later will do. A failed
 * save is announced at once (role=alert): they pressed a button and wait for the outcome. A read
 * that failed, perhaps in the background while they type, waits its turn (role=status).
 */
export function ApiErrorAlert({ error, size }: { error: unknown; size?: 'small' | 'medium' }) {
  if (!error) return null;
  if (error instanceof ApiError && error.unreachable) {
    return (
      <Alert variant="info" size={size} role={error.change ? 'alert' : 'status'}>
        <BodyShort>{error.message}</BodyShort>
        <BodyShort size="small">Försök igen om en liten stund.</BodyShort>
      </Alert>
    );
  }
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
