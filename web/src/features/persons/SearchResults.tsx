import { Alert, BodyLong, Button, VStack } from '@navikt/ds-react';
import type { PersonSummary } from '../../../../core/contracts/persons.ts';
import { PersonCell } from '../../components/PersonCell.tsx';

export function SearchResults({
  results,
  truncated,
  canRequestEmergencyAccess,
  onEmergencyAccess,
}: {
  results: readonly PersonSummary[];
  truncated: boolean;
  canRequestEmergencyAccess: boolean;
  onEmergencyAccess: () => void;
}) {
  if (results.length === 0) {
    return (
      <VStack gap="space-16">
        <div role="status">
          <BodyLong spacing>Ingen person hittades.</BodyLong>
          <BodyLong>
            Du ser bara personer som du har en arbetsrelation till: ett ärende som du handlägger,
            ett ärende i din enhets inkorg eller, för enhetschefen, ärenden i enheten. Personen kan
            finnas i Värn ändå.
          </BodyLong>
        </div>
        {canRequestEmergencyAccess ? (
          <VStack gap="space-8" align="start">
            <BodyLong>
              Måste du se personakten nu, till exempel för att skydda någon i en akut situation, kan
              du begära nödåtkomst. Den loggas och granskas av din enhetschef.
            </BodyLong>
            <Button variant="secondary" onClick={onEmergencyAccess}>
              Nödåtkomst
            </Button>
          </VStack>
        ) : null}
      </VStack>
    );
  }
  return (
    <VStack gap="space-16">
      <BodyLong role="status">
        {results.length === 1 ? 'En person hittades.' : `${results.length} personer hittades.`}
      </BodyLong>
      {truncated ? (
        <Alert variant="info" size="small">
          Fler personer matchade än som visas. Skriv mer av namnet eller sök med personnummer.
        </Alert>
      ) : null}
      <ul className="plain-list">
        {results.map((person) => (
          <li key={person.id}>
            <PersonCell person={person} />
          </li>
        ))}
      </ul>
    </VStack>
  );
}
