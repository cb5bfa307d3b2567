import { Alert, BodyLong, Heading } from '@navikt/ds-react';
import type { ProtectionLevel } from '../../../../core/domain/protection.ts';
import { protectionLabels } from '../../app/labels.ts';

const guidance: Record<Exclude<ProtectionLevel, 'none'>, string> = {
  confidentiality_marking:
    'Pröva sekretessen noga innan någon uppgift om personen lämnas ut, även till andra myndigheter.',
  protected_registration:
    'Kontrollera att inga handlingar, kallelser eller beslut avslöjar var personen bor eller hur hen nås.',
  fictitious_identity:
    'Personen lever med andra identitetsuppgifter än sina verkliga. Den verkliga identiteten får aldrig lämnas ut eller kopplas ihop med de fingerade.',
};

/** Impossible to miss: shown at the top of the personakt whenever the person is protected. */
export function ProtectionBanner({ level }: { level: ProtectionLevel }) {
  if (level === 'none') return null;
  return (
    <Alert variant="error" className="protection-banner">
      <Heading level="2" size="small" spacing>
        {protectionLabels[level]} – lämna aldrig ut adress eller kontaktuppgifter
      </Heading>
      <BodyLong>{guidance[level]}</BodyLong>
    </Alert>
  );
}
