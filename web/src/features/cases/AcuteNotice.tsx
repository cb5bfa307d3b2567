import { Alert, BodyLong } from '@navikt/ds-react';

/** Said in words, not only in colour: the case goes first, and protection is offered now. */
export function AcuteNotice() {
  return (
    <Alert variant="warning" size="small">
      <BodyLong weight="semibold" spacing>
        Akut skyddsbehov: ärendet går först i kön.
      </BodyLong>
      <BodyLong>
        Ärendet hamnar först i enhetens inkorg. Erbjud akut skydd redan nu, till exempel skyddat
        boende, och gör en säkerhetsplanering med personen.
      </BodyLong>
    </Alert>
  );
}
