import { BodyShort, HStack, Link, VStack } from '@navikt/ds-react';
import { Link as RouterLink } from 'react-router';
import type { ListedPerson, MaskedPerson } from '../../../core/contracts/persons.ts';
import { identityKindLabels } from '../app/labels.ts';
import { ProtectionTag } from './ProtectionTag.tsx';

/** The words a list shows for a person the reader may not see. */
export const MASKED_PERSON = 'Skyddad person';

export const personName = (p: { givenName: string; familyName: string } | MaskedPerson) =>
  'masked' in p ? MASKED_PERSON : `${p.givenName} ${p.familyName}`;

/**
 * A person in a list: name as a link to the personakt, identity number, protection — or, for a
 * person the reader may not see, only that someone is there.
 */
export function PersonCell({ person }: { person: ListedPerson }) {
  if ('masked' in person) {
    return (
      <VStack gap="space-2">
        <BodyShort>{MASKED_PERSON}</BodyShort>
        <BodyShort size="small" textColor="subtle">
          Du har inte tillgång till personens akt.
        </BodyShort>
      </VStack>
    );
  }
  return (
    <VStack gap="space-2">
      <HStack gap="space-8" align="center">
        <Link as={RouterLink} to={`/personer/${person.id}`}>
          {personName(person)}
        </Link>
        <ProtectionTag level={person.protectionLevel} />
      </HStack>
      <BodyShort size="small" textColor="subtle">
        {person.identity
          ? `${identityKindLabels[person.identity.kind]} ${person.identity.display}`
          : 'Saknar identitetsnummer'}
      </BodyShort>
    </VStack>
  );
}
